//! The whole-request timeout: from a request's head being read to its answer being ready, reading
//! its body included, so a client trickling a body (or a handler stuck on something) cannot hold a
//! connection and its request for ever. The header-read and idle timeouts are the listener's.

use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use c360_wire::Problem;

use super::error::problem_response;

/// The request timeout of a router nobody configured (`serve --request-timeout`'s default).
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// `router` with every answer due within `limit`; past it, a 408 problem, and the connection
/// closed after it (its request's body may still be on its way).
pub fn request_timeout<S: Clone + Send + Sync + 'static>(router: Router<S>, limit: Duration) -> Router<S> {
    router.layer(middleware::from_fn(move |request: Request, next: Next| async move {
        let (method, path) = (request.method().clone(), request.uri().path().to_owned());
        match tokio::time::timeout(limit, next.run(request)).await {
            Ok(response) => response,
            Err(_) => {
                tracing::warn!(%method, path, seconds = limit.as_secs_f32(), "request timed out");
                timed_out(limit)
            }
        }
    }))
}

fn timed_out(limit: Duration) -> Response {
    let detail = format!("The request was not complete within {} s: send it again.", limit.as_secs_f32());
    let mut response = problem_response(&Problem::new(408, detail));
    response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}
