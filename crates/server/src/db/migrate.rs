//! Schema migrations: SQL files applied in order, tracked with `PRAGMA user_version`.

use rusqlite::Connection;

/// Every migration, in order. Append only: a shipped migration never changes.
const MIGRATIONS: &[&str] =
    &[include_str!("../../migrations/0001_init.sql"), include_str!("../../migrations/0002_screen_pop.sql")];

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_of_the_first_schema_keeps_its_tenants_with_screen_pop_on() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute("INSERT INTO tenants (id, account_id, created_at) VALUES ('acme', 'acme', 0)", []).unwrap();
        apply(&mut conn).unwrap();
        let pop: bool = conn.query_row("SELECT screen_pop FROM tenants WHERE id = 'acme'", [], |r| r.get(0)).unwrap();
        assert!(pop);
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version as usize, MIGRATIONS.len());
        apply(&mut conn).unwrap();
    }
}
