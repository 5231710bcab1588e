//! The wrap-up body read with errors naming each field (`mediaType`, `endedAt`), all at once.

use c360_wire::crm::WrapUp;
use c360_wire::insight::{Direction, MediaType};
use c360_wire::problem::{FieldError, codes};
use chrono::{DateTime, FixedOffset};
use serde_json::Value;

/// The wrap-up `body` describes, or every field error.
pub fn read(body: &Value) -> Result<WrapUp, Vec<FieldError>> {
    let Some(object) = body.as_object() else {
        return Err(vec![FieldError::new("", codes::INVALID_FORMAT, "The body must be a JSON object.")]);
    };
    let mut e = Vec::new();
    let text = |key: &str, e: &mut Vec<FieldError>| match object.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        None | Some(Value::Null) => {
            e.push(FieldError::new(key, codes::REQUIRED, format!("{key} is required.")));
            None
        }
        Some(_) => {
            e.push(FieldError::new(key, codes::INVALID_FORMAT, format!("{key} must be text.")));
            None
        }
    };
    let contact_id = text("contactId", &mut e);
    let media_type = text("mediaType", &mut e).map(MediaType::from);
    if let Some(MediaType::Other(other)) = &media_type {
        let message = format!("“{other}” is not a media type: PHONE, EMAIL, CHAT or VOICEMAIL.");
        e.push(FieldError::new("mediaType", codes::INVALID_VALUE, message));
    }
    let direction = text("direction", &mut e).map(Direction::from);
    if let Some(Direction::Other(other)) = &direction {
        let message = format!("“{other}” is not a direction: INBOUND or OUTBOUND.");
        e.push(FieldError::new("direction", codes::INVALID_VALUE, message));
    }
    let time = |key: &str, e: &mut Vec<FieldError>| -> Option<DateTime<FixedOffset>> {
        let value = text(key, e)?;
        DateTime::parse_from_rfc3339(&value).ok().or_else(|| {
            let message = format!("{key} must be a date and time with an offset, like 2026-03-01T09:00:00-05:00.");
            e.push(FieldError::new(key, codes::INVALID_FORMAT, message));
            None
        })
    };
    let started_at = time("startedAt", &mut e);
    let ended_at = time("endedAt", &mut e);
    if let (Some(start), Some(end)) = (started_at, ended_at)
        && end < start
    {
        e.push(FieldError::new("endedAt", codes::OUT_OF_RANGE, "endedAt must not be before startedAt."));
    }
    let wrap_up_codes = match object.get("wrapUpCodes") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match v.as_str() {
                Some(s) if s.chars().count() <= 200 => Some(s.to_owned()),
                _ => {
                    let message = "A wrap-up code is text of at most 200 characters.";
                    e.push(FieldError::new(format!("wrapUpCodes[{i}]"), codes::INVALID_FORMAT, message));
                    None
                }
            })
            .collect(),
        Some(_) => {
            e.push(FieldError::new("wrapUpCodes", codes::INVALID_FORMAT, "wrapUpCodes must be a list of texts."));
            Vec::new()
        }
    };
    match (contact_id, media_type, direction, started_at, ended_at) {
        (Some(contact_id), Some(media_type), Some(direction), Some(started_at), Some(ended_at)) if e.is_empty() => {
            Ok(WrapUp { contact_id, media_type, direction, started_at, ended_at, wrap_up_codes })
        }
        _ => Err(e),
    }
}
