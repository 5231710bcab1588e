//! Online backups of a SQLite database: `VACUUM INTO` writes a consistent copy from one read
//! transaction, so the server keeps reading and writing meanwhile (WAL: readers and the writer do
//! not wait for each other) and the copy holds exactly the transactions committed when it began.
//!
//! Why `VACUUM INTO` rather than the C backup API: it is SQLite's documented online copy, reached
//! through the same sqlx connection as every query; the backup API would need a second SQLite
//! binding (rusqlite) kept on the very `libsqlite3-sys` sqlx links. The copy also comes out
//! compacted. PostgreSQL has its own tools (`pg_dump`, base backups; docs/deploy.md).

use std::path::Path;

use super::{Db, Engine};

/// Writes a copy of the SQLite database to `to` (which must not exist yet), through a temporary
/// file renamed at the end, so `to` is only ever a complete copy. Returns its size in bytes.
pub async fn backup(db: &Db, to: &Path) -> Result<u64, String> {
    if db.engine() != Engine::Sqlite {
        return Err(
            "backup copies SQLite databases; for PostgreSQL use pg_dump or base backups (docs/deploy.md)".into()
        );
    }
    if to.exists() {
        return Err(format!("{} exists already: a backup never overwrites", to.display()));
    }
    let mut partial = to.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    let _ = std::fs::remove_file(&partial);
    let target = partial.to_str().ok_or("the backup path must be UTF-8")?.to_owned();
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(db.pool())
        .await
        .map_err(|e| format!("backup to {}: {e}", to.display()))?;
    std::fs::rename(&partial, to).map_err(|e| format!("{}: {e}", to.display()))?;
    std::fs::metadata(to).map(|m| m.len()).map_err(|e| e.to_string())
}
