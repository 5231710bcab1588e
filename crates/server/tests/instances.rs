//! Instances are stateless: two `c360-server` processes on one database answer as one (an agent's
//! tokens revoked are refused by both at once), and an instance stopped with SIGTERM finishes what
//! it accepted and exits 0 while the other serves on.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::TestDb;
use common::process::{c360, serve, start, stdout};

const PHONE: &str = "/v1/public/tenants/demo/interactions-insight?phoneNumber=%2B14155550100";

/// `GET base+path` with `auth` as a header; the status and body.
async fn get(base: &str, path: &str, auth: (&str, &str)) -> (u16, String) {
    let resp = reqwest::Client::new().get(format!("{base}{path}")).header(auth.0, auth.1).send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

#[tokio::test]
async fn two_instances_on_one_database_answer_as_one_and_one_stopping_leaves_the_other_serving() {
    let db = TestDb::new().await;
    let mut one = start(serve(&db, &["--demo"]));
    let one_base = one.base();
    let two = start(serve(&db, &[]));
    let two_base = two.base();

    // Credentials minted by commands, outside either instance, work on both.
    let token = stdout(&c360(&["token", "--db", &db.arg(), "--tenant", "demo", "--agent", "Ana"])).trim().to_owned();
    let key = stdout(&c360(&["key", "create", "--db", &db.arg(), "--tenant", "demo"])).trim().to_owned();
    let bearer = format!("Bearer {token}");
    for auth in [("authorization", bearer.as_str()), ("x-api-key", key.as_str())] {
        let (status_one, body_one) = get(&one_base, PHONE, auth).await;
        let (status_two, body_two) = get(&two_base, PHONE, auth).await;
        assert_eq!((status_one, status_two), (200, 200), "{body_one}\n{body_two}");
        assert_eq!(body_one, body_two, "the same request, the same body");
        assert!(body_one.contains("interactionId"));
    }

    one.terminate();
    assert!(one.exit_within(Duration::from_secs(20)).success(), "SIGTERM exits 0");
    assert!(reqwest::get(format!("{one_base}{PHONE}")).await.is_err(), "the stopped one is gone");
    let (status, body) = get(&two_base, PHONE, ("authorization", &bearer)).await;
    assert_eq!(status, 200, "the other serves on: {body}");
}

#[tokio::test]
async fn an_agent_revoked_by_the_cli_is_refused_at_once_by_both_instances_and_a_later_token_works() {
    let db = TestDb::new().await;
    // One after the other, as the test above: the first migrates and seeds before the second opens.
    let one = start(serve(&db, &["--demo"]));
    let one_base = one.base();
    let two = start(serve(&db, &[]));
    let bases = [one_base, two.base()];
    let issue = || stdout(&c360(&["token", "--db", &db.arg(), "--tenant", "demo", "--agent", "ana"])).trim().to_owned();
    let before = format!("Bearer {}", issue());
    for base in &bases {
        assert_eq!(get(base, PHONE, ("authorization", &before)).await.0, 200);
    }
    let said = stdout(&c360(&["revoke", "--db", &db.arg(), "--tenant", "demo", "--agent", "ana"]));
    assert!(said.contains("revoked"), "{said}");
    let after = format!("Bearer {}", issue());
    for base in &bases {
        let (status, body) = get(base, PHONE, ("authorization", &before)).await;
        assert_eq!(status, 401, "{body}");
        assert!(body.contains("token_expired"), "the panel asks its host for a new token: {body}");
        assert_eq!(get(base, PHONE, ("authorization", &after)).await.0, 200, "issued after the revocation");
    }
    assert!(!c360(&["revoke", "--db", &db.arg(), "--tenant", "nobody", "--agent", "ana"]).status.success());
}

/// What one request came to.
#[derive(Debug)]
enum Outcome {
    /// A complete answer: its status, and whether the body was whole JSON.
    Answered(u16, bool),
    /// The connection was refused: the instance had stopped listening.
    Refused,
    /// The connection was reset before any answer: it was still in the kernel's queue when the
    /// instance closed its listener, never accepted. A load balancer retries these on another
    /// instance (nginx: `proxy_next_upstream error`).
    Reset,
    /// Anything else: a request the instance took and did not finish.
    Failed(String),
}

/// Whether `e` is a connection reset while sending, before any byte of an answer.
fn reset_before_answer(e: &reqwest::Error) -> bool {
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(err) = source {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            return io.kind() == std::io::ErrorKind::ConnectionReset && e.is_request();
        }
        source = err.source();
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_under_load_finishes_the_requests_in_flight_and_exits_0() {
    let db = TestDb::new().await;
    let mut server = start(serve(&db, &["--demo", "--shutdown-grace", "10"]));
    let base = server.base();
    let key = stdout(&c360(&["key", "create", "--db", &db.arg(), "--tenant", "demo"])).trim().to_owned();

    // A request caught half-sent when the stop comes: its head is in, its last line is not.
    let addr = base.trim_start_matches("http://").to_owned();
    let mut half = TcpStream::connect(&addr).unwrap();
    write!(half, "GET {PHONE} HTTP/1.1\r\nHost: {addr}\r\nx-api-key: {key}\r\n").unwrap();

    // Load: clients on fresh connections (as nginx talks to its upstreams), until refused.
    let stopped = Arc::new(AtomicBool::new(false));
    let client = reqwest::Client::builder().pool_max_idle_per_host(0).build().unwrap();
    let mut tasks = Vec::new();
    for _ in 0..6 {
        let (client, url, key, stopped) = (client.clone(), format!("{base}{PHONE}"), key.clone(), stopped.clone());
        tasks.push(tokio::spawn(async move {
            let mut outcomes = Vec::new();
            loop {
                let outcome = match client.get(&url).header("x-api-key", &key).send().await {
                    Ok(resp) => {
                        let status = resp.status().as_u16();
                        match resp.text().await {
                            Ok(body) => {
                                Outcome::Answered(status, serde_json::from_str::<serde_json::Value>(&body).is_ok())
                            }
                            Err(e) => Outcome::Failed(format!("body: {e}")),
                        }
                    }
                    Err(e) if e.is_connect() => Outcome::Refused,
                    Err(e) if reset_before_answer(&e) => Outcome::Reset,
                    Err(e) => Outcome::Failed(format!("{e:?}")),
                };
                let refused = matches!(outcome, Outcome::Refused | Outcome::Reset);
                outcomes.push((stopped.load(Ordering::SeqCst), outcome));
                if refused {
                    return outcomes;
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    stopped.store(true, Ordering::SeqCst);
    let signalled = Instant::now();
    server.terminate();
    tokio::time::sleep(Duration::from_millis(200)).await;

    // The half-sent request is finished and answered, though the stop came first.
    let answer = tokio::task::spawn_blocking(move || {
        half.write_all(b"\r\n").unwrap();
        let mut answer = String::new();
        half.read_to_string(&mut answer).unwrap();
        answer
    })
    .await
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("interactionId"));

    let (status, server) =
        tokio::task::spawn_blocking(move || (server.exit_within(Duration::from_secs(20)), server)).await.unwrap();
    drop(server);
    assert!(status.success(), "exit status {status}");
    assert!(signalled.elapsed() < Duration::from_secs(10), "well within the grace period");

    let (mut answered, mut answered_after_stop) = (0, 0);
    for task in tasks {
        for (after_stop, outcome) in task.await.unwrap() {
            match outcome {
                Outcome::Answered(200, true) => {
                    answered += 1;
                    answered_after_stop += usize::from(after_stop);
                }
                Outcome::Refused | Outcome::Reset => assert!(after_stop, "refused before the stop: {outcome:?}"),
                Outcome::Answered(status, whole) => panic!("answered {status}, whole JSON body: {whole}"),
                Outcome::Failed(why) => panic!("a failed request (after the stop: {after_stop}): {why}"),
            }
        }
    }
    assert!(answered > 20, "the load ran: {answered} answers");
    eprintln!("{answered} answers, {answered_after_stop} of them completed after the stop began");
}
