//! Seeding the demo tenants: each is created and filled only if it does not exist yet, all in one
//! transaction, and `demo`'s contacts only if it has none, so `serve --demo` is idempotent and
//! cheap on every start.

use sqlx::{AnyConnection, Connection};

use super::{DEMO_ACCOUNT, DEMO_TENANT, DEMO_TENANTS, contacts, fill_tenant, history, personas};
use crate::crm::contacts::store::insert_many;
use crate::tenants::{self, Tenant};

/// Creates and fills whichever [`DEMO_TENANTS`] do not exist yet: native CRM on, identity-only,
/// and screen pop off, all with Speech Analytics. Returns how many interactions it stored.
///
/// Besides the customers' own, each gets the history of the callers who are nobody's contact
/// (the household landline, the new caller: [`contacts::unlinked_history`]).
///
/// All get the same history from the same anchor: `demo`'s creation time, so a database seeded
/// before the others existed still gets identical customers in each.
pub async fn seed_demo(conn: &mut AnyConnection, anchor_ms: i64) -> sqlx::Result<usize> {
    let mut tx = conn.begin().await?;
    let mut count = 0;
    for (id, native_crm, screen_pop) in DEMO_TENANTS {
        let tenant =
            Tenant { id: id.into(), account_id: DEMO_ACCOUNT.into(), speech_analytics: true, native_crm, screen_pop };
        if tenants::create(&mut tx, &tenant, anchor_ms).await? {
            if native_crm {
                // Auto log on for every channel, so "Enter wrap-up" in the demo workspace logs.
                sqlx::query("UPDATE tenants SET auto_log = $2 WHERE id = $1")
                    .bind(id)
                    .bind(DEMO_AUTO_LOG)
                    .execute(&mut *tx)
                    .await?;
            }
            let anchor: i64 = sqlx::query_scalar("SELECT created_at FROM tenants WHERE id = $1")
                .bind(DEMO_TENANT)
                .fetch_one(&mut *tx)
                .await?;
            let mut all: Vec<_> =
                personas().iter().enumerate().flat_map(|(index, p)| history(p, index as u64, anchor)).collect();
            all.extend(contacts::unlinked_history(anchor));
            fill_tenant(&mut tx, id, &all).await?;
            count += all.len();
        }
    }
    tx.commit().await?;
    Ok(count)
}

/// The media the demo's native-CRM tenants log at wrap-up.
pub const DEMO_AUTO_LOG: &str = "voice,chat,email";

/// Who the audit history names as the author of seeded contacts.
pub const SEEDED_BY: &str = "Demo data";

/// Gives tenant `demo` its contacts ([`contacts::demo_contacts`]) and reads national numbers
/// there as US ones, if it has no contact yet (so a database seeded before contacts existed gets
/// them too). Returns how many it stored.
pub async fn seed_demo_contacts(conn: &mut AnyConnection, now_ms: i64) -> sqlx::Result<usize> {
    let mut tx = conn.begin().await?;
    let any: Option<i64> = sqlx::query_scalar("SELECT 1 FROM contacts WHERE tenant_id = $1 LIMIT 1")
        .bind(DEMO_TENANT)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(mut settings) = tenants::settings(&mut tx, DEMO_TENANT).await? else { return Ok(0) };
    if any.is_some() {
        return Ok(0);
    }
    settings.crm.default_country = Some("US".into());
    tenants::save(&mut tx, &settings).await?;
    let rows = contacts::demo_contacts(&personas());
    insert_many(&mut tx, DEMO_TENANT, &rows, SEEDED_BY, now_ms).await?;
    tx.commit().await?;
    Ok(rows.len())
}
