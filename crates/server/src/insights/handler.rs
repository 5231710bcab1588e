//! The interactions-insight handler: authenticate, validate, query, aggregate.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use c360_wire::routes::{INTERACTIONS_INSIGHT_ENDPOINT, params};
use c360_wire::{InsightQuery, InteractionsInsight, MAX_INTERACTIONS};

use super::aggregate::{ANALYSED_MIN, compute_insights};
use super::store;
use crate::auth::Caller;
use crate::http::{ApiError, QueryPairs, TenantPath};
use crate::state::AppState;

/// `GET /v1/public/tenants/{tenantId}/interactions-insight`
pub async fn get_interactions_insight(
    State(state): State<AppState>,
    caller: Caller,
    TenantPath(tenant_id): TenantPath,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    if let Some(upstream) = &state.upstream {
        return upstream
            .forward_authorized(&state.db, &caller, &tenant_id, INTERACTIONS_INSIGHT_ENDPOINT, raw.as_deref())
            .await;
    }
    let pairs = QueryPairs::parse(raw.as_deref())?;
    let query = InsightQuery {
        contact_id: pairs.single(params::CONTACT_ID)?,
        account_id: pairs.single(params::ACCOUNT_ID)?,
        email: pairs.single(params::EMAIL)?,
        phone_number: pairs.single(params::PHONE_NUMBER)?,
        crm_id: pairs.single(params::CRM_ID)?,
        start_time: pairs.single(params::START_TIME)?,
        end_time: pairs.single(params::END_TIME)?,
    };
    let mut conn = state.db.acquire().await?;
    let tenant = caller.authorize(&mut conn, &tenant_id).await?;
    let valid = query
        .validate(chrono::Utc::now())
        .map_err(|errors| ApiError::BadRequest { detail: "Invalid search criteria".into(), errors })?;
    let interactions = store::recent_interactions(
        &mut conn,
        &tenant.id,
        &valid.identity,
        valid.range,
        MAX_INTERACTIONS,
        tenant.speech_analytics,
    )
    .await?;
    let insights = if tenant.speech_analytics {
        let analysed = store::recent_analysed(&mut conn, &tenant.id, &valid.identity, valid.range).await?;
        // Fewer than ANALYSED_MIN analysed: no topics are shown, so none need a category.
        let shown = if analysed.len() >= ANALYSED_MIN { analysed.as_slice() } else { &[] };
        let mut topics: Vec<&str> = shown.iter().flat_map(|a| a.topics.iter().map(String::as_str)).collect();
        topics.sort_unstable();
        topics.dedup();
        let categories = store::topic_categories(&mut conn, &tenant.id, &topics).await?;
        Some(compute_insights(&analysed, |topic| categories.get(topic).cloned()))
    } else {
        None
    };
    let body = InteractionsInsight { interactions, insights };
    Ok(Json::<InteractionsInsight>(body).into_response())
}
