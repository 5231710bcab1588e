//! Every route and query-parameter name of our API, defined once: the server mounts the templates
//! (axum 0.8 syntax), the panel builds request paths with the builders, so a renamed path or
//! parameter cannot drift between them.

use crate::urlencoding::encode;

/// Query-parameter (and path-parameter) names.
pub mod params {
    /// The tenant, a path segment of every API route (and the panel document's query).
    pub const TENANT_ID: &str = "tenantId";
    /// Phone strategy of the interactions-insight query (E.164).
    pub const PHONE_NUMBER: &str = "phoneNumber";
    /// Email strategy.
    pub const EMAIL: &str = "email";
    /// Contact strategy (with `crmId`).
    pub const CONTACT_ID: &str = "contactId";
    /// Account strategy.
    pub const ACCOUNT_ID: &str = "accountId";
    /// The CRM a `contactId` belongs to (only `native`).
    pub const CRM_ID: &str = "crmId";
    /// Start of the interactions-insight window.
    pub const START_TIME: &str = "startTime";
    /// End of the interactions-insight window.
    pub const END_TIME: &str = "endTime";
    /// One interaction of a transcript-summaries request (repeated).
    pub const INTERACTION_ID: &str = "interactionId";
}

/// Every API route starts here; nothing under it is ever the panel's document.
pub const API: &str = "/v1";
/// Any path under [`API`], for the server's "no such API path" answer.
pub const API_ANY: &str = "/v1/{*rest}";
/// `GET` the contract's interactions insight.
pub const INTERACTIONS_INSIGHT: &str = "/v1/public/tenants/{tenantId}/interactions-insight";
/// `GET` the contract's transcript summaries.
pub const TRANSCRIPT_SUMMARIES: &str = "/v1/public/tenants/{tenantId}/transcript-summaries";
/// `GET` whose messages the panel may accept (no credential).
pub const HOST_ORIGINS: &str = "/v1/panel/tenants/{tenantId}/host-origins";
/// `GET` the tenant's deployment model and licences.
pub const PANEL_CONFIG: &str = "/v1/panel/tenants/{tenantId}/config";
/// Every CRM path: the tenant, then the resource.
pub const CRM: &str = "/v1/crm/tenants/{tenantId}/{*rest}";
/// The served OpenAPI document.
pub const OPENAPI: &str = "/openapi.json";
/// The panel's document; its query names the tenant (and, opened on its own, the customer).
pub const PANEL: &str = "/";

/// The contract endpoints by their last segment, as the forwarding upstream names them.
pub const INTERACTIONS_INSIGHT_ENDPOINT: &str = "interactions-insight";
/// See [`INTERACTIONS_INSIGHT_ENDPOINT`].
pub const TRANSCRIPT_SUMMARIES_ENDPOINT: &str = "transcript-summaries";

/// `template` with `{tenantId}` replaced by the encoded tenant id.
fn for_tenant(template: &str, tenant_id: &str) -> String {
    template.replace("{tenantId}", &encode(tenant_id))
}

/// `"?a=1&b=2"` from already chosen pairs, each value encoded; `""` for none.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let joined: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
    if joined.is_empty() { String::new() } else { format!("?{}", joined.join("&")) }
}

/// Path of [`INTERACTIONS_INSIGHT`] for `tenant_id`.
pub fn interactions_insight(tenant_id: &str) -> String {
    for_tenant(INTERACTIONS_INSIGHT, tenant_id)
}

/// Path of [`TRANSCRIPT_SUMMARIES`] for `tenant_id`.
pub fn transcript_summaries(tenant_id: &str) -> String {
    for_tenant(TRANSCRIPT_SUMMARIES, tenant_id)
}

/// Path of [`HOST_ORIGINS`] for `tenant_id`.
pub fn host_origins(tenant_id: &str) -> String {
    for_tenant(HOST_ORIGINS, tenant_id)
}

/// Path of [`PANEL_CONFIG`] for `tenant_id`.
pub fn panel_config(tenant_id: &str) -> String {
    for_tenant(PANEL_CONFIG, tenant_id)
}

/// Path and query of the panel's document for `tenant_id`, as a host frames it.
pub fn panel(tenant_id: &str) -> String {
    format!("{PANEL}{}", query_string([(params::TENANT_ID, tenant_id)]))
}

/// Path of the public contract `endpoint` (its last segment) for `tenant_id`.
pub fn contract(tenant_id: &str, endpoint: &str) -> String {
    format!("/v1/public/tenants/{}/{endpoint}", encode(tenant_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_fill_the_templates_with_an_encoded_tenant() {
        assert_eq!(interactions_insight("demo"), "/v1/public/tenants/demo/interactions-insight");
        assert_eq!(host_origins("a/b c"), "/v1/panel/tenants/a%2Fb%20c/host-origins");
        assert_eq!(panel_config("demo"), "/v1/panel/tenants/demo/config");
        assert_eq!(contract("demo", TRANSCRIPT_SUMMARIES_ENDPOINT), transcript_summaries("demo"));
        assert_eq!(contract("x", INTERACTIONS_INSIGHT_ENDPOINT), interactions_insight("x"));
        assert_eq!(panel("demo-no-pop"), "/?tenantId=demo-no-pop");
        assert_eq!(panel("a&b"), "/?tenantId=a%26b");
        for template in [INTERACTIONS_INSIGHT, TRANSCRIPT_SUMMARIES, HOST_ORIGINS, PANEL_CONFIG, CRM, API_ANY] {
            assert!(template.starts_with(&format!("{API}/")), "{template} is under {API}");
        }
    }

    #[test]
    fn query_strings_encode_values() {
        assert_eq!(query_string([(params::PHONE_NUMBER, "+14155550100")]), "?phoneNumber=%2B14155550100");
        assert_eq!(query_string([]), "");
        assert_eq!(query_string([("a", "1"), ("b", "x y")]), "?a=1&b=x%20y");
    }
}
