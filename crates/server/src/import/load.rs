//! Writing entries as they are read, one transaction for the whole file. The loader holds at most
//! [`BATCH`] records and the first [`Rejects::KEPT`] rejects; which interaction ids the file has
//! already given lives in a temporary table of the transaction, not in memory.

use std::collections::HashSet;

use sqlx::{Any, AnyConnection, AssertSqlSafe, Connection, Transaction};

use super::Failure;
use super::record::{ImportRecord, Reject, check};
use super::source::Entry;
use crate::db::values_rows;
use crate::insights::{StoredInteraction, insert_interactions};
use crate::summaries::{NewSummary, insert_summaries};

/// How many entries are read before they are checked and written together.
pub const BATCH: usize = 500;

/// The rejects of an import: the first ones in full, and how many there were.
#[derive(Debug, Default)]
pub struct Rejects {
    /// The first [`Rejects::KEPT`], in file order.
    pub first: Vec<Reject>,
    /// How many records were rejected in all.
    pub total: usize,
}

impl Rejects {
    /// How many rejects are kept in full.
    pub const KEPT: usize = 50;

    fn push(&mut self, place: String, reason: String) {
        self.total += 1;
        if self.first.len() < Self::KEPT {
            self.first.push(Reject { place, reason });
        }
    }
}

/// One import in progress.
pub struct Loader<'c> {
    tx: Transaction<'c, Any>,
    tenant_id: String,
    batch: Vec<Entry>,
    rejects: Rejects,
    loaded: usize,
}

impl<'c> Loader<'c> {
    /// Opens the import's transaction.
    pub async fn begin(conn: &'c mut AnyConnection, tenant_id: &str) -> sqlx::Result<Self> {
        let mut tx = conn.begin().await?;
        sqlx::query("CREATE TEMPORARY TABLE import_ids (interaction_id TEXT PRIMARY KEY)").execute(&mut *tx).await?;
        Ok(Self {
            tx,
            tenant_id: tenant_id.to_owned(),
            batch: Vec::with_capacity(BATCH),
            rejects: Rejects::default(),
            loaded: 0,
        })
    }

    /// Takes the next entry; writes the batch once it is full.
    pub async fn push(&mut self, entry: Entry) -> sqlx::Result<()> {
        self.batch.push(entry);
        if self.batch.len() >= BATCH {
            self.flush().await?;
        }
        Ok(())
    }

    /// How many records the loader holds now (never more than [`BATCH`]).
    pub fn held(&self) -> usize {
        self.batch.len()
    }

    /// Commits if nothing was rejected; otherwise rolls everything back and returns the rejects.
    pub async fn finish(mut self) -> Result<usize, Failure> {
        self.flush().await?;
        if self.loaded == 0 && self.rejects.total == 0 {
            self.rejects.push("file".into(), "no interactions in it".into());
        }
        if self.rejects.total > 0 {
            self.tx.rollback().await?;
            return Err(Failure::Rejected(self.rejects));
        }
        sqlx::query("DROP TABLE import_ids").execute(&mut *self.tx).await?;
        self.tx.commit().await?;
        Ok(self.loaded)
    }

    /// Checks the batch in file order and, while nothing was rejected, writes what passed.
    async fn flush(&mut self) -> sqlx::Result<()> {
        let batch = std::mem::take(&mut self.batch);
        let valid: Vec<(String, Result<ImportRecord, String>)> =
            batch.into_iter().map(|e| (e.place, e.parsed.and_then(|r| check(&r).map(|()| r)))).collect();
        let firsts = self.first_seen(&valid).await?;
        let mut in_batch = HashSet::new();
        let mut passed = Vec::new();
        for (place, checked) in valid {
            let record = match checked {
                Ok(r) => r,
                Err(reason) => {
                    self.rejects.push(place, reason);
                    continue;
                }
            };
            let id = &record.interaction.interaction_id;
            if !firsts.contains(id) || !in_batch.insert(id.clone()) {
                self.rejects.push(place, format!("interactionId {id:?} appears twice in the file"));
                continue;
            }
            passed.push(record);
        }
        if self.rejects.total == 0 && !passed.is_empty() {
            store(&mut self.tx, &self.tenant_id, &passed).await?;
            self.loaded += passed.len();
        }
        self.batch = Vec::with_capacity(BATCH);
        Ok(())
    }

    /// Of the valid records' ids, those the file gives here for the first time (recording them).
    async fn first_seen(&mut self, valid: &[(String, Result<ImportRecord, String>)]) -> sqlx::Result<HashSet<String>> {
        let ids: HashSet<&str> =
            valid.iter().filter_map(|(_, r)| r.as_ref().ok()).map(|r| r.interaction.interaction_id.as_str()).collect();
        if ids.is_empty() {
            return Ok(HashSet::new());
        }
        let sql = format!(
            "INSERT INTO import_ids (interaction_id) VALUES {} ON CONFLICT DO NOTHING RETURNING interaction_id",
            values_rows(ids.len(), 1)
        );
        let mut query = sqlx::query_scalar::<_, String>(AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id.to_owned());
        }
        Ok(query.fetch_all(&mut *self.tx).await?.into_iter().collect())
    }
}

/// Writes checked records and their summaries.
async fn store(conn: &mut AnyConnection, tenant_id: &str, records: &[ImportRecord]) -> sqlx::Result<()> {
    let interactions: Vec<StoredInteraction> = records
        .iter()
        .map(|r| StoredInteraction {
            interaction: r.interaction.clone(),
            account_id: r.account_id.clone(),
            customer_sentiment: r.customer_sentiment.clone(),
            agent_sentiment: r.agent_sentiment.clone(),
        })
        .collect();
    let summaries: Vec<NewSummary> = records.iter().filter_map(summary).collect();
    insert_interactions(conn, tenant_id, &interactions).await?;
    insert_summaries(conn, tenant_id, &summaries).await
}

/// The summary row of a record that carries one.
fn summary(r: &ImportRecord) -> Option<NewSummary> {
    let summary = r.summary.as_ref()?;
    let i = &r.interaction;
    let created_at = summary.created_at.clone().unwrap_or_else(|| {
        chrono::DateTime::from_timestamp_millis(i.ended_at.unwrap_or(i.started_at))
            .map(|t| t.naive_utc().format("%Y-%m-%dT%H:%M:%S").to_string())
            .unwrap_or_default()
    });
    Some(NewSummary {
        interaction_id: i.interaction_id.clone(),
        summary_object_id: format!("obj-{}", i.interaction_id),
        content_id: format!("summary-{}", i.interaction_id),
        result: summary.result.clone(),
        duration: i.duration_secs().map(|d| d as f64),
        created_at,
        available: summary.available,
    })
}
