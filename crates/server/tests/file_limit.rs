//! Out of file descriptors, against the real server process: at start-up the soft open-file limit
//! is raised to the hard one; when accepting fails anyway (`EMFILE`), the server backs off — one
//! log line, not one per retry — and serves again as soon as connections close.
#![cfg(unix)]

mod common;

use std::time::{Duration, Instant};

use common::TestDb;
use common::process::{Running, serve, start, under_ulimit};
use tokio::net::TcpStream;

const HOST_ORIGINS: &str = "/v1/panel/tenants/demo/host-origins";
const CANNOT_ACCEPT: &str = "cannot accept connections";

/// Log lines until one contains `marker` (all of them, that one last), or panics after `limit`.
fn lines_until(server: &Running, marker: &str, limit: Duration) -> Vec<String> {
    let deadline = Instant::now() + limit;
    let mut lines = Vec::new();
    loop {
        lines.extend(server.lines_so_far());
        if lines.iter().any(|l| l.contains(marker)) {
            return lines;
        }
        assert!(Instant::now() < deadline, "no log line with {marker:?} within {limit:?}: {lines:#?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test]
async fn the_soft_open_file_limit_is_raised_to_the_hard_one_at_start() {
    let db = TestDb::new().await;
    let server = start(under_ulimit(&serve(&db, &[]), "-Sn 256"));
    let raised = server.wait_for("open-file limit raised from 256 to ");
    let hard: u64 = raised.parse().unwrap_or_else(|_| panic!("a number: {raised}"));
    assert!(hard > 256, "{hard}");
    #[cfg(target_os = "linux")]
    {
        let limits = std::fs::read_to_string(format!("/proc/{}/limits", server.pid())).unwrap();
        let line = limits.lines().find(|l| l.starts_with("Max open files")).unwrap();
        let numbers: Vec<&str> = line.split_whitespace().skip(3).take(2).collect();
        assert_eq!(numbers, [raised.as_str(), raised.as_str()], "soft = hard: {line}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_file_descriptors_the_server_backs_off_and_serves_again_when_connections_close() {
    let db = TestDb::new().await;
    // Soft and hard at 128, so nothing can be raised; timeouts long enough to hold the connections.
    let timeouts = ["--header-read-timeout", "60", "--idle-timeout", "60"];
    let server = start(under_ulimit(&serve(&db, &timeouts), "-n 128"));
    let base = server.base();
    let addr = base.trim_start_matches("http://").to_owned();

    // More idle connections than the server has descriptors: the kernel completes each handshake,
    // the server cannot accept them all.
    let mut held = Vec::new();
    for _ in 0..200 {
        held.push(TcpStream::connect(&addr).await.unwrap());
    }
    let lines = tokio::task::block_in_place(|| lines_until(&server, CANNOT_ACCEPT, Duration::from_secs(30)));
    // Two seconds out of descriptors: retrying at once (or every second, as axum::serve does) would
    // have logged again.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut lines = [lines, server.lines_so_far()].concat();
    assert_eq!(lines.iter().filter(|l| l.contains(CANNOT_ACCEPT)).count(), 1, "{lines:#?}");

    // The connections go: descriptors free up, the listener accepts again and answers.
    drop(held);
    let client = reqwest::Client::builder().timeout(Duration::from_secs(60)).build().unwrap();
    let answer = client.get(format!("{base}{HOST_ORIGINS}")).send().await.unwrap();
    assert_eq!(answer.status(), 200);
    lines.extend(tokio::task::block_in_place(|| {
        lines_until(&server, "accepting connections again", Duration::from_secs(30))
    }));
    assert_eq!(lines.iter().filter(|l| l.contains(CANNOT_ACCEPT)).count(), 1, "{lines:#?}");
}
