//! The panel endpoints' handlers. Both answers depend on settings an admin may change at any
//! moment, so neither is cached.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use c360_wire::{HostOrigins, PanelConfig};

use super::allowed_host_origins;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use crate::tenants;
use crate::web::TenantPath;

/// `GET /v1/panel/tenants/{tenantId}/host-origins`: public, and the same shape for unknown
/// tenants (only the server-level origins) so tenant ids cannot be probed.
pub async fn get_host_origins(
    State(state): State<AppState>,
    TenantPath(tenant_id): TenantPath,
) -> Result<Response, ApiError> {
    let server_level = state.host_origins.clone();
    let allowed_host_origins =
        state.db.call(move |conn| Ok(allowed_host_origins(conn, &tenant_id, &server_level)?)).await?;
    Ok(no_store(Json(HostOrigins { allowed_host_origins })))
}

/// `GET /v1/panel/tenants/{tenantId}/config`: 401 without a credential, 403 for another tenant or
/// account (or an unknown tenant), like the contract endpoints.
pub async fn get_panel_config(
    State(state): State<AppState>,
    caller: Caller,
    TenantPath(tenant_id): TenantPath,
) -> Result<Response, ApiError> {
    let config = state
        .db
        .call(move |conn| {
            let tenant = caller.authorize(conn, &tenant_id)?;
            let settings = tenants::settings(conn, &tenant.id)?.ok_or(ApiError::Forbidden)?;
            Ok(PanelConfig {
                tenant_id: tenant.id,
                native_crm: tenant.native_crm,
                speech_analytics: tenant.speech_analytics,
                auto_log: settings.auto_log,
            })
        })
        .await?;
    Ok(no_store(Json(config)))
}

fn no_store(body: impl IntoResponse) -> Response {
    ([(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))], body).into_response()
}
