//! `GET /v1/public/tenants/{tenantId}/interactions-insight`.

mod aggregate;
mod handler;
mod store;

pub use aggregate::{ANALYSED_MAX, ANALYSED_MIN, AnalysedInteraction, compute_insights};
pub use store::{StoredInteraction, identity_key, insert_interaction};

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

/// The routes of this resource.
pub fn router() -> Router<AppState> {
    Router::new().route("/v1/public/tenants/{tenant_id}/interactions-insight", get(handler::get_interactions_insight))
}
