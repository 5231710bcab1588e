//! What the panel was opened for: tenant, customer identity and panel token.
//!
//! The standalone URL is `/?tenantId=demo&phoneNumber=%2B14155550100#token=…`, or with
//! `contactId=…` the full-page record view of a native-CRM contact (a tenant's default "Open in
//! CRM" link points there). The token travels in
//! the fragment so it never reaches a server log; the panel then drops it from the address bar and
//! keeps it in session storage so a reload still works.

use c360_wire::{Identity, urlencoding};

/// The panel's starting point, parsed from its URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Tenant id (`tenantId`).
    pub tenant_id: Option<String>,
    /// The customer to show (`phoneNumber` or `email`), if any.
    pub identity: Option<Identity>,
    /// A native-CRM contact to open (`contactId`), if any.
    pub contact_id: Option<String>,
    /// The panel token from the fragment (`#token=`), if present.
    pub token: Option<String>,
}

impl Session {
    /// Parses a location's `search` (`?a=b`) and `hash` (`#token=…`). Pure, so it is unit-tested.
    pub fn from_url_parts(search: &str, hash: &str) -> Self {
        let params = parse_pairs(search.trim_start_matches('?'));
        let get = |name: &str| {
            params.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_owned()).filter(|v| !v.is_empty())
        };
        let identity = get("phoneNumber")
            .map(|phone_number| Identity::Phone { phone_number })
            .or_else(|| get("email").map(|email| Identity::Email { email }));
        let fragment = parse_pairs(hash.trim_start_matches('#'));
        let token = fragment.into_iter().find(|(k, _)| k == "token").map(|(_, v)| v).filter(|v| !v.is_empty());
        Self { tenant_id: get("tenantId"), identity, contact_id: get("contactId"), token }
    }

    /// The session of the current page. Moves a fragment token into session storage and removes
    /// it from the address bar; falls back to the stored token after a reload.
    pub fn from_location() -> Self {
        let Some(window) = web_sys::window() else { return Self::from_url_parts("", "") };
        let location = window.location();
        let search = location.search().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let mut session = Self::from_url_parts(&search, &hash);
        let storage = window.session_storage().ok().flatten();
        let key = format!("c360.token.{}", session.tenant_id.as_deref().unwrap_or_default());
        match (&session.token, &storage) {
            (Some(token), Some(storage)) => {
                let _ = storage.set_item(&key, token);
                if let (Ok(history), Ok(path)) = (window.history(), location.pathname()) {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&format!("{path}{search}")),
                    );
                }
            }
            (None, Some(storage)) => session.token = storage.get_item(&key).ok().flatten(),
            _ => {}
        }
        session
    }
}

/// Decodes `a=b&c=d`; a malformed part is kept as written rather than dropping the whole URL.
fn parse_pairs(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let lenient = |x: &str| urlencoding::decode(x).unwrap_or_else(|| x.to_owned());
            (lenient(k), lenient(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tenant_phone_and_fragment_token() {
        let s = Session::from_url_parts("?tenantId=demo&phoneNumber=%2B14155550100", "#token=v1.abc.def");
        assert_eq!(s.tenant_id.as_deref(), Some("demo"));
        assert_eq!(s.identity, Some(Identity::Phone { phone_number: "+14155550100".into() }));
        assert_eq!(s.token.as_deref(), Some("v1.abc.def"));
    }

    #[test]
    fn reads_email_and_tolerates_missing_or_broken_parts() {
        let s = Session::from_url_parts("?tenantId=demo&email=maria.gonzalez%40example.com", "");
        assert_eq!(s.identity, Some(Identity::Email { email: "maria.gonzalez@example.com".into() }));
        assert_eq!(s.token, None);
        let s = Session::from_url_parts("?phoneNumber=%&tenantId=", "#token=");
        assert_eq!(s.tenant_id, None);
        assert_eq!(s.token, None);
        assert_eq!(s.identity, Some(Identity::Phone { phone_number: "%".into() }));
    }

    #[test]
    fn reads_a_contact_to_open_full_page() {
        let s = Session::from_url_parts("?tenantId=demo&contactId=ct-0001", "");
        assert_eq!(s.contact_id.as_deref(), Some("ct-0001"));
        assert_eq!(s.identity, None);
        assert_eq!(Session::from_url_parts("?tenantId=demo&contactId=", "").contact_id, None);
    }
}
