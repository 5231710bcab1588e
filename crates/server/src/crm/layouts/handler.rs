//! `GET /layouts?recordType=…` and `GET /fields?recordType=…`.

use axum::Json;
use axum::extract::{RawQuery, State};
use c360_wire::crm::{FieldList, Layouts, RecordType};
use c360_wire::problem::codes;
use c360_wire::routes::params;

use super::store::schema;
use crate::crm::guard::CrmContext;
use crate::http::{ApiError, QueryPairs};
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
