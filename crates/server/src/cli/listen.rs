//! Serving a router on a listener with hyper directly rather than `axum::serve`, for what a server
//! facing slow or hostile clients needs and `axum::serve` leaves out: a connection must deliver
//! each request's head within the header-read timeout (hyper's own, on a tokio timer), a
//! connection with no request in progress is closed after the idle timeout, and a failing accept —
//! `EMFILE` when file descriptors run out — backs off instead of retrying at once. The
//! whole-request timeout is the router's (`http::request_timeout`). Each request carries its
//! connection's peer address (`ConnectInfo`, as `axum::serve` gives it), which
//! `http::client_addr` reads.
//!
//! On a stop the listener closes, and each connection closes once its request in progress, if any,
//! is answered. A connection accepted before the stop whose first request has not come yet waits
//! for it (within the idle and header-read timeouts) and answers it: the instance took it.

use std::io;
use std::net::SocketAddr;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::{Service, service_fn};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

use super::shutdown::Shutdown;
use super::timeouts::Timeouts;

/// The first wait after a failed accept, doubled on each failure in a row up to [`BACKOFF_MAX`].
const BACKOFF_MIN: Duration = Duration::from_millis(10);
const BACKOFF_MAX: Duration = Duration::from_secs(1);

/// Serves `router` on `listener` until a stop is asked for and the requests in flight are done, or
/// `grace` has passed since the stop (the connections still open are then dropped).
pub async fn serve(listener: TcpListener, router: Router, timeouts: Timeouts, stop: Shutdown, grace: Duration) {
    let deadline = async {
        stop.clone().requested().await;
        tokio::time::sleep(grace).await;
    };
    tokio::select! {
        () = accept(listener, router, timeouts, stop.clone()) => {}
        () = deadline => {
            tracing::warn!(seconds = grace.as_secs_f32(), "grace period over: dropping the connections still open");
        }
    }
}

/// Accepts connections on `listener` and serves `router` on each until `stop`, then waits until
/// every connection has closed.
async fn accept(listener: TcpListener, router: Router, timeouts: Timeouts, stop: Shutdown) {
    // Each connection holds a receiver; `closed()` resolves once the last one is gone.
    let (open_tx, open_rx) = watch::channel(());
    let mut backoff = Backoff::default();
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = stop.clone().requested() => break,
        };
        match accepted {
            Ok((stream, peer)) => {
                backoff.recovered();
                tokio::spawn(connection(stream, peer, router.clone(), timeouts, stop.clone(), open_rx.clone()));
            }
            Err(e) => backoff.wait(e).await,
        }
    }
    drop(listener);
    drop(open_rx);
    open_tx.closed().await;
}

/// One connection, to its end: closed by the client, by a timeout, or after a stop.
async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    router: Router,
    timeouts: Timeouts,
    stop: Shutdown,
    _open: watch::Receiver<()>,
) {
    let busy = Arc::new(watch::Sender::new(Requests::default()));
    let service = {
        let (router, busy) = (TowerToHyperService::new(router), busy.clone());
        service_fn(move |mut request: hyper::Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            let working = Working::begin(busy.clone());
            let answer = router.call(request);
            async move {
                let answer = answer.await;
                drop(working);
                answer
            }
        })
    };
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(timeouts.header_read);
    let mut conn = pin!(builder.serve_connection(TokioIo::new(stream), service));
    let mut idle = pin!(idle(busy.subscribe(), timeouts.idle));
    let mut stopped = pin!(stop.requested());
    let mut first_request = pin!(first_request(busy.subscribe()));
    let (mut stopping, mut closing) = (false, false);
    loop {
        // `graceful_shutdown` closes at once when no request has begun to arrive, otherwise after
        // its answer.
        tokio::select! {
            done = conn.as_mut() => {
                if let Err(e) = done {
                    tracing::debug!(error = %e, "connection closed");
                }
                return;
            }
            () = &mut idle, if !closing => {
                closing = true;
                conn.as_mut().graceful_shutdown();
            }
            () = &mut stopped, if !stopping => stopping = true,
            () = &mut first_request, if stopping && !closing => {
                closing = true;
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}

/// What a connection's requests have come to so far.
#[derive(Clone, Copy, Default)]
struct Requests {
    /// Requests begun: their head read.
    begun: u64,
    /// Requests begun whose answer's head is not ready yet.
    in_progress: usize,
}

/// Resolves once the connection has had no request in progress for `limit` in a row.
async fn idle(mut busy: watch::Receiver<Requests>, limit: Duration) {
    loop {
        if busy.wait_for(|requests| requests.in_progress == 0).await.is_err() {
            return std::future::pending().await;
        }
        if tokio::time::timeout(limit, busy.changed()).await.is_err() {
            return;
        }
    }
}

/// Resolves once the connection's first request has begun.
async fn first_request(mut busy: watch::Receiver<Requests>) {
    if busy.wait_for(|requests| requests.begun > 0).await.is_err() {
        std::future::pending().await
    }
}

/// A request in progress on a connection, counted while it lives.
struct Working(Arc<watch::Sender<Requests>>);

impl Working {
    fn begin(busy: Arc<watch::Sender<Requests>>) -> Self {
        busy.send_modify(|requests| {
            requests.begun += 1;
            requests.in_progress += 1;
        });
        Self(busy)
    }
}

impl Drop for Working {
    fn drop(&mut self) {
        self.0.send_modify(|requests| requests.in_progress -= 1);
    }
}

/// Waiting after failed accepts: 10 ms, doubling to 1 s while they keep failing, so a server out
/// of file descriptors neither spins nor floods its log (one line when it starts, one when it
/// ends). Connections that failed on their way in are not failures of the listener.
#[derive(Default)]
struct Backoff {
    failures: u64,
    delay: Duration,
}

impl Backoff {
    async fn wait(&mut self, e: io::Error) {
        use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
        if matches!(e.kind(), ConnectionAborted | ConnectionRefused | ConnectionReset) {
            return;
        }
        if self.failures == 0 {
            tracing::error!(error = %e, "cannot accept connections: backing off (up to 1 s) until it can");
        }
        self.failures += 1;
        self.delay = (self.delay * 2).clamp(BACKOFF_MIN, BACKOFF_MAX);
        tokio::time::sleep(self.delay).await;
    }

    fn recovered(&mut self) {
        if self.failures > 0 {
            tracing::warn!(failed = self.failures, "accepting connections again");
            *self = Self::default();
        }
    }
}
