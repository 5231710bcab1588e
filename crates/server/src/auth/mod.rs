//! Who is calling, and may they use this tenant.
//!
//! Machine clients send `x-api-key` (an account's key, stored hashed); the panel sends
//! `Authorization: Bearer <panel token>`, a short-lived token signed for one tenant and one agent.

pub mod issue;
pub mod keys;
pub mod token;

use std::sync::Arc;

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use c360_wire::problem::codes;

use crate::db::Db;
use crate::http::{ApiError, client_addr};
use crate::ratelimit::{AuthFailureLimiter, RateLimiter};
use crate::tenants;
use token::TokenSigner;

/// An authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// A machine client holding one account's API key.
    ApiKey { account_id: String },
    /// The panel, for one agent of one tenant: `agent` is the name audit records show,
    /// `agent_id` what a revocation names.
    Panel { tenant_id: String, agent_id: String, agent: String },
}

impl Caller {
    /// Refuses (403) a caller that may not use `tenant_id`. An unknown tenant looks exactly like a
    /// tenant of another account.
    pub async fn authorize(
        &self,
        conn: &mut sqlx::AnyConnection,
        tenant_id: &str,
    ) -> Result<tenants::Tenant, ApiError> {
        let tenant = tenants::find(conn, tenant_id).await?.ok_or(ApiError::Forbidden)?;
        if self.may_use(&tenant) { Ok(tenant) } else { Err(ApiError::Forbidden) }
    }

    /// Whether this caller may use `tenant`: a key of its account, a panel token of it.
    pub fn may_use(&self, tenant: &tenants::Tenant) -> bool {
        match self {
            Caller::ApiKey { account_id } => &tenant.account_id == account_id,
            Caller::Panel { tenant_id, .. } => tenant_id == &tenant.id,
        }
    }
}

/// The caller of a request, generic over the state: whatever state the router has, it needs only
/// to give the database (API keys), the token signer (panel tokens) and the optional limits.
///
/// A caller a middleware has already authorised (the CRM write guard) is in the request's
/// extensions; it is taken from there, so no request is authenticated or counted against the rate
/// limit twice. Clients cannot put anything there: extensions exist only inside the server.
impl<S> FromRequestParts<S> for Caller
where
    S: Send + Sync,
    Db: FromRef<S>,
    TokenSigner: FromRef<S>,
    Option<Arc<RateLimiter>>: FromRef<S>,
    Option<Arc<AuthFailureLimiter>>: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(caller) = parts.extensions.get::<Caller>() {
            return Ok(caller.clone());
        }
        let db = Db::from_ref(state);
        let failures = Option::<Arc<AuthFailureLimiter>>::from_ref(state).zip(client_addr(parts));
        let caller = match &failures {
            None => authenticate(parts, &db, &TokenSigner::from_ref(state)).await?,
            Some((limiter, addr)) => {
                let now = chrono::Utc::now().timestamp();
                if let Some(retry_after) = limiter.blocked(&mut *db.acquire().await?, *addr, now).await? {
                    return Err(ApiError::RateLimited { retry_after });
                }
                match authenticate(parts, &db, &TokenSigner::from_ref(state)).await {
                    Err(e) if is_failed_authentication(&e) => {
                        let over = limiter.failed(&mut *db.acquire().await?, *addr, now).await?;
                        return Err(over.map_or(e, |retry_after| ApiError::RateLimited { retry_after }));
                    }
                    other => other?,
                }
            }
        };
        if let Some(limiter) = Option::<Arc<RateLimiter>>::from_ref(state) {
            let who = match &caller {
                Caller::ApiKey { account_id } => format!("key:{account_id}"),
                Caller::Panel { tenant_id, agent_id, .. } => format!("panel:{tenant_id}:{agent_id}"),
            };
            let mut conn = Db::from_ref(state).acquire().await?;
            limiter
                .check(&mut conn, &who, chrono::Utc::now().timestamp())
                .await?
                .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
        }
        Ok(caller)
    }
}

/// Whether `e` counts against the client's failed authentications: a missing or wrong credential,
/// not an expired panel token (it was ours: a session that ended, not a guess).
fn is_failed_authentication(e: &ApiError) -> bool {
    matches!(e, ApiError::Unauthorized { code, .. } if *code != codes::TOKEN_EXPIRED)
}

/// Reads and checks the request's credential.
async fn authenticate(parts: &Parts, db: &Db, tokens: &TokenSigner) -> Result<Caller, ApiError> {
    let unauthorized = |detail: &str, code| ApiError::Unauthorized { detail: detail.to_owned(), code };
    if let Some(key) = parts.headers.get("x-api-key") {
        let key = key.to_str().map_err(|_| unauthorized("Invalid API key", codes::INVALID_CREDENTIALS))?;
        let account = keys::account_for(&mut *db.acquire().await?, key).await?;
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
    match tokens.verify(bearer, chrono::Utc::now().timestamp()) {
        // A revoked token answers like an expired one: the panel then asks its host for a new one.
        Ok(claims) if issue::is_revoked(&mut *db.acquire().await?, &claims).await? => {
            Err(unauthorized("Panel token revoked: open the panel again to get a new one", codes::TOKEN_EXPIRED))
        }
        Ok(claims) => Ok(Caller::Panel {
            agent: claims.name.unwrap_or_else(|| claims.sub.clone()),
            agent_id: claims.sub,
            tenant_id: claims.tid,
        }),
        Err(token::TokenError::Expired) => {
            Err(unauthorized("Panel token expired: open the panel again to get a new one", codes::TOKEN_EXPIRED))
        }
        Err(token::TokenError::Invalid) => Err(unauthorized("Invalid panel token", codes::INVALID_CREDENTIALS)),
    }
}
