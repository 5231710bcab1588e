//! `GET /v1/panel/tenants/{tenantId}/config`: authenticated and isolated like the contract
//! endpoints; it tells the panel whether the tenant runs with native CRM or identity-only.

mod common;

use axum::http::StatusCode;
use common::{TestServer, bearer};

const DEMO: &str = "/v1/panel/tenants/demo/config";

#[tokio::test]
async fn the_tenant_s_own_token_or_key_reads_its_configuration() {
    let server = TestServer::new().await;
    let token = server.token_for("demo", 600);
    let reply = server.get(DEMO, &[("authorization", &bearer(&token))]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers["cache-control"], "no-store");
    assert_eq!(
        reply.json,
        serde_json::json!({
            "tenantId": "demo",
            "nativeCrm": true,
            "screenPop": true,
            "speechAnalytics": true,
            "autoLog": ["voice", "chat", "email"]
        })
    );
    let key = server.key_for("demo").await;
    let basic = server.get("/v1/panel/tenants/basic/config", &[("x-api-key", &key)]).await;
    assert_eq!(basic.status, StatusCode::OK, "a key reaches every tenant of its account");
    assert_eq!(basic.json["nativeCrm"], false);
    assert_eq!(basic.json["speechAnalytics"], false);
}

/// The tenant's configuration as its own panel token reads it; the answer must be 200.
async fn config_with_own_token(server: &TestServer, tenant: &str) -> serde_json::Value {
    let token = server.token_for(tenant, 600);
    let reply = server.get(&format!("/v1/panel/tenants/{tenant}/config"), &[("authorization", &bearer(&token))]).await;
    assert_eq!(reply.status, StatusCode::OK, "{tenant}");
    reply.json
}

#[tokio::test]
async fn the_identity_only_demo_tenant_says_native_crm_is_off() {
    let server = TestServer::new().await;
    let config = config_with_own_token(&server, "demo-identity").await;
    assert_eq!(config["tenantId"], "demo-identity");
    assert_eq!(config["nativeCrm"], false);
    assert_eq!(config["speechAnalytics"], true);
    assert_eq!(config["screenPop"], true, "identity-only tenants still pop the limited profile");
}

#[tokio::test]
async fn a_tenant_with_screen_pop_off_says_so() {
    let server = TestServer::new().await;
    let config = config_with_own_token(&server, "demo-no-pop").await;
    assert_eq!(config["screenPop"], false);
    assert_eq!(config["nativeCrm"], true);
}

#[tokio::test]
async fn the_default_country_for_national_phone_numbers_is_reported_when_set() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    assert!(server.get(DEMO, &[("x-api-key", &key)]).await.json.get("defaultCountry").is_none(), "none by default");
    server.exec("UPDATE tenants SET default_country = 'GB' WHERE id = 'demo'").await;
    let reply = server.get(DEMO, &[("x-api-key", &key)]).await;
    assert_eq!(reply.json["defaultCountry"], "GB");
    let config: c360_wire::PanelConfig = serde_json::from_value(reply.json).unwrap();
    assert_eq!(config.default_country.as_deref(), Some("GB"), "what the panel decodes");
}

#[tokio::test]
async fn auto_log_settings_are_reported() {
    let server = TestServer::new().await;
    server.exec("UPDATE tenants SET auto_log = 'voice,email' WHERE id = 'demo'").await;
    let reply = server.get(DEMO, &[("x-api-key", &server.key_for("demo").await)]).await;
    assert_eq!(reply.json["autoLog"], serde_json::json!(["voice", "email"]));
}

#[tokio::test]
async fn no_credential_is_401_and_another_tenant_or_account_is_403() {
    let server = TestServer::new().await;
    let reply = server.get(DEMO, &[]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json["status"], 401);
    assert!(reply.headers.contains_key("www-authenticate"));
    let other_token = server.token_for("other", 600);
    let other_key = server.key_for("other").await;
    let demo_token = server.token_for("demo", 600);
    for (path, header) in [
        (DEMO, ("authorization", bearer(&other_token))),
        (DEMO, ("x-api-key", other_key.clone())),
        ("/v1/panel/tenants/basic/config", ("authorization", bearer(&demo_token))),
        ("/v1/panel/tenants/no-such-tenant/config", ("x-api-key", other_key.clone())),
    ] {
        let reply = server.get(path, &[(header.0, &header.1)]).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path} with {}", header.0);
        assert_eq!(reply.json["status"], 403);
    }
}
