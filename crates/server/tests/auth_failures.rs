//! Failed authentication is limited per client address, in the database, so instances sharing one
//! enforce one limit: beyond it every request from that address that needs a credential answers
//! 429 with `Retry-After`, a valid credential too, while other addresses are not affected.

mod common;

use std::sync::Arc;

use axum::http::StatusCode;
use c360_server::ratelimit::AuthFailureLimiter;
use common::process::{c360, serve, start, stdout};
use common::{TestDb, TestServer, bearer, get_from};

const PHONE: &str = "/v1/public/tenants/demo/interactions-insight?phoneNumber=%2B14155550100";

/// `GET base+PHONE` from the local address `from` with `auth`; the status and `Retry-After`.
async fn get(from: &str, base: &str, auth: (&str, &str)) -> (u16, Option<u64>) {
    let client = reqwest::Client::builder().local_address(from.parse::<std::net::IpAddr>().unwrap()).build().unwrap();
    let resp = client.get(format!("{base}{PHONE}")).header(auth.0, auth.1).send().await.unwrap();
    let retry = resp.headers().get("retry-after").map(|v| v.to_str().unwrap().parse().unwrap());
    (resp.status().as_u16(), retry)
}

#[tokio::test]
async fn two_instances_share_one_count_of_failures_per_client_address() {
    let db = TestDb::new().await;
    let one = start(serve(&db, &["--demo", "--auth-failure-limit", "3"]));
    let one_base = one.base();
    let two = start(serve(&db, &["--auth-failure-limit", "3"]));
    let two_base = two.base();
    let key = stdout(&c360(&["key", "create", "--db", &db.arg(), "--tenant", "demo"])).trim().to_owned();
    let (valid, wrong) = (("x-api-key", key.as_str()), ("x-api-key", "c360_guess"));

    // Three wrong keys from 127.0.0.1, on either instance: 401 each.
    for base in [&one_base, &two_base, &one_base] {
        assert_eq!(get("127.0.0.1", base, wrong).await, (401, None));
    }
    // The fourth attempt from that address, on either instance, a valid key too: 429.
    for (base, auth) in [(&two_base, wrong), (&one_base, valid), (&two_base, valid)] {
        let (status, retry) = get("127.0.0.1", base, auth).await;
        assert_eq!(status, 429, "{base} {}", auth.1);
        assert!(retry.is_some_and(|s| (1..=60).contains(&s)), "{retry:?}");
    }
    // Another address is not affected, and has a count of its own.
    assert_eq!(get("127.0.0.2", &two_base, valid).await, (200, None));
    assert_eq!(get("127.0.0.2", &one_base, wrong).await, (401, None));
    assert_eq!(get("127.0.0.2", &one_base, valid).await, (200, None));
}

#[tokio::test]
async fn what_counts_is_a_missing_or_wrong_credential_not_an_expired_token_or_a_good_one() {
    let mut server = TestServer::new().await;
    server.state.auth_failures = Some(Arc::new(AuthFailureLimiter::new(2)));
    let key = server.key_for("demo").await;
    let token = bearer(&server.token_for("demo", 600));
    let expired = bearer(&server.token_for("demo", -60));
    let (me, other) = ("203.0.113.7:50000", "[2001:db8:1:2::7]:443");
    let status =
        async |peer: &str, headers: &[(&str, &str)]| get_from(&server.state, peer, PHONE, headers).await.status;

    for _ in 0..5 {
        assert_eq!(status(me, &[("x-api-key", &key)]).await, StatusCode::OK);
        assert_eq!(status(me, &[("authorization", &token)]).await, StatusCode::OK);
        assert_eq!(status(me, &[("authorization", &expired)]).await, StatusCode::UNAUTHORIZED, "expired: not counted");
    }
    assert_eq!(status(me, &[]).await, StatusCode::UNAUTHORIZED, "missing: the first failure");
    assert_eq!(status(me, &[("authorization", "Bearer v1.forged")]).await, StatusCode::UNAUTHORIZED);
    let limited = get_from(&server.state, me, PHONE, &[("authorization", &token)]).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS, "a valid token, after two failures");
    assert_eq!(limited.json["status"], 429);
    assert!(limited.headers.contains_key("retry-after"));
    // The CRM and the panel's config are behind the same check; what needs no credential is not.
    for uri in ["/v1/crm/tenants/demo/contacts?q=dana", "/v1/panel/tenants/demo/config"] {
        let reply = get_from(&server.state, me, uri, &[("authorization", &token)]).await;
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS, "{uri}");
    }
    assert_eq!(get_from(&server.state, me, "/v1/panel/tenants/demo/host-origins", &[]).await.status, StatusCode::OK);
    // Another host of the same IPv6 /64 is the same client; another address is not.
    assert_eq!(status(other, &[("x-api-key", "wrong")]).await, StatusCode::UNAUTHORIZED);
    assert_eq!(status("[2001:db8:1:2::8]:443", &[("x-api-key", "wrong")]).await, StatusCode::UNAUTHORIZED);
    assert_eq!(status("[2001:db8:1:2:ffff::1]:443", &[("x-api-key", &key)]).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(status("198.51.100.1:1", &[("x-api-key", &key)]).await, StatusCode::OK);
}
