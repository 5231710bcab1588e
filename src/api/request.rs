//! The one request every call of the client goes through — any verb, an optional JSON body, extra
//! headers (`If-Match`, `Idempotency-Key` for the CRM's writes), an abort signal — sent with
//! gloo-net; and the decoding of answers with serde_json.

use c360_wire::crm::headers::ETAG;
use gloo_net::http::{Method, Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use super::{ApiError, early};

/// What a request sends besides its URL and credentials.
#[derive(Debug, Clone)]
pub struct Outgoing<'a> {
    /// The verb.
    pub method: Method,
    /// A JSON text to send as the body (`Content-Type: application/json`).
    pub json: Option<&'a str>,
    /// Headers beyond `Accept` and `Authorization`.
    pub headers: &'a [(&'a str, &'a str)],
}

impl Outgoing<'_> {
    /// A plain `GET`.
    pub const GET: Outgoing<'static> = Outgoing { method: Method::GET, json: None, headers: &[] };
}

/// The request for `outgoing` to `url` (with `query` appended): it speaks JSON, carries
/// `Authorization: Bearer <token>` if given, and ends when `abort` fires. Public so that what goes
/// on the wire can be checked.
pub fn build_request(
    url: &str,
    query: &[(&str, &str)],
    outgoing: Outgoing<'_>,
    token: Option<&str>,
    abort: Option<&AbortSignal>,
) -> Result<Request, ApiError> {
    let mut request = RequestBuilder::new(url)
        .method(outgoing.method)
        .header("Accept", "application/json")
        .abort_signal(abort)
        .query(query.iter().copied());
    if let Some(token) = token {
        request = request.header("Authorization", &format!("Bearer {token}"));
    }
    for (name, value) in outgoing.headers {
        request = request.header(name, value);
    }
    match outgoing.json {
        Some(json) => request.header("Content-Type", "application/json").body(json),
        None => request.build(),
    }
    .map_err(|_| ApiError::Network("the request could not be made".into()))
}

/// A 2xx answer: its body, and the `ETag` a CRM record comes with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The body as text.
    pub body: String,
    /// The `ETag` header, if any.
    pub etag: Option<String>,
}

/// Sends a request [`build_request`] made with `abort`. Answers a 2xx's body and `ETag`; anything
/// else becomes the [`ApiError`] the agent is shown, and a request aborted at any point is
/// [`ApiError::Aborted`] (so an answer that arrives after its abort is never used).
pub async fn send(request: Request, abort: Option<&AbortSignal>) -> Result<Received, ApiError> {
    let aborted = || abort.is_some_and(AbortSignal::aborted);
    // The browser's reason (offline, refused, CORS) is in its console already.
    let failed =
        || if aborted() { ApiError::Aborted } else { ApiError::Network("the request did not complete".into()) };
    // A read the document's early script already sent (the same URL and verb, with the session's
    // token as the panel reads it) is taken instead of asked again.
    let early = match request.method() {
        Method::GET => early::take(&request.url()).await,
        _ => None,
    };
    let response = match early {
        Some(answer) => {
            JsFuture::from(answer).await.map(|raw| Response::from(raw.unchecked_into::<web_sys::Response>())).ok()
        }
        None => request.send().await.ok(),
    };
    let response = response.ok_or_else(failed)?;
    let body = response.text().await.map_err(|_| failed())?;
    if aborted() {
        return Err(ApiError::Aborted);
    }
    if response.ok() {
        Ok(Received { body, etag: response.headers().get(ETAG) })
    } else {
        let retry_after = response.headers().get("retry-after");
        Err(ApiError::from_response(response.status(), &body, retry_after.as_deref()))
    }
}

/// Decodes a JSON body as `T` (serde_json); anything else is [`ApiError::Decode`].
pub fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(|e| ApiError::Decode(e.to_string()))
}
