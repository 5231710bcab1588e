//! `GET /v1/public/tenants/{tenantId}/interactions-insight`: the response body.
//!
//! Field names and casing follow the published OpenAPI document. Optional fields are omitted when
//! absent; list fields default to empty; enums keep values this build does not know.

use serde::{Deserialize, Serialize};

use crate::open_enum;

open_enum! {
    /// Channel of an interaction.
    MediaType { Phone = "PHONE", Email = "EMAIL", Chat = "CHAT", Voicemail = "VOICEMAIL" }
}

open_enum! {
    /// Direction of an interaction, seen from the contact center.
    Direction { Inbound = "INBOUND", Outbound = "OUTBOUND" }
}

open_enum! {
    /// The 8x8 product that handled the interaction.
    ProductType { Cc = "CC", Uc = "UC", Engage = "ENGAGE" }
}

open_enum! {
    /// A sentiment, per interaction or aggregated.
    Sentiment { Positive = "POSITIVE", Neutral = "NEUTRAL", Negative = "NEGATIVE" }
}

impl Sentiment {
    /// The score the aggregate rule averages: POSITIVE = +1, NEUTRAL = 0, NEGATIVE = −1; unknown
    /// values do not take part.
    pub fn score(&self) -> Option<i32> {
        match self {
            Sentiment::Positive => Some(1),
            Sentiment::Neutral => Some(0),
            Sentiment::Negative => Some(-1),
            Sentiment::Other(_) => None,
        }
    }

    /// The aggregate of a mean score: above +⅓ POSITIVE, below −⅓ NEGATIVE, otherwise NEUTRAL.
    /// `None` when there is nothing to average.
    pub fn aggregate<'a>(items: impl IntoIterator<Item = &'a Sentiment>) -> Option<Sentiment> {
        let (sum, n) = items.into_iter().filter_map(Sentiment::score).fold((0i32, 0i32), |(s, n), v| (s + v, n + 1));
        if n == 0 {
            return None;
        }
        // Compare sum/n with ±1/3 without floating point: 3·sum against ±n.
        Some(match (3 * sum).cmp(&n) {
            std::cmp::Ordering::Greater => Sentiment::Positive,
            _ if 3 * sum < -n => Sentiment::Negative,
            _ => Sentiment::Neutral,
        })
    }
}

/// A topic detected in one interaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// Topic name.
    pub topic: String,
    /// How often it matched in this interaction (nullable upstream).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<i32>,
}

/// One interaction of the customer's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Interaction {
    /// Unique id.
    pub interaction_id: String,
    /// CRM contact the interaction is linked to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// The customer's email or phone number used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_identifier: Option<String>,
    /// Channel.
    pub media_type: MediaType,
    /// Chat sub-type (`WHATSAPP`, `WebChat`, `SMS`, …), free text upstream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_type: Option<String>,
    /// Direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// Product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_type: Option<ProductType>,
    /// Start, Unix epoch milliseconds.
    pub started_at: i64,
    /// End, Unix epoch milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<i64>,
    /// Overall sentiment (absent without Speech Analytics).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<Sentiment>,
    /// Topics detected in this interaction.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Agent wrap-up codes.
    #[serde(default)]
    pub wrap_up_codes: Vec<String>,
    /// Queue that handled it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue_name: Option<String>,
    /// Outcome label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome_label: Option<String>,
    /// Labels applied to it.
    #[serde(default)]
    pub interaction_labels: Vec<String>,
    /// AI-generated title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Email subject (EMAIL only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_subject: Option<String>,
    /// Reserved for future use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_name: Option<String>,
    /// Reserved; currently always empty.
    #[serde(default)]
    pub signals: Vec<String>,
}

impl Interaction {
    /// Duration in whole seconds, when the end is known and not before the start.
    pub fn duration_secs(&self) -> Option<i64> {
        self.ended_at.map(|end| (end - self.started_at) / 1000).filter(|d| *d >= 0)
    }
}

/// Aggregated sentiment per participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AggregatedSentiment {
    /// The customer's.
    pub aggregated_customer_sentiment: Sentiment,
    /// The agents'.
    pub aggregated_agent_sentiment: Sentiment,
    /// Both together.
    pub aggregated_overall_sentiment: Sentiment,
}

/// Sentiment aggregate and how many interactions it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AggregatedSentiments {
    /// Interactions in the window (see the server's insights rule).
    pub total_interactions: i32,
    /// `null` when too few interactions were analysed.
    #[serde(default)]
    pub aggregated_sentiment: Option<AggregatedSentiment>,
}

/// One topic's frequency across the covered interactions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicFrequency {
    /// Topic name.
    pub topic_name: String,
    /// Category from the tenant's topic catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_name: Option<String>,
    /// Interactions in which it was detected.
    pub interactions_matched_count: i32,
    /// Matched ÷ covered interactions × 100.
    pub percentage_matched: f64,
}

/// Topic aggregate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AggregatedTopics {
    /// Covered interactions that had at least one topic.
    pub total_interactions: i32,
    /// Most frequent first.
    #[serde(default)]
    pub topic_frequency: Vec<TopicFrequency>,
}

/// Speech-analytics insights over the customer's recent interactions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Insights {
    /// Sentiment aggregate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregated_sentiments: Option<AggregatedSentiments>,
    /// Topic aggregate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregated_topics: Option<AggregatedTopics>,
}

/// The interactions-insight response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InteractionsInsight {
    /// Most recent first, at most 50.
    #[serde(default)]
    pub interactions: Vec<Interaction>,
    /// `null` when the tenant has no Speech Analytics.
    #[serde(default)]
    pub insights: Option<Insights>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published example response of the contract (customer-360-api.md §1).
    pub(crate) const PUBLISHED_EXAMPLE: &str = include_str!("../fixtures/published-example.json");

    #[test]
    fn published_example_parses_and_round_trips() {
        let parsed: InteractionsInsight = serde_json::from_str(PUBLISHED_EXAMPLE).unwrap();
        assert_eq!(parsed.interactions.len(), 2);
        let email = &parsed.interactions[0];
        assert_eq!(email.media_type, MediaType::Email);
        assert_eq!(email.email_subject.as_deref(), Some("Billing inquiry"));
        assert_eq!(email.duration_secs(), Some(3600));
        assert_eq!(parsed.interactions[1].chat_type.as_deref(), Some("WebChat"));
        let insights = parsed.insights.as_ref().unwrap();
        let agg = insights.aggregated_sentiments.as_ref().unwrap().aggregated_sentiment.as_ref().unwrap();
        assert_eq!(agg.aggregated_overall_sentiment, Sentiment::Positive);
        assert_eq!(insights.aggregated_topics.as_ref().unwrap().topic_frequency[0].percentage_matched, 50.0);

        let original: serde_json::Value = serde_json::from_str(PUBLISHED_EXAMPLE).unwrap();
        let again = serde_json::to_value(&parsed).unwrap();
        assert_eq!(again, original, "serialising the parsed example gives the published JSON back");
    }

    #[test]
    fn unknown_enum_values_and_extra_fields_are_tolerated() {
        let json = r#"{"interactions":[{"interactionId":"x","mediaType":"VIDEO","direction":"SIDEWAYS",
            "startedAt":1,"sentiment":"ECSTATIC","futureField":{"a":1}}],"insights":null}"#;
        let parsed: InteractionsInsight = serde_json::from_str(json).unwrap();
        let i = &parsed.interactions[0];
        assert_eq!(i.media_type, MediaType::Other("VIDEO".into()));
        assert_eq!(i.direction, Some(Direction::Other("SIDEWAYS".into())));
        assert_eq!(i.sentiment.as_ref().map(Sentiment::as_str), Some("ECSTATIC"));
        assert!(i.topics.is_empty() && i.signals.is_empty());
        assert!(parsed.insights.is_none());
        assert!(serde_json::to_string(&parsed).unwrap().contains(r#""insights":null"#));
    }

    #[test]
    fn sentiment_aggregate_uses_thirds() {
        use Sentiment::*;
        assert_eq!(Sentiment::aggregate(&[Positive, Neutral]), Some(Positive)); // 0.5
        assert_eq!(Sentiment::aggregate(&[Positive, Neutral, Neutral]), Some(Neutral)); // exactly 1/3
        assert_eq!(Sentiment::aggregate(&[Positive, Positive, Neutral, Neutral, Neutral]), Some(Positive)); // 0.4
        assert_eq!(Sentiment::aggregate(&[Negative, Neutral, Neutral]), Some(Neutral)); // exactly -1/3
        assert_eq!(Sentiment::aggregate(&[Negative, Negative, Positive]), Some(Neutral)); // exactly -1/3
        assert_eq!(Sentiment::aggregate(&[Negative, Negative, Neutral]), Some(Negative));
        assert_eq!(Sentiment::aggregate(&[Positive, Negative]), Some(Neutral));
        assert_eq!(Sentiment::aggregate(&[]), None);
        assert_eq!(Sentiment::aggregate(&[Other("X".into())]), None);
    }
}
