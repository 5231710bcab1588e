//! The panel's one HTTP client. Every call is an `async fn` returning `Result<T, ApiError>`;
//! components never build URLs.

mod error;
mod fetch;
mod from_js;

pub use error::ApiError;
pub use fetch::decode;

type AuthRequiredHandler = Box<dyn Fn(bool)>;

thread_local! {
    static ON_AUTH_REQUIRED: std::cell::RefCell<Option<AuthRequiredHandler>> = const { std::cell::RefCell::new(None) };
}

/// Calls `f` whenever the service refuses the panel's token (401); its argument says whether the
/// token had expired. Embedded, the panel uses this to ask its host for a fresh token.
pub fn on_auth_required(f: impl Fn(bool) + 'static) {
    ON_AUTH_REQUIRED.with_borrow_mut(|slot| *slot = Some(Box::new(f)));
}

fn auth_required(expired: bool) {
    ON_AUTH_REQUIRED.with_borrow(|slot| {
        if let Some(f) = slot {
            f(expired);
        }
    });
}

use c360_wire::{
    HostOrigins, Identity, InsightQuery, InteractionsInsight, MAX_SUMMARY_IDS, PanelConfig,
    TranscriptSummariesResponse, urlencoding,
};

/// `GET /v1/panel/tenants/{tenantId}/host-origins` of the panel's own origin: whose messages the
/// panel may accept. Needs no token (the host hands the token over by message).
pub async fn get_host_origins(tenant_id: &str) -> Result<HostOrigins, ApiError> {
    fetch::get(&format!("/v1/panel/tenants/{}/host-origins", urlencoding::encode(tenant_id)), None).await
}

/// Calls the Customer 360 API of the panel's own origin for one tenant with one panel token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    base: String,
    tenant_id: String,
    token: String,
}

impl ApiClient {
    /// A client for `tenant_id` at `base` (`""` = same origin).
    pub fn new(base: impl Into<String>, tenant_id: impl Into<String>, token: impl Into<String>) -> Self {
        Self { base: base.into(), tenant_id: tenant_id.into(), token: token.into() }
    }

    /// `GET …/interactions-insight` for one identity over the default (last 12 months) window.
    pub async fn get_interactions_insight(&self, identity: &Identity) -> Result<InteractionsInsight, ApiError> {
        fetch::get(&self.interactions_insight_url(identity), Some(&self.token)).await
    }

    /// `GET /v1/panel/tenants/{tenantId}/config`: the tenant's deployment model and licences.
    pub async fn get_config(&self) -> Result<PanelConfig, ApiError> {
        let url = format!("{}/v1/panel/tenants/{}/config", self.base, urlencoding::encode(&self.tenant_id));
        fetch::get(&url, Some(&self.token)).await
    }

    /// `GET …/transcript-summaries` for up to 50 interactions in one request.
    pub async fn get_transcript_summaries(&self, ids: &[String]) -> Result<TranscriptSummariesResponse, ApiError> {
        fetch::get(&self.transcript_summaries_url(ids), Some(&self.token)).await
    }

    /// The request URL for a batch of ids (pure, for tests); at most 50 are named.
    pub fn transcript_summaries_url(&self, ids: &[String]) -> String {
        let params: Vec<String> =
            ids.iter().take(MAX_SUMMARY_IDS).map(|id| format!("interactionId={}", urlencoding::encode(id))).collect();
        format!(
            "{}/v1/public/tenants/{}/transcript-summaries?{}",
            self.base,
            urlencoding::encode(&self.tenant_id),
            params.join("&")
        )
    }

    /// The request URL for an identity (pure, for tests).
    pub fn interactions_insight_url(&self, identity: &Identity) -> String {
        let q = InsightQuery::for_identity(identity);
        let params: Vec<String> = [
            ("contactId", &q.contact_id),
            ("accountId", &q.account_id),
            ("email", &q.email),
            ("phoneNumber", &q.phone_number),
            ("crmId", &q.crm_id),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| format!("{k}={}", urlencoding::encode(v))))
        .collect();
        format!(
            "{}/v1/public/tenants/{}/interactions-insight?{}",
            self.base,
            urlencoding::encode(&self.tenant_id),
            params.join("&")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_an_encoded_url_for_each_identity() {
        let client = ApiClient::new("", "demo", "t");
        assert_eq!(
            client.interactions_insight_url(&Identity::Phone { phone_number: "+14155550100".into() }),
            "/v1/public/tenants/demo/interactions-insight?phoneNumber=%2B14155550100"
        );
        assert_eq!(
            client.interactions_insight_url(&Identity::Email { email: "a@b.co".into() }),
            "/v1/public/tenants/demo/interactions-insight?email=a%40b.co"
        );
    }

    #[test]
    fn summaries_url_repeats_the_id_and_caps_at_fifty() {
        let client = ApiClient::new("", "demo", "t");
        let ids: Vec<String> = (0..60).map(|i| format!("int-{i}")).collect();
        let url = client.transcript_summaries_url(&ids[..2]);
        assert_eq!(url, "/v1/public/tenants/demo/transcript-summaries?interactionId=int-0&interactionId=int-1");
        assert_eq!(client.transcript_summaries_url(&ids).matches("interactionId=").count(), 50);
    }
}
