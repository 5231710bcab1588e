//! Contacts (`/contacts`, `/contacts/{contactId}`): search as you type and identity match
//! (`read.rs`), create and merge-patch with `If-Match` (`write.rs`), over the store (`store.rs`),
//! its lookup tables (`index.rs`) and search (`terms.rs`, `plan.rs`, `search.rs`).

pub mod index;
mod plan;
mod read;
pub mod search;
pub mod store;
mod terms;
mod write;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use c360_wire::crm::{Contact, etag};
use c360_wire::routes::{CRM_CONTACT, CRM_CONTACT_HISTORY, CRM_CONTACTS};

use super::audit::{at_ms, get_contact_history};
use super::guard::CrmContext;
use crate::state::AppState;
use store::StoredContact;

/// The routes of contacts and their history.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(CRM_CONTACTS, get(read::list_contacts).post(write::create_contact))
        .route(CRM_CONTACT, get(read::get_contact).patch(write::update_contact))
        .route(CRM_CONTACT_HISTORY, get(get_contact_history))
}

/// A stored contact as the wire shows it, its `crmUrl` from the tenant's template.
fn to_wire(context: &CrmContext, c: StoredContact) -> Contact {
    Contact {
        crm_url: context.crm_url(&c.contact_id),
        contact_id: c.contact_id,
        details: c.details,
        version: c.version,
        created_at: at_ms(c.created_at),
        updated_at: at_ms(c.updated_at),
        updated_by: c.updated_by,
    }
}

/// `status` with the contact as body and its version as `ETag`.
fn with_etag(status: StatusCode, contact: &Contact) -> Response {
    let tag = HeaderValue::from_str(&etag(contact.version)).expect("a version is a valid header value");
    (status, [(header::ETAG, tag)], axum::Json(contact)).into_response()
}
