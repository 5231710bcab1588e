//! Recent sentiment as an agent reads it (Positive, Negative, Mixed, Neutral), and when the
//! insights cannot be shown at all, why. Plain functions, unit-tested natively; the
//! `SentimentBadge` and `TopicsCloud` components only render what these decide. Whether the
//! insights can be shown at all is [`super::gate`]'s concern.

use c360_wire::{AggregatedSentiment, Insights, Interaction, Sentiment};

use super::gate::{InsightsGate, insights_gate};

/// How many recent analysed interactions the mood and the trend look at (the server's window).
pub const RECENT_ANALYSED: usize = 10;

/// The customer's recent mood as the badge names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mood {
    /// Overall aggregate POSITIVE.
    Positive,
    /// Overall aggregate NEGATIVE.
    Negative,
    /// Overall aggregate NEUTRAL without both extremes among the recent interactions.
    Neutral,
    /// Overall aggregate NEUTRAL although the recent interactions were both POSITIVE and NEGATIVE.
    Mixed,
    /// An overall aggregate this build does not know, kept verbatim and shown generically.
    Other(String),
}

impl Mood {
    /// The word an agent reads: "Positive", "Mixed", …; unknown values humanised.
    pub fn label(&self) -> String {
        match self {
            Mood::Positive => "Positive".to_owned(),
            Mood::Negative => "Negative".to_owned(),
            Mood::Neutral => "Neutral".to_owned(),
            Mood::Mixed => "Mixed".to_owned(),
            Mood::Other(raw) => humanize(raw),
        }
    }

    /// The look (CSS modifier and icon): unknown values look neutral.
    pub fn tone(&self) -> Tone {
        match self {
            Mood::Positive => Tone::Positive,
            Mood::Negative => Tone::Negative,
            Mood::Neutral | Mood::Other(_) => Tone::Neutral,
            Mood::Mixed => Tone::Mixed,
        }
    }
}

/// The look of a sentiment or mood: colour and icon. Never shown without its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Green, smiling.
    Positive,
    /// Red, frowning.
    Negative,
    /// Grey, flat.
    Neutral,
    /// Amber, wavy.
    Mixed,
}

impl Tone {
    /// The lower-case name used as CSS modifier (`sentiment--positive`).
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Positive => "positive",
            Tone::Negative => "negative",
            Tone::Neutral => "neutral",
            Tone::Mixed => "mixed",
        }
    }

    /// The look of one sentiment: unknown values look neutral.
    pub fn of(sentiment: &Sentiment) -> Tone {
        match sentiment {
            Sentiment::Positive => Tone::Positive,
            Sentiment::Negative => Tone::Negative,
            Sentiment::Neutral | Sentiment::Other(_) => Tone::Neutral,
        }
    }
}

/// The word of one sentiment: "Positive", "Neutral", "Negative"; unknown values humanised
/// (`VERY_HAPPY` → "Very happy").
pub fn sentiment_label(sentiment: &Sentiment) -> String {
    match sentiment {
        Sentiment::Positive => "Positive".to_owned(),
        Sentiment::Neutral => "Neutral".to_owned(),
        Sentiment::Negative => "Negative".to_owned(),
        Sentiment::Other(raw) => humanize(raw),
    }
}

/// The per-interaction sentiments the mood looks at: the interactions that have one, most recent
/// first (by `startedAt`, whatever order they arrive in), at most [`RECENT_ANALYSED`].
pub fn recent_analysed(interactions: &[Interaction]) -> Vec<&Sentiment> {
    let mut analysed: Vec<(i64, &Sentiment)> =
        interactions.iter().filter_map(|i| i.sentiment.as_ref().map(|s| (i.started_at, s))).collect();
    c360_wire::order::sort_small_by_key(&mut analysed, |(started, _)| std::cmp::Reverse(*started));
    analysed.into_iter().take(RECENT_ANALYSED).map(|(_, s)| s).collect()
}

/// The rule: Mixed when the recent analysed interactions include both a POSITIVE and a NEGATIVE one
/// and the overall aggregate is NEUTRAL; otherwise the overall aggregate itself.
pub fn mood(overall: &Sentiment, recent: &[&Sentiment]) -> Mood {
    let has = |wanted: Sentiment| recent.iter().any(|s| **s == wanted);
    match overall {
        Sentiment::Neutral if has(Sentiment::Positive) && has(Sentiment::Negative) => Mood::Mixed,
        Sentiment::Neutral => Mood::Neutral,
        Sentiment::Positive => Mood::Positive,
        Sentiment::Negative => Mood::Negative,
        Sentiment::Other(raw) => Mood::Other(raw.clone()),
    }
}

/// The aggregate per participant, as the API sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    /// The customer's.
    pub customer: Sentiment,
    /// The agents'.
    pub agent: Sentiment,
    /// Both together.
    pub overall: Sentiment,
}

impl From<&AggregatedSentiment> for Breakdown {
    fn from(a: &AggregatedSentiment) -> Self {
        Breakdown {
            customer: a.aggregated_customer_sentiment.clone(),
            agent: a.aggregated_agent_sentiment.clone(),
            overall: a.aggregated_overall_sentiment.clone(),
        }
    }
}

impl Breakdown {
    /// "Customer", "Agent", "Overall" with their sentiment, in that order.
    pub fn parts(&self) -> [(&'static str, &Sentiment); 3] {
        [("Customer", &self.customer), ("Agent", &self.agent), ("Overall", &self.overall)]
    }
}

/// Everything the sentiment badge shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadgeState {
    /// No Speech Analytics licence: say so.
    NoLicence,
    /// Too few analysed interactions: say how many there are.
    NeedsMore {
        /// Analysed interactions so far (0 or 1).
        has: i32,
    },
    /// The mood, with its breakdown and trend.
    Ready {
        /// The word on the badge.
        mood: Mood,
        /// The API's aggregate per participant.
        breakdown: Breakdown,
        /// Per-interaction sentiments of the recent analysed interactions, OLDEST first (may be
        /// empty when those interactions are beyond the 50 the response lists).
        trend: Vec<Sentiment>,
        /// What the mood rests on, in a sentence ([`mood_sentence`]).
        why: String,
    },
}

/// The badge for a response: its insights (`None` = no licence) and its interactions (any order).
pub fn badge_state(insights: Option<&Insights>, interactions: &[Interaction]) -> BadgeState {
    match insights_gate(insights) {
        InsightsGate::NoLicence => BadgeState::NoLicence,
        InsightsGate::NeedsMore { has } => BadgeState::NeedsMore { has },
        InsightsGate::Ready => {
            let Some(aggregate) =
                insights.and_then(|i| i.aggregated_sentiments.as_ref()?.aggregated_sentiment.as_ref())
            else {
                return BadgeState::NeedsMore { has: 0 };
            };
            let recent = recent_analysed(interactions);
            let mood = mood(&aggregate.aggregated_overall_sentiment, &recent);
            let trend: Vec<Sentiment> = recent.into_iter().rev().cloned().collect();
            let analysed = insights.and_then(|i| i.aggregated_sentiments.as_ref()).map_or(0, |s| s.total_interactions);
            let why = mood_sentence(&mood, &trend, analysed);
            BadgeState::Ready { mood, breakdown: Breakdown::from(aggregate), trend, why }
        }
    }
}

/// What the badge rests on, in a sentence the badge is described by: Mixed names both extremes
/// ("3 of the last 10 analysed were negative, 4 positive: overall they balance out."), every
/// other mood counts the recent analysed interactions by sentiment ("Of the last 4 analysed:
/// 3 positive, 1 neutral."). `trend` is the recent analysed interactions' sentiments as listed;
/// when none is listed, the sentence falls back to the server's count of analysed interactions.
pub fn mood_sentence(mood: &Mood, trend: &[Sentiment], analysed: i32) -> String {
    let k = trend.len();
    if k == 0 {
        return format!("Based on {analysed} analysed interactions, none of them among those listed.");
    }
    let count = |wanted: &Sentiment| trend.iter().filter(|s| *s == wanted).count();
    let (positive, negative, neutral) =
        (count(&Sentiment::Positive), count(&Sentiment::Negative), count(&Sentiment::Neutral));
    if k == 1 {
        return format!("The last analysed interaction was {}.", sentiment_label(&trend[0]).to_lowercase());
    }
    let last = format!("the last {k} analysed");
    if *mood == Mood::Mixed {
        let were = if negative == 1 { "was" } else { "were" };
        return format!("{negative} of {last} {were} negative, {positive} positive: overall they balance out.");
    }
    let other = k - positive - negative - neutral;
    let mut sentence = format!("Of {last}:");
    for (n, word) in [(positive, "positive"), (neutral, "neutral"), (negative, "negative"), (other, "other")] {
        if n > 0 {
            let comma = if sentence.ends_with(':') { "" } else { "," };
            sentence.push_str(&format!("{comma} {n} {word}"));
        }
    }
    sentence.push('.');
    sentence
}

/// `SOME_VALUE` → `Some value`; `Unknown` when there is nothing to read.
fn humanize(raw: &str) -> String {
    Some(crate::intl::text::humanize(raw)).filter(|h| !h.is_empty()).unwrap_or_else(|| "Unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use c360_wire::InteractionsInsight;
    use serde_json::json;

    /// Interactions newest first, one per sentiment (`None` = not analysed), a day apart.
    fn interactions(sentiments: &[Option<&str>]) -> Vec<Interaction> {
        sentiments
            .iter()
            .enumerate()
            .map(|(n, s)| {
                serde_json::from_value(json!({
                    "interactionId": format!("i{n}"),
                    "mediaType": "PHONE",
                    "startedAt": 1_724_400_000_000_i64 - n as i64 * 86_400_000,
                    "sentiment": s,
                }))
                .unwrap()
            })
            .collect()
    }

    fn insights(total: i32, aggregate: Option<[&str; 3]>) -> Insights {
        serde_json::from_value(json!({
            "aggregatedSentiments": {
                "totalInteractions": total,
                "aggregatedSentiment": aggregate.map(|[c, a, o]| json!({
                    "aggregatedCustomerSentiment": c,
                    "aggregatedAgentSentiment": a,
                    "aggregatedOverallSentiment": o,
                })),
            },
            "aggregatedTopics": { "totalInteractions": 0, "topicFrequency": [] },
        }))
        .unwrap()
    }

    fn mood_of(overall: &str, sentiments: &[Option<&str>]) -> Mood {
        match badge_state(Some(&insights(2, Some(["NEUTRAL", "NEUTRAL", overall]))), &interactions(sentiments)) {
            BadgeState::Ready { mood, .. } => mood,
            other => panic!("expected a mood, got {other:?}"),
        }
    }

    #[test]
    fn mixed_needs_both_extremes_and_a_neutral_overall() {
        let both = [Some("POSITIVE"), Some("NEGATIVE"), Some("NEUTRAL")];
        assert_eq!(mood_of("NEUTRAL", &both), Mood::Mixed);
        assert_eq!(mood_of("NEUTRAL", &[Some("POSITIVE"), Some("NEUTRAL")]), Mood::Neutral);
        assert_eq!(mood_of("NEUTRAL", &[Some("NEGATIVE"), None, Some("NEUTRAL")]), Mood::Neutral);
    }

    #[test]
    fn both_extremes_with_a_positive_or_negative_overall_keep_the_overall() {
        assert_eq!(mood_of("POSITIVE", &[Some("POSITIVE"), Some("NEGATIVE")]), Mood::Positive);
        assert_eq!(mood_of("NEGATIVE", &[Some("POSITIVE"), Some("NEGATIVE")]), Mood::Negative);
    }

    #[test]
    fn unknown_overall_is_shown_generically_and_looks_neutral() {
        let mood = mood_of("VERY_HAPPY", &[Some("POSITIVE"), Some("NEGATIVE")]);
        assert_eq!(mood, Mood::Other("VERY_HAPPY".into()));
        assert_eq!((mood.label().as_str(), mood.tone()), ("Very happy", Tone::Neutral));
        assert_eq!(sentiment_label(&Sentiment::Other("ECSTATIC".into())), "Ecstatic");
        assert_eq!(Tone::of(&Sentiment::Other("ECSTATIC".into())), Tone::Neutral);
    }

    #[test]
    fn only_the_ten_most_recent_analysed_interactions_count() {
        // Newest first: 10 analysed POSITIVE/NEUTRAL (with unanalysed ones between), then an old NEGATIVE.
        let mut list: Vec<Option<&str>> = Vec::new();
        for n in 0..10 {
            list.push(Some(if n == 0 { "POSITIVE" } else { "NEUTRAL" }));
            list.push(None);
        }
        list.push(Some("NEGATIVE"));
        assert_eq!(mood_of("NEUTRAL", &list), Mood::Neutral, "the 11th analysed interaction is too old");
        list.pop();
        list.insert(3, Some("NEGATIVE")); // now among the 10 most recent
        assert_eq!(mood_of("NEUTRAL", &list), Mood::Mixed);
        assert_eq!(recent_analysed(&interactions(&list)).len(), RECENT_ANALYSED);
    }

    #[test]
    fn recency_follows_started_at_not_the_order_received() {
        let mut list = interactions(&[Some("POSITIVE"); 10]);
        let mut old_negative = interactions(&[Some("NEGATIVE")]).remove(0);
        old_negative.started_at = 0;
        list.insert(0, old_negative); // first in the list, yet the oldest
        assert_eq!(recent_analysed(&list), vec![&Sentiment::Positive; 10]);
    }

    #[test]
    fn trend_runs_oldest_to_newest_with_the_breakdown_from_the_api() {
        let state = badge_state(
            Some(&insights(3, Some(["NEGATIVE", "POSITIVE", "NEUTRAL"]))),
            &interactions(&[Some("NEGATIVE"), None, Some("NEUTRAL"), Some("POSITIVE")]),
        );
        let BadgeState::Ready { mood, breakdown, trend, why } = state else { panic!("ready expected") };
        assert_eq!(mood, Mood::Mixed);
        assert_eq!(why, "1 of the last 3 analysed was negative, 1 positive: overall they balance out.");
        assert_eq!(trend, [Sentiment::Positive, Sentiment::Neutral, Sentiment::Negative]);
        let parts: Vec<String> =
            breakdown.parts().iter().map(|(who, s)| format!("{who}: {}", sentiment_label(s))).collect();
        assert_eq!(parts, ["Customer: Negative", "Agent: Positive", "Overall: Neutral"]);
    }

    #[test]
    fn the_sentence_says_what_the_mood_rests_on() {
        use Sentiment::*;
        let mixed = [Positive, Negative, Neutral, Positive, Negative, Negative, Positive, Neutral, Positive, Neutral];
        assert_eq!(
            mood_sentence(&Mood::Mixed, &mixed, 12),
            "3 of the last 10 analysed were negative, 4 positive: overall they balance out."
        );
        assert_eq!(
            mood_sentence(&Mood::Positive, &[Positive, Neutral, Positive, Positive], 4),
            "Of the last 4 analysed: 3 positive, 1 neutral."
        );
        assert_eq!(
            mood_sentence(&Mood::Neutral, &[Neutral, Other("CALM".into())], 2),
            "Of the last 2 analysed: 1 neutral, 1 other."
        );
        assert_eq!(mood_sentence(&Mood::Negative, &[Negative], 3), "The last analysed interaction was negative.");
        assert_eq!(
            mood_sentence(&Mood::Positive, &[], 7),
            "Based on 7 analysed interactions, none of them among those listed."
        );
    }

    #[test]
    fn empty_states_say_why() {
        assert_eq!(badge_state(None, &interactions(&[None, None])), BadgeState::NoLicence);
        assert_eq!(
            badge_state(Some(&insights(1, None)), &interactions(&[Some("POSITIVE")])),
            BadgeState::NeedsMore { has: 1 }
        );
    }

    #[test]
    fn the_published_example_reads_positive() {
        let response: InteractionsInsight =
            serde_json::from_str(include_str!("../../crates/wire/fixtures/published-example.json")).unwrap();
        let state = badge_state(response.insights.as_ref(), &response.interactions);
        let BadgeState::Ready { mood, trend, why, .. } = state else { panic!("ready expected") };
        assert_eq!(mood, Mood::Positive);
        assert_eq!(why, "Of the last 2 analysed: 1 positive, 1 neutral.");
        // The fixture lists the POSITIVE email (23 Aug) before the NEUTRAL chat (24 Aug).
        assert_eq!(trend, [Sentiment::Positive, Sentiment::Neutral]);
    }
}
