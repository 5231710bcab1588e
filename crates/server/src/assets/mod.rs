//! The built panel's files (trunk's `dist/`), every unknown path answered with the document.

use std::path::Path;

use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use crate::http::ApiError;

/// The router of the panel's files in `dir`, every unknown path answered with its `index.html`
/// (the panel routes on the client); without a `dir`, a 404 problem for every path.
pub fn router<S: Clone + Send + Sync + 'static>(dir: Option<&Path>) -> Router<S> {
    let Some(dir) = dir else { return Router::new().fallback(|| async { ApiError::NotFound }) };
    Router::new().fallback_service(ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html"))))
}
