//! `GET /v1/public/tenants/{tenantId}/interactions-insight`.

mod aggregate;
mod handler;
mod store;

pub use aggregate::{ANALYSED_MAX, ANALYSED_MIN, AnalysedInteraction, compute_insights};
pub use store::{
    ANALYSED_SQL, RECENT_SQL, StoredInteraction, identity_key, identity_query, identity_sql, insert_interactions,
};

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

/// Where this resource is served.
pub const PATH: &str = c360_wire::routes::INTERACTIONS_INSIGHT;

/// The routes of this resource.
pub fn router() -> Router<AppState> {
    Router::new().route(PATH, get(handler::get_interactions_insight))
}
