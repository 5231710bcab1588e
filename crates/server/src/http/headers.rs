//! Response headers: the ones every listener's answers carry, and `no-store` for answers that must
//! never be kept (every API answer: [`no_store_answers`]). No response ever sets a cookie or
//! `X-Frame-Options` (framing is CSP's `frame-ancestors`).

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tower_http::set_header::SetResponseHeaderLayer;

const NO_STORE: &str = "no-store";

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

/// `router` (the API) with `Cache-Control: no-store` on every answer, replacing any (a forwarded
/// upstream's too): its answers carry customer data, settings or credentials, which no browser or
/// proxy may keep. `no-cache` would still let them store it.
pub fn no_store_answers<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router.layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static(NO_STORE)))
}

/// `body` with `Cache-Control: no-store`: answers outside the API that depend on settings or mint
/// credentials.
pub fn no_store(body: impl IntoResponse) -> Response {
    ([(header::CACHE_CONTROL, HeaderValue::from_static(NO_STORE))], body).into_response()
}
