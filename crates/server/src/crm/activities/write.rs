//! `POST /activities` (with `Idempotency-Key`: a retry answers the first record) and
//! `PATCH /activities/{activityId}` (a merge patch of the version `If-Match` names).

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use c360_wire::crm::headers::{IDEMPOTENCY_KEY, IF_MATCH};
use c360_wire::crm::{ActivityRules, NewActivity, RecordType, if_match_version};
use c360_wire::problem::codes;
use sqlx::{AnyConnection, Connection};

use super::store::{self, Claim, StoredActivity, claim_key, find, new_activity_id};
use super::{to_wire, with_etag};
use crate::crm::contacts::store as contacts;
use crate::crm::guard::CrmContext;
use crate::crm::layouts::{layout_id, schema};
use crate::crm::path::ActivityPath;
use crate::http::{ApiError, JsonBody, QueryPairs};
use crate::state::AppState;

/// The scope of `POST /activities`' idempotency keys.
const SCOPE: &str = "activities";
/// Longest `Idempotency-Key`.
const MAX_KEY_LEN: usize = 200;

fn invalid(errors: Vec<c360_wire::FieldError>) -> ApiError {
    ApiError::BadRequest { detail: "Some fields of the activity are not valid.".into(), errors }
}

/// Creates an activity through the layout `layoutId` names (else the default one of its type):
/// 400 naming each invalid field (`layoutId` when the tenant has no such layout of the body's
/// `type`), 404 for a contact the tenant does not have, else 201 with its `ETag`. With an
/// `Idempotency-Key` the tenant used before, 201 with the record that first request created
/// (nothing new is stored).
pub async fn create_activity(
    State(state): State<AppState>,
    context: CrmContext,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let layout_id = layout_id(&QueryPairs::parse(raw.as_deref())?)?;
    let key = match headers.get(IDEMPOTENCY_KEY).map(|v| v.to_str().map(str::trim)) {
        None => None,
        Some(Ok(k)) if !k.is_empty() && k.len() <= MAX_KEY_LEN => Some(k.to_owned()),
        Some(_) => {
            let message = format!("Idempotency-Key is 1 to {MAX_KEY_LEN} visible ASCII characters.");
            return Err(ApiError::field(IDEMPOTENCY_KEY, codes::INVALID_FORMAT, message));
        }
    };
    let mut conn = state.db.acquire().await?;
    let tenant_id = &context.tenant.id;
    let record_type = body.get("type").and_then(|t| t.as_str()).map(RecordType::from);
    // Without a known type the rules refuse `type`, and there is no layout to choose.
    let (fields, layout) = match record_type {
        Some(RecordType::Other(_) | RecordType::Contact) | None => (None, None),
        Some(known) => {
            let schema = schema(&mut conn, tenant_id, &known).await?;
            let layout = schema.chosen_layout(&known, layout_id.as_deref())?;
            (Some(schema.fields), Some(layout))
        }
    };
    let rules = ActivityRules {
        definitions: fields.as_deref(),
        default_country: context.default_country(),
        layout: layout.as_ref(),
    };
    let details = rules.read(&body).map_err(invalid)?;
    let now_ms = chrono::Utc::now().timestamp_millis();
    let stored = create(&mut conn, &context, details, key.as_deref(), false, now_ms).await?;
    Ok(with_etag(StatusCode::CREATED, &to_wire(stored)))
}

/// Stores `details` (validated; the wrap-up's auto records bypass layouts, being the server's
/// own) as a new activity of the context's tenant, authored by its caller: 404 when the contact
/// is not the tenant's. With `key`, the first record created with it instead, if any (decided in
/// the transaction, so concurrent twins create one record).
pub async fn create(
    conn: &mut AnyConnection,
    context: &CrmContext,
    details: NewActivity,
    key: Option<&str>,
    auto: bool,
    now_ms: i64,
) -> Result<StoredActivity, ApiError> {
    let tenant_id = &context.tenant.id;
    if contacts::find(conn, tenant_id, &details.contact_id).await?.is_none() {
        return Err(ApiError::NotFound);
    }
    let activity = StoredActivity {
        activity_id: new_activity_id(),
        details,
        version: 1,
        created_at: now_ms,
        created_by: context.author(),
        auto,
    };
    let mut tx = conn.begin().await?;
    if let Some(key) = key {
        let request = serde_json::to_string(&activity.details)?;
        match claim_key(&mut tx, tenant_id, SCOPE, key, &activity.activity_id, &request, now_ms).await? {
            Claim::First => {}
            Claim::Earlier(first) => {
                tx.rollback().await?;
                return find(conn, tenant_id, &first).await?.ok_or(ApiError::NotFound);
            }
            Claim::Reused => {
                tx.rollback().await?;
                let message =
                    "This Idempotency-Key was sent with a different activity: send a new key for a new record.";
                return Err(ApiError::field(IDEMPOTENCY_KEY, codes::CONFLICT, message));
            }
        }
    }
    store::insert(&mut tx, tenant_id, &activity).await?;
    tx.commit().await?;
    Ok(activity)
}

/// Applies a merge patch to the version `If-Match` names: 428 without it, 404 for an unknown
/// activity, 412 with the current activity when stale, 400 naming each refused field (by the
/// layout `layoutId` names, else the default one of the activity's type; `layoutId` when the
/// tenant has no such layout), else 200 with the new `ETag`. A patch that changes nothing writes
/// nothing.
pub async fn update_activity(
    State(state): State<AppState>,
    context: CrmContext,
    ActivityPath(activity_id): ActivityPath,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    JsonBody(patch): JsonBody,
) -> Result<Response, ApiError> {
    let layout_id = layout_id(&QueryPairs::parse(raw.as_deref())?)?;
    let Some(if_match) = headers.get(IF_MATCH) else { return Err(ApiError::PreconditionRequired) };
    let based_on = if_match.to_str().ok().and_then(if_match_version);
    let mut conn = state.db.acquire().await?;
    let tenant_id = &context.tenant.id;
    let current = find(&mut conn, tenant_id, &activity_id).await?.ok_or(ApiError::NotFound)?;
    if based_on != Some(current.version) {
        return Err(ApiError::StaleActivity(Box::new(to_wire(current))));
    }
    let record_type = RecordType::from(current.details.activity_type.as_str());
    let schema = schema(&mut conn, tenant_id, &record_type).await?;
    let layout = schema.chosen_layout(&record_type, layout_id.as_deref())?;
    let rules = ActivityRules {
        definitions: Some(&schema.fields),
        default_country: context.default_country(),
        layout: Some(&layout),
    };
    let details = rules.apply_patch(&to_wire(current.clone()), &patch).map_err(invalid)?;
    if details == current.details {
        return Ok(with_etag(StatusCode::OK, &to_wire(current)));
    }
    let now_ms = chrono::Utc::now().timestamp_millis();
    let mut tx = conn.begin().await?;
    let updated = store::update(&mut tx, tenant_id, &current, details, &context.author(), now_ms).await?;
    tx.commit().await?;
    match updated {
        Some(updated) => Ok(with_etag(StatusCode::OK, &to_wire(updated))),
        None => {
            let now = find(&mut conn, tenant_id, &activity_id).await?.ok_or(ApiError::NotFound)?;
            Err(ApiError::StaleActivity(Box::new(to_wire(now))))
        }
    }
}
