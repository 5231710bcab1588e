//! The query plans of the hot queries, as each engine reports them (SQLite's `EXPLAIN QUERY PLAN`,
//! PostgreSQL's `EXPLAIN`), so tests can assert they use indexes (never a table scan) and the
//! benchmark report can show them: the contract's history and insights queries, the summaries
//! batch, and the native CRM's contact search (each probe of a realistic mix of queries),
//! identity match and related records.

use c360_wire::{Identity, TimeRange};
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use crate::crm::activities::store::{COLUMNS, KEY_SQL};
use crate::crm::contacts::index::holders_sql;
use crate::crm::contacts::search::typical_statements;
use crate::crm::contacts::store::COLUMNS as CONTACT_COLUMNS;
use crate::crm::related::related_sql;
use crate::db::Engine;
use crate::insights::{ANALYSED_SQL, RECENT_SQL, identity_query};

/// `(name, plan lines)` for each hot query, for tenant `tenant_id`.
pub async fn query_plans(
    conn: &mut AnyConnection,
    engine: Engine,
    tenant_id: &str,
) -> sqlx::Result<Vec<(String, Vec<String>)>> {
    let explain = explain(engine);
    let range = TimeRange { start_ms: 0, end_ms: i64::MAX };
    // A contact the tenant has: planned by what is known of its own interactions.
    let contact_id: Option<String> = sqlx::query_scalar(
        "SELECT contact_id FROM interactions WHERE tenant_id = $1 AND contact_id IS NOT NULL ORDER BY contact_id LIMIT 1",
    )
    .bind(tenant_id)
    .fetch_optional(&mut *conn)
    .await?;
    let identities = [
        ("phone", Identity::Phone { phone_number: "+14155550100".into() }),
        ("email", Identity::Email { email: "a@b.co".into() }),
        ("contact", Identity::Contact { contact_id: contact_id.unwrap_or_else(|| "ct-0001".into()) }),
        ("account", Identity::Account { account_id: "acct-0000".into() }),
    ];
    let mut out = Vec::new();
    for (name, identity) in &identities {
        for (kind, template) in [("interactions", RECENT_SQL), ("analysed", ANALYSED_SQL)] {
            let query = identity_query(&format!("{explain} {template}"), tenant_id, identity, range, 50);
            out.push((format!("{kind} by {name}"), plan_of(query.fetch_all(&mut *conn).await?, engine)?));
        }
    }
    let ids: Vec<String> = (0..50).map(|i| format!("int-{i}")).collect();
    let summaries = crate::summaries::find_sql(ids.len());
    out.push(("summaries batch of 50".into(), explained(conn, engine, &summaries, tenant_id, &ids).await?));
    let identity = vec!["+14155550100".to_owned()];
    out.push((
        "contact identity match".into(),
        explained(conn, engine, &holders_sql(1, 51), tenant_id, &identity).await?,
    ));
    let related = [contact_id_for_activities(conn, tenant_id).await?, "int-1".to_owned()];
    out.push(("related records".into(), explained(conn, engine, &related_sql(), tenant_id, &related).await?));
    // Activity create's reads: the contact it is about, and on a retry the key's first record.
    let contact = [related[0].clone()];
    let contact_sql = format!("SELECT {CONTACT_COLUMNS} FROM contacts WHERE tenant_id = $1 AND contact_id = $2");
    out.push((
        "activity create: its contact".into(),
        explained(conn, engine, &contact_sql, tenant_id, &contact).await?,
    ));
    let key = ["activities".to_owned(), "k-1".to_owned()];
    out.push(("activity create: idempotency key".into(), explained(conn, engine, KEY_SQL, tenant_id, &key).await?));
    let by_id = format!("SELECT {COLUMNS} FROM activities a WHERE a.tenant_id = $1 AND a.activity_id = $2");
    let id = ["a-5eed0000000000000001".to_owned()];
    out.push(("activity by id (a retry's answer)".into(), explained(conn, engine, &by_id, tenant_id, &id).await?));
    for (name, sql, params) in typical_statements(10) {
        out.push((format!("contact {name}"), explained(conn, engine, &sql, tenant_id, &params).await?));
    }
    Ok(out)
}

/// A contact of the tenant with activities (planned by what is known of its records), or any id.
async fn contact_id_for_activities(conn: &mut AnyConnection, tenant_id: &str) -> sqlx::Result<String> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT contact_id FROM activities WHERE tenant_id = $1 ORDER BY contact_id LIMIT 1")
            .bind(tenant_id)
            .fetch_optional(conn)
            .await?;
    Ok(found.unwrap_or_else(|| "c-0001".into()))
}

/// The plan of `sql` with the tenant as `$1` and `params` after it.
async fn explained(
    conn: &mut AnyConnection,
    engine: Engine,
    sql: &str,
    tenant_id: &str,
    params: &[String],
) -> sqlx::Result<Vec<String>> {
    let mut query = sqlx::query(AssertSqlSafe(format!("{} {sql}", explain(engine)))).bind(tenant_id.to_owned());
    for value in params {
        query = query.bind(value.clone());
    }
    plan_of(query.fetch_all(conn).await?, engine)
}

fn explain(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => "EXPLAIN QUERY PLAN",
        Engine::Postgres => "EXPLAIN",
    }
}

/// The plan's lines: SQLite's rows are (id, parent, notused, detail), PostgreSQL's one text column.
fn plan_of(rows: Vec<sqlx::any::AnyRow>, engine: Engine) -> sqlx::Result<Vec<String>> {
    let column = match engine {
        Engine::Sqlite => 3,
        Engine::Postgres => 0,
    };
    rows.iter().map(|r| r.try_get::<String, _>(column)).collect()
}
