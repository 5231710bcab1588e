//! The audit trail of CRM records (`audit_entries`): one entry per write, never coalesced — who,
//! when, create or update, each field's value before and after — and `GET …/history`.

mod handler;

pub use handler::get_contact_history;

use c360_wire::crm::{AuditAction, AuditEntry, FieldChange};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use crate::db::{Engine, values_rows};

/// The record type of contacts' entries.
pub const CONTACT: &str = "contact";

/// One entry to write: the record, its version after the write, and what the write did.
#[derive(Debug, Clone)]
pub struct Written {
    /// The record's id.
    pub record_id: String,
    /// Its version after the write.
    pub version: i64,
    /// Who, when, what.
    pub entry: AuditEntry,
}

/// Writes `entries` of records of `record_type`.
pub async fn record(
    conn: &mut AnyConnection,
    tenant_id: &str,
    record_type: &str,
    entries: &[Written],
) -> sqlx::Result<()> {
    for chunk in entries.chunks(Engine::of(conn).insert_batch()) {
        let sql = format!(
            "INSERT INTO audit_entries (tenant_id, record_type, record_id, version, at, author, action, changes)
             VALUES {}",
            values_rows(chunk.len(), 8)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for w in chunk {
            let changes = serde_json::to_string(&w.entry.changes).expect("changes serialise");
            query = query
                .bind(tenant_id.to_owned())
                .bind(record_type.to_owned())
                .bind(w.record_id.clone())
                .bind(w.version)
                .bind(w.entry.at.timestamp_millis())
                .bind(w.entry.by.clone())
                .bind(w.entry.action.as_str().to_owned())
                .bind(changes);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The entries of one record, newest first (none for a record that does not exist).
pub async fn history(
    conn: &mut AnyConnection,
    tenant_id: &str,
    record_type: &str,
    record_id: &str,
) -> sqlx::Result<Vec<AuditEntry>> {
    let rows = sqlx::query(
        "SELECT at, author, action, changes FROM audit_entries
         WHERE tenant_id = $1 AND record_type = $2 AND record_id = $3 ORDER BY version DESC",
    )
    .bind(tenant_id)
    .bind(record_type)
    .bind(record_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let changes: String = r.try_get(3)?;
            let changes: Vec<FieldChange> = serde_json::from_str(&changes)
                .map_err(|e| sqlx::Error::ColumnDecode { index: "changes".into(), source: Box::new(e) })?;
            Ok(AuditEntry {
                at: at_ms(r.try_get(0)?),
                by: r.try_get(1)?,
                action: AuditAction::from(r.try_get::<String, _>(2)?),
                changes,
            })
        })
        .collect()
}

/// An epoch-millisecond column as a time.
pub fn at_ms(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}
