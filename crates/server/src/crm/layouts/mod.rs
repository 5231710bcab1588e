//! Forms of CRM records: `GET /layouts` and `GET /fields` for a record type — the built-in fields
//! and default layout, plus what an admin stored (`store.rs`). The contact handlers take their
//! rules (required and read-only fields, custom field types) from the same [`Schema`].

mod handler;
mod store;

pub use store::{Schema, schema};

use axum::Router;
use axum::routing::get;
use c360_wire::routes::{CRM_FIELDS, CRM_LAYOUTS};

use crate::state::AppState;

/// The routes of layouts and fields.
pub fn router() -> Router<AppState> {
    Router::new().route(CRM_LAYOUTS, get(handler::get_layouts)).route(CRM_FIELDS, get(handler::get_fields))
}
