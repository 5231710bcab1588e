//! Panel tokens issued by a host's back end with its API key, and one agent's tokens revoked by
//! an admin: at once, on every instance over the database; a token issued afterwards works.

mod common;

use axum::http::{Method, StatusCode};
use common::{Reply, TestServer, bearer, send, send_json};
use serde_json::{Value, json};

const TOKENS: &str = "/v1/panel/tenants/demo/tokens";
const CONFIG: &str = "/v1/panel/tenants/demo/config";

fn revoke_path(agent: &str) -> String {
    format!("/v1/panel/tenants/demo/agents/{agent}/revoke")
}

async fn mint(server: &TestServer, key: &str, body: Value) -> Reply {
    send_json(&server.state, Method::POST, TOKENS, Some(body.to_string()), &[("x-api-key", key)]).await
}

async fn token(server: &TestServer, key: &str, agent: &str) -> String {
    let reply = mint(server, key, json!({"agentId": agent, "agentName": "Ana Lima"})).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    reply.json["token"].as_str().unwrap().to_owned()
}

async fn config_with(state: &c360_server::AppState, token: &str) -> Reply {
    send(state, Method::GET, CONFIG, &[("authorization", &bearer(token))]).await
}

/// Seconds from now until the answer's `expiresAt`.
fn lasts(reply: &Reply) -> i64 {
    let at = chrono::DateTime::parse_from_rfc3339(reply.json["expiresAt"].as_str().unwrap()).unwrap();
    at.timestamp() - chrono::Utc::now().timestamp()
}

#[tokio::test]
async fn an_api_key_gets_a_token_that_opens_the_panel_for_an_hour_by_default_and_eight_at_most() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let reply = mint(&server, &key, json!({"agentId": "agent-4711", "agentName": "Ana Lima"})).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    assert_eq!(reply.headers["cache-control"], "no-store");
    let doc: Value = serde_json::from_str(c360_server::openapi::DOCUMENT).unwrap();
    let mut errors = Vec::new();
    common::schema::Contract::served(doc.clone()).validate(
        &doc["components"]["schemas"]["PanelToken"],
        &reply.json,
        "",
        &mut errors,
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert!((3598..=3600).contains(&lasts(&reply)), "{}", reply.json);
    let config = config_with(&server.state, reply.json["token"].as_str().unwrap()).await;
    assert_eq!(config.status, StatusCode::OK, "{}", config.json);

    let longest = mint(&server, &key, json!({"agentId": "a", "agentName": "A", "ttlSeconds": 28800})).await;
    assert_eq!(longest.status, StatusCode::CREATED);
    assert!((28798..=28800).contains(&lasts(&longest)));
    let short = mint(&server, &key, json!({"agentId": "a", "agentName": "A", "ttlSeconds": 1})).await;
    assert_eq!(short.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_bad_body_is_a_400_naming_the_field_and_why() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let long = "x".repeat(201);
    for (body, field, code) in [
        (json!({"agentName": "A"}), "agentId", "required"),
        (json!({"agentId": " ", "agentName": "A"}), "agentId", "required"),
        (json!({"agentId": long, "agentName": "A"}), "agentId", "too_long"),
        (json!({"agentId": 7, "agentName": "A"}), "agentId", "invalid_format"),
        (json!({"agentId": "a"}), "agentName", "required"),
        (json!({"agentId": "a", "agentName": ""}), "agentName", "required"),
        (json!({"agentId": "a", "agentName": "A", "ttlSeconds": 0}), "ttlSeconds", "out_of_range"),
        (json!({"agentId": "a", "agentName": "A", "ttlSeconds": 28801}), "ttlSeconds", "out_of_range"),
        (json!({"agentId": "a", "agentName": "A", "ttlSeconds": "1h"}), "ttlSeconds", "invalid_format"),
        (json!({"agentId": "a", "agentName": "A", "ttlSeconds": 1.5}), "ttlSeconds", "invalid_format"),
        (json!(["a"]), "", "invalid_format"),
    ] {
        let reply = mint(&server, &key, body.clone()).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}: {}", reply.json);
        assert_eq!(
            (reply.json["errors"][0]["field"].as_str(), reply.json["errors"][0]["code"].as_str()),
            (Some(field), Some(code)),
            "{body}"
        );
    }
    let empty = send(&server.state, Method::POST, TOKENS, &[("x-api-key", &key)]).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn only_an_api_key_of_the_tenants_account_issues_or_revokes() {
    let server = TestServer::new().await;
    let other_key = server.key_for("other").await;
    let body = json!({"agentId": "a", "agentName": "A"});
    for tenant in ["demo", "no-such-tenant"] {
        let uri = format!("/v1/panel/tenants/{tenant}/tokens");
        let reply =
            send_json(&server.state, Method::POST, &uri, Some(body.to_string()), &[("x-api-key", &other_key)]).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{tenant}");
        let revoke = format!("/v1/panel/tenants/{tenant}/agents/a/revoke");
        let reply = send(&server.state, Method::POST, &revoke, &[("x-api-key", &other_key)]).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{tenant}");
    }
    let panel = bearer(&server.token_for("demo", 600));
    let reply =
        send_json(&server.state, Method::POST, TOKENS, Some(body.to_string()), &[("authorization", &panel)]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "a panel token cannot issue tokens");
    let reply = send(&server.state, Method::POST, &revoke_path("a"), &[("authorization", &panel)]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "a panel token cannot revoke");
    let reply = send_json(&server.state, Method::POST, TOKENS, Some(body.to_string()), &[]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_revoked_agents_tokens_are_refused_at_once_on_every_instance_and_a_new_one_works() {
    let server = TestServer::new().await;
    let second = server.second_instance().await;
    let key = server.key_for("demo").await;
    let before = token(&server, &key, "agent-4711").await;
    let colleague = token(&server, &key, "agent-0815").await;
    assert_eq!(config_with(&second, &before).await.status, StatusCode::OK);

    let revoked = send(&server.state, Method::POST, &revoke_path("agent-4711"), &[("x-api-key", &key)]).await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    assert_eq!(revoked.headers["cache-control"], "no-store");
    for state in [&server.state, &second] {
        let refused = config_with(state, &before).await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
        assert_eq!(refused.json["errors"][0]["code"], "token_expired", "the panel asks its host for a new token");
        assert_eq!(config_with(state, &colleague).await.status, StatusCode::OK, "other agents keep theirs");
    }
    let after = token(&server, &key, "agent-4711").await;
    for state in [&server.state, &second] {
        assert_eq!(config_with(state, &after).await.status, StatusCode::OK, "issued after the revocation");
    }
}

#[tokio::test]
async fn the_demo_workspace_session_token_is_one_the_revocation_reaches() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let workspace = c360_server::workspace::WorkspaceState {
        tokens: server.state.tokens.clone(),
        db: server.state.db.clone(),
        panel_origin: "http://127.0.0.1:8080".into(),
    };
    let session = |workspace: c360_server::workspace::WorkspaceState| async move {
        use tower::ServiceExt;
        let req = axum::http::Request::get("/demo/workspace/session?tenantId=demo").body(axum::body::Body::empty());
        let resp = c360_server::workspace::router(workspace).oneshot(req.unwrap()).await.unwrap();
        let bytes = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes();
        serde_json::from_slice::<Value>(&bytes).unwrap()["token"].as_str().unwrap().to_owned()
    };
    let demo_token = session(workspace.clone()).await;
    assert_eq!(config_with(&server.state, &demo_token).await.status, StatusCode::OK);
    let reply = send(&server.state, Method::POST, &revoke_path("Demo%20Agent"), &[("x-api-key", &key)]).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert_eq!(config_with(&server.state, &demo_token).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(config_with(&server.state, &session(workspace).await).await.status, StatusCode::OK);
}
