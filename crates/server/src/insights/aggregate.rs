//! The insights rule, defined once (see docs/insights.md):
//!
//! - covered interactions: the most recent **2 to 10** *analysed* interactions in the window (those
//!   with a sentiment);
//! - fewer than 2 → `aggregatedSentiment` null and no topics, `totalInteractions` still counting them;
//! - sentiment per participant: mean of POSITIVE = +1, NEUTRAL = 0, NEGATIVE = −1; above +⅓ POSITIVE,
//!   below −⅓ NEGATIVE, otherwise NEUTRAL;
//! - topics: `aggregatedTopics.totalInteractions` = covered interactions with at least one topic;
//!   per topic, `percentageMatched` = matched ÷ covered interactions × 100 (one decimal).

use std::collections::BTreeMap;

use c360_wire::{AggregatedSentiment, AggregatedSentiments, AggregatedTopics, Insights, Sentiment, TopicFrequency};

/// Fewest analysed interactions before any aggregate is shown.
pub const ANALYSED_MIN: usize = 2;
/// Most analysed interactions an aggregate covers.
pub const ANALYSED_MAX: usize = 10;

/// What the rule needs of one analysed interaction.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysedInteraction {
    /// Overall sentiment.
    pub overall: Sentiment,
    /// The customer's, when stored.
    pub customer: Option<Sentiment>,
    /// The agent's, when stored.
    pub agent: Option<Sentiment>,
    /// Topic names detected.
    pub topics: Vec<String>,
}

/// Computes insights over `recent` (most recent first, at most [`ANALYSED_MAX`] are used);
/// `category_of` names a topic's category from the tenant's catalogue.
pub fn compute_insights(recent: &[AnalysedInteraction], category_of: impl Fn(&str) -> Option<String>) -> Insights {
    let covered = &recent[..recent.len().min(ANALYSED_MAX)];
    let n = covered.len();
    if n < ANALYSED_MIN {
        return Insights {
            aggregated_sentiments: Some(AggregatedSentiments {
                total_interactions: n as i32,
                aggregated_sentiment: None,
            }),
            aggregated_topics: Some(AggregatedTopics { total_interactions: 0, topic_frequency: Vec::new() }),
        };
    }

    let overall = Sentiment::aggregate(covered.iter().map(|i| &i.overall)).unwrap_or(Sentiment::Neutral);
    let per = |pick: fn(&AnalysedInteraction) -> Option<&Sentiment>| {
        Sentiment::aggregate(covered.iter().filter_map(pick)).unwrap_or_else(|| overall.clone())
    };
    let sentiment = AggregatedSentiment {
        aggregated_customer_sentiment: per(|i| i.customer.as_ref()),
        aggregated_agent_sentiment: per(|i| i.agent.as_ref()),
        aggregated_overall_sentiment: overall.clone(),
    };

    let mut counts: BTreeMap<&str, i32> = BTreeMap::new();
    for interaction in covered {
        let mut seen: Vec<&str> = interaction.topics.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for topic in seen {
            *counts.entry(topic).or_default() += 1;
        }
    }
    let mut topic_frequency: Vec<TopicFrequency> = counts
        .into_iter()
        .map(|(topic, matched)| TopicFrequency {
            topic_name: topic.to_owned(),
            category_name: category_of(topic),
            interactions_matched_count: matched,
            percentage_matched: (f64::from(matched) * 1000.0 / n as f64).round() / 10.0,
        })
        .collect();
    topic_frequency.sort_by(|a, b| {
        b.interactions_matched_count.cmp(&a.interactions_matched_count).then_with(|| a.topic_name.cmp(&b.topic_name))
    });

    Insights {
        aggregated_sentiments: Some(AggregatedSentiments {
            total_interactions: n as i32,
            aggregated_sentiment: Some(sentiment),
        }),
        aggregated_topics: Some(AggregatedTopics {
            total_interactions: covered.iter().filter(|i| !i.topics.is_empty()).count() as i32,
            topic_frequency,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Sentiment::*;

    fn analysed(overall: Sentiment, customer: Sentiment, agent: Sentiment, topics: &[&str]) -> AnalysedInteraction {
        AnalysedInteraction {
            overall,
            customer: Some(customer),
            agent: Some(agent),
            topics: topics.iter().map(|t| (*t).to_owned()).collect(),
        }
    }

    #[test]
    fn the_published_example_gives_the_published_insights() {
        let recent = [analysed(Neutral, Neutral, Neutral, &[]), analysed(Positive, Positive, Neutral, &["billing"])];
        let got = compute_insights(&recent, |t| (t == "billing").then(|| "Finance".to_owned()));
        let published: c360_wire::InteractionsInsight =
            serde_json::from_str(include_str!("../../../wire/fixtures/published-example.json")).unwrap();
        assert_eq!(Some(got), published.insights);
    }

    #[test]
    fn fewer_than_two_analysed_gives_no_aggregate_but_says_how_many() {
        let got = compute_insights(&[analysed(Positive, Positive, Positive, &["billing"])], |_| None);
        let s = got.aggregated_sentiments.unwrap();
        assert_eq!(s.total_interactions, 1);
        assert!(s.aggregated_sentiment.is_none());
        assert!(got.aggregated_topics.unwrap().topic_frequency.is_empty());
    }

    #[test]
    fn only_the_ten_most_recent_count() {
        let mut recent = vec![analysed(Negative, Negative, Neutral, &["outage"]); 10];
        recent.extend(vec![analysed(Positive, Positive, Positive, &["praise"]); 5]);
        let got = compute_insights(&recent, |_| None);
        assert_eq!(got.aggregated_sentiments.as_ref().unwrap().total_interactions, 10);
        let topics = got.aggregated_topics.unwrap();
        assert_eq!(topics.topic_frequency.len(), 1);
        assert_eq!(topics.topic_frequency[0].percentage_matched, 100.0);
        let s = got.aggregated_sentiments.unwrap().aggregated_sentiment.unwrap();
        assert_eq!((s.aggregated_customer_sentiment, s.aggregated_agent_sentiment), (Negative, Neutral));
    }

    #[test]
    fn percentages_are_of_covered_interactions_and_sorted_by_frequency() {
        let recent = [
            analysed(Neutral, Neutral, Neutral, &["billing", "refund"]),
            analysed(Neutral, Neutral, Neutral, &["billing"]),
            analysed(Neutral, Neutral, Neutral, &[]),
        ];
        let topics = compute_insights(&recent, |_| None).aggregated_topics.unwrap();
        assert_eq!(topics.total_interactions, 2);
        let names: Vec<_> =
            topics.topic_frequency.iter().map(|t| (t.topic_name.as_str(), t.percentage_matched)).collect();
        assert_eq!(names, [("billing", 66.7), ("refund", 33.3)]);
    }
}
