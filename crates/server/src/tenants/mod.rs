//! Tenants and their settings (SQL here), and the host origins allowed to embed their panel (`origins.rs`).

mod origins;

pub use origins::{allowed_host_origins, host_origins, parse_origin};

use rusqlite::{Connection, OptionalExtension, params};

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
}

/// Media types auto log knows.
pub const AUTO_LOG_MEDIA: &[&str] = &["voice", "chat", "email"];

/// Looks a tenant up.
pub fn find(conn: &Connection, id: &str) -> rusqlite::Result<Option<Tenant>> {
    conn.prepare_cached("SELECT id, account_id, speech_analytics, native_crm, screen_pop FROM tenants WHERE id = ?1")?
        .query_row([id], |r| {
            Ok(Tenant {
                id: r.get(0)?,
                account_id: r.get(1)?,
                speech_analytics: r.get(2)?,
                native_crm: r.get(3)?,
                screen_pop: r.get(4)?,
            })
        })
        .optional()
}

/// A tenant with all its settings.
pub fn settings(conn: &Connection, id: &str) -> rusqlite::Result<Option<Settings>> {
    let Some(tenant) = find(conn, id)? else { return Ok(None) };
    Ok(Some(Settings { tenant, auto_log: auto_log(conn, id)?, allowed_origins: origins(conn, id)? }))
}

/// The media types a tenant auto-logs activities for (empty = off, or an unknown tenant).
pub fn auto_log(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
    let stored: Option<String> =
        conn.prepare_cached("SELECT auto_log FROM tenants WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?;
    Ok(stored.unwrap_or_default().split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect())
}

/// The host origins a tenant allows, sorted (none for an unknown tenant).
pub fn origins(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT origin FROM tenant_origins WHERE tenant_id = ?1 ORDER BY origin")?;
    stmt.query_map([id], |r| r.get(0))?.collect()
}

/// Creates a tenant; an existing one is left as it is. Returns whether it was created.
pub fn create(conn: &Connection, tenant: &Tenant, now_ms: i64) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO tenants (id, account_id, speech_analytics, native_crm, screen_pop, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![tenant.id, tenant.account_id, tenant.speech_analytics, tenant.native_crm, tenant.screen_pop, now_ms],
    )?;
    Ok(n == 1)
}

/// Writes all of a tenant's settings (the tenant must exist).
pub fn save(conn: &mut Connection, s: &Settings) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    tx.execute(
        "UPDATE tenants SET account_id = ?2, speech_analytics = ?3, native_crm = ?4, screen_pop = ?5, auto_log = ?6
         WHERE id = ?1",
        params![
            s.tenant.id,
            s.tenant.account_id,
            s.tenant.speech_analytics,
            s.tenant.native_crm,
            s.tenant.screen_pop,
            s.auto_log.join(",")
        ],
    )?;
    tx.execute("DELETE FROM tenant_origins WHERE tenant_id = ?1", [&s.tenant.id])?;
    for origin in &s.allowed_origins {
        tx.execute(
            "INSERT OR IGNORE INTO tenant_origins (tenant_id, origin) VALUES (?1, ?2)",
            params![s.tenant.id, origin],
        )?;
    }
    tx.commit()
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
