//! The query plans of the hot queries, so tests can assert they use indexes (never a table scan)
//! and the benchmark report can show them.

use c360_wire::{Identity, TimeRange};
use rusqlite::Connection;

use crate::insights::{ANALYSED_SQL, RECENT_SQL, identity_sql};

/// `(name, EXPLAIN QUERY PLAN lines)` for each hot query.
pub fn query_plans(conn: &Connection) -> rusqlite::Result<Vec<(String, Vec<String>)>> {
    let range = TimeRange { start_ms: 0, end_ms: i64::MAX };
    let identities = [
        ("phone", Identity::Phone { phone_number: "+14155550100".into() }),
        ("email", Identity::Email { email: "a@b.co".into() }),
        ("contact", Identity::Contact { contact_id: "ct-0001".into() }),
        ("account", Identity::Account { account_id: "acct-0000".into() }),
    ];
    let mut out = Vec::new();
    for (name, identity) in &identities {
        let (filter, value) = identity_sql(identity);
        for (kind, template) in [("interactions", RECENT_SQL), ("analysed", ANALYSED_SQL)] {
            let sql = template.replace("{filter}", filter);
            let params = rusqlite::params!["t", value, range.start_ms, range.end_ms, 50];
            out.push((format!("{kind} by {name}"), explain(conn, &sql, params)?));
        }
    }
    let ids: Vec<String> = (0..50).map(|i| format!("int-{i}")).collect();
    let sql = crate::summaries::find_sql(ids.len());
    let params = rusqlite::params_from_iter(std::iter::once("t".to_owned()).chain(ids));
    out.push(("summaries batch of 50".into(), explain(conn, &sql, params)?));
    Ok(out)
}

fn explain(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let rows = stmt.query_map(params, |r| r.get::<_, String>(3))?;
    rows.collect()
}
