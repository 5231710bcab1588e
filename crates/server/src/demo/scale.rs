//! Deterministic data sets of any size for benchmarks: `identities` generated customers sharing
//! `interactions` interactions of the same realistic shape as the demo's, and any number of
//! realistic native-CRM contacts, and activities over them.

use sqlx::{AnyConnection, Connection};

use super::contacts::{DISTINCT_UP_TO, generated_contact, generated_contact_id};
use super::{Persona, SEEDED_BY, activities, fill_tenant, history};
use crate::crm::activities::store;
use crate::crm::contacts::store::{ContactRow, insert_many};
use crate::db::Engine;
use crate::tenants::{self, Tenant};

/// Customers per transaction: keeps the WAL and memory bounded on large runs.
const BATCH: usize = 5_000;
/// Contacts per transaction.
const CONTACT_BATCH: u64 = 10_000;
/// Activities per transaction (about).
const ACTIVITY_BATCH: usize = 10_000;
/// How many of the tenant's interactions generated activities are made during or linked to.
const INTERACTION_POOL: i64 = 200_000;

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
    let had = contacts_for_bulk(conn, tenant_id).await?;
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

/// Adds `count` generated activities to the tenant's contacts (which must be seeded first),
/// after those seeded before (the generator's next indexes), in transactions of
/// [`ACTIVITY_BATCH`], through the store's own insert: each record with its `create` audit entry,
/// and its link to a later interaction when it has one. Interactions are drawn from the tenant's
/// own (up to [`INTERACTION_POOL`]). Calls `progress` with the number stored so far; returns it.
pub async fn seed_scale_activities(
    conn: &mut AnyConnection,
    tenant_id: &str,
    count: u64,
    now_ms: i64,
    mut progress: impl FnMut(u64),
) -> sqlx::Result<u64> {
    let contacts = contacts_for_bulk(conn, tenant_id).await?;
    if contacts == 0 {
        return Err(sqlx::Error::Protocol(format!("tenant {tenant_id} has no contacts: seed --contacts first")));
    }
    let interactions: Vec<String> = sqlx::query_scalar(
        "SELECT interaction_id FROM interactions WHERE tenant_id = $1 ORDER BY interaction_id LIMIT $2",
    )
    .bind(tenant_id)
    .bind(INTERACTION_POOL)
    .fetch_all(&mut *conn)
    .await?;
    // The next generator index: one past the last generated id stored (a primary-key probe).
    let last: Option<String> = sqlx::query_scalar(
        "SELECT activity_id FROM activities WHERE tenant_id = $1 AND activity_id >= $2 AND activity_id < $3
         ORDER BY activity_id DESC LIMIT 1",
    )
    .bind(tenant_id)
    .bind(activities::ID_PREFIX)
    .bind(format!("{}~", activities::ID_PREFIX))
    .fetch_optional(&mut *conn)
    .await?;
    let from = last.as_deref().and_then(activities::activity_index).map_or(0, |k| k + 1);
    let to = from + count;
    let (mut k, mut contact) = (0u64, 0u64);
    let mut batch: Vec<activities::Generated> = Vec::with_capacity(ACTIVITY_BATCH);
    while k < to {
        let n = activities::activity_count(contact);
        for _ in 0..n {
            if k >= from && k < to {
                let generated = activities::activity(k, contact % contacts as u64, &interactions, now_ms);
                batch.push(generated);
            }
            k += 1;
        }
        contact += 1;
        if batch.len() >= ACTIVITY_BATCH || (k >= to && !batch.is_empty()) {
            write_activities(conn, tenant_id, &batch).await?;
            progress(k.min(to) - from);
            batch.clear();
        }
    }
    Ok(count)
}

/// How many contacts the tenant has, on a connection readied for bulk writes: in SQLite, rows
/// that go in all over their B-trees (search terms, identifiers, links) get 256 MiB of page cache
/// for this connection (the default is 2 MiB), which keeps more of them in memory.
async fn contacts_for_bulk(conn: &mut AnyConnection, tenant_id: &str) -> sqlx::Result<i64> {
    if Engine::of(conn) == Engine::Sqlite {
        sqlx::raw_sql("PRAGMA cache_size = -262144").execute(&mut *conn).await?;
    }
    sqlx::query_scalar("SELECT COUNT(*) FROM contacts WHERE tenant_id = $1").bind(tenant_id).fetch_one(&mut *conn).await
}

/// One transaction of generated activities and their links.
async fn write_activities(
    conn: &mut AnyConnection,
    tenant_id: &str,
    batch: &[activities::Generated],
) -> sqlx::Result<()> {
    let records: Vec<_> = batch.iter().map(|g| g.activity.clone()).collect();
    let links: Vec<_> = batch
        .iter()
        .filter_map(|g| g.link.as_ref().map(|(i, at)| (i.clone(), g.activity.activity_id.clone(), *at)))
        .collect();
    let mut tx = conn.begin().await?;
    store::insert_many(&mut tx, tenant_id, &records).await?;
    store::link_many(&mut tx, tenant_id, &links).await?;
    tx.commit().await
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
