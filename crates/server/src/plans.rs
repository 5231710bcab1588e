//! The query plans of the hot queries, as each engine reports them (SQLite's `EXPLAIN QUERY PLAN`,
//! PostgreSQL's `EXPLAIN`), so tests can assert they use indexes (never a table scan) and the
//! benchmark report can show them.

use c360_wire::{Identity, TimeRange};
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use crate::db::Engine;
use crate::insights::{ANALYSED_SQL, RECENT_SQL, identity_query};

/// `(name, plan lines)` for each hot query, for tenant `tenant_id`.
pub async fn query_plans(
    conn: &mut AnyConnection,
    engine: Engine,
    tenant_id: &str,
) -> sqlx::Result<Vec<(String, Vec<String>)>> {
    let explain = match engine {
        Engine::Sqlite => "EXPLAIN QUERY PLAN",
        Engine::Postgres => "EXPLAIN",
    };
    // SQLite's plan rows are (id, parent, notused, detail); PostgreSQL's one text column.
    let column = match engine {
        Engine::Sqlite => 3,
        Engine::Postgres => 0,
    };
    let range = TimeRange { start_ms: 0, end_ms: i64::MAX };
    let identities = [
        ("phone", Identity::Phone { phone_number: "+14155550100".into() }),
        ("email", Identity::Email { email: "a@b.co".into() }),
        ("contact", Identity::Contact { contact_id: "ct-0001".into() }),
        ("account", Identity::Account { account_id: "acct-0000".into() }),
    ];
    let mut out = Vec::new();
    for (name, identity) in &identities {
        for (kind, template) in [("interactions", RECENT_SQL), ("analysed", ANALYSED_SQL)] {
            let query = identity_query(&format!("{explain} {template}"), tenant_id, identity, range, 50);
            let rows = query.fetch_all(&mut *conn).await?;
            let plan = rows.iter().map(|r| r.try_get::<String, _>(column)).collect::<Result<_, _>>()?;
            out.push((format!("{kind} by {name}"), plan));
        }
    }
    let ids: Vec<String> = (0..50).map(|i| format!("int-{i}")).collect();
    let mut query = sqlx::query(AssertSqlSafe(format!("{explain} {}", crate::summaries::find_sql(ids.len()))))
        .bind(tenant_id.to_owned());
    for id in ids {
        query = query.bind(id);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let plan = rows.iter().map(|r| r.try_get::<String, _>(column)).collect::<Result<_, _>>()?;
    out.push(("summaries batch of 50".into(), plan));
    Ok(out)
}
