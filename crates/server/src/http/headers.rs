//! Response headers: the ones every listener's answers carry, and `no-store` for answers that must
//! never be reused. No response ever sets a cookie or `X-Frame-Options` (framing is CSP's
//! `frame-ancestors`).

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tower_http::set_header::SetResponseHeaderLayer;

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
