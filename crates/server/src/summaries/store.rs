//! Reading summaries, and storing them with their interactions.

use c360_wire::{SummaryContent, SummaryMetadata, TranscriptSummary};
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use crate::db::{Engine, flag, last_per_key, placeholders, values_rows};

/// A stored summary: available now, or known but temporarily unavailable.
pub enum Stored {
    /// Can be returned.
    Available(TranscriptSummary),
    /// Exists but cannot be returned right now.
    Unavailable,
}

/// The query for `n` ids: one statement per batch size, prepared once per connection.
pub fn find_sql(n: usize) -> String {
    format!(
        "SELECT interaction_id, summary_object_id, content_id, result, status, kind, duration, created_at, available
         FROM summaries WHERE tenant_id = $1 AND interaction_id IN ({})",
        placeholders(2, n)
    )
}

/// The summaries of `ids` (those that exist), keyed by interaction id, in one query.
pub async fn find(conn: &mut AnyConnection, tenant_id: &str, ids: &[String]) -> sqlx::Result<Vec<(String, Stored)>> {
    let mut query = sqlx::query(AssertSqlSafe(find_sql(ids.len()))).bind(tenant_id.to_owned());
    for id in ids {
        query = query.bind(id.clone());
    }
    let rows = query.fetch_all(conn).await?;
    rows.iter()
        .map(|r| {
            let interaction_id: String = r.try_get(0)?;
            if !flag(r, 8)? {
                return Ok((interaction_id, Stored::Unavailable));
            }
            let result: String = r.try_get(3)?;
            let summary = TranscriptSummary {
                interaction_id: interaction_id.clone(),
                summary_object_id: r.try_get(1)?,
                content: SummaryContent {
                    id: r.try_get(2)?,
                    status: r.try_get(4)?,
                    kind: r.try_get(5)?,
                    duration: r.try_get(6)?,
                    result: result.clone(),
                },
                metadata: SummaryMetadata { created_at: r.try_get(7)?, size_bytes: result.len() as i64 },
            };
            Ok((interaction_id, Stored::Available(summary)))
        })
        .collect()
}

/// A summary to store for an interaction.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSummary {
    /// The interaction it summarises.
    pub interaction_id: String,
    /// The upstream's summary object id.
    pub summary_object_id: String,
    /// The content id.
    pub content_id: String,
    /// The summary text.
    pub result: String,
    /// The interaction's duration in seconds, if known.
    pub duration: Option<f64>,
    /// ISO-8601 without offset.
    pub created_at: String,
    /// `false`: exists but temporarily unavailable.
    pub available: bool,
}

/// Stores summaries, replacing any of the same interaction; within `all`, the last one wins.
pub async fn insert(conn: &mut AnyConnection, tenant_id: &str, all: &[NewSummary]) -> sqlx::Result<()> {
    const COLUMNS: usize = 8;
    for chunk in all.chunks(Engine::of(conn).insert_batch()) {
        let kept = last_per_key(chunk, |s| &s.interaction_id);
        let sql = format!(
            "INSERT INTO summaries (tenant_id, interaction_id, summary_object_id, content_id, result, duration,
                created_at, available) VALUES {}
             ON CONFLICT (tenant_id, interaction_id) DO UPDATE SET summary_object_id = excluded.summary_object_id,
                content_id = excluded.content_id, result = excluded.result, duration = excluded.duration,
                created_at = excluded.created_at, available = excluded.available",
            values_rows(kept.len(), COLUMNS)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for s in kept {
            query = query
                .bind(tenant_id.to_owned())
                .bind(s.interaction_id.clone())
                .bind(s.summary_object_id.clone())
                .bind(s.content_id.clone())
                .bind(s.result.clone())
                .bind(s.duration)
                .bind(s.created_at.clone())
                .bind(s.available);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
