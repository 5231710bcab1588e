//! `GET /v1/public/tenants/{tenantId}/transcript-summaries`: AI summaries for 1 to 50 interactions.
//! Always 200 for well-formed requests: found ones in `summaries`, the others in `partialFailures`.

mod handler;
mod store;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

/// The routes of this resource.
pub fn router() -> Router<AppState> {
    Router::new().route("/v1/public/tenants/{tenant_id}/transcript-summaries", get(handler::get_transcript_summaries))
}
