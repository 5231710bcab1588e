//! `GET /layouts?recordType=…`, `GET /fields?recordType=…`, and the admin's `PUT /fields/{field}`
//! and `PUT /layouts/{layoutId}`.

use axum::Json;
use axum::extract::{FromRequestParts, RawQuery, State};
use axum::http::request::Parts;
use c360_wire::crm::{FieldDefinition, FieldList, Layout, Layouts, RecordType};
use c360_wire::problem::codes;
use c360_wire::routes::params;
use sqlx::Connection;

use super::admin::{field_definition, layout_input};
use super::store::{put_field as store_field, put_layout as store_layout, schema};
use crate::auth::Caller;
use crate::crm::guard::CrmContext;
use crate::crm::path::{FieldPath, LayoutPath};
use crate::http::{ApiError, JsonBody, QueryPairs};
use crate::state::AppState;

/// The tenant's layouts of a record type, the default one marked.
pub async fn get_layouts(
    State(state): State<AppState>,
    context: CrmContext,
    RawQuery(raw): RawQuery,
) -> Result<Json<Layouts>, ApiError> {
    let record_type = record_type(raw.as_deref())?;
    let schema = schema(&mut *state.db.acquire().await?, &context.tenant.id, &record_type).await?;
    Ok(Json(schema.layouts))
}

/// Every field of a record type, built-in then custom.
pub async fn get_fields(
    State(state): State<AppState>,
    context: CrmContext,
    RawQuery(raw): RawQuery,
) -> Result<Json<FieldList>, ApiError> {
    let record_type = record_type(raw.as_deref())?;
    let schema = schema(&mut *state.db.acquire().await?, &context.tenant.id, &record_type).await?;
    Ok(Json(FieldList { fields: schema.fields }))
}

/// Creates or updates a custom field (API key only): 200 with the stored definition.
pub async fn put_field(
    State(state): State<AppState>,
    Admin(context): Admin,
    FieldPath(field): FieldPath,
    RawQuery(raw): RawQuery,
    JsonBody(body): JsonBody,
) -> Result<Json<FieldDefinition>, ApiError> {
    let record_type = record_type(raw.as_deref())?;
    let def = field_definition(&record_type, &field, &body).map_err(invalid)?;
    let now_ms = chrono::Utc::now().timestamp_millis();
    store_field(&mut *state.db.acquire().await?, &context.tenant.id, &record_type, &def, now_ms).await?;
    Ok(Json(def))
}

/// Creates or replaces a layout (API key only): 200 with the stored layout, labels filled in.
pub async fn put_layout(
    State(state): State<AppState>,
    Admin(context): Admin,
    LayoutPath(layout_id): LayoutPath,
    JsonBody(body): JsonBody,
) -> Result<Json<Layout>, ApiError> {
    let mut conn = state.db.acquire().await?;
    let tenant_id = &context.tenant.id;
    // The fields of the record type the body names; one this build does not know has none (and
    // is refused below), and is never taken to the database.
    let named = body.get(params::RECORD_TYPE).and_then(|v| v.as_str()).map(RecordType::from);
    let fields = match &named {
        Some(RecordType::Other(_)) | None => Vec::new(),
        Some(record_type) => schema(&mut conn, tenant_id, record_type).await?.fields,
    };
    let input = layout_input(&layout_id, &body, &fields).map_err(invalid)?;
    let now_ms = chrono::Utc::now().timestamp_millis();
    let mut tx = conn.begin().await?;
    store_layout(&mut tx, tenant_id, &layout_id, &input, now_ms).await?;
    tx.commit().await?;
    let stored = schema(&mut conn, tenant_id, &input.record_type).await?;
    let layout = stored.layouts.layouts.into_iter().find(|l| l.layout_id == layout_id).ok_or(ApiError::NotFound)?;
    Ok(Json(layout))
}

fn invalid(errors: Vec<c360_wire::FieldError>) -> ApiError {
    ApiError::BadRequest { detail: "The definition has invalid fields.".into(), errors }
}

/// A CRM context whose caller holds an API key: admins define fields and layouts, agents (panel
/// tokens) do not (403).
pub struct Admin(CrmContext);

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let context = CrmContext::from_request_parts(parts, state).await?;
        match context.caller {
            Caller::ApiKey { .. } => Ok(Self(context)),
            Caller::Panel { .. } => Err(ApiError::Forbidden),
        }
    }
}

/// The `recordType` parameter: required, one of the known record types.
fn record_type(raw: Option<&str>) -> Result<RecordType, ApiError> {
    let name = params::RECORD_TYPE;
    let value = QueryPairs::parse(raw)?.single(name)?;
    let Some(value) = value else {
        return Err(ApiError::field(
            name,
            codes::REQUIRED,
            "recordType is required (contact, call, task, event, note or case).",
        ));
    };
    match RecordType::from(value.trim()) {
        RecordType::Other(other) => Err(ApiError::field(
            name,
            codes::INVALID_VALUE,
            format!("“{other}” is not a record type: use contact, call, task, event, note or case."),
        )),
        known => Ok(known),
    }
}
