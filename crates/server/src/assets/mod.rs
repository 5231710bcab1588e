//! The built panel's files (trunk's `dist/`), served the way a production asset server does. The
//! hashed assets (`*.wasm`, `*.js`, `*.css`) are answered from the brotli or gzip file built beside
//! each (`cargo xtask compress`, run by trunk after every release build) when the browser accepts
//! it, and kept for a year; the document, the files copied under their own names and every path
//! the panel routes on the client are revalidated on each use ([`cache`]).

mod cache;

use std::path::Path;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::middleware;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeader;

use crate::http::ApiError;

/// The router of the panel's files in `dir`, every unknown path answered with its `index.html`
/// (the panel routes on the client); without a `dir`, a 404 problem for every path.
pub fn router<S: Clone + Send + Sync + 'static>(dir: Option<&Path>) -> Router<S> {
    let Some(dir) = dir else { return Router::new().fallback(|| async { ApiError::NotFound }) };
    // The document is one service for `/`, `/index.html` and every fallback, never precompressed:
    // the CSP hash of its inline script is read from index.html itself, and a stale compressed copy
    // beside an edited index.html would run a script the policy refuses.
    let document = SetResponseHeader::overriding(
        ServeFile::new(dir.join("index.html")),
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache::NO_CACHE),
    );
    // No directory redirects: ServeDir answers `/dir` with `Location: /dir/` built from the path as
    // asked, so `//public` would send the browser to `//public/`, the host `public`. The panel has
    // no directory pages, so `/dir` and `/dir/` are client routes like any other (the document).
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .redirect_to_trailing_slash(false)
        .fallback(document.clone());
    Router::new()
        .route_service("/", document.clone())
        .route_service("/index.html", document)
        .fallback_service(files)
        .layer(middleware::from_fn(cache::cache_control))
}
