//! The rules an activity or case must meet to be saved — the server enforces them on create and
//! after a merge patch, the panel can run them before it sends: a known `type`, a contact, a
//! subject (a note's `description` instead), the type's own part (`task.dueAt`, `event.startAt`
//! before `event.endAt`, a case's status and priority from their lists), no part of another type,
//! and custom values that fit the tenant's fields — plus what the chosen layout requires or makes
//! read-only (`activity_layout.rs`). Every error names the exact path (`task.dueAt`,
//! `customFields.visits`), all at once.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::activity::{Activity, ActivityType, CaseStatus, NewActivity};
use super::activity_layout::{read_only_changes, required_errors};
pub use super::activity_parts::MAX_SUBJECT_CHARS;
use super::activity_parts::{call, case, event, task, text};
use super::custom_fields::validate_custom_fields;
use super::layout::{FieldDefinition, Layout, RecordType};
use super::patch::apply_merge_patch;
use crate::problem::{FieldError, codes};

/// Longest description (a note's text), in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;

/// What a client may write.
const EDITABLE: [&str; 10] =
    ["type", "contactId", "interactionId", "subject", "description", "call", "task", "event", "case", "customFields"];
/// What only the server writes (a patch may repeat them, not change them).
const SERVER: [&str; 8] =
    ["activityId", "version", "createdAt", "createdBy", "updatedAt", "updatedBy", "auto", "relation"];
/// What a patch may not change even though a create gives it.
const FIXED: [&str; 3] = ["type", "contactId", "interactionId"];

/// The tenant's fields for the activity's record type, the layout in use and its default phone
/// country.
#[derive(Debug, Clone, Copy, Default)]
pub struct ActivityRules<'a> {
    /// The record type's fields (built-in and custom); `None` accepts any well-named custom scalar.
    pub definitions: Option<&'a [FieldDefinition]>,
    /// ISO alpha-2 country for custom phone values typed without a country code.
    pub default_country: Option<&'a str>,
    /// The layout the record is written through (its required and read-only fields); `None` adds
    /// nothing to the spec's own rules (what the server's auto records use).
    pub layout: Option<&'a Layout>,
}

impl ActivityRules<'_> {
    /// The activity a create body describes, cleaned up for storage, or every field error.
    pub fn read(&self, body: &Value) -> Result<NewActivity, Vec<FieldError>> {
        self.check(body, &BTreeMap::new())
    }

    /// `current` after merge `patch`, checked as a whole (the same paths as on create). The server's
    /// fields, the type, the contact, the interaction and the layout's read-only fields cannot
    /// change (`read_only`), nor can a closed case (`case.status`).
    pub fn apply_patch(&self, current: &Activity, patch: &Value) -> Result<NewActivity, Vec<FieldError>> {
        if !patch.is_object() {
            return Err(vec![FieldError::new("", codes::INVALID_FORMAT, "The patch must be a JSON object.")]);
        }
        let before = serde_json::to_value(current).expect("an activity serialises");
        let mut after = before.clone();
        apply_merge_patch(&mut after, patch);
        let mut errors: Vec<FieldError> = SERVER
            .iter()
            .chain(&FIXED)
            .filter(|f| **f != "relation" && before.get(**f) != after.get(**f))
            .map(|f| FieldError::new(*f, codes::READ_ONLY, format!("{f} cannot be changed.")))
            .collect();
        if let Some(layout) = self.layout {
            errors.extend(read_only_changes(layout, &before, &after));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if let Some(map) = after.as_object_mut() {
            map.retain(|k, _| !SERVER.contains(&k.as_str()));
        }
        let was_closed = current.details.case.as_ref().is_some_and(|c| c.status == CaseStatus::Closed);
        let out = self.check(&after, &current.details.custom_fields);
        if was_closed && before.get("case") != after.get("case") {
            errors.push(FieldError::new("case.status", codes::READ_ONLY, "A closed case cannot change."));
        }
        match out {
            Ok(activity) if errors.is_empty() => Ok(activity),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(more);
                Err(errors)
            }
        }
    }

    fn check(&self, body: &Value, stored: &BTreeMap<String, Value>) -> Result<NewActivity, Vec<FieldError>> {
        let Some(object) = body.as_object() else {
            return Err(vec![FieldError::new("", codes::INVALID_FORMAT, "The body must be a JSON object.")]);
        };
        let mut e = Vec::new();
        for key in object.keys().filter(|k| !EDITABLE.contains(&k.as_str())) {
            if SERVER.contains(&key.as_str()) {
                e.push(FieldError::new(key, codes::READ_ONLY, format!("{key} is written by the server.")));
            } else {
                e.push(FieldError::new(key, codes::UNKNOWN_FIELD, format!("An activity has no field “{key}”.")));
            }
        }
        let activity_type = activity_type(object.get("type"), &mut e);
        let contact_id = text(object, "contactId", 200, &mut e);
        if contact_id.is_empty() && !failed(&e, "contactId") {
            e.push(FieldError::new("contactId", codes::REQUIRED, "contactId is required."));
        }
        let interaction_id = Some(text(object, "interactionId", 200, &mut e)).filter(|s| !s.is_empty());
        let subject = text(object, "subject", MAX_SUBJECT_CHARS, &mut e);
        let description = text(object, "description", MAX_DESCRIPTION_CHARS, &mut e);
        let (needed, given) =
            if activity_type == ActivityType::Note { ("description", &description) } else { ("subject", &subject) };
        if given.is_empty() && !failed(&e, needed) && !matches!(activity_type, ActivityType::Other(_)) {
            e.push(FieldError::new(needed, codes::REQUIRED, format!("{needed} is required.")));
        }
        for (part, owner) in PARTS {
            if object.get(part).is_some_and(|v| !v.is_null()) && activity_type != owner {
                e.push(FieldError::new(part, codes::FORBIDDEN, format!("Only a {owner} has a {part} part.")));
            }
        }
        let part = |name: &str, e: &mut Vec<FieldError>| match object.get(name) {
            None | Some(Value::Null) => Some(Map::new()),
            Some(Value::Object(map)) => Some(map.clone()),
            Some(_) => {
                e.push(FieldError::new(name, codes::INVALID_FORMAT, format!("{name} must be an object.")));
                None
            }
        };
        let given = |name: &str| object.get(name).is_some_and(|v| !v.is_null());
        let mut out = NewActivity {
            interaction_id,
            subject,
            description,
            ..NewActivity::about(activity_type.clone(), contact_id)
        };
        match activity_type {
            ActivityType::Call if given("call") => out.call = part("call", &mut e).and_then(|p| call(&p, &mut e)),
            ActivityType::Task => out.task = part("task", &mut e).and_then(|p| task(&p, &mut e)),
            ActivityType::Event => out.event = part("event", &mut e).and_then(|p| event(&p, &mut e)),
            ActivityType::Case => out.case = part("case", &mut e).map(|p| case(&p, &mut e)),
            _ => {}
        }
        let custom = match object.get("customFields") {
            None | Some(Value::Null) => BTreeMap::new(),
            Some(Value::Object(map)) => map.clone().into_iter().collect(),
            Some(_) => {
                e.push(FieldError::new("customFields", codes::INVALID_FORMAT, "customFields must be an object."));
                BTreeMap::new()
            }
        };
        out.custom_fields = validate_custom_fields(&custom, stored, self.definitions, self.default_country, &mut e);
        if let Some(layout) = self.layout {
            let record_type = RecordType::from(activity_type.as_str());
            required_errors(layout, &record_type, self.definitions, body, &mut e);
        }
        if e.is_empty() { Ok(out) } else { Err(e) }
    }
}

/// Each part and the type that has it.
const PARTS: [(&str, ActivityType); 4] = [
    ("call", ActivityType::Call),
    ("task", ActivityType::Task),
    ("event", ActivityType::Event),
    ("case", ActivityType::Case),
];

fn failed(errors: &[FieldError], path: &str) -> bool {
    errors.iter().any(|e| e.field == path)
}

fn activity_type(value: Option<&Value>, errors: &mut Vec<FieldError>) -> ActivityType {
    match value {
        None | Some(Value::Null) => {
            errors.push(FieldError::new("type", codes::REQUIRED, "type is required: call, task, event, note or case."));
            ActivityType::Other(String::new())
        }
        Some(Value::String(s)) => match ActivityType::from(s.as_str()) {
            ActivityType::Other(other) => {
                let message = format!("“{other}” is not an activity type: call, task, event, note or case.");
                errors.push(FieldError::new("type", codes::INVALID_VALUE, message));
                ActivityType::Other(other)
            }
            known => known,
        },
        Some(_) => {
            errors.push(FieldError::new("type", codes::INVALID_FORMAT, "type must be text."));
            ActivityType::Other(String::new())
        }
    }
}

#[cfg(test)]
#[path = "activity_rules_tests.rs"]
mod tests;
