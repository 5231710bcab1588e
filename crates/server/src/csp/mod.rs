//! `Content-Security-Policy` on every response. The panel's document may be framed only by itself,
//! the requesting tenant's allowed host origins (its `tenantId` query parameter) and the server-level
//! ones; its inline start-up script runs by hash. Other files get the same policy without tenant
//! origins; API answers may be neither loaded from nor framed.

pub mod policy;
mod scripts;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::panel::host_origins;
use crate::query::QueryPairs;
use crate::state::AppState;
use crate::tenants::parse_origin;
use scripts::ScriptHashes;

/// What the policy middleware needs: the state, and the served document's inline-script hashes.
#[derive(Clone)]
pub struct Csp {
    state: AppState,
    scripts: ScriptHashes,
}

impl Csp {
    /// Hashes the inline scripts of the served `index.html` when the router is built.
    pub fn new(state: &AppState) -> Self {
        let index = state.static_dir.as_ref().map(|dir| dir.join("index.html"));
        Self { state: state.clone(), scripts: ScriptHashes::new(index) }
    }
}

/// Sets the response's policy (replacing any).
pub async fn set_policy(State(csp): State<Csp>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let api = path == "/v1" || path.starts_with("/v1/") || path == crate::openapi::PATH;
    let tenant_id = if api {
        None
    } else {
        QueryPairs::parse(request.uri().query()).ok().and_then(|q| q.single("tenantId").ok().flatten())
    };
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let value = if api {
        HeaderValue::from_static(policy::API)
    } else {
        let policy = if html {
            let ancestors = match tenant_id {
                Some(tenant_id) => tenant_origins(&csp.state, tenant_id).await,
                None => csp.state.host_origins.to_vec(),
            };
            policy::document(&csp.scripts.current().await, &ancestors)
        } else {
            policy::document(&csp.scripts.cached(), &csp.state.host_origins)
        };
        HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static(policy::API))
    };
    response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, value);
    response
}

/// The tenant's allowed host origins with the server-level ones; only the server-level ones if they
/// cannot be read (framing is then refused rather than widened).
async fn tenant_origins(state: &AppState, tenant_id: String) -> Vec<String> {
    match host_origins(state, tenant_id).await {
        // Stored origins were checked on the way in; checking again keeps the header well-formed.
        Ok(origins) => origins.into_iter().filter(|o| parse_origin(o).as_ref() == Ok(o)).collect(),
        Err(e) => {
            tracing::error!(error = %e, "cannot read a tenant's host origins");
            state.host_origins.to_vec()
        }
    }
}
