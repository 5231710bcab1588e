//! The native CRM's activity calls of [`ApiClient`]: create (with the caller's
//! `Idempotency-Key`, so a retry or a double click stores one record), update with `If-Match`,
//! a contact's related records, link and unlink to an interaction, and wrap-up. A stale update
//! answers [`ApiError::StaleActivity`] with the current record.

use c360_wire::crm::headers::{IDEMPOTENCY_KEY, IF_MATCH, etag};
use c360_wire::crm::{Activity, RelatedRecords, WrapUp, WrapUpAnswer};
use c360_wire::routes::{self, params};
use gloo_net::http::Method;
use serde_json::Value;
use web_sys::AbortSignal;

use super::request::{Outgoing, decode};
use super::{ApiClient, ApiError};

impl ApiClient {
    /// `POST /activities` with `Idempotency-Key: key`: sent again with the same key, the server
    /// answers the record the first request created.
    /// The body goes as the form built it, in layout `layout_id`: the server's rules, that
    /// layout's among them, name what is wrong (`task.dueAt`).
    pub async fn create_activity(&self, body: &Value, key: &str, layout_id: &str) -> Result<Activity, ApiError> {
        let json = body.to_string();
        let outgoing = Outgoing { method: Method::POST, json: Some(&json), headers: &[(IDEMPOTENCY_KEY, key)] };
        let query = [(params::LAYOUT_ID, layout_id)];
        decode(&self.request(&routes::crm_activities(self.tenant_id()), &query, outgoing, None).await?.body)
    }

    /// `PATCH /activities/{activityId}` with merge `patch`, `If-Match` naming `version`.
    pub async fn update_activity(&self, activity_id: &str, patch: &Value, version: i64) -> Result<Activity, ApiError> {
        let (json, tag) = (patch.to_string(), etag(version));
        let outgoing = Outgoing { method: Method::PATCH, json: Some(&json), headers: &[(IF_MATCH, &tag)] };
        let path = routes::crm_activity(self.tenant_id(), activity_id);
        decode(&self.request(&path, &[], outgoing, None).await?.body)
    }

    /// `GET /contacts/{contactId}/related?interactionId=…`: newest first, each new, linked or
    /// suggested relative to `interaction_id`.
    pub async fn get_related(
        &self,
        contact_id: &str,
        interaction_id: Option<&str>,
        abort: Option<&AbortSignal>,
    ) -> Result<RelatedRecords, ApiError> {
        // The path alone: gloo-net appends the query (the wire's builder would add it twice).
        let path = routes::crm_contact_related(self.tenant_id(), contact_id, None);
        let query: Vec<_> = interaction_id.map(|i| (params::INTERACTION_ID, i)).into_iter().collect();
        self.get(&path, &query, abort).await
    }

    /// `PUT` (`linked`) or `DELETE` `/interactions/{interactionId}/links/{activityId}`; a repeat
    /// is a no-op.
    pub async fn set_link(&self, interaction_id: &str, activity_id: &str, linked: bool) -> Result<(), ApiError> {
        let method = if linked { Method::PUT } else { Method::DELETE };
        let path = routes::crm_interaction_link(self.tenant_id(), interaction_id, activity_id);
        self.request(&path, &[], Outgoing { method, json: None, headers: &[] }, None).await.map(drop)
    }

    /// `POST /interactions/{interactionId}/wrap-up`. No `Idempotency-Key`: the server records an
    /// interaction's wrap-up once however often it is sent, from any tab or instance, and answers
    /// every repeat alike.
    pub async fn wrap_up(&self, interaction_id: &str, body: &WrapUp) -> Result<WrapUpAnswer, ApiError> {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Decode(e.to_string()))?;
        let outgoing = Outgoing { method: Method::POST, json: Some(&json), headers: &[] };
        let path = routes::crm_wrap_up(self.tenant_id(), interaction_id);
        decode(&self.request(&path, &[], outgoing, None).await?.body)
    }
}
