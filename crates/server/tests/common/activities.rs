//! What the activity, related-records and wrap-up tests share: a contact to work on, creates,
//! patches, wrap-ups and the auto-log settings, all as the `crm` agent unless said otherwise.

use axum::http::Method;
use c360_server::tenants;
use serde_json::{Value, json};

use super::Reply;
use super::crm::{Crm, TENANT};

/// Dana Whitfield, as created.
pub fn dana() -> Value {
    json!({"firstName": "Dana", "lastName": "Whitfield", "phones": ["+14155550100"], "company": "Whitfield Bakery"})
}

/// A valid task for `contact`.
pub fn task(contact: &str) -> Value {
    json!({"type": "task", "contactId": contact, "subject": "Send the refund form",
           "task": {"dueAt": "2026-03-02T17:00:00+01:00", "priority": "high"}})
}

/// A valid note for `contact`, made during `interaction` if given.
pub fn note(contact: &str, text: &str, interaction: Option<&str>) -> Value {
    json!({"type": "note", "contactId": contact, "description": text, "interactionId": interaction})
}

/// A wrap-up body of an inbound call of `contact`.
pub fn call_wrap_up(contact: &str) -> Value {
    json!({"contactId": contact, "mediaType": "PHONE", "direction": "INBOUND",
           "startedAt": "2026-03-01T09:00:00-05:00", "endedAt": "2026-03-01T09:03:05-05:00",
           "wrapUpCodes": ["billing_support"]})
}

impl Crm {
    /// Creates Dana and returns her id.
    pub async fn dana_id(&self) -> String {
        self.created(dana()).await["contactId"].as_str().unwrap().to_owned()
    }

    /// `POST /activities`, with an `Idempotency-Key` when given.
    pub async fn post_activity(&self, body: &Value, key: Option<&str>) -> Reply {
        let headers: Vec<(&str, &str)> = key.iter().map(|k| ("idempotency-key", *k)).collect();
        self.call(Method::POST, &Crm::path("activities"), Some(body), &headers).await
    }

    /// Creates an activity, which must succeed, and returns it.
    pub async fn activity(&self, body: Value) -> Value {
        let reply = self.post_activity(&body, None).await;
        assert_eq!(reply.status, 201, "{}", reply.json);
        reply.json
    }

    /// `PATCH /activities/{id}`, `If-Match` naming `version` when given.
    pub async fn patch_activity(&self, id: &str, patch: Value, version: Option<i64>) -> Reply {
        let tag = version.map(|v| format!("\"{v}\""));
        let headers: Vec<(&str, &str)> = tag.iter().map(|t| ("if-match", t.as_str())).collect();
        self.call(Method::PATCH, &Crm::path(&format!("activities/{id}")), Some(&patch), &headers).await
    }

    /// `(subject or description, relation)` of the contact's related records, in order.
    pub async fn related(&self, contact: &str, interaction: Option<&str>) -> Vec<(String, String)> {
        let reply = self.get(&c360_wire::routes::crm_contact_related(TENANT, contact, interaction)).await;
        assert_eq!(reply.status, 200, "{}", reply.json);
        reply.json["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let title = r["subject"].as_str().filter(|s| !s.is_empty()).or(r["description"].as_str());
                (title.unwrap().to_owned(), r["relation"].as_str().unwrap().to_owned())
            })
            .collect()
    }

    /// `POST /interactions/{interaction}/wrap-up`.
    pub async fn wrap_up(&self, interaction: &str, body: &Value) -> Reply {
        self.call(Method::POST, &Crm::path(&format!("interactions/{interaction}/wrap-up")), Some(body), &[]).await
    }

    /// Sets the tenant's auto-log media (`voice,chat,email` or `off`) and record kind.
    pub async fn set_auto_log(&self, tenant: &str, media: &str, record: &str) {
        let mut conn = self.server.state.db.acquire().await.unwrap();
        let mut settings = tenants::settings(&mut conn, tenant).await.unwrap().unwrap();
        settings.auto_log = tenants::parse_auto_log(media).unwrap();
        tenants::save(&mut conn, &settings).await.unwrap();
        let record = c360_server::crm::wrap_up::parse_auto_log_record(record).unwrap();
        c360_server::crm::wrap_up::set_auto_log_record(&mut conn, tenant, record).await.unwrap();
    }

    /// How many rows `table` holds for tenant `tenant`.
    pub async fn count(&self, table: &str, tenant: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE tenant_id = $1");
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(tenant).fetch_one(self.server.state.db.pool()).await.unwrap()
    }

    /// `(field, code)` of each error of a 400, which it must be.
    pub fn field_errors(reply: &Reply) -> Vec<(String, String)> {
        assert_eq!(reply.status, 400, "{}", reply.json);
        let errors = reply.json["errors"].as_array().unwrap();
        errors
            .iter()
            .map(|e| (e["field"].as_str().unwrap().to_owned(), e["code"].as_str().unwrap().to_owned()))
            .collect()
    }
}
