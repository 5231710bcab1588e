//! The `{tenantId}` path segment of every API route, and any other named segment, refused with a
//! 400 problem (not axum's plain text) when it cannot be decoded.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use c360_wire::problem::codes;
use c360_wire::routes::params;

use super::ApiError;

/// The `{tenantId}` path segment. Read by name, so a route may have other segments too (the
/// CRM's `{contactId}`, `{*rest}`).
pub struct TenantPath(pub String);

impl<S: Send + Sync> FromRequestParts<S> for TenantPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        path_segment(parts, state, params::TENANT_ID).await.map(Self)
    }
}

/// The decoded path segment `name` of the matched route. No identifier has a NUL, and
/// PostgreSQL cannot compare text with one, so a segment holding one is refused too.
pub async fn path_segment<S: Send + Sync>(parts: &mut Parts, state: &S, name: &str) -> Result<String, ApiError> {
    let invalid = || ApiError::field(name, codes::INVALID_FORMAT, format!("{name} is not a valid path segment."));
    let Path(segments) =
        Path::<Vec<(String, String)>>::from_request_parts(parts, state).await.map_err(|_| invalid())?;
    let value = segments.into_iter().find(|(n, _)| n == name).ok_or_else(invalid)?.1;
    if value.contains('\0') {
        return Err(invalid());
    }
    Ok(value)
}
