//! Schema migrations: SQL files applied in order, tracked with `PRAGMA user_version`.

use rusqlite::Connection;

/// Every migration, in order. Append only: a shipped migration never changes.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations/0001_init.sql")];

/// Applies the migrations the database has not seen yet, each in its own transaction.
pub fn apply(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: usize = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
