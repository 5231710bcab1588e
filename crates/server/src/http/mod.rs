//! What every handler shares and nothing else: the one error type and its problem body, the
//! client's address, the `{tenantId}` path extractor, query-string and JSON-body parsing, the
//! headers every answer carries and the whole-request timeout. This module names no state and no other module of the crate, so any module may use it.

mod body;
mod client;
mod error;
mod headers;
mod query;
mod tenant_path;
mod timeout;

pub use body::{JSON_BODY_LIMIT, JsonBody, json_body_limit};
pub use client::client_addr;
pub use error::{ApiError, method_not_allowed, problem_response};
pub use headers::{common_headers, no_store, no_store_answers};
pub use query::QueryPairs;
pub use tenant_path::{TenantPath, path_segment};
pub use timeout::{DEFAULT_REQUEST_TIMEOUT, request_timeout};
