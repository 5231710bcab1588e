//! A host's back end gets panel tokens for its agents, and an admin revokes one agent's tokens:
//! both with the account's API key only (a panel token can neither mint nor revoke).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, SecondsFormat};
use serde::Serialize;

use super::token_body::{AGENT_ID, TokenRequest};
use crate::auth::Caller;
use crate::auth::issue::{self, TokenFor};
use crate::http::{ApiError, JsonBody, TenantPath, path_segment};
use crate::state::AppState;

/// The answer to `POST …/tokens`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct TokenAnswer {
    token: String,
    /// RFC 3339, UTC.
    expires_at: String,
}

/// `POST /v1/panel/tenants/{tenantId}/tokens`: a panel token for one agent, 201.
pub async fn post_token(
    State(state): State<AppState>,
    caller: Caller,
    TenantPath(tenant_id): TenantPath,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let mut conn = state.db.acquire().await?;
    let tenant = admin(&caller, &mut conn, &tenant_id).await?;
    let request = TokenRequest::from_json(&body)?;
    let who = TokenFor {
        tenant_id: &tenant.id,
        agent_id: &request.agent_id,
        agent_name: &request.agent_name,
        ttl_secs: request.ttl_secs,
    };
    let issued = issue::issue(&mut conn, &state.tokens, &who, chrono::Utc::now().timestamp()).await?;
    let expires_at = DateTime::from_timestamp(issued.expires_at, 0)
        .expect("an expiry within hours of now")
        .to_rfc3339_opts(SecondsFormat::Secs, true);
    Ok((StatusCode::CREATED, Json(TokenAnswer { token: issued.token, expires_at })).into_response())
}

/// `POST /v1/panel/tenants/{tenantId}/agents/{agentId}/revoke`: every token the agent holds is
/// refused from the next request on, by every instance; 204.
pub async fn post_revoke(
    State(state): State<AppState>,
    caller: Caller,
    TenantPath(tenant_id): TenantPath,
    AgentPath(agent_id): AgentPath,
) -> Result<Response, ApiError> {
    let mut conn = state.db.acquire().await?;
    let tenant = admin(&caller, &mut conn, &tenant_id).await?;
    issue::revoke(&mut conn, &tenant.id, &agent_id, chrono::Utc::now().timestamp()).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The tenant, for an API key of its account; 403 for a panel token, another account's key or an
/// unknown tenant alike.
async fn admin(
    caller: &Caller,
    conn: &mut sqlx::AnyConnection,
    tenant_id: &str,
) -> Result<crate::tenants::Tenant, ApiError> {
    match caller {
        Caller::ApiKey { .. } => caller.authorize(conn, tenant_id).await,
        Caller::Panel { .. } => Err(ApiError::Forbidden),
    }
}

/// The `{agentId}` path segment.
pub struct AgentPath(pub String);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for AgentPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, Self::Rejection> {
        path_segment(parts, state, AGENT_ID).await.map(Self)
    }
}
