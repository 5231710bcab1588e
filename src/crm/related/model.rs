//! The rules of related records, framework-free: what each relation and record type is called,
//! what a row says of its state, the one next step an open task or case can take (and the merge
//! patch that takes it), which chain button a row offers, and the sentences the live region and
//! the error line say.

use c360_wire::crm::{Activity, ActivityType, CaseStatus, Relation, TaskStatus};
use serde_json::{Value, json};

use crate::api::ApiError;
use crate::contact::model::layout::value_text;
use crate::intl::text::humanize;

/// The label a relation reads as (text, never colour alone).
pub fn relation_label(relation: &Relation) -> &'static str {
    match relation {
        Relation::New => "New",
        Relation::Linked => "Linked",
        _ => "Suggested",
    }
}

/// The name of a record type, beside its icon.
pub fn type_label(activity_type: &ActivityType) -> &'static str {
    match activity_type {
        ActivityType::Call => "Call",
        ActivityType::Task => "Task",
        ActivityType::Event => "Event",
        ActivityType::Note => "Note",
        ActivityType::Case => "Case",
        ActivityType::Other(_) => "Record",
    }
}

/// What a row is titled: its subject, or a note's first line (at most 80 characters).
pub fn title(activity: &Activity) -> String {
    let d = &activity.details;
    let text = if d.subject.trim().is_empty() { d.description.lines().next().unwrap_or("") } else { &d.subject };
    let text = text.trim();
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None if text.is_empty() => "(no subject)".to_owned(),
        None => text.to_owned(),
    }
}

/// Where an open task or a case stands ("Open", "Done", "Pending"); `None` for other records.
pub fn state(activity: &Activity) -> Option<&'static str> {
    let d = &activity.details;
    if let Some(task) = &d.task {
        return Some(if task.status == TaskStatus::Done { "Done" } else { "Open" });
    }
    d.case.as_ref().map(|c| case_label(&c.status))
}

fn case_label(status: &CaseStatus) -> &'static str {
    match status {
        CaseStatus::New => "New",
        CaseStatus::Open => "Open",
        CaseStatus::Pending => "Pending",
        CaseStatus::Solved => "Solved",
        CaseStatus::Closed => "Closed",
        CaseStatus::Other(_) => "Unknown",
    }
}

/// The next step a task or case can take: the button's text and the merge patch that takes it.
/// A done task and a closed case have none.
pub fn next_step(activity: &Activity) -> Option<(String, Value)> {
    let d = &activity.details;
    if let Some(task) = &d.task {
        return (task.status == TaskStatus::Open)
            .then(|| ("Mark done".to_owned(), json!({"task": {"status": TaskStatus::Done.as_str()}})));
    }
    let next = match d.case.as_ref()?.status {
        CaseStatus::New => CaseStatus::Open,
        CaseStatus::Open => CaseStatus::Pending,
        CaseStatus::Pending => CaseStatus::Solved,
        CaseStatus::Solved => CaseStatus::Closed,
        _ => return None,
    };
    Some((format!("Move to {}", case_label(&next)), json!({"case": {"status": next.as_str()}})))
}

/// The chain button a row offers during a live interaction: `Some(true)` link, `Some(false)`
/// unlink; a record created during it needs neither.
pub fn chain(relation: &Relation) -> Option<bool> {
    match relation {
        Relation::Suggested => Some(true),
        Relation::Linked => Some(false),
        _ => None,
    }
}

/// The accessible name of a chain button for `title`.
pub fn chain_name(link: bool, title: &str) -> String {
    if link {
        format!("Link “{title}” to this interaction")
    } else {
        format!("Unlink “{title}” from this interaction")
    }
}

/// What the live region says once a change went through.
pub fn done_sentence(change: &Change, title: &str) -> String {
    match change {
        Change::Link(true) => format!("“{title}” is linked to this interaction."),
        Change::Link(false) => format!("“{title}” is no longer linked to this interaction."),
        Change::Step(label) => match label.strip_prefix("Move to ") {
            Some(status) => format!("“{title}” moved to {status}."),
            None => format!("“{title}” is done."),
        },
    }
}

/// What a record holds at a layout field's path, for its record view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// An instant, for the agent's zone and language.
    Time(i64),
    /// Words.
    Text(String),
}

/// What `activity` holds at `path` (`task.dueAt`, `customFields.visits`); `None` when nothing.
pub fn held(activity: &Activity, path: &str) -> Option<Held> {
    let d = &activity.details;
    let text = |s: &str| (!s.trim().is_empty()).then(|| Held::Text(s.trim().to_owned()));
    let word = |s: &str| Some(Held::Text(humanize(s)));
    let time = |t: &chrono::DateTime<chrono::FixedOffset>| Some(Held::Time(t.timestamp_millis()));
    let (call, task, event, case) = (d.call.as_ref(), d.task.as_ref(), d.event.as_ref(), d.case.as_ref());
    match path {
        "subject" => text(&d.subject),
        "description" => text(&d.description),
        "call.direction" => word(call?.direction.as_str()),
        "call.startedAt" => time(&call?.started_at),
        "call.durationSeconds" => call?.duration_seconds.map(|s| match (s / 60, s % 60) {
            (0, s) => Held::Text(format!("{s} s")),
            (m, 0) => Held::Text(format!("{m} min")),
            (m, s) => Held::Text(format!("{m} min {s} s")),
        }),
        "call.outcome" => text(&call?.outcome),
        "task.dueAt" => time(&task?.due_at),
        "task.status" => word(task?.status.as_str()),
        "task.priority" => word(task?.priority.as_str()),
        "event.startAt" => time(&event?.start_at),
        "event.endAt" => time(&event?.end_at),
        "event.location" => text(&event?.location),
        "case.status" => word(case?.status.as_str()),
        "case.priority" => word(case?.priority.as_str()),
        _ => text(&value_text(d.custom_fields.get(path.strip_prefix("customFields.")?))),
    }
}

/// A change the agent asked for on one record.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Link (`true`) or unlink.
    Link(bool),
    /// The next step, by its button text.
    Step(String),
}

/// Why a change failed, as one plain sentence (the row offers "Try again" beside it). A 412 says
/// the list was reloaded with the other agent's change.
pub fn failed_sentence(change: &Change, title: &str, error: &ApiError) -> String {
    let what = match change {
        Change::Link(true) => format!("Could not link “{title}”"),
        Change::Link(false) => format!("Could not unlink “{title}”"),
        Change::Step(label) => format!("Could not {} “{title}”", label.to_lowercase()),
    };
    let why = match error {
        ApiError::StaleActivity(_) => {
            return format!(
                "Someone else changed “{title}” meanwhile. Related records were reloaded with their change; check it and try again."
            );
        }
        ApiError::Network(_) => "the service cannot be reached (are you offline?)".to_owned(),
        ApiError::RateLimited { .. } => "the service is busy".to_owned(),
        ApiError::BadRequest(p) if p.status == 404 => "it no longer exists".to_owned(),
        ApiError::BadRequest(p) => p.detail.trim_end_matches('.').to_owned(),
        ApiError::TokenExpired | ApiError::Unauthorized(_) => "the panel is signing in again".to_owned(),
        ApiError::Forbidden => "this workspace may not change it".to_owned(),
        _ => "the service failed".to_owned(),
    };
    format!("{what}: {why}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(json: Value) -> Activity {
        let mut base = json!({"activityId": "a-1", "contactId": "c-1", "subject": "Send the refund form",
            "version": 2, "createdAt": "2026-03-01T09:12:00Z", "createdBy": "Alex Agent"});
        base.as_object_mut().unwrap().extend(json.as_object().unwrap().clone());
        serde_json::from_value(base).unwrap()
    }

    #[test]
    fn relations_and_types_read_as_words() {
        assert_eq!(
            [Relation::New, Relation::Linked, Relation::Suggested].map(|r| relation_label(&r)),
            ["New", "Linked", "Suggested"]
        );
        assert_eq!(type_label(&ActivityType::Case), "Case");
        assert_eq!(chain(&Relation::Suggested), Some(true));
        assert_eq!(chain(&Relation::Linked), Some(false));
        assert_eq!(chain(&Relation::New), None);
        assert_eq!(chain_name(false, "Refund"), "Unlink “Refund” from this interaction");
    }

    #[test]
    fn a_note_is_titled_by_its_first_line_and_long_titles_are_cut() {
        let note = record(json!({"type": "note", "subject": "", "description": "Prefers email\nafter 5pm"}));
        assert_eq!(title(&note), "Prefers email");
        let long = record(json!({"type": "call", "subject": "x".repeat(90)}));
        assert_eq!(title(&long).chars().count(), 81);
    }

    #[test]
    fn an_open_task_can_be_done_and_a_case_moves_one_status_on() {
        let task = record(json!({"type": "task", "task": {"dueAt": "2026-03-02T17:00:00Z"}}));
        assert_eq!(state(&task), Some("Open"));
        assert_eq!(next_step(&task), Some(("Mark done".into(), json!({"task": {"status": "done"}}))));
        let done = record(json!({"type": "task", "task": {"dueAt": "2026-03-02T17:00:00Z", "status": "done"}}));
        assert_eq!((state(&done), next_step(&done)), (Some("Done"), None));
        let case = record(json!({"type": "case", "case": {"status": "pending"}}));
        assert_eq!(next_step(&case), Some(("Move to Solved".into(), json!({"case": {"status": "solved"}}))));
        let closed = record(json!({"type": "case", "case": {"status": "closed"}}));
        assert_eq!((state(&closed), next_step(&closed)), (Some("Closed"), None));
        let call = record(json!({"type": "call"}));
        assert_eq!((state(&call), next_step(&call)), (None, None));
    }

    #[test]
    fn a_record_view_reads_each_field_at_its_path() {
        let call = record(json!({"type": "call", "call": {"direction": "INBOUND",
            "startedAt": "2026-03-01T09:00:00+01:00", "durationSeconds": 185, "outcome": " "},
            "customFields": {"visits": 3, "tier": "gold"}}));
        assert_eq!(held(&call, "call.direction"), Some(Held::Text("Inbound".into())));
        assert_eq!(held(&call, "call.startedAt"), Some(Held::Time(1_772_352_000_000)));
        assert_eq!(held(&call, "call.durationSeconds"), Some(Held::Text("3 min 5 s".into())));
        assert_eq!(held(&call, "call.outcome"), None, "blank reads as nothing");
        assert_eq!(held(&call, "customFields.visits"), Some(Held::Text("3".into())));
        assert_eq!(held(&call, "customFields.gone"), None);
        assert_eq!(held(&call, "task.dueAt"), None, "another type's part");
        let case = record(json!({"type": "case", "case": {"status": "pending", "priority": "urgent"}}));
        assert_eq!(held(&case, "case.priority"), Some(Held::Text("Urgent".into())));
    }

    #[test]
    fn failures_read_as_one_sentence_and_a_stale_one_says_it_reloaded() {
        let offline = failed_sentence(&Change::Link(true), "Refund", &ApiError::Network("x".into()));
        assert_eq!(offline, "Could not link “Refund”: the service cannot be reached (are you offline?).");
        let current = record(json!({"type": "call"}));
        let stale =
            failed_sentence(&Change::Step("Mark done".into()), "Refund", &ApiError::StaleActivity(Box::new(current)));
        assert!(stale.contains("reloaded"), "{stale}");
        assert_eq!(done_sentence(&Change::Step("Mark done".into()), "Refund"), "“Refund” is done.");
        assert_eq!(done_sentence(&Change::Step("Move to Open".into()), "Refund"), "“Refund” moved to Open.");
    }
}
