//! Reading summaries from SQLite.

use c360_wire::{SummaryContent, SummaryMetadata, TranscriptSummary};
use rusqlite::{Connection, params_from_iter};

/// A stored summary: available now, or known but temporarily unavailable.
pub enum Stored {
    /// Can be returned.
    Available(TranscriptSummary),
    /// Exists but cannot be returned right now.
    Unavailable,
}

/// The query for `n` ids: one statement per batch size, cached.
pub fn find_sql(n: usize) -> String {
    let placeholders = vec!["?"; n].join(", ");
    format!(
        "SELECT interaction_id, summary_object_id, content_id, result, status, kind, duration, created_at, available
         FROM summaries WHERE tenant_id = ? AND interaction_id IN ({placeholders})"
    )
}

/// The summaries of `ids` (those that exist), keyed by interaction id, in one query.
pub fn find(conn: &Connection, tenant_id: &str, ids: &[String]) -> rusqlite::Result<Vec<(String, Stored)>> {
    let mut stmt = conn.prepare_cached(&find_sql(ids.len()))?;
    let params = std::iter::once(tenant_id).chain(ids.iter().map(String::as_str));
    let rows = stmt.query_map(params_from_iter(params), |r| {
        let interaction_id: String = r.get(0)?;
        let available: bool = r.get(8)?;
        if !available {
            return Ok((interaction_id, Stored::Unavailable));
        }
        let result: String = r.get(3)?;
        let summary = TranscriptSummary {
            interaction_id: interaction_id.clone(),
            summary_object_id: r.get(1)?,
            content: SummaryContent {
                id: r.get(2)?,
                result: result.clone(),
                status: r.get(4)?,
                kind: r.get(5)?,
                duration: r.get(6)?,
            },
            metadata: SummaryMetadata { created_at: r.get(7)?, size_bytes: result.len() as i64 },
        };
        Ok((interaction_id, Stored::Available(summary)))
    })?;
    rows.collect()
}
