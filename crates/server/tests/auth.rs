//! Authentication and tenant isolation: keys, panel tokens, and what each may reach.

mod common;

use axum::http::StatusCode;
use common::{TestServer, bearer};

const DEMO: &str = "/v1/public/tenants/demo/interactions-insight?phoneNumber=%2B14155550100";
const OTHER: &str = "/v1/public/tenants/other/interactions-insight?phoneNumber=%2B14155550100";
const NOWHERE: &str = "/v1/public/tenants/no-such-tenant/interactions-insight?phoneNumber=%2B14155550100";

#[tokio::test]
async fn no_credentials_is_401_with_a_problem_body() {
    let server = TestServer::new().await;
    let reply = server.get(DEMO, &[]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json["status"], 401);
    assert_eq!(reply.json["title"], "Unauthorized");
    assert!(reply.headers.contains_key("www-authenticate"));
}

#[tokio::test]
async fn unknown_key_and_forged_token_are_401() {
    let server = TestServer::new().await;
    assert_eq!(server.get(DEMO, &[("x-api-key", "c360k_not-a-real-key")]).await.status, StatusCode::UNAUTHORIZED);
    let token = server.token_for("demo", 600);
    let forged = format!("{}x", &token[..token.len() - 1]);
    let reply = server.get(DEMO, &[("authorization", &bearer(&forged))]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json["errors"][0]["code"], "invalid_credentials");
    assert_eq!(server.get(DEMO, &[("authorization", "Basic dXNlcjpwYXNz")]).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_expired_panel_token_says_so() {
    let server = TestServer::new().await;
    let token = server.token_for("demo", -1);
    let reply = server.get(DEMO, &[("authorization", &bearer(&token))]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json["errors"][0]["code"], "token_expired");
    assert!(reply.json["detail"].as_str().unwrap().contains("expired"));
}

#[tokio::test]
async fn a_panel_token_reaches_only_its_own_tenant() {
    let server = TestServer::new().await;
    let token = server.token_for("demo", 600);
    assert_eq!(server.get(DEMO, &[("authorization", &bearer(&token))]).await.status, StatusCode::OK);
    let reply = server.get(OTHER, &[("authorization", &bearer(&token))]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.json, serde_json::json!({"status": 403, "title": "Forbidden", "detail": "Forbidden"}));
}

#[tokio::test]
async fn a_key_reaches_only_its_accounts_tenants_and_unknown_tenants_look_the_same() {
    let server = TestServer::new().await;
    let demo_key = server.key_for("demo").await;
    let other_key = server.key_for("other").await;
    assert_eq!(server.get(DEMO, &[("x-api-key", &demo_key)]).await.status, StatusCode::OK);
    assert_eq!(server.get(OTHER, &[("x-api-key", &other_key)]).await.status, StatusCode::OK);
    let cross = server.get(OTHER, &[("x-api-key", &demo_key)]).await;
    let unknown = server.get(NOWHERE, &[("x-api-key", &demo_key)]).await;
    assert_eq!(cross.status, StatusCode::FORBIDDEN);
    assert_eq!((unknown.status, &unknown.json), (cross.status, &cross.json), "indistinguishable");
    assert_eq!(server.get(DEMO, &[("x-api-key", &other_key)]).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn credentials_are_checked_before_the_query() {
    let server = TestServer::new().await;
    let reply = server.get("/v1/public/tenants/other/interactions-insight?phoneNumber=bad", &[]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    let token = server.token_for("demo", 600);
    let reply = server
        .get("/v1/public/tenants/other/interactions-insight?phoneNumber=bad", &[("authorization", &bearer(&token))])
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "another tenant's data shape is not revealed by validation");
}
