//! No CRM request can produce a 5xx by being malformed, on both engines: hostile query strings,
//! path ids, headers and bodies through the real router, each answered 2xx/4xx with a JSON body.

mod common;

use axum::http::Method;
use common::crm::Crm;
use serde_json::{Value, json};

const NASTY: &[&str] = &[
    "",
    "%00",
    "%FF%FE",
    "%",
    "+",
    "😀",
    "\u{202e}evil",
    "a\u{0}b",
    "\u{10FFFF}",
    "9999999999999999999999",
    "-1",
    "1e309",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\" OR \"\"=\"",
    "*",
    "NEAR(a b)",
    "a%",
    "_",
    "\\",
];

fn encode(s: &str) -> String {
    c360_wire::urlencoding::encode(s)
}

async fn check(crm: &Crm, method: Method, uri: &str, body: Option<String>, headers: &[(&str, &str)]) {
    let Ok(uri) = axum::http::Uri::try_from(uri) else { return };
    let mut all: Vec<(&str, &str)> = vec![(crm.auth.0.as_str(), crm.auth.1.as_str())];
    all.extend_from_slice(headers);
    let reply = common::send_json(&crm.server.state, method.clone(), &uri.to_string(), body.clone(), &all).await;
    assert!(!reply.status.is_server_error(), "{method} {uri} {body:?} answered {}: {}", reply.status, reply.json);
    assert!(reply.json.is_object(), "{method} {uri}: a JSON body, not {}", reply.json);
}

#[tokio::test]
async fn hostile_queries_paths_and_headers_never_cause_a_server_error() {
    let crm = Crm::new().await;
    let dana = crm.created(json!({"firstName": "Dana", "lastName": "Whitfield", "phones": ["+14155550100"]})).await;
    let id = dana["contactId"].as_str().unwrap().to_owned();
    let long = "x".repeat(5_000);
    for value in NASTY.iter().copied().chain([long.as_str()]) {
        for param in ["q", "limit", "phoneNumber", "email"] {
            for query in [
                format!("{param}={value}"),
                format!("{param}={}", encode(value)),
                format!("q=dana&limit={}", encode(value)),
            ] {
                check(&crm, Method::GET, &format!("{}?{query}", Crm::path("contacts")), None, &[]).await;
            }
        }
        for path in [format!("contacts/{}", encode(value)), format!("contacts/{}/history", encode(value))] {
            check(&crm, Method::GET, &Crm::path(&path), None, &[]).await;
        }
        for resource in ["layouts", "fields"] {
            check(&crm, Method::GET, &Crm::path(&format!("{resource}?recordType={}", encode(value))), None, &[]).await;
        }
        let body = Some(json!({"title": "x"}).to_string());
        if axum::http::HeaderValue::from_str(value).is_ok() {
            check(&crm, Method::PATCH, &Crm::path(&format!("contacts/{id}")), body.clone(), &[("if-match", value)])
                .await;
        }
        let create = Some(json!({"firstName": "A", "lastName": "B", "emails": ["a@b.co"]}).to_string());
        check(&crm, Method::POST, &format!("{}?allowDuplicate={}", Crm::path("contacts"), encode(value)), create, &[])
            .await;
    }
}

#[tokio::test]
async fn hostile_bodies_never_cause_a_server_error() {
    let crm = Crm::new().await;
    let dana = crm.created(json!({"firstName": "Dana", "lastName": "Whitfield", "phones": ["+14155550100"]})).await;
    let id = dana["contactId"].as_str().unwrap().to_owned();
    let fields =
        ["firstName", "lastName", "emails", "phones", "company", "accountId", "title", "address", "customFields"];
    let mut values: Vec<Value> = NASTY.iter().map(|s| json!(s)).collect();
    values.extend([
        json!(null),
        json!(1e308),
        json!(-0),
        json!(u64::MAX),
        json!(true),
        json!([]),
        json!({}),
        json!([[[]]]),
    ]);
    values.extend([
        json!(["+14155550100", "%00", 7]),
        json!({"country": "\u{0}", "street": ["x"]}),
        json!({"a\u{0}b": 1}),
    ]);
    for field in fields {
        for value in &values {
            let body = json!({ field: value }).to_string();
            let mut full = json!({"firstName": "A", "lastName": "B", "emails": ["a@b.co"]});
            full[field] = value.clone();
            check(&crm, Method::POST, &Crm::path("contacts"), Some(full.to_string()), &[]).await;
            check(&crm, Method::PATCH, &Crm::path(&format!("contacts/{id}")), Some(body), &[("if-match", "\"1\"")])
                .await;
        }
    }
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    for raw in [deep.as_str(), "{\"firstName\": \"\\ud800\"}", "{\"a\":1,\"a\":2}", "\u{feff}{}", "nul\u{0}"] {
        check(&crm, Method::POST, &Crm::path("contacts"), Some(raw.to_owned()), &[]).await;
        check(
            &crm,
            Method::PATCH,
            &Crm::path(&format!("contacts/{id}")),
            Some(raw.to_owned()),
            &[("if-match", "\"1\"")],
        )
        .await;
    }
    let key = crm.server.key_for(common::crm::TENANT).await;
    for value in &values {
        for (path, body) in [
            ("fields/tier?recordType=contact", json!({"label": value, "type": value, "options": value})),
            ("layouts/l1", json!({"name": value, "recordType": value, "fields": value})),
            (
                "layouts/l2",
                json!({"name": "L", "recordType": "contact", "fields": [{"field": value, "required": value}]}),
            ),
        ] {
            let reply = common::send_json(
                &crm.server.state,
                Method::PUT,
                &Crm::path(path),
                Some(body.to_string()),
                &[("x-api-key", &key)],
            )
            .await;
            assert!(!reply.status.is_server_error(), "PUT {path} {body} answered {}", reply.status);
        }
    }
}
