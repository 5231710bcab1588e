//! One GET over the browser's `fetch`, answering the parsed JSON body or an [`ApiError`].
//!
//! Written on `web_sys` directly rather than an HTTP client crate, and decoded with the browser's
//! own `JSON.parse` (then [`from_js`]) rather than `serde_json`: the panel needs exactly one verb,
//! and the client crate and a second JSON parser cost about 14 KB of the 200 KB gzip budget
//! (docs/performance.md).

use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

use super::ApiError;
use super::from_js::from_js;

/// `GET url` with `Accept: application/json` and, if given, `Authorization: Bearer <token>`.
/// A 2xx body is decoded as `T`; anything else is mapped by [`ApiError::from_response`].
pub async fn get<T: DeserializeOwned>(url: &str, token: Option<&str>) -> Result<T, ApiError> {
    let (status, text) = get_ok(url, token).await?;
    decode(&text).ok_or_else(|| ApiError::Decode(format!("not the expected JSON (status {status})")))
}

/// The request itself, answering a 2xx status and its body. Not generic, so the fetch and its
/// awaits are compiled once rather than once per response type.
async fn get_ok(url: &str, token: Option<&str>) -> Result<(u16, String), ApiError> {
    // The browser's reason (offline, refused, CORS) is in its console already; `Debug` of a
    // `JsValue` would pull in a formatter for every JS type.
    let network = |_: JsValue| ApiError::Network("the request did not complete".into());
    let init = RequestInit::new();
    init.set_method("GET");
    let request = Request::new_with_str_and_init(url, &init).map_err(network)?;
    let headers = request.headers();
    headers.set("Accept", "application/json").map_err(network)?;
    if let Some(token) = token {
        headers.set("Authorization", &format!("Bearer {token}")).map_err(network)?;
    }
    let window = web_sys::window().ok_or_else(|| ApiError::Network("no window".into()))?;
    let response: Response =
        JsFuture::from(window.fetch_with_request(&request)).await.map_err(network)?.unchecked_into();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    let status = response.status();
    if (200..300).contains(&status) {
        Ok((status, text))
    } else {
        let retry_after = response.headers().get("retry-after").ok().flatten();
        let error = ApiError::from_response(status, &text, retry_after.as_deref());
        if status == 401 {
            super::auth_required(matches!(error, ApiError::TokenExpired));
        }
        Err(error)
    }
}

/// Decodes a JSON text as `T` with the browser's parser; `None` if it is not JSON or not a `T`.
pub fn decode<T: DeserializeOwned>(text: &str) -> Option<T> {
    from_js(js_sys::JSON::parse(text).ok()?)
}
