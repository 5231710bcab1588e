//! `TimelineRow`: one interaction as an agent scans it.

use c360_wire::Interaction;
use chrono::{Local, TimeZone};
use leptos::prelude::*;

use crate::components::ChannelIcon;
use crate::format::{channel, direction_label, display_title, format_datetime, format_duration};

/// One interaction: channel icon and name, direction, local date-time, duration and title.
#[component]
pub fn TimelineRow(
    /// The interaction to show.
    interaction: Interaction,
) -> impl IntoView {
    let channel = channel(&interaction.media_type, interaction.chat_type.as_deref());
    let direction = direction_label(interaction.direction.as_ref());
    let started = Local.timestamp_millis_opt(interaction.started_at).single();
    let when = started.as_ref().map(format_datetime).unwrap_or_else(|| "Unknown time".to_owned());
    let iso = started.map(|t| t.to_rfc3339()).unwrap_or_default();
    let duration = interaction.duration_secs().map(format_duration);
    let title = display_title(&interaction);

    view! {
        <li class="timeline-row" data-testid="timeline-row" data-interaction-id=interaction.interaction_id.clone()>
            <span class="timeline-icon"><ChannelIcon kind=channel.kind/></span>
            <div class="timeline-body">
                <p class="timeline-title" data-testid="row-title">{title}</p>
                <p class="timeline-meta">
                    <span data-testid="row-channel">{channel.label}</span>
                    {(!direction.is_empty()).then(|| view! { <span data-testid="row-direction">{direction}</span> })}
                    <time datetime=iso data-testid="row-time">{when}</time>
                    {duration.map(|d| view! { <span class="timeline-duration">{d}</span> })}
                </p>
            </div>
        </li>
    }
}
