//! One import record: its shape, how it is read from JSON text, and the rules it must meet.

use c360_wire::{Interaction, Sentiment};
use serde::Deserialize;

use crate::insights::identity_key;

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

/// One record from its JSON text. A NUL character (`\u0000`, the only way JSON carries one) is
/// refused up front: no field needs one, and PostgreSQL cannot store it.
pub(super) fn record(json: &str) -> Result<ImportRecord, String> {
    if json.contains("\\u0000") {
        return Err("contains a NUL character (\\u0000), which no field may hold".into());
    }
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// The rules one record must meet on its own (a repeated id is the loader's to find).
pub fn check(r: &ImportRecord) -> Result<(), String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(json: &str) -> Result<ImportRecord, String> {
        let r = record(json)?;
        check(&r).map(|()| r)
    }

    #[test]
    fn each_rule_names_the_field_it_refuses() {
        let cases = [
            (
                r#"{"interactionId":"b","mediaIdentifier":"not a phone","mediaType":"PHONE","startedAt":1000}"#,
                "mediaIdentifier",
            ),
            (
                r#"{"interactionId":"c","mediaIdentifier":"a@b.co","mediaType":"EMAIL","startedAt":2000,"endedAt":1000}"#,
                "endedAt",
            ),
            (
                r#"{"interactionId":"d","mediaIdentifier":"a@b.co","mediaType":"EMAIL","startedAt":1,"sentiment":"HAPPY"}"#,
                "sentiment",
            ),
            ("{not json", "key must be a string"),
            (
                r#"{"interactionId":"e","mediaIdentifier":"a@b.co","mediaType":"EMAIL","startedAt":1,"title":"a\u0000b"}"#,
                "NUL",
            ),
        ];
        for (json, says) in cases {
            let reason = checked(json).unwrap_err();
            assert!(reason.contains(says), "{json}: {reason}");
        }
    }

    #[test]
    fn extras_are_read() {
        let line = r#"{"interactionId":"a","mediaIdentifier":"+1 (415) 555-0100","mediaType":"PHONE","startedAt":1000,
            "sentiment":"NEGATIVE","customerSentiment":"NEGATIVE","agentSentiment":"NEUTRAL","accountId":"acc-1",
            "summary":{"result":"Called about a bill.","available":false}}"#
            .replace('\n', " ");
        let r = checked(&line).unwrap();
        assert_eq!(r.agent_sentiment, Some(Sentiment::Neutral));
        assert_eq!(r.account_id.as_deref(), Some("acc-1"));
        assert!(!r.summary.as_ref().unwrap().available);
    }
}
