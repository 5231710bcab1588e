//! The transcript-summaries handler.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use c360_wire::problem::codes;
use c360_wire::routes::{TRANSCRIPT_SUMMARIES_ENDPOINT, params};
use c360_wire::{MAX_SUMMARY_IDS, PartialFailure, TranscriptSummariesResponse};

use super::store::{self, Stored};
use crate::auth::Caller;
use crate::http::{ApiError, QueryPairs, TenantPath};
use crate::state::AppState;

/// `GET /v1/public/tenants/{tenantId}/transcript-summaries?interactionId=…&interactionId=…`
pub async fn get_transcript_summaries(
    State(state): State<AppState>,
    caller: Caller,
    TenantPath(tenant_id): TenantPath,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    if let Some(upstream) = &state.upstream {
        return upstream
            .forward_authorized(&state.db, &caller, &tenant_id, TRANSCRIPT_SUMMARIES_ENDPOINT, raw.as_deref())
            .await;
    }
    let pairs = QueryPairs::parse(raw.as_deref())?;
    let mut ids = pairs.all(params::INTERACTION_ID);
    let mut conn = state.db.acquire().await?;
    caller.authorize(&mut conn, &tenant_id).await?;
    validate_ids(&ids)?;
    // Asking twice for one id answers it once, in the order first asked; only distinct ids count
    // towards the limit.
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    validate_count(ids.len())?;
    let mut found: std::collections::HashMap<String, Stored> =
        store::find(&mut conn, &tenant_id, &ids).await?.into_iter().collect();
    let mut body = TranscriptSummariesResponse::default();
    for id in ids {
        match found.remove(&id) {
            Some(Stored::Available(summary)) => body.summaries.push(summary),
            Some(Stored::Unavailable) => body
                .partial_failures
                .push(PartialFailure { interaction_id: id, reason: PartialFailure::NOT_AVAILABLE.into() }),
            None => body
                .partial_failures
                .push(PartialFailure { interaction_id: id, reason: PartialFailure::NOT_FOUND.into() }),
        }
    }
    Ok(Json::<TranscriptSummariesResponse>(body).into_response())
}

/// At least one id, none empty.
fn validate_ids(ids: &[String]) -> Result<(), ApiError> {
    if ids.is_empty() {
        return Err(ApiError::field(
            params::INTERACTION_ID,
            codes::REQUIRED,
            "Give at least one interactionId (repeat the parameter for more).",
        ));
    }
    if let Some(position) = ids.iter().position(|id| id.trim().is_empty()) {
        return Err(ApiError::field(
            params::INTERACTION_ID,
            codes::INVALID_VALUE,
            format!("interactionId number {} is empty.", position + 1),
        ));
    }
    Ok(())
}

/// At most [`MAX_SUMMARY_IDS`] distinct ids.
fn validate_count(distinct: usize) -> Result<(), ApiError> {
    if distinct > MAX_SUMMARY_IDS {
        return Err(ApiError::field(
            params::INTERACTION_ID,
            codes::OUT_OF_RANGE,
            format!("At most {MAX_SUMMARY_IDS} distinct interactionId values per request, not {distinct}."),
        ));
    }
    Ok(())
}
