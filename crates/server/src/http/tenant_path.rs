//! The `{tenantId}` path segment of every API route.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use c360_wire::problem::codes;
use c360_wire::routes::params;

use super::ApiError;

/// The `{tenantId}` path segment, refused with a 400 problem (not axum's plain text) when it cannot
/// be decoded. Read by name, so a route may have other segments too (the CRM's `{*rest}`).
pub struct TenantPath(pub String);

impl<S: Send + Sync> FromRequestParts<S> for TenantPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let invalid = || {
            ApiError::field(
                params::TENANT_ID,
                codes::INVALID_FORMAT,
                format!("{} is not a valid path segment.", params::TENANT_ID),
            )
        };
        let Path(segments) =
            Path::<Vec<(String, String)>>::from_request_parts(parts, state).await.map_err(|_| invalid())?;
        let tenant_id = segments.into_iter().find(|(name, _)| name == params::TENANT_ID).ok_or_else(invalid)?.1;
        // No tenant id has a NUL, and PostgreSQL cannot compare text with one.
        if tenant_id.contains('\0') {
            return Err(invalid());
        }
        Ok(Self(tenant_id))
    }
}
