//! Contacts in the database: the record (`contacts`, its editable fields as JSON), and with it, in
//! the same transaction, its identifiers, its search terms and an audit entry — so a contact is
//! found the moment it is saved, and every write is in its history.

use c360_wire::crm::{AuditAction, AuditEntry, ContactSummary, NewContact, audit_changes};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use super::index::{insert_index, replace_index};
use crate::crm::audit::{self, Written, at_ms};
use crate::db::{Engine, placeholders, values_rows};

/// A contact to insert: its id and its fields as they will be stored (validated already).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRow {
    /// Its id ([`new_contact_id`], or any id unique in the tenant).
    pub contact_id: String,
    /// Its fields.
    pub details: NewContact,
}

/// A stored contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredContact {
    /// Its id.
    pub contact_id: String,
    /// Its fields.
    pub details: NewContact,
    /// Its version (the `ETag`).
    pub version: i64,
    /// When it was created, epoch ms.
    pub created_at: i64,
    /// When it last changed, epoch ms.
    pub updated_at: i64,
    /// Who changed it last.
    pub updated_by: String,
}

impl StoredContact {
    /// What a search result or identity match shows of it.
    pub fn summary(&self) -> ContactSummary {
        ContactSummary::of(&self.contact_id, &self.details)
    }
}

/// A new opaque contact id: `c-` and 20 random hex digits.
pub fn new_contact_id() -> String {
    let mut bytes = [0u8; 10];
    getrandom::fill(&mut bytes).expect("operating system random source");
    format!("c-{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// Inserts `contacts` into tenant `tenant_id` as created by `by` at `now_ms`: each record at
/// version 1, its identifiers, its search terms and its `create` audit entry, in multi-row
/// statements. Run it in a transaction to make them all-or-nothing (the create endpoint does);
/// an id the tenant already has fails the statement. The contacts are not validated here:
/// give them as [`c360_wire::crm::ContactRules`] returns them (E.164 phones, lower-cased emails).
pub async fn insert_many(
    conn: &mut AnyConnection,
    tenant_id: &str,
    contacts: &[ContactRow],
    by: &str,
    now_ms: i64,
) -> sqlx::Result<()> {
    let batch = Engine::of(conn).insert_batch();
    for chunk in contacts.chunks(batch) {
        let sql = format!(
            "INSERT INTO contacts (tenant_id, contact_id, version, details, created_at, created_by, updated_at, updated_by)
             VALUES {}",
            values_rows(chunk.len(), 8)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for c in chunk {
            query = query
                .bind(tenant_id.to_owned())
                .bind(c.contact_id.clone())
                .bind(1_i64)
                .bind(details_json(&c.details))
                .bind(now_ms)
                .bind(by.to_owned())
                .bind(now_ms)
                .bind(by.to_owned());
        }
        query.execute(&mut *conn).await?;
    }
    let index: Vec<(&str, &NewContact)> = contacts.iter().map(|c| (c.contact_id.as_str(), &c.details)).collect();
    insert_index(conn, tenant_id, &index).await?;
    let entries: Vec<Written> = contacts
        .iter()
        .map(|c| Written {
            record_id: c.contact_id.clone(),
            version: 1,
            entry: AuditEntry {
                at: at_ms(now_ms),
                by: by.to_owned(),
                action: AuditAction::Create,
                changes: audit_changes(None, &c.details),
            },
        })
        .collect();
    audit::record(conn, tenant_id, audit::CONTACT, &entries).await
}

/// Replaces `current` by `details` if it is still at `current.version`: the record at the next
/// version, its identifiers and terms, and an `update` audit entry. `None` when another write
/// got there first (the conditional `UPDATE … WHERE version = $n` changed nothing), so of any
/// number of concurrent writes based on one version exactly one succeeds. Run it in a transaction.
pub async fn update(
    conn: &mut AnyConnection,
    tenant_id: &str,
    current: &StoredContact,
    details: NewContact,
    by: &str,
    now_ms: i64,
) -> sqlx::Result<Option<StoredContact>> {
    let done = sqlx::query(
        "UPDATE contacts SET details = $3, version = version + 1, updated_at = $4, updated_by = $5
         WHERE tenant_id = $1 AND contact_id = $2 AND version = $6",
    )
    .bind(tenant_id)
    .bind(&current.contact_id)
    .bind(details_json(&details))
    .bind(now_ms)
    .bind(by)
    .bind(current.version)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(None);
    }
    replace_index(conn, tenant_id, &current.contact_id, &details).await?;
    let version = current.version + 1;
    let entry = AuditEntry {
        at: at_ms(now_ms),
        by: by.to_owned(),
        action: AuditAction::Update,
        changes: audit_changes(Some(&current.details), &details),
    };
    let written = Written { record_id: current.contact_id.clone(), version, entry };
    audit::record(conn, tenant_id, audit::CONTACT, &[written]).await?;
    Ok(Some(StoredContact { details, version, updated_at: now_ms, updated_by: by.to_owned(), ..current.clone() }))
}

/// The columns [`stored`] reads, in its order.
pub(crate) const COLUMNS: &str = "contact_id, details, version, created_at, updated_at, updated_by";

/// One contact of the tenant.
pub async fn find(conn: &mut AnyConnection, tenant_id: &str, contact_id: &str) -> sqlx::Result<Option<StoredContact>> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE tenant_id = $1 AND contact_id = $2");
    let row = sqlx::query(AssertSqlSafe(sql)).bind(tenant_id).bind(contact_id).fetch_optional(conn).await?;
    row.as_ref().map(stored).transpose()
}

/// The contacts of `ids` the tenant has, in no particular order.
pub async fn find_many(conn: &mut AnyConnection, tenant_id: &str, ids: &[String]) -> sqlx::Result<Vec<StoredContact>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM contacts WHERE tenant_id = $1 AND contact_id IN ({})",
        placeholders(2, ids.len())
    );
    let mut query = sqlx::query(AssertSqlSafe(sql)).bind(tenant_id.to_owned());
    for id in ids {
        query = query.bind(id.clone());
    }
    query.fetch_all(conn).await?.iter().map(stored).collect()
}

fn details_json(details: &NewContact) -> String {
    serde_json::to_string(details).expect("a contact serialises")
}

pub(super) fn stored(r: &AnyRow) -> sqlx::Result<StoredContact> {
    let details: String = r.try_get(1)?;
    Ok(StoredContact {
        contact_id: r.try_get(0)?,
        details: serde_json::from_str(&details)
            .map_err(|e| sqlx::Error::ColumnDecode { index: "details".into(), source: Box::new(e) })?,
        version: r.try_get(2)?,
        created_at: r.try_get(3)?,
        updated_at: r.try_get(4)?,
        updated_by: r.try_get(5)?,
    })
}

/// Links interactions to contact `contact_id` (wrap-up records an interaction against the contact
/// the agent had open): they join the contact's history. Linking again changes nothing.
pub async fn link_interactions(
    conn: &mut AnyConnection,
    tenant_id: &str,
    contact_id: &str,
    interaction_ids: &[String],
    now_ms: i64,
) -> sqlx::Result<()> {
    for chunk in interaction_ids.chunks(Engine::of(conn).insert_batch()) {
        let sql = format!(
            "INSERT INTO interaction_contacts (tenant_id, contact_id, interaction_id, linked_at) VALUES {}
             ON CONFLICT DO NOTHING",
            values_rows(chunk.len(), 4)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(tenant_id.to_owned()).bind(contact_id.to_owned()).bind(id.clone()).bind(now_ms);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
