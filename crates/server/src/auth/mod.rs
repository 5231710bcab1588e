//! Who is calling, and may they use this tenant.
//!
//! Machine clients send `x-api-key` (an account's key, stored hashed); the panel sends
//! `Authorization: Bearer <panel token>`, a short-lived token signed for one tenant and one agent.

pub mod keys;
pub mod token;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use c360_wire::problem::codes;

use crate::error::ApiError;
use crate::state::AppState;
use crate::tenants;

/// An authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// A machine client holding one account's API key.
    ApiKey { account_id: String },
    /// The panel, for one agent of one tenant.
    Panel { tenant_id: String, agent: String },
}

impl Caller {
    /// Refuses (403) a caller that may not use `tenant_id`. An unknown tenant looks exactly like a
    /// tenant of another account.
    pub fn authorize(&self, conn: &rusqlite::Connection, tenant_id: &str) -> Result<tenants::Tenant, ApiError> {
        let tenant = tenants::find(conn, tenant_id)?.ok_or(ApiError::Forbidden)?;
        let allowed = match self {
            Caller::ApiKey { account_id } => &tenant.account_id == account_id,
            Caller::Panel { tenant_id: t, .. } => t == &tenant.id,
        };
        if allowed { Ok(tenant) } else { Err(ApiError::Forbidden) }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let caller = authenticate(parts, state).await?;
        if let Some(limiter) = &state.limiter {
            let who = match &caller {
                Caller::ApiKey { account_id } => format!("key:{account_id}"),
                Caller::Panel { tenant_id, agent } => format!("panel:{tenant_id}:{agent}"),
            };
            limiter
                .check(&who, chrono::Utc::now().timestamp())
                .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
        }
        Ok(caller)
    }
}

/// Reads and checks the request's credential.
async fn authenticate(parts: &Parts, state: &AppState) -> Result<Caller, ApiError> {
    let unauthorized = |detail: &str, code| ApiError::Unauthorized { detail: detail.to_owned(), code };
    if let Some(key) = parts.headers.get("x-api-key") {
        let key = key.to_str().map_err(|_| unauthorized("Invalid API key", codes::INVALID_CREDENTIALS))?.to_owned();
        let account = state.db.call(move |conn| Ok(keys::account_for(conn, &key)?)).await?;
        return account
            .map(|account_id| Caller::ApiKey { account_id })
            .ok_or_else(|| unauthorized("Invalid API key", codes::INVALID_CREDENTIALS));
    }
    let Some(auth) = parts.headers.get(axum::http::header::AUTHORIZATION) else {
        return Err(unauthorized(
            "Missing credentials: send x-api-key or Authorization: Bearer <panel token>",
            codes::REQUIRED,
        ));
    };
    let bearer = auth
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .ok_or_else(|| unauthorized("Authorization must be a Bearer panel token", codes::INVALID_CREDENTIALS))?;
    match state.tokens.verify(bearer, chrono::Utc::now().timestamp()) {
        Ok(claims) => Ok(Caller::Panel { tenant_id: claims.tid, agent: claims.sub }),
        Err(token::TokenError::Expired) => {
            Err(unauthorized("Panel token expired: open the panel again to get a new one", codes::TOKEN_EXPIRED))
        }
        Err(token::TokenError::Invalid) => Err(unauthorized("Invalid panel token", codes::INVALID_CREDENTIALS)),
    }
}
