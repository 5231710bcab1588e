//! What the agent types into a create form and the body it becomes, framework-free: one text per
//! field keyed by its path in the record (`task.dueAt`, `customFields.visits`), the input each
//! layout field gets, and the create body — only the chosen layout's fields, so a value typed
//! under another layout is kept in the draft but not sent. The server checks the body against the
//! same layout (`?layoutId=`) and names each refused field by its path, which the form reads as
//! the layout's label.

use std::collections::BTreeMap;

use c360_wire::FieldError;
use c360_wire::crm::{ActivityType, FieldType, Layout, LayoutField};
use serde_json::{Map, Value, json};

use super::model::InteractionFacts;
use crate::layouts::FormSchema;

/// How a layout field is typed into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// An `<input>` of this `type`.
    Text(&'static str),
    /// A choice among these values.
    Choice(Vec<String>),
}

/// What the agent types into a create form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivityDraft {
    /// The record type.
    pub kind: Option<ActivityType>,
    /// Values by path (`subject`, `call.startedAt`, `customFields.visits` …); times as a
    /// `datetime-local` input has them.
    pub values: BTreeMap<String, String>,
}

/// A `datetime-local` value (`2026-03-02T17:00`) for `ms` at `offset_minutes` east of UTC.
pub fn local_input(ms: i64, offset_minutes: i32) -> String {
    let shifted = ms + i64::from(offset_minutes) * 60_000;
    chrono::DateTime::from_timestamp_millis(shifted)
        .map(|t| t.naive_utc().to_string().get(..16).unwrap_or_default().replacen(' ', "T", 1))
        .unwrap_or_default()
}

/// A `datetime-local` value as an ISO-8601 time with the agent's offset; anything not shaped like
/// one is passed on as typed, for the server to name.
pub fn with_offset(local: &str, offset_minutes: i32) -> String {
    let b = local.as_bytes();
    let shaped = b.len() == 16
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 => *c == b':',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return local.to_owned();
    }
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    format!("{local}:00{sign}{:02}:{:02}", abs / 60, abs % 60)
}

/// The input of layout field `field`: built-in times are instants (`datetime-local`), a custom
/// date is a day; choices list their options.
pub fn input_of(schema: &FormSchema, field: &str) -> Input {
    let definition = schema.definition(field);
    let custom = definition.is_none_or(|d| d.custom);
    match definition.map(|d| &d.field_type) {
        Some(FieldType::Select) => Input::Choice(definition.and_then(|d| d.options.clone()).unwrap_or_default()),
        Some(FieldType::Date) if custom => Input::Text("date"),
        Some(FieldType::Date) => Input::Text("datetime-local"),
        Some(FieldType::Number) => Input::Text("number"),
        Some(FieldType::Phone) => Input::Text("tel"),
        Some(FieldType::Email) => Input::Text("email"),
        Some(FieldType::Url) => Input::Text("url"),
        _ => Input::Text("text"),
    }
}

/// Whether a form must have `path` of `kind` whatever the layout says (the record's own rules).
pub fn always_required(kind: &ActivityType, path: &str) -> bool {
    match kind {
        ActivityType::Note => path == "description",
        _ => matches!(
            path,
            "subject" | "call.direction" | "call.startedAt" | "task.dueAt" | "event.startAt" | "event.endAt"
        ),
    }
}

impl ActivityDraft {
    /// A fresh form for `kind`, started from the live interaction when there is one.
    pub fn start(kind: ActivityType, facts: Option<&InteractionFacts>, now_ms: i64, offset_minutes: i32) -> Self {
        let mut values = BTreeMap::new();
        let mut put = |path: &str, value: String| values.insert(path.to_owned(), value);
        if let Some(f) = facts {
            if matches!(kind, ActivityType::Call | ActivityType::Case) {
                put("subject", f.subject());
            }
            if kind == ActivityType::Call {
                let started = f.started_ms.unwrap_or(now_ms);
                put("call.startedAt", local_input(started, offset_minutes));
                put("call.durationSeconds", ((now_ms - started).max(0) / 1000).to_string());
                if let Some(phone) = &f.phone {
                    put("description", format!("Caller: {phone}"));
                }
            }
        }
        if kind == ActivityType::Call {
            let inbound = facts.is_none_or(|f| f.inbound);
            put("call.direction", if inbound { "INBOUND" } else { "OUTBOUND" }.to_owned());
        }
        Self { kind: Some(kind), values }
    }

    /// The value at `path` (`""` when not typed).
    pub fn get(&self, path: &str) -> String {
        self.values.get(path).cloned().unwrap_or_default()
    }

    /// The create body: the typed value of every field `layout` shows, at its path; times with
    /// the agent's offset, numbers as numbers.
    pub fn body(
        &self,
        contact_id: &str,
        interaction_id: Option<&str>,
        offset_minutes: i32,
        schema: &FormSchema,
        layout: &Layout,
    ) -> Value {
        let kind = self.kind.clone().unwrap_or(ActivityType::Note);
        let mut body = json!({"type": kind.as_str(), "contactId": contact_id, "interactionId": interaction_id});
        for LayoutField { field, .. } in &layout.fields {
            let path = schema.path(field);
            let text = self.get(&path);
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let value = match input_of(schema, field) {
                Input::Text("datetime-local") => Value::from(with_offset(text, offset_minutes)),
                Input::Text("number") => {
                    text.parse::<serde_json::Number>().map_or_else(|_| Value::from(text), Value::from)
                }
                _ => Value::from(text),
            };
            match path.split_once('.') {
                Some((part, key)) => {
                    let object = body.as_object_mut().expect("an object");
                    let map = object.entry(part).or_insert_with(|| Value::Object(Map::new()));
                    map.as_object_mut().expect("a part").insert(key.to_owned(), value);
                }
                None => body[path.as_str()] = value,
            }
        }
        body
    }
}

/// The server's field errors in the form's words: a field's path (`task.dueAt`) becomes its label
/// in `layout`, so the agent reads "Due is required." beside the Due input.
pub fn in_form_words(schema: &FormSchema, layout: &Layout, errors: &[FieldError]) -> Vec<FieldError> {
    let mut errors = errors.to_vec();
    for e in &mut errors {
        if let Some(f) = layout.fields.iter().find(|f| schema.path(&f.field) == e.field) {
            e.message = e.message.replacen(&e.field, &f.label, 1);
        }
    }
    errors
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
