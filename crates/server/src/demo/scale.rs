//! A deterministic data set of any size for benchmarks: `identities` generated customers sharing
//! `interactions` interactions of the same realistic shape as the demo's.

use sqlx::{AnyConnection, Connection};

use super::{Persona, fill_tenant, history};
use crate::tenants::{self, Tenant};

/// Customers per transaction: keeps the WAL and memory bounded on large runs.
const BATCH: usize = 5_000;

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
    let tenant = Tenant {
        id: tenant_id.into(),
        account_id: tenant_id.into(),
        speech_analytics: true,
        native_crm: true,
        screen_pop: true,
    };
    tenants::create(conn, &tenant, anchor_ms).await?;
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
