//! The rules of the "+" menu and its create forms, framework-free: the menu's items and keys, the
//! live interaction's facts a form starts from, the draft an agent types and the create body it
//! becomes — checked by the wire's `ActivityRules`, so the messages are the server's 400s, each
//! named by the same path (`task.dueAt`, `event.endAt`).

use c360_wire::FieldError;
use c360_wire::crm::{ActivityRules, ActivityType};
use serde_json::{Map, Value, json};

use crate::host::event::InteractionType;
use crate::host::{Live, Subject};

/// The menu's items: their text and the record type each creates (`None`: a new contact).
pub const MENU: [(&str, Option<ActivityType>); 6] = [
    ("Log a Call", Some(ActivityType::Call)),
    ("Create Task", Some(ActivityType::Task)),
    ("Create Event", Some(ActivityType::Event)),
    ("Add Note", Some(ActivityType::Note)),
    ("Create Case", Some(ActivityType::Case)),
    ("New contact", None),
];

/// Where a key moves the focus in a menu of `len` items from item `at`: an item, or `None` to
/// close (Escape, Tab). Keys a menu ignores answer `Some(at)`.
pub fn menu_key(key: &str, at: usize, len: usize) -> Option<usize> {
    match key {
        "ArrowDown" => Some((at + 1) % len),
        "ArrowUp" => Some((at + len - 1) % len),
        "Home" => Some(0),
        "End" => Some(len - 1),
        "Escape" | "Tab" => None,
        _ => Some(at),
    }
}

/// What a create form takes from the live interaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InteractionFacts {
    /// The host's id (records made now are New to it).
    pub id: String,
    /// The customer reached out.
    pub inbound: bool,
    /// "call", "chat", "email", "SMS".
    pub channel: &'static str,
    /// The caller's number, for calls and SMS.
    pub phone: Option<String>,
    /// The queue it came through.
    pub queue: Option<String>,
    /// When the panel heard it start.
    pub started_ms: Option<i64>,
}

impl InteractionFacts {
    /// The facts of a host's interaction (`None` for one opened by link: it has no id).
    pub fn of(live: &Live) -> Option<Self> {
        if live.id.is_empty() {
            return None;
        }
        let channel = match live.channel? {
            InteractionType::Phone => "call",
            InteractionType::Chat => "chat",
            InteractionType::Email => "email",
            InteractionType::Sms => "SMS",
        };
        let phone = match &live.subject {
            Subject::Customer(c360_wire::Identity::Phone { phone_number }) => Some(phone_number.clone()),
            _ => None,
        };
        Some(Self {
            id: live.id.clone(),
            inbound: live.inbound,
            channel,
            phone,
            queue: live.queue.clone(),
            started_ms: live.started_ms,
        })
    }

    /// "Inbound call — Billing Support".
    pub fn subject(&self) -> String {
        let direction = if self.inbound { "Inbound" } else { "Outbound" };
        match self.queue.as_deref().filter(|q| !q.trim().is_empty()) {
            Some(queue) => format!("{direction} {} — {}", self.channel, queue.trim()),
            None => format!("{direction} {}", self.channel),
        }
    }
}

/// What the agent types into a create form, one text per field, keyed by the wire's path.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivityDraft {
    /// The record type.
    pub kind: Option<ActivityType>,
    /// Values by path (`subject`, `call.startedAt` …); times as a `datetime-local` input has them.
    pub values: std::collections::BTreeMap<&'static str, String>,
}

/// The fields of a record type's form: path, label, input type. Required parts come first.
pub fn fields(kind: &ActivityType) -> &'static [(&'static str, &'static str, &'static str)] {
    match kind {
        ActivityType::Call => &[
            ("subject", "Subject", "text"),
            ("call.direction", "Direction", "direction"),
            ("call.startedAt", "Started at", "datetime-local"),
            ("call.durationSeconds", "Duration (seconds)", "number"),
            ("call.outcome", "Outcome", "text"),
            ("description", "Notes", "textarea"),
        ],
        ActivityType::Task => &[
            ("subject", "Subject", "text"),
            ("task.dueAt", "Due", "datetime-local"),
            ("task.priority", "Priority", "priority"),
            ("description", "Details", "textarea"),
        ],
        ActivityType::Event => &[
            ("subject", "Subject", "text"),
            ("event.startAt", "Starts", "datetime-local"),
            ("event.endAt", "Ends", "datetime-local"),
            ("event.location", "Location", "text"),
            ("description", "Details", "textarea"),
        ],
        ActivityType::Note => &[("description", "Note", "textarea")],
        _ => &[
            ("subject", "Subject", "text"),
            ("case.priority", "Priority", "priority"),
            ("description", "Details", "textarea"),
        ],
    }
}

/// A `datetime-local` value (`2026-03-02T17:00`) for `ms` at `offset_minutes` east of UTC.
pub fn local_input(ms: i64, offset_minutes: i32) -> String {
    let shifted = ms + i64::from(offset_minutes) * 60_000;
    chrono::DateTime::from_timestamp_millis(shifted)
        .map(|t| t.naive_utc().to_string().get(..16).unwrap_or_default().replacen(' ', "T", 1))
        .unwrap_or_default()
}

/// A `datetime-local` value as an ISO-8601 time with the agent's offset; anything not shaped like
/// one is passed on as typed, for the rules to name.
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

impl ActivityDraft {
    /// A fresh form for `kind`, started from the live interaction when there is one.
    pub fn start(kind: ActivityType, facts: Option<&InteractionFacts>, now_ms: i64, offset_minutes: i32) -> Self {
        let mut values = std::collections::BTreeMap::new();
        if let Some(f) = facts {
            if matches!(kind, ActivityType::Call | ActivityType::Case) {
                values.insert("subject", f.subject());
            }
            if kind == ActivityType::Call {
                let started = f.started_ms.unwrap_or(now_ms);
                values.insert("call.direction", if f.inbound { "INBOUND" } else { "OUTBOUND" }.to_owned());
                values.insert("call.startedAt", local_input(started, offset_minutes));
                values.insert("call.durationSeconds", ((now_ms - started).max(0) / 1000).to_string());
                if let Some(phone) = &f.phone {
                    values.insert("description", format!("Caller: {phone}"));
                }
            }
        }
        if kind == ActivityType::Call {
            values.entry("call.direction").or_insert_with(|| "INBOUND".to_owned());
        }
        Self { kind: Some(kind), values }
    }

    /// The value at `path` (`""` when not typed).
    pub fn get(&self, path: &str) -> String {
        self.values.get(path).cloned().unwrap_or_default()
    }

    /// The create body: every typed value at its path, times with the agent's offset.
    pub fn body(&self, contact_id: &str, interaction_id: Option<&str>, offset_minutes: i32) -> Value {
        let kind = self.kind.clone().unwrap_or(ActivityType::Note);
        let mut body = json!({"type": kind.as_str(), "contactId": contact_id, "interactionId": interaction_id});
        for (path, _, input) in fields(&kind) {
            let text = self.get(path);
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let value = match *input {
                "datetime-local" => Value::from(with_offset(text, offset_minutes)),
                "number" => text.parse::<u64>().map(Value::from).unwrap_or_else(|_| Value::from(text)),
                _ => Value::from(text),
            };
            match path.split_once('.') {
                Some((part, key)) => {
                    let map = body
                        .as_object_mut()
                        .expect("an object")
                        .entry(part)
                        .or_insert_with(|| Value::Object(Map::new()));
                    map.as_object_mut().expect("a part").insert(key.to_owned(), value);
                }
                None => {
                    body[*path] = value;
                }
            }
        }
        body
    }

    /// What the server would refuse, by the same rules (empty: ready to send).
    pub fn errors(&self, contact_id: &str, offset_minutes: i32) -> Vec<FieldError> {
        ActivityRules::default().read(&self.body(contact_id, None, offset_minutes)).err().unwrap_or_default()
    }
}

/// The server's field errors in the form's words: a field's path (`task.dueAt`) becomes its label,
/// so the agent reads "Due is required." beside the Due input.
pub fn in_form_words(kind: &ActivityType, errors: &[FieldError]) -> Vec<FieldError> {
    let mut errors = errors.to_vec();
    for e in &mut errors {
        if let Some((path, label, _)) = fields(kind).iter().find(|(path, _, _)| *path == e.field) {
            e.message = e.message.replacen(path, label, 1);
        }
    }
    errors
}

/// The form's title for `kind`.
pub fn form_title(kind: &ActivityType) -> &'static str {
    MENU.iter().find(|(_, k)| k.as_ref() == Some(kind)).map_or("New record", |(text, _)| text)
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
