//! [`CrmSource`]: where the native CRM's components get their contacts — a typed seam in context
//! whose real implementation is the [`ApiClient`]. Component tests put an in-memory CRM behind
//! it (the browser tests cannot reach a server), built on the same wire rules as the server.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use c360_wire::Identity;
use c360_wire::crm::{
    Activity, ContactList, FieldList, Layouts, NewContact, RecordType, RelatedRecords, WrapUp, WrapUpAnswer,
};
use leptos::prelude::*;
use serde_json::Value;
use web_sys::AbortSignal;

use super::{ApiClient, ApiError, Versioned};

/// What a [`Crm`] call answers, some time later.
pub type CrmFuture<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// The contact and activity calls the panel's components make, each one server handler (see [`ApiClient`]'s
/// methods of the same names). Reads take an abort signal: a superseded one is aborted, not just
/// ignored. (No component shows a contact's audit history yet: `ApiClient::get_contact_history`
/// joins here when one does, as `wrap_up` will with auto log — every method of a trait object stays
/// in the bundle.)
pub trait Crm {
    /// The tenant (drafts are kept per tenant).
    fn tenant_id(&self) -> String;
    /// Search as you type.
    fn search_contacts(&self, q: &str, limit: Option<usize>, abort: Option<AbortSignal>) -> CrmFuture<ContactList>;
    /// Every contact holding `identity`.
    fn match_contacts(&self, identity: &Identity, abort: Option<AbortSignal>) -> CrmFuture<ContactList>;
    /// Creates a contact in layout `layout_id` (`allow_duplicate`: the agent chose "Create anyway").
    fn create_contact(&self, contact: &NewContact, layout_id: &str, allow_duplicate: bool) -> CrmFuture<Versioned>;
    /// One contact and its version.
    fn get_contact(&self, contact_id: &str, abort: Option<AbortSignal>) -> CrmFuture<Versioned>;
    /// Applies merge `patch` to the contact if it is still at `version`.
    fn update_contact(&self, contact_id: &str, patch: &Value, version: i64) -> CrmFuture<Versioned>;
    /// The tenant's layouts of a record type.
    fn get_layouts(&self, record_type: &RecordType, abort: Option<AbortSignal>) -> CrmFuture<Layouts>;
    /// Every field of a record type.
    fn get_fields(&self, record_type: &RecordType, abort: Option<AbortSignal>) -> CrmFuture<FieldList>;
    /// Creates an activity in layout `layout_id`; a repeat with the same `key` answers the first
    /// record.
    fn create_activity(&self, body: &Value, key: &str, layout_id: &str) -> CrmFuture<Activity>;
    /// Applies merge `patch` to the activity if it is still at `version`.
    fn update_activity(&self, activity_id: &str, patch: &Value, version: i64) -> CrmFuture<Activity>;
    /// The contact's activities relative to `interaction_id`.
    fn get_related(
        &self,
        contact_id: &str,
        interaction_id: Option<&str>,
        abort: Option<AbortSignal>,
    ) -> CrmFuture<RelatedRecords>;
    /// Links (`linked`) or unlinks an activity and an interaction.
    fn set_link(&self, interaction_id: &str, activity_id: &str, linked: bool) -> CrmFuture<()>;
    /// Records the interaction's wrap-up (once, however often it is sent).
    fn wrap_up(&self, interaction_id: &str, body: &WrapUp) -> CrmFuture<WrapUpAnswer>;
}

impl Crm for ApiClient {
    fn tenant_id(&self) -> String {
        ApiClient::tenant_id(self).to_owned()
    }

    fn search_contacts(&self, q: &str, limit: Option<usize>, abort: Option<AbortSignal>) -> CrmFuture<ContactList> {
        let (client, q) = (self.clone(), q.to_owned());
        Box::pin(async move { client.search_contacts(&q, limit, abort.as_ref()).await })
    }

    fn match_contacts(&self, identity: &Identity, abort: Option<AbortSignal>) -> CrmFuture<ContactList> {
        let (client, identity) = (self.clone(), identity.clone());
        Box::pin(async move { client.match_contacts(&identity, abort.as_ref()).await })
    }

    fn create_contact(&self, contact: &NewContact, layout_id: &str, allow_duplicate: bool) -> CrmFuture<Versioned> {
        let (client, contact, layout_id) = (self.clone(), contact.clone(), layout_id.to_owned());
        Box::pin(async move { client.create_contact(&contact, &layout_id, allow_duplicate).await })
    }

    fn get_contact(&self, contact_id: &str, abort: Option<AbortSignal>) -> CrmFuture<Versioned> {
        let (client, id) = (self.clone(), contact_id.to_owned());
        Box::pin(async move { client.get_contact(&id, abort.as_ref()).await })
    }

    fn update_contact(&self, contact_id: &str, patch: &Value, version: i64) -> CrmFuture<Versioned> {
        let (client, id, patch) = (self.clone(), contact_id.to_owned(), patch.clone());
        Box::pin(async move { client.update_contact(&id, &patch, version).await })
    }

    fn get_layouts(&self, record_type: &RecordType, abort: Option<AbortSignal>) -> CrmFuture<Layouts> {
        let (client, record_type) = (self.clone(), record_type.clone());
        Box::pin(async move { client.get_layouts(&record_type, abort.as_ref()).await })
    }

    fn get_fields(&self, record_type: &RecordType, abort: Option<AbortSignal>) -> CrmFuture<FieldList> {
        let (client, record_type) = (self.clone(), record_type.clone());
        Box::pin(async move { client.get_fields(&record_type, abort.as_ref()).await })
    }

    fn create_activity(&self, body: &Value, key: &str, layout_id: &str) -> CrmFuture<Activity> {
        let (client, body, key, layout_id) = (self.clone(), body.clone(), key.to_owned(), layout_id.to_owned());
        Box::pin(async move { client.create_activity(&body, &key, &layout_id).await })
    }

    fn update_activity(&self, activity_id: &str, patch: &Value, version: i64) -> CrmFuture<Activity> {
        let (client, id, patch) = (self.clone(), activity_id.to_owned(), patch.clone());
        Box::pin(async move { client.update_activity(&id, &patch, version).await })
    }

    fn get_related(
        &self,
        contact_id: &str,
        interaction_id: Option<&str>,
        abort: Option<AbortSignal>,
    ) -> CrmFuture<RelatedRecords> {
        let (client, id, during) = (self.clone(), contact_id.to_owned(), interaction_id.map(str::to_owned));
        Box::pin(async move { client.get_related(&id, during.as_deref(), abort.as_ref()).await })
    }

    fn set_link(&self, interaction_id: &str, activity_id: &str, linked: bool) -> CrmFuture<()> {
        let (client, during, id) = (self.clone(), interaction_id.to_owned(), activity_id.to_owned());
        Box::pin(async move { client.set_link(&during, &id, linked).await })
    }

    fn wrap_up(&self, interaction_id: &str, body: &WrapUp) -> CrmFuture<WrapUpAnswer> {
        let (client, id, body) = (self.clone(), interaction_id.to_owned(), body.clone());
        Box::pin(async move { client.wrap_up(&id, &body).await })
    }
}

/// The [`Crm`] in context: copied into every component that needs contacts.
#[derive(Clone, Copy)]
pub struct CrmSource(StoredValue<Rc<dyn Crm>, LocalStorage>);

impl CrmSource {
    /// A source calling `crm`, owned by the current owner.
    pub fn new(crm: impl Crm + 'static) -> Self {
        Self(StoredValue::new_local(Rc::new(crm)))
    }

    /// The CRM behind it (the value outlives a call's future, which owns what it needs).
    pub fn get(&self) -> Rc<dyn Crm> {
        self.0.get_value()
    }
}

/// The [`CrmSource`] in context (`SignedIn` provides it in native-CRM tenants).
pub fn use_crm() -> CrmSource {
    expect_context()
}
