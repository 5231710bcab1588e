//! The one JSON error body: an RFC 7807 subset (`status`, `title`, `detail`) plus an optional list
//! of field errors saying exactly what was wrong.

use serde::{Deserialize, Serialize};

/// One precise complaint about one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The query parameter, header or body field at fault, as the caller spelled it.
    pub field: String,
    /// A stable machine-readable code (`required`, `forbidden`, `invalid_format`, …).
    pub code: String,
    /// A sentence a person can act on.
    pub message: String,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), code: code.into(), message: message.into() }
    }
}

/// The problem body every error response carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The HTTP status code, repeated.
    pub status: u16,
    /// Short description of the error class (`Bad Request`, `Forbidden`, …).
    pub title: String,
    /// Human-readable explanation.
    pub detail: String,
    /// What exactly was wrong, field by field (400 only; omitted when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Problem {
    /// A problem with the canonical title for `status`.
    pub fn new(status: u16, detail: impl Into<String>) -> Self {
        Self { status, title: title_for(status).to_owned(), detail: detail.into(), errors: Vec::new() }
    }

    /// A 400 listing the field errors.
    pub fn bad_request(detail: impl Into<String>, errors: Vec<FieldError>) -> Self {
        Self { errors, ..Self::new(400, detail) }
    }

    /// The code of the first field error, if any (how clients tell an expired token from a bad one).
    pub fn first_code(&self) -> Option<&str> {
        self.errors.first().map(|e| e.code.as_str())
    }
}

/// The reason phrase used as `title` for the statuses this API answers.
pub fn title_for(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        422 => "Unprocessable Entity",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ if status >= 500 => "Internal Server Error",
        _ => "Error",
    }
}

/// Stable codes shared by server and panel.
pub mod codes {
    /// A required field is missing.
    pub const REQUIRED: &str = "required";
    /// A field is present where the chosen strategy forbids it.
    pub const FORBIDDEN: &str = "forbidden";
    /// A field's value is malformed.
    pub const INVALID_FORMAT: &str = "invalid_format";
    /// A field's value is well-formed but not allowed.
    pub const INVALID_VALUE: &str = "invalid_value";
    /// More than one identity was given.
    pub const CONFLICT: &str = "conflict";
    /// Too many or too few values.
    pub const OUT_OF_RANGE: &str = "out_of_range";
    /// The panel token has expired: the agent must reopen the panel.
    pub const TOKEN_EXPIRED: &str = "token_expired";
    /// The credential is missing or not valid.
    pub const INVALID_CREDENTIALS: &str = "invalid_credentials";
    /// A text is shorter than the rule allows (a search query under 2 characters).
    pub const TOO_SHORT: &str = "too_short";
    /// A text is longer than the rule allows (a name over 200 characters).
    pub const TOO_LONG: &str = "too_long";
    /// The field cannot be written by this caller (a server field, or read-only in the layout).
    pub const READ_ONLY: &str = "read_only";
    /// A field this record (or its custom fields) does not have.
    pub const UNKNOWN_FIELD: &str = "unknown_field";
    /// A phone or email already held by another contact (409, with the contacts in `duplicates`).
    pub const DUPLICATE: &str = "duplicate";
    /// A write that must name the version it changes came without `If-Match` (428).
    pub const PRECONDITION_REQUIRED: &str = "precondition_required";
    /// `If-Match` names a version that is no longer current (412, with the current record).
    pub const PRECONDITION_FAILED: &str = "precondition_failed";
}
