//! The panel endpoints' handlers. Both answers depend on settings an admin may change at any
//! moment; like every API answer they are `no-store` (`http::no_store_answers`).

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use c360_wire::{HostOrigins, PanelConfig};

use crate::auth::Caller;
use crate::http::{ApiError, TenantPath};
use crate::state::AppState;
use crate::tenants;

/// `GET /v1/panel/tenants/{tenantId}/host-origins`: public, and the same shape for unknown
/// tenants (only the server-level origins) so tenant ids cannot be probed.
pub async fn get_host_origins(
    State(state): State<AppState>,
    TenantPath(tenant_id): TenantPath,
) -> Result<Response, ApiError> {
    let allowed_host_origins = tenants::host_origins(&state.db, tenant_id, state.host_origins.clone()).await?;
    Ok(Json(HostOrigins { allowed_host_origins }).into_response())
}

/// `GET /v1/panel/tenants/{tenantId}/config`: 401 without a credential, 403 for another tenant or
/// account (or an unknown tenant), like the contract endpoints.
pub async fn get_panel_config(
    State(state): State<AppState>,
    caller: Caller,
    TenantPath(tenant_id): TenantPath,
) -> Result<Response, ApiError> {
    let mut conn = state.db.acquire().await?;
    let tenant = caller.authorize(&mut conn, &tenant_id).await?;
    let crm = tenants::crm_settings(&mut conn, &tenant.id).await?.unwrap_or_default();
    let config = PanelConfig {
        auto_log: tenants::auto_log(&mut conn, &tenant.id).await?,
        default_country: crm.default_country,
        tenant_id: tenant.id,
        native_crm: tenant.native_crm,
        screen_pop: tenant.screen_pop,
        speech_analytics: tenant.speech_analytics,
    };
    Ok(Json(config).into_response())
}
