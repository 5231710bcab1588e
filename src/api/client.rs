//! [`ApiClient`]: the Customer 360 API of the panel's own origin, for one tenant and one panel
//! token. Every call is one `async fn` answering `Result<T, ApiError>`; paths and parameter names
//! come from `c360_wire::routes`, so they cannot drift from the server's.

use c360_wire::routes::{self, params};
use c360_wire::{
    HostOrigins, Identity, InsightQuery, InteractionsInsight, MAX_SUMMARY_IDS, PanelConfig, TranscriptSummariesResponse,
};
use leptos::prelude::{Callable, Callback};
use serde::de::DeserializeOwned;
use web_sys::AbortSignal;

use super::ApiError;
use super::request::{Outgoing, Received, build_request, decode, send};

/// Why the service refused the panel's token (a 401).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRefused {
    /// It had expired.
    Expired,
    /// It was missing, malformed or not signed by the service.
    Invalid,
}

impl TokenRefused {
    /// The `reason` of the host message that asks for a fresh token.
    pub fn reason(self) -> &'static str {
        match self {
            TokenRefused::Expired => "expired",
            TokenRefused::Invalid => "invalid",
        }
    }
}

/// `GET /v1/panel/tenants/{tenantId}/host-origins` of the panel's own origin: whose messages the
/// panel may accept. Needs no token (the host hands the token over by message).
pub async fn get_host_origins(tenant_id: &str, abort: Option<&AbortSignal>) -> Result<HostOrigins, ApiError> {
    let request = build_request(&routes::host_origins(tenant_id), &[], Outgoing::GET, None, abort)?;
    decode(&send(request, abort).await?.body)
}

/// Calls the Customer 360 API for one tenant with one panel token.
#[derive(Debug, Clone)]
pub struct ApiClient {
    base: String,
    tenant_id: String,
    token: String,
    on_token_refused: Option<Callback<TokenRefused>>,
}

impl ApiClient {
    /// A client for `tenant_id` at `base` (`""` = same origin).
    pub fn new(base: impl Into<String>, tenant_id: impl Into<String>, token: impl Into<String>) -> Self {
        Self { base: base.into(), tenant_id: tenant_id.into(), token: token.into(), on_token_refused: None }
    }

    /// The tenant this client calls for.
    pub fn tenant_id(&self) -> &str {
        &self.tenant_id
    }

    /// Calls `callback` whenever the service refuses this client's token. Embedded, the panel
    /// uses it to ask its host for a fresh one.
    pub fn on_token_refused(mut self, callback: Callback<TokenRefused>) -> Self {
        self.on_token_refused = Some(callback);
        self
    }

    /// `GET …/interactions-insight` for one identity over the default (last 12 months) window.
    pub async fn get_interactions_insight(
        &self,
        identity: &Identity,
        abort: Option<&AbortSignal>,
    ) -> Result<InteractionsInsight, ApiError> {
        let query = InsightQuery::for_identity(identity);
        self.get(&routes::interactions_insight(&self.tenant_id), &query.pairs(), abort).await
    }

    /// `GET /v1/panel/tenants/{tenantId}/config`: the tenant's deployment model and licences.
    pub async fn get_config(&self, abort: Option<&AbortSignal>) -> Result<PanelConfig, ApiError> {
        self.get(&routes::panel_config(&self.tenant_id), &[], abort).await
    }

    /// `GET …/transcript-summaries` for up to 50 interactions in one request.
    pub async fn get_transcript_summaries(
        &self,
        ids: &[String],
        abort: Option<&AbortSignal>,
    ) -> Result<TranscriptSummariesResponse, ApiError> {
        self.get(&routes::transcript_summaries(&self.tenant_id), &summaries_query(ids), abort).await
    }

    /// A `GET` of our API, decoded as `T`.
    pub(super) async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
        abort: Option<&AbortSignal>,
    ) -> Result<T, ApiError> {
        decode(&self.request(path, query, Outgoing::GET, abort).await?.body)
    }

    /// Every call of this client: `outgoing` to `path` under the client's base, with its token. A
    /// refused token is reported to [`ApiClient::on_token_refused`]'s callback.
    pub(super) async fn request(
        &self,
        path: &str,
        query: &[(&str, &str)],
        outgoing: Outgoing<'_>,
        abort: Option<&AbortSignal>,
    ) -> Result<Received, ApiError> {
        let url = format!("{}{path}", self.base);
        let answer = match build_request(&url, query, outgoing, Some(&self.token), abort) {
            Ok(request) => send(request, abort).await,
            Err(error) => Err(error),
        };
        if let Err(error) = &answer {
            self.report_refusal(error);
        }
        answer
    }

    /// Tells the callback, if any, that `error` refused the token.
    fn report_refusal(&self, error: &ApiError) {
        let refused = match error {
            ApiError::TokenExpired => TokenRefused::Expired,
            ApiError::Unauthorized(_) => TokenRefused::Invalid,
            _ => return,
        };
        if let Some(callback) = self.on_token_refused {
            callback.run(refused);
        }
    }
}

/// The query of a transcript-summaries request: `interactionId` once per id, at most 50.
fn summaries_query(ids: &[String]) -> Vec<(&'static str, &str)> {
    ids.iter().take(MAX_SUMMARY_IDS).map(|id| (params::INTERACTION_ID, id.as_str())).collect()
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use leptos::prelude::Owner;

    use super::*;

    #[test]
    fn summaries_name_each_id_and_stop_at_fifty() {
        let ids: Vec<String> = (0..60).map(|i| format!("int-{i}")).collect();
        assert_eq!(summaries_query(&ids[..2]), [("interactionId", "int-0"), ("interactionId", "int-1")]);
        assert_eq!(summaries_query(&ids).len(), 50);
    }

    #[test]
    fn a_refused_token_is_reported_with_its_reason_and_nothing_else_is() {
        let owner = Owner::new();
        owner.set();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&seen);
        let client = ApiClient::new("", "demo", "t")
            .on_token_refused(Callback::new(move |r: TokenRefused| record.lock().unwrap().push(r.reason())));
        client.report_refusal(&ApiError::TokenExpired);
        client.report_refusal(&ApiError::Unauthorized("bad signature".into()));
        client.report_refusal(&ApiError::Forbidden);
        client.report_refusal(&ApiError::Aborted);
        assert_eq!(*seen.lock().unwrap(), ["expired", "invalid"]);
    }
}
