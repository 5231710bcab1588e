//! The native CRM's contact calls of [`ApiClient`] (`/v1/crm/tenants/{tenantId}/…`), one `async fn`
//! per server handler: search, identity match, create, read with its version, update with
//! `If-Match`, audit history, layouts and fields. Paths and parameter names come from
//! `c360_wire::routes`; error bodies are read as the CRM's (a 409 names the duplicates, a 412
//! carries the current contact), see [`ApiError::from_response`].

use c360_wire::Identity;
use c360_wire::crm::headers::{IF_MATCH, etag, if_match_version};
use c360_wire::crm::{AuditHistory, Contact, ContactList, FieldList, Layouts, NewContact, RecordType};
use c360_wire::routes::{self, params};
use c360_wire::urlencoding::encode;
use gloo_net::http::Method;
use serde_json::Value;
use web_sys::AbortSignal;

use super::request::{Outgoing, Received, decode};
use super::{ApiClient, ApiError};

/// A contact and the version its `ETag` names (what the next `If-Match` sends).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versioned {
    /// The contact as stored.
    pub contact: Contact,
    /// Its version.
    pub version: i64,
}

impl Versioned {
    /// The contact of a 2xx answer, with the version of its `ETag` (the body's when there is none).
    fn read(received: &Received) -> Result<Self, ApiError> {
        let contact: Contact = decode(&received.body)?;
        let version = received.etag.as_deref().and_then(if_match_version).unwrap_or(contact.version);
        Ok(Self { contact, version })
    }
}

impl ApiClient {
    /// `GET /contacts?q=…&limit=…`: search as you type, best match first.
    pub async fn search_contacts(
        &self,
        q: &str,
        limit: Option<usize>,
        abort: Option<&AbortSignal>,
    ) -> Result<ContactList, ApiError> {
        let limit = limit.map(|n| n.to_string());
        let mut query = vec![(params::Q, q)];
        query.extend(limit.as_deref().map(|n| (params::LIMIT, n)));
        self.get(&routes::crm_contacts(self.tenant_id()), &query, abort).await
    }

    /// `GET /contacts?phoneNumber=…` or `?email=…`: every contact holding that identifier.
    pub async fn match_contacts(
        &self,
        identity: &Identity,
        abort: Option<&AbortSignal>,
    ) -> Result<ContactList, ApiError> {
        self.get(&routes::crm_contacts(self.tenant_id()), &[identity.query_pair()], abort).await
    }

    /// `POST /contacts?layoutId=…` in the layout the form showed (`&allowDuplicate=true` once the
    /// agent chose "Create anyway").
    pub async fn create_contact(
        &self,
        contact: &NewContact,
        layout_id: &str,
        allow_duplicate: bool,
    ) -> Result<Versioned, ApiError> {
        let json = serde_json::to_string(contact).map_err(|e| ApiError::Decode(e.to_string()))?;
        let mut query = vec![(params::LAYOUT_ID, layout_id)];
        query.extend(allow_duplicate.then_some((params::ALLOW_DUPLICATE, "true")));
        let outgoing = Outgoing { method: Method::POST, json: Some(&json), headers: &[] };
        Versioned::read(&self.request(&routes::crm_contacts(self.tenant_id()), &query, outgoing, None).await?)
    }

    /// `GET /contacts/{contactId}`, with the version of its `ETag`.
    pub async fn get_contact(&self, contact_id: &str, abort: Option<&AbortSignal>) -> Result<Versioned, ApiError> {
        let path = routes::crm_contact(self.tenant_id(), contact_id);
        Versioned::read(&self.request(&path, &[], Outgoing::GET, abort).await?)
    }

    /// `PATCH /contacts/{contactId}` with merge `patch`, `If-Match` naming `version`. A stale
    /// version answers [`ApiError::Stale`] with the current contact.
    pub async fn update_contact(&self, contact_id: &str, patch: &Value, version: i64) -> Result<Versioned, ApiError> {
        let json = patch.to_string();
        let tag = etag(version);
        let outgoing = Outgoing { method: Method::PATCH, json: Some(&json), headers: &[(IF_MATCH, &tag)] };
        let path = routes::crm_contact(self.tenant_id(), contact_id);
        Versioned::read(&self.request(&path, &[], outgoing, None).await?)
    }

    /// `GET /contacts/{contactId}/history`: one audit entry per write, newest first.
    pub async fn get_contact_history(
        &self,
        contact_id: &str,
        abort: Option<&AbortSignal>,
    ) -> Result<AuditHistory, ApiError> {
        self.get(&routes::crm_contact_history(self.tenant_id(), contact_id), &[], abort).await
    }

    /// `GET /layouts?recordType=…`: the tenant's layouts of a record type.
    pub async fn get_layouts(
        &self,
        record_type: &RecordType,
        abort: Option<&AbortSignal>,
    ) -> Result<Layouts, ApiError> {
        let path = for_tenant(routes::CRM_LAYOUTS, self.tenant_id());
        self.get(&path, &[(params::RECORD_TYPE, record_type.as_str())], abort).await
    }

    /// `GET /fields?recordType=…`: every field of a record type, built-in and custom.
    pub async fn get_fields(
        &self,
        record_type: &RecordType,
        abort: Option<&AbortSignal>,
    ) -> Result<FieldList, ApiError> {
        let path = for_tenant(routes::CRM_FIELDS, self.tenant_id());
        self.get(&path, &[(params::RECORD_TYPE, record_type.as_str())], abort).await
    }
}

/// A tenant route without its query: the wire's builders for layouts and fields append
/// `?recordType=`, which gloo-net would then follow with a stray `&` when it adds the query.
fn for_tenant(template: &str, tenant_id: &str) -> String {
    template.replace(&format!("{{{}}}", params::TENANT_ID), &encode(tenant_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_and_field_paths_are_the_wire_s_without_their_query() {
        let (path, _) = routes::crm_layouts("a/b", "contact").split_once('?').map(|(p, q)| (p.to_owned(), q)).unwrap();
        assert_eq!(for_tenant(routes::CRM_LAYOUTS, "a/b"), path);
        assert_eq!(for_tenant(routes::CRM_FIELDS, "demo"), "/v1/crm/tenants/demo/fields");
    }

    #[test]
    fn a_contact_s_version_is_the_one_its_etag_names() {
        let body = serde_json::json!({
            "contactId": "c-1", "firstName": "Dana", "lastName": "Whitfield", "phones": ["+14155550100"],
            "crmUrl": "https://crm.example.com/c/c-1", "version": 3,
            "createdAt": "2026-01-05T10:00:00Z", "updatedAt": "2026-02-01T08:30:15Z", "updatedBy": "Sam"
        })
        .to_string();
        let with_tag = Received { body: body.clone(), etag: Some("\"4\"".into()) };
        assert_eq!(Versioned::read(&with_tag).unwrap().version, 4);
        let without = Received { body, etag: None };
        assert_eq!(Versioned::read(&without).unwrap().version, 3);
        assert!(matches!(Versioned::read(&Received { body: "{}".into(), etag: None }), Err(ApiError::Decode(_))));
    }
}
