//! What the layout an agent chose adds to an activity's rules (`?layoutId=`, else the record
//! type's default layout): each field it marks `required` must be given on create and after a
//! patch, and a patch may not change a field it marks `readOnly`. Built-in fields are named by
//! their path (`task.priority`, `call.outcome`, `subject`), custom ones by their bare name and
//! checked at `customFields.<name>` — the path every error names.
//!
//! A create may set a read-only field (a new record sets it once), as a contact's may.

use serde_json::Value;

use super::builtin::builtin_label;
use super::custom_fields::custom_field_path;
use super::layout::{FieldDefinition, Layout, RecordType};
use super::patch::{at, read_only_errors};
use crate::problem::{FieldError, codes};

/// The path of layout field `field` of `record_type` in a record and in errors.
pub fn layout_field_path(record_type: &RecordType, field: &str) -> String {
    if builtin_label(record_type, field).is_some() { field.to_owned() } else { custom_field_path(field) }
}

/// A `required` error for each field `layout` requires that `body` (the create body, or the record
/// after a patch) leaves absent, `null` or blank — unless another error already names that path,
/// one of its parts or the part holding it (one complaint per field). A layout of another record
/// type asks nothing, and neither does a custom field `definitions` no longer has (no value for it
/// could be saved).
pub fn required_errors(
    layout: &Layout,
    record_type: &RecordType,
    definitions: Option<&[FieldDefinition]>,
    body: &Value,
    errors: &mut Vec<FieldError>,
) {
    if &layout.record_type != record_type {
        return;
    }
    let defined = |field: &str| {
        builtin_label(record_type, field).is_some()
            || definitions.is_none_or(|defs| defs.iter().any(|d| d.custom && d.field == field))
    };
    for field in layout.required_fields().into_iter().filter(|f| defined(f)) {
        let path = layout_field_path(record_type, field);
        if is_given(at(body, &path)) || errors.iter().any(|e| overlaps(&e.field, &path)) {
            continue;
        }
        errors.push(FieldError::new(path.as_str(), codes::REQUIRED, format!("{path} is required.")));
    }
}

/// A `read_only` error for each field `layout` marks read-only whose value differs between `before`
/// and `after` (the record before and after a merge patch; blanks count as equal).
pub fn read_only_changes(layout: &Layout, before: &Value, after: &Value) -> Vec<FieldError> {
    let paths: Vec<String> =
        layout.read_only_fields().into_iter().map(|f| layout_field_path(&layout.record_type, f)).collect();
    read_only_errors(before, after, paths.iter().map(String::as_str))
}

/// Whether a value is set: not absent, `null`, blank text or an empty list or object.
fn is_given(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// Whether error path `a` and path `b` are the same field or one holds the other
/// (`task` and `task.priority`, `customFields` and `customFields.visits`).
fn overlaps(a: &str, b: &str) -> bool {
    let within = |inner: &str, outer: &str| {
        inner.strip_prefix(outer).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    };
    !a.is_empty() && (within(a, b) || within(b, a))
}

#[cfg(test)]
#[path = "activity_layout_tests.rs"]
mod tests;
