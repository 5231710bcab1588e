//! Activities and cases (`POST /activities`), related records (`GET …/related`) and the wrap-up
//! call (`POST /interactions/{interactionId}/wrap-up`).
//!
//! Times a person or host gives (a task's due date, a call's start) keep the offset they came
//! with; times the server stamps are UTC.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::insight::{Direction, MediaType};
use crate::open_enum;

open_enum! {
    /// The kinds of activity.
    ActivityType {
        /// A call (or chat, or email) log.
        Call = "call",
        /// A to-do with a due date.
        Task = "task",
        /// A meeting.
        Event = "event",
        /// A free-text note (its `description` is the note).
        Note = "note",
        /// A support case.
        Case = "case",
    }
}

open_enum! {
    /// Where a task stands (open by default).
    #[derive(Default)]
    TaskStatus { #[default] Open = "open", Done = "done" }
}

open_enum! {
    /// How urgent a task is (normal by default).
    #[derive(Default)]
    TaskPriority { Low = "low", #[default] Normal = "normal", High = "high" }
}

open_enum! {
    /// Where a case stands: new → open → pending → solved → closed (new by default, as the spec says).
    #[derive(Default)]
    CaseStatus { #[default] New = "new", Open = "open", Pending = "pending", Solved = "solved", Closed = "closed" }
}

open_enum! {
    /// How urgent a case is (normal by default).
    #[derive(Default)]
    CasePriority { Low = "low", #[default] Normal = "normal", High = "high", Urgent = "urgent" }
}

open_enum! {
    /// How an earlier or new record relates to the current interaction.
    Relation {
        /// Created during it.
        New = "new",
        /// Earlier, and linked to it.
        Linked = "linked",
        /// Earlier, not linked to it.
        Suggested = "suggested",
    }
}

/// The call part of a `call` activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallPart {
    /// Seen from the contact centre.
    pub direction: Direction,
    /// When it started.
    #[serde(deserialize_with = "crate::rfc3339::offset")]
    pub started_at: DateTime<FixedOffset>,
    /// How long it lasted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u32>,
    /// What came of it.
    #[serde(default)]
    pub outcome: String,
}

/// The task part of a `task` activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskPart {
    /// When it is due.
    #[serde(deserialize_with = "crate::rfc3339::offset")]
    pub due_at: DateTime<FixedOffset>,
    /// Open or done.
    #[serde(default)]
    pub status: TaskStatus,
    /// Low, normal or high.
    #[serde(default)]
    pub priority: TaskPriority,
}

/// The event part of an `event` activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventPart {
    /// When it starts (before `end_at`).
    #[serde(deserialize_with = "crate::rfc3339::offset")]
    pub start_at: DateTime<FixedOffset>,
    /// When it ends.
    #[serde(deserialize_with = "crate::rfc3339::offset")]
    pub end_at: DateTime<FixedOffset>,
    /// Where.
    #[serde(default)]
    pub location: String,
}

/// The case part of a `case` activity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CasePart {
    /// Where it stands.
    #[serde(default)]
    pub status: CaseStatus,
    /// How urgent.
    #[serde(default)]
    pub priority: CasePriority,
}

/// What a person writes about an activity: the create body of `POST /activities`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewActivity {
    /// Its kind; the matching part below is required.
    #[serde(rename = "type")]
    pub activity_type: ActivityType,
    /// The contact it is about.
    pub contact_id: String,
    /// The interaction it was made during, if any.
    #[serde(default)]
    pub interaction_id: Option<String>,
    /// Title (required except for notes).
    #[serde(default)]
    pub subject: String,
    /// Details (the text of a note).
    #[serde(default)]
    pub description: String,
    /// For `call`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<CallPart>,
    /// For `task`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<TaskPart>,
    /// For `event`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<EventPart>,
    /// For `case`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<CasePart>,
    /// Admin-defined fields by name.
    #[serde(default)]
    pub custom_fields: BTreeMap<String, Value>,
}

impl NewActivity {
    /// An activity of `activity_type` about `contact_id` with nothing else written yet: no
    /// interaction, subject, description, type part or custom field. Fill in the rest with struct
    /// update syntax (`NewActivity { subject, ..NewActivity::about(kind, contact) }`).
    pub fn about(activity_type: ActivityType, contact_id: String) -> Self {
        NewActivity {
            activity_type,
            contact_id,
            interaction_id: None,
            subject: String::new(),
            description: String::new(),
            call: None,
            task: None,
            event: None,
            case: None,
            custom_fields: BTreeMap::new(),
        }
    }
}

/// A stored activity or case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    /// Server-made, opaque.
    pub activity_id: String,
    /// Everything a person may edit.
    #[serde(flatten)]
    pub details: NewActivity,
    /// Increases by one with every write; the `ETag`.
    pub version: i64,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// The agent or API key that created it.
    pub created_by: String,
    /// Whether auto log created it at wrap-up.
    #[serde(default)]
    pub auto: bool,
}

/// An activity as related records list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelatedRecord {
    /// The record.
    #[serde(flatten)]
    pub activity: Activity,
    /// New, linked or suggested, relative to the interaction asked about.
    pub relation: Relation,
}

/// `GET /contacts/{contactId}/related?interactionId=…`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedRecords {
    /// Newest first.
    pub records: Vec<RelatedRecord>,
}

/// `POST /interactions/{interactionId}/wrap-up`: the interaction ended and the agent wrapped up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WrapUp {
    /// The contact open when it ended.
    pub contact_id: String,
    /// Channel, in the contract's enum.
    pub media_type: MediaType,
    /// Direction, in the contract's enum.
    pub direction: Direction,
    /// When it started.
    #[serde(deserialize_with = "crate::rfc3339::offset")]
    pub started_at: DateTime<FixedOffset>,
    /// When it ended.
    #[serde(deserialize_with = "crate::rfc3339::offset")]
    pub ended_at: DateTime<FixedOffset>,
    /// The agent's wrap-up codes.
    #[serde(default)]
    pub wrap_up_codes: Vec<String>,
}

/// The wrap-up answer: the one auto-log record, or `null` when auto log does not cover the media.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrapUpAnswer {
    /// The record auto log created (the same one on every repeat).
    pub activity: Option<Activity>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn task_json() -> Value {
        json!({
            "activityId": "a-91", "type": "task", "contactId": "c-7f3a", "interactionId": "int-1",
            "subject": "Send the refund form", "description": "",
            "task": {"dueAt": "2026-03-02T17:00:00+01:00", "status": "open", "priority": "high"},
            "customFields": {}, "version": 1, "createdAt": "2026-03-01T09:12:00Z", "createdBy": "Alex Agent",
            "auto": false
        })
    }

    #[test]
    fn a_task_round_trips_keeping_its_offset() {
        let json = task_json();
        let task: Activity = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(task.details.activity_type, ActivityType::Task);
        let part = task.details.task.as_ref().unwrap();
        assert_eq!(part.due_at.offset().local_minus_utc(), 3600);
        assert_eq!(part.priority, TaskPriority::High);
        assert_eq!(serde_json::to_value(&task).unwrap(), json);
    }

    #[test]
    fn every_part_of_the_spec_example_reads() {
        let call: CallPart = serde_json::from_value(
            json!({"direction": "INBOUND", "startedAt": "2026-03-01T09:00:00Z", "durationSeconds": 185, "outcome": "Resolved"}),
        )
        .unwrap();
        assert_eq!((call.direction, call.duration_seconds), (Direction::Inbound, Some(185)));
        let event: EventPart = serde_json::from_value(
            json!({"startAt": "2026-03-03T10:00:00+00:00", "endAt": "2026-03-03T11:00:00+00:00", "location": "Shop"}),
        )
        .unwrap();
        assert!(event.start_at < event.end_at);
        let case: CasePart = serde_json::from_value(json!({"priority": "urgent"})).unwrap();
        assert_eq!((case.status, case.priority), (CaseStatus::New, CasePriority::Urgent), "status defaults to new");
        let task: TaskPart = serde_json::from_value(json!({"dueAt": "2026-03-02T17:00:00Z"})).unwrap();
        assert_eq!((task.status, task.priority), (TaskStatus::Open, TaskPriority::Normal));
    }

    #[test]
    fn related_records_carry_their_relation_beside_the_record() {
        let mut record = task_json();
        record["relation"] = json!("linked");
        let json = json!({"records": [record]});
        let related: RelatedRecords = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(related.records[0].relation, Relation::Linked);
        assert_eq!(related.records[0].activity.activity_id, "a-91");
        assert_eq!(serde_json::to_value(&related).unwrap(), json);
    }

    #[test]
    fn wrap_up_body_and_answer_read_as_the_spec_writes_them() {
        let body: WrapUp = serde_json::from_value(json!({
            "contactId": "c-7f3a", "mediaType": "PHONE", "direction": "INBOUND",
            "startedAt": "2026-03-01T09:00:00-05:00", "endedAt": "2026-03-01T09:03:05-05:00",
            "wrapUpCodes": ["Billing", "Resolved"]
        }))
        .unwrap();
        assert_eq!(body.media_type, MediaType::Phone);
        assert_eq!((body.ended_at - body.started_at).num_seconds(), 185);
        let none: WrapUpAnswer = serde_json::from_value(json!({"activity": null})).unwrap();
        assert_eq!(serde_json::to_value(&none).unwrap(), json!({"activity": null}), "null is said, not left out");
        let some: WrapUpAnswer = serde_json::from_value(json!({"activity": task_json()})).unwrap();
        assert_eq!(some.activity.unwrap().activity_id, "a-91");
    }
}
