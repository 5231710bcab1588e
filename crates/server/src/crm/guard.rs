//! The guard in front of every CRM route: a write (POST, PUT, PATCH, DELETE) needs a caller allowed
//! to use the tenant (401 / 403 as for the contract endpoints) and a tenant with native CRM on
//! (409 `native_crm_off` otherwise). Reads pass through; their handlers authenticate themselves.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use crate::auth::Caller;
use crate::http::{ApiError, TenantPath};
use crate::state::AppState;

/// Lets a CRM write through only for a caller of this tenant, and only with native CRM on; the
/// authorised caller goes on in the request's extensions.
pub async fn native_crm_writes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    if !matches!(*request.method(), Method::POST | Method::PUT | Method::PATCH | Method::DELETE) {
        return Ok(next.run(request).await);
    }
    let (mut parts, body) = request.into_parts();
    let caller = Caller::from_request_parts(&mut parts, &state).await?;
    let TenantPath(tenant_id) = TenantPath::from_request_parts(&mut parts, &state).await?;
    let tenant = caller.authorize(&mut *state.db.acquire().await?, &tenant_id).await?;
    if !tenant.native_crm {
        return Err(ApiError::NativeCrmOff);
    }
    parts.extensions.insert(caller);
    Ok(next.run(Request::from_parts(parts, body)).await)
}
