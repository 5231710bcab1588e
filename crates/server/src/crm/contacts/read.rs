//! `GET /contacts?q=…` (search), `GET /contacts?phoneNumber=…|email=…` (identity match) and
//! `GET /contacts/{contactId}`.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use c360_wire::crm::search::MAX_LIMIT;
use c360_wire::crm::{ContactList, normalize_phone_in, validate_search};
use c360_wire::normalize_email;
use c360_wire::problem::codes;
use c360_wire::routes::params;

use super::index::holders;
use super::search::search;
use super::store::find;
use super::{to_wire, with_etag};
use crate::crm::guard::CrmContext;
use crate::crm::path::ContactPath;
use crate::http::{ApiError, QueryPairs};
use crate::state::AppState;

/// Search (`q`, `limit`) or, with `phoneNumber` or `email`, every contact holding it.
pub async fn list_contacts(
    State(state): State<AppState>,
    context: CrmContext,
    RawQuery(raw): RawQuery,
) -> Result<Json<ContactList>, ApiError> {
    let pairs = QueryPairs::parse(raw.as_deref())?;
    let q = pairs.single(params::Q)?;
    let phone = pairs.single(params::PHONE_NUMBER)?;
    let email = pairs.single(params::EMAIL)?;
    let mut conn = state.db.acquire().await?;
    let identifier = match (&q, phone, email) {
        (None, None, None) | (Some(_), None, None) => {
            let valid = validate_search(q.as_deref(), pairs.single(params::LIMIT)?.as_deref())
                .map_err(|errors| ApiError::BadRequest { detail: "Invalid search".into(), errors })?;
            return Ok(Json(search(&mut conn, &context.tenant.id, &valid).await?));
        }
        (None, Some(phone), None) => normalize_phone_in(&phone, context.default_country()).ok_or_else(|| {
            ApiError::field(
                params::PHONE_NUMBER,
                codes::INVALID_FORMAT,
                "phoneNumber must be a phone number in E.164 (+14155550100).",
            )
        })?,
        (None, None, Some(email)) => normalize_email(&email)
            .ok_or_else(|| ApiError::field(params::EMAIL, codes::INVALID_FORMAT, "email must be an email address."))?,
        _ => {
            return Err(ApiError::field(params::Q, codes::CONFLICT, "Give one of q, phoneNumber and email."));
        }
    };
    // A shared landline has a few holders; more than a page would be a data problem, said by `more`.
    let mut found = holders(&mut conn, &context.tenant.id, &[identifier], MAX_LIMIT + 1).await?;
    let more = found.len() > MAX_LIMIT;
    found.truncate(MAX_LIMIT);
    Ok(Json(ContactList { contacts: found.iter().map(|c| c.summary()).collect(), more }))
}

/// One contact, its version as `ETag`.
pub async fn get_contact(
    State(state): State<AppState>,
    context: CrmContext,
    ContactPath(contact_id): ContactPath,
) -> Result<Response, ApiError> {
    let found = find(&mut *state.db.acquire().await?, &context.tenant.id, &contact_id).await?;
    let contact = found.ok_or(ApiError::NotFound)?;
    Ok(with_etag(StatusCode::OK, &to_wire(&context, contact)))
}
