//! `GET /openapi.json`: our OpenAPI document — the two contract operations as published, refined
//! to describe what we answer (nullable where the contract's text says `null`, the limits we
//! enforce), plus what this server adds (the panel's endpoints, the native CRM). Tests keep it, the
//! published document and the router in step (tests/openapi.rs).

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::routing::get;

/// Where the document is served.
pub const PATH: &str = c360_wire::routes::OPENAPI;

/// The document (crates/server/openapi.json).
pub const DOCUMENT: &str = include_str!("../openapi.json");

/// The route of this document.
pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().route(
        PATH,
        get(|| async { ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], DOCUMENT) }),
    )
}
