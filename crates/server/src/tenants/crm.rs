//! A tenant's native-CRM settings: where a contact's `crmUrl` points (`--crm-url-template`) and
//! the country national phone numbers are read in (`--default-country`).

use c360_wire::crm::dialing::dialing;
use c360_wire::urlencoding::encode;
use sqlx::{AnyConnection, Row};

/// The placeholder a CRM URL template must hold.
pub const CONTACT_ID_PLACEHOLDER: &str = "{contactId}";
/// A placeholder a CRM URL template may hold.
pub const TENANT_ID_PLACEHOLDER: &str = "{tenantId}";
/// The `crmUrl` of a tenant without a template: the panel's own full-page record view on this
/// server, relative to the origin the API is served from (the panel opens it in a new tab).
pub const DEFAULT_CRM_URL_TEMPLATE: &str = "/?tenantId={tenantId}&contactId={contactId}";

/// How a tenant's contacts link out and read phone numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CrmSettings {
    /// `https://crm.example.com/c/{contactId}`; `None`: [`DEFAULT_CRM_URL_TEMPLATE`].
    pub crm_url_template: Option<String>,
    /// ISO alpha-2 country of national phone numbers; `None`: numbers need their country code.
    pub default_country: Option<String>,
}

impl CrmSettings {
    /// The deep link of `contact_id` in tenant `tenant_id`, its parts percent-encoded.
    pub fn crm_url(&self, tenant_id: &str, contact_id: &str) -> String {
        self.crm_url_template
            .as_deref()
            .unwrap_or(DEFAULT_CRM_URL_TEMPLATE)
            .replace(TENANT_ID_PLACEHOLDER, &encode(tenant_id))
            .replace(CONTACT_ID_PLACEHOLDER, &encode(contact_id))
    }
}

/// A tenant's CRM settings (`None` for an unknown tenant).
pub async fn crm_settings(conn: &mut AnyConnection, id: &str) -> sqlx::Result<Option<CrmSettings>> {
    let row = sqlx::query("SELECT crm_url_template, default_country FROM tenants WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.map(|r| Ok(CrmSettings { crm_url_template: r.try_get(0)?, default_country: r.try_get(1)? })).transpose()
}

/// Reads `--crm-url-template`: `default` for the panel's own record view, else an `http(s)://`
/// URL or a path on this server (`/…`) holding `{contactId}`.
pub fn parse_crm_url_template(s: &str) -> Result<Option<String>, String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("default") {
        return Ok(None);
    }
    let lower = s.to_ascii_lowercase();
    let well_led =
        lower.starts_with("https://") || lower.starts_with("http://") || (s.starts_with('/') && !s.starts_with("//"));
    if !well_led || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("{s:?}: use an http(s):// URL or a path starting with /, without spaces"));
    }
    if !s.contains(CONTACT_ID_PLACEHOLDER) {
        return Err(format!("{s:?}: the template must hold {CONTACT_ID_PLACEHOLDER}"));
    }
    Ok(Some(s.to_owned()))
}

/// Reads `--default-country`: `none` for no default, else an ISO alpha-2 code the dialling table
/// knows (upper-cased).
pub fn parse_default_country(s: &str) -> Result<Option<String>, String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    dialing(s)
        .map(|d| Some(d.country.to_owned()))
        .ok_or_else(|| format!("{s:?}: use none or a two-letter country code with known dialling rules (US, GB, DE …)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crm_url_fills_the_template_with_encoded_ids() {
        let custom = CrmSettings {
            crm_url_template: Some("https://crm.example.com/c/{contactId}".into()),
            ..Default::default()
        };
        assert_eq!(custom.crm_url("demo", "c-1"), "https://crm.example.com/c/c-1");
        assert_eq!(custom.crm_url("demo", "c 1/2"), "https://crm.example.com/c/c%201%2F2");
        assert_eq!(CrmSettings::default().crm_url("a&b", "c-1"), "/?tenantId=a%26b&contactId=c-1");
    }

    #[test]
    fn templates_are_links_holding_the_contact_id() {
        assert_eq!(parse_crm_url_template("default").unwrap(), None);
        assert!(parse_crm_url_template("https://crm.example.com/c/{contactId}").unwrap().is_some());
        assert!(parse_crm_url_template("/records/{tenantId}/{contactId}").unwrap().is_some());
        for bad in [
            "https://crm.example.com/c/",
            "javascript:alert({contactId})",
            "//evil/{contactId}",
            "https://x/ {contactId}",
        ] {
            assert!(parse_crm_url_template(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn default_countries_are_known_to_the_dialling_table() {
        assert_eq!(parse_default_country("us").unwrap().as_deref(), Some("US"));
        assert_eq!(parse_default_country("none").unwrap(), None);
        assert!(parse_default_country("ZZ").is_err());
        assert!(parse_default_country("USA").is_err());
    }
}
