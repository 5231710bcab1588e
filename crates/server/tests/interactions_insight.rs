//! The interactions-insight endpoint over the real router and a real database.

mod common;

use axum::http::StatusCode;
use c360_wire::{InteractionsInsight, MediaType};
use common::{TestServer, bearer};

const PHONE_URI: &str = "/v1/public/tenants/demo/interactions-insight?phoneNumber=%2B14155550100";

#[tokio::test]
async fn phone_lookup_returns_the_demo_customers_history_newest_first_capped_at_50() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let reply = server.get(PHONE_URI, &[("x-api-key", &key)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    let body: InteractionsInsight = serde_json::from_value(reply.json).unwrap();
    assert_eq!(body.interactions.len(), 50, "the demo customer has more than 50 interactions in a year");
    assert!(body.interactions.windows(2).all(|w| w[0].started_at >= w[1].started_at), "newest first");
    let year_ago = server.now_ms - 366 * 86_400_000;
    assert!(body.interactions.iter().all(|i| i.started_at >= year_ago), "default window is one year");
    assert!(body.interactions.iter().all(|i| i.media_identifier.as_deref() == Some("+14155550100")));
    let channels: std::collections::HashSet<_> = body.interactions.iter().map(|i| i.media_type.clone()).collect();
    assert!(channels.contains(&MediaType::Phone) && channels.contains(&MediaType::Chat), "mixed history: {channels:?}");
    assert!(body.insights.is_some(), "demo tenant has Speech Analytics");
}

#[tokio::test]
async fn email_lookup_is_case_insensitive() {
    let server = TestServer::new().await;
    let token = server.token_for("demo", 600);
    let reply = server
        .get(
            "/v1/public/tenants/demo/interactions-insight?email=Maria.Gonzalez%40Example.com",
            &[("authorization", &bearer(&token))],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let body: InteractionsInsight = serde_json::from_value(reply.json).unwrap();
    assert!(!body.interactions.is_empty());
    assert!(body.interactions.iter().all(|i| matches!(i.media_type, MediaType::Email | MediaType::Chat)));
}

#[tokio::test]
async fn unknown_identity_gives_an_empty_history_not_an_error() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let reply = server
        .get("/v1/public/tenants/demo/interactions-insight?phoneNumber=%2B19995550000", &[("x-api-key", &key)])
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json["interactions"], serde_json::json!([]));
}

#[tokio::test]
async fn bad_criteria_answer_400_naming_the_field() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let cases = [
        ("phoneNumber=4155550100", "phoneNumber"),
        ("email=nope", "email"),
        ("phoneNumber=%2B14155550100&crmId=native", "crmId"),
        ("phoneNumber=%2B14155550100&startTime=2025-01-01T00:00:00", "startTime"),
        ("phoneNumber=%2B14155550100&phoneNumber=%2B14155550101", "phoneNumber"),
        ("phoneNumber=%ZZ", "query"),
    ];
    for (query, field) in cases {
        let reply =
            server.get(&format!("/v1/public/tenants/demo/interactions-insight?{query}"), &[("x-api-key", &key)]).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(reply.json["status"], 400);
        assert_eq!(reply.json["title"], "Bad Request");
        assert_eq!(reply.json["errors"][0]["field"], field, "{query}: {}", reply.json);
        assert!(reply.headers["content-type"].to_str().unwrap().starts_with("application/json"));
    }
}

#[tokio::test]
async fn tenant_without_speech_analytics_gets_null_insights_and_no_sentiment() {
    let server = TestServer::new().await;
    // `basic` belongs to the demo account but has no Speech Analytics; give it analysed rows.
    server.fill_basic_tenant(3).await;
    let key = server.key_for("demo").await;
    let reply = server
        .get("/v1/public/tenants/basic/interactions-insight?phoneNumber=%2B14155550100", &[("x-api-key", &key)])
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.json["insights"].is_null());
    let interactions = reply.json["interactions"].as_array().unwrap();
    assert!(!interactions.is_empty());
    for i in interactions {
        assert!(i.get("sentiment").is_none(), "{i}");
        assert_eq!(i["topics"], serde_json::json!([]));
    }
}
