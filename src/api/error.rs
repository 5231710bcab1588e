//! `ApiError`: every way a call can fail, in the terms the panel shows an agent.

use c360_wire::Problem;
use c360_wire::crm::{Activity, Contact, CrmProblem};
use c360_wire::problem::codes;

/// Why a call failed, in the terms the panel shows an agent.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    /// The panel token has expired: the agent must reopen the panel.
    #[error("Your session has expired")]
    TokenExpired,
    /// No or an invalid credential.
    #[error("Not signed in: {0}")]
    Unauthorized(String),
    /// The token does not cover this tenant.
    #[error("This workspace is not allowed to see this customer")]
    Forbidden,
    /// The request was refused as malformed.
    #[error("{}", .0.detail)]
    BadRequest(Problem),
    /// A CRM record changed since the panel read it (412): the current one, to merge with.
    #[error("Someone else changed this record meanwhile")]
    Stale(Box<Contact>),
    /// An activity changed since the panel read it (412): the current one, to show instead.
    #[error("Someone else changed this record meanwhile")]
    StaleActivity(Box<Activity>),
    /// Other contacts already hold a phone number or email of a new contact (409 `duplicate`).
    #[error("{}", .0.problem.detail)]
    Duplicate(Box<CrmProblem>),
    /// Too many requests; retry after the given seconds.
    #[error("The service is busy")]
    RateLimited { retry_after: Option<u32> },
    /// The service failed (5xx).
    #[error("The service failed ({status}): {detail}")]
    Server { status: u16, detail: String },
    /// The service could not be reached.
    #[error("Cannot reach the service")]
    Network(String),
    /// The answer could not be read.
    #[error("The service sent an answer the panel cannot read")]
    Decode(String),
    /// The panel cancelled the request: a newer one superseded it, or what asked for it is gone.
    /// Never shown; a superseded read is replaced by its successor's answer.
    #[error("The request was cancelled")]
    Aborted,
}

/// Two errors are the same when they carry the same words; a 412 or a 409 never equals another,
/// each carrying records to show (comparing them field by field cost the bundle 1 KB brotli for
/// memos that only hold read errors, docs/performance.md).
impl PartialEq for ApiError {
    fn eq(&self, other: &Self) -> bool {
        use ApiError::*;
        match (self, other) {
            (Unauthorized(a), Unauthorized(b)) | (Network(a), Network(b)) | (Decode(a), Decode(b)) => a == b,
            (BadRequest(a), BadRequest(b)) => a == b,
            (RateLimited { retry_after: a }, RateLimited { retry_after: b }) => a == b,
            (Server { status: a, detail: c }, Server { status: b, detail: d }) => a == b && c == d,
            (TokenExpired, TokenExpired) | (Forbidden, Forbidden) | (Aborted, Aborted) => true,
            _ => false,
        }
    }
}

impl ApiError {
    /// Maps a non-2xx answer to an error, reading the problem body when there is one (any other
    /// body, JSON or not, is tolerated). The CRM's two answers with more than a problem are read
    /// whole: a 412 carries the current record, a 409 `duplicate` the contacts in the way.
    pub fn from_response(status: u16, body: &str, retry_after: Option<&str>) -> Self {
        match status {
            412 => {
                if let Ok(current) = serde_json::from_str::<Activity>(body) {
                    return ApiError::StaleActivity(Box::new(current));
                }
                if let Ok(current) = serde_json::from_str::<Contact>(body) {
                    return ApiError::Stale(Box::new(current));
                }
            }
            409 => {
                if let Ok(crm) = serde_json::from_str::<CrmProblem>(body).map(Box::new)
                    && crm.is_duplicate()
                {
                    return ApiError::Duplicate(crm);
                }
            }
            _ => {}
        }
        let problem = serde_json::from_str::<Problem>(body).ok();
        let detail = problem.as_ref().map(|p| p.detail.clone()).unwrap_or_else(|| body.chars().take(200).collect());
        match status {
            401 if problem.as_ref().and_then(Problem::first_code) == Some(codes::TOKEN_EXPIRED) => {
                ApiError::TokenExpired
            }
            401 => ApiError::Unauthorized(detail),
            403 => ApiError::Forbidden,
            429 => ApiError::RateLimited { retry_after: retry_after.and_then(|s| s.trim().parse().ok()) },
            400..=499 => ApiError::BadRequest(problem.unwrap_or_else(|| Problem::new(status, detail))),
            _ => ApiError::Server { status, detail },
        }
    }

    /// Whether trying again may help (as opposed to reopening the panel).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ApiError::RateLimited { .. }
                | ApiError::Server { .. }
                | ApiError::Network(_)
                | ApiError::Decode(_)
                | ApiError::Aborted
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_write_carries_the_current_record_and_a_duplicate_its_holders() {
        let current = r#"{"contactId":"c-1","firstName":"Dana","lastName":"Whitfield","crmUrl":"/c/c-1","version":5,
            "createdAt":"2026-01-05T10:00:00Z","updatedAt":"2026-02-01T08:30:15Z","updatedBy":"Sam"}"#;
        let ApiError::Stale(contact) = ApiError::from_response(412, current, None) else { panic!("not stale") };
        assert_eq!((contact.version, contact.updated_by.as_str()), (5, "Sam"));
        let activity = r#"{"activityId":"a-1","type":"task","contactId":"c-1","subject":"Call back",
            "task":{"dueAt":"2026-03-02T17:00:00Z"},"version":4,"createdAt":"2026-03-01T09:12:00Z","createdBy":"Sam"}"#;
        let ApiError::StaleActivity(current) = ApiError::from_response(412, activity, None) else {
            panic!("not stale")
        };
        assert_eq!((current.activity_id.as_str(), current.version), ("a-1", 4));
        let duplicate = r#"{"status":409,"title":"Conflict","detail":"Dana Whitfield already has this phone number or email.",
            "errors":[{"field":"phones[0]","code":"duplicate","message":"Dana Whitfield already has +14155550100."}],
            "duplicates":[{"contactId":"c-1","firstName":"Dana","lastName":"Whitfield","phones":["+14155550100"]}]}"#;
        let ApiError::Duplicate(crm) = ApiError::from_response(409, duplicate, None) else { panic!("not a duplicate") };
        assert_eq!(crm.duplicates[0].full_name(), "Dana Whitfield");
        assert_eq!(crm.problem.errors[0].field, "phones[0]");
        let off = r#"{"status":409,"title":"Conflict","detail":"Native CRM is off.","errors":[{"field":"tenantId","code":"native_crm_off","message":"x"}]}"#;
        assert!(matches!(ApiError::from_response(409, off, None), ApiError::BadRequest(p) if p.status == 409));
        let required = ApiError::from_response(
            428,
            r#"{"status":428,"title":"Precondition Required","detail":"Send If-Match."}"#,
            None,
        );
        assert!(matches!(required, ApiError::BadRequest(p) if p.status == 428), "a 428 is a plain problem");
    }

    #[test]
    fn maps_answers_to_what_the_agent_is_told() {
        let expired = r#"{"status":401,"title":"Unauthorized","detail":"Panel token expired","errors":[{"field":"Authorization","code":"token_expired","message":"x"}]}"#;
        assert_eq!(ApiError::from_response(401, expired, None), ApiError::TokenExpired);
        assert!(matches!(ApiError::from_response(401, "nope", None), ApiError::Unauthorized(_)));
        assert_eq!(ApiError::from_response(403, "<html>", None), ApiError::Forbidden);
        assert_eq!(ApiError::from_response(429, "", Some("7")), ApiError::RateLimited { retry_after: Some(7) });
        let bad = ApiError::from_response(
            400,
            r#"{"status":400,"title":"Bad Request","detail":"Invalid search criteria"}"#,
            None,
        );
        assert_eq!(bad.to_string(), "Invalid search criteria");
        let server = ApiError::from_response(502, "upstream down", None);
        assert!(server.is_retryable());
        assert!(!ApiError::TokenExpired.is_retryable());
    }
}
