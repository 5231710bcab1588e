//! Contacts on the wire: the record (`GET /contacts/{contactId}`), its editable part (the create
//! body), the search summary, the list answer and the 409 duplicate body.
//!
//! Text fields are plain strings with `""` for "not given", as the spec's example shows, so a form
//! binds to them without `Option` everywhere; a merge patch clears one with `null`, which leaves
//! `""` behind.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::open_enum;
use crate::problem::{FieldError, Problem, codes};

/// Field names (and path prefixes) of a contact, exactly as on the wire and in field errors.
pub mod fields {
    /// Given name.
    pub const FIRST_NAME: &str = "firstName";
    /// Family name.
    pub const LAST_NAME: &str = "lastName";
    /// Email addresses (`emails[0]` names one).
    pub const EMAILS: &str = "emails";
    /// Phone numbers in E.164 (`phones[1]` names one).
    pub const PHONES: &str = "phones";
    /// Company name.
    pub const COMPANY: &str = "company";
    /// The customer's account ID.
    pub const ACCOUNT_ID: &str = "accountId";
    /// Job title.
    pub const TITLE: &str = "title";
    /// Postal address (`address.city` names one part).
    pub const ADDRESS: &str = "address";
    /// Admin-defined fields (`customFields.loyaltyTier` names one).
    pub const CUSTOM_FIELDS: &str = "customFields";
    /// The "at least one phone or email" rule, named like the contract's other one-of rules.
    pub const PHONES_OR_EMAILS: &str = "phones|emails";
    /// The parts of [`ADDRESS`], in display order.
    pub const ADDRESS_PARTS: [&str; 5] = ["street", "city", "region", "postalCode", "country"];
    /// The fields only the server writes: always read-only.
    pub const SERVER: [&str; 6] = ["contactId", "version", "createdAt", "updatedAt", "updatedBy", "crmUrl"];
    /// The editable top-level fields, in the spec's order (the units of a three-way merge, with
    /// `customFields` taken key by key).
    pub const EDITABLE: [&str; 9] =
        [FIRST_NAME, LAST_NAME, EMAILS, PHONES, COMPANY, ACCOUNT_ID, TITLE, ADDRESS, CUSTOM_FIELDS];
}

/// A postal address; every part free text, `""` when unknown. `country` is an ISO 3166-1 alpha-2
/// code once validated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Address {
    /// Street and number.
    pub street: String,
    /// City or town.
    pub city: String,
    /// State, province or county.
    pub region: String,
    /// Postal or ZIP code.
    pub postal_code: String,
    /// Two-letter country code (`US`, `GB`).
    pub country: String,
}

impl Address {
    /// Whether no part is given.
    pub fn is_empty(&self) -> bool {
        [&self.street, &self.city, &self.region, &self.postal_code, &self.country].iter().all(|p| p.is_empty())
    }
}

/// What a person may write about a contact: the create body (`POST /contacts`), and the part of
/// a [`Contact`] that a patch changes. Absent fields read as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NewContact {
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Lower-cased, valid addresses once validated; the first is the main one.
    pub emails: Vec<String>,
    /// E.164 numbers once validated; the first is the main one.
    pub phones: Vec<String>,
    /// Company name.
    pub company: String,
    /// The customer's account ID.
    pub account_id: String,
    /// Job title.
    pub title: String,
    /// Postal address.
    pub address: Address,
    /// Admin-defined fields by name; values are JSON scalars fitting each field's type.
    pub custom_fields: BTreeMap<String, Value>,
}

impl NewContact {
    /// "First Last", or whichever of the two is given.
    pub fn full_name(&self) -> String {
        full_name(&self.first_name, &self.last_name)
    }
}

/// A stored contact, as `GET /contacts/{contactId}` answers it (and a 412 carries it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    /// Server-made, opaque.
    pub contact_id: String,
    /// Everything a person may edit.
    #[serde(flatten)]
    pub details: NewContact,
    /// Deep link to the record, from the tenant's template.
    pub crm_url: String,
    /// Increases by one with every write; the `ETag` is this number in quotes.
    pub version: i64,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The agent or API key that made the last change.
    pub updated_by: String,
}

open_enum! {
    /// Which field of a contact matched a search query.
    MatchedField {
        /// One of its phone numbers.
        Phone = "phone",
        /// One of its email addresses.
        Email = "email",
        /// First, last or full name.
        Name = "name",
        /// Company name.
        Company = "company",
        /// Account ID.
        AccountId = "accountId",
    }
}

/// A contact in a search result or identity match: enough to tell people apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactSummary {
    /// The contact.
    pub contact_id: String,
    /// Given name.
    #[serde(default)]
    pub first_name: String,
    /// Family name.
    #[serde(default)]
    pub last_name: String,
    /// Company name.
    #[serde(default)]
    pub company: String,
    /// Account ID.
    #[serde(default)]
    pub account_id: String,
    /// Email addresses.
    #[serde(default)]
    pub emails: Vec<String>,
    /// Phone numbers (E.164).
    #[serde(default)]
    pub phones: Vec<String>,
    /// Which field matched the query (search results only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched: Option<MatchedField>,
}

impl ContactSummary {
    /// "First Last", or whichever of the two is given.
    pub fn full_name(&self) -> String {
        full_name(&self.first_name, &self.last_name)
    }
}

impl ContactSummary {
    /// The summary of contact `contact_id` with fields `d`, no `matched`.
    pub fn of(contact_id: &str, d: &NewContact) -> Self {
        Self {
            contact_id: contact_id.to_owned(),
            first_name: d.first_name.clone(),
            last_name: d.last_name.clone(),
            company: d.company.clone(),
            account_id: d.account_id.clone(),
            emails: d.emails.clone(),
            phones: d.phones.clone(),
            matched: None,
        }
    }
}

impl From<&Contact> for ContactSummary {
    fn from(c: &Contact) -> Self {
        Self::of(&c.contact_id, &c.details)
    }
}

/// `GET /contacts` (search or identity match).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactList {
    /// Best match first.
    pub contacts: Vec<ContactSummary>,
    /// Whether more contacts matched than `limit` allowed (always `false` for an identity match).
    #[serde(default)]
    pub more: bool,
}

/// Any error body of the CRM API: the one problem body, plus the contacts already holding a phone
/// or email for a 409 `duplicate`. A plain problem decodes into it with `duplicates` empty, so the
/// panel reads every CRM error with this one type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrmProblem {
    /// Status, title, detail and field errors.
    #[serde(flatten)]
    pub problem: Problem,
    /// The contacts that already hold one of the new contact's phones or emails.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicates: Vec<ContactSummary>,
}

impl CrmProblem {
    /// The 409 for `contact` (validated) whose phones or emails other contacts already hold: one
    /// `duplicate` field error per shared element (`phones[0]`), naming who holds it.
    pub fn duplicate(contact: &NewContact, duplicates: Vec<ContactSummary>) -> Self {
        let mut errors = Vec::new();
        let lists: [(&[String], &str); 2] = [(&contact.phones, fields::PHONES), (&contact.emails, fields::EMAILS)];
        for (list, name) in lists {
            for (i, value) in list.iter().enumerate() {
                // A phone (`+…`) never equals an email (`…@…`), so one lookup serves both lists.
                let holder = duplicates.iter().find(|d| d.phones.contains(value) || d.emails.contains(value));
                if let Some(holder) = holder {
                    errors.push(FieldError::new(
                        format!("{name}[{i}]"),
                        codes::DUPLICATE,
                        format!("{} already has {value}.", holder.full_name()),
                    ));
                }
            }
        }
        let detail = match duplicates.as_slice() {
            [one] => format!("{} already has this phone number or email.", one.full_name()),
            many => format!("{} contacts already have this phone number or email.", many.len()),
        };
        Self { problem: Problem { errors, ..Problem::new(409, detail) }, duplicates }
    }

    /// Whether this is the 409 `duplicate` answer.
    pub fn is_duplicate(&self) -> bool {
        self.problem.status == 409 && !self.duplicates.is_empty()
    }
}

impl From<Problem> for CrmProblem {
    fn from(problem: Problem) -> Self {
        Self { problem, duplicates: Vec::new() }
    }
}

fn full_name(first: &str, last: &str) -> String {
    match (first.is_empty(), last.is_empty()) {
        (false, false) => format!("{first} {last}"),
        (false, true) => first.to_owned(),
        _ => last.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::fixtures::dana_json;
    use serde_json::json;

    #[test]
    fn the_spec_contact_round_trips_exactly() {
        let json = dana_json();
        let contact: Contact = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(contact.details.first_name, "Dana");
        assert_eq!(contact.details.address.country, "US");
        assert_eq!(contact.details.custom_fields["loyaltyTier"], json!("gold"));
        assert_eq!(contact.version, 3);
        assert_eq!(contact.updated_at.to_rfc3339(), "2026-02-01T08:30:15+00:00");
        assert_eq!(serde_json::to_value(&contact).unwrap(), json);
    }

    #[test]
    fn a_create_body_may_leave_out_everything_optional() {
        let body: NewContact =
            serde_json::from_value(json!({"firstName": "Ana", "phones": ["+351912345678"]})).unwrap();
        assert_eq!(body.last_name, "");
        assert!(body.emails.is_empty() && body.address.is_empty() && body.custom_fields.is_empty());
        assert_eq!(body.full_name(), "Ana");
    }

    #[test]
    fn summaries_carry_the_matched_field_in_camel_case_and_keep_unknown_ones() {
        let list: ContactList = serde_json::from_value(json!({"contacts": [
            {"contactId": "c-1", "firstName": "Dana", "lastName": "Whitfield", "company": "Whitfield Bakery",
             "accountId": "acct-1042", "emails": ["dana@example.com"], "phones": ["+14155550100"], "matched": "accountId"},
            {"contactId": "c-2", "firstName": "Sam", "lastName": "Whitfield", "company": "", "accountId": "",
             "emails": [], "phones": ["+14155550100"], "matched": "nickname"}
        ], "more": true}))
        .unwrap();
        assert!(list.more);
        assert_eq!(list.contacts[0].matched, Some(MatchedField::AccountId));
        assert_eq!(list.contacts[1].matched, Some(MatchedField::Other("nickname".into())));
        let identity_match = ContactSummary { matched: None, ..list.contacts[0].clone() };
        assert!(!serde_json::to_string(&identity_match).unwrap().contains("matched"));
        assert_eq!(serde_json::to_value(MatchedField::Phone).unwrap(), json!("phone"));
    }

    #[test]
    fn a_plain_problem_and_the_duplicate_answer_decode_as_one_type() {
        let plain: CrmProblem = serde_json::from_value(json!({
            "status": 400, "title": "Bad Request", "detail": "Fix the fields.",
            "errors": [{"field": "phones[1]", "code": "invalid_format", "message": "Not a phone number."}]
        }))
        .unwrap();
        assert!(!plain.is_duplicate());
        assert_eq!(plain.problem.first_code(), Some("invalid_format"));

        let dana = ContactSummary {
            contact_id: "c-1".into(),
            first_name: "Dana".into(),
            last_name: "Whitfield".into(),
            company: String::new(),
            account_id: String::new(),
            emails: vec!["dana@example.com".into()],
            phones: vec!["+14155550100".into()],
            matched: None,
        };
        let new = NewContact {
            phones: vec!["+14155550199".into(), "+14155550100".into()],
            emails: vec!["dana@example.com".into()],
            ..NewContact::default()
        };
        let conflict = CrmProblem::duplicate(&new, vec![dana]);
        let json = serde_json::to_value(&conflict).unwrap();
        assert_eq!(json["status"], 409);
        assert_eq!(json["title"], "Conflict");
        assert_eq!(json["duplicates"][0]["contactId"], "c-1");
        assert_eq!(
            json["errors"][0],
            json!({"field": "phones[1]", "code": "duplicate", "message": "Dana Whitfield already has +14155550100."})
        );
        assert_eq!(json["errors"][1]["field"], "emails[0]");
        let back: CrmProblem = serde_json::from_value(json).unwrap();
        assert!(back.is_duplicate());
        assert_eq!(back, conflict);
        let as_problem: Problem = serde_json::from_value(serde_json::to_value(&back).unwrap()).unwrap();
        assert_eq!(as_problem.status, 409, "a client that knows only the problem body still reads it");
    }
}
