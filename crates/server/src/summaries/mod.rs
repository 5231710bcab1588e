//! `GET /v1/public/tenants/{tenantId}/transcript-summaries`: AI summaries for 1 to 50 interactions.
//! Always 200 for well-formed requests: found ones in `summaries`, the others in `partialFailures`.

mod handler;
mod store;

pub use store::{NewSummary, find_sql, insert as insert_summaries};

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

/// Where this resource is served.
pub const PATH: &str = c360_wire::routes::TRANSCRIPT_SUMMARIES;

/// The routes of this resource.
pub fn router() -> Router<AppState> {
    Router::new().route(PATH, get(handler::get_transcript_summaries))
}
