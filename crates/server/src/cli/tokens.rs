//! `token` and `revoke`: a panel token for one agent, and revoking every token an agent holds,
//! through the same code as `POST …/tokens` and `POST …/agents/{agentId}/revoke`.

use super::AgentArgs;
use crate::auth::issue::{self, TokenFor};
use crate::tenants;

/// A token for the agent (its id and name), lasting `ttl` seconds.
pub async fn issue(who: &AgentArgs, ttl: i64, now: i64) -> Result<String, String> {
    let AgentArgs { db, tenant, agent } = who;
    if agent.trim().is_empty() {
        return Err("--agent must not be empty".into());
    }
    let (db, signer) = super::open(&db.db).await?;
    let mut conn = db.acquire().await.map_err(|e| e.to_string())?;
    known(&mut conn, tenant).await?;
    let who = TokenFor { tenant_id: tenant, agent_id: agent, agent_name: agent, ttl_secs: ttl };
    Ok(issue::issue(&mut conn, &signer, &who, now).await.map_err(|e| e.to_string())?.token)
}

/// Revokes every token of the agent issued until now, on every instance at once.
pub async fn revoke(who: &AgentArgs, now: i64) -> Result<String, String> {
    let AgentArgs { db, tenant, agent } = who;
    let (db, _) = super::open(&db.db).await?;
    let mut conn = db.acquire().await.map_err(|e| e.to_string())?;
    known(&mut conn, tenant).await?;
    issue::revoke(&mut conn, tenant, agent, now).await.map_err(|e| e.to_string())?;
    Ok(format!("revoked the panel tokens of agent {agent:?} in tenant {tenant:?} issued until now"))
}

async fn known(conn: &mut sqlx::AnyConnection, tenant: &str) -> Result<(), String> {
    match tenants::find(conn, tenant).await.map_err(|e| e.to_string())? {
        Some(_) => Ok(()),
        None => Err(format!("unknown tenant {tenant:?}")),
    }
}
