//! The interactions-insight handler: authenticate, validate, query, aggregate.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use c360_wire::{InsightQuery, InteractionsInsight, MAX_INTERACTIONS};

use super::aggregate::compute_insights;
use super::store;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::query::QueryPairs;
use crate::state::AppState;
use crate::upstream::forwarded;
use crate::web::TenantPath;

/// `GET /v1/public/tenants/{tenantId}/interactions-insight`
pub async fn get_interactions_insight(
    State(state): State<AppState>,
    caller: Caller,
    TenantPath(tenant_id): TenantPath,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    if let Some(answer) = forwarded(&state, &caller, &tenant_id, "interactions-insight", raw.as_deref()).await {
        return answer;
    }
    let pairs = QueryPairs::parse(raw.as_deref())?;
    let query = InsightQuery {
        contact_id: pairs.single("contactId")?,
        account_id: pairs.single("accountId")?,
        email: pairs.single("email")?,
        phone_number: pairs.single("phoneNumber")?,
        crm_id: pairs.single("crmId")?,
        start_time: pairs.single("startTime")?,
        end_time: pairs.single("endTime")?,
    };
    let body = state
        .db
        .call(move |conn| {
            let tenant = caller.authorize(conn, &tenant_id)?;
            let valid = query
                .validate(chrono::Utc::now())
                .map_err(|errors| ApiError::BadRequest { detail: "Invalid search criteria".into(), errors })?;
            let interactions = store::recent_interactions(
                conn,
                &tenant.id,
                &valid.identity,
                valid.range,
                MAX_INTERACTIONS,
                tenant.speech_analytics,
            )?;
            let insights = if tenant.speech_analytics {
                let analysed = store::recent_analysed(conn, &tenant.id, &valid.identity, valid.range)?;
                Some(compute_insights(&analysed, |topic| store::topic_category(conn, &tenant.id, topic).ok().flatten()))
            } else {
                None
            };
            Ok(InteractionsInsight { interactions, insights })
        })
        .await?;
    Ok(Json::<InteractionsInsight>(body).into_response())
}
