//! `c360-server serve`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::shutdown::Shutdown;
use super::timeouts::TimeoutArgs;
use super::{DbArg, open};
use super::{listen, nofile};
use crate::demo;
use crate::ratelimit::{AuthFailureLimiter, RateLimiter};
use crate::state::AppState;
use crate::upstream::Upstream;
use crate::workspace::{self, WorkspaceState};

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
    /// Failed authentications (401, an expired panel token aside) allowed per client address per
    /// minute; beyond, every request from it that needs a credential answers 429 with Retry-After
    /// until the minute ends. 0 turns the limit off. The address is the connection's peer: behind
    /// a load balancer, the balancer's (docs/deploy.md).
    #[arg(long, env = "C360_AUTH_FAILURE_LIMIT", value_name = "PER_MINUTE",
          default_value_t = AuthFailureLimiter::DEFAULT_PER_MINUTE)]
    pub auth_failure_limit: u32,
    /// Host origin (`https://host[:port]`) allowed to embed and message every tenant's panel, besides
    /// each tenant's own; repeatable (the environment variable takes a comma-separated list).
    #[arg(
        long = "allow-host-origin",
        value_name = "ORIGIN",
        env = "C360_ALLOW_HOST_ORIGINS",
        value_delimiter = ',',
        value_parser = crate::tenants::parse_origin
    )]
    pub allow_host_origins: Vec<String>,
    /// Also serve the demo agent workspace, on this second address (port 0 picks a free one; the log
    /// says which). Needs --demo and --static.
    #[arg(long, value_name = "ADDR")]
    pub workspace_listen: Option<SocketAddr>,
    /// The origin browsers reach this server at, when that is not its listening address (behind a
    /// load balancer): the demo workspace frames the panel from there.
    #[arg(long, env = "C360_PUBLIC_ORIGIN", value_name = "ORIGIN", value_parser = crate::tenants::parse_origin)]
    pub public_origin: Option<String>,
    /// Seconds the requests in flight get to finish after SIGTERM before their connections are
    /// dropped.
    #[arg(long, env = "C360_SHUTDOWN_GRACE", default_value_t = 10.0, value_name = "SECS")]
    pub shutdown_grace: f64,
    #[command(flatten)]
    pub timeouts: TimeoutArgs,
}

/// Runs the server until Ctrl-C or SIGTERM.
pub async fn run(args: ServeArgs) -> Result<(), String> {
    if !(0.0..=600.0).contains(&args.shutdown_grace) {
        return Err("--shutdown-grace must be between 0 and 600 seconds".into());
    }
    let grace = Duration::from_secs_f64(args.shutdown_grace);
    let (timeouts, request_timeout) = args.timeouts.parse()?;
    if args.upstream.is_some() && args.upstream_timeout >= request_timeout.as_secs_f64() {
        return Err("--upstream-timeout must be shorter than --request-timeout".into());
    }
    nofile::raise_open_files_limit();
    if args.workspace_listen.is_some() && !(args.demo && args.static_dir.is_some()) {
        return Err("--workspace-listen needs --demo and --static: the workspace embeds the demo panel".into());
    }
    let (db, tokens) = open(&args.db.db).await?;
    if args.demo {
        let now = chrono::Utc::now().timestamp_millis();
        let mut conn = db.acquire().await.map_err(|e| e.to_string())?;
        let n = demo::seed_demo(&mut conn, now).await.map_err(|e| e.to_string())?;
        if n > 0 {
            tracing::info!(interactions = n, "seeded the demo tenants");
        }
        let n = demo::seed_demo_contacts(&mut conn, now).await.map_err(|e| e.to_string())?;
        if n > 0 {
            tracing::info!(contacts = n, "seeded the demo tenant's contacts");
        }
        let n = demo::seed_demo_layouts(&mut conn, now).await.map_err(|e| e.to_string())?;
        if n > 0 {
            tracing::info!(layouts = n, "seeded the demo tenant's layouts");
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
    let listener = bind(args.listen).await?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let mut host_origins = args.allow_host_origins;
    let workspace = match args.workspace_listen {
        None => None,
        Some(at) => {
            let listener = bind(at).await?;
            let origin = workspace::origin_of(listener.local_addr().map_err(|e| e.to_string())?);
            // The demo tenants (like every other) must accept the workspace as a host.
            host_origins.push(origin.clone());
            Some((listener, origin))
        }
    };
    host_origins.sort_unstable();
    host_origins.dedup();
    let state = AppState {
        static_dir: args.static_dir,
        upstream,
        limiter: args.rate_limit_per_minute.map(|n| Arc::new(RateLimiter::new(n))),
        auth_failures: (args.auth_failure_limit > 0)
            .then(|| Arc::new(AuthFailureLimiter::new(args.auth_failure_limit))),
        host_origins: host_origins.into(),
        request_timeout,
        ..AppState::new(db, tokens)
    };
    let public_origin = args.public_origin;
    let stop = Shutdown::on_signal();
    tracing::info!("listening on http://{addr}");
    let workspace = workspace.map(|(listener, origin)| {
        let router = workspace::router(WorkspaceState {
            tokens: state.tokens.clone(),
            db: state.db.clone(),
            panel_origin: public_origin.unwrap_or_else(|| workspace::origin_of(addr)),
        });
        tracing::info!("demo workspace on {origin}{}", workspace::PAGE_PATH);
        tokio::spawn(listen::serve(listener, router, timeouts, stop.clone(), grace))
    });
    let db = state.db.clone();
    listen::serve(listener, crate::app(state), timeouts, stop, grace).await;
    if let Some(task) = workspace {
        let _ = task.await;
    }
    // Requests are done: return the database connections (bounded, as the requests were).
    if tokio::time::timeout(Duration::from_secs(5), db.close()).await.is_err() {
        tracing::warn!("database connections still busy after 5 s: leaving them");
    }
    tracing::info!("stopped");
    Ok(())
}

async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, String> {
    tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))
}
