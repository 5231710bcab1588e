//! Loading interactions from a file: a JSON document in the interactions-insight response shape,
//! or NDJSON with one interaction object per line. Each record may add what only the server keeps:
//! `customerSentiment`, `agentSentiment`, `accountId` and a `summary`. Every record is validated
//! first; a single reject loads nothing.

use std::collections::HashSet;

use c360_wire::{Interaction, Sentiment};
use serde::Deserialize;
use sqlx::{AnyConnection, Connection};

use crate::insights::{StoredInteraction, identity_key, insert_interactions};
use crate::summaries::{NewSummary, insert_summaries};

/// A summary given with an imported interaction.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportSummary {
    /// The summary text.
    pub result: String,
    /// ISO-8601 without offset; defaults to the interaction's end.
    #[serde(default)]
    pub created_at: Option<String>,
    /// `false` marks it temporarily unavailable.
    #[serde(default = "yes")]
    pub available: bool,
}

fn yes() -> bool {
    true
}

/// One record of an import file.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportRecord {
    /// The interaction, in the contract's shape.
    #[serde(flatten)]
    pub interaction: Interaction,
    /// The customer's own sentiment.
    #[serde(default)]
    pub customer_sentiment: Option<Sentiment>,
    /// The agent's sentiment.
    #[serde(default)]
    pub agent_sentiment: Option<Sentiment>,
    /// CRM account.
    #[serde(default)]
    pub account_id: Option<String>,
    /// Transcript summary.
    #[serde(default)]
    pub summary: Option<ImportSummary>,
}

/// A record that was refused, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    /// Where: `line 7` for NDJSON, `interactions[3]` for a JSON document.
    pub place: String,
    /// What was wrong.
    pub reason: String,
}

impl std::fmt::Display for Reject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.reason)
    }
}

/// Parses and validates a whole file. Returns every record, or every reject.
pub fn parse(text: &str) -> Result<Vec<ImportRecord>, Vec<Reject>> {
    let trimmed = text.trim_start();
    let entries: Vec<(String, Result<ImportRecord, String>)> = if trimmed.starts_with('{')
        && serde_json::from_str::<serde_json::Value>(trimmed).is_ok_and(|v| v.get("interactions").is_some())
    {
        let doc: serde_json::Value = serde_json::from_str(trimmed).expect("checked above");
        doc["interactions"]
            .as_array()
            .map(|items| {
                items.iter().enumerate().map(|(i, v)| (format!("interactions[{i}]"), record(&v.to_string()))).collect()
            })
            .unwrap_or_else(|| vec![("interactions".into(), Err("must be a list".into()))])
    } else {
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| (format!("line {}", i + 1), record(line)))
            .collect()
    };

    let mut rejects = Vec::new();
    let mut records = Vec::new();
    let mut seen = HashSet::new();
    for (place, parsed) in entries {
        let checked = parsed.and_then(|record| {
            check(&record)?;
            if !seen.insert(record.interaction.interaction_id.clone()) {
                return Err(format!("interactionId {:?} appears twice in the file", record.interaction.interaction_id));
            }
            Ok(record)
        });
        match checked {
            Ok(record) => records.push(record),
            Err(reason) => rejects.push(Reject { place, reason }),
        }
    }
    if records.is_empty() && rejects.is_empty() {
        rejects.push(Reject { place: "file".into(), reason: "no interactions in it".into() });
    }
    if rejects.is_empty() { Ok(records) } else { Err(rejects) }
}

/// One record from its JSON text. A NUL character (`\u0000`, the only way JSON carries one) is
/// refused up front: no field needs one, and PostgreSQL cannot store it.
fn record(json: &str) -> Result<ImportRecord, String> {
    if json.contains("\\u0000") {
        return Err("contains a NUL character (\\u0000), which no field may hold".into());
    }
    serde_json::from_str(json).map_err(|e| e.to_string())
}

fn check(r: &ImportRecord) -> Result<(), String> {
    let i = &r.interaction;
    if i.interaction_id.trim().is_empty() {
        return Err("interactionId: must not be empty".into());
    }
    let identifier =
        i.media_identifier.as_deref().ok_or("mediaIdentifier: required (the customer's phone or email)")?;
    let key = identity_key(identifier);
    if !(key.starts_with('+') || key.contains('@')) {
        return Err(format!("mediaIdentifier: {identifier:?} is neither an E.164 phone number nor an email"));
    }
    if i.started_at <= 0 {
        return Err("startedAt: must be epoch milliseconds".into());
    }
    if i.ended_at.is_some_and(|end| end < i.started_at) {
        return Err("endedAt: must not be before startedAt".into());
    }
    for (field, s) in [
        ("sentiment", &i.sentiment),
        ("customerSentiment", &r.customer_sentiment),
        ("agentSentiment", &r.agent_sentiment),
    ] {
        if let Some(Sentiment::Other(v)) = s {
            return Err(format!("{field}: {v:?} is not POSITIVE, NEUTRAL or NEGATIVE"));
        }
    }
    if r.summary.as_ref().is_some_and(|s| s.result.trim().is_empty()) {
        return Err("summary.result: must not be empty".into());
    }
    Ok(())
}

/// Stores validated records for `tenant_id` in one transaction. Returns how many were stored.
pub async fn load(conn: &mut AnyConnection, tenant_id: &str, records: &[ImportRecord]) -> sqlx::Result<usize> {
    let interactions: Vec<StoredInteraction> = records
        .iter()
        .map(|r| StoredInteraction {
            interaction: r.interaction.clone(),
            account_id: r.account_id.clone(),
            customer_sentiment: r.customer_sentiment.clone(),
            agent_sentiment: r.agent_sentiment.clone(),
        })
        .collect();
    let summaries: Vec<NewSummary> = records
        .iter()
        .filter_map(|r| {
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
        })
        .collect();
    let mut tx = conn.begin().await?;
    insert_interactions(&mut tx, tenant_id, &interactions).await?;
    insert_summaries(&mut tx, tenant_id, &summaries).await?;
    tx.commit().await?;
    Ok(records.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_example_imports_as_a_json_document() {
        let records = parse(include_str!("../../wire/fixtures/published-example.json")).unwrap();
        assert_eq!(records.len(), 2);
    }

    #[test]
    fn ndjson_rejects_are_reported_by_line_and_nothing_passes() {
        let text = [
            r#"{"interactionId":"a","mediaIdentifier":"+14155550100","mediaType":"PHONE","startedAt":1000}"#,
            "",
            r#"{"interactionId":"b","mediaIdentifier":"not a phone","mediaType":"PHONE","startedAt":1000}"#,
            r#"{"interactionId":"c","mediaIdentifier":"a@b.co","mediaType":"EMAIL","startedAt":2000,"endedAt":1000}"#,
            r#"{"interactionId":"a","mediaIdentifier":"+14155550100","mediaType":"PHONE","startedAt":1000}"#,
            r#"{"interactionId":"d","mediaIdentifier":"a@b.co","mediaType":"EMAIL","startedAt":1,"sentiment":"HAPPY"}"#,
            "{not json",
            r#"{"interactionId":"e","mediaIdentifier":"a@b.co","mediaType":"EMAIL","startedAt":1,"title":"a\u0000b"}"#,
        ]
        .join("\n");
        let rejects = parse(&text).unwrap_err();
        let places: Vec<&str> = rejects.iter().map(|r| r.place.as_str()).collect();
        assert_eq!(places, ["line 3", "line 4", "line 5", "line 6", "line 7", "line 8"]);
        assert!(rejects[0].reason.contains("mediaIdentifier"));
        assert!(rejects[1].reason.contains("endedAt"));
        assert!(rejects[2].reason.contains("twice"));
        assert!(rejects[3].reason.contains("sentiment"));
        assert!(rejects[5].reason.contains("NUL"));
    }

    #[test]
    fn extras_are_read() {
        let line = r#"{"interactionId":"a","mediaIdentifier":"+1 (415) 555-0100","mediaType":"PHONE","startedAt":1000,
            "sentiment":"NEGATIVE","customerSentiment":"NEGATIVE","agentSentiment":"NEUTRAL","accountId":"acc-1",
            "summary":{"result":"Called about a bill.","available":false}}"#
            .replace('\n', " ");
        let r = &parse(&line).unwrap()[0];
        assert_eq!(r.agent_sentiment, Some(Sentiment::Neutral));
        assert_eq!(r.account_id.as_deref(), Some("acc-1"));
        assert!(!r.summary.as_ref().unwrap().available);
    }
}
