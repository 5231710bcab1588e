//! What the CRM tests share: a server with a native-CRM tenant of its own (`crm`, default country
//! US) beside one of another account (`crm-other`), and requests with JSON bodies.

use axum::http::Method;
use c360_server::tenants::{self, Tenant};
use serde_json::Value;

pub use super::send_json;
use super::{Reply, TestServer, bearer};

/// The tenant the CRM tests work in.
pub const TENANT: &str = "crm";
/// A native-CRM tenant of another account.
pub const OTHER: &str = "crm-other";

pub struct Crm {
    pub server: TestServer,
    /// A panel token of `crm` (agent "Test Agent").
    pub auth: (String, String),
}

impl Crm {
    pub async fn new() -> Self {
        let server = TestServer::new().await;
        let mut conn = server.state.db.acquire().await.unwrap();
        for (id, account) in [(TENANT, "crm-account"), (OTHER, "crm-other-account")] {
            let tenant = Tenant {
                id: id.into(),
                account_id: account.into(),
                speech_analytics: true,
                native_crm: true,
                screen_pop: true,
            };
            tenants::create(&mut conn, &tenant, server.now_ms).await.unwrap();
            let mut settings = tenants::settings(&mut conn, id).await.unwrap().unwrap();
            settings.crm.default_country = Some("US".into());
            tenants::save(&mut conn, &settings).await.unwrap();
        }
        drop(conn);
        let auth = ("authorization".to_owned(), bearer(&server.token_for(TENANT, 600)));
        Self { server, auth }
    }

    /// `/v1/crm/tenants/crm/{rest}`.
    pub fn path(rest: &str) -> String {
        format!("/v1/crm/tenants/{TENANT}/{rest}")
    }

    /// A request as the `crm` agent, with a JSON body if given, and more headers.
    pub async fn call(&self, method: Method, uri: &str, body: Option<&Value>, headers: &[(&str, &str)]) -> Reply {
        let mut all: Vec<(&str, &str)> = vec![(self.auth.0.as_str(), self.auth.1.as_str())];
        all.extend_from_slice(headers);
        send_json(&self.server.state, method, uri, body.map(Value::to_string), &all).await
    }

    /// `GET` as the `crm` agent.
    pub async fn get(&self, uri: &str) -> Reply {
        self.call(Method::GET, uri, None, &[]).await
    }

    /// `POST /contacts` as the `crm` agent.
    pub async fn create(&self, contact: Value) -> Reply {
        self.call(Method::POST, &Self::path("contacts"), Some(&contact), &[]).await
    }

    /// Creates a contact, which must succeed, and returns it.
    pub async fn created(&self, contact: Value) -> Value {
        let reply = self.create(contact).await;
        assert_eq!(reply.status, 201, "{}", reply.json);
        reply.json
    }

    /// `PATCH /contacts/{id}` as the `crm` agent, `If-Match` naming `version` when given.
    pub async fn patch(&self, id: &str, patch: Value, version: Option<i64>) -> Reply {
        let tag = version.map(|v| format!("\"{v}\""));
        let headers: Vec<(&str, &str)> = tag.iter().map(|t| ("if-match", t.as_str())).collect();
        self.call(Method::PATCH, &Self::path(&format!("contacts/{id}")), Some(&patch), &headers).await
    }

    /// The full names a search finds, in order, with `matched`.
    pub async fn search(&self, q: &str) -> Vec<(String, String)> {
        let uri = c360_wire::routes::crm_contact_search(TENANT, q, Some(50));
        let reply = self.get(&uri).await;
        assert_eq!(reply.status, 200, "{q}: {}", reply.json);
        reply.json["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let name = format!("{} {}", c["firstName"].as_str().unwrap(), c["lastName"].as_str().unwrap());
                (name, c["matched"].as_str().unwrap_or_default().to_owned())
            })
            .collect()
    }

    /// The names only of [`Crm::search`].
    pub async fn names(&self, q: &str) -> Vec<String> {
        self.search(q).await.into_iter().map(|(name, _)| name).collect()
    }
}
