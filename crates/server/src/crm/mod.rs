//! Our CRM API, `/v1/crm/tenants/{tenantId}/…` (normative in `native-crm-api.md`), by resource:
//! contacts (search, identity match, create, read, merge patch), their audit history, the
//! layouts and fields their forms follow, activities and cases, related records and links, and
//! wrap-up with auto log. Every CRM path, known or not, sits behind
//! [`guarded`]'s guard: 401 / 403 as for the contract endpoints, 409 `native_crm_off` for
//! identity-only tenants, then 404 for a path that is no resource.

pub mod activities;
pub mod audit;
pub mod contacts;
mod guard;
pub mod layouts;
mod path;
pub mod related;
pub mod wrap_up;

pub use guard::CrmContext;

use axum::Router;
use axum::middleware;
use axum::routing::any;

use crate::http::{ApiError, json_body_limit, method_not_allowed};
use crate::state::AppState;

/// Every CRM path: the tenant, then the resource.
pub const PATH: &str = c360_wire::routes::CRM;

/// The CRM routes, behind the guard, with the JSON body limit.
pub fn router(state: &AppState) -> Router<AppState> {
    let routes = Router::new()
        .merge(contacts::router())
        .merge(layouts::router())
        .merge(activities::router())
        .merge(related::router())
        .merge(wrap_up::router())
        .route(PATH, any(|| async { ApiError::NotFound }))
        .layer(json_body_limit());
    guarded(routes, state)
}

/// `routes` behind the guard: a request reaches them only from a caller of the tenant, and only
/// with native CRM on. The guard leaves what it established in the request's extensions, where
/// the `CrmContext` and `Caller` extractors find it, so a handler behind it authenticates and
/// counts nothing again. It wraps every method of every route, so a method a path does not serve
/// is refused for an identity-only tenant like any other request.
pub fn guarded(routes: Router<AppState>, state: &AppState) -> Router<AppState> {
    // The 405 answer is set here, so the guard wraps it too (a router's own 405 is replaced by
    // the application's, outside any layer).
    routes
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(state.clone(), guard::native_crm))
}
