//! Stopping `serve` gracefully, as a load balancer expects of an instance it drains: on SIGTERM
//! (or Ctrl-C) the listeners stop accepting, requests in flight finish — for at most the grace
//! period, after which the connections still open are dropped (`listen::serve`) — the database
//! pool closes, and the process exits 0.

use tokio::sync::watch;

/// Whether a stop was asked for; cheap to clone, one per listener.
#[derive(Clone)]
pub struct Shutdown(watch::Receiver<bool>);

impl Shutdown {
    /// Fires on SIGTERM or Ctrl-C.
    pub fn on_signal() -> Self {
        let (tx, rx) = watch::channel(false);
        tokio::spawn(async move {
            signal().await;
            tracing::info!("stop requested: no new connections, finishing the requests in flight");
            let _ = tx.send(true);
        });
        Self(rx)
    }

    /// Waits until a stop is asked for.
    pub async fn requested(self) {
        let mut rx = self.0;
        let _ = rx.wait_for(|stop| *stop).await;
    }
}

async fn signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}
