//! Activities and cases (`POST /activities`, `PATCH /activities/{activityId}`): created with an
//! optional `Idempotency-Key` and changed by JSON merge patch with `If-Match` (`write.rs`), over
//! the store (`store.rs`). The rules are the wire crate's `ActivityRules`, with the tenant's
//! custom fields of the record type.

pub mod store;
mod write;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{patch, post};
use c360_wire::crm::{Activity, etag};
use c360_wire::routes::{CRM_ACTIVITIES, CRM_ACTIVITY};

use super::audit::at_ms;
use crate::state::AppState;
pub use store::StoredActivity;
pub use write::create;

/// The routes of activities.
pub fn router() -> Router<AppState> {
    Router::new().route(CRM_ACTIVITIES, post(write::create_activity)).route(CRM_ACTIVITY, patch(write::update_activity))
}

/// A stored activity as the wire shows it.
pub fn to_wire(a: StoredActivity) -> Activity {
    Activity {
        activity_id: a.activity_id,
        details: a.details,
        version: a.version,
        created_at: at_ms(a.created_at),
        created_by: a.created_by,
        auto: a.auto,
    }
}

/// `status` with the activity as body and its version as `ETag`.
fn with_etag(status: StatusCode, activity: &Activity) -> Response {
    let tag = HeaderValue::from_str(&etag(activity.version)).expect("a version is a valid header value");
    (status, [(header::ETAG, tag)], axum::Json(activity)).into_response()
}
