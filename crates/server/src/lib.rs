//! `c360-server`: the Customer 360 reference API server.
//!
//! It implements the public Customer 360 contract over an embedded SQLite file or a shared
//! PostgreSQL database (`db`: one data layer, the engine chosen by the URL), authenticates
//! machine clients (API keys) and the panel (signed panel tokens), and serves the built panel from
//! the same origin. [`app`] builds the real router so tests drive exactly what production runs.
//!
//! Modules import one another in one direction only (`tests/module_graph.rs` checks it), from the
//! edges inwards: `cli` → `workspace`, `demo`, `import` → the resources (`insights`, `summaries`,
//! `panel`, `crm`, `openapi`) → `state` → `upstream` → `auth` → `tenants`, `ratelimit` → `db` →
//! `http`; `assets` and `csp` serve the panel's files beside them.

pub mod assets;
pub mod auth;
pub mod cli;
pub mod crm;
pub mod csp;
pub mod db;
pub mod demo;
pub mod http;
pub mod import;
pub mod insights;
pub mod openapi;
pub mod panel;
pub mod plans;
pub mod ratelimit;
pub mod state;
pub mod summaries;
pub mod tenants;
pub mod upstream;
pub mod workspace;

pub use state::AppState;

/// Every path the router serves besides the panel's files, as `openapi.json` must list them.
pub const API_PATHS: &[&str] = &[
    insights::PATH,
    summaries::PATH,
    panel::HOST_ORIGINS_PATH,
    panel::CONFIG_PATH,
    panel::TOKENS_PATH,
    panel::REVOKE_PATH,
    openapi::PATH,
    c360_wire::routes::CRM_CONTACTS,
    c360_wire::routes::CRM_CONTACT,
    c360_wire::routes::CRM_CONTACT_HISTORY,
    c360_wire::routes::CRM_LAYOUTS,
    c360_wire::routes::CRM_LAYOUT,
    c360_wire::routes::CRM_FIELDS,
    c360_wire::routes::CRM_FIELD,
    c360_wire::routes::CRM_ACTIVITIES,
    c360_wire::routes::CRM_ACTIVITY,
    c360_wire::routes::CRM_CONTACT_RELATED,
    c360_wire::routes::CRM_INTERACTION_LINK,
    c360_wire::routes::CRM_WRAP_UP,
];

use axum::Router;
use axum::routing::any;
use c360_wire::routes;

use crate::http::ApiError;

/// The whole application: the API router with its policy (never stored: `no-store`), then the
/// panel's files with theirs (cached by name).
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .merge(insights::router())
        .merge(summaries::router())
        .merge(panel::router())
        .merge(crm::router(&state))
        .merge(openapi::router())
        // Unknown API paths and methods answer problems, never the panel.
        .route(routes::API, any(|| async { ApiError::NotFound }))
        .route(routes::API_ANY, any(|| async { ApiError::NotFound }))
        .method_not_allowed_fallback(http::method_not_allowed);
    let index = state.static_dir.as_ref().map(|dir| dir.join("index.html"));
    let document_policy = csp::DocumentPolicy::new(state.db.clone(), state.host_origins.clone(), index);
    // The timeout inside each router's policy, so a 408 carries it too.
    let api = csp::api(http::no_store_answers(http::request_timeout(api, state.request_timeout)));
    let files = http::request_timeout(assets::router(state.static_dir.as_deref()), state.request_timeout);
    let files = csp::document(files, document_policy);
    http::common_headers(api.merge(files)).with_state(state)
}
