//! How interaction data reads to an agent: channel names, titles with fallbacks, dates, durations.
//! Plain functions, unit-tested natively.

use c360_wire::{Direction, Interaction, MediaType};
use chrono::{DateTime, TimeZone};

/// Which icon a channel gets (also the channel filter's value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChannelKind {
    /// Voice call.
    Phone,
    /// Email.
    Email,
    /// Web chat or another chat.
    Chat,
    /// WhatsApp.
    WhatsApp,
    /// SMS.
    Sms,
    /// Voicemail.
    Voicemail,
    /// A channel this build does not know yet.
    Other,
}

impl ChannelKind {
    /// A stable lowercase key (a select's value, a CSS modifier).
    pub fn key(self) -> &'static str {
        match self {
            ChannelKind::Phone => "phone",
            ChannelKind::Email => "email",
            ChannelKind::Chat => "chat",
            ChannelKind::WhatsApp => "whatsapp",
            ChannelKind::Sms => "sms",
            ChannelKind::Voicemail => "voicemail",
            ChannelKind::Other => "other",
        }
    }
}

/// A channel as shown: icon and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    /// Icon.
    pub kind: ChannelKind,
    /// Name an agent reads.
    pub label: String,
}

/// The channel of an interaction, chat sub-types included; unknown values are shown as sent.
pub fn channel(media_type: &MediaType, chat_type: Option<&str>) -> Channel {
    let (kind, label) = match media_type {
        MediaType::Phone => (ChannelKind::Phone, "Call".to_owned()),
        MediaType::Email => (ChannelKind::Email, "Email".to_owned()),
        MediaType::Voicemail => (ChannelKind::Voicemail, "Voicemail".to_owned()),
        MediaType::Chat => match chat_type.map(|c| c.to_ascii_lowercase().replace(['_', ' ', '-'], "")).as_deref() {
            Some("whatsapp") => (ChannelKind::WhatsApp, "WhatsApp".to_owned()),
            Some("sms") => (ChannelKind::Sms, "SMS".to_owned()),
            Some("webchat") | None | Some("") => (ChannelKind::Chat, "Web chat".to_owned()),
            Some(_) => (ChannelKind::Chat, format!("Chat ({})", chat_type.unwrap_or_default())),
        },
        MediaType::Other(other) => (ChannelKind::Other, humanize(other)),
    };
    Channel { kind, label }
}

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

/// Date and time as an agent reads it: `Mon 17 Nov 2025, 14:05`.
pub fn format_datetime<Tz: TimeZone>(t: &DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    t.format("%a %-d %b %Y, %H:%M").to_string()
}

/// A duration as an agent reads it: `45 s`, `12 min`, `1 h 05 min`.
pub fn format_duration(secs: i64) -> String {
    match secs {
        s if s < 60 => format!("{s} s"),
        s if s < 3600 => format!("{} min", (s + 30) / 60),
        s => format!("{} h {:02} min", s / 3600, (s % 3600) / 60),
    }
}

/// `SOME_VALUE` → `Some value` (empty if there is nothing to read).
pub fn humanize(raw: &str) -> String {
    capitalize(raw.replace(['_', '-'], " ").trim().to_lowercase().as_str())
}

/// `s` with its first character upper-cased (`hier` → `Hier`, `ébauche` → `Ébauche`).
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return String::new() };
    let mut out = if first.is_ascii() { first.to_ascii_uppercase().to_string() } else { upper_case(first) };
    out.push_str(chars.as_str());
    out
}

/// In the browser, JavaScript's `toUpperCase` (the same Unicode mapping): Rust's
/// `char::to_uppercase` would add its 12 KB case table (6.6 KB gzip with its code) to the bundle.
#[cfg(target_arch = "wasm32")]
fn upper_case(c: char) -> String {
    js_sys::JsString::from(c.encode_utf8(&mut [0; 4]) as &str).to_upper_case().into()
}

#[cfg(not(target_arch = "wasm32"))]
fn upper_case(c: char) -> String {
    c.to_uppercase().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn interaction(json: &str) -> Interaction {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn channels_read_as_agents_say_them() {
        assert_eq!(channel(&MediaType::Phone, None).label, "Call");
        assert_eq!(channel(&MediaType::Chat, Some("WHATSAPP")).kind, ChannelKind::WhatsApp);
        assert_eq!(channel(&MediaType::Chat, Some("SMS")).label, "SMS");
        assert_eq!(channel(&MediaType::Chat, Some("WebChat")).label, "Web chat");
        assert_eq!(channel(&MediaType::Chat, Some("Telegram")).label, "Chat (Telegram)");
        let unknown = channel(&MediaType::Other("VIDEO_CALL".into()), None);
        assert_eq!((unknown.kind, unknown.label.as_str()), (ChannelKind::Other, "Video call"));
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
    fn capitalize_upper_cases_the_first_character_only() {
        assert_eq!(capitalize("hier"), "Hier");
        assert_eq!(capitalize("ébauche à"), "Ébauche à");
        assert_eq!(capitalize("ßa"), "SSa");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn dates_and_durations() {
        let t = FixedOffset::west_opt(5 * 3600).unwrap().timestamp_millis_opt(1_724_400_000_000).unwrap();
        assert_eq!(format_datetime(&t), "Fri 23 Aug 2024, 03:00");
        assert_eq!(format_duration(45), "45 s");
        assert_eq!(format_duration(12 * 60 + 10), "12 min");
        assert_eq!(format_duration(3600 + 5 * 60), "1 h 05 min");
    }
}
