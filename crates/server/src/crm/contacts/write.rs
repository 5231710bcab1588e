//! `POST /contacts` (create, with the duplicate answer) and `PATCH /contacts/{contactId}` (a JSON
//! merge patch based on the version `If-Match` names).

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use c360_wire::crm::headers::IF_MATCH;
use c360_wire::crm::{ContactRules, CrmProblem, NewContact, RecordType, if_match_version};
use c360_wire::problem::codes;
use c360_wire::routes::{self, params};
use sqlx::Connection;

use super::index::holders;
use super::store::{self, ContactRow, find, insert_many, new_contact_id};
use super::{to_wire, with_etag};
use crate::crm::guard::CrmContext;
use crate::crm::layouts::{layout_id, schema};
use crate::crm::path::ContactPath;
use crate::http::{ApiError, JsonBody, QueryPairs};
use crate::state::AppState;

/// Most contacts a 409 names.
const MAX_DUPLICATES: usize = 10;

fn invalid(errors: Vec<c360_wire::FieldError>) -> ApiError {
    ApiError::BadRequest { detail: "Some fields of the contact are not valid.".into(), errors }
}

/// Creates a contact through the layout `layoutId` names (else the default one): 400 naming each
/// invalid field (`layoutId` when the tenant has no such contact layout), 409 `duplicate` naming
/// the contacts that already hold one of its phones or emails (unless `allowDuplicate=true`), else
/// 201 with its `Location` and `ETag`.
pub async fn create_contact(
    State(state): State<AppState>,
    context: CrmContext,
    RawQuery(raw): RawQuery,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let query = QueryPairs::parse(raw.as_deref())?;
    let layout_id = layout_id(&query)?;
    let allow_duplicate = match query.single(params::ALLOW_DUPLICATE)?.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Err(ApiError::field(
                params::ALLOW_DUPLICATE,
                codes::INVALID_VALUE,
                "allowDuplicate is true or false.",
            ));
        }
    };
    let typed = NewContact::from_json(&body).map_err(invalid)?;
    let mut conn = state.db.acquire().await?;
    let tenant_id = context.tenant.id.clone();
    let schema = schema(&mut conn, &tenant_id, &RecordType::Contact).await?;
    let layout = schema.chosen_layout(&RecordType::Contact, layout_id.as_deref())?;
    let rules = ContactRules::for_layout(&layout, &schema.fields, context.default_country());
    let details = rules.validate(&typed).map_err(invalid)?;
    if !allow_duplicate {
        let identifiers: Vec<String> = details.phones.iter().chain(&details.emails).cloned().collect();
        let others = holders(&mut conn, &tenant_id, &identifiers, MAX_DUPLICATES).await?;
        if !others.is_empty() {
            let summaries = others.iter().map(|c| c.summary()).collect();
            return Err(ApiError::Duplicate(Box::new(CrmProblem::duplicate(&details, summaries))));
        }
    }
    let row = ContactRow { contact_id: new_contact_id(), details };
    let now_ms = chrono::Utc::now().timestamp_millis();
    let mut tx = conn.begin().await?;
    insert_many(&mut tx, &tenant_id, std::slice::from_ref(&row), &context.author(), now_ms).await?;
    let stored = find(&mut tx, &tenant_id, &row.contact_id).await?.ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    let contact = to_wire(&context, stored);
    let mut response = with_etag(StatusCode::CREATED, &contact);
    let location = routes::crm_contact(&tenant_id, &contact.contact_id);
    response.headers_mut().insert(header::LOCATION, HeaderValue::from_str(&location).expect("an encoded path"));
    Ok(response)
}

/// Applies a merge patch to the version `If-Match` names: 428 without it, 404 for an unknown
/// contact, 412 with the current contact when the version is not (or no longer) current, 400
/// naming each refused field (`read_only` for server fields and the read-only fields of the layout
/// `layoutId` names, else of the default one; `layoutId` when the tenant has no such contact
/// layout), else 200 with the new `ETag`. A patch that changes nothing writes nothing.
pub async fn update_contact(
    State(state): State<AppState>,
    context: CrmContext,
    ContactPath(contact_id): ContactPath,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    JsonBody(patch): JsonBody,
) -> Result<Response, ApiError> {
    let layout_id = layout_id(&QueryPairs::parse(raw.as_deref())?)?;
    let Some(if_match) = headers.get(IF_MATCH) else { return Err(ApiError::PreconditionRequired) };
    let based_on = if_match.to_str().ok().and_then(if_match_version);
    let mut conn = state.db.acquire().await?;
    let tenant_id = context.tenant.id.clone();
    let current = find(&mut conn, &tenant_id, &contact_id).await?.ok_or(ApiError::NotFound)?;
    if based_on != Some(current.version) {
        return Err(ApiError::Stale(Box::new(to_wire(&context, current))));
    }
    let schema = schema(&mut conn, &tenant_id, &RecordType::Contact).await?;
    let layout = schema.chosen_layout(&RecordType::Contact, layout_id.as_deref())?;
    let rules = ContactRules::for_layout(&layout, &schema.fields, context.default_country());
    let details = rules.apply_patch(&to_wire(&context, current.clone()), &patch).map_err(invalid)?;
    if details == current.details {
        return Ok(with_etag(StatusCode::OK, &to_wire(&context, current)));
    }
    let now_ms = chrono::Utc::now().timestamp_millis();
    let mut tx = conn.begin().await?;
    let updated = store::update(&mut tx, &tenant_id, &current, details, &context.author(), now_ms).await?;
    tx.commit().await?;
    match updated {
        Some(updated) => Ok(with_etag(StatusCode::OK, &to_wire(&context, updated))),
        // Another write based on the same version won: answer with what it made.
        None => {
            let now = find(&mut conn, &tenant_id, &contact_id).await?.ok_or(ApiError::NotFound)?;
            Err(ApiError::Stale(Box::new(to_wire(&context, now))))
        }
    }
}
