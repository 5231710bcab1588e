//! The address a request came from: the socket peer's, which the listener puts in the request's
//! extensions (`ConnectInfo<SocketAddr>`, axum's own type, as `axum::serve` does with
//! `into_make_service_with_connect_info`).
//!
//! No forwarding header (`X-Forwarded-For`, `Forwarded`) is read: anyone can send one, and this
//! server has no setting naming the proxies whose headers it could believe. Behind a load balancer
//! every client therefore has the balancer's address (docs/deploy.md says what that means for the
//! failed-authentication limit).

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::request::Parts;

/// The peer address of the connection `parts` came on, if the server that received it said.
pub fn client_addr(parts: &Parts) -> Option<IpAddr> {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(peer)| peer.ip())
}
