//! Schema migrations, per engine: the files in `migrations/sqlite` and `migrations/postgres`,
//! versioned alike, applied in order by sqlx's migrator and recorded in `_sqlx_migrations`.
//! Append only: a released migration never changes (sqlx refuses a database whose applied
//! migration no longer matches its checksum).
//!
//! The list is written out here with `include_str!` rather than read by `sqlx::migrate!`: that
//! macro needs sqlx's `macros` feature, which builds both drivers (and SQLite's C sources) a second
//! time for the compiler.
//!
//! SQLite files made by the rusqlite releases (`PRAGMA user_version` 1 or 2, no
//! `_sqlx_migrations`) are adopted: a version-1 file gets the one step it lacks (the screen-pop
//! column, existing tenants keep it on), then the idempotent baseline finds every table present.

use std::borrow::Cow;

use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Row, SqlSafeStr};

use super::{Engine, OpenError};

/// `(version, description, SQLite, PostgreSQL)` of every migration, in order.
const MIGRATIONS: &[(i64, &str, &str, &str)] = &[
    (
        1,
        "baseline",
        include_str!("../../migrations/sqlite/0001_baseline.sql"),
        include_str!("../../migrations/postgres/0001_baseline.sql"),
    ),
    (
        2,
        "rate limits",
        include_str!("../../migrations/sqlite/0002_rate_limits.sql"),
        include_str!("../../migrations/postgres/0002_rate_limits.sql"),
    ),
    (
        3,
        "native crm contacts",
        include_str!("../../migrations/sqlite/0003_native_crm_contacts.sql"),
        include_str!("../../migrations/postgres/0003_native_crm_contacts.sql"),
    ),
    (
        4,
        "contact search pairs",
        include_str!("../../migrations/sqlite/0004_contact_search_pairs.sql"),
        include_str!("../../migrations/postgres/0004_contact_search_pairs.sql"),
    ),
    (
        5,
        "native crm activities",
        include_str!("../../migrations/sqlite/0005_native_crm_activities.sql"),
        include_str!("../../migrations/postgres/0005_native_crm_activities.sql"),
    ),
    (
        6,
        "idempotency request",
        include_str!("../../migrations/sqlite/0006_idempotency_request.sql"),
        include_str!("../../migrations/postgres/0006_idempotency_request.sql"),
    ),
    (
        7,
        "panel token revocations",
        include_str!("../../migrations/sqlite/0007_panel_token_revocations.sql"),
        include_str!("../../migrations/postgres/0007_panel_token_revocations.sql"),
    ),
];

/// The last schema version the rusqlite releases wrote to `PRAGMA user_version`.
const RUSQLITE_LAST_VERSION: i64 = 2;

/// The rusqlite releases' migration 0002, which a version-1 file still lacks.
const RUSQLITE_0002: &str = "ALTER TABLE tenants ADD COLUMN screen_pop INTEGER NOT NULL DEFAULT 1";

/// The migrator for one engine.
pub fn migrator(engine: Engine) -> Migrator {
    Migrator::with_migrations(
        MIGRATIONS
            .iter()
            .map(|(version, description, sqlite, postgres)| {
                let sql = match engine {
                    Engine::Sqlite => *sqlite,
                    Engine::Postgres => *postgres,
                };
                Migration::new(*version, Cow::Borrowed(description), MigrationType::Simple, sql.into_sql_str(), false)
            })
            .collect(),
    )
}

/// Brings the database up to date.
pub async fn apply(pool: &AnyPool, engine: Engine) -> Result<(), OpenError> {
    if engine == Engine::Sqlite {
        adopt_rusqlite_file(pool).await?;
    }
    migrator(engine).run(pool).await?;
    Ok(())
}

/// Brings a file of the rusqlite releases to their last schema, which the baseline adopts as is.
async fn adopt_rusqlite_file(pool: &AnyPool) -> Result<(), OpenError> {
    let mut conn = pool.acquire().await?;
    let version: i64 = sqlx::query("PRAGMA user_version").fetch_one(&mut *conn).await?.try_get(0)?;
    if version > RUSQLITE_LAST_VERSION {
        return Err(OpenError::Schema(format!(
            "this SQLite file has schema version {version}, newer than any c360-server release wrote"
        )));
    }
    if version == 1 {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        sqlx::raw_sql(RUSQLITE_0002).execute(&mut *tx).await?;
        sqlx::raw_sql("PRAGMA user_version = 2").execute(&mut *tx).await?;
        tx.commit().await?;
        tracing::info!("adopted a schema-version-1 SQLite file: screen pop added, on for every tenant");
    }
    Ok(())
}
