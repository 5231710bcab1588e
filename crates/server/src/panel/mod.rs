//! The panel's own endpoints (not part of the public contract): which host origins may embed and
//! message a tenant's panel (public, read before any token exists), how the panel behaves for a
//! tenant (authenticated like the contract endpoints), and the panel tokens a host's back end
//! gets and an admin revokes (API key only).

mod handler;
mod token_body;
mod tokens;

use axum::Router;
use axum::routing::{get, post};

use crate::http::json_body_limit;
use crate::state::AppState;

pub use token_body::{DEFAULT_TTL_SECS, MAX_TTL_SECS};

/// `GET`: the tenant's allowed host origins, no credential needed.
pub const HOST_ORIGINS_PATH: &str = c360_wire::routes::HOST_ORIGINS;
/// `GET`: the tenant's panel configuration, with a panel token or API key.
pub const CONFIG_PATH: &str = c360_wire::routes::PANEL_CONFIG;
/// `POST`: a panel token for one agent, with an API key.
pub const TOKENS_PATH: &str = "/v1/panel/tenants/{tenantId}/tokens";
/// `POST`: revoke one agent's panel tokens, with an API key.
pub const REVOKE_PATH: &str = "/v1/panel/tenants/{tenantId}/agents/{agentId}/revoke";

/// The routes of the panel endpoints.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(HOST_ORIGINS_PATH, get(handler::get_host_origins))
        .route(CONFIG_PATH, get(handler::get_panel_config))
        .route(TOKENS_PATH, post(tokens::post_token).layer(json_body_limit()))
        .route(REVOKE_PATH, post(tokens::post_revoke))
}
