//! The per-credential rate limit is kept in the database, so instances sharing one enforce one
//! limit between them.

mod common;

use std::sync::Arc;

use axum::http::{Method, StatusCode};
use c360_server::ratelimit::RateLimiter;
use common::{TestServer, bearer, send};

const PHONE: &str = "/v1/public/tenants/demo/interactions-insight?phoneNumber=%2B14155550100";

#[tokio::test]
async fn two_instances_on_one_database_share_one_limit_per_credential() {
    let mut one = TestServer::new().await;
    one.state.limiter = Some(Arc::new(RateLimiter::new(3)));
    let mut two = one.second_instance().await;
    two.limiter = Some(Arc::new(RateLimiter::new(3)));
    let key = one.key_for("demo").await;
    let auth = [("x-api-key", key.as_str())];

    assert_eq!(one.get(PHONE, &auth).await.status, StatusCode::OK);
    assert_eq!(send(&two, Method::GET, PHONE, &auth).await.status, StatusCode::OK);
    assert_eq!(one.get(PHONE, &auth).await.status, StatusCode::OK);
    let limited = send(&two, Method::GET, PHONE, &auth).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS, "the fourth request of the minute, on either instance");
    let wait: u64 = limited.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
    assert_eq!(one.get(PHONE, &auth).await.status, StatusCode::TOO_MANY_REQUESTS);

    // Another credential has its own count: the panel token of an agent of the same tenant.
    let token = bearer(&one.token_for("demo", 600));
    assert_eq!(send(&two, Method::GET, PHONE, &[("authorization", &token)]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_new_minute_starts_a_new_count_and_clears_the_old_ones() {
    let mut server = TestServer::new().await;
    server.state.limiter = Some(Arc::new(RateLimiter::new(1)));
    let key = server.key_for("demo").await;
    let account = "key:demo-account";
    // The credential spent its minute long ago.
    sqlx::query("INSERT INTO rate_limits (credential, window_start, requests) VALUES ($1, 1, 99)")
        .bind(account)
        .execute(server.state.db.pool())
        .await
        .unwrap();
    let minute = chrono::Utc::now().timestamp().div_euclid(60);
    assert_eq!(server.get(PHONE, &[("x-api-key", &key)]).await.status, StatusCode::OK);
    let windows: Vec<i64> = sqlx::query_scalar("SELECT window_start FROM rate_limits WHERE credential = $1")
        .bind(account)
        .fetch_all(server.state.db.pool())
        .await
        .unwrap();
    assert!(windows.len() == 1 && windows[0] >= minute, "only the current minute is kept: {windows:?}");
}
