//! The panel's own endpoints (not part of the public contract): which host origins may embed and
//! message a tenant's panel (public, read before any token exists) and how the panel behaves for a
//! tenant (authenticated like the contract endpoints).

mod handler;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

/// `GET`: the tenant's allowed host origins, no credential needed.
pub const HOST_ORIGINS_PATH: &str = c360_wire::routes::HOST_ORIGINS;
/// `GET`: the tenant's panel configuration, with a panel token or API key.
pub const CONFIG_PATH: &str = c360_wire::routes::PANEL_CONFIG;

/// The routes of the panel endpoints.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(HOST_ORIGINS_PATH, get(handler::get_host_origins))
        .route(CONFIG_PATH, get(handler::get_panel_config))
}
