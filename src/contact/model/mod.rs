//! The contact's rules, framework-free: the facts of a limited profile, read from the interaction
//! history alone (how often the customer came through each channel, and when first and last,
//! here); which fields a layout shows in which order ([`layout`]); the form's field keys, errors
//! and tidying ([`form`]); drafts kept while the agent edits ([`draft`]); and the customer's
//! local time zone ([`local_time`]).

pub mod draft;
pub mod form;
pub mod layout;
pub mod local_time;
pub mod regions;

use c360_wire::Interaction;

use crate::ui::channel::{ChannelKind, channel};

/// What the history says about a customer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProfileFacts {
    /// Interactions per channel, most used first (ties in a fixed channel order).
    pub counts: Vec<(ChannelKind, usize)>,
    /// Earliest start in the history (epoch ms).
    pub first_ms: Option<i64>,
    /// Latest start in the history (epoch ms).
    pub last_ms: Option<i64>,
}

const ORDER: [ChannelKind; 7] = [
    ChannelKind::Phone,
    ChannelKind::Email,
    ChannelKind::Chat,
    ChannelKind::WhatsApp,
    ChannelKind::Sms,
    ChannelKind::Voicemail,
    ChannelKind::Other,
];

/// Reads the facts of a history.
pub fn facts(interactions: &[Interaction]) -> ProfileFacts {
    let mut counts: Vec<(ChannelKind, usize)> = ORDER
        .iter()
        .map(|k| {
            (*k, interactions.iter().filter(|i| channel(&i.media_type, i.chat_type.as_deref()).kind == *k).count())
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    c360_wire::order::sort_small_by_key(&mut counts, |c| std::cmp::Reverse(c.1));
    ProfileFacts {
        counts,
        first_ms: interactions.iter().map(|i| i.started_at).min(),
        last_ms: interactions.iter().map(|i| i.started_at).max(),
    }
}

/// `12 calls · 3 emails · 1 web chat`.
pub fn counts_text(counts: &[(ChannelKind, usize)]) -> String {
    counts
        .iter()
        .map(|(kind, n)| {
            let (one, many) = match kind {
                ChannelKind::Phone => ("call", "calls"),
                ChannelKind::Email => ("email", "emails"),
                ChannelKind::Chat => ("chat", "chats"),
                ChannelKind::WhatsApp => ("WhatsApp message", "WhatsApp messages"),
                ChannelKind::Sms => ("SMS", "SMS"),
                ChannelKind::Voicemail => ("voicemail", "voicemails"),
                ChannelKind::Other => ("other interaction", "other interactions"),
            };
            format!("{n} {}", if *n == 1 { one } else { many })
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn interaction(id: &str, media: &str, chat_type: Option<&str>, at: i64) -> Interaction {
        serde_json::from_value(json!({
            "interactionId": id, "mediaType": media, "chatType": chat_type, "direction": "INBOUND", "startedAt": at
        }))
        .unwrap()
    }

    #[test]
    fn counts_channels_most_used_first_and_finds_the_first_and_last_contact() {
        let history = [
            interaction("a", "PHONE", None, 300),
            interaction("b", "EMAIL", None, 100),
            interaction("c", "PHONE", None, 200),
            interaction("d", "CHAT", Some("SMS"), 400),
        ];
        let f = facts(&history);
        assert_eq!(f.counts, [(ChannelKind::Phone, 2), (ChannelKind::Email, 1), (ChannelKind::Sms, 1)]);
        assert_eq!((f.first_ms, f.last_ms), (Some(100), Some(400)));
        assert_eq!(counts_text(&f.counts), "2 calls · 1 email · 1 SMS");
    }

    #[test]
    fn an_empty_history_has_no_dates() {
        assert_eq!(facts(&[]), ProfileFacts::default());
        assert_eq!(counts_text(&[]), "");
    }
}
