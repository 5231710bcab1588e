//! The history's rules: how a row reads (direction, title with its fallbacks, duration) and the
//! timeline filters — channel, direction and topic — as one value with one matching rule. Plain
//! functions, unit-tested natively.

use c360_wire::{Direction, Interaction, MediaType};

use crate::intl::text::humanize;
use crate::ui::channel::{ChannelKind, channel};

/// `INBOUND` → "Inbound"; unknown values humanised; none → empty.
pub fn direction_label(direction: Option<&Direction>) -> String {
    match direction {
        Some(Direction::Inbound) => "Inbound".into(),
        Some(Direction::Outbound) => "Outbound".into(),
        Some(Direction::Other(other)) => humanize(other),
        None => String::new(),
    }
}

/// The line that says what an interaction was about: AI title, else email subject, else a
/// description from channel and direction ("Inbound call").
pub fn display_title(i: &Interaction) -> String {
    let non_empty = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    non_empty(&i.title).or_else(|| non_empty(&i.email_subject)).unwrap_or_else(|| {
        let channel = channel(&i.media_type, i.chat_type.as_deref()).label;
        let direction = direction_label(i.direction.as_ref());
        match (direction.is_empty(), i.media_type == MediaType::Voicemail) {
            (_, true) => "Voicemail from customer".to_owned(),
            (true, _) => format!("{channel} (no title)"),
            (false, _) => {
                let lowered =
                    if channel.chars().skip(1).any(char::is_uppercase) { channel } else { channel.to_lowercase() };
                format!("{direction} {lowered}")
            }
        }
    })
}

/// A duration as an agent reads it: `45 s`, `12 min`, `1 h 05 min`.
pub fn format_duration(secs: i64) -> String {
    match secs {
        s if s < 60 => format!("{s} s"),
        s if s < 3600 => format!("{} min", (s + 30) / 60),
        s => format!("{} h {:02} min", s / 3600, (s % 3600) / 60),
    }
}

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
    c360_wire::order::sort_small_by_key(&mut out, |(k, _)| *k as u8);
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

    fn interaction(json: &str) -> Interaction {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn title_falls_back_to_subject_then_to_a_description() {
        let base = r#""interactionId":"i","startedAt":0"#;
        assert_eq!(
            display_title(&interaction(&format!(r#"{{{base},"mediaType":"PHONE","title":"Refund"}}"#))),
            "Refund"
        );
        assert_eq!(
            display_title(&interaction(&format!(
                r#"{{{base},"mediaType":"EMAIL","title":null,"emailSubject":"Invoice"}}"#
            ))),
            "Invoice"
        );
        assert_eq!(
            display_title(&interaction(&format!(
                r#"{{{base},"mediaType":"PHONE","direction":"INBOUND","title":"  "}}"#
            ))),
            "Inbound call"
        );
        assert_eq!(
            display_title(&interaction(&format!(
                r#"{{{base},"mediaType":"CHAT","chatType":"WHATSAPP","direction":"OUTBOUND"}}"#
            ))),
            "Outbound WhatsApp"
        );
        assert_eq!(
            display_title(&interaction(&format!(r#"{{{base},"mediaType":"VOICEMAIL"}}"#))),
            "Voicemail from customer"
        );
        assert_eq!(display_title(&interaction(&format!(r#"{{{base},"mediaType":"FAX"}}"#))), "Fax (no title)");
    }

    #[test]
    fn durations_read_in_seconds_minutes_and_hours() {
        assert_eq!(format_duration(45), "45 s");
        assert_eq!(format_duration(12 * 60 + 10), "12 min");
        assert_eq!(format_duration(3600 + 5 * 60), "1 h 05 min");
    }

    #[test]
    fn channel_options_are_those_present() {
        let labels: Vec<String> = channels_present(&interactions()).into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels, ["Call", "WhatsApp"]);
    }
}
