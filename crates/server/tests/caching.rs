//! What browsers and proxies may keep, through the real router: no API answer — contract, panel or
//! CRM, read or write, success or problem — may be stored (`Cache-Control: no-store`; `no-cache`
//! still lets a cache store customer data). The panel's files keep their caching (tests/assets.rs).

mod common;

use axum::http::Method;
use c360_wire::routes;
use common::activities::{call_wrap_up, task};
use common::crm::{Crm, OTHER, TENANT};
use common::{Reply, send};
use serde_json::json;

const PHONE: &str = "+14155550100";

fn assert_no_store(what: &str, reply: &Reply) {
    let value = reply.headers.get("cache-control").map(|v| v.to_str().unwrap());
    assert_eq!(value, Some("no-store"), "{what}: {}", reply.status);
}

#[tokio::test]
async fn every_answer_carrying_customer_data_says_no_store() {
    let crm = Crm::new().await;
    let key = crm.server.key_for("demo").await;
    let api_key = [("x-api-key", key.as_str())];
    let summary = crm.server.strings("SELECT interaction_id FROM summaries WHERE available = TRUE LIMIT 1").await;

    // The contract's endpoints, with the demo customer's data in them.
    let insight = format!("{}?phoneNumber=%2B14155550100", routes::interactions_insight("demo"));
    let summaries = format!("{}?interactionId={}", routes::transcript_summaries("demo"), summary[0]);
    for uri in [insight, summaries] {
        let reply = crm.server.get(&uri, &api_key).await;
        assert_eq!(reply.status, 200, "{uri}: {}", reply.json);
        assert!(reply.json.to_string().contains(&summary[0]) || reply.json["interactions"][0].is_object());
        assert_no_store(&uri, &reply);
    }

    // The panel's endpoints.
    for uri in [routes::host_origins(TENANT), routes::panel_config(TENANT)] {
        let reply = crm.get(&uri).await;
        assert_eq!(reply.status, 200, "{uri}: {}", reply.json);
        assert_no_store(&uri, &reply);
    }

    // The CRM: writes and the reads of what they wrote.
    let dana = crm.created(json!({"firstName": "Dana", "lastName": "Whitfield", "phones": [PHONE]})).await;
    let id = dana["contactId"].as_str().unwrap();
    let created = crm.create(json!({"firstName": "Sam", "lastName": "Whitfield", "emails": ["sam@example.com"]})).await;
    assert_eq!(created.status, 201);
    assert_no_store("a created contact", &created);
    let patched = crm.patch(id, json!({"company": "Whitfield Bakery"}), Some(dana["version"].as_i64().unwrap())).await;
    assert_eq!(patched.status, 200, "{}", patched.json);
    assert_no_store("a patched contact", &patched);
    let activity = crm.post_activity(&task(id), None).await;
    assert_eq!(activity.status, 201, "{}", activity.json);
    assert_no_store("a created activity", &activity);
    let wrap_up = crm.wrap_up("int-caching-1", &call_wrap_up(id)).await;
    assert_eq!(wrap_up.status, 200, "{}", wrap_up.json);
    assert_no_store("a wrap-up", &wrap_up);
    for uri in [
        routes::crm_contact_search(TENANT, "dana", None),
        routes::crm_contact(TENANT, id),
        routes::crm_contact_history(TENANT, id),
        routes::crm_contact_related(TENANT, id, None),
        routes::crm_layouts(TENANT, "contact"),
        routes::crm_fields(TENANT, "contact"),
    ] {
        let reply = crm.get(&uri).await;
        assert_eq!(reply.status, 200, "{uri}: {}", reply.json);
        assert_no_store(&uri, &reply);
    }

    // Problems too: they can name a customer's identifiers.
    let state = &crm.server.state;
    let contact = routes::crm_contact(TENANT, id);
    for (what, reply, status) in [
        ("no credential", send(state, Method::GET, &contact, &[]).await, 401),
        ("another tenant", crm.get(&routes::crm_contact(OTHER, id)).await, 403),
        ("a bad query", crm.get(&format!("{}?phoneNumber=1", routes::interactions_insight(TENANT))).await, 400),
        ("an unknown contact", crm.get(&routes::crm_contact(TENANT, "nobody")).await, 404),
        ("an unknown API path", crm.get("/v1/nothing/here").await, 404),
        ("a method the path lacks", crm.call(Method::DELETE, &contact, None, &[]).await, 405),
    ] {
        assert_eq!(reply.status, status, "{what}: {}", reply.json);
        assert_no_store(what, &reply);
    }
}

#[tokio::test]
async fn every_api_path_answers_no_store_whatever_it_answers() {
    let crm = Crm::new().await;
    for template in c360_server::API_PATHS {
        let uri = template
            .replace("{tenantId}", TENANT)
            .replace("{contactId}", "c-1")
            .replace("{activityId}", "a-1")
            .replace("{interactionId}", "int-1")
            .replace("{layoutId}", "l-1")
            .replace("{field}", "f-1");
        for method in [Method::GET, Method::POST, Method::PATCH] {
            let reply = crm.call(method.clone(), &uri, Some(&json!({})), &[]).await;
            assert_no_store(&format!("{method} {uri}"), &reply);
        }
    }
}
