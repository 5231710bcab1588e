//! A JSON request body read with errors in the problem body: over the route's size limit a 413,
//! not JSON a 400 saying where it broke (axum's own `Json` rejection is plain text, and it wants a
//! content type a curl user easily forgets).

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Request};
use axum::http::StatusCode;
use c360_wire::problem::codes;
use serde_json::Value;

use super::ApiError;

/// The field path of the whole body in field errors (as `NewContact::from_json` names it).
const BODY: &str = "";

/// Largest body a JSON write takes, in bytes: a contact with every phone, email and custom value
/// at its longest fits several times over.
pub const JSON_BODY_LIMIT: usize = 256 * 1024;

/// The layer that sets [`JSON_BODY_LIMIT`] on a router's bodies.
pub fn json_body_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(JSON_BODY_LIMIT)
}

/// Any JSON value; its shape is the handler's to check, field by field.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonBody(pub Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(request, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge { limit: JSON_BODY_LIMIT }
            } else {
                ApiError::field(BODY, codes::INVALID_FORMAT, "The request body could not be read.")
            }
        })?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(ApiError::field(BODY, codes::REQUIRED, "The request needs a JSON body."));
        }
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|e| ApiError::field(BODY, codes::INVALID_FORMAT, format!("The body is not valid JSON ({e}).")))
    }
}
