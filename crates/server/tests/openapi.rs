//! The OpenAPI document we serve (`GET /openapi.json`) describes what the real router answers:
//! every path it routes, the published contract refined only where we say more (nullable where the
//! contract's text says `null`, the limits we enforce), real answers valid against it with no
//! exceptions, and every limit it states enforced. The published upstream document stays the
//! conformance reference (tests/contract.rs).

mod common;

use axum::http::StatusCode;
use common::TestServer;
use common::schema::Contract;
use serde_json::Value;

const INSIGHT: &str = "/v1/public/tenants/{tenantId}/interactions-insight";
const SUMMARIES: &str = "/v1/public/tenants/{tenantId}/transcript-summaries";
/// What ours may add to a published schema: words, and statements of what the server enforces.
const REFINEMENTS: &[&str] = &["description", "nullable", "maxItems", "minItems", "minLength", "enum"];

async fn served(server: &TestServer) -> Contract {
    let reply = server.get("/openapi.json", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    Contract::served(reply.json)
}

/// `schema` without the keywords ours may add, at every depth.
fn unrefined(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !REFINEMENTS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), unrefined(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[tokio::test]
async fn our_openapi_document_is_served_and_lists_exactly_what_the_router_serves() {
    let server = TestServer::new().await;
    let ours = served(&server).await.doc;
    let mut paths: Vec<&str> = ours["paths"].as_object().unwrap().keys().map(String::as_str).collect();
    let mut routed = c360_server::API_PATHS.to_vec();
    paths.sort_unstable();
    routed.sort_unstable();
    assert_eq!(paths, routed);
    for path in paths {
        let reply = server.get(&path.replace("{tenantId}", "demo"), &[]).await;
        assert_ne!(reply.status, StatusCode::NOT_FOUND, "{path} is documented but not routed");
    }
}

#[tokio::test]
async fn our_document_refines_the_published_one_and_changes_nothing_else() {
    let server = TestServer::new().await;
    let ours = served(&server).await.doc;
    let upstream = Contract::upstream().doc;
    // Every published property is in ours, the same once our refinements are set aside.
    for (name, schema) in upstream["components"]["schemas"].as_object().unwrap() {
        if name.starts_with("ProblemDetail") && name != "ProblemDetail" {
            continue;
        }
        let mine = &ours["components"]["schemas"][name];
        assert_eq!(mine["type"], schema["type"], "{name}");
        for (prop, definition) in schema["properties"].as_object().unwrap() {
            assert_eq!(unrefined(&mine["properties"][prop]), unrefined(definition), "{name}.{prop}");
        }
    }
    // Every published parameter of the two contract operations, likewise.
    for path in [INSIGHT, SUMMARIES] {
        let mine = ours["paths"][path]["get"]["parameters"].as_array().unwrap();
        for published in upstream["paths"][path]["get"]["parameters"].as_array().unwrap() {
            let name = &published["name"];
            let ours = mine.iter().find(|p| p["name"] == *name).unwrap_or_else(|| panic!("{path}: no {name}"));
            assert_eq!(unrefined(ours), unrefined(published), "{path} {name}");
        }
    }
    // The two nulls the contract's text names are what ours makes nullable.
    let schemas = &ours["components"]["schemas"];
    assert_eq!(schemas["Insights"]["nullable"], true);
    assert_eq!(schemas["AggregatedSentiment"]["nullable"], true);
}

#[tokio::test]
async fn real_answers_match_the_served_schema_nulls_included() {
    let server = TestServer::new().await;
    server.fill_basic_tenant(5).await;
    let served = served(&server).await;
    let key = server.key_for("demo").await;
    let auth = [("x-api-key", key.as_str())];
    let insight = |tenant: &str, query: &str| format!("/v1/public/tenants/{tenant}/interactions-insight?{query}");

    for query in ["phoneNumber=%2B14155550100", "email=maria.gonzalez%40example.com", "contactId=ct-0001&crmId=native"]
    {
        let reply = server.get(&insight("demo", query), &auth).await;
        assert_eq!(reply.status, StatusCode::OK, "{query}");
        served.check(INSIGHT, 200, &reply.json);
    }
    let capped = server.get(&insight("demo", "phoneNumber=%2B14155550100&startTime=2000-01-01T00:00:00Z"), &auth).await;
    assert_eq!(capped.json["interactions"].as_array().unwrap().len(), 50, "72 in the window, capped at 50");
    served.check(INSIGHT, 200, &capped.json);

    // Fewer than two analysed interactions: aggregatedSentiment is null.
    let single = server.get(&insight("demo", "phoneNumber=%2B14155550102"), &auth).await;
    let sentiments = &single.json["insights"]["aggregatedSentiments"];
    assert!(sentiments["totalInteractions"].as_i64().unwrap() < 2 && sentiments["aggregatedSentiment"].is_null());
    served.check(INSIGHT, 200, &single.json);
    // A tenant without Speech Analytics: insights is null.
    let basic = server.get(&insight("basic", "phoneNumber=%2B14155550100"), &auth).await;
    assert_eq!(basic.status, StatusCode::OK);
    assert!(basic.json["insights"].is_null() && !basic.json["interactions"].as_array().unwrap().is_empty());
    served.check(INSIGHT, 200, &basic.json);

    let ids = server.strings("SELECT interaction_id FROM summaries ORDER BY available DESC LIMIT 49").await;
    let query: Vec<String> = ids.iter().map(|i| format!("interactionId={i}")).collect();
    let summaries =
        format!("/v1/public/tenants/demo/transcript-summaries?{}&interactionId=int-unknown", query.join("&"));
    let ok = server.get(&summaries, &auth).await;
    assert_eq!(ok.status, StatusCode::OK);
    served.check(SUMMARIES, 200, &ok.json);

    for (path, uri, headers, status) in [
        (INSIGHT, insight("demo", "phoneNumber=1"), &auth[..], 400),
        (INSIGHT, insight("demo", "phoneNumber=%2B14155550100"), &[][..], 401),
        (INSIGHT, insight("other", "phoneNumber=%2B14155550100"), &auth[..], 403),
        (SUMMARIES, "/v1/public/tenants/demo/transcript-summaries".to_owned(), &auth[..], 400),
    ] {
        let reply = server.get(&uri, headers).await;
        assert_eq!(reply.status.as_u16(), status, "{uri}");
        served.check(path, status, &reply.json);
    }
}

/// The parameters of `GET path` in `doc`.
fn parameters<'a>(doc: &'a Value, path: &str) -> &'a [Value] {
    doc["paths"][path]["get"]["parameters"].as_array().unwrap()
}

#[tokio::test]
async fn every_limit_the_served_document_states_is_enforced_naming_the_field() {
    let server = TestServer::new().await;
    let served = served(&server).await;
    let key = server.key_for("demo").await;
    let auth = [("x-api-key", key.as_str())];
    let refused = async |uri: String, field: &str| {
        let reply = server.get(&uri, &auth).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}: {}", reply.json);
        assert_eq!(reply.json["errors"][0]["field"], field, "{uri}");
        served.check(if uri.contains("summaries") { SUMMARIES } else { INSIGHT }, 400, &reply.json);
    };

    let insight = "/v1/public/tenants/demo/interactions-insight";
    let mut stated = 0;
    for p in parameters(&served.doc, INSIGHT) {
        let name = p["name"].as_str().unwrap();
        if p["schema"]["minLength"] == 1 {
            refused(format!("{insight}?{name}="), name).await;
            stated += 1;
        }
        if let Some(allowed) = p["schema"]["enum"].as_array() {
            assert_eq!(allowed, &[Value::from(c360_wire::NATIVE_CRM)]);
            refused(format!("{insight}?accountId=acct-0000&{name}=hubspot"), name).await;
            stated += 1;
        }
    }
    assert_eq!(stated, 5, "contactId, accountId, email, phoneNumber at least one character; crmId native");

    let ids = &parameters(&served.doc, SUMMARIES).iter().find(|p| p["name"] == "interactionId").unwrap()["schema"];
    let max = ids["maxItems"].as_u64().unwrap();
    assert_eq!((ids["minItems"].as_u64(), ids["items"]["minLength"].as_u64()), (Some(1), Some(1)));
    let summaries = "/v1/public/tenants/demo/transcript-summaries";
    let many = |n: u64| (0..n).map(|i| format!("interactionId=int-{i}")).collect::<Vec<_>>().join("&");
    refused(summaries.to_owned(), "interactionId").await;
    refused(format!("{summaries}?interactionId=int-1&interactionId="), "interactionId").await;
    refused(format!("{summaries}?{}", many(max + 1)), "interactionId").await;
    let at_most = server.get(&format!("{summaries}?{}", many(max)), &auth).await;
    assert_eq!(at_most.status, StatusCode::OK);
    served.check(SUMMARIES, 200, &at_most.json);
}
