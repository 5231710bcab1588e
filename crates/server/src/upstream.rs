//! Forwarding mode: the two contract endpoints are passed to the real regional Customer 360 API
//! with the account's `x-api-key` added here, so the key never reaches a browser. Status codes and
//! bodies pass through (429 keeps `Retry-After`); an unreachable or slow upstream is a 502/504
//! problem that says so.

use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use c360_wire::routes;

use crate::auth::Caller;
use crate::db::Db;
use crate::http::ApiError;

/// The published regional base URLs.
pub const REGIONS: &[(&str, &str)] = &[
    ("us", "https://api.8x8.com/cidp-customer-360/us"),
    ("uk", "https://api.8x8.com/cidp-customer-360/uk"),
    ("ca", "https://api.8x8.com/cidp-customer-360/ca"),
    ("ap", "https://api.8x8.com/cidp-customer-360/ap"),
];

/// The upstream API and the key to call it with.
#[derive(Clone)]
pub struct Upstream {
    base: String,
    key: HeaderValue,
    client: reqwest::Client,
    timeout: Duration,
}

impl std::fmt::Debug for Upstream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upstream").field("base", &self.base).field("key", &"<redacted>").finish()
    }
}

impl Upstream {
    /// An upstream from a region name (`us`, `uk`, `ca`, `ap`) or a base URL.
    pub fn new(target: &str, key: &str, timeout: Duration) -> Result<Self, String> {
        let base = REGIONS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(target))
            .map(|(_, url)| (*url).to_owned())
            .unwrap_or_else(|| target.trim_end_matches('/').to_owned());
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return Err(format!("--upstream {target}: use us, uk, ca, ap or an http(s) URL"));
        }
        let key = key.trim();
        if key.is_empty() {
            return Err("the upstream API key is empty: set C360_UPSTREAM_API_KEY or --upstream-key-file".into());
        }
        let mut key =
            HeaderValue::from_str(key).map_err(|_| "the upstream API key has characters a header cannot carry")?;
        key.set_sensitive(true);
        let client = reqwest::Client::builder()
            .connect_timeout(timeout)
            .user_agent(concat!("c360-server/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Self { base, key, client, timeout })
    }

    /// The base URL requests go to.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Forwards `GET {base}{path_and_query}` and passes the answer through.
    pub async fn forward(&self, path_and_query: &str) -> Result<Response, ApiError> {
        let url = format!("{}{path_and_query}", self.base);
        let failed = |e: reqwest::Error| {
            if e.is_timeout() {
                ApiError::UpstreamTimeout { seconds: self.timeout.as_secs_f32() }
            } else {
                ApiError::UpstreamUnreachable { cause: e.to_string() }
            }
        };
        let answer = self
            .client
            .get(&url)
            .header("x-api-key", self.key.clone())
            .header(header::ACCEPT, "application/json")
            .timeout(self.timeout)
            .send()
            .await
            .map_err(failed)?;
        let status = StatusCode::from_u16(answer.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
        let content_type = answer.headers().get(reqwest::header::CONTENT_TYPE).cloned();
        let retry_after = answer.headers().get(reqwest::header::RETRY_AFTER).cloned();
        let body = answer.bytes().await.map_err(failed)?;
        let mut response = Response::builder().status(status);
        for (name, value) in [(header::CONTENT_TYPE, content_type), (header::RETRY_AFTER, retry_after)] {
            if let Some(value) = value.and_then(|v| HeaderValue::from_bytes(v.as_bytes()).ok()) {
                response = response.header(name, value);
            }
        }
        Ok(response.body(Body::from(body)).expect("valid response parts"))
    }

    /// Authorises `caller` for `tenant_id` here, then answers the contract `endpoint` (its last
    /// path segment, e.g. [`routes::INTERACTIONS_INSIGHT_ENDPOINT`]) from the upstream with the
    /// caller's query unchanged.
    pub async fn forward_authorized(
        &self,
        db: &Db,
        caller: &Caller,
        tenant_id: &str,
        endpoint: &str,
        raw_query: Option<&str>,
    ) -> Result<Response, ApiError> {
        caller.authorize(&mut *db.acquire().await?, tenant_id).await?;
        self.forward(&forward_path(tenant_id, endpoint, raw_query)).await
    }
}

/// The upstream path of a contract endpoint for `tenant_id`, with the caller's query unchanged.
pub fn forward_path(tenant_id: &str, endpoint: &str, raw_query: Option<&str>) -> String {
    let query = raw_query.filter(|q| !q.is_empty()).map(|q| format!("?{q}")).unwrap_or_default();
    format!("{}{query}", routes::contract(tenant_id, endpoint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forward_paths_keep_the_query_as_sent_and_encode_the_tenant() {
        assert_eq!(
            forward_path("a b", routes::INTERACTIONS_INSIGHT_ENDPOINT, Some("phoneNumber=%2B1&x=%20")),
            "/v1/public/tenants/a%20b/interactions-insight?phoneNumber=%2B1&x=%20"
        );
        assert_eq!(
            forward_path("demo", routes::TRANSCRIPT_SUMMARIES_ENDPOINT, Some("")),
            routes::transcript_summaries("demo")
        );
    }
}
