//! Property tests of the host-message parser, native: JSON values stand in for the posted JS
//! values (`undefined` is a missing field, as in JavaScript). Messages are drawn near the schemas
//! (each field present and valid, absent, or any JSON value) so that many are accepted, and
//! anything at all besides. Properties: no panic; what is accepted, written back as a message,
//! is accepted again as the same event.

use proptest::prelude::*;
use serde_json::{Value, json};

use super::{Message, read};
use crate::host::event::{HostEvent, InteractionType, Theme};

/// A JS value as JSON: `None` is `undefined`.
#[derive(Debug, Clone)]
struct Js(Option<Value>);

impl Message for Js {
    fn is_object(&self) -> bool {
        matches!(self.0, Some(Value::Object(_) | Value::Array(_)))
    }
    fn is_undefined(&self) -> bool {
        self.0.is_none()
    }
    fn is_array(&self) -> bool {
        matches!(self.0, Some(Value::Array(_)))
    }
    fn field(&self, key: &str) -> Self {
        Js(match &self.0 {
            Some(Value::Object(fields)) => fields.get(key).cloned(),
            Some(Value::Array(items)) if key == "length" => Some(items.len().into()),
            Some(Value::Array(items)) => key.parse::<usize>().ok().and_then(|i| items.get(i).cloned()),
            _ => None,
        })
    }
    fn as_string(&self) -> Option<String> {
        self.0.as_ref()?.as_str().map(str::to_owned)
    }
    fn as_bool(&self) -> Option<bool> {
        self.0.as_ref()?.as_bool()
    }
    fn len(&self) -> u32 {
        match &self.0 {
            Some(Value::Array(items)) => u32::try_from(items.len()).unwrap_or(u32::MAX),
            _ => 0,
        }
    }
    fn item(&self, i: u32) -> Self {
        self.field(&i.to_string())
    }
}

/// What a field of a payload holds when it is valid.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Text,
    OneOf(&'static [&'static str]),
    Flag,
    Queue,
    Codes,
    Tokens,
}

use Kind::*;

const NAMES: &[&str] = &[
    "aw-interaction-started-v1",
    "aw-interaction-focus-v3",
    "aw-interaction-ended-v1",
    "aw-interaction-wrap-up-codes-received-v1",
    "global-user-details-v1",
    "c360-context-v1",
    "c360-auth-v1",
];

/// Each event's payload fields (besides `schemaVersion`).
fn fields(name: &str) -> &'static [(&'static str, Kind)] {
    match name {
        "aw-interaction-started-v1" => &[
            ("interactionId", Text),
            ("interactionType", OneOf(&["phone", "chat", "email", "sms"])),
            ("direction", OneOf(&["inbound", "outbound"])),
            ("callId", Text),
            ("queueId", Text),
            ("queueName", Text),
            ("customerName", Text),
            ("customerPhone", Text),
            ("customerEmail", Text),
            ("agentName", Text),
            ("agentPhone", Text),
            ("routed", Flag),
            ("internal", Flag),
        ],
        "aw-interaction-focus-v3" => &[("interactionId", Text), ("isManual", Flag), ("queue", Queue)],
        "aw-interaction-ended-v1" => &[("interactionId", Text)],
        "aw-interaction-wrap-up-codes-received-v1" => &[("interactionId", Text), ("wrapUpCodes", Codes)],
        "global-user-details-v1" => &[
            ("name", Text),
            ("firstName", Text),
            ("lastName", Text),
            ("userId", Text),
            ("customerId", Text),
            ("loginId", Text),
            ("jobTitle", Text),
            ("email", Text),
            ("language", Text),
        ],
        "c360-context-v1" => &[
            ("theme", OneOf(&["light", "dark"])),
            ("tokens", Tokens),
            ("locale", OneOf(&["en", "en-GB", "pt-BR", "de"])),
            ("timeZone", OneOf(&["Europe/London", "America/Sao_Paulo", "UTC", "Etc/GMT+3"])),
        ],
        _ => &[("token", Text)],
    }
}

/// Strings near the limits: empty, blank, short, at and past the 256-byte limit, non-ASCII.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[ -~]{0,12}",
        1 => Just(String::new()),
        1 => Just("  ".to_owned()),
        1 => "[a-zé€ ]{0,8}",
        1 => (250usize..262).prop_map(|n| "x".repeat(n)),
    ]
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-zA-Z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn valid(kind: Kind) -> BoxedStrategy<Value> {
    match kind {
        Text => text().prop_map(Value::from).boxed(),
        OneOf(values) => {
            prop_oneof![4 => prop::sample::select(values).prop_map(Value::from), 1 => text().prop_map(Value::from)]
                .boxed()
        }
        Flag => any::<bool>().prop_map(Value::from).boxed(),
        Queue => (text(), text(), text())
            .prop_map(|(id, queue_id, name)| json!({"id": id, "queueId": queue_id, "queueName": name}))
            .boxed(),
        Codes => prop::collection::vec((text(), text()), 0..52)
            .prop_map(|codes| codes.into_iter().map(|(id, parent)| json!({"id": id, "parentId": parent})).collect())
            .boxed(),
        Tokens => prop::sample::select(&["blue", "teal", "violet", "green", "orange", "pink"][..])
            .prop_map(|accent| json!({ "accent": accent }))
            .boxed(),
    }
}

/// A field's value: valid most of the time, else absent or any JSON value.
fn field(kind: Kind) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![8 => valid(kind).prop_map(Some), 1 => Just(None), 1 => any_json().prop_map(Some)]
}

/// A message near an event's schema.
fn near_schema() -> impl Strategy<Value = Value> {
    prop::sample::select(NAMES).prop_flat_map(|name| {
        let payload: Vec<_> = fields(name).iter().map(|&(key, kind)| field(kind).prop_map(move |v| (key, v))).collect();
        let version = if name == "aw-interaction-focus-v3" { "3.0.0" } else { "1.0.0" };
        let version = prop_oneof![9 => Just(Some(Value::from(version))), 1 => field(Text)];
        (payload, version).prop_map(move |(fields, version)| {
            let mut payload = serde_json::Map::new();
            for (key, value) in fields.into_iter().chain([("schemaVersion", version)]) {
                if let Some(value) = value {
                    payload.insert(key.to_owned(), value);
                }
            }
            json!({"type": "event", "name": name, "payload": payload})
        })
    })
}

/// The message that says `event` (the fields the panel does not keep get placeholder values).
fn message(event: &HostEvent) -> Value {
    let (name, payload) = match event {
        HostEvent::Started(s) => {
            let mut p = json!({
                "schemaVersion": "1.0.0",
                "interactionId": s.interaction_id,
                "interactionType": match s.interaction_type {
                    InteractionType::Phone => "phone",
                    InteractionType::Chat => "chat",
                    InteractionType::Email => "email",
                    InteractionType::Sms => "sms",
                },
                "direction": if s.inbound { "inbound" } else { "outbound" },
                "routed": s.routed,
                "internal": s.internal,
            });
            for (key, value) in [
                ("queueName", &s.queue_name),
                ("customerPhone", &s.customer_phone),
                ("customerEmail", &s.customer_email),
            ] {
                if let Some(value) = value {
                    p[key] = value.clone().into();
                }
            }
            ("aw-interaction-started-v1", p)
        }
        HostEvent::Focus { interaction_id } => (
            "aw-interaction-focus-v3",
            json!({"schemaVersion": "3.0.0", "interactionId": interaction_id, "isManual": false,
                   "queue": {"id": "q", "queueId": "q", "queueName": "Q"}}),
        ),
        HostEvent::Ended { interaction_id } => {
            ("aw-interaction-ended-v1", json!({"schemaVersion": "1.0.0", "interactionId": interaction_id}))
        }
        HostEvent::WrapUpCodes { interaction_id, codes } => (
            "aw-interaction-wrap-up-codes-received-v1",
            json!({"schemaVersion": "1.0.0", "interactionId": interaction_id,
                   "wrapUpCodes": codes.iter().map(|c| json!({"id": c, "parentId": ""})).collect::<Vec<_>>()}),
        ),
        HostEvent::UserDetails { name, language } => {
            let mut p = json!({"schemaVersion": "1.0.0", "name": name, "firstName": "", "lastName": "",
                               "userId": "", "customerId": "", "loginId": "", "jobTitle": ""});
            if let Some(language) = language {
                p["language"] = language.clone().into();
            }
            ("global-user-details-v1", p)
        }
        HostEvent::Context(c) => {
            let mut p = json!({"schemaVersion": "1.0.0"});
            if let Some(theme) = c.theme {
                p["theme"] = if theme == Theme::Dark { "dark" } else { "light" }.into();
            }
            if let Some(accent) = &c.accent {
                p["tokens"] = json!({ "accent": accent });
            }
            if let Some(locale) = &c.locale {
                p["locale"] = locale.clone().into();
            }
            if let Some(zone) = &c.time_zone {
                p["timeZone"] = zone.clone().into();
            }
            ("c360-context-v1", p)
        }
        HostEvent::Auth { token } => ("c360-auth-v1", json!({"schemaVersion": "1.0.0", "token": token})),
    };
    json!({"type": "event", "name": name, "payload": payload})
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn an_accepted_message_says_the_same_event_when_written_again(msg in near_schema()) {
        if let Ok(event) = read(&Js(Some(msg))) {
            prop_assert_eq!(read(&Js(Some(message(&event)))), Ok(event));
        }
    }

    #[test]
    fn any_value_is_parsed_or_refused_without_panicking(msg in any_json()) {
        let _ = read(&Js(Some(msg)));
    }
}

/// The generator reaches every event (else the round trip above would test little).
#[test]
fn near_schema_messages_reach_every_event() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = near_schema();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..2000 {
        let msg = strategy.new_tree(&mut runner).unwrap().current();
        if let Ok(event) = read(&Js(Some(msg))) {
            seen.insert(message(&event)["name"].as_str().unwrap().to_owned());
        }
    }
    assert_eq!(seen.len(), NAMES.len(), "accepted only {seen:?}");
}
