//! `GET /contacts/{contactId}/history`.

use axum::Json;
use axum::extract::State;
use c360_wire::crm::AuditHistory;

use super::{CONTACT, history};
use crate::crm::guard::CrmContext;
use crate::crm::path::ContactPath;
use crate::http::ApiError;
use crate::state::AppState;

/// A contact's audit entries, newest first; 404 for a contact the tenant does not have (every
/// contact has at least the entry of its creation).
pub async fn get_contact_history(
    State(state): State<AppState>,
    context: CrmContext,
    ContactPath(contact_id): ContactPath,
) -> Result<Json<AuditHistory>, ApiError> {
    let mut conn = state.db.acquire().await?;
    let entries = history(&mut conn, &context.tenant.id, CONTACT, &contact_id).await?;
    if entries.is_empty() {
        return Err(ApiError::NotFound);
    }
    Ok(Json(AuditHistory { entries }))
}
