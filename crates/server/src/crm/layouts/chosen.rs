//! `?layoutId=` on `POST`/`PATCH` of contacts and activities: the layout the agent chose in the
//! LayoutPicker, whose required and read-only fields the write follows — the record type's
//! default layout when absent. A field outside the chosen layout is not required.

use c360_wire::crm::{Layout, RecordType};
use c360_wire::problem::codes;
use c360_wire::routes::params;

use super::store::Schema;
use crate::http::{ApiError, QueryPairs};

/// The `layoutId` of a write's query, if given: 400 when repeated or blank.
pub fn layout_id(query: &QueryPairs) -> Result<Option<String>, ApiError> {
    match query.single(params::LAYOUT_ID)? {
        Some(id) if id.trim().is_empty() => {
            Err(ApiError::field(params::LAYOUT_ID, codes::INVALID_VALUE, "layoutId cannot be blank: name a layout."))
        }
        id => Ok(id),
    }
}

impl Schema {
    /// The layout `layout_id` names among this tenant's layouts of `record_type` (400 naming
    /// `layoutId` when it has none by that id), else the default one.
    pub fn chosen_layout(&self, record_type: &RecordType, layout_id: Option<&str>) -> Result<Layout, ApiError> {
        let Some(id) = layout_id else { return Ok(self.default_layout(record_type)) };
        let found = self.layouts.layouts.iter().find(|l| l.layout_id == id && &l.record_type == record_type);
        found.cloned().ok_or_else(|| {
            ApiError::field(params::LAYOUT_ID, codes::INVALID_VALUE, format!("No {record_type} layout “{id}”."))
        })
    }
}
