//! The guard in front of our CRM API: every request, read or write, needs a caller of the tenant,
//! and a tenant with native CRM on; identity-only tenants answer 409 `native_crm_off` (after 401
//! and 403); then a path that is no CRM resource is 404.

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

const METHODS: [Method; 5] = [Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE];
/// Known CRM paths and one that is no resource, under `{t}`.
const PATHS: [&str; 11] = [
    "/v1/crm/tenants/{t}/contacts",
    "/v1/crm/tenants/{t}/contacts/ct-0001",
    "/v1/crm/tenants/{t}/contacts/ct-0001/history",
    "/v1/crm/tenants/{t}/layouts?recordType=contact",
    "/v1/crm/tenants/{t}/fields?recordType=contact",
    "/v1/crm/tenants/{t}/contacts/ct-0001/activities",
    "/v1/crm/tenants/{t}/activities",
    "/v1/crm/tenants/{t}/activities/a-0001",
    "/v1/crm/tenants/{t}/contacts/ct-0001/related?interactionId=int-1",
    "/v1/crm/tenants/{t}/interactions/int-1/links/a-0001",
    "/v1/crm/tenants/{t}/interactions/int-1/wrap-up",
];

fn path(template: &str, tenant: &str) -> String {
    template.replace("{t}", tenant)
}

#[tokio::test]
async fn every_request_to_an_identity_only_tenant_reads_too_is_409_native_crm_off() {
    let server = TestServer::new().await;
    let key = server.key_for("basic").await;
    let token = server.token_for("demo-identity", 600);
    for template in PATHS {
        for method in METHODS {
            for (tenant, header) in
                [("basic", ("x-api-key", key.clone())), ("demo-identity", ("authorization", bearer(&token)))]
            {
                let uri = path(template, tenant);
                let reply = server.request(method.clone(), &uri, &[(header.0, &header.1)]).await;
                assert_eq!(reply.status, StatusCode::CONFLICT, "{method} {uri}");
                assert_eq!(reply.json["status"], 409);
                assert_eq!(reply.json["title"], "Native CRM is off");
                assert!(reply.json["detail"].as_str().unwrap().contains("no native CRM"), "{}", reply.json);
                assert_eq!(reply.json["errors"][0]["field"], "tenantId");
                assert_eq!(reply.json["errors"][0]["code"], c360_wire::panel::NATIVE_CRM_OFF);
            }
        }
    }
}

#[tokio::test]
async fn without_credentials_every_request_is_401_and_for_another_account_403() {
    let server = TestServer::new().await;
    for template in PATHS {
        for method in METHODS {
            for tenant in ["basic", "demo", "no-such-tenant"] {
                let reply = server.request(method.clone(), &path(template, tenant), &[]).await;
                assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{method} {template} {tenant}");
                assert_eq!(reply.json["status"], 401);
            }
        }
    }
    let other_key = server.key_for("other").await;
    let demo_token = server.token_for("demo", 600);
    for template in PATHS {
        for (tenant, header) in [
            ("basic", ("x-api-key", other_key.clone())),
            ("demo", ("x-api-key", other_key.clone())),
            ("basic", ("authorization", bearer(&demo_token))),
            ("no-such-tenant", ("authorization", bearer(&demo_token))),
        ] {
            for method in [Method::GET, Method::PATCH] {
                let reply = server.request(method.clone(), &path(template, tenant), &[(header.0, &header.1)]).await;
                assert_eq!(reply.status, StatusCode::FORBIDDEN, "{method} {template} {tenant} with {}", header.0);
            }
        }
    }
}

#[tokio::test]
async fn with_native_crm_on_a_path_that_is_no_resource_is_404_and_a_method_it_lacks_405() {
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    for method in METHODS {
        let reply = server.request(method.clone(), "/v1/crm/tenants/demo/nothing/here", &[("x-api-key", &key)]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{method}");
        assert_eq!(reply.json["status"], 404);
    }
    let reply = server.request(Method::DELETE, "/v1/crm/tenants/demo/contacts", &[("x-api-key", &key)]).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
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
