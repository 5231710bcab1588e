//! Command-line interface: `serve`, `key create`, `token`, `revoke`, `tenant`, `field set`, `layout set`,
//! `import`, `plans`, `seed`, `migrate`, `backup`. Each takes the database as `--db` (a SQLite
//! file or a PostgreSQL URL) or `C360_DATABASE_URL`.
//! Each command prints what scripts need alone on stdout and everything else on stderr.

mod crm;
mod data;
mod listen;
mod nofile;
mod serve;
mod shutdown;
mod tenant;
mod timeouts;
mod tokens;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::auth::{keys, token};
use crate::db::{Db, Location};
use crate::tenants;

pub use crm::{FieldAction, FieldArgs, LayoutAction};
pub use serve::ServeArgs;
pub use tenant::TenantArgs;

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
    /// The database: a SQLite file (a path or `sqlite:` URL; created if missing) or
    /// `postgres://user[:password]@host:port/database`. Migrated on open.
    #[arg(
        long,
        value_name = "PATH|URL",
        env = "C360_DATABASE_URL",
        hide_env_values = true,
        default_value = "c360.sqlite"
    )]
    pub db: Location,
}

/// One agent of one tenant, whose panel tokens `token` issues and `revoke` revokes.
#[derive(Debug, clap::Args)]
pub struct AgentArgs {
    #[command(flatten)]
    db: DbArg,
    /// Tenant id.
    #[arg(long)]
    tenant: String,
    /// Agent id, as `agentId` of `POST …/tokens` (a token from `token` also shows it as the name).
    #[arg(long)]
    agent: String,
}

/// Sub-commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API (and the built panel with --static).
    Serve(ServeArgs),
    /// Manage API keys.
    Key {
        #[command(subcommand)]
        action: KeyAction,
    },
    /// Print a short-lived panel token for one agent of one tenant, alone on stdout.
    Token {
        #[command(flatten)]
        who: AgentArgs,
        /// Lifetime, e.g. 30m, 8h (at most 24h).
        #[arg(long, default_value = "8h", value_parser = token::parse_ttl)]
        ttl: i64,
    },
    /// Revoke every panel token one agent of one tenant holds, on every instance at once (tokens
    /// issued afterwards work).
    Revoke(AgentArgs),
    /// Create, change or show a tenant's settings.
    Tenant {
        #[command(subcommand)]
        action: TenantAction,
    },
    /// Define a tenant's custom CRM fields.
    Field {
        #[command(subcommand)]
        action: FieldAction,
    },
    /// Define a tenant's CRM layouts.
    Layout {
        #[command(subcommand)]
        action: LayoutAction,
    },
    /// Load interactions for a tenant from a JSON or NDJSON file (all or nothing).
    Import {
        #[command(flatten)]
        db: DbArg,
        /// Tenant id.
        #[arg(long)]
        tenant: String,
        /// JSON in the interactions-insight response shape, or NDJSON of interaction objects.
        #[arg(long)]
        file: PathBuf,
    },
    /// Print the query plans of the hot queries (they must use indexes, never scan).
    Plans {
        #[command(flatten)]
        db: DbArg,
        /// The tenant whose queries are planned (PostgreSQL plans by its statistics).
        #[arg(long, default_value = "demo")]
        tenant: String,
    },
    /// Apply the migrations the database lacks and list those applied (a release step before
    /// rolling the instances; every command and `serve` also migrate on open).
    Migrate {
        #[command(flatten)]
        db: DbArg,
    },
    /// Copy a SQLite database while the server runs (a consistent snapshot; PostgreSQL: pg_dump).
    Backup {
        #[command(flatten)]
        db: DbArg,
        /// The copy to write (must not exist yet).
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Generate a deterministic data set of any size (benchmarks): customers with their
    /// interactions, native-CRM contacts, or both.
    Seed {
        #[command(flatten)]
        db: DbArg,
        /// Tenant id (created if missing).
        #[arg(long)]
        tenant: String,
        /// How many customers (with --interactions).
        #[arg(long, requires = "interactions", required_unless_present_any = ["contacts", "activities"])]
        identities: Option<usize>,
        /// How many interactions in all (with --identities).
        #[arg(long, requires = "identities")]
        interactions: Option<usize>,
        /// How many realistic contacts to add to the tenant's native CRM.
        #[arg(long)]
        contacts: Option<u64>,
        /// How many activities (calls, notes, tasks, events, cases) to add over its contacts.
        #[arg(long)]
        activities: Option<u64>,
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

/// `tenant` actions.
#[derive(Debug, Subcommand)]
pub enum TenantAction {
    /// Create a tenant (speech analytics and native CRM default to on).
    Create(TenantArgs),
    /// Change the given settings of an existing tenant.
    Update(TenantArgs),
    /// Print a tenant's settings.
    Show {
        #[command(flatten)]
        db: DbArg,
        /// Tenant id.
        #[arg(long)]
        tenant: String,
    },
}

/// Opens the database and the token signer the same way for every command.
pub async fn open(location: &Location) -> Result<(Db, token::TokenSigner), String> {
    let db = Db::open(location).await.map_err(|e| format!("cannot open database {}: {e}", location.redacted()))?;
    let env_secret = std::env::var("C360_TOKEN_SECRET").ok().filter(|s| !s.is_empty());
    let mut conn = db.acquire().await.map_err(|e| e.to_string())?;
    let signer = token::TokenSigner::for_database(&mut conn, env_secret.as_deref()).await?;
    drop(conn);
    Ok((db, signer))
}

/// Runs a command. Returns what to print on stdout.
pub async fn run(cli: Cli) -> Result<Option<String>, String> {
    let now = chrono::Utc::now();
    match cli.command {
        Command::Serve(args) => serve::run(args).await.map(|()| None),
        Command::Key { action: KeyAction::Create { db, tenant } } => {
            let (db, _) = open(&db.db).await?;
            let mut conn = db.acquire().await.map_err(|e| e.to_string())?;
            let t = tenants::find(&mut conn, &tenant)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("unknown tenant {tenant:?}"))?;
            let key =
                keys::create(&mut conn, &t.account_id, now.timestamp_millis()).await.map_err(|e| e.to_string())?;
            Ok(Some(key))
        }
        Command::Token { who, ttl } => tokens::issue(&who, ttl, now.timestamp()).await.map(Some),
        Command::Revoke(who) => tokens::revoke(&who, now.timestamp()).await.map(Some),
        Command::Tenant { action } => tenant::run(action, now.timestamp_millis()).await.map(Some),
        Command::Field { action: FieldAction::Set(args) } => {
            crm::set_field(args, now.timestamp_millis()).await.map(Some)
        }
        Command::Layout { action: LayoutAction::Set { db, tenant, file } } => {
            crm::set_layouts(&db.db, &tenant, &file, now.timestamp_millis()).await.map(Some)
        }
        Command::Import { db, tenant, file } => data::import(&db.db, &tenant, &file).await.map(Some),
        Command::Plans { db, tenant } => {
            let (db, _) = open(&db.db).await?;
            let mut conn = db.acquire().await.map_err(|e| e.to_string())?;
            let plans = crate::plans::query_plans(&mut conn, db.engine(), &tenant).await.map_err(|e| e.to_string())?;
            Ok(Some(
                plans.iter().map(|(name, plan)| format!("{name}: {}", plan.join(" / "))).collect::<Vec<_>>().join("\n"),
            ))
        }
        Command::Migrate { db } => {
            let db = Db::open(&db.db).await.map_err(|e| format!("cannot open database {}: {e}", db.db.redacted()))?;
            let applied: Vec<(i64, String)> =
                sqlx::query_as("SELECT version, description FROM _sqlx_migrations ORDER BY version")
                    .fetch_all(db.pool())
                    .await
                    .map_err(|e| e.to_string())?;
            Ok(Some(applied.iter().map(|(v, d)| format!("{v:04} {d}")).collect::<Vec<_>>().join("\n")))
        }
        Command::Backup { db, to } => {
            let db = Db::open(&db.db).await.map_err(|e| format!("cannot open database {}: {e}", db.db.redacted()))?;
            let bytes = crate::db::backup(&db, &to).await?;
            Ok(Some(format!("backed up to {} ({bytes} bytes)", to.display())))
        }
        Command::Seed { db, tenant, identities, interactions, contacts, activities } => {
            let history = identities.zip(interactions);
            data::seed(&db.db, &tenant, history, contacts, activities, now.timestamp_millis()).await.map(Some)
        }
    }
}
