//! Test data shared by the rules' tests: the spec's contact example, its elisions filled in, and
//! an activity as stored.

use serde_json::{Value, json};

use super::activity::{Activity, NewActivity};
use super::contact::Contact;

/// The spec's contact example as JSON.
pub(crate) fn dana_json() -> Value {
    json!({
        "contactId": "c-7f3a",
        "firstName": "Dana", "lastName": "Whitfield",
        "emails": ["dana@example.com"],
        "phones": ["+14155550100"],
        "company": "Whitfield Bakery", "accountId": "acct-1042", "title": "Owner",
        "address": {"street": "", "city": "", "region": "", "postalCode": "", "country": "US"},
        "customFields": {"loyaltyTier": "gold"},
        "crmUrl": "https://crm.example.com/contacts/c-7f3a",
        "version": 3, "createdAt": "2026-01-05T10:00:00Z", "updatedAt": "2026-02-01T08:30:15Z",
        "updatedBy": "agent name"
    })
}

/// The spec's contact example.
pub(crate) fn dana() -> Contact {
    serde_json::from_value(dana_json()).expect("the spec's example is a contact")
}

/// `details` stored as activity `a-1`, version 1.
pub(crate) fn stored_activity(details: NewActivity) -> Activity {
    Activity {
        activity_id: "a-1".into(),
        details,
        version: 1,
        created_at: chrono::DateTime::from_timestamp_millis(0).expect("the epoch"),
        created_by: "A".into(),
        auto: false,
    }
}
