//! The contact forms' rules: the key of each input (which an error path names, `phones[1]` →
//! `phones-1`), errors by key in form order, the errors only the server can judge, the draft as it
//! is sent, what a new contact starts with, and which identifiers to check for duplicates.

use c360_wire::crm::{ContactSummary, CrmProblem, Layout, NewContact, is_phone_query};
use c360_wire::{FieldError, Identity, normalize_email, normalize_phone};
use serde_json::Value;

use crate::api::ApiError;

/// The key of the input an error path names: list elements by index (`phones[1]` → `phones-1`; a
/// whole list or the phone-or-email rule → its first row), address parts (`address.city` →
/// `address-city`), custom fields (`customFields.tier` → `custom-tier`), text fields by name.
pub fn key_of(path: &str) -> String {
    if let Some((list, rest)) = path.split_once('[') {
        return format!("{list}-{}", rest.trim_end_matches(']'));
    }
    match path {
        "phones" | "phones|emails" => "phones-0".to_owned(),
        "emails" => "emails-0".to_owned(),
        "" => "form".to_owned(),
        _ => match path.split_once('.') {
            Some(("customFields", name)) => custom_key(name),
            Some((parent, part)) => format!("{parent}-{part}"),
            None => path.to_owned(),
        },
    }
}

/// The key of a custom field's input.
pub fn custom_key(name: &str) -> String {
    format!("custom-{name}")
}

/// The key of an address part's input.
pub fn part_key(part: &str) -> String {
    format!("address-{part}")
}

/// The key of row `i` of a list (`phones`, `emails`).
pub fn row_key(list: &str, i: usize) -> String {
    format!("{list}-{i}")
}

/// Field errors by input key, in the order they came (the rules sort them in form order); one
/// message per input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(String, String)>);

impl FieldErrors {
    /// The errors of `errors`, each under the key of the input it names.
    pub fn of(errors: &[FieldError]) -> Self {
        let mut out: Vec<(String, String)> = Vec::new();
        for e in errors {
            let key = key_of(&e.field);
            if !out.iter().any(|(k, _)| *k == key) {
                out.push((key, e.message.clone()));
            }
        }
        Self(out)
    }

    /// The message for input `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, m)| m.as_str())
    }

    /// The first input with an error (focus goes there).
    pub fn first_key(&self) -> Option<&str> {
        self.0.first().map(|(k, _)| k.as_str())
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many inputs have one.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// What a contact created in `layout` sends: only the values of fields it shows. Values typed
/// while another layout was chosen stay in the draft, for when the agent switches back.
pub fn shown_only(draft: &NewContact, layout: &Layout) -> NewContact {
    let mut c = draft.clone();
    let keep = |field: &str, value: &mut String| {
        if !layout.shows(field) {
            value.clear();
        }
    };
    keep("firstName", &mut c.first_name);
    keep("lastName", &mut c.last_name);
    keep("title", &mut c.title);
    keep("company", &mut c.company);
    keep("accountId", &mut c.account_id);
    let a = &mut c.address;
    for (part, value) in [
        ("street", &mut a.street),
        ("city", &mut a.city),
        ("region", &mut a.region),
        ("postalCode", &mut a.postal_code),
        ("country", &mut a.country),
    ] {
        keep(&format!("address.{part}"), value);
    }
    if !layout.shows("phones") {
        c.phones.clear();
    }
    if !layout.shows("emails") {
        c.emails.clear();
    }
    c.custom_fields.retain(|name, _| layout.shows(name));
    c
}

/// The draft as it is sent: blank phone and email rows dropped (so the rows left are the indices
/// the server's errors name).
pub fn tidy(draft: &mut NewContact) {
    draft.phones.retain(|p| !p.trim().is_empty());
    draft.emails.retain(|e| !e.trim().is_empty());
}

/// What a new contact starts with: the interaction's identifier, and the text the agent searched
/// for read as what it looks like — an email, a phone number, or a name (first word, then the rest).
pub fn prefill(identity: Option<&Identity>, seed: &str) -> NewContact {
    let mut c = NewContact::default();
    match identity {
        Some(Identity::Phone { phone_number }) => c.phones.push(phone_number.clone()),
        Some(Identity::Email { email }) => c.emails.push(email.clone()),
        _ => {}
    }
    let seed = seed.trim();
    if seed.contains('@') {
        if !c.emails.iter().any(|e| e.eq_ignore_ascii_case(seed)) {
            c.emails.push(seed.to_owned());
        }
    } else if is_phone_query(seed) {
        if normalize_phone(seed).is_none_or(|p| !c.phones.contains(&p)) {
            c.phones.push(seed.to_owned());
        }
    } else if let Some((first, rest)) = seed.split_once(char::is_whitespace) {
        c.first_name = first.to_owned();
        c.last_name = rest.trim().to_owned();
    } else {
        c.first_name = seed.to_owned();
    }
    c
}

/// The identifiers typed into a new contact that can be checked for another holder now: each
/// phone in international form and each valid email, once.
pub fn typed_identities(draft: &NewContact) -> Vec<Identity> {
    let phones =
        draft.phones.iter().filter_map(|p| normalize_phone(p)).map(|phone_number| Identity::Phone { phone_number });
    let emails = draft.emails.iter().filter_map(|e| normalize_email(e)).map(|email| Identity::Email { email });
    let mut out: Vec<Identity> = Vec::new();
    for identity in phones.chain(emails) {
        if !out.contains(&identity) {
            out.push(identity);
        }
    }
    out
}

/// Another contact already holding an identifier typed into a new contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// The identifier they share.
    pub identity: Identity,
    /// Who holds it.
    pub contact: ContactSummary,
}

impl Holder {
    /// "Dana Whitfield already has this number" (or "this email address").
    pub fn sentence(&self) -> String {
        let name = self.contact.full_name();
        let name = if name.is_empty() { "Another contact".to_owned() } else { name };
        let what = match self.identity {
            Identity::Email { .. } => "this email address",
            _ => "this number",
        };
        format!("{name} already has {what}")
    }

    /// The holder's first name (or full name), for "Open Dana".
    pub fn short_name(&self) -> String {
        let c = &self.contact;
        if c.first_name.is_empty() { c.full_name() } else { c.first_name.clone() }
    }
}

/// The holders among `found` (each contact once, by the first identifier of `draft` it holds):
/// what an identity match while typing, or a 409's `duplicates`, comes back with.
pub fn holders(draft: &NewContact, found: impl IntoIterator<Item = ContactSummary>) -> Vec<Holder> {
    let typed = typed_identities(draft);
    let mut out: Vec<Holder> = Vec::new();
    for contact in found {
        let shared = typed.iter().find(|identity| match identity {
            Identity::Phone { phone_number } => contact.phones.contains(phone_number),
            Identity::Email { email } => contact.emails.contains(email),
            _ => false,
        });
        if let Some(identity) = shared
            && !out.iter().any(|h| h.contact.contact_id == contact.contact_id)
        {
            out.push(Holder { identity: identity.clone(), contact });
        }
    }
    out
}

/// The holders a 409 `duplicate` names: as [`holders`], and a contact sharing a number the panel
/// could not read (typed without its country code) by what the server's error says it shares.
pub fn refused_by(draft: &NewContact, problem: &CrmProblem) -> Vec<Holder> {
    let mut out = holders(draft, problem.duplicates.iter().cloned());
    for contact in &problem.duplicates {
        if out.iter().any(|h| h.contact.contact_id == contact.contact_id) {
            continue;
        }
        let email = problem.problem.errors.iter().any(|e| {
            e.code == "duplicate" && e.field.starts_with("emails") && e.message.starts_with(&contact.full_name())
        });
        let identity = match (email, contact.emails.first(), contact.phones.first()) {
            (true, Some(email), _) => Identity::Email { email: email.clone() },
            (_, _, Some(phone)) => Identity::Phone { phone_number: phone.clone() },
            (_, Some(email), None) => Identity::Email { email: email.clone() },
            _ => continue,
        };
        out.push(Holder { identity, contact: contact.clone() });
    }
    out
}

/// Why a save (or a create: `verb`) did not go through, in one sentence that says the agent's
/// changes are still there.
pub fn save_failure(error: &ApiError, verb: &str) -> String {
    let why = match error {
        ApiError::RateLimited { retry_after: Some(s) } => format!("the service is busy; try again in {s} seconds"),
        ApiError::RateLimited { retry_after: None } => "the service is busy; try again in a moment".to_owned(),
        ApiError::Network(_) => "the service cannot be reached (are you offline?)".to_owned(),
        ApiError::Server { .. } | ApiError::Decode(_) | ApiError::Aborted => "the service failed".to_owned(),
        ApiError::TokenExpired | ApiError::Unauthorized(_) => {
            "the panel is signing in again; your changes come back when it has".to_owned()
        }
        ApiError::Forbidden => "this workspace may not change this tenant's contacts".to_owned(),
        ApiError::BadRequest(problem) => problem.detail.trim_end_matches('.').to_owned(),
        ApiError::Duplicate(crm) => crm.problem.detail.trim_end_matches('.').to_owned(),
        ApiError::Stale(_) => "someone else changed this contact".to_owned(),
        ApiError::StaleActivity(_) => "someone else changed this record".to_owned(),
    };
    format!("Not {verb}: {why}. Your changes are still here.")
}

/// A merge unit's value in a few words, for "yours" and "theirs": lists joined, an address's
/// parts in order, nothing as "(empty)".
pub fn value_summary(value: &Value) -> String {
    let text = words(value);
    if text.is_empty() { "(empty)".to_owned() } else { text }
}

fn words(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(words).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "),
        Value::Object(parts) => ["street", "postalCode", "city", "region", "country"]
            .iter()
            .filter_map(|k| parts.get(*k).map(words))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use c360_wire::crm::{DEFAULT_CONTACT_REQUIRED, validate_new_contact};

    #[test]
    fn every_error_path_names_one_input() {
        for (path, key) in [
            ("phones[1]", "phones-1"),
            ("emails[0]", "emails-0"),
            ("phones", "phones-0"),
            ("phones|emails", "phones-0"),
            ("address.city", "address-city"),
            ("address.postalCode", "address-postalCode"),
            ("customFields.loyaltyTier", "custom-loyaltyTier"),
            ("firstName", "firstName"),
            ("", "form"),
        ] {
            assert_eq!(key_of(path), key, "{path}");
        }
        assert_eq!(key_of("phones[3]"), row_key("phones", 3));
        assert_eq!(key_of("address.country"), part_key("country"));
        assert_eq!(key_of("customFields.visits"), custom_key("visits"));
    }

    #[test]
    fn errors_keep_form_order_and_one_message_per_input() {
        let typed = NewContact { emails: vec!["nope".into()], phones: vec!["x1".into()], ..NewContact::default() };
        let errors = validate_new_contact(&typed, &DEFAULT_CONTACT_REQUIRED, None).unwrap_err();
        let by_key = FieldErrors::of(&errors);
        assert_eq!(by_key.first_key(), Some("firstName"));
        assert!(by_key.get("emails-0").unwrap().contains("not an email address"));
        assert!(by_key.get("phones-0").is_some());
        assert_eq!(by_key.len(), 4);
        assert!(FieldErrors::default().is_empty());
    }

    #[test]
    fn a_layout_sends_only_what_it_shows() {
        let quick: Layout = serde_json::from_value(serde_json::json!({"layoutId": "quick", "name": "Quick",
            "recordType": "contact", "fields": [
                {"field": "firstName", "label": "First name", "required": true, "readOnly": false},
                {"field": "phones", "label": "Phone", "required": false, "readOnly": false},
                {"field": "tier", "label": "Tier", "required": false, "readOnly": false}]}))
        .unwrap();
        let mut typed = NewContact {
            first_name: "Ana".into(),
            last_name: "Silva".into(),
            company: "Acme".into(),
            phones: vec!["+351912345678".into()],
            emails: vec!["ana@example.com".into()],
            ..NewContact::default()
        };
        typed.address.city = "Lisbon".into();
        typed.custom_fields.insert("tier".into(), "gold".into());
        typed.custom_fields.insert("visits".into(), 3.into());
        let sent = shown_only(&typed, &quick);
        assert_eq!((sent.first_name.as_str(), sent.last_name.as_str(), sent.company.as_str()), ("Ana", "", ""));
        assert_eq!((sent.phones.len(), sent.emails.len(), sent.address.city.as_str()), (1, 0, ""));
        assert_eq!(sent.custom_fields.keys().collect::<Vec<_>>(), ["tier"]);
        assert_eq!(
            shown_only(&typed, &c360_wire::crm::default_layout(&c360_wire::crm::RecordType::Contact)).company,
            "Acme"
        );
    }

    #[test]
    fn a_failed_save_says_why_and_that_nothing_is_lost() {
        assert_eq!(
            save_failure(&ApiError::Network("x".into()), "saved"),
            "Not saved: the service cannot be reached (are you offline?). Your changes are still here."
        );
        assert_eq!(
            save_failure(&ApiError::RateLimited { retry_after: Some(7) }, "saved"),
            "Not saved: the service is busy; try again in 7 seconds. Your changes are still here."
        );
        let created = save_failure(&ApiError::Server { status: 502, detail: String::new() }, "created");
        assert_eq!(created, "Not created: the service failed. Your changes are still here.");
    }

    /// Dana as a search or a 409 lists her.
    fn dana() -> ContactSummary {
        serde_json::from_value(serde_json::json!({"contactId": "c-1", "firstName": "Dana", "lastName": "Whitfield",
            "emails": ["dana@example.com"], "phones": ["+14155550100"]}))
        .unwrap()
    }

    #[test]
    fn holders_are_named_by_what_they_share_once_each() {
        let dana = dana();
        let stranger = ContactSummary {
            contact_id: "c-9".into(),
            phones: vec!["+15550000000".into()],
            emails: Vec::new(),
            ..dana.clone()
        };
        let typed = NewContact {
            phones: vec!["+1 415 555 0100".into()],
            emails: vec!["DANA@example.com".into()],
            ..NewContact::default()
        };
        let found = holders(&typed, [dana.clone(), dana.clone(), stranger]);
        assert_eq!(found.len(), 1, "once, and only those who share something");
        assert_eq!(found[0].sentence(), "Dana Whitfield already has this number");
        assert_eq!(found[0].short_name(), "Dana");
        let by_email = holders(&NewContact { emails: typed.emails.clone(), ..NewContact::default() }, [dana]);
        assert_eq!(by_email[0].sentence(), "Dana Whitfield already has this email address");
    }

    #[test]
    fn the_server_s_duplicates_are_named_even_for_a_number_typed_nationally() {
        let dana = dana();
        let stored = NewContact { emails: vec!["dana@example.com".into()], ..NewContact::default() };
        let problem = CrmProblem::duplicate(&stored, vec![dana.clone()]);
        let typed = NewContact { phones: vec!["(415) 555-0100".into()], ..NewContact::default() };
        let found = refused_by(&typed, &problem);
        assert_eq!(found[0].sentence(), "Dana Whitfield already has this email address", "as the server says");
        let by_phone =
            CrmProblem::duplicate(&NewContact { phones: dana.phones.clone(), ..NewContact::default() }, vec![dana]);
        assert_eq!(refused_by(&typed, &by_phone)[0].sentence(), "Dana Whitfield already has this number");
    }

    #[test]
    fn yours_and_theirs_read_in_a_few_words() {
        use serde_json::json;
        assert_eq!(value_summary(&json!("Whitfield & Sons")), "Whitfield & Sons");
        assert_eq!(value_summary(&json!(["+14155550100", "+14155550199"])), "+14155550100, +14155550199");
        assert_eq!(
            value_summary(
                &json!({"street": "1 Main St", "city": "Springfield", "region": "", "postalCode": "62701", "country": "US"})
            ),
            "1 Main St, 62701, Springfield, US"
        );
        assert_eq!(value_summary(&json!(null)), "(empty)");
        assert_eq!(value_summary(&json!(3)), "3");
    }

    #[test]
    fn blank_rows_are_not_sent() {
        let mut c = NewContact {
            phones: vec![" ".into(), "+14155550100".into()],
            emails: vec![String::new()],
            ..NewContact::default()
        };
        tidy(&mut c);
        assert_eq!(c.phones, ["+14155550100"]);
        assert!(c.emails.is_empty());
    }

    #[test]
    fn a_new_contact_starts_from_the_interaction_and_the_search_text() {
        let caller = Identity::Phone { phone_number: "+14155550199".into() };
        let c = prefill(Some(&caller), "");
        assert_eq!(c.phones, ["+14155550199"]);
        let c = prefill(Some(&caller), "Zoe van der Berg");
        assert_eq!((c.first_name.as_str(), c.last_name.as_str()), ("Zoe", "van der Berg"));
        let c = prefill(Some(&caller), "+1 415 555 0199");
        assert_eq!(c.phones, ["+14155550199"], "the same number once");
        let chat = Identity::Email { email: "zoe@example.com".into() };
        let c = prefill(Some(&chat), "(415) 555-0100");
        assert_eq!(
            (c.emails.as_slice(), c.phones.as_slice()),
            (&["zoe@example.com".to_owned()][..], &["(415) 555-0100".to_owned()][..])
        );
        assert_eq!(prefill(None, "Zoe").first_name, "Zoe");
        assert_eq!(prefill(None, "ZOE@example.com ").emails, ["ZOE@example.com"]);
    }

    #[test]
    fn duplicates_are_checked_for_each_readable_identifier_once() {
        let c = NewContact {
            phones: vec!["+1 415 555 0100".into(), "+14155550100".into(), "(415) 555-0101".into()],
            emails: vec!["Dana@Example.com".into(), "nope".into()],
            ..NewContact::default()
        };
        assert_eq!(
            typed_identities(&c),
            [
                Identity::Phone { phone_number: "+14155550100".into() },
                Identity::Email { email: "dana@example.com".into() }
            ]
        );
    }
}
