//! Related records of a contact relative to the current interaction (`GET
//! /contacts/{contactId}/related?interactionId=…`) and linking an earlier record to an
//! interaction (`PUT` / `DELETE /interactions/{interactionId}/links/{activityId}`).

use axum::Json;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::routing::{get, put};
use c360_wire::crm::{RelatedRecord, RelatedRecords, Relation};
use c360_wire::routes::{CRM_CONTACT_RELATED, CRM_INTERACTION_LINK, params};
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use super::activities::store::{COLUMNS, find, link_many, stored};
use super::activities::to_wire;
use super::contacts::store as contacts;
use super::guard::CrmContext;
use super::path::{ActivityPath, ContactPath, InteractionPath};
use crate::db::flag;
use crate::http::{ApiError, QueryPairs};
use crate::state::AppState;

/// Most records related records lists (the newest).
pub const MAX_RELATED: i64 = 200;

/// The routes of related records and links.
pub fn router() -> Router<AppState> {
    Router::new().route(CRM_CONTACT_RELATED, get(get_related)).route(CRM_INTERACTION_LINK, put(link).delete(unlink))
}

/// The contact's activities, newest first, each `new` (created during `interactionId`), `linked`
/// (earlier, linked to it) or `suggested`; without `interactionId` every one is `suggested`. 404
/// for a contact the tenant does not have.
pub async fn get_related(
    State(state): State<AppState>,
    context: CrmContext,
    ContactPath(contact_id): ContactPath,
    RawQuery(raw): RawQuery,
) -> Result<Json<RelatedRecords>, ApiError> {
    let interaction = QueryPairs::parse(raw.as_deref())?.single(params::INTERACTION_ID)?.filter(|i| !i.is_empty());
    let mut conn = state.db.acquire().await?;
    let tenant_id = &context.tenant.id;
    if contacts::find(&mut conn, tenant_id, &contact_id).await?.is_none() {
        return Err(ApiError::NotFound);
    }
    let records = related(&mut conn, tenant_id, &contact_id, interaction.as_deref()).await?;
    Ok(Json(RelatedRecords { records }))
}

/// The related-records query (`$1` tenant, `$2` contact, `$3` interaction): one walk of the
/// contact's records in index order, newest first, each with a primary-key probe of its link.
pub fn related_sql() -> String {
    format!(
        "SELECT {COLUMNS}, a.interaction_id, EXISTS (SELECT 1 FROM activity_links l
             WHERE l.tenant_id = a.tenant_id AND l.interaction_id = $3 AND l.activity_id = a.activity_id)
         FROM activities a WHERE a.tenant_id = $1 AND a.contact_id = $2
         ORDER BY a.created_at DESC, a.activity_id DESC LIMIT {MAX_RELATED}"
    )
}

/// The query of [`get_related`]: one index walk of the contact's records, newest first, each
/// with whether it is linked to the interaction (a primary-key probe).
async fn related(
    conn: &mut AnyConnection,
    tenant_id: &str,
    contact_id: &str,
    interaction_id: Option<&str>,
) -> sqlx::Result<Vec<RelatedRecord>> {
    let rows = sqlx::query(AssertSqlSafe(related_sql()))
        .bind(tenant_id)
        .bind(contact_id)
        .bind(interaction_id.unwrap_or_default())
        .fetch_all(conn)
        .await?;
    rows.iter()
        .map(|r| {
            let created_in: Option<String> = r.try_get(6)?;
            let relation = match (interaction_id, created_in.as_deref()) {
                (Some(i), Some(c)) if i == c => Relation::New,
                (Some(_), _) if flag(r, 7)? => Relation::Linked,
                _ => Relation::Suggested,
            };
            Ok(RelatedRecord { activity: to_wire(stored(r)?), relation })
        })
        .collect()
}

/// Links an earlier record to the interaction: 204, again a no-op; 404 for an activity the
/// tenant does not have.
pub async fn link(
    State(state): State<AppState>,
    context: CrmContext,
    InteractionPath(interaction_id): InteractionPath,
    ActivityPath(activity_id): ActivityPath,
) -> Result<StatusCode, ApiError> {
    set_link(&state, &context, &interaction_id, &activity_id, true).await
}

/// Unlinks a record from the interaction: 204, again a no-op; 404 for an activity the tenant
/// does not have.
pub async fn unlink(
    State(state): State<AppState>,
    context: CrmContext,
    InteractionPath(interaction_id): InteractionPath,
    ActivityPath(activity_id): ActivityPath,
) -> Result<StatusCode, ApiError> {
    set_link(&state, &context, &interaction_id, &activity_id, false).await
}

/// Links or unlinks, idempotently, one of the tenant's activities.
async fn set_link(
    state: &AppState,
    context: &CrmContext,
    interaction_id: &str,
    activity_id: &str,
    linked: bool,
) -> Result<StatusCode, ApiError> {
    let mut conn = state.db.acquire().await?;
    let tenant_id = &context.tenant.id;
    find(&mut conn, tenant_id, activity_id).await?.ok_or(ApiError::NotFound)?;
    if linked {
        let link = (interaction_id.to_owned(), activity_id.to_owned(), chrono::Utc::now().timestamp_millis());
        link_many(&mut conn, tenant_id, &[link]).await?;
    } else {
        sqlx::query("DELETE FROM activity_links WHERE tenant_id = $1 AND interaction_id = $2 AND activity_id = $3")
            .bind(tenant_id)
            .bind(interaction_id)
            .bind(activity_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}
