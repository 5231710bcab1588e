//! Layouts defined in bulk, all or none — what `layout set --file` and the demo seed store, with
//! the checks of `PUT /layouts/{layoutId}`.

use c360_wire::crm::{Layout, RecordType};
use c360_wire::problem::FieldError;
use serde_json::Value;
use sqlx::{AnyConnection, Connection};

use super::admin::layout_input;
use super::store::{put_layout, schema};

/// Why layouts were not stored.
#[derive(Debug, thiserror::Error)]
pub enum DefineError {
    /// A layout of the list is refused: which, and why.
    #[error("layout {layout}: {problems}")]
    Refused { layout: String, problems: String },
    /// The database failed.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Stores each layout of `bodies` (each a `PUT /layouts/{layoutId}` body with its `layoutId`),
/// in one transaction: all, or none when one is refused. Returns them as stored.
pub async fn define_layouts(
    conn: &mut AnyConnection,
    tenant_id: &str,
    bodies: &[Value],
    now_ms: i64,
) -> Result<Vec<Layout>, DefineError> {
    let mut tx = conn.begin().await?;
    let mut out = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        let refused = |layout: &str, problems: String| DefineError::Refused { layout: layout.to_owned(), problems };
        let Some(layout_id) = body.get("layoutId").and_then(Value::as_str) else {
            return Err(refused(&format!("#{}", i + 1), "layoutId is required".into()));
        };
        let fields = match body.get("recordType").and_then(Value::as_str).map(RecordType::from) {
            Some(RecordType::Other(_)) | None => Vec::new(),
            Some(record_type) => schema(&mut tx, tenant_id, &record_type).await?.fields,
        };
        let input = layout_input(layout_id, body, &fields).map_err(|e| refused(layout_id, describe_errors(&e)))?;
        put_layout(&mut tx, tenant_id, layout_id, &input, now_ms).await?;
        let stored = schema(&mut tx, tenant_id, &input.record_type).await?.layouts.layouts;
        out.extend(stored.into_iter().filter(|l| l.layout_id == layout_id));
    }
    tx.commit().await?;
    Ok(out)
}

/// Field errors as one line for a person at a terminal: `name: name is required; …`.
pub fn describe_errors(errors: &[FieldError]) -> String {
    let one = |e: &FieldError| format!("{}: {}", if e.field.is_empty() { "body" } else { &e.field }, e.message);
    errors.iter().map(one).collect::<Vec<_>>().join("; ")
}
