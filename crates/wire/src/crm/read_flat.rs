//! Reading the CRM's records that embed another part — a [`Contact`] its [`NewContact`], an
//! [`Activity`] its [`NewActivity`], a [`RelatedRecord`] its activity, a [`CrmProblem`] its
//! [`Problem`]. They are written with `#[serde(flatten)]`; they are read here through one flat
//! struct each, because serde's flattened reading buffers the object through its private
//! `Content` type and compiles every embedded type a second time against it, which cost the
//! panel's bundle 8.5 KB brotli (docs/performance.md). Each flat struct lists the fields once
//! more; the struct literals below make the compiler say when a field is added to a record and
//! not here, and the tests read back what the records write.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::activity::{
    Activity, ActivityType, CallPart, CasePart, EventPart, NewActivity, RelatedRecord, Relation, TaskPart,
};
use super::contact::{Address, Contact, ContactSummary, CrmProblem, NewContact};
use crate::problem::{FieldError, Problem};

/// A [`Contact`] as one JSON object.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ContactJson {
    contact_id: String,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    emails: Vec<String>,
    #[serde(default)]
    phones: Vec<String>,
    #[serde(default)]
    company: String,
    #[serde(default)]
    account_id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    address: Address,
    #[serde(default)]
    custom_fields: BTreeMap<String, Value>,
    crm_url: String,
    version: i64,
    #[serde(deserialize_with = "crate::rfc3339::utc")]
    created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::rfc3339::utc")]
    updated_at: DateTime<Utc>,
    updated_by: String,
}

impl<'de> Deserialize<'de> for Contact {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let c = ContactJson::deserialize(deserializer)?;
        let details = NewContact {
            first_name: c.first_name,
            last_name: c.last_name,
            emails: c.emails,
            phones: c.phones,
            company: c.company,
            account_id: c.account_id,
            title: c.title,
            address: c.address,
            custom_fields: c.custom_fields,
        };
        Ok(Contact {
            contact_id: c.contact_id,
            details,
            crm_url: c.crm_url,
            version: c.version,
            created_at: c.created_at,
            updated_at: c.updated_at,
            updated_by: c.updated_by,
        })
    }
}

/// A [`CrmProblem`] as one JSON object.
#[derive(Deserialize)]
struct CrmProblemJson {
    status: u16,
    title: String,
    detail: String,
    #[serde(default)]
    errors: Vec<FieldError>,
    #[serde(default)]
    duplicates: Vec<ContactSummary>,
}

impl<'de> Deserialize<'de> for CrmProblem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let p = CrmProblemJson::deserialize(deserializer)?;
        let problem = Problem { status: p.status, title: p.title, detail: p.detail, errors: p.errors };
        Ok(CrmProblem { problem, duplicates: p.duplicates })
    }
}

/// An [`Activity`] — or, with its `relation`, a [`RelatedRecord`] — as one JSON object.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ActivityJson {
    activity_id: String,
    #[serde(rename = "type")]
    activity_type: ActivityType,
    contact_id: String,
    #[serde(default)]
    interaction_id: Option<String>,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    call: Option<CallPart>,
    #[serde(default)]
    task: Option<TaskPart>,
    #[serde(default)]
    event: Option<EventPart>,
    #[serde(default)]
    case: Option<CasePart>,
    #[serde(default)]
    custom_fields: BTreeMap<String, Value>,
    version: i64,
    #[serde(deserialize_with = "crate::rfc3339::utc")]
    created_at: DateTime<Utc>,
    created_by: String,
    #[serde(default)]
    auto: bool,
    /// Only in related records.
    #[serde(default)]
    relation: Option<Relation>,
}

impl ActivityJson {
    fn into_activity(self) -> (Activity, Option<Relation>) {
        let details = NewActivity {
            activity_type: self.activity_type,
            contact_id: self.contact_id,
            interaction_id: self.interaction_id,
            subject: self.subject,
            description: self.description,
            call: self.call,
            task: self.task,
            event: self.event,
            case: self.case,
            custom_fields: self.custom_fields,
        };
        let activity = Activity {
            activity_id: self.activity_id,
            details,
            version: self.version,
            created_at: self.created_at,
            created_by: self.created_by,
            auto: self.auto,
        };
        (activity, self.relation)
    }
}

impl<'de> Deserialize<'de> for Activity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(ActivityJson::deserialize(deserializer)?.into_activity().0)
    }
}

impl<'de> Deserialize<'de> for RelatedRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match ActivityJson::deserialize(deserializer)?.into_activity() {
            (activity, Some(relation)) => Ok(RelatedRecord { activity, relation }),
            (_, None) => Err(serde::de::Error::missing_field("relation")),
        }
    }
}

#[cfg(test)]
mod tests {
    //! Every record reads back what it writes, and ignores fields it does not know, as serde's
    //! flattened reading did.
    use serde_json::json;

    use super::*;

    #[test]
    fn records_read_back_what_they_write() {
        let contact: Contact = serde_json::from_value(json!({
            "contactId": "c-1", "firstName": "Dana", "lastName": "Whitfield", "phones": ["+13125550187"],
            "emails": ["dana@example.com"], "company": "Acme", "accountId": "A-1", "title": "CFO",
            "address": {"city": "Chicago"}, "customFields": {"tier": "gold"}, "crmUrl": "https://crm/c-1",
            "version": 3, "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-02T00:00:00Z",
            "updatedBy": "agent-7", "somethingNew": true
        }))
        .unwrap();
        assert_eq!(contact.details.first_name, "Dana");
        assert_eq!(contact.details.custom_fields["tier"], "gold");
        assert_eq!(contact.version, 3);
        let again: Contact = serde_json::from_str(&serde_json::to_string(&contact).unwrap()).unwrap();
        assert_eq!(again, contact);

        let record: RelatedRecord = serde_json::from_value(json!({
            "activityId": "a-1", "type": "task", "contactId": "c-1", "interactionId": "i-1",
            "subject": "Call back", "task": {"dueAt": "2026-01-03T09:00:00+01:00"}, "version": 1,
            "createdAt": "2026-01-01T00:00:00Z", "createdBy": "agent-7", "relation": "new"
        }))
        .unwrap();
        assert_eq!(record.relation, Relation::New);
        assert_eq!(record.activity.details.subject, "Call back");
        assert!(!record.activity.auto);
        let again: RelatedRecord = serde_json::from_str(&serde_json::to_string(&record).unwrap()).unwrap();
        assert_eq!(again, record);

        let problem: CrmProblem = serde_json::from_value(json!({
            "status": 409, "title": "Conflict", "detail": "Already held", "duplicates": []
        }))
        .unwrap();
        assert_eq!(problem.problem.status, 409);
        assert!(problem.duplicates.is_empty());
        let plain: CrmProblem =
            serde_json::from_value(json!({"status": 400, "title": "Bad Request", "detail": "x"})).unwrap();
        assert_eq!(plain.problem.detail, "x");
    }

    #[test]
    fn a_missing_field_is_named() {
        let missing = serde_json::from_value::<Contact>(json!({"contactId": "c-1", "firstName": "Dana"}));
        assert!(missing.unwrap_err().to_string().contains("crmUrl"));
        let activity = json!({"activityId": "a-1", "type": "note", "contactId": "c-1", "version": 1,
            "createdAt": "2026-01-01T00:00:00Z", "createdBy": "agent-7"});
        assert!(serde_json::from_value::<Activity>(activity.clone()).is_ok());
        let unrelated = serde_json::from_value::<RelatedRecord>(activity).unwrap_err();
        assert!(unrelated.to_string().contains("relation"));
    }
}
