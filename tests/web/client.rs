//! What the API client puts on the wire, in headless Chromium: any verb with a JSON body and the
//! headers the CRM's writes need, and a request aborted before it starts.

use c360_panel::api::{ApiClient, ApiError, Outgoing, build_request};
use gloo_net::http::Method;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn a_write_goes_out_with_its_verb_json_body_and_headers() {
    let body = r#"{"displayName":"Dana Whitfield"}"#;
    let outgoing = Outgoing {
        method: Method::PATCH,
        json: Some(body),
        headers: &[("If-Match", "\"3\""), ("Idempotency-Key", "4d1f-9a")],
    };
    let request =
        build_request("/v1/crm/tenants/demo/contacts/c-1", &[("fields", "name phone")], outgoing, Some("v1.t"), None)
            .unwrap();
    assert_eq!(request.method(), Method::PATCH);
    assert!(request.url().ends_with("/v1/crm/tenants/demo/contacts/c-1?fields=name+phone"), "{}", request.url());
    let headers = request.headers();
    for (name, value) in [
        ("if-match", "\"3\""),
        ("idempotency-key", "4d1f-9a"),
        ("content-type", "application/json"),
        ("accept", "application/json"),
        ("authorization", "Bearer v1.t"),
    ] {
        assert_eq!(headers.get(name).as_deref(), Some(value), "{name}");
    }
    assert_eq!(request.text().await.unwrap(), body);
}

#[wasm_bindgen_test]
async fn a_read_is_plain_and_an_aborted_one_answers_aborted() {
    let request = build_request("/v1/panel/tenants/demo/config", &[], Outgoing::GET, None, None).unwrap();
    assert_eq!(request.method(), Method::GET);
    assert_eq!(request.headers().get("authorization"), None, "no token, no credential");
    assert_eq!(request.headers().get("content-type"), None);

    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let client = ApiClient::new("", "demo", "v1.t");
    assert_eq!(client.get_config(Some(&controller.signal())).await, Err(ApiError::Aborted));
}
