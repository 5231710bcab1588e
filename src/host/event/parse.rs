//! Reads a posted message into a [`HostEvent`], or says why not. It walks the structured-clone
//! value with `Reflect` rather than a serde derive, for two reasons. The partner SDK's schemas are
//! zod schemas (`../shared/spec/upstream/partner-sdk/`), whose `.optional()` accepts an absent or
//! `undefined` field but refuses `null`; serde-wasm-bindgen 0.6, the crate for reading JS values
//! with serde, reads `null` and `undefined` alike as `None` (its `deserialize_option`), so a derive
//! would accept messages the schema refuses. And each refusal has a reason (envelope, event,
//! schema version, payload) that the bridge counts and logs once.
//!
//! The walk is written against [`Message`], what it reads of a value, so that native property
//! tests (`tests.rs`) drive the same code with JSON values standing in for JS ones.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use super::{HostContext, HostEvent, InteractionType, Rejected, Started, Theme};

/// What the parser reads of a posted value, with JavaScript's meaning: a missing field is
/// `undefined`, distinct from `null`; arrays are objects too.
pub(crate) trait Message: Sized {
    fn is_object(&self) -> bool;
    fn is_undefined(&self) -> bool;
    fn is_array(&self) -> bool;
    /// The field `key` (`undefined` when absent).
    fn field(&self, key: &str) -> Self;
    fn as_string(&self) -> Option<String>;
    fn as_bool(&self) -> Option<bool>;
    /// An array's length (asked of arrays only).
    fn len(&self) -> u32;
    /// An array's item `i`.
    fn item(&self, i: u32) -> Self;
}

impl Message for JsValue {
    fn is_object(&self) -> bool {
        JsValue::is_object(self)
    }
    fn is_undefined(&self) -> bool {
        JsValue::is_undefined(self)
    }
    fn is_array(&self) -> bool {
        js_sys::Array::is_array(self)
    }
    fn field(&self, key: &str) -> Self {
        Reflect::get(self, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }
    fn as_string(&self) -> Option<String> {
        JsValue::as_string(self)
    }
    fn as_bool(&self) -> Option<bool> {
        JsValue::as_bool(self)
    }
    fn len(&self) -> u32 {
        js_sys::Array::from(self).length()
    }
    fn item(&self, i: u32) -> Self {
        Reflect::get_u32(self, i).unwrap_or(JsValue::UNDEFINED)
    }
}

/// Longest string field accepted (ids, names, numbers); a token may be longer.
const MAX_TEXT: usize = 256;
const MAX_TOKEN: usize = 4096;
/// Most wrap-up codes accepted for one interaction.
const MAX_CODES: u32 = 50;

/// Parses a posted message's data.
pub fn parse(data: &JsValue) -> Result<HostEvent, Rejected> {
    read(data)
}

/// [`parse`], over any [`Message`].
pub(crate) fn read<M: Message>(data: &M) -> Result<HostEvent, Rejected> {
    if !data.is_object() || text(data, "type", MAX_TEXT).ok().flatten().as_deref() != Some("event") {
        return Err(Rejected::Envelope);
    }
    let name = text(data, "name", MAX_TEXT).ok().flatten().ok_or(Rejected::Envelope)?;
    let payload = data.field("payload");
    if !payload.is_object() {
        return Err(Rejected::Envelope);
    }
    let version = match name.as_str() {
        "aw-interaction-focus-v3" => "3.0.0",
        "aw-interaction-started-v1"
        | "aw-interaction-ended-v1"
        | "aw-interaction-wrap-up-codes-received-v1"
        | "global-user-details-v1"
        | "c360-context-v1"
        | "c360-auth-v1" => "1.0.0",
        _ => return Err(Rejected::UnknownEvent),
    };
    if text(&payload, "schemaVersion", MAX_TEXT).ok().flatten().as_deref() != Some(version) {
        return Err(Rejected::SchemaVersion);
    }
    let p = &payload;
    let event = match name.as_str() {
        "aw-interaction-started-v1" => HostEvent::Started(Started {
            // Fields of the schema the panel does not use are still type- and size-checked.
            interaction_id: ["callId", "queueId", "customerName", "agentName", "agentPhone"]
                .into_iter()
                .try_for_each(|f| text(p, f, MAX_TEXT).map(drop))
                .and_then(|()| id(p))?,
            interaction_type: match required(p, "interactionType")?.as_str() {
                "phone" => InteractionType::Phone,
                "chat" => InteractionType::Chat,
                "email" => InteractionType::Email,
                "sms" => InteractionType::Sms,
                _ => return Err(Rejected::Payload),
            },
            inbound: match required(p, "direction")?.as_str() {
                "inbound" => true,
                "outbound" => false,
                _ => return Err(Rejected::Payload),
            },
            queue_name: text(p, "queueName", MAX_TEXT)?,
            customer_phone: text(p, "customerPhone", MAX_TEXT)?,
            customer_email: text(p, "customerEmail", MAX_TEXT)?,
            routed: flag(p, "routed")?.unwrap_or(true),
            internal: flag(p, "internal")?.unwrap_or(false),
        }),
        "aw-interaction-focus-v3" => {
            let queue = p.field("queue");
            if !queue.is_object() || flag(p, "isManual")?.is_none() {
                return Err(Rejected::Payload);
            }
            for field in ["id", "queueId", "queueName"] {
                required(&queue, field)?;
            }
            HostEvent::Focus { interaction_id: id(p)? }
        }
        "aw-interaction-ended-v1" => HostEvent::Ended { interaction_id: id(p)? },
        "aw-interaction-wrap-up-codes-received-v1" => {
            let items = p.field("wrapUpCodes");
            if !items.is_array() || items.len() > MAX_CODES {
                return Err(Rejected::Payload);
            }
            // Each item is `{id, parentId}`, both strings; the codes are the ids.
            let codes = (0..items.len())
                .map(|i| {
                    let item = items.item(i);
                    if !item.is_object() {
                        return Err(Rejected::Payload);
                    }
                    required(&item, "parentId")?;
                    required(&item, "id")
                })
                .collect::<Result<Vec<_>, _>>()?;
            HostEvent::WrapUpCodes { interaction_id: id(p)?, codes }
        }
        "global-user-details-v1" => {
            for field in ["firstName", "lastName", "userId", "customerId", "loginId", "jobTitle"] {
                required(p, field)?;
            }
            text(p, "email", MAX_TEXT)?;
            HostEvent::UserDetails { name: required(p, "name")?, language: text(p, "language", MAX_TEXT)? }
        }
        "c360-context-v1" => HostEvent::Context(HostContext {
            theme: match text(p, "theme", MAX_TEXT)?.as_deref() {
                None => None,
                Some("light") => Some(Theme::Light),
                Some("dark") => Some(Theme::Dark),
                Some(_) => return Err(Rejected::Payload),
            },
            accent: accent(&p.field("tokens"))?,
            locale: checked(text(p, "locale", MAX_TEXT)?, |s| {
                s.len() <= 35 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })?,
            time_zone: checked(text(p, "timeZone", MAX_TEXT)?, |s| {
                s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_+-".contains(&b))
            })?,
        }),
        _ => {
            HostEvent::Auth { token: text(p, "token", MAX_TOKEN)?.filter(|t| !t.is_empty()).ok_or(Rejected::Payload)? }
        }
    };
    Ok(event)
}

/// The accent presets a host may pick (`tokens.accent`). Each has a light and a dark colour in
/// style/ui.css, checked there for 4.5:1 contrast on every surface it is drawn on; a free colour
/// could not be guaranteed readable.
pub const ACCENTS: &[&str] = &["blue", "teal", "violet", "green", "orange"];

/// `tokens` is optional; if present it is an object whose optional `accent` is a preset name.
fn accent<M: Message>(tokens: &M) -> Result<Option<String>, Rejected> {
    if tokens.is_undefined() {
        return Ok(None);
    }
    if !tokens.is_object() {
        return Err(Rejected::Payload);
    }
    match text(tokens, "accent", MAX_TEXT)? {
        Some(a) if ACCENTS.contains(&a.as_str()) => Ok(Some(a)),
        Some(_) => Err(Rejected::Payload),
        None => Ok(None),
    }
}

fn checked(value: Option<String>, ok: impl Fn(&str) -> bool) -> Result<Option<String>, Rejected> {
    match value {
        Some(v) if v.is_empty() || !ok(&v) => Err(Rejected::Payload),
        v => Ok(v),
    }
}

/// An optional string field: absent (or `undefined`) is `None`; any other type, or too long, is
/// an error.
fn text<M: Message>(obj: &M, key: &str, max: usize) -> Result<Option<String>, Rejected> {
    let v = obj.field(key);
    if v.is_undefined() {
        return Ok(None);
    }
    match v.as_string() {
        Some(s) if s.len() <= max => Ok(Some(s)),
        _ => Err(Rejected::Payload),
    }
}

fn required<M: Message>(obj: &M, key: &str) -> Result<String, Rejected> {
    text(obj, key, MAX_TEXT)?.ok_or(Rejected::Payload)
}

fn id<M: Message>(obj: &M) -> Result<String, Rejected> {
    required(obj, "interactionId").and_then(|s| if s.trim().is_empty() { Err(Rejected::Payload) } else { Ok(s) })
}

fn flag<M: Message>(obj: &M, key: &str) -> Result<Option<bool>, Rejected> {
    let v = obj.field(key);
    if v.is_undefined() { Ok(None) } else { v.as_bool().map(Some).ok_or(Rejected::Payload) }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
