//! `c360-server`: the Customer 360 reference API server.
//!
//! It implements the public Customer 360 contract over an embedded SQLite database, authenticates
//! machine clients (API keys) and the panel (signed panel tokens), and serves the built panel from
//! the same origin. [`app`] builds the real router so tests drive exactly what production runs.

pub mod auth;
pub mod cli;
pub mod crm;
pub mod csp;
pub mod db;
pub mod demo;
pub mod error;
pub mod import;
pub mod insights;
pub mod openapi;
pub mod panel;
pub mod plans;
pub mod query;
pub mod ratelimit;
pub mod state;
pub mod summaries;
pub mod tenants;
pub mod upstream;
pub mod web;
pub mod workspace;

pub use state::AppState;

/// Every path the router serves besides the panel's files, as `openapi.json` must list them.
pub const API_PATHS: &[&str] =
    &[insights::PATH, summaries::PATH, panel::HOST_ORIGINS_PATH, panel::CONFIG_PATH, openapi::PATH];

use axum::Router;

/// The whole application: API routes, then the panel's static files.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .merge(insights::router())
        .merge(summaries::router())
        .merge(panel::router())
        .merge(crm::router(&state))
        .merge(openapi::router());
    web::finish(api, &state).with_state(state)
}
