//! The panel's own endpoints (not part of the public contract): what a tenant's panel may talk to
//! and how it behaves. The server answers them; the panel reads them when it starts.

use serde::{Deserialize, Serialize};

/// `GET /v1/panel/tenants/{tenantId}/host-origins` — no credential needed: the panel reads it
/// before any host has handed it a token, to know whose messages to accept. An unknown tenant
/// answers only the server-wide origins (so tenant ids cannot be probed).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HostOrigins {
    /// Exact origins (`https://host[:port]`) allowed to embed the panel and message it.
    pub allowed_host_origins: Vec<String>,
}

/// `GET /v1/panel/tenants/{tenantId}/config` — with a panel token (or API key) for that tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PanelConfig {
    /// The tenant.
    pub tenant_id: String,
    /// Native CRM on; off means identity-only (limited profile, no contact record, no CRM writes).
    pub native_crm: bool,
    /// Screen pop on: a started interaction opens the customer's history by itself; off, the
    /// panel shows who the interaction is with and the agent opens the history.
    pub screen_pop: bool,
    /// Speech Analytics licensed (sentiment and topics).
    pub speech_analytics: bool,
    /// Media types auto log is on for (`voice`, `chat`, `email`); empty = off.
    #[serde(default)]
    pub auto_log: Vec<String>,
    /// The country (ISO alpha-2) national phone numbers are read in for this tenant's contacts, so
    /// the panel can pre-check `(415) 555-0100` as the server will read it; absent: numbers need
    /// their country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_country: Option<String>,
}

/// Problem code: a CRM request (read or write) for a tenant without native CRM.
pub const NATIVE_CRM_OFF: &str = "native_crm_off";
