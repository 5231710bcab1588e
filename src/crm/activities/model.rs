//! The rules of the "+" menu and its create forms, framework-free: the menu's items and keys, the
//! live interaction's facts a form starts from, and each form's title. What the agent types and
//! the body it becomes: [`super::draft`].

use c360_wire::crm::ActivityType;

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

/// The form's title for `kind`.
pub fn form_title(kind: &ActivityType) -> &'static str {
    MENU.iter().find(|(_, k)| k.as_ref() == Some(kind)).map_or("New record", |(text, _)| text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menu_keys_wrap_and_escape_closes() {
        assert_eq!(menu_key("ArrowDown", 5, 6), Some(0));
        assert_eq!(menu_key("ArrowUp", 0, 6), Some(5));
        assert_eq!((menu_key("Home", 3, 6), menu_key("End", 0, 6)), (Some(0), Some(5)));
        assert_eq!(menu_key("Escape", 2, 6), None);
        assert_eq!(menu_key("x", 2, 6), Some(2));
    }

    #[test]
    fn a_subject_names_direction_channel_and_queue() {
        let mut facts = InteractionFacts {
            id: "int-1".into(),
            inbound: true,
            channel: "call",
            phone: None,
            queue: Some(" Billing Support ".into()),
            started_ms: None,
        };
        assert_eq!(facts.subject(), "Inbound call — Billing Support");
        facts.inbound = false;
        facts.queue = None;
        assert_eq!(facts.subject(), "Outbound call");
    }
}
