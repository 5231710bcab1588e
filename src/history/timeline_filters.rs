//! `TimelineFilters`: narrow the timeline by channel and direction, clear the topic, and say how
//! many of how many are shown.

use c360_wire::{Direction, Interaction, MAX_INTERACTIONS};
use leptos::prelude::*;

use super::model::{TimelineFilter, channels_present};
use crate::ui::channel::ChannelKind;

/// The filter bar above the timeline.
#[component]
pub fn TimelineFilters(
    /// Every interaction of the customer (for the channel options and the total).
    #[prop(into)]
    interactions: Signal<Vec<Interaction>>,
    /// The filter, shared with the timeline and the TopicsCloud.
    filter: RwSignal<TimelineFilter>,
    /// The channel select's id (where the focus goes when a filter control goes away).
    #[prop(optional)]
    channel_id: Option<String>,
) -> impl IntoView {
    let channels = Memo::new(move |_| interactions.with(|list| channels_present(list)));
    let total = move || interactions.with(Vec::len);
    let shown = move || {
        let f = filter.get();
        interactions.with(|list| list.iter().filter(|i| f.matches(i)).count())
    };
    let count_text = move || {
        let (shown, total) = (shown(), total());
        // At the API's cap the list is not the whole year: say so, and which set the count is of.
        if total >= MAX_INTERACTIONS {
            format!("Showing {shown} of the {total} most recent · older ones exist")
        } else {
            format!("Showing {shown} of {total} · last 12 months")
        }
    };
    let on_channel = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let kind = channels.get_untracked().into_iter().map(|(k, _)| k).find(|k| channel_value(*k) == value);
        filter.update(|f| f.channel = kind);
    };
    let on_direction = move |ev: leptos::ev::Event| {
        let direction = match event_target_value(&ev).as_str() {
            "INBOUND" => Some(Direction::Inbound),
            "OUTBOUND" => Some(Direction::Outbound),
            _ => None,
        };
        filter.update(|f| f.direction = direction);
    };

    // Where the focus goes when the topic chip it was on goes away.
    let channel_id = channel_id.unwrap_or_else(|| crate::ui::ids::unique_id("filter-channel"));
    let channel_select_id = channel_id.clone();

    view! {
        <div class="timeline-filters" role="group" aria-label="Filter the history">
            <label class="filter">
                <span class="filter-label">"Channel"</span>
                <select id=channel_select_id data-testid="filter-channel" on:change=on_channel
                    prop:value=move || filter.with(|f| f.channel.map(channel_value).unwrap_or_default())>
                    <option value="">"All channels"</option>
                    {move || channels.get().into_iter().map(|(kind, label)| view! {
                        <option value=channel_value(kind)>{label}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="filter">
                <span class="filter-label">"Direction"</span>
                <select data-testid="filter-direction" on:change=on_direction
                    prop:value=move || filter.with(|f| f.direction.as_ref().map(|d| d.as_str().to_owned()).unwrap_or_default())>
                    <option value="">"Both"</option>
                    <option value="INBOUND">"Inbound"</option>
                    <option value="OUTBOUND">"Outbound"</option>
                </select>
            </label>
            {move || filter.with(|f| f.topic.clone()).map(|topic| {
                let channel_id = channel_id.clone();
                view! {
                <button type="button" class="chip chip--active" data-testid="filter-topic"
                    on:click=move |_| {
                        filter.update(|f| f.topic = None);
                        // The chip is gone: the focus stays in the filters, on their first.
                        crate::ui::ids::focus_id(&channel_id);
                    }>
                    <span>"Topic: "{topic}</span>
                    <span aria-hidden="true">" ✕"</span>
                    <span class="visually-hidden">" (remove this filter)"</span>
                </button>
            }})}
            <p class="timeline-count" data-testid="timeline-count" role="status" aria-live="polite">{count_text}</p>
        </div>
    }
}

/// A channel's value in the select.
fn channel_value(kind: ChannelKind) -> String {
    kind.key().to_owned()
}
