//! The record ids of CRM paths (`{contactId}`), refused with a 400 problem when undecodable.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use c360_wire::routes::params;

use crate::http::{ApiError, path_segment};

/// The `{contactId}` path segment.
pub struct ContactPath(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ContactPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        path_segment(parts, state, params::CONTACT_ID).await.map(Self)
    }
}
