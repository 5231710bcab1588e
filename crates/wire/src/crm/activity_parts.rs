//! The parts of an activity read from JSON (`call`, `task`, `event`, `case`), each value checked
//! and each error named by its path (`task.dueAt`, `event.endAt`, `case.priority`).

use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

use super::activity::{CallPart, CasePart, CasePriority, CaseStatus, EventPart, TaskPart, TaskPriority, TaskStatus};
use crate::insight::Direction;
use crate::problem::{FieldError, codes};

/// Longest subject, location or outcome, in characters.
pub const MAX_SUBJECT_CHARS: usize = 200;

/// The trimmed text at `key` (`""` when absent or null), at most `max` characters.
pub(super) fn text(object: &Map<String, Value>, path: &str, max: usize, errors: &mut Vec<FieldError>) -> String {
    let key = path.rsplit('.').next().unwrap_or(path);
    match object.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) if s.trim().chars().count() > max => {
            errors.push(FieldError::new(path, codes::TOO_LONG, format!("{path} is longer than {max} characters.")));
            String::new()
        }
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(_) => {
            errors.push(FieldError::new(path, codes::INVALID_FORMAT, format!("{path} must be text.")));
            String::new()
        }
    }
}

/// The date-time at `path` (an ISO-8601 time with an offset); `None` with an error when missing
/// (if `required`) or malformed.
fn time(
    part: &Map<String, Value>,
    path: &str,
    required: bool,
    errors: &mut Vec<FieldError>,
) -> Option<DateTime<FixedOffset>> {
    let key = path.rsplit('.').next().unwrap_or(path);
    match part.get(key) {
        None | Some(Value::Null) => {
            if required {
                errors.push(FieldError::new(path, codes::REQUIRED, format!("{path} is required.")));
            }
            None
        }
        Some(Value::String(s)) if DateTime::parse_from_rfc3339(s.trim()).is_ok() => {
            DateTime::parse_from_rfc3339(s.trim()).ok()
        }
        Some(_) => {
            let message = format!("{path} must be a date and time with an offset, like 2026-03-02T17:00:00+01:00.");
            errors.push(FieldError::new(path, codes::INVALID_FORMAT, message));
            None
        }
    }
}

/// One of an open enum's known values at `path`, or its default when absent.
fn choice<T>(part: &Map<String, Value>, path: &str, known: &[T], errors: &mut Vec<FieldError>) -> Option<T>
where
    T: Clone + PartialEq + From<String> + Default + std::fmt::Display,
{
    let key = path.rsplit('.').next().unwrap_or(path);
    let list = || known.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    match part.get(key) {
        None | Some(Value::Null) => Some(T::default()),
        Some(Value::String(s)) if known.contains(&T::from(s.clone())) => Some(T::from(s.clone())),
        Some(_) => {
            errors.push(FieldError::new(path, codes::INVALID_VALUE, format!("{path} must be one of: {}.", list())));
            None
        }
    }
}

fn unknown_keys(part: &Map<String, Value>, name: &str, allowed: &[&str], errors: &mut Vec<FieldError>) {
    for key in part.keys().filter(|k| !allowed.contains(&k.as_str())) {
        let path = format!("{name}.{key}");
        errors.push(FieldError::new(&path, codes::UNKNOWN_FIELD, format!("There is no field “{path}”.")));
    }
}

pub(super) fn call(part: &Map<String, Value>, errors: &mut Vec<FieldError>) -> Option<CallPart> {
    unknown_keys(part, "call", &["direction", "startedAt", "durationSeconds", "outcome"], errors);
    let direction = match part.get("direction") {
        Some(Value::String(s)) if Direction::KNOWN.contains(&Direction::from(s.as_str())) => {
            Some(Direction::from(s.as_str()))
        }
        None | Some(Value::Null) => {
            errors.push(FieldError::new("call.direction", codes::REQUIRED, "call.direction is required."));
            None
        }
        Some(_) => {
            let message = "call.direction must be one of: INBOUND, OUTBOUND.";
            errors.push(FieldError::new("call.direction", codes::INVALID_VALUE, message));
            None
        }
    };
    let started_at = time(part, "call.startedAt", true, errors);
    let duration_seconds = match part.get("durationSeconds") {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Some(n),
            None => {
                let message = "call.durationSeconds must be a whole number of seconds, 0 or more.";
                errors.push(FieldError::new("call.durationSeconds", codes::INVALID_FORMAT, message));
                None
            }
        },
    };
    let outcome = text(part, "call.outcome", MAX_SUBJECT_CHARS, errors);
    Some(CallPart { direction: direction?, started_at: started_at?, duration_seconds, outcome })
}

pub(super) fn task(part: &Map<String, Value>, errors: &mut Vec<FieldError>) -> Option<TaskPart> {
    unknown_keys(part, "task", &["dueAt", "status", "priority"], errors);
    let due_at = time(part, "task.dueAt", true, errors);
    let status = choice::<TaskStatus>(part, "task.status", TaskStatus::KNOWN, errors);
    let priority = choice::<TaskPriority>(part, "task.priority", TaskPriority::KNOWN, errors);
    Some(TaskPart { due_at: due_at?, status: status?, priority: priority? })
}

pub(super) fn event(part: &Map<String, Value>, errors: &mut Vec<FieldError>) -> Option<EventPart> {
    unknown_keys(part, "event", &["startAt", "endAt", "location"], errors);
    let start_at = time(part, "event.startAt", true, errors);
    let end_at = time(part, "event.endAt", true, errors);
    let location = text(part, "event.location", MAX_SUBJECT_CHARS, errors);
    let (start_at, end_at) = (start_at?, end_at?);
    if end_at <= start_at {
        errors.push(FieldError::new("event.endAt", codes::OUT_OF_RANGE, "event.endAt must be after event.startAt."));
        return None;
    }
    Some(EventPart { start_at, end_at, location })
}

pub(super) fn case(part: &Map<String, Value>, errors: &mut Vec<FieldError>) -> CasePart {
    unknown_keys(part, "case", &["status", "priority"], errors);
    CasePart {
        status: choice::<CaseStatus>(part, "case.status", CaseStatus::KNOWN, errors).unwrap_or_default(),
        priority: choice::<CasePriority>(part, "case.priority", CasePriority::KNOWN, errors).unwrap_or_default(),
    }
}
