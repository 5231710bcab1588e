//! Tenants and their settings.

use rusqlite::{Connection, OptionalExtension, params};

/// A tenant as the server needs it.
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
}

/// Looks a tenant up.
pub fn find(conn: &Connection, id: &str) -> rusqlite::Result<Option<Tenant>> {
    conn.query_row("SELECT id, account_id, speech_analytics, native_crm FROM tenants WHERE id = ?1", [id], |r| {
        Ok(Tenant { id: r.get(0)?, account_id: r.get(1)?, speech_analytics: r.get(2)?, native_crm: r.get(3)? })
    })
    .optional()
}

/// Creates a tenant; an existing one is left as it is. Returns whether it was created.
pub fn create(conn: &Connection, tenant: &Tenant, now_ms: i64) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO tenants (id, account_id, speech_analytics, native_crm, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![tenant.id, tenant.account_id, tenant.speech_analytics, tenant.native_crm, now_ms],
    )?;
    Ok(n == 1)
}
