//! `c360-server serve`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::{DbArg, open};
use crate::demo;
use crate::ratelimit::RateLimiter;
use crate::state::AppState;
use crate::upstream::Upstream;

/// `serve` options.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on (port 0 picks a free one; the log says which).
    #[arg(long, env = "C360_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Create and seed the demo tenant if it does not exist yet.
    #[arg(long)]
    pub demo: bool,
    /// Directory of the built panel (trunk's dist/) to serve at `/`.
    #[arg(long = "static", env = "C360_STATIC")]
    pub static_dir: Option<PathBuf>,
    /// Forward the contract endpoints to the real upstream: us, uk, ca, ap or a base URL.
    #[arg(long, env = "C360_UPSTREAM")]
    pub upstream: Option<String>,
    /// File holding the upstream API key (else the C360_UPSTREAM_API_KEY environment variable).
    #[arg(long)]
    pub upstream_key_file: Option<PathBuf>,
    /// Seconds to wait for the upstream before answering 504.
    #[arg(long, default_value_t = 5.0)]
    pub upstream_timeout: f64,
    /// Requests allowed per credential per minute (429 with Retry-After beyond); off if absent.
    #[arg(long, env = "C360_RATE_LIMIT")]
    pub rate_limit_per_minute: Option<u32>,
}

/// Runs the server until Ctrl-C or SIGTERM.
pub async fn run(args: ServeArgs) -> Result<(), String> {
    let (db, tokens) = open(&args.db.db)?;
    if args.demo {
        let now = chrono::Utc::now().timestamp_millis();
        let n = db.with(|conn| demo::seed_demo(conn, now)).map_err(|e| e.to_string())?;
        if n > 0 {
            tracing::info!(interactions = n, "seeded demo tenant");
        }
    }
    if let Some(dir) = &args.static_dir
        && !dir.join("index.html").is_file()
    {
        return Err(format!("--static {}: no index.html there (build the panel first)", dir.display()));
    }
    let upstream = match &args.upstream {
        None => None,
        Some(target) => {
            let key = match &args.upstream_key_file {
                Some(path) => {
                    std::fs::read_to_string(path).map_err(|e| format!("--upstream-key-file {}: {e}", path.display()))?
                }
                None => std::env::var("C360_UPSTREAM_API_KEY")
                    .map_err(|_| "forwarding needs C360_UPSTREAM_API_KEY or --upstream-key-file")?,
            };
            if !(args.upstream_timeout > 0.0 && args.upstream_timeout <= 120.0) {
                return Err("--upstream-timeout must be between 0 and 120 seconds".into());
            }
            let upstream = Upstream::new(target, &key, Duration::from_secs_f64(args.upstream_timeout))?;
            tracing::info!(base = upstream.base(), "forwarding the contract endpoints upstream");
            Some(upstream)
        }
    };
    let state = AppState {
        static_dir: args.static_dir,
        upstream,
        limiter: args.rate_limit_per_minute.map(|n| Arc::new(RateLimiter::new(n))),
        ..AppState::new(db, tokens)
    };
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!("listening on http://{addr}");
    axum::serve(listener, crate::app(state)).with_graceful_shutdown(shutdown_signal()).await.map_err(|e| e.to_string())
}

async fn shutdown_signal() {
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
