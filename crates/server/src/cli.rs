//! Command-line interface: `serve`, `key create`, `token`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::auth::{keys, token};
use crate::db::Db;
use crate::state::AppState;
use crate::{demo, tenants};

/// Customer 360 reference API server.
#[derive(Debug, Parser)]
#[command(name = "c360-server", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The database every command works on.
#[derive(Debug, clap::Args)]
pub struct DbArg {
    /// SQLite database file (created and migrated if missing).
    #[arg(long, env = "C360_DB", default_value = "c360.sqlite")]
    pub db: PathBuf,
}

/// Sub-commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API (and the built panel with --static).
    Serve {
        #[command(flatten)]
        db: DbArg,
        /// Address to listen on.
        #[arg(long, env = "C360_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Create and seed the demo tenant if it does not exist yet.
        #[arg(long)]
        demo: bool,
        /// Directory of the built panel (trunk's dist/) to serve at `/`.
        #[arg(long = "static", env = "C360_STATIC")]
        static_dir: Option<PathBuf>,
    },
    /// Manage API keys.
    Key {
        #[command(subcommand)]
        action: KeyAction,
    },
    /// Print a short-lived panel token for one agent of one tenant, alone on stdout.
    Token {
        #[command(flatten)]
        db: DbArg,
        /// Tenant id.
        #[arg(long)]
        tenant: String,
        /// Agent name.
        #[arg(long)]
        agent: String,
        /// Lifetime, e.g. 30m, 8h (at most 24h).
        #[arg(long, default_value = "8h", value_parser = token::parse_ttl)]
        ttl: i64,
    },
}

/// `key` actions.
#[derive(Debug, Subcommand)]
pub enum KeyAction {
    /// Create an API key for the account owning a tenant; prints it once, alone on stdout.
    Create {
        #[command(flatten)]
        db: DbArg,
        /// A tenant of the account the key is for.
        #[arg(long)]
        tenant: String,
    },
}

/// The signing secret from the environment, if set.
fn env_secret() -> Option<String> {
    std::env::var("C360_TOKEN_SECRET").ok().filter(|s| !s.is_empty())
}

/// Opens the database and the token signer the same way for every command.
pub fn open(db_path: &std::path::Path) -> Result<(Db, token::TokenSigner), String> {
    let db = Db::open(db_path).map_err(|e| format!("cannot open database {}: {e}", db_path.display()))?;
    let signer = db
        .with(|conn| Ok(token::TokenSigner::for_database(conn, env_secret().as_deref())))
        .map_err(|e| e.to_string())??;
    Ok((db, signer))
}

/// Runs a command. Returns what to print on stdout.
pub async fn run(cli: Cli) -> Result<Option<String>, String> {
    let now = chrono::Utc::now();
    match cli.command {
        Command::Serve { db, listen, demo: seed, static_dir } => {
            let (db, tokens) = open(&db.db)?;
            if seed {
                let n = db.with(|conn| demo::seed_demo(conn, now.timestamp_millis())).map_err(|e| e.to_string())?;
                if n > 0 {
                    tracing::info!(interactions = n, "seeded demo tenant");
                }
            }
            if let Some(dir) = &static_dir
                && !dir.join("index.html").is_file()
            {
                return Err(format!("--static {}: no index.html there (build the panel first)", dir.display()));
            }
            let state = AppState { db, tokens, static_dir };
            let listener =
                tokio::net::TcpListener::bind(listen).await.map_err(|e| format!("cannot listen on {listen}: {e}"))?;
            let addr = listener.local_addr().map_err(|e| e.to_string())?;
            tracing::info!("listening on http://{addr}");
            axum::serve(listener, crate::app(state))
                .with_graceful_shutdown(shutdown_signal())
                .await
                .map_err(|e| e.to_string())?;
            Ok(None)
        }
        Command::Key { action: KeyAction::Create { db, tenant } } => {
            let (db, _) = open(&db.db)?;
            let key = db
                .with(|conn| {
                    let Some(t) = tenants::find(conn, &tenant)? else { return Ok(None) };
                    keys::create(conn, &t.account_id, now.timestamp_millis()).map(Some)
                })
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("unknown tenant {tenant:?}"))?;
            Ok(Some(key))
        }
        Command::Token { db, tenant, agent, ttl } => {
            let (db, signer) = open(&db.db)?;
            let exists = db.with(|conn| tenants::find(conn, &tenant)).map_err(|e| e.to_string())?.is_some();
            if !exists {
                return Err(format!("unknown tenant {tenant:?}"));
            }
            if agent.trim().is_empty() {
                return Err("--agent must not be empty".into());
            }
            let iat = now.timestamp();
            Ok(Some(signer.sign(&token::Claims { tid: tenant, sub: agent, iat, exp: iat + ttl })))
        }
    }
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
