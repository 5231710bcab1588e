//! Drafts: what the agent typed and has not saved, kept in the tab's session storage under a key
//! per tenant and contact (or, for a new contact, per interaction), so a reload, a failed save, a
//! new token or a switch to another interaction and back brings it back. Cleared on save or cancel.

use c360_wire::crm::{Contact, NewContact, changed_fields};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The key of the unsaved edit of `contact_id` in `tenant`.
pub fn edit_key(tenant: &str, contact_id: &str) -> String {
    format!("c360.draft.{tenant}.contact.{contact_id}")
}

/// The key of the new contact begun during interaction `interaction` (`""`: none) in `tenant`.
pub fn create_key(tenant: &str, interaction: &str) -> String {
    format!("c360.draft.{tenant}.new.{interaction}")
}

/// An unsaved edit: the contact as it was when editing began, the version that names it, and
/// what the agent made of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditDraft {
    /// The contact the edit started from (the "base" of a three-way merge).
    pub base: Contact,
    /// The version `If-Match` sends.
    pub version: i64,
    /// The agent's version.
    pub edited: NewContact,
}

impl EditDraft {
    /// An edit of `base` at `version` that changes nothing yet.
    pub fn start(base: Contact, version: i64) -> Self {
        let edited = base.details.clone();
        Self { base, version, edited }
    }

    /// The merge patch a save sends (only what changed).
    pub fn patch(&self) -> Value {
        changed_fields(&self.base.details, &self.edited)
    }

    /// Whether the agent changed anything.
    pub fn has_changes(&self) -> bool {
        self.patch().as_object().is_some_and(|o| !o.is_empty())
    }
}

/// A new contact not created yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateDraft {
    /// What the agent typed.
    pub edited: NewContact,
}

/// Stored text of `value` (JSON).
pub fn encode<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A stored draft, if the text is one (anything else — an older shape, a broken write — is none).
pub fn decode<T: for<'de> Deserialize<'de>>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn dana() -> Contact {
        serde_json::from_value(json!({
            "contactId": "c-1", "firstName": "Dana", "lastName": "Whitfield", "phones": ["+14155550100"],
            "company": "Whitfield Bakery", "crmUrl": "/c/c-1", "version": 3,
            "createdAt": "2026-01-05T10:00:00Z", "updatedAt": "2026-02-01T08:30:15Z", "updatedBy": "Sam"
        }))
        .unwrap()
    }

    #[test]
    fn keys_name_the_tenant_and_the_contact_or_interaction() {
        assert_eq!(edit_key("demo", "c-1"), "c360.draft.demo.contact.c-1");
        assert_eq!(create_key("demo", "int-7"), "c360.draft.demo.new.int-7");
        assert_ne!(edit_key("a", "c-1"), edit_key("b", "c-1"));
    }

    #[test]
    fn a_draft_round_trips_and_knows_what_changed() {
        let mut draft = EditDraft::start(dana(), 3);
        assert!(!draft.has_changes());
        draft.edited.company = "Whitfield & Sons".into();
        draft.edited.phones.push("+14155550199".into());
        assert_eq!(draft.patch(), json!({"company": "Whitfield & Sons", "phones": ["+14155550100", "+14155550199"]}));
        let back: EditDraft = decode(&encode(&draft)).unwrap();
        assert_eq!(back, draft);
        assert!(decode::<EditDraft>("{\"edited\": 1}").is_none());
        assert!(decode::<EditDraft>("not json").is_none());
    }
}
