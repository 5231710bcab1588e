//! The server's one error type. Every variant answers the shared problem body; causes of 5xx are
//! logged, never sent.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use c360_wire::crm::{Activity, Contact, CrmProblem, etag};
use c360_wire::problem::codes;
use c360_wire::{FieldError, Problem};

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: the request is malformed; `errors` says which field and why.
    #[error("bad request: {detail}")]
    BadRequest { detail: String, errors: Vec<FieldError> },
    /// 401: credentials missing, malformed, unknown or expired; `code` tells which.
    #[error("unauthorized: {detail}")]
    Unauthorized { detail: String, code: &'static str },
    /// 403: the caller may not use this tenant (unknown tenants look the same).
    #[error("forbidden")]
    Forbidden,
    /// 404: no such route or resource.
    #[error("not found")]
    NotFound,
    /// 409: a CRM request for a tenant whose native CRM is off (identity-only).
    #[error("native CRM is off")]
    NativeCrmOff,
    /// 409 `duplicate`: other contacts hold a new contact's phone or email; the body names them.
    #[error("duplicate contact")]
    Duplicate(Box<CrmProblem>),
    /// 412: `If-Match` names a version that is no longer current; the body is the current record,
    /// its `ETag` the current version (the problem is logged, not sent).
    #[error("stale version")]
    Stale(Box<Contact>),
    /// 412: as [`ApiError::Stale`], for an activity: the body is the current activity.
    #[error("stale activity version")]
    StaleActivity(Box<Activity>),
    /// 413: the request body is larger than `limit` bytes.
    #[error("body over {limit} bytes")]
    PayloadTooLarge { limit: usize },
    /// 428: a write that must name the version it changes came without `If-Match`.
    #[error("If-Match required")]
    PreconditionRequired,
    /// 429: too many requests with this credential, or too many failed authentications from this
    /// client address; retry after `retry_after` seconds.
    #[error("rate limited")]
    RateLimited { retry_after: u64 },
    /// 502: the forwarding upstream could not be reached.
    #[error("upstream unreachable: {cause}")]
    UpstreamUnreachable { cause: String },
    /// 504: the forwarding upstream did not answer in time.
    #[error("upstream timed out after {seconds} s")]
    UpstreamTimeout { seconds: f32 },
    /// 500: a database fault.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// 500: stored data could not be decoded.
    #[error("stored data: {0}")]
    Decode(#[from] serde_json::Error),
}

impl ApiError {
    /// A 400 for a single field.
    pub fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        ApiError::BadRequest { detail: message.clone(), errors: vec![FieldError::new(field, code, message)] }
    }

    /// The HTTP status this error answers.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::NativeCrmOff | ApiError::Duplicate(_) => StatusCode::CONFLICT,
            ApiError::Stale(_) | ApiError::StaleActivity(_) => StatusCode::PRECONDITION_FAILED,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::UpstreamUnreachable { .. } => StatusCode::BAD_GATEWAY,
            ApiError::UpstreamTimeout { .. } => StatusCode::GATEWAY_TIMEOUT,
            ApiError::Database(_) | ApiError::Decode(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The problem body sent to the caller.
    pub fn problem(&self) -> Problem {
        let status = self.status().as_u16();
        match self {
            ApiError::BadRequest { detail, errors } => Problem::bad_request(detail.clone(), errors.clone()),
            ApiError::Unauthorized { detail, code } => Problem {
                errors: vec![FieldError::new("Authorization", *code, detail.clone())],
                ..Problem::new(status, detail.clone())
            },
            ApiError::Forbidden => Problem::new(status, "Forbidden"),
            ApiError::NotFound => Problem::new(status, "Not found"),
            ApiError::NativeCrmOff => Problem {
                title: "Native CRM is off".into(),
                errors: vec![FieldError::new(
                    c360_wire::routes::params::TENANT_ID,
                    c360_wire::panel::NATIVE_CRM_OFF,
                    "Native CRM is off for this tenant: it shows customer identity and history only.",
                )],
                ..Problem::new(
                    status,
                    "This workspace has no native CRM, so contacts and activities cannot be created or edited here.",
                )
            },
            ApiError::Duplicate(crm) => crm.problem.clone(),
            ApiError::Stale(current) => stale(status, current.version),
            ApiError::StaleActivity(current) => stale(status, current.version),
            ApiError::PayloadTooLarge { limit } => {
                Problem::new(status, format!("The request body is larger than {} KiB.", limit / 1024))
            }
            ApiError::PreconditionRequired => Problem {
                errors: vec![FieldError::new(
                    c360_wire::crm::headers::IF_MATCH,
                    codes::PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the version you changed.",
                )],
                ..Problem::new(status, "This change must say which version it is based on (If-Match).")
            },
            ApiError::RateLimited { retry_after } => {
                Problem::new(status, format!("Too many requests: try again in {retry_after} seconds"))
            }
            ApiError::UpstreamUnreachable { .. } => {
                Problem::new(status, "The Customer 360 upstream is unreachable: try again shortly")
            }
            ApiError::UpstreamTimeout { seconds } => {
                Problem::new(status, format!("The Customer 360 upstream is unreachable: no answer within {seconds} s"))
            }
            ApiError::Database(_) | ApiError::Decode(_) => Problem::new(status, "Internal server error"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        } else {
            tracing::debug!(error = %self, "request refused");
        }
        let mut response = match &self {
            // The two answers that carry more than a problem: the contacts in the way, and the
            // current record itself (the spec's 412 body; it could not carry the problem's fields
            // too, as a contact has a `title` of its own).
            ApiError::Duplicate(crm) => json_response(self.status(), crm),
            ApiError::Stale(current) => with_etag(json_response(self.status(), current), current.version),
            ApiError::StaleActivity(current) => with_etag(json_response(self.status(), current), current.version),
            _ => problem_response(&self.problem()),
        };
        match self {
            ApiError::Unauthorized { .. } => {
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer, ApiKey header=\"x-api-key\""));
            }
            ApiError::RateLimited { retry_after } => {
                response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
            }
            _ => {}
        }
        response
    }
}

/// The 412 problem (logged, not sent: the body is the current record).
fn stale(status: u16, version: i64) -> Problem {
    Problem {
        errors: vec![FieldError::new(
            c360_wire::crm::headers::IF_MATCH,
            codes::PRECONDITION_FAILED,
            format!("This record is at version {version} now."),
        )],
        ..Problem::new(status, "Someone else changed this record since you read it: this is the current one.")
    }
}

/// `response` with `version` as its `ETag`.
fn with_etag(mut response: Response, version: i64) -> Response {
    if let Ok(tag) = HeaderValue::from_str(&etag(version)) {
        response.headers_mut().insert(header::ETAG, tag);
    }
    response
}

/// Serialises a problem with its status. `application/json`, as the published contract declares it.
pub fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    json_response(status, problem)
}

/// The 405 problem for a method a path does not serve.
pub async fn method_not_allowed() -> Response {
    problem_response(&Problem::new(405, "Method not allowed"))
}

fn json_response(status: StatusCode, body: &impl serde::Serialize) -> Response {
    let body = serde_json::to_vec(body).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response()
}
