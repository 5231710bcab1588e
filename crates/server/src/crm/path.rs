//! The record ids of CRM paths (`{contactId}`, `{field}`, `{layoutId}`, `{activityId}`,
//! `{interactionId}`), each refused with a 400 problem naming it when it cannot be decoded.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use c360_wire::routes::params;

use crate::http::{ApiError, path_segment};

macro_rules! segment {
    ($(#[$doc:meta])* $name:ident = $param:expr) => {
        $(#[$doc])*
        pub struct $name(pub String);

        impl<S: Send + Sync> FromRequestParts<S> for $name {
            type Rejection = ApiError;

            async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
                path_segment(parts, state, $param).await.map(Self)
            }
        }
    };
}

segment!(
    /// The `{contactId}` path segment.
    ContactPath = params::CONTACT_ID
);
segment!(
    /// The `{field}` path segment (a custom field's name).
    FieldPath = params::FIELD
);
segment!(
    /// The `{layoutId}` path segment.
    LayoutPath = params::LAYOUT_ID
);
segment!(
    /// The `{activityId}` path segment.
    ActivityPath = params::ACTIVITY_ID
);
segment!(
    /// The `{interactionId}` path segment.
    InteractionPath = params::INTERACTION_ID
);
