//! Tenants and their settings (SQL here), the host origins allowed to embed their panel
//! (`origins.rs`) and their native-CRM settings (`crm.rs`).

mod crm;
mod origins;

pub use crm::{CrmSettings, DEFAULT_CRM_URL_TEMPLATE, crm_settings, parse_crm_url_template, parse_default_country};
pub use origins::{allowed_host_origins, host_origins, parse_origin};

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Connection, Row};

use crate::db::flag;

/// A tenant as request handling needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    /// Tenant id (path parameter).
    pub id: String,
    /// Owning customer account.
    pub account_id: String,
    /// Speech Analytics licensed: sentiment, topics and insights are served.
    pub speech_analytics: bool,
    /// Native CRM on (otherwise identity-only).
    pub native_crm: bool,
    /// Screen pop on: a started interaction opens the customer's history by itself (otherwise
    /// the agent opens it).
    pub screen_pop: bool,
}

/// Everything an admin sets for a tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The tenant.
    pub tenant: Tenant,
    /// Media types activities are auto-logged for (`voice`, `chat`, `email`); empty = off.
    pub auto_log: Vec<String>,
    /// Host origins allowed to embed the panel and message it.
    pub allowed_origins: Vec<String>,
    /// Native-CRM settings.
    pub crm: CrmSettings,
}

/// Media types auto log knows.
pub const AUTO_LOG_MEDIA: &[&str] = &["voice", "chat", "email"];

/// The columns [`tenant_of`] reads, in its order.
const TENANT_COLUMNS: &str = "id, account_id, speech_analytics, native_crm, screen_pop";

/// A tenant from the first columns of `r` ([`TENANT_COLUMNS`]).
fn tenant_of(r: &AnyRow) -> sqlx::Result<Tenant> {
    Ok(Tenant {
        id: r.try_get(0)?,
        account_id: r.try_get(1)?,
        speech_analytics: flag(r, 2)?,
        native_crm: flag(r, 3)?,
        screen_pop: flag(r, 4)?,
    })
}

/// Looks a tenant up.
pub async fn find(conn: &mut AnyConnection, id: &str) -> sqlx::Result<Option<Tenant>> {
    sqlx::query(AssertSqlSafe(format!("SELECT {TENANT_COLUMNS} FROM tenants WHERE id = $1")))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .map(|r| tenant_of(&r))
        .transpose()
}

/// A tenant and its CRM settings in one read (every CRM request starts with it).
pub async fn find_with_crm(conn: &mut AnyConnection, id: &str) -> sqlx::Result<Option<(Tenant, CrmSettings)>> {
    let sql = format!("SELECT {TENANT_COLUMNS}, crm_url_template, default_country FROM tenants WHERE id = $1");
    sqlx::query(AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .map(|r| {
            let crm = CrmSettings { crm_url_template: r.try_get(5)?, default_country: r.try_get(6)? };
            Ok((tenant_of(&r)?, crm))
        })
        .transpose()
}

/// A tenant with all its settings.
pub async fn settings(conn: &mut AnyConnection, id: &str) -> sqlx::Result<Option<Settings>> {
    let Some(tenant) = find(conn, id).await? else { return Ok(None) };
    let crm = crm_settings(conn, id).await?.unwrap_or_default();
    Ok(Some(Settings { tenant, auto_log: auto_log(conn, id).await?, allowed_origins: origins(conn, id).await?, crm }))
}

/// The media types a tenant auto-logs activities for (empty = off, or an unknown tenant).
pub async fn auto_log(conn: &mut AnyConnection, id: &str) -> sqlx::Result<Vec<String>> {
    let stored: Option<String> =
        sqlx::query_scalar("SELECT auto_log FROM tenants WHERE id = $1").bind(id).fetch_optional(conn).await?;
    Ok(stored.unwrap_or_default().split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect())
}

/// The host origins a tenant allows, sorted (none for an unknown tenant).
pub async fn origins(conn: &mut AnyConnection, id: &str) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT origin FROM tenant_origins WHERE tenant_id = $1 ORDER BY origin")
        .bind(id)
        .fetch_all(conn)
        .await
}

/// Creates a tenant; an existing one is left as it is. Returns whether it was created.
pub async fn create(conn: &mut AnyConnection, tenant: &Tenant, now_ms: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO tenants (id, account_id, speech_analytics, native_crm, screen_pop, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
    )
    .bind(&tenant.id)
    .bind(&tenant.account_id)
    .bind(tenant.speech_analytics)
    .bind(tenant.native_crm)
    .bind(tenant.screen_pop)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Writes all of a tenant's settings (the tenant must exist), in one transaction.
pub async fn save(conn: &mut AnyConnection, s: &Settings) -> sqlx::Result<()> {
    let mut tx = conn.begin().await?;
    sqlx::query(
        "UPDATE tenants SET account_id = $2, speech_analytics = $3, native_crm = $4, screen_pop = $5, auto_log = $6,
         crm_url_template = $7, default_country = $8
         WHERE id = $1",
    )
    .bind(&s.tenant.id)
    .bind(&s.tenant.account_id)
    .bind(s.tenant.speech_analytics)
    .bind(s.tenant.native_crm)
    .bind(s.tenant.screen_pop)
    .bind(s.auto_log.join(","))
    .bind(s.crm.crm_url_template.clone())
    .bind(s.crm.default_country.clone())
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM tenant_origins WHERE tenant_id = $1").bind(&s.tenant.id).execute(&mut *tx).await?;
    for origin in &s.allowed_origins {
        sqlx::query("INSERT INTO tenant_origins (tenant_id, origin) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(&s.tenant.id)
            .bind(origin)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// Parses `off` or a comma-separated list of media types for auto log.
pub fn parse_auto_log(s: &str) -> Result<Vec<String>, String> {
    if s.trim().eq_ignore_ascii_case("off") {
        return Ok(Vec::new());
    }
    let mut out: Vec<String> = Vec::new();
    for part in s.split(',').map(|p| p.trim().to_ascii_lowercase()) {
        if !AUTO_LOG_MEDIA.contains(&part.as_str()) {
            return Err(format!("auto log media {part:?}: use off or any of voice,chat,email"));
        }
        if !out.contains(&part) {
            out.push(part);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_log_lists() {
        assert_eq!(parse_auto_log("off").unwrap(), Vec::<String>::new());
        assert_eq!(parse_auto_log("voice, Chat,voice").unwrap(), ["voice", "chat"]);
        assert!(parse_auto_log("fax").is_err());
    }
}
