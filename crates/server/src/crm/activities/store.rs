//! Activities in the database (`activities`, the editable fields as JSON), each write with its
//! audit entry in the same transaction, and the `Idempotency-Key`s of creates.

use c360_wire::crm::{AuditAction, AuditEntry, FieldChange, NewActivity};
use serde_json::{Map, Value};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use crate::crm::audit::{self, Written, at_ms};
use crate::db::{Engine, flag, values_rows};

/// The record type of activities' audit entries.
pub const AUDIT_TYPE: &str = "activity";

/// A stored activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredActivity {
    /// Its id.
    pub activity_id: String,
    /// Its fields.
    pub details: NewActivity,
    /// Its version (the `ETag`).
    pub version: i64,
    /// When it was created, epoch ms.
    pub created_at: i64,
    /// Who created it.
    pub created_by: String,
    /// Whether auto log created it.
    pub auto: bool,
}

/// A new opaque activity id: `a-` and 20 random hex digits.
pub fn new_activity_id() -> String {
    let mut bytes = [0u8; 10];
    getrandom::fill(&mut bytes).expect("operating system random source");
    format!("a-{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// Inserts `a` (version 1, created by `by` at `now_ms`) and its `create` audit entry. Run it in
/// a transaction.
pub async fn insert(conn: &mut AnyConnection, tenant_id: &str, a: &StoredActivity) -> sqlx::Result<()> {
    insert_many(conn, tenant_id, std::slice::from_ref(a)).await
}

/// Inserts `activities` and their `create` audit entries, several rows a statement: what
/// [`insert`] writes for one, for the scale seed. Run it in a transaction.
pub async fn insert_many(conn: &mut AnyConnection, tenant_id: &str, activities: &[StoredActivity]) -> sqlx::Result<()> {
    for chunk in activities.chunks(Engine::of(conn).insert_batch()) {
        let sql = format!(
            "INSERT INTO activities (tenant_id, activity_id, activity_type, contact_id, interaction_id, details, version,
             created_at, created_by, updated_at, updated_by, auto) VALUES {}",
            values_rows(chunk.len(), 12)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for a in chunk {
            query = query
                .bind(tenant_id.to_owned())
                .bind(a.activity_id.clone())
                .bind(a.details.activity_type.as_str().to_owned())
                .bind(a.details.contact_id.clone())
                .bind(a.details.interaction_id.clone())
                .bind(details_json(&a.details))
                .bind(a.version)
                .bind(a.created_at)
                .bind(a.created_by.clone())
                .bind(a.created_at)
                .bind(a.created_by.clone())
                .bind(a.auto);
        }
        query.execute(&mut *conn).await?;
    }
    let entries: Vec<Written> = activities
        .iter()
        .map(|a| Written {
            record_id: a.activity_id.clone(),
            version: a.version,
            entry: AuditEntry {
                at: at_ms(a.created_at),
                by: a.created_by.clone(),
                action: AuditAction::Create,
                changes: changes(None, &a.details),
            },
        })
        .collect();
    audit::record(conn, tenant_id, AUDIT_TYPE, &entries).await
}

/// Links each `(interaction, activity, linked_at)` (an earlier record to a later interaction),
/// idempotently. Run it in a transaction when there are several.
pub async fn link_many(conn: &mut AnyConnection, tenant_id: &str, links: &[(String, String, i64)]) -> sqlx::Result<()> {
    for chunk in links.chunks(Engine::of(conn).insert_batch()) {
        let sql = format!(
            "INSERT INTO activity_links (tenant_id, interaction_id, activity_id, linked_at) VALUES {}
             ON CONFLICT DO NOTHING",
            values_rows(chunk.len(), 4)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for (interaction_id, activity_id, linked_at) in chunk {
            query = query
                .bind(tenant_id.to_owned())
                .bind(interaction_id.clone())
                .bind(activity_id.clone())
                .bind(*linked_at);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Replaces `current` by `details` if it is still at `current.version`, with an `update` audit
/// entry; `None` when another write got there first. Run it in a transaction.
pub async fn update(
    conn: &mut AnyConnection,
    tenant_id: &str,
    current: &StoredActivity,
    details: NewActivity,
    by: &str,
    now_ms: i64,
) -> sqlx::Result<Option<StoredActivity>> {
    let done = sqlx::query(
        "UPDATE activities SET details = $3, version = version + 1, updated_at = $4, updated_by = $5
         WHERE tenant_id = $1 AND activity_id = $2 AND version = $6",
    )
    .bind(tenant_id)
    .bind(&current.activity_id)
    .bind(details_json(&details))
    .bind(now_ms)
    .bind(by)
    .bind(current.version)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(None);
    }
    let version = current.version + 1;
    let entry = AuditEntry {
        at: at_ms(now_ms),
        by: by.to_owned(),
        action: AuditAction::Update,
        changes: changes(Some(&current.details), &details),
    };
    let written = Written { record_id: current.activity_id.clone(), version, entry };
    audit::record(conn, tenant_id, AUDIT_TYPE, &[written]).await?;
    Ok(Some(StoredActivity { details, version, ..current.clone() }))
}

/// The columns [`stored`] reads, in its order (`a.` is the activities table).
pub const COLUMNS: &str = "a.activity_id, a.details, a.version, a.created_at, a.created_by, a.auto";

/// One activity of the tenant.
pub async fn find(conn: &mut AnyConnection, tenant_id: &str, id: &str) -> sqlx::Result<Option<StoredActivity>> {
    let sql = format!("SELECT {COLUMNS} FROM activities a WHERE a.tenant_id = $1 AND a.activity_id = $2");
    let row = sqlx::query(AssertSqlSafe(sql)).bind(tenant_id).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(stored).transpose()
}

/// An activity from the first columns of `r` ([`COLUMNS`]).
pub fn stored(r: &AnyRow) -> sqlx::Result<StoredActivity> {
    let details: String = r.try_get(1)?;
    Ok(StoredActivity {
        activity_id: r.try_get(0)?,
        details: serde_json::from_str(&details)
            .map_err(|e| sqlx::Error::ColumnDecode { index: "details".into(), source: Box::new(e) })?,
        version: r.try_get(2)?,
        created_at: r.try_get(3)?,
        created_by: r.try_get(4)?,
        auto: flag(r, 5)?,
    })
}

/// An `Idempotency-Key`'s first record and request (`$1` tenant, `$2` scope, `$3` key).
pub const KEY_SQL: &str =
    "SELECT record_id, request FROM idempotency_keys WHERE tenant_id = $1 AND scope = $2 AND idem_key = $3";

/// What claiming an `Idempotency-Key` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// This request is the first with the key: it creates.
    First,
    /// An earlier request with the same key and body created this record.
    Earlier(String),
    /// An earlier request used the key for something else.
    Reused,
}

/// Claims `key` of `scope` for record `record_id`, made from `request` (the validated body, as
/// JSON). The key's primary key decides between concurrent requests: run it first in the
/// create's transaction, so a twin waits for that transaction and then finds the key taken.
pub async fn claim_key(
    conn: &mut AnyConnection,
    tenant_id: &str,
    scope: &str,
    key: &str,
    record_id: &str,
    request: &str,
    now_ms: i64,
) -> sqlx::Result<Claim> {
    let done = sqlx::query(
        "INSERT INTO idempotency_keys (tenant_id, scope, idem_key, record_id, created_at, request)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(tenant_id)
    .bind(scope)
    .bind(key)
    .bind(record_id)
    .bind(now_ms)
    .bind(request)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 1 {
        return Ok(Claim::First);
    }
    let row = sqlx::query(KEY_SQL).bind(tenant_id).bind(scope).bind(key).fetch_one(conn).await?;
    let first: Option<String> = row.try_get(1)?;
    Ok(match first {
        Some(first) if first != request => Claim::Reused,
        _ => Claim::Earlier(row.try_get(0)?),
    })
}

fn details_json(details: &NewActivity) -> String {
    serde_json::to_string(details).expect("an activity serialises")
}

/// Each leaf that differs between `before` and `after`, named by its path (`task.status`,
/// `customFields.visits`).
pub fn changes(before: Option<&NewActivity>, after: &NewActivity) -> Vec<FieldChange> {
    let leaves = |a: Option<&NewActivity>| {
        let mut out = Map::new();
        if let Some(a) = a {
            flatten("", &serde_json::to_value(a).expect("an activity serialises"), &mut out);
        }
        out
    };
    let (b, a) = (leaves(before), leaves(Some(after)));
    let mut fields: Vec<&String> = b.keys().chain(a.keys()).collect();
    fields.sort_unstable();
    fields.dedup();
    fields
        .into_iter()
        .map(|f| FieldChange {
            field: f.clone(),
            before: b.get(f).cloned().unwrap_or(Value::Null),
            after: a.get(f).cloned().unwrap_or(Value::Null),
        })
        .filter(|c| c.before != c.after)
        .collect()
}

fn flatten(prefix: &str, value: &Value, out: &mut Map<String, Value>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&path, v, out);
            }
        }
        Value::Null => {}
        Value::String(s) if s.is_empty() => {}
        leaf => {
            out.insert(prefix.to_owned(), leaf.clone());
        }
    }
}
