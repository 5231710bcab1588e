//! Our CRM API, `/v1/crm/tenants/{tenantId}/…`. No CRM resource exists yet, so every path answers a
//! 404 problem; but the whole tree already sits behind [`guarded`]'s write guard, which refuses
//! writes to identity-only tenants. CRM routes added later go into [`router`], behind that guard.

mod guard;

use axum::Router;
use axum::middleware;
use axum::routing::any;

use crate::http::ApiError;
use crate::state::AppState;

/// Every CRM path: the tenant, then the resource.
pub const PATH: &str = c360_wire::routes::CRM;

/// The CRM routes, behind the write guard.
pub fn router(state: &AppState) -> Router<AppState> {
    guarded(Router::new().route(PATH, any(|| async { ApiError::NotFound })), state)
}

/// `routes` behind the write guard: a write reaches them only from a caller of the tenant, and only
/// with native CRM on. The guard leaves the caller it authorised in the request's extensions, where
/// the `Caller` extractor finds it, so a handler behind it authenticates and counts nothing again.
pub fn guarded(routes: Router<AppState>, state: &AppState) -> Router<AppState> {
    routes.route_layer(middleware::from_fn_with_state(state.clone(), guard::native_crm_writes))
}
