//! The body of `POST …/tokens`, checked field by field: each refusal names its field and why.

use c360_wire::problem::{FieldError, codes};
use serde_json::Value;

use crate::http::ApiError;

/// `agentId`: what revocation names.
pub const AGENT_ID: &str = "agentId";
/// `agentName`: what audit records show.
pub const AGENT_NAME: &str = "agentName";
/// `ttlSeconds`: the token's lifetime.
pub const TTL_SECONDS: &str = "ttlSeconds";
/// A token lasts an hour unless asked otherwise.
pub const DEFAULT_TTL_SECS: i64 = 3600;
/// At most a working day: a host asks again for a longer session.
pub const MAX_TTL_SECS: i64 = 8 * 3600;
/// Longest agent id or name, in characters.
pub const MAX_AGENT_CHARS: usize = 200;

/// A valid body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRequest {
    /// Agent id.
    pub agent_id: String,
    /// Agent name.
    pub agent_name: String,
    /// Lifetime in seconds.
    pub ttl_secs: i64,
}

impl TokenRequest {
    /// Reads `body`, or a 400 listing every field that is wrong.
    pub fn from_json(body: &Value) -> Result<Self, ApiError> {
        let Some(object) = body.as_object() else {
            return Err(ApiError::field("", codes::INVALID_FORMAT, "The body must be a JSON object."));
        };
        let mut errors = Vec::new();
        let agent_id = agent_text(object.get(AGENT_ID), AGENT_ID, &mut errors);
        let agent_name = agent_text(object.get(AGENT_NAME), AGENT_NAME, &mut errors);
        let ttl_secs = match object.get(TTL_SECONDS) {
            None | Some(Value::Null) => DEFAULT_TTL_SECS,
            Some(value) => match value.as_i64() {
                Some(secs) if (1..=MAX_TTL_SECS).contains(&secs) => secs,
                Some(_) => {
                    errors.push(FieldError::new(
                        TTL_SECONDS,
                        codes::OUT_OF_RANGE,
                        format!("{TTL_SECONDS} must be between 1 and {MAX_TTL_SECS} (8 hours)."),
                    ));
                    0
                }
                None => {
                    errors.push(FieldError::new(
                        TTL_SECONDS,
                        codes::INVALID_FORMAT,
                        format!("{TTL_SECONDS} must be a whole number of seconds."),
                    ));
                    0
                }
            },
        };
        if errors.is_empty() {
            Ok(Self { agent_id, agent_name, ttl_secs })
        } else {
            let detail = errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join(" ");
            Err(ApiError::BadRequest { detail, errors })
        }
    }
}

/// A required, non-blank text of at most [`MAX_AGENT_CHARS`] characters.
fn agent_text(value: Option<&Value>, field: &str, errors: &mut Vec<FieldError>) -> String {
    let refuse = |code, message: String| FieldError::new(field, code, message);
    match value {
        None | Some(Value::Null) => errors.push(refuse(codes::REQUIRED, format!("{field} is required."))),
        Some(Value::String(text)) if text.trim().is_empty() => {
            errors.push(refuse(codes::REQUIRED, format!("{field} must not be empty.")))
        }
        Some(Value::String(text)) if text.chars().count() > MAX_AGENT_CHARS => {
            errors.push(refuse(codes::TOO_LONG, format!("{field} must be at most {MAX_AGENT_CHARS} characters.")))
        }
        Some(Value::String(text)) if text.contains('\0') => {
            errors.push(refuse(codes::INVALID_FORMAT, format!("{field} must not contain NUL.")))
        }
        Some(Value::String(text)) => return text.clone(),
        Some(_) => errors.push(refuse(codes::INVALID_FORMAT, format!("{field} must be a string."))),
    }
    String::new()
}
