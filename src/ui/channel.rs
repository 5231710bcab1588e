//! Channels as an agent sees them: which icon, and which name (chat sub-types included). Shared by
//! the timeline, its filters and the limited profile. Plain functions, unit-tested natively.

use c360_wire::MediaType;

use crate::intl::text::humanize;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
