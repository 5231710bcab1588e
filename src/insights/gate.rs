//! Whether a response's insights can be shown at all, and if not, the sentence that says why
//! (no Speech Analytics licence, or too few analysed interactions).

use c360_wire::Insights;

/// Fewest analysed interactions the server needs before it aggregates anything.
pub const MIN_ANALYSED: i32 = 2;

/// Shown once, instead of both mood and topics, when the tenant has no Speech Analytics licence.
pub const NO_LICENCE_TEXT: &str = "Mood and topics need Speech Analytics, which this workspace does not have.";

/// Shown once, instead of both mood and topics, when too few interactions were analysed.
pub fn needs_more_text(has: i32) -> String {
    let so_far = if has <= 0 { "none so far".to_owned() } else { format!("{has} so far") };
    format!("Mood and topics appear once {MIN_ANALYSED} recorded interactions are analysed ({so_far}).")
}

/// Whether the insights of a response can be shown, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsightsGate {
    /// `insights` is `None`: the tenant has no Speech Analytics.
    NoLicence,
    /// Fewer than [`MIN_ANALYSED`] analysed interactions, so the server sent no aggregate.
    NeedsMore {
        /// How many were analysed (`aggregatedSentiments.totalInteractions`, 0 when absent).
        has: i32,
    },
    /// The aggregate is there.
    Ready,
}

impl InsightsGate {
    /// The empty-state sentence, `None` when the insights can be shown.
    pub fn empty_text(&self) -> Option<String> {
        match self {
            InsightsGate::NoLicence => Some(NO_LICENCE_TEXT.to_owned()),
            InsightsGate::NeedsMore { has } => Some(needs_more_text(*has)),
            InsightsGate::Ready => None,
        }
    }
}

/// The gate both insight components apply: no licence, too few analysed interactions (no
/// `aggregatedSentiment`), or ready.
pub fn insights_gate(insights: Option<&Insights>) -> InsightsGate {
    let Some(insights) = insights else { return InsightsGate::NoLicence };
    match &insights.aggregated_sentiments {
        Some(s) if s.aggregated_sentiment.is_some() => InsightsGate::Ready,
        Some(s) => InsightsGate::NeedsMore { has: s.total_interactions.max(0) },
        None => InsightsGate::NeedsMore { has: 0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_states_say_why() {
        let no_sentiments: Insights = serde_json::from_value(json!({})).unwrap();
        assert_eq!(insights_gate(Some(&no_sentiments)), InsightsGate::NeedsMore { has: 0 });
        assert_eq!(
            insights_gate(None).empty_text().as_deref(),
            Some("Mood and topics need Speech Analytics, which this workspace does not have.")
        );
        assert_eq!(
            InsightsGate::NeedsMore { has: 1 }.empty_text().as_deref(),
            Some("Mood and topics appear once 2 recorded interactions are analysed (1 so far).")
        );
        assert_eq!(
            needs_more_text(0),
            "Mood and topics appear once 2 recorded interactions are analysed (none so far)."
        );
        let one: Insights = serde_json::from_value(json!({
            "aggregatedSentiments": { "totalInteractions": 1, "aggregatedSentiment": null }
        }))
        .unwrap();
        assert_eq!(insights_gate(Some(&one)), InsightsGate::NeedsMore { has: 1 });
        let ready: Insights = serde_json::from_value(json!({
            "aggregatedSentiments": { "totalInteractions": 2, "aggregatedSentiment": {
                "aggregatedCustomerSentiment": "NEUTRAL",
                "aggregatedAgentSentiment": "NEUTRAL",
                "aggregatedOverallSentiment": "NEUTRAL",
            }},
        }))
        .unwrap();
        assert_eq!(insights_gate(Some(&ready)).empty_text(), None);
    }
}
