//! A contact's entries in the two lookup tables written with it: `contact_identifiers` (who
//! holds a phone or email: identity match, the duplicate check) and `contact_terms` (search).

use c360_wire::crm::{NewContact, fold};
use sqlx::{AnyConnection, AssertSqlSafe};

use super::store::{COLUMNS, StoredContact, stored};
use super::terms::{identifiers, terms};
use crate::db::{Engine, placeholders, values_rows};

/// Writes the identifiers and search terms of `contacts`.
pub(super) async fn insert_index(
    conn: &mut AnyConnection,
    tenant_id: &str,
    contacts: &[(&str, &NewContact)],
) -> sqlx::Result<()> {
    let batch = Engine::of(conn).insert_batch();
    let ids: Vec<(&str, String)> =
        contacts.iter().flat_map(|(id, c)| identifiers(c).into_iter().map(move |v| (*id, v))).collect();
    for chunk in ids.chunks(batch) {
        let sql = format!(
            "INSERT INTO contact_identifiers (tenant_id, value, contact_id) VALUES {}",
            values_rows(chunk.len(), 3)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for (id, value) in chunk {
            query = query.bind(tenant_id.to_owned()).bind(value.clone()).bind((*id).to_owned());
        }
        query.execute(&mut *conn).await?;
    }
    let all: Vec<(&str, &'static str, String)> = contacts
        .iter()
        .flat_map(|(id, c)| terms(c).into_iter().map(move |(kind, term)| (*id, kind.code(), term)))
        .collect();
    for chunk in all.chunks(batch) {
        let sql = format!(
            "INSERT INTO contact_terms (tenant_id, kind, term, contact_id) VALUES {}",
            values_rows(chunk.len(), 4)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for (id, kind, term) in chunk {
            query = query.bind(tenant_id.to_owned()).bind((*kind).to_owned()).bind(term.clone()).bind((*id).to_owned());
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Replaces the identifiers and terms of contact `contact_id` by those of `details`.
pub(super) async fn replace_index(
    conn: &mut AnyConnection,
    tenant_id: &str,
    contact_id: &str,
    details: &NewContact,
) -> sqlx::Result<()> {
    for table in ["contact_identifiers", "contact_terms"] {
        sqlx::query(AssertSqlSafe(format!("DELETE FROM {table} WHERE tenant_id = $1 AND contact_id = $2")))
            .bind(tenant_id)
            .bind(contact_id)
            .execute(&mut *conn)
            .await?;
    }
    insert_index(conn, tenant_id, &[(contact_id, details)]).await
}

/// The contacts holding any of `count` identifiers ($2 …), at most `limit`, in one statement (an
/// identity match is a screen pop: one round trip, not a lookup and then the records).
pub fn holders_sql(count: usize, limit: usize) -> String {
    format!(
        "SELECT {COLUMNS} FROM contacts WHERE tenant_id = $1 AND contact_id IN
         (SELECT contact_id FROM contact_identifiers WHERE tenant_id = $1 AND value IN ({}))
         ORDER BY contact_id LIMIT {limit}",
        placeholders(2, count)
    )
}

/// The contacts holding any of `values` (E.164 phones, lower-cased emails), at most `limit`, in
/// name order.
pub async fn holders(
    conn: &mut AnyConnection,
    tenant_id: &str,
    values: &[String],
    limit: usize,
) -> sqlx::Result<Vec<StoredContact>> {
    if values.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = sqlx::query(AssertSqlSafe(holders_sql(values.len(), limit))).bind(tenant_id.to_owned());
    for value in values {
        query = query.bind(value.clone());
    }
    let mut found = query.fetch_all(&mut *conn).await?.iter().map(stored).collect::<sqlx::Result<Vec<_>>>()?;
    found.sort_by_cached_key(|c| (fold(&c.details.last_name), fold(&c.details.first_name), c.contact_id.clone()));
    Ok(found)
}
