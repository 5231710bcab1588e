//! A small outline icon per channel. Decorative: the channel's name is always written next to it.

use leptos::prelude::*;

use super::channel::ChannelKind;

/// The icon of a channel (hidden from assistive technology; the label carries the meaning).
#[component]
pub fn ChannelIcon(
    /// Which channel.
    kind: ChannelKind,
) -> impl IntoView {
    let shape = match kind {
        ChannelKind::Phone => view! {
            <path d="M5 3h4l2 5-3 2a11 11 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2A18 18 0 0 1 3 5a2 2 0 0 1 2-2z"/>
        }
        .into_any(),
        ChannelKind::Email => view! { <rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/> }.into_any(),
        ChannelKind::Chat => view! { <path d="M4 5h16v11H9l-5 4z"/> }.into_any(),
        ChannelKind::WhatsApp => view! { <path d="M12 3a9 9 0 0 0-7.8 13.5L3 21l4.6-1.2A9 9 0 1 0 12 3z"/><path d="M9 9.5c.5 2.5 2.5 4.5 5 5"/> }.into_any(),
        ChannelKind::Sms => view! { <path d="M4 5h16v11H9l-5 4z"/><path d="M8 10.5h.01M12 10.5h.01M16 10.5h.01"/> }.into_any(),
        ChannelKind::Voicemail => {
            view! { <circle cx="6.5" cy="12" r="3.5"/><circle cx="17.5" cy="12" r="3.5"/><path d="M6.5 15.5h11"/> }.into_any()
        }
        ChannelKind::Other => view! {
            <circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.5V14M12 17h.01"/>
        }
        .into_any(),
    };
    view! {
        <svg class="channel-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            {shape}
        </svg>
    }
}
