//! Forwarding mode, tested against a second c360-server instance as the upstream (real TCP on
//! loopback), including an upstream that is down, one that hangs, and one that rate-limits.

mod common;

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use c360_server::ratelimit::RateLimiter;
use c360_server::upstream::Upstream;
use common::{TestServer, bearer};

const PHONE: &str = "/v1/public/tenants/demo/interactions-insight?phoneNumber=%2B14155550100";

/// A front with no data of its own, forwarding to `base` with `key`.
async fn front(base: &str, key: &str, timeout: Duration) -> TestServer {
    let mut front = TestServer::bare().await;
    front.state.upstream = Some(Upstream::new(base, key, timeout).unwrap());
    front
}

#[tokio::test]
async fn the_contract_endpoints_are_answered_by_the_upstream_with_the_servers_key() {
    let upstream = TestServer::new().await;
    let base = format!("http://{}", upstream.listen().await);
    let front = front(&base, &upstream.key_for("demo").await, Duration::from_secs(5)).await;
    let token = front.token_for("demo", 600);

    let reply = front.get(PHONE, &[("authorization", &bearer(&token))]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert_eq!(reply.json["interactions"].as_array().unwrap().len(), 50, "the front has no data: this came upstream");
    assert!(!reply.headers.contains_key("x-api-key"));

    let id = reply.json["interactions"][0]["interactionId"].as_str().unwrap().to_owned();
    let summaries = front
        .get(
            &format!("/v1/public/tenants/demo/transcript-summaries?interactionId={id}&interactionId=int-none"),
            &[("authorization", &bearer(&token))],
        )
        .await;
    assert_eq!(summaries.status, StatusCode::OK);
    assert_eq!(summaries.json["partialFailures"].as_array().unwrap().last().unwrap()["interactionId"], "int-none");
}

#[tokio::test]
async fn upstream_errors_pass_through_with_their_problem_bodies() {
    let upstream = TestServer::new().await;
    let base = format!("http://{}", upstream.listen().await);
    let front = front(&base, &upstream.key_for("demo").await, Duration::from_secs(5)).await;
    let token = front.token_for("demo", 600);
    let bad = front
        .get("/v1/public/tenants/demo/interactions-insight?phoneNumber=12345", &[("authorization", &bearer(&token))])
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json["errors"][0]["field"], "phoneNumber");

    let wrong_key = front_with_key(&base, "c360k_wrong").await;
    let reply = wrong_key.get(PHONE, &[("authorization", &bearer(&wrong_key.token_for("demo", 600)))]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "the upstream's verdict on the server's key");
}

async fn front_with_key(base: &str, key: &str) -> TestServer {
    front(base, key, Duration::from_secs(5)).await
}

#[tokio::test]
async fn the_front_still_checks_its_own_callers_before_forwarding() {
    let upstream = TestServer::new().await;
    let base = format!("http://{}", upstream.listen().await);
    let front = front(&base, &upstream.key_for("demo").await, Duration::from_secs(5)).await;
    let other = front.token_for("other", 600);
    assert_eq!(front.get(PHONE, &[("authorization", &bearer(&other))]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(front.get(PHONE, &[]).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_upstream_429_keeps_retry_after() {
    let mut upstream = TestServer::new().await;
    upstream.state.limiter = Some(Arc::new(RateLimiter::new(1)));
    let base = format!("http://{}", upstream.listen().await);
    let front = front(&base, &upstream.key_for("demo").await, Duration::from_secs(5)).await;
    let token = front.token_for("demo", 600);
    assert_eq!(front.get(PHONE, &[("authorization", &bearer(&token))]).await.status, StatusCode::OK);
    let limited = front.get(PHONE, &[("authorization", &bearer(&token))]).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = limited.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
    assert_eq!(limited.json["status"], 429);
}

#[tokio::test]
async fn an_upstream_that_is_down_is_a_502_that_says_so() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener); // nothing listens there any more
    let front = front(&format!("http://{addr}"), "c360k_any", Duration::from_secs(5)).await;
    let reply = front.get(PHONE, &[("authorization", &bearer(&front.token_for("demo", 600)))]).await;
    assert_eq!(reply.status, StatusCode::BAD_GATEWAY);
    assert!(reply.json["detail"].as_str().unwrap().contains("upstream is unreachable"));
}

#[tokio::test]
async fn an_upstream_that_hangs_is_a_504_after_the_timeout() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket); // accept, never answer
        }
    });
    let front = front(&format!("http://{addr}"), "c360k_any", Duration::from_millis(300)).await;
    let started = std::time::Instant::now();
    let reply = front.get(PHONE, &[("authorization", &bearer(&front.token_for("demo", 600)))]).await;
    assert_eq!(reply.status, StatusCode::GATEWAY_TIMEOUT);
    assert!(reply.json["detail"].as_str().unwrap().contains("unreachable"));
    assert!(started.elapsed() < Duration::from_secs(5), "the configured timeout applies, not a default");
}

#[test]
fn regions_map_to_the_published_base_urls() {
    let up = Upstream::new("uk", "k", Duration::from_secs(5)).unwrap();
    assert_eq!(up.base(), "https://api.8x8.com/cidp-customer-360/uk");
    assert!(Upstream::new("mars", "k", Duration::from_secs(5)).is_err());
    assert!(Upstream::new("us", " ", Duration::from_secs(5)).is_err(), "an empty key is refused at start-up");
    assert!(!format!("{up:?}").contains("\"k\""), "the key is never printed");
}
