//! The guard in front of our CRM API: writes need a caller of the tenant, and a tenant with native
//! CRM on; identity-only tenants answer 409 `native_crm_off`. No CRM resource exists yet (404).

mod common;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::routing::post;
use c360_server::auth::Caller;
use c360_server::crm;
use c360_server::ratelimit::RateLimiter;
use common::{TestServer, bearer};
use http_body_util::BodyExt;
use tower::ServiceExt;

const WRITES: [Method; 4] = [Method::POST, Method::PUT, Method::PATCH, Method::DELETE];

#[tokio::test]
async fn writes_to_an_identity_only_tenant_are_409_native_crm_off() {
    let server = TestServer::new().await;
    let key = server.key_for("basic").await;
    for method in WRITES {
        let reply = server.request(method.clone(), "/v1/crm/tenants/basic/contacts", &[("x-api-key", &key)]).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{method}");
        assert_eq!(reply.json["status"], 409);
        assert_eq!(reply.json["title"], "Native CRM is off");
        assert!(reply.json["detail"].as_str().unwrap().contains("no native CRM"), "{}", reply.json);
        assert_eq!(reply.json["errors"][0]["field"], "tenantId");
        assert_eq!(reply.json["errors"][0]["code"], c360_wire::panel::NATIVE_CRM_OFF);
        assert!(!reply.json["errors"][0]["message"].as_str().unwrap().is_empty());
    }
    let token = server.token_for("demo-identity", 600);
    let path = "/v1/crm/tenants/demo-identity/contacts/ct-0001/activities";
    let reply = server.request(Method::POST, path, &[("authorization", &bearer(&token))]).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_write_without_credentials_is_401_and_for_another_account_403() {
    let server = TestServer::new().await;
    let reply = server.request(Method::POST, "/v1/crm/tenants/basic/contacts", &[]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json["status"], 401);
    let other_key = server.key_for("other").await;
    let demo_token = server.token_for("demo", 600);
    for (path, header) in [
        ("/v1/crm/tenants/basic/contacts", ("x-api-key", other_key.clone())),
        ("/v1/crm/tenants/demo/contacts", ("x-api-key", other_key.clone())),
        ("/v1/crm/tenants/basic/contacts", ("authorization", bearer(&demo_token))),
        ("/v1/crm/tenants/no-such-tenant/contacts", ("authorization", bearer(&demo_token))),
    ] {
        let reply = server.request(Method::PATCH, path, &[(header.0, &header.1)]).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path} with {}", header.0);
    }
}

#[tokio::test]
async fn with_native_crm_on_writes_pass_the_guard_and_find_no_resource_yet() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    for method in WRITES {
        let reply = server.request(method.clone(), "/v1/crm/tenants/demo/contacts", &[("x-api-key", &key)]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{method}");
        assert_eq!(reply.json["status"], 404);
    }
}

#[tokio::test]
async fn reads_are_404_problems() {
    let server = TestServer::new().await;
    for path in ["/v1/crm/tenants/basic/contacts", "/v1/crm/tenants/demo/contacts/ct-0001"] {
        let reply = server.get(path, &[]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(reply.json["status"], 404);
    }
}

#[tokio::test]
async fn a_guarded_write_is_authenticated_and_counted_once() {
    let mut server = TestServer::new().await;
    server.state.limiter = Some(Arc::new(RateLimiter::new(2)));
    // A CRM route behind the real guard whose handler takes the caller, as the CRM's handlers will.
    let handler = |caller: Caller| async move { format!("{caller:?}") };
    let router =
        crm::guarded(Router::new().route(crm::PATH, post(handler)), &server.state).with_state(server.state.clone());
    let key = server.key_for("demo").await;
    let write = || {
        let request = Request::post("/v1/crm/tenants/demo/contacts").header("x-api-key", &key);
        router.clone().oneshot(request.body(Body::empty()).unwrap())
    };
    for n in 1..=2 {
        let reply = write().await.unwrap();
        assert_eq!(reply.status(), StatusCode::OK, "write {n} of the 2 a minute allowed");
        let body = reply.into_body().collect().await.unwrap().to_bytes();
        let account = c360_server::demo::DEMO_ACCOUNT;
        assert_eq!(body, format!("ApiKey {{ account_id: {account:?} }}"), "the caller the guard authorised");
    }
    let reply = write().await.unwrap();
    assert_eq!(reply.status(), StatusCode::TOO_MANY_REQUESTS, "the third write of the minute");
    assert!(reply.headers().contains_key("retry-after"));
}
