//! `GET /demo/workspace/session?tenantId=demo|demo-identity|demo-no-pop`: what the workspace page needs to run
//! the panel for a demo tenant, including a fresh panel token and the numbers its buttons call. It mints tokens without any
//! credential, so it exists only on the workspace listener and only for the demo tenants.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use c360_wire::problem::codes;
use c360_wire::routes::{self, params};
use serde::Serialize;

use super::WorkspaceState;
use crate::auth::issue::{self, TokenFor};
use crate::demo::contacts::{HOUSEHOLD_LANDLINE, NEW_CALLER};
use crate::demo::{DEMO_TENANT, DEMO_TENANTS, personas};
use crate::http::{ApiError, QueryPairs, no_store};

/// An internal extension: no customer, no history.
pub const INTERNAL_NUMBER: &str = "+14155550999";
/// A valid E.164 number no demo customer has.
pub const UNKNOWN_NUMBER: &str = "+13125550187";
/// The agent the demo tokens are for.
const AGENT: &str = "Demo Agent";
/// A demo token lasts a working day, the longest `POST …/tokens` gives.
const TOKEN_TTL_SECS: i64 = crate::panel::MAX_TTL_SECS;
/// How many demo customers the page offers to call (the first, documented ones).
const CUSTOMERS: usize = 4;

/// The session body.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    tenant_id: String,
    panel_origin: String,
    panel_url: String,
    token: String,
    customers: Vec<Customer>,
    internal_number: &'static str,
    unknown_number: &'static str,
    /// A number several contacts share (the native CRM demo tenant only, else `null`).
    multi_match_number: Option<&'static str>,
    /// A number with history and no contact, to create one from (the native CRM demo tenant only).
    new_caller_number: Option<&'static str>,
}

/// A demo customer the page can start interactions with.
#[derive(Debug, Serialize)]
pub struct Customer {
    name: String,
    phone: String,
    email: String,
}

/// The [`DEMO_TENANTS`] as an error message names them.
const TENANT_NAMES: &str = "demo, demo-identity or demo-no-pop";

/// Answers a session for one of the demo tenants; any other tenant is a 400.
pub async fn get_session(State(state): State<WorkspaceState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let tenant_id = QueryPairs::parse(raw.as_deref())?.single(params::TENANT_ID)?.ok_or_else(|| {
        ApiError::field(params::TENANT_ID, codes::REQUIRED, format!("tenantId is required: {TENANT_NAMES}."))
    })?;
    if !DEMO_TENANTS.iter().any(|(id, ..)| *id == tenant_id) {
        return Err(ApiError::field(
            params::TENANT_ID,
            codes::INVALID_VALUE,
            format!("The demo workspace serves only the demo tenants: {TENANT_NAMES}."),
        ));
    }
    // Issued as `POST …/tokens` issues them, for the demo tenants only and without a key.
    let who = TokenFor { tenant_id: &tenant_id, agent_id: AGENT, agent_name: AGENT, ttl_secs: TOKEN_TTL_SECS };
    let now = chrono::Utc::now().timestamp();
    let token = issue::issue(&mut *state.db.acquire().await?, &state.tokens, &who, now).await?.token;
    let customers = personas()
        .into_iter()
        .take(CUSTOMERS)
        .map(|p| Customer { name: p.name, phone: p.phone, email: p.email })
        .collect();
    // Only `demo` has contacts: the identity-only tenant has no CRM, screen-pop-off none seeded.
    let crm = tenant_id == DEMO_TENANT;
    let session = Session {
        multi_match_number: crm.then_some(HOUSEHOLD_LANDLINE),
        new_caller_number: crm.then_some(NEW_CALLER),
        panel_url: format!("{}{}", state.panel_origin, routes::panel(&tenant_id)),
        panel_origin: state.panel_origin,
        tenant_id,
        token,
        customers,
        internal_number: INTERNAL_NUMBER,
        unknown_number: UNKNOWN_NUMBER,
    };
    Ok(no_store(Json(session)))
}
