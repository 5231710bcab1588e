//! Slow and idle clients against the real server process, with short timeouts: hundreds of
//! connections that send nothing, half a request line or one header at a time are closed while a
//! normal request still answers; a body that trickles in is answered 408; a keep-alive connection
//! left idle is closed. Bounds are generous: these assert what happens, not how fast.

mod common;

use std::time::{Duration, Instant};

use common::TestDb;
use common::process::{c360, serve, start, stdout};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const HOST_ORIGINS: &str = "/v1/panel/tenants/demo/host-origins";
/// Seconds: the header-read, idle and request timeouts the server runs with here.
const TIMEOUTS: [&str; 6] = ["--header-read-timeout", "2", "--idle-timeout", "1", "--request-timeout", "2"];
/// Far beyond any timeout above, so only a connection the server never closes reaches it.
const NEVER: Duration = Duration::from_secs(60);

/// What a slow client sends.
#[derive(Clone, Copy, Debug)]
enum Slow {
    Nothing,
    HalfARequestLine,
    OneHeaderAtATime,
}

/// Opens a connection to `addr` and starts sending as `slow` does.
async fn open(addr: &str, slow: Slow) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    match slow {
        Slow::Nothing => {}
        Slow::HalfARequestLine => stream.write_all(b"GET /v1/panel/ten").await.unwrap(),
        Slow::OneHeaderAtATime => {
            stream.write_all(format!("GET {HOST_ORIGINS} HTTP/1.1\r\n").as_bytes()).await.unwrap()
        }
    }
    stream
}

/// How long the server took to close `stream` (reading to its end, while a header at a time goes
/// out every 300 ms if `slow` says so), or `None` if it was still open after [`NEVER`].
async fn closed_by_server(stream: TcpStream, slow: Slow) -> Option<Duration> {
    let since = Instant::now();
    let (mut reader, mut writer) = stream.into_split();
    let trickle = tokio::spawn(async move {
        for i in 0.. {
            if !matches!(slow, Slow::OneHeaderAtATime) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
            if writer.write_all(format!("x-slow-{i}: 1\r\n").as_bytes()).await.is_err() {
                return;
            }
        }
    });
    let mut sink = Vec::new();
    let closed = tokio::time::timeout(NEVER, reader.read_to_end(&mut sink)).await.is_ok();
    trickle.abort();
    closed.then(|| since.elapsed())
}

/// One `GET path` on a fresh connection: the status.
async fn get(base: &str, path: &str) -> u16 {
    let client = reqwest::Client::builder().timeout(NEVER).build().unwrap();
    client.get(format!("{base}{path}")).send().await.unwrap().status().as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hundreds_of_slow_clients_are_closed_and_a_normal_request_still_answers() {
    let db = TestDb::new().await;
    let server = start(serve(&db, &TIMEOUTS));
    let base = server.base();
    let addr = base.trim_start_matches("http://").to_owned();

    let mut clients = Vec::new();
    for slow in [Slow::Nothing, Slow::HalfARequestLine, Slow::OneHeaderAtATime] {
        for _ in 0..100 {
            clients.push((slow, open(&addr, slow).await));
        }
    }
    let waits: Vec<_> = clients
        .into_iter()
        .map(|(slow, stream)| tokio::spawn(async move { (slow, closed_by_server(stream, slow).await) }))
        .collect();
    assert_eq!(get(&base, HOST_ORIGINS).await, 200, "a normal request answers beside 300 slow ones");

    let mut longest = Duration::ZERO;
    for wait in waits {
        let (slow, closed) = wait.await.unwrap();
        let after = closed.unwrap_or_else(|| panic!("a client sending {slow:?} was still open after {NEVER:?}"));
        longest = longest.max(after);
    }
    eprintln!("300 slow clients closed, the last after {longest:?}");
    assert_eq!(get(&base, HOST_ORIGINS).await, 200, "and the server serves on");
}

#[tokio::test]
async fn a_trickled_body_is_answered_408_and_an_idle_keep_alive_connection_is_closed() {
    let db = TestDb::new().await;
    let server = start(serve(&db, &[&["--demo"][..], &TIMEOUTS].concat()));
    let base = server.base();
    let addr = base.trim_start_matches("http://").to_owned();
    let token = stdout(&c360(&["token", "--db", &db.arg(), "--tenant", "demo", "--agent", "Ana"])).trim().to_owned();

    // A new contact whose body comes a byte at a time and would take a minute.
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST /v1/crm/tenants/demo/contacts HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{{"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let trickle = tokio::spawn(async move {
        while writer.write_all(b" ").await.is_ok() {
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    });
    let mut answer = Vec::new();
    let read = tokio::time::timeout(NEVER, reader.read_to_end(&mut answer)).await;
    trickle.abort();
    let answer = String::from_utf8_lossy(&answer);
    assert!(read.is_ok(), "still open after {NEVER:?}: {answer}");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.to_ascii_lowercase().contains("connection: close"), "{answer}");
    assert!(answer.contains("\"status\":408"), "the problem body: {answer}");

    // A request answered on a kept-alive connection, then nothing: closed.
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    stream.write_all(format!("GET {HOST_ORIGINS} HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).await.unwrap();
    let mut first = [0u8; 512];
    let n = stream.read(&mut first).await.unwrap();
    assert!(first[..n].starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&first[..n]));
    let mut rest = Vec::new();
    let read = tokio::time::timeout(NEVER, stream.read_to_end(&mut rest)).await;
    assert!(read.is_ok(), "an idle keep-alive connection was still open after {NEVER:?}");
}

#[tokio::test]
async fn serve_refuses_timeouts_it_cannot_keep_naming_the_option() {
    let db = TestDb::new().await;
    for (options, named) in [
        (&["--header-read-timeout", "0"][..], "--header-read-timeout"),
        (&["--request-timeout", "3601"], "--request-timeout"),
        (&["--header-read-timeout", "5", "--idle-timeout", "10"], "--idle-timeout"),
        (&["--upstream", "us", "--upstream-timeout", "30", "--request-timeout", "30"], "--upstream-timeout"),
    ] {
        let out = serve(&db, options).env("C360_UPSTREAM_API_KEY", "k").output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{options:?} was accepted");
        assert!(stderr.contains(&format!("error: {named}")), "{options:?}: {stderr}");
    }
}
