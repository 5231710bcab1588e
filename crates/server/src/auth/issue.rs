//! Issuing and revoking panel tokens: the one code path behind `POST …/tokens`, the `token`
//! command and the demo workspace's session, and the per-agent revocation every instance reads.
//!
//! A revocation is a time per (tenant, agent) in the database: a token of that agent issued at or
//! before it is refused. Tokens carry their issue time in whole seconds, so a token issued after a
//! revocation is stamped at least one second past it and works however soon it follows.

use sqlx::AnyConnection;

use super::token::{Claims, TokenSigner};

/// A token and when it stops working (epoch seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    /// The panel token.
    pub token: String,
    /// Its expiry, epoch seconds.
    pub expires_at: i64,
}

/// Who a token is for, and for how long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenFor<'a> {
    /// Tenant id (the caller has checked it exists and may be used).
    pub tenant_id: &'a str,
    /// Agent id: what a revocation names.
    pub agent_id: &'a str,
    /// Agent name, as audit records show it.
    pub agent_name: &'a str,
    /// Lifetime in seconds.
    pub ttl_secs: i64,
}

/// Signs a token for `who` at `now` (epoch seconds), stamped after the agent's last revocation.
pub async fn issue(
    conn: &mut AnyConnection,
    signer: &TokenSigner,
    who: &TokenFor<'_>,
    now: i64,
) -> sqlx::Result<Issued> {
    let revoked = revoked_at(conn, who.tenant_id, who.agent_id).await?;
    let iat = revoked.map_or(now, |at| now.max(at + 1));
    let exp = iat + who.ttl_secs;
    let claims = Claims {
        tid: who.tenant_id.to_owned(),
        sub: who.agent_id.to_owned(),
        name: (who.agent_name != who.agent_id).then(|| who.agent_name.to_owned()),
        iat,
        exp,
    };
    Ok(Issued { token: signer.sign(&claims), expires_at: exp })
}

/// Revokes every token of `agent_id` in `tenant_id` issued up to `now` (epoch seconds). A later
/// revocation moves the time forwards, never back.
pub async fn revoke(conn: &mut AnyConnection, tenant_id: &str, agent_id: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO panel_token_revocations (tenant_id, agent_id, revoked_at) VALUES ($1, $2, $3) \
         ON CONFLICT (tenant_id, agent_id) DO UPDATE SET revoked_at = \
         CASE WHEN excluded.revoked_at > panel_token_revocations.revoked_at \
         THEN excluded.revoked_at ELSE panel_token_revocations.revoked_at END",
    )
    .bind(tenant_id)
    .bind(agent_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// When the agent's tokens were last revoked (epoch seconds): one primary-key lookup.
pub async fn revoked_at(conn: &mut AnyConnection, tenant_id: &str, agent_id: &str) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT revoked_at FROM panel_token_revocations WHERE tenant_id = $1 AND agent_id = $2")
        .bind(tenant_id)
        .bind(agent_id)
        .fetch_optional(conn)
        .await
}

/// Whether a token with these claims was revoked.
pub async fn is_revoked(conn: &mut AnyConnection, claims: &Claims) -> sqlx::Result<bool> {
    Ok(revoked_at(conn, &claims.tid, &claims.sub).await?.is_some_and(|at| claims.iat <= at))
}
