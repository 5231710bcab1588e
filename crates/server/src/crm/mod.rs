//! Our CRM API, `/v1/crm/tenants/{tenantId}/…`. No CRM resource exists yet, so every path answers a
//! 404 problem; but the whole tree already sits behind [`guard::native_crm_writes`], which refuses
//! writes to identity-only tenants. CRM routes added later go into [`router`], behind that guard.

mod guard;

use axum::Router;
use axum::middleware;
use axum::routing::any;

use crate::error::ApiError;
use crate::state::AppState;

/// Every CRM path: the tenant, then the resource.
pub const PATH: &str = c360_wire::routes::CRM;

/// The CRM routes, behind the write guard.
pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route(PATH, any(|| async { ApiError::NotFound }))
        .route_layer(middleware::from_fn_with_state(state.clone(), guard::native_crm_writes))
}
