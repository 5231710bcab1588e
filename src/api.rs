//! The panel's one HTTP client. Every call is an `async fn` returning `Result<T, ApiError>`;
//! components never build URLs.

use c360_wire::problem::codes;
use c360_wire::{
    Identity, InsightQuery, InteractionsInsight, MAX_SUMMARY_IDS, Problem, TranscriptSummariesResponse, urlencoding,
};
use gloo_net::http::Request;

/// Why a call failed, in the terms the panel shows an agent.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The panel token has expired: the agent must reopen the panel.
    #[error("Your session has expired")]
    TokenExpired,
    /// No or an invalid credential.
    #[error("Not signed in: {0}")]
    Unauthorized(String),
    /// The token does not cover this tenant.
    #[error("This workspace is not allowed to see this customer")]
    Forbidden,
    /// The request was refused as malformed.
    #[error("{}", .0.detail)]
    BadRequest(Problem),
    /// Too many requests; retry after the given seconds.
    #[error("The service is busy")]
    RateLimited { retry_after: Option<u32> },
    /// The service failed (5xx).
    #[error("The service failed ({status}): {detail}")]
    Server { status: u16, detail: String },
    /// The service could not be reached.
    #[error("Cannot reach the service")]
    Network(String),
    /// The answer could not be read.
    #[error("The service sent an answer the panel cannot read")]
    Decode(String),
}

impl ApiError {
    /// Maps a non-2xx answer to an error, reading the problem body when there is one (any other
    /// body, JSON or not, is tolerated).
    pub fn from_response(status: u16, body: &str, retry_after: Option<&str>) -> Self {
        let problem: Option<Problem> = serde_json::from_str(body).ok();
        let detail = problem.as_ref().map(|p| p.detail.clone()).unwrap_or_else(|| body.chars().take(200).collect());
        match status {
            401 if problem.as_ref().and_then(Problem::first_code) == Some(codes::TOKEN_EXPIRED) => {
                ApiError::TokenExpired
            }
            401 => ApiError::Unauthorized(detail),
            403 => ApiError::Forbidden,
            429 => ApiError::RateLimited { retry_after: retry_after.and_then(|s| s.trim().parse().ok()) },
            400..=499 => ApiError::BadRequest(problem.unwrap_or_else(|| Problem::new(status, detail))),
            _ => ApiError::Server { status, detail },
        }
    }

    /// Whether trying again may help (as opposed to reopening the panel).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ApiError::RateLimited { .. } | ApiError::Server { .. } | ApiError::Network(_) | ApiError::Decode(_)
        )
    }
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
        self.get_json(&self.interactions_insight_url(identity)).await
    }

    /// `GET …/transcript-summaries` for up to 50 interactions in one request.
    pub async fn get_transcript_summaries(&self, ids: &[String]) -> Result<TranscriptSummariesResponse, ApiError> {
        self.get_json(&self.transcript_summaries_url(ids)).await
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

    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, ApiError> {
        let response = Request::get(url)
            .header("Authorization", &format!("Bearer {}", self.token))
            .header("Accept", "application/json")
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        let status = response.status();
        if !(200..300).contains(&status) {
            let retry_after = response.headers().get("retry-after");
            let body = response.text().await.unwrap_or_default();
            return Err(ApiError::from_response(status, &body, retry_after.as_deref()));
        }
        response.json::<T>().await.map_err(|e| ApiError::Decode(e.to_string()))
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

    #[test]
    fn maps_answers_to_what_the_agent_is_told() {
        let expired = r#"{"status":401,"title":"Unauthorized","detail":"Panel token expired","errors":[{"field":"Authorization","code":"token_expired","message":"x"}]}"#;
        assert_eq!(ApiError::from_response(401, expired, None), ApiError::TokenExpired);
        assert!(matches!(ApiError::from_response(401, "nope", None), ApiError::Unauthorized(_)));
        assert_eq!(ApiError::from_response(403, "<html>", None), ApiError::Forbidden);
        assert_eq!(ApiError::from_response(429, "", Some("7")), ApiError::RateLimited { retry_after: Some(7) });
        let bad = ApiError::from_response(
            400,
            r#"{"status":400,"title":"Bad Request","detail":"Invalid search criteria"}"#,
            None,
        );
        assert_eq!(bad.to_string(), "Invalid search criteria");
        let server = ApiError::from_response(502, "upstream down", None);
        assert!(server.is_retryable());
        assert!(!ApiError::TokenExpired.is_retryable());
    }
}
