//! The demo agent workspace: a stand-in for the host application, served by
//! `serve --demo --workspace-listen ADDR` on a second listener, hence a second origin. Its page
//! embeds the panel in an iframe and speaks the host protocol with it; `/demo/rogue` messages the
//! panel from an origin the panel must not trust. The page, its script and style are plain files
//! compiled in (`page.html`, `workspace.js`, `workspace.css`, `rogue.html`, `rogue.js`).

mod session;

pub use session::{INTERNAL_NUMBER, UNKNOWN_NUMBER};

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::auth::token::TokenSigner;
use crate::db::Db;
use crate::http::{ApiError, common_headers};

/// Where the workspace page is served.
pub const PAGE_PATH: &str = "/demo/workspace";

/// The workspace's own policy: its own script and style only, any http(s) frame (the panel on the
/// main origin, the rogue page on the other loopback name).
pub const POLICY: &str =
    "default-src 'self'; frame-src http: https:; script-src 'self'; style-src 'self'; connect-src 'self'";

/// What the workspace's handlers share.
#[derive(Clone)]
pub struct WorkspaceState {
    /// Signs the demo panel tokens the session endpoint hands out.
    pub tokens: TokenSigner,
    /// The database, for what token issuing reads (the agent's last revocation).
    pub db: Db,
    /// The main listener's origin, where the panel is served.
    pub panel_origin: String,
}

/// The workspace's router; it has nothing of the main one, and the main one has nothing of it.
pub fn router(state: WorkspaceState) -> Router {
    let routes = Router::new()
        .route(PAGE_PATH, get(|| file("text/html; charset=utf-8", include_str!("page.html"))))
        .route("/demo/workspace.js", get(|| file("text/javascript; charset=utf-8", include_str!("workspace.js"))))
        .route("/demo/workspace.css", get(|| file("text/css; charset=utf-8", include_str!("workspace.css"))))
        .route("/demo/workspace/session", get(session::get_session))
        .route("/demo/rogue", get(|| file("text/html; charset=utf-8", include_str!("rogue.html"))))
        .route("/demo/rogue.js", get(|| file("text/javascript; charset=utf-8", include_str!("rogue.js"))))
        // Browsers ask for it; an empty answer keeps their consoles free of 404s.
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .fallback(|| async { ApiError::NotFound })
        .with_state(state);
    common_headers(routes)
        .layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(POLICY)))
}

/// A compiled-in file.
async fn file(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, HeaderValue::from_static(content_type))], body)
}

/// The origin a browser on this machine reaches a listener bound to `addr` at: loopback when it is
/// bound to every interface.
pub fn origin_of(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_of_listeners_are_reachable_addresses() {
        assert_eq!(origin_of("127.0.0.1:8082".parse().unwrap()), "http://127.0.0.1:8082");
        assert_eq!(origin_of("0.0.0.0:8082".parse().unwrap()), "http://127.0.0.1:8082");
        assert_eq!(origin_of("[::]:8082".parse().unwrap()), "http://[::1]:8082");
    }
}
