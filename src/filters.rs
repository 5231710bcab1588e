//! Timeline filters — channel, direction and topic — as one value with one matching rule.

use c360_wire::{Direction, Interaction};

use crate::format::{ChannelKind, channel};

/// What the agent narrowed the timeline to; the default shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineFilter {
    /// Only this channel.
    pub channel: Option<ChannelKind>,
    /// Only this direction.
    pub direction: Option<Direction>,
    /// Only interactions with this topic (set from the TopicsCloud).
    pub topic: Option<String>,
}

impl TimelineFilter {
    /// Whether `i` passes every set filter.
    pub fn matches(&self, i: &Interaction) -> bool {
        self.channel.is_none_or(|c| channel(&i.media_type, i.chat_type.as_deref()).kind == c)
            && self.direction.as_ref().is_none_or(|d| i.direction.as_ref() == Some(d))
            && self.topic.as_ref().is_none_or(|t| i.topics.iter().any(|x| &x.topic == t))
    }

    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        self != &Self::default()
    }
}

/// The channels present in `interactions`, in a stable order, for the channel filter's options.
pub fn channels_present(interactions: &[Interaction]) -> Vec<(ChannelKind, String)> {
    let mut out: Vec<(ChannelKind, String)> = Vec::new();
    for i in interactions {
        let c = channel(&i.media_type, i.chat_type.as_deref());
        if !out.iter().any(|(k, _)| *k == c.kind) {
            out.push((c.kind, c.label));
        }
    }
    crate::sort::sort_by_key(&mut out, |(k, _)| *k as u8);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interactions() -> Vec<Interaction> {
        serde_json::from_str(
            r#"[{"interactionId":"a","mediaType":"PHONE","direction":"INBOUND","startedAt":3,"topics":[{"topic":"billing"}]},
                {"interactionId":"b","mediaType":"CHAT","chatType":"WHATSAPP","direction":"OUTBOUND","startedAt":2},
                {"interactionId":"c","mediaType":"PHONE","direction":"OUTBOUND","startedAt":1,"topics":[{"topic":"refund"}]}]"#,
        )
        .unwrap()
    }

    fn ids(f: &TimelineFilter) -> Vec<String> {
        interactions().into_iter().filter(|i| f.matches(i)).map(|i| i.interaction_id).collect()
    }

    #[test]
    fn filters_combine() {
        assert_eq!(ids(&TimelineFilter::default()), ["a", "b", "c"]);
        assert_eq!(ids(&TimelineFilter { channel: Some(ChannelKind::Phone), ..Default::default() }), ["a", "c"]);
        assert_eq!(ids(&TimelineFilter { direction: Some(Direction::Outbound), ..Default::default() }), ["b", "c"]);
        assert_eq!(ids(&TimelineFilter { topic: Some("billing".into()), ..Default::default() }), ["a"]);
        let both =
            TimelineFilter { channel: Some(ChannelKind::Phone), direction: Some(Direction::Outbound), topic: None };
        assert_eq!(ids(&both), ["c"]);
        assert!(both.is_active() && !TimelineFilter::default().is_active());
    }

    #[test]
    fn channel_options_are_those_present() {
        let labels: Vec<String> = channels_present(&interactions()).into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels, ["Call", "WhatsApp"]);
    }
}
