//! The database: one sqlx pool over SQLite (the default: one embedded file, nothing to install) or
//! PostgreSQL (several stateless instances sharing one database), chosen by the location given to
//! [`Db::open`]; each engine's migrations are applied on open.
//!
//! Queries go through `sqlx::Any`, so each is written once, in the SQL both engines speak (`$n`
//! placeholders, `ON CONFLICT … DO NOTHING / DO UPDATE`, `RETURNING`), next to the handler or
//! command that runs it, and every test runs it on both. What the engines do not share branches on
//! [`Engine`]: the schema (`migrations/sqlite`, `migrations/postgres`), connection settings, query
//! plans and backups (`backup.rs`). The price of `Any` is a copy of each row into engine-neutral values and
//! flags read through [`flag`] (SQLite has no boolean type); per-engine pools would instead write
//! every query twice.

mod backup;
mod location;
mod migrate;

pub use backup::backup;
pub use location::Location;

use std::time::Duration;

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Row};

/// Which engine a database runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// One embedded file (WAL mode): the default, for one machine.
    Sqlite,
    /// A PostgreSQL database shared by any number of instances.
    Postgres,
}

impl Engine {
    /// The engine `conn` talks to.
    pub fn of(conn: &AnyConnection) -> Self {
        if conn.backend_name().eq_ignore_ascii_case("sqlite") { Self::Sqlite } else { Self::Postgres }
    }

    /// Rows per multi-row `INSERT`. PostgreSQL gains up to hundreds (one round trip each). SQLite
    /// has no round trip to save, and sqlx binds each parameter by its name, which SQLite looks up
    /// in a list: the cost per row grows with the statement (measured with 23 columns: 17 µs a row
    /// at 10 rows, 73 µs at 100, 260 µs at 200).
    pub fn insert_batch(self) -> usize {
        match self {
            Self::Sqlite => 8,
            Self::Postgres => 200,
        }
    }
}

/// Why a database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The location is neither a file path nor a `sqlite:` / `postgres://` URL.
    #[error("{0}")]
    Location(String),
    /// The database refused the connection or a statement.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// A migration failed, or the database was changed by a newer server.
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A SQLite file this server cannot adopt.
    #[error("{0}")]
    Schema(String),
}

/// A cheap-to-clone handle on the database's connection pool.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    engine: Engine,
}

impl Db {
    /// Connects to `location` (a SQLite file, created if missing, or a PostgreSQL URL) and applies
    /// pending migrations.
    pub async fn open(location: &Location) -> Result<Self, OpenError> {
        sqlx::any::install_default_drivers();
        let engine = location.engine();
        if let Location::SqliteFile(path) = location
            && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent)
                .map_err(|e| OpenError::Location(format!("cannot create {}: {e}", parent.display())))?;
        }
        // No ping before each acquire (sqlx's default): it is a round trip per request (to the
        // connection's thread, or over the network), and a broken connection fails its query
        // and is dropped from the pool anyway.
        let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10)).test_before_acquire(false);
        let pool = match engine {
            // SQLite reads run in parallel (WAL) on a thread per connection; 2 cores need few.
            Engine::Sqlite => options.max_connections(8).after_connect(|conn, _| {
                Box::pin(async move {
                    // Durable at each checkpoint, not each commit: WAL's usual trade.
                    sqlx::raw_sql("PRAGMA synchronous = NORMAL").execute(conn).await.map(drop)
                })
            }),
            Engine::Postgres => options.max_connections(16),
        }
        .connect(&location.url())
        .await?;
        if engine == Engine::Sqlite {
            // Persistent in the file: readers never wait for the writer.
            sqlx::raw_sql("PRAGMA journal_mode = WAL").execute(&pool).await?;
        }
        migrate::apply(&pool, engine).await?;
        Ok(Self { pool, engine })
    }

    /// The engine behind this handle.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// The pool, for a single statement.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// One connection for a sequence of statements (a request, a command).
    pub async fn acquire(&self) -> Result<PoolConnection<Any>, sqlx::Error> {
        self.pool.acquire().await
    }

    /// Waits for connections in use to return, then closes them all (shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A boolean column: PostgreSQL's BOOLEAN, or SQLite's INTEGER 0/1.
pub fn flag(row: &AnyRow, index: usize) -> Result<bool, sqlx::Error> {
    row.try_get::<bool, _>(index).or_else(|_| row.try_get::<i64, _>(index).map(|v| v != 0))
}

/// `$from, $from+1, …` for `count` parameters: the placeholders of a list both engines accept.
pub fn placeholders(from: usize, count: usize) -> String {
    (from..from + count).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// `($1, …, $cols), ($cols+1, …), …` for a multi-row `VALUES` of `rows` rows.
pub fn values_rows(rows: usize, cols: usize) -> String {
    (0..rows).map(|r| format!("({})", placeholders(1 + r * cols, cols))).collect::<Vec<_>>().join(", ")
}

/// `items` with one per key, the last given, in the order keys first appear: one multi-row upsert
/// may not change a row twice (PostgreSQL refuses), while a later row replaces an earlier one.
pub fn last_per_key<T>(items: &[T], key: impl Fn(&T) -> &str) -> Vec<&T> {
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::with_capacity(items.len());
    let mut kept: Vec<&T> = Vec::with_capacity(items.len());
    for item in items {
        match index.get(key(item)) {
            Some(&at) => kept[at] = item,
            None => {
                index.insert(key(item), kept.len());
                kept.push(item);
            }
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_of_each_key_is_kept_where_the_key_first_appeared() {
        let items = [("a", 1), ("b", 2), ("a", 3)];
        assert_eq!(last_per_key(&items, |i| i.0), [&("a", 3), &("b", 2)]);
    }

    #[test]
    fn placeholders_number_every_parameter_once() {
        assert_eq!(placeholders(2, 3), "$2, $3, $4");
        assert_eq!(values_rows(2, 2), "($1, $2), ($3, $4)");
    }
}
