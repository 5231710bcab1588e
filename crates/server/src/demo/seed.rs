//! Seeding the demo tenants: each is created and filled only if it does not exist yet, all in one
//! transaction, so `serve --demo` is idempotent and cheap on every start.

use rusqlite::{Connection, Transaction, params};

use super::catalogue::TOPICS;
use super::{DEMO_ACCOUNT, DEMO_TENANT, DEMO_TENANTS, history, personas, summaries};
use crate::insights::insert_interaction;
use crate::tenants::{self, Tenant};

/// Creates and fills whichever [`DEMO_TENANTS`] do not exist yet: native CRM on, identity-only,
/// and screen pop off, all with Speech Analytics. Returns how many interactions it stored.
///
/// All get the same history from the same anchor: `demo`'s creation time, so a database seeded
/// before the others existed still gets identical customers in each.
pub fn seed_demo(conn: &mut Connection, anchor_ms: i64) -> rusqlite::Result<usize> {
    let tx = conn.transaction()?;
    let mut count = 0;
    for (id, native_crm, screen_pop) in DEMO_TENANTS {
        let tenant =
            Tenant { id: id.into(), account_id: DEMO_ACCOUNT.into(), speech_analytics: true, native_crm, screen_pop };
        if tenants::create(&tx, &tenant, anchor_ms)? {
            let anchor: i64 =
                tx.query_row("SELECT created_at FROM tenants WHERE id = ?1", [DEMO_TENANT], |r| r.get(0))?;
            count += fill(&tx, id, anchor)?;
        }
    }
    tx.commit()?;
    Ok(count)
}

/// Stores the topic catalogue and every persona's history for `tenant_id`.
fn fill(tx: &Transaction<'_>, tenant_id: &str, anchor_ms: i64) -> rusqlite::Result<usize> {
    for t in TOPICS {
        tx.execute(
            "INSERT OR IGNORE INTO topic_catalogue (tenant_id, topic_name, category_name) VALUES (?1, ?2, ?3)",
            params![tenant_id, t.topic, t.category],
        )?;
    }
    let mut count = 0;
    for (index, persona) in personas().iter().enumerate() {
        for stored in history(persona, index as u64, anchor_ms) {
            insert_interaction(tx, tenant_id, &stored)?;
            summaries::insert_for(tx, tenant_id, &stored.interaction)?;
            count += 1;
        }
    }
    Ok(count)
}
