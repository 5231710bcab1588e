//! `POST /interactions/{interactionId}/wrap-up`: the interaction ended and the agent wrapped up.
//! It is linked to the contact that was open (it joins the contact's history) and, when the
//! tenant's auto log covers its media, one `auto` record is made of it (`auto.rs`, as
//! `setting.rs` says) — exactly once: the first wrap-up of an interaction inserts its row in
//! `wrap_ups` (the primary key decides between instances), every repeat answers from that row.

mod auto;
mod body;
pub mod setting;

pub use auto::{auto_record, humanise};
pub use setting::{AutoLogRecord, auto_log_of, parse_auto_log_record, set_auto_log_record};

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use c360_wire::crm::{WrapUp, WrapUpAnswer};
use c360_wire::insight::Direction;
use c360_wire::routes::CRM_WRAP_UP;
use sqlx::{AnyConnection, Connection};

use super::activities::store::{self as activities, StoredActivity, new_activity_id};
use super::activities::to_wire;
use super::contacts::store as contacts;
use super::guard::CrmContext;
use super::path::InteractionPath;
use crate::http::{ApiError, JsonBody};
use crate::state::AppState;
use setting::auto_log_medium;

/// The route of wrap-up.
pub fn router() -> Router<AppState> {
    Router::new().route(CRM_WRAP_UP, post(wrap_up))
}

/// Records the wrap-up: 400 naming each invalid field, 404 for a contact the tenant does not
/// have, else 200 with the auto-log record (`null` when auto log does not cover the media) — the
/// same answer on every repeat, whoever receives it.
pub async fn wrap_up(
    State(state): State<AppState>,
    context: CrmContext,
    InteractionPath(interaction_id): InteractionPath,
    JsonBody(body): JsonBody,
) -> Result<Json<WrapUpAnswer>, ApiError> {
    let w = body::read(&body).map_err(|errors| ApiError::BadRequest {
        detail: "Some fields of the wrap-up are not valid.".into(),
        errors,
    })?;
    let mut conn = state.db.acquire().await?;
    let tenant_id = &context.tenant.id;
    if contacts::find(&mut conn, tenant_id, &w.contact_id).await?.is_none() {
        return Err(ApiError::NotFound);
    }
    let (media, kind) = auto_log_of(&mut conn, tenant_id).await?;
    let covered = auto_log_medium(&w.media_type).is_some_and(|m| media.iter().any(|x| x == m))
        && matches!(w.direction, Direction::Inbound | Direction::Outbound);
    let now_ms = chrono::Utc::now().timestamp_millis();
    let record = covered.then(|| StoredActivity {
        activity_id: new_activity_id(),
        details: auto_record(&w, &interaction_id, kind),
        version: 1,
        created_at: now_ms,
        created_by: context.author(),
        auto: true,
    });
    let mut tx = conn.begin().await?;
    if !claim(&mut tx, tenant_id, &interaction_id, &w, record.as_ref(), now_ms).await? {
        tx.rollback().await?;
        return Ok(Json(WrapUpAnswer { activity: earlier(&mut conn, tenant_id, &interaction_id).await? }));
    }
    contacts::link_interactions(&mut tx, tenant_id, &w.contact_id, std::slice::from_ref(&interaction_id), now_ms)
        .await?;
    if let Some(record) = &record {
        activities::insert(&mut tx, tenant_id, record).await?;
    }
    tx.commit().await?;
    Ok(Json(WrapUpAnswer { activity: record.map(to_wire) }))
}

/// Inserts the interaction's wrap-up row; `false` when it has one already (this is a repeat).
async fn claim(
    conn: &mut AnyConnection,
    tenant_id: &str,
    interaction_id: &str,
    w: &WrapUp,
    record: Option<&StoredActivity>,
    now_ms: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO wrap_ups (tenant_id, interaction_id, contact_id, activity_id, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(tenant_id)
    .bind(interaction_id)
    .bind(&w.contact_id)
    .bind(record.map(|r| r.activity_id.clone()))
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The record the first wrap-up of the interaction made, if it made one.
async fn earlier(
    conn: &mut AnyConnection,
    tenant_id: &str,
    interaction_id: &str,
) -> sqlx::Result<Option<c360_wire::crm::Activity>> {
    let id: Option<Option<String>> =
        sqlx::query_scalar("SELECT activity_id FROM wrap_ups WHERE tenant_id = $1 AND interaction_id = $2")
            .bind(tenant_id)
            .bind(interaction_id)
            .fetch_optional(&mut *conn)
            .await?;
    match id.flatten() {
        Some(id) => Ok(activities::find(conn, tenant_id, &id).await?.map(to_wire)),
        None => Ok(None),
    }
}
