//! The rules a contact must meet to be saved — the server enforces them on create and after a
//! patch, the panel runs them before it sends: text trimmed and at most 200 characters, emails
//! lower-cased and valid, phones in E.164 (national ones read with the tenant's default country),
//! repeats dropped, the layout's required fields given, and always a phone or an email.
//!
//! Every error names the field exactly as the spec does (`firstName`, `phones[1]`, `emails[0]`,
//! `address.country`, `customFields.loyaltyTier`); a list element keeps the index it had in the
//! input, so the panel can mark the very row the agent typed.

use std::collections::BTreeMap;

use serde_json::Value;

use super::builtin::builtin_label;
use super::contact::{Address, NewContact, fields};
use super::custom_fields::{custom_field_path, validate_custom_fields};
use super::layout::{FieldDefinition, Layout, RecordType};
use super::phone::normalize_phone_in;
use crate::identity::normalize_email;
use crate::problem::{FieldError, codes};

/// Longest name, company, title, account ID or address part, in characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// Most phone numbers one contact holds.
pub const MAX_PHONES: usize = 20;
/// Most email addresses one contact holds.
pub const MAX_EMAILS: usize = 20;

/// What a tenant's contact must satisfy: the layout's required and read-only fields, the default
/// country for national phone numbers and, when known, the custom field definitions.
#[derive(Debug, Clone, Default)]
pub struct ContactRules<'a> {
    /// Field names a save needs (`firstName`, `address.country`, a custom field's bare name); a
    /// name `a|b` needs either.
    pub required: Vec<&'a str>,
    /// Field names a patch may not touch, besides the server's own (see `patch`).
    pub read_only: Vec<&'a str>,
    /// ISO alpha-2 country for numbers typed without a country code.
    pub default_country: Option<&'a str>,
    /// The contact fields (built-in and custom); `None` accepts any well-named custom scalar.
    pub definitions: Option<&'a [FieldDefinition]>,
}

impl<'a> ContactRules<'a> {
    /// Rules with these required fields and default country, nothing read-only.
    pub fn new<S: AsRef<str>>(required: &'a [S], default_country: Option<&'a str>) -> Self {
        Self { required: required.iter().map(AsRef::as_ref).collect(), default_country, ..Self::default() }
    }

    /// The rules of a contact layout and the tenant's contact fields.
    pub fn for_layout(
        layout: &'a Layout,
        definitions: &'a [FieldDefinition],
        default_country: Option<&'a str>,
    ) -> Self {
        Self {
            required: layout.required_fields(),
            read_only: layout.read_only_fields(),
            default_country,
            definitions: Some(definitions),
        }
    }

    /// `contact` cleaned up for storage, or every field error at once.
    pub fn validate(&self, contact: &NewContact) -> Result<NewContact, Vec<FieldError>> {
        self.check(contact, &BTreeMap::new())
    }

    /// [`ContactRules::validate`], keeping the custom values equal to those in `stored` as they are.
    pub(crate) fn check(
        &self,
        contact: &NewContact,
        stored: &BTreeMap<String, Value>,
    ) -> Result<NewContact, Vec<FieldError>> {
        let mut errors = Vec::new();
        let a = &contact.address;
        let out = NewContact {
            first_name: text(fields::FIRST_NAME, &contact.first_name, &mut errors),
            last_name: text(fields::LAST_NAME, &contact.last_name, &mut errors),
            emails: emails(&contact.emails, &mut errors),
            phones: phones(&contact.phones, self.default_country, &mut errors),
            company: text(fields::COMPANY, &contact.company, &mut errors),
            account_id: text(fields::ACCOUNT_ID, &contact.account_id, &mut errors),
            title: text(fields::TITLE, &contact.title, &mut errors),
            address: Address {
                street: text("address.street", &a.street, &mut errors),
                city: text("address.city", &a.city, &mut errors),
                region: text("address.region", &a.region, &mut errors),
                postal_code: text("address.postalCode", &a.postal_code, &mut errors),
                country: country(&a.country, &mut errors),
            },
            custom_fields: validate_custom_fields(
                &contact.custom_fields,
                stored,
                self.definitions,
                self.default_country,
                &mut errors,
            ),
        };
        // A field already refused is not also "required": one complaint per field.
        let failed = |name: &str| name.split('|').any(|f| errors.iter().any(|e| is_path_in(&e.field, &path_of(f))));
        let mut missing: Vec<&str> =
            self.required.iter().copied().filter(|r| !r.split('|').any(|f| is_given(&out, f))).collect();
        let one_missing = |m: &&str| [fields::PHONES, fields::EMAILS, fields::PHONES_OR_EMAILS].contains(m);
        if out.phones.is_empty() && out.emails.is_empty() && !missing.iter().any(one_missing) {
            missing.push(fields::PHONES_OR_EMAILS);
        }
        let missing: Vec<FieldError> = missing
            .into_iter()
            .filter(|name| !failed(name))
            .map(|name| FieldError::new(path_of(name), codes::REQUIRED, format!("{} is required.", label_of(name))))
            .collect();
        errors.extend(missing);
        crate::order::sort_small_by_key(&mut errors, |e| field_order(&e.field));
        if errors.is_empty() { Ok(out) } else { Err(errors) }
    }
}

/// [`ContactRules::validate`] with just the required fields and default country: the contact as
/// it will be stored, or every field error at once.
pub fn validate_new_contact<S: AsRef<str>>(
    contact: &NewContact,
    required: &[S],
    default_country: Option<&str>,
) -> Result<NewContact, Vec<FieldError>> {
    ContactRules::new(required, default_country).validate(contact)
}

/// The error path of a field name: built-in names as they are, custom ones under `customFields`.
pub(crate) fn path_of(name: &str) -> String {
    if name.contains('|') || builtin_label(&RecordType::Contact, name).is_some() {
        name.to_owned()
    } else {
        custom_field_path(name)
    }
}

/// Whether error path `field` is `path` or inside it (`phones[1]` is in `phones`).
fn is_path_in(field: &str, path: &str) -> bool {
    field.strip_prefix(path).is_some_and(|rest| rest.is_empty() || rest.starts_with(['[', '.']))
}

/// How messages call a field.
fn label_of(name: &str) -> String {
    match name {
        fields::PHONES_OR_EMAILS => "A phone number or an email address".to_owned(),
        _ => builtin_label(&RecordType::Contact, name).map_or_else(|| name.to_owned(), str::to_owned),
    }
}

/// Whether the cleaned contact has a value for field `name`.
fn is_given(c: &NewContact, name: &str) -> bool {
    let a = &c.address;
    match name {
        fields::FIRST_NAME => !c.first_name.is_empty(),
        fields::LAST_NAME => !c.last_name.is_empty(),
        fields::EMAILS => !c.emails.is_empty(),
        fields::PHONES => !c.phones.is_empty(),
        fields::COMPANY => !c.company.is_empty(),
        fields::ACCOUNT_ID => !c.account_id.is_empty(),
        fields::TITLE => !c.title.is_empty(),
        "address.street" => !a.street.is_empty(),
        "address.city" => !a.city.is_empty(),
        "address.region" => !a.region.is_empty(),
        "address.postalCode" => !a.postal_code.is_empty(),
        "address.country" => !a.country.is_empty(),
        custom => c.custom_fields.contains_key(custom),
    }
}

/// Errors in the order a form shows the fields (stable within a field).
fn field_order(path: &str) -> usize {
    let top = path.split(['.', '[', '|']).next().unwrap_or_default();
    fields::EDITABLE.iter().position(|f| *f == top).unwrap_or(fields::EDITABLE.len())
}

/// One line of text: trimmed, tabs and line breaks as spaces, no other control characters, at
/// most [`MAX_TEXT_CHARS`].
fn text(name: &str, value: &str, errors: &mut Vec<FieldError>) -> String {
    let line: String = value.trim().chars().map(|c| if matches!(c, '\t' | '\r' | '\n') { ' ' } else { c }).collect();
    if line.chars().any(char::is_control) {
        errors.push(FieldError::new(name, codes::INVALID_FORMAT, "Remove the control characters from this text."));
    } else if line.chars().count() > MAX_TEXT_CHARS {
        let message = format!("At most {MAX_TEXT_CHARS} characters, please.");
        errors.push(FieldError::new(name, codes::TOO_LONG, message));
    }
    line
}

/// A two-letter country code, upper-cased.
fn country(value: &str, errors: &mut Vec<FieldError>) -> String {
    let code = value.trim().to_ascii_uppercase();
    let two_letters = code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase());
    if !code.is_empty() && !two_letters {
        let message = "Use the two-letter country code (US, GB, DE …).";
        errors.push(FieldError::new("address.country", codes::INVALID_FORMAT, message));
    }
    code
}

/// Valid, lower-cased, each once; blank rows dropped.
fn emails(input: &[String], errors: &mut Vec<FieldError>) -> Vec<String> {
    let read = |raw: &str| normalize_email(raw).ok_or_else(|| format!("“{}” is not an email address.", raw.trim()));
    list(fields::EMAILS, input, MAX_EMAILS, read, errors)
}

/// E.164, each once; blank rows dropped.
fn phones(input: &[String], default_country: Option<&str>, errors: &mut Vec<FieldError>) -> Vec<String> {
    let read = |raw: &str| {
        normalize_phone_in(raw, default_country).ok_or_else(|| match default_country {
            Some(c) => {
                format!("“{}” is not a phone number in {c}; for another country start with + and its code.", raw.trim())
            }
            None => format!("“{}” is not a phone number; start with + and the country code.", raw.trim()),
        })
    };
    list(fields::PHONES, input, MAX_PHONES, read, errors)
}

/// The shared shape of `emails` and `phones`: read each non-blank element, name failures by their
/// input index, drop repeats, cap the count.
fn list(
    name: &str,
    input: &[String],
    max: usize,
    read: impl Fn(&str) -> Result<String, String>,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, raw) in input.iter().enumerate().filter(|(_, raw)| !raw.trim().is_empty()) {
        match read(raw) {
            Ok(value) if !out.contains(&value) => out.push(value),
            Ok(_) => {}
            Err(message) => errors.push(FieldError::new(format!("{name}[{i}]"), codes::INVALID_FORMAT, message)),
        }
    }
    if out.len() > max {
        errors.push(FieldError::new(name, codes::OUT_OF_RANGE, format!("At most {max} {name} per contact.")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::builtin::DEFAULT_CONTACT_REQUIRED;
    use serde_json::json;

    fn contact(json: serde_json::Value) -> NewContact {
        serde_json::from_value(json).unwrap()
    }

    fn errors_of(result: Result<NewContact, Vec<FieldError>>) -> Vec<(String, String)> {
        result.unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(f, c)| ((*f).to_owned(), (*c).to_owned())).collect()
    }

    #[test]
    fn a_typed_contact_is_stored_clean() {
        let typed = contact(json!({
            "firstName": "  Dana ", "lastName": "Whitfield\n",
            "emails": ["Dana@Example.com", "", "dana@example.com "],
            "phones": ["(415) 555-0100", "+1 415 555 0100", "+44 20 7946 0001"],
            "address": {"city": " Springfield ", "country": "us"}
        }));
        let stored = validate_new_contact(&typed, &DEFAULT_CONTACT_REQUIRED, Some("US"));
        let stored = stored.unwrap();
        assert_eq!((stored.first_name.as_str(), stored.last_name.as_str()), ("Dana", "Whitfield"));
        assert_eq!(stored.emails, ["dana@example.com"], "lower-cased, the repeat and the blank row dropped");
        assert_eq!(stored.phones, ["+14155550100", "+442079460001"], "one identity across formats");
        assert_eq!(stored.address.city, "Springfield");
        assert_eq!(stored.address.country, "US");
    }

    #[test]
    fn the_default_rules_need_both_names_and_a_phone_or_an_email() {
        let errors = errors_of(validate_new_contact(&NewContact::default(), &DEFAULT_CONTACT_REQUIRED, None));
        assert_eq!(
            errors,
            pairs(&[("firstName", "required"), ("lastName", "required"), ("phones|emails", "required")])
        );
        let with_email = contact(json!({"firstName": "Ana", "lastName": "Silva", "emails": ["ana@example.com"]}));
        assert!(validate_new_contact(&with_email, &DEFAULT_CONTACT_REQUIRED, None).is_ok(), "an email is enough");
        let with_phone = contact(json!({"firstName": "Ana", "lastName": "Silva", "phones": ["+351912345678"]}));
        assert!(validate_new_contact(&with_phone, &DEFAULT_CONTACT_REQUIRED, None).is_ok(), "so is a phone");
    }

    #[test]
    fn each_bad_element_is_named_by_its_index_in_the_input() {
        let typed = contact(json!({
            "firstName": "Dana", "lastName": "Whitfield",
            "emails": ["dana@example.com", "dana at example"],
            "phones": ["+14155550100", "555-0100", "(415) 555-0101"]
        }));
        let errors = validate_new_contact(&typed, &DEFAULT_CONTACT_REQUIRED, Some("US")).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect::<Vec<_>>(),
            [("emails[1]", "invalid_format"), ("phones[1]", "invalid_format")]
        );
        assert_eq!(
            errors[1].message,
            "“555-0100” is not a phone number in US; for another country start with + and its code."
        );
        let no_country = validate_new_contact(&typed, &DEFAULT_CONTACT_REQUIRED, None).unwrap_err();
        assert_eq!(
            no_country.iter().filter(|e| e.field.starts_with("phones")).count(),
            2,
            "no national numbers without a country"
        );
    }

    #[test]
    fn a_layout_s_required_fields_are_named_as_the_spec_names_them() {
        let typed = contact(json!({"firstName": "Dana", "lastName": "Whitfield", "phones": ["+14155550100"]}));
        let required = ["firstName", "company", "address.country", "loyaltyTier", "emails"];
        let errors = errors_of(validate_new_contact(&typed, &required, None));
        assert_eq!(
            errors,
            pairs(&[
                ("emails", "required"),
                ("company", "required"),
                ("address.country", "required"),
                ("customFields.loyaltyTier", "required"),
            ])
        );
        let one_of = ["phones|emails"];
        assert!(validate_new_contact(&typed, &one_of, None).is_ok());
    }

    #[test]
    fn a_refused_field_is_not_also_called_missing() {
        let typed = contact(json!({"firstName": "Dana", "lastName": "Whitfield", "phones": ["not a phone"]}));
        let errors = errors_of(validate_new_contact(&typed, &["phones"], None));
        assert_eq!(errors, pairs(&[("phones[0]", "invalid_format")]));
        let no_phone = contact(json!({"firstName": "Dana", "lastName": "Whitfield"}));
        let errors = errors_of(validate_new_contact(&no_phone, &["phones"], None));
        assert_eq!(errors, pairs(&[("phones", "required")]), "not twice with phones|emails");
    }

    #[test]
    fn limits_are_said_plainly() {
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        let many: Vec<String> = (0..=MAX_PHONES).map(|i| format!("+1415555{:04}", 1000 + i)).collect();
        let typed = NewContact {
            first_name: long.clone(),
            last_name: "Whitfield".into(),
            company: "Acme\u{7}".into(),
            phones: many,
            address: Address { street: long, country: "USA".into(), ..Address::default() },
            ..NewContact::default()
        };
        let errors = validate_new_contact(&typed, &DEFAULT_CONTACT_REQUIRED, None).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect::<Vec<_>>(),
            [
                ("firstName", "too_long"),
                ("phones", "out_of_range"),
                ("company", "invalid_format"),
                ("address.street", "too_long"),
                ("address.country", "invalid_format"),
            ]
        );
        assert_eq!(errors[0].message, "At most 200 characters, please.");
        assert_eq!(errors[1].message, "At most 20 phones per contact.");
    }

    #[test]
    fn layout_rules_check_custom_values_against_the_tenant_s_fields() {
        let layout: Layout =
            serde_json::from_value(json!({"layoutId": "full", "name": "Full", "recordType": "contact",
            "default": true, "fields": [
                {"field": "firstName", "label": "First name", "required": true, "readOnly": false},
                {"field": "loyaltyTier", "label": "Loyalty tier", "required": true, "readOnly": false},
                {"field": "accountId", "label": "Account ID", "required": false, "readOnly": true}]}))
            .unwrap();
        let defs: Vec<FieldDefinition> = serde_json::from_value(json!([
            {"field": "loyaltyTier", "label": "Loyalty tier", "type": "select", "options": ["silver", "gold"], "custom": true}
        ]))
        .unwrap();
        let rules = ContactRules::for_layout(&layout, &defs, Some("US"));
        assert_eq!(rules.read_only, ["accountId"]);
        let typed = contact(
            json!({"firstName": "Dana", "phones": ["415 555 0100"], "customFields": {"loyaltyTier": "bronze"}}),
        );
        let errors: Vec<_> = rules.validate(&typed).unwrap_err().into_iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(errors, pairs(&[("customFields.loyaltyTier", "invalid_value")]), "lastName is not in this layout");
        let fixed =
            contact(json!({"firstName": "Dana", "phones": ["415 555 0100"], "customFields": {"loyaltyTier": "gold"}}));
        assert_eq!(rules.validate(&fixed).unwrap().phones, ["+14155550100"]);
    }
}
