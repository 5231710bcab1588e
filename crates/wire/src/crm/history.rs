//! A record's audit history (`GET /contacts/{contactId}/history`): one entry per write, newest
//! first, each saying who changed which fields from what to what.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::open_enum;

open_enum! {
    /// What a write did.
    AuditAction {
        /// The record was created (every `before` is `null`).
        Create = "create",
        /// The record was changed.
        Update = "update",
    }
}

/// One field's change. `field` names a top-level field, an address part as a unit
/// (`address`) or one custom field (`customFields.loyaltyTier`); `null` stands for "not set".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The field, named as in field errors.
    pub field: String,
    /// Its value before the write.
    #[serde(default)]
    pub before: Value,
    /// Its value after the write.
    #[serde(default)]
    pub after: Value,
}

/// One write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// When it was saved.
    #[serde(deserialize_with = "crate::rfc3339::utc")]
    pub at: DateTime<Utc>,
    /// The agent or API key that made it.
    pub by: String,
    /// Create or update.
    pub action: AuditAction,
    /// What changed, in the record's field order.
    #[serde(default)]
    pub changes: Vec<FieldChange>,
}

/// `GET …/history`: newest first, one entry per write, never coalesced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditHistory {
    /// The entries, newest first.
    pub entries: Vec<AuditEntry>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn history_round_trips_as_the_spec_writes_it() {
        let json = json!({"entries": [
            {"at": "2026-02-01T08:30:15Z", "by": "Alex Agent", "action": "update",
             "changes": [{"field": "company", "before": "Whitfield Bakery", "after": "Whitfield Bakery & Café"},
                         {"field": "customFields.loyaltyTier", "before": null, "after": "gold"}]},
            {"at": "2026-01-05T10:00:00Z", "by": "import-key", "action": "create",
             "changes": [{"field": "firstName", "before": null, "after": "Dana"}]}
        ]});
        let history: AuditHistory = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(history.entries[0].action, AuditAction::Update);
        assert_eq!(history.entries[0].changes[1].before, Value::Null);
        assert_eq!(history.entries[1].action, AuditAction::Create);
        assert_eq!(serde_json::to_value(&history).unwrap(), json);
    }

    #[test]
    fn an_action_this_build_does_not_know_is_kept() {
        let entry: AuditEntry =
            serde_json::from_value(json!({"at": "2026-01-05T10:00:00Z", "by": "x", "action": "merge"})).unwrap();
        assert_eq!(entry.action.as_str(), "merge");
        assert!(entry.changes.is_empty());
    }
}
