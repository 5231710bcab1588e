//! The transcript-summaries endpoint over the real router and a real database.

mod common;

use axum::http::StatusCode;
use c360_wire::TranscriptSummariesResponse;
use common::{TestServer, bearer};

fn uri(tenant: &str, ids: &[&str]) -> String {
    let query: Vec<String> = ids.iter().map(|id| format!("interactionId={id}")).collect();
    format!("/v1/public/tenants/{tenant}/transcript-summaries?{}", query.join("&"))
}

#[tokio::test]
async fn found_missing_and_unavailable_summaries_are_told_apart_in_one_200() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let available = server.strings("SELECT interaction_id FROM summaries WHERE available = TRUE LIMIT 2").await;
    let unavailable = server.strings("SELECT interaction_id FROM summaries WHERE available = FALSE LIMIT 1").await;
    let email = server.strings("SELECT interaction_id FROM interactions WHERE media_type = 'EMAIL' LIMIT 1").await;
    assert_eq!((available.len(), unavailable.len(), email.len()), (2, 1, 1), "demo data has each kind");

    let asked = [&*available[0], &*unavailable[0], &*email[0], "int-does-not-exist", &*available[1]];
    let reply = server.get(&uri("demo", &asked), &[("x-api-key", &key)]).await;
    assert_eq!(reply.status, StatusCode::OK);
    let body: TranscriptSummariesResponse = serde_json::from_value(reply.json.clone()).unwrap();
    let found: Vec<&str> = body.summaries.iter().map(|s| s.interaction_id.as_str()).collect();
    assert_eq!(found, [available[0].as_str(), available[1].as_str()]);
    let first = &body.summaries[0];
    assert!(!first.content.result.is_empty());
    assert_eq!((first.content.status.as_str(), first.content.kind.as_str()), ("success", "summary"));
    assert_eq!(first.metadata.size_bytes, first.content.result.len() as i64);
    assert!(!first.metadata.created_at.contains('+') && !first.metadata.created_at.ends_with('Z'), "no offset");
    let failures: Vec<(&str, &str)> =
        body.partial_failures.iter().map(|f| (f.interaction_id.as_str(), f.reason.as_str())).collect();
    assert_eq!(
        failures,
        [
            (unavailable[0].as_str(), "Summary not available"),
            (email[0].as_str(), "Summary not found"),
            ("int-does-not-exist", "Summary not found"),
        ]
    );
}

#[tokio::test]
async fn one_to_fifty_ids_and_nothing_else() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let none = server.get("/v1/public/tenants/demo/transcript-summaries", &[("x-api-key", &key)]).await;
    assert_eq!(none.status, StatusCode::BAD_REQUEST);
    assert_eq!(none.json["errors"][0]["field"], "interactionId");
    assert_eq!(none.json["errors"][0]["code"], "required");

    let fifty: Vec<String> = (0..50).map(|i| format!("int-{i}")).collect();
    let fifty: Vec<&str> = fifty.iter().map(String::as_str).collect();
    let ok = server.get(&uri("demo", &fifty), &[("x-api-key", &key)]).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.json["partialFailures"].as_array().unwrap().len(), 50);

    let mut fifty_one = fifty.clone();
    fifty_one.push("int-50");
    let too_many = server.get(&uri("demo", &fifty_one), &[("x-api-key", &key)]).await;
    assert_eq!(too_many.status, StatusCode::BAD_REQUEST);
    assert_eq!(too_many.json["errors"][0]["code"], "out_of_range");

    let empty = server.get(&uri("demo", &["int-1", ""]), &[("x-api-key", &key)]).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_repeated_id_is_answered_once() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let reply = server.get(&uri("demo", &["int-x", "int-x"]), &[("x-api-key", &key)]).await;
    assert_eq!(reply.json["partialFailures"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn only_distinct_ids_count_towards_the_limit_of_fifty() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let available = server.strings("SELECT interaction_id FROM summaries WHERE available = TRUE LIMIT 1").await;
    let copies = vec![available[0].as_str(); 51];
    let reply = server.get(&uri("demo", &copies), &[("x-api-key", &key)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert_eq!(reply.json["summaries"].as_array().unwrap().len(), 1, "answered once");
    assert_eq!(reply.json["partialFailures"], serde_json::json!([]));

    // 50 distinct ids, each asked twice: still 50.
    let fifty: Vec<String> = (0..100).map(|i| format!("int-{}", i % 50)).collect();
    let fifty: Vec<&str> = fifty.iter().map(String::as_str).collect();
    let reply = server.get(&uri("demo", &fifty), &[("x-api-key", &key)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert_eq!(reply.json["partialFailures"].as_array().unwrap().len(), 50);

    // 51 distinct among repeats: refused, naming the field and the distinct count.
    let mut fifty_one = fifty.clone();
    fifty_one.push("int-50");
    let reply = server.get(&uri("demo", &fifty_one), &[("x-api-key", &key)]).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json["errors"][0]["field"], "interactionId");
    assert_eq!(reply.json["errors"][0]["code"], "out_of_range");
    assert!(reply.json["errors"][0]["message"].as_str().unwrap().contains("not 51"), "{}", reply.json);
}

#[tokio::test]
async fn summaries_are_isolated_per_tenant() {
    let server = TestServer::new().await;
    let demo_ids = server.strings("SELECT interaction_id FROM summaries WHERE available = TRUE LIMIT 1").await;
    let other_key = server.key_for("other").await;
    let other_token = server.token_for("other", 600);
    for creds in [("x-api-key", other_key.clone()), ("authorization", bearer(&other_token))] {
        let cross = server.get(&uri("demo", &[&demo_ids[0]]), &[(creds.0, &creds.1)]).await;
        assert_eq!(cross.status, StatusCode::FORBIDDEN, "{}", creds.0);
        // Asking through its own tenant for another tenant's interaction finds nothing.
        let own = server.get(&uri("other", &[&demo_ids[0]]), &[(creds.0, &creds.1)]).await;
        assert_eq!(own.status, StatusCode::OK);
        assert_eq!(own.json["summaries"], serde_json::json!([]));
        assert_eq!(own.json["partialFailures"][0]["reason"], "Summary not found");
    }
    assert_eq!(server.get(&uri("demo", &[&demo_ids[0]]), &[]).await.status, StatusCode::UNAUTHORIZED);
}
