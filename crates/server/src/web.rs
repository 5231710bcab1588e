//! What is not an API resource: the built panel's files, problem-body fallbacks for unknown API
//! paths and methods, and response headers (the content security policy is [`crate::csp`]'s). No
//! response ever sets a cookie or `X-Frame-Options` (framing is CSP's `frame-ancestors`).

use axum::Router;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::csp::{self, Csp};
use crate::error::ApiError;
use crate::state::AppState;

/// Adds fallbacks and headers around the API routes.
pub fn finish(api: Router<AppState>, state: &AppState) -> Router<AppState> {
    let api = api.route("/v1/{*rest}", any(|| async { ApiError::NotFound })).method_not_allowed_fallback(|| async {
        crate::error::problem_response(&c360_wire::Problem::new(405, "Method not allowed"))
    });
    let app = match &state.static_dir {
        Some(dir) => {
            // Unknown paths get the panel (it routes on the client); the shell itself is never cached
            // so a new release is picked up at once, while hashed assets may be.
            let index = ServeFile::new(dir.join("index.html"));
            api.fallback_service(ServeDir::new(dir).fallback(index))
        }
        None => api.fallback(|| async { ApiError::NotFound }),
    };
    common_headers(app).layer(middleware::from_fn_with_state(Csp::new(state), csp::set_policy))
}

/// The headers every listener's answers carry besides their CSP: `nosniff`, a referrer policy that
/// sends only the origin across sites, and `no-cache` unless the handler chose otherwise.
pub fn common_headers<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-cache")))
}

/// `body` with `Cache-Control: no-store`: answers that depend on settings or mint credentials.
pub fn no_store(body: impl IntoResponse) -> Response {
    ([(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))], body).into_response()
}

/// The `{tenantId}` path segment, refused with a 400 problem (not axum's plain text) when it cannot
/// be decoded. Read by name, so a route may have other segments too (the CRM's `{*rest}`).
pub struct TenantPath(pub String);

#[derive(serde::Deserialize)]
struct TenantParam {
    #[serde(rename = "tenantId")]
    tenant_id: String,
}

impl<S: Send + Sync> FromRequestParts<S> for TenantPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(TenantParam { tenant_id }) = Path::from_request_parts(parts, state).await.map_err(|_| {
            ApiError::field(
                "tenantId",
                c360_wire::problem::codes::INVALID_FORMAT,
                "tenantId is not a valid path segment.",
            )
        })?;
        Ok(Self(tenant_id))
    }
}

/// The upstream path of a contract endpoint for `tenant_id`, with the caller's query unchanged.
pub fn forward_path(tenant_id: &str, endpoint: &str, raw_query: Option<&str>) -> String {
    let query = raw_query.filter(|q| !q.is_empty()).map(|q| format!("?{q}")).unwrap_or_default();
    format!("/v1/public/tenants/{}/{endpoint}{query}", c360_wire::urlencoding::encode(tenant_id))
}
