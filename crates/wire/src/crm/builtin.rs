//! The built-in fields of each record type (what `GET /fields` lists before any custom field),
//! and the built-in default layout a tenant has until an admin defines one.

use super::activity::{CasePriority, CaseStatus, TaskPriority, TaskStatus};
use super::layout::{FieldDefinition, FieldType, Layout, LayoutField, RecordType};
use crate::insight::Direction;

/// A built-in field: name, label, type.
type Builtin = (&'static str, &'static str, FieldType);

const CONTACT: [Builtin; 12] = [
    ("firstName", "First name", FieldType::Text),
    ("lastName", "Last name", FieldType::Text),
    ("title", "Title", FieldType::Text),
    ("company", "Company", FieldType::Text),
    ("accountId", "Account ID", FieldType::Text),
    ("phones", "Phone", FieldType::Phone),
    ("emails", "Email", FieldType::Email),
    ("address.street", "Street", FieldType::Text),
    ("address.city", "City", FieldType::Text),
    ("address.region", "State or region", FieldType::Text),
    ("address.postalCode", "Postal code", FieldType::Text),
    ("address.country", "Country", FieldType::Text),
];

const COMMON: [Builtin; 2] = [("subject", "Subject", FieldType::Text), ("description", "Description", FieldType::Text)];

const CALL: [Builtin; 4] = [
    ("call.direction", "Direction", FieldType::Select),
    ("call.startedAt", "Started", FieldType::Date),
    ("call.durationSeconds", "Duration (seconds)", FieldType::Number),
    ("call.outcome", "Outcome", FieldType::Text),
];

const TASK: [Builtin; 3] = [
    ("task.dueAt", "Due", FieldType::Date),
    ("task.status", "Status", FieldType::Select),
    ("task.priority", "Priority", FieldType::Select),
];

const EVENT: [Builtin; 3] = [
    ("event.startAt", "Starts", FieldType::Date),
    ("event.endAt", "Ends", FieldType::Date),
    ("event.location", "Location", FieldType::Text),
];

const CASE: [Builtin; 2] =
    [("case.status", "Status", FieldType::Select), ("case.priority", "Priority", FieldType::Select)];

/// The built-in fields of `record_type`, in form order (empty for a type this build does not know).
fn table(record_type: &RecordType) -> Vec<&'static Builtin> {
    let own: &[Builtin] = match record_type {
        RecordType::Contact => return CONTACT.iter().collect(),
        RecordType::Call => &CALL,
        RecordType::Task => &TASK,
        RecordType::Event => &EVENT,
        RecordType::Case => &CASE,
        RecordType::Note => &[],
        RecordType::Other(_) => return Vec::new(),
    };
    COMMON.iter().chain(own).collect()
}

/// The options of a built-in `select` field.
fn options(field: &str) -> Option<Vec<String>> {
    let known: Vec<&str> = match field {
        "call.direction" => Direction::KNOWN.iter().map(Direction::as_str).collect(),
        "task.status" => TaskStatus::KNOWN.iter().map(TaskStatus::as_str).collect(),
        "task.priority" => TaskPriority::KNOWN.iter().map(TaskPriority::as_str).collect(),
        "case.status" => CaseStatus::KNOWN.iter().map(CaseStatus::as_str).collect(),
        "case.priority" => CasePriority::KNOWN.iter().map(CasePriority::as_str).collect(),
        _ => return None,
    };
    Some(known.into_iter().map(str::to_owned).collect())
}

/// Every built-in field of `record_type`, as `GET /fields` lists it.
pub fn builtin_fields(record_type: &RecordType) -> Vec<FieldDefinition> {
    table(record_type)
        .into_iter()
        .map(|(field, label, field_type)| FieldDefinition {
            field: (*field).to_owned(),
            label: (*label).to_owned(),
            field_type: field_type.clone(),
            options: options(field),
            custom: false,
        })
        .collect()
}

/// Whether `field` is a built-in field of `record_type` (so no admin may define it).
pub fn is_builtin(record_type: &RecordType, field: &str) -> bool {
    table(record_type).iter().any(|(name, _, _)| *name == field)
}

/// The label of a built-in field (`firstName` → "First name"), for messages.
pub fn builtin_label(record_type: &RecordType, field: &str) -> Option<&'static str> {
    table(record_type).into_iter().find(|(name, _, _)| *name == field).map(|(_, label, _)| *label)
}

/// The fields a contact needs by default (besides a phone or an email, which every contact needs).
pub const DEFAULT_CONTACT_REQUIRED: [&str; 2] = ["firstName", "lastName"];

/// The layout a tenant has for `record_type` before an admin defines one: every built-in field,
/// the spec's required ones marked (contact names; an activity's subject and the type's own
/// required part), none read-only.
pub fn default_layout(record_type: &RecordType) -> Layout {
    let required = |field: &str| match record_type {
        RecordType::Contact => DEFAULT_CONTACT_REQUIRED.contains(&field),
        RecordType::Note => field == "description",
        _ => matches!(field, "subject" | "task.dueAt" | "event.startAt" | "event.endAt"),
    };
    Layout {
        layout_id: format!("default-{record_type}"),
        name: "Default".to_owned(),
        record_type: record_type.clone(),
        default: true,
        fields: table(record_type)
            .into_iter()
            .map(|(field, label, _)| LayoutField {
                field: (*field).to_owned(),
                label: (*label).to_owned(),
                required: required(field),
                read_only: false,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_have_their_spec_fields_and_activities_share_subject_and_description() {
        let contact: Vec<String> = builtin_fields(&RecordType::Contact).into_iter().map(|f| f.field).collect();
        for name in ["firstName", "lastName", "emails", "phones", "company", "accountId", "title", "address.country"] {
            assert!(contact.contains(&name.to_owned()), "{name}");
        }
        let task = builtin_fields(&RecordType::Task);
        assert_eq!(task[0].field, "subject");
        let status = task.iter().find(|f| f.field == "task.status").unwrap();
        assert_eq!(status.options.as_deref(), Some(&["open".to_owned(), "done".to_owned()][..]));
        assert!(is_builtin(&RecordType::Case, "case.priority") && !is_builtin(&RecordType::Task, "case.priority"));
        assert!(builtin_fields(&RecordType::Other("ticket".into())).is_empty());
        assert_eq!(builtin_label(&RecordType::Contact, "address.postalCode"), Some("Postal code"));
    }

    #[test]
    fn the_default_layouts_require_what_the_spec_requires() {
        assert_eq!(default_layout(&RecordType::Contact).required_fields(), ["firstName", "lastName"]);
        assert_eq!(default_layout(&RecordType::Note).required_fields(), ["description"]);
        assert_eq!(default_layout(&RecordType::Event).required_fields(), ["subject", "event.startAt", "event.endAt"]);
        let task = default_layout(&RecordType::Task);
        assert_eq!((task.layout_id.as_str(), task.default), ("default-task", true));
        assert!(task.read_only_fields().is_empty());
    }
}
