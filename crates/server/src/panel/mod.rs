//! The panel's own endpoints (not part of the public contract): which host origins may embed and
//! message a tenant's panel (public, read before any token exists) and how the panel behaves for a
//! tenant (authenticated like the contract endpoints).

mod handler;

use axum::Router;
use axum::routing::get;
use rusqlite::Connection;

use crate::error::ApiError;
use crate::state::AppState;
use crate::tenants;

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

/// The origins allowed to embed and message `tenant_id`'s panel: the tenant's own and the
/// server-level ones, sorted and deduplicated. An unknown tenant has only the server-level ones.
pub fn allowed_host_origins(
    conn: &Connection,
    tenant_id: &str,
    server_level: &[String],
) -> rusqlite::Result<Vec<String>> {
    let mut origins = tenants::origins(conn, tenant_id)?;
    origins.extend(server_level.iter().cloned());
    origins.sort_unstable();
    origins.dedup();
    Ok(origins)
}

/// [`allowed_host_origins`] for a request: read from the database off the async runtime.
pub async fn host_origins(state: &AppState, tenant_id: String) -> Result<Vec<String>, ApiError> {
    let server_level = state.host_origins.clone();
    state.db.call(move |conn| Ok(allowed_host_origins(conn, &tenant_id, &server_level)?)).await
}
