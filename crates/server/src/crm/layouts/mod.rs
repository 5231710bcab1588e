//! Forms of CRM records: `GET /layouts` and `GET /fields` for a record type — the built-in fields
//! and default layout, plus what an admin stored (`store.rs`) through `PUT /fields/{field}` and
//! `PUT /layouts/{layoutId}` (API key only; bodies checked in `admin.rs`). The contact and activity
//! handlers take their rules (required and read-only fields, custom field types) from the same
//! [`Schema`], through the layout `?layoutId=` chose (`chosen.rs`).

mod admin;
mod chosen;
mod define;
mod handler;
mod store;

pub use admin::{field_definition, layout_input};
pub use chosen::layout_id;
pub use define::{DefineError, define_layouts, describe_errors};
pub use store::{Schema, put_field, put_layout, schema};

use axum::Router;
use axum::routing::{get, put};
use c360_wire::routes::{CRM_FIELD, CRM_FIELDS, CRM_LAYOUT, CRM_LAYOUTS};

use crate::state::AppState;

/// The routes of layouts and fields.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(CRM_LAYOUTS, get(handler::get_layouts))
        .route(CRM_LAYOUT, put(handler::put_layout))
        .route(CRM_FIELDS, get(handler::get_fields))
        .route(CRM_FIELD, put(handler::put_field))
}
