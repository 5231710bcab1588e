//! Deterministic data sets of any size for benchmarks: `identities` generated customers sharing
//! `interactions` interactions of the same realistic shape as the demo's, and any number of
//! realistic native-CRM contacts.

use sqlx::{AnyConnection, Connection};

use super::contacts::{DISTINCT_UP_TO, generated_contact, generated_contact_id};
use super::{Persona, SEEDED_BY, fill_tenant, history};
use crate::crm::contacts::store::{ContactRow, insert_many};
use crate::db::Engine;
use crate::tenants::{self, Tenant};

/// Customers per transaction: keeps the WAL and memory bounded on large runs.
const BATCH: usize = 5_000;
/// Contacts per transaction.
const CONTACT_BATCH: u64 = 10_000;

/// The `index`-th generated customer of a scale data set.
pub fn persona(index: usize, interactions: usize) -> Persona {
    Persona {
        name: format!("Customer {index}"),
        phone: format!("+1{}", 2_000_000_000u64 + index as u64),
        email: format!("customer{index}@example.net"),
        contact_id: format!("sc-{index:07}"),
        account_id: index.is_multiple_of(4).then(|| format!("sa-{:06}", index / 12)),
        interactions,
        written: (index % 10) as f64 / 20.0,
        mood: ((index % 7) as f64 - 3.0) / 4.0,
    }
}

/// Creates `tenant_id` if needed and adds the data set. Returns how many interactions it stored.
pub async fn seed_scale(
    conn: &mut AnyConnection,
    tenant_id: &str,
    identities: usize,
    interactions: usize,
    anchor_ms: i64,
    mut progress: impl FnMut(usize),
) -> sqlx::Result<usize> {
    create_tenant(conn, tenant_id, anchor_ms).await?;
    let identities = identities.max(1);
    let (each, extra) = (interactions / identities, interactions % identities);
    let mut stored = 0;
    for start in (0..identities).step_by(BATCH) {
        let batch: Vec<_> = (start..(start + BATCH).min(identities))
            .flat_map(|index| {
                let count = each + usize::from(index < extra);
                history(&persona(index, count), 1_000_000 + index as u64, anchor_ms)
            })
            .collect();
        let mut tx = conn.begin().await?;
        fill_tenant(&mut tx, tenant_id, &batch).await?;
        tx.commit().await?;
        stored += batch.len();
        progress(stored);
    }
    Ok(stored)
}

/// Creates `tenant_id` if needed and adds `count` generated contacts after those it has (the
/// generator's next indexes, so seeding twice adds more), in transactions of [`CONTACT_BATCH`].
/// Calls `progress` with the number stored so far; returns it.
pub async fn seed_scale_contacts(
    conn: &mut AnyConnection,
    tenant_id: &str,
    count: u64,
    now_ms: i64,
    mut progress: impl FnMut(u64),
) -> sqlx::Result<u64> {
    create_tenant(conn, tenant_id, now_ms).await?;
    if Engine::of(conn) == Engine::Sqlite {
        // The search terms and identifiers go in all over their B-trees: 256 MiB of page cache
        // for this connection (the default is 2 MiB) keeps more of them in memory.
        sqlx::raw_sql("PRAGMA cache_size = -262144").execute(&mut *conn).await?;
    }
    let had: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contacts WHERE tenant_id = $1")
        .bind(tenant_id)
        .fetch_one(&mut *conn)
        .await?;
    let (from, to) = (had as u64, had as u64 + count);
    if to > DISTINCT_UP_TO {
        tracing::warn!("past {DISTINCT_UP_TO} contacts, generated phone numbers may repeat");
    }
    for start in (from..to).step_by(CONTACT_BATCH as usize) {
        let rows: Vec<ContactRow> = (start..(start + CONTACT_BATCH).min(to))
            .map(|i| ContactRow { contact_id: generated_contact_id(i), details: generated_contact(i) })
            .collect();
        let mut tx = conn.begin().await?;
        insert_many(&mut tx, tenant_id, &rows, SEEDED_BY, now_ms).await?;
        tx.commit().await?;
        progress(start + rows.len() as u64 - from);
    }
    Ok(count)
}

/// A benchmark tenant: its own account, every licence on.
async fn create_tenant(conn: &mut AnyConnection, tenant_id: &str, now_ms: i64) -> sqlx::Result<bool> {
    let tenant = Tenant {
        id: tenant_id.into(),
        account_id: tenant_id.into(),
        speech_analytics: true,
        native_crm: true,
        screen_pop: true,
    };
    tenants::create(conn, &tenant, now_ms).await
}
