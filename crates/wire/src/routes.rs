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
    // The native CRM's names (also `contactId`, `interactionId`, `phoneNumber`, `email` above).
    /// CRM contact search text.
    pub const Q: &str = "q";
    /// CRM contact search page size (1–50).
    pub const LIMIT: &str = "limit";
    /// `POST /contacts?allowDuplicate=true`: create even if another contact holds the phone or email.
    pub const ALLOW_DUPLICATE: &str = "allowDuplicate";
    /// The record type of `GET /layouts`, `GET /fields` and `PUT /fields/{field}`.
    pub const RECORD_TYPE: &str = "recordType";
    /// An activity (path).
    pub const ACTIVITY_ID: &str = "activityId";
    /// A layout (path of `PUT /layouts/{layoutId}`; query of the contact and activity writes: the
    /// layout the agent chose).
    pub const LAYOUT_ID: &str = "layoutId";
    /// A field definition (path).
    pub const FIELD: &str = "field";
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

// ---- Native CRM (`native-crm-api.md`): every path under `/v1/crm/tenants/{tenantId}`. ----

/// `GET` search or identity match, `POST` create.
pub const CRM_CONTACTS: &str = "/v1/crm/tenants/{tenantId}/contacts";
/// `GET` / `PATCH` one contact.
pub const CRM_CONTACT: &str = "/v1/crm/tenants/{tenantId}/contacts/{contactId}";
/// `GET` a contact's audit history.
pub const CRM_CONTACT_HISTORY: &str = "/v1/crm/tenants/{tenantId}/contacts/{contactId}/history";
/// `GET` a contact's related records (`?interactionId=`).
pub const CRM_CONTACT_RELATED: &str = "/v1/crm/tenants/{tenantId}/contacts/{contactId}/related";
/// `POST` create an activity or case.
pub const CRM_ACTIVITIES: &str = "/v1/crm/tenants/{tenantId}/activities";
/// `PATCH` one activity.
pub const CRM_ACTIVITY: &str = "/v1/crm/tenants/{tenantId}/activities/{activityId}";
/// `PUT` link / `DELETE` unlink an activity and an interaction.
pub const CRM_INTERACTION_LINK: &str = "/v1/crm/tenants/{tenantId}/interactions/{interactionId}/links/{activityId}";
/// `POST` an interaction's wrap-up.
pub const CRM_WRAP_UP: &str = "/v1/crm/tenants/{tenantId}/interactions/{interactionId}/wrap-up";
/// `GET` the layouts of a record type (`?recordType=`).
pub const CRM_LAYOUTS: &str = "/v1/crm/tenants/{tenantId}/layouts";
/// `PUT` one layout (API key only).
pub const CRM_LAYOUT: &str = "/v1/crm/tenants/{tenantId}/layouts/{layoutId}";
/// `GET` the fields of a record type (`?recordType=`).
pub const CRM_FIELDS: &str = "/v1/crm/tenants/{tenantId}/fields";
/// `PUT` one custom field (`?recordType=`, API key only).
pub const CRM_FIELD: &str = "/v1/crm/tenants/{tenantId}/fields/{field}";

/// `template` with `{tenantId}` and each `{name}` of `path` replaced by its encoded value.
fn fill(template: &str, tenant_id: &str, path: &[(&str, &str)]) -> String {
    path.iter()
        .fold(for_tenant(template, tenant_id), |url, (name, value)| url.replace(&format!("{{{name}}}"), &encode(value)))
}

/// Path of [`CRM_CONTACTS`].
pub fn crm_contacts(tenant_id: &str) -> String {
    for_tenant(CRM_CONTACTS, tenant_id)
}

/// Path and query of a contact search (`limit` left to the server's default when `None`).
pub fn crm_contact_search(tenant_id: &str, q: &str, limit: Option<usize>) -> String {
    let limit = limit.map(|n| n.to_string());
    let pairs = [(params::Q, Some(q)), (params::LIMIT, limit.as_deref())];
    format!("{}{}", crm_contacts(tenant_id), query_string(pairs.into_iter().filter_map(|(k, v)| Some((k, v?)))))
}

/// Path and query of the identity match for `identity` (`phoneNumber` or `email`).
pub fn crm_contacts_matching(tenant_id: &str, identity: &crate::Identity) -> String {
    format!("{}{}", crm_contacts(tenant_id), query_string([identity.query_pair()]))
}

/// Path and query of a create, `?allowDuplicate=true` when the agent chose "Create anyway".
pub fn crm_create_contact(tenant_id: &str, allow_duplicate: bool) -> String {
    let pairs = allow_duplicate.then_some((params::ALLOW_DUPLICATE, "true"));
    format!("{}{}", crm_contacts(tenant_id), query_string(pairs))
}

/// Path of [`CRM_CONTACT`].
pub fn crm_contact(tenant_id: &str, contact_id: &str) -> String {
    fill(CRM_CONTACT, tenant_id, &[(params::CONTACT_ID, contact_id)])
}

/// Path of [`CRM_CONTACT_HISTORY`].
pub fn crm_contact_history(tenant_id: &str, contact_id: &str) -> String {
    fill(CRM_CONTACT_HISTORY, tenant_id, &[(params::CONTACT_ID, contact_id)])
}

/// Path and query of [`CRM_CONTACT_RELATED`], relative to `interaction_id` when there is one.
pub fn crm_contact_related(tenant_id: &str, contact_id: &str, interaction_id: Option<&str>) -> String {
    let path = fill(CRM_CONTACT_RELATED, tenant_id, &[(params::CONTACT_ID, contact_id)]);
    format!("{path}{}", query_string(interaction_id.map(|i| (params::INTERACTION_ID, i))))
}

/// Path of [`CRM_ACTIVITIES`].
pub fn crm_activities(tenant_id: &str) -> String {
    for_tenant(CRM_ACTIVITIES, tenant_id)
}

/// Path of [`CRM_ACTIVITY`].
pub fn crm_activity(tenant_id: &str, activity_id: &str) -> String {
    fill(CRM_ACTIVITY, tenant_id, &[(params::ACTIVITY_ID, activity_id)])
}

/// Path of [`CRM_INTERACTION_LINK`].
pub fn crm_interaction_link(tenant_id: &str, interaction_id: &str, activity_id: &str) -> String {
    fill(
        CRM_INTERACTION_LINK,
        tenant_id,
        &[(params::INTERACTION_ID, interaction_id), (params::ACTIVITY_ID, activity_id)],
    )
}

/// Path of [`CRM_WRAP_UP`].
pub fn crm_wrap_up(tenant_id: &str, interaction_id: &str) -> String {
    fill(CRM_WRAP_UP, tenant_id, &[(params::INTERACTION_ID, interaction_id)])
}

/// Path and query of [`CRM_LAYOUTS`] for `record_type`.
pub fn crm_layouts(tenant_id: &str, record_type: &str) -> String {
    format!("{}{}", for_tenant(CRM_LAYOUTS, tenant_id), query_string([(params::RECORD_TYPE, record_type)]))
}

/// Path of [`CRM_LAYOUT`].
pub fn crm_layout(tenant_id: &str, layout_id: &str) -> String {
    fill(CRM_LAYOUT, tenant_id, &[(params::LAYOUT_ID, layout_id)])
}

/// Path and query of [`CRM_FIELDS`] for `record_type`.
pub fn crm_fields(tenant_id: &str, record_type: &str) -> String {
    format!("{}{}", for_tenant(CRM_FIELDS, tenant_id), query_string([(params::RECORD_TYPE, record_type)]))
}

/// Path and query of [`CRM_FIELD`] (custom field `field` of `record_type`).
pub fn crm_field(tenant_id: &str, field: &str, record_type: &str) -> String {
    let path = fill(CRM_FIELD, tenant_id, &[(params::FIELD, field)]);
    format!("{path}{}", query_string([(params::RECORD_TYPE, record_type)]))
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

    #[test]
    fn crm_builders_fill_every_template_and_encode_each_part() {
        let t = "a/b";
        let cases = [
            (crm_contacts(t), "/v1/crm/tenants/a%2Fb/contacts"),
            (crm_contact(t, "c 1"), "/v1/crm/tenants/a%2Fb/contacts/c%201"),
            (crm_contact_history(t, "c-1"), "/v1/crm/tenants/a%2Fb/contacts/c-1/history"),
            (
                crm_contact_related(t, "c-1", Some("int/9")),
                "/v1/crm/tenants/a%2Fb/contacts/c-1/related?interactionId=int%2F9",
            ),
            (crm_contact_related(t, "c-1", None), "/v1/crm/tenants/a%2Fb/contacts/c-1/related"),
            (crm_activities(t), "/v1/crm/tenants/a%2Fb/activities"),
            (crm_activity(t, "a-1"), "/v1/crm/tenants/a%2Fb/activities/a-1"),
            (crm_interaction_link(t, "int-1", "a-1"), "/v1/crm/tenants/a%2Fb/interactions/int-1/links/a-1"),
            (crm_wrap_up(t, "int-1"), "/v1/crm/tenants/a%2Fb/interactions/int-1/wrap-up"),
            (crm_layouts(t, "contact"), "/v1/crm/tenants/a%2Fb/layouts?recordType=contact"),
            (crm_layout(t, "full"), "/v1/crm/tenants/a%2Fb/layouts/full"),
            (crm_fields(t, "task"), "/v1/crm/tenants/a%2Fb/fields?recordType=task"),
            (crm_field(t, "loyaltyTier", "contact"), "/v1/crm/tenants/a%2Fb/fields/loyaltyTier?recordType=contact"),
        ];
        for (built, expected) in cases {
            assert_eq!(built, expected);
        }
        for template in [
            CRM_CONTACTS,
            CRM_CONTACT,
            CRM_CONTACT_HISTORY,
            CRM_CONTACT_RELATED,
            CRM_ACTIVITIES,
            CRM_ACTIVITY,
            CRM_INTERACTION_LINK,
            CRM_WRAP_UP,
            CRM_LAYOUTS,
            CRM_LAYOUT,
            CRM_FIELDS,
            CRM_FIELD,
        ] {
            assert!(template.starts_with("/v1/crm/tenants/{tenantId}/"), "{template}");
        }
    }

    #[test]
    fn crm_queries_use_the_spec_s_parameter_names() {
        assert_eq!(
            crm_contact_search("demo", "gonzá", Some(20)),
            "/v1/crm/tenants/demo/contacts?q=gonz%C3%A1&limit=20"
        );
        assert_eq!(crm_contact_search("demo", "+1 415", None), "/v1/crm/tenants/demo/contacts?q=%2B1%20415");
        let phone = crate::Identity::Phone { phone_number: "+14155550100".into() };
        assert_eq!(crm_contacts_matching("demo", &phone), "/v1/crm/tenants/demo/contacts?phoneNumber=%2B14155550100");
        let email = crate::Identity::Email { email: "dana@example.com".into() };
        assert_eq!(crm_contacts_matching("demo", &email), "/v1/crm/tenants/demo/contacts?email=dana%40example.com");
        assert_eq!(crm_create_contact("demo", true), "/v1/crm/tenants/demo/contacts?allowDuplicate=true");
        assert_eq!(crm_create_contact("demo", false), "/v1/crm/tenants/demo/contacts");
    }
}
