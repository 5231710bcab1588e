//! `TimelineRow`: one interaction as an agent scans it, expandable to its summary.

use c360_wire::{Interaction, Sentiment};
use leptos::prelude::*;

use super::SummaryStore;
use super::TimelineSummary;
use super::model::{direction_label, display_title, format_duration};
use crate::intl::text::humanize;
use crate::intl::{iso_instant, use_intl};
use crate::ui::ChannelIcon;
use crate::ui::channel::{ChannelKind, channel};

/// One interaction: channel icon and name, direction, time and duration, title, queue, outcome,
/// wrap-up codes, labels and sentiment. With a [`SummaryStore`] in context the row expands to the
/// transcript summary; the first expansion fetches the summaries of every listed row in one go.
#[component]
pub fn TimelineRow(
    /// The interaction to show.
    interaction: Interaction,
    /// The topic the timeline is filtered by, named on the row as the one it matched.
    #[prop(default = None)]
    matched: Option<String>,
) -> impl IntoView {
    let store = use_context::<SummaryStore>();
    let listed = use_context::<ListedIds>();
    let shared = use_context::<ExpandedRows>();
    let local = RwSignal::new(false);

    let intl = use_intl();
    let id = interaction.interaction_id.clone();
    let channel = channel(&interaction.media_type, interaction.chat_type.as_deref());
    let direction = direction_label(interaction.direction.as_ref());
    let started = interaction.started_at;
    // Text in the agent's language follows it; the row itself stays (and stays open).
    let time = move || intl.with(|f| f.time(started));
    let full_time = move || intl.with(|f| f.full(started));
    let iso = iso_instant(started);
    // A message thread's span is not how long anyone talked: no duration for SMS, WhatsApp, email.
    let timed = !matches!(channel.kind, ChannelKind::Sms | ChannelKind::WhatsApp | ChannelKind::Email);
    let duration = interaction.duration_secs().filter(|_| timed).map(format_duration);
    let title = display_title(&interaction);
    let facts: Vec<(&'static str, String)> =
        [("Queue", interaction.queue_name.clone()), ("Outcome", interaction.outcome_label.clone())]
            .into_iter()
            .filter_map(|(k, v)| v.filter(|v| !v.trim().is_empty()).map(|v| (k, v)))
            .collect();
    // Wrap-up codes as words (the raw code on hover), labels as people wrote them; one that repeats
    // the outcome ("Resolved" under "Resolved") is left out.
    let outcome = interaction.outcome_label.as_deref().unwrap_or_default().trim().to_lowercase();
    let tags: Vec<(&'static str, String, String)> = interaction
        .wrap_up_codes
        .iter()
        .map(|c| ("wrap-up", c))
        .chain(interaction.interaction_labels.iter().map(|l| ("label", l)))
        .map(|(kind, raw)| (kind, if kind == "wrap-up" { humanize(raw) } else { raw.trim().to_owned() }, raw.clone()))
        .filter(|(_, text, _)| !text.is_empty() && text.to_lowercase() != outcome)
        .collect();
    let matched = matched.filter(|t| interaction.topics.iter().any(|x| &x.topic == t)).map(|t| {
        view! {
            <span class="tag tag--topic" data-testid="row-matched-topic">
                <span class="visually-hidden">"Matched topic: "</span>{t}
            </span>
        }
    });
    let sentiment = interaction.sentiment.clone().map(|s| view! { <SentimentWord sentiment=s/> });
    let panel_id = format!("summary-{id}");
    let expanded = {
        let id = id.clone();
        Signal::derive(move || match shared {
            Some(rows) => rows.0.with(|open| open.contains(&id)),
            None => local.get(),
        })
    };
    let row_id = id.clone();
    let summary_id = id.clone();

    // Opens or closes the row, in the shared list of open rows when there is one.
    let set_open = {
        let id = id.clone();
        move |opening: bool| match shared {
            Some(rows) if opening => rows.0.update(|open| open.push(id.clone())),
            Some(rows) => rows.0.update(|open| open.retain(|o| o != &id)),
            None => local.set(opening),
        }
    };
    let toggle = {
        let (id, set_open) = (id.clone(), set_open.clone());
        move |_| {
            let opening = !expanded.get_untracked();
            set_open(opening);
            if let (true, Some(store)) = (opening, store) {
                let ids = listed.map(|l| l.0.get_untracked()).unwrap_or_else(|| vec![id.clone()]);
                store.load(ids);
            }
        }
    };
    // Escape closes an open row, the focus back on its toggle.
    let toggle_id = format!("toggle-{id}");
    let close_on_escape = {
        let toggle_id = toggle_id.clone();
        move |e: leptos::ev::KeyboardEvent| {
            if e.key() != "Escape" || !expanded.get_untracked() {
                return;
            }
            e.stop_propagation();
            set_open(false);
            crate::ui::ids::focus_id(&toggle_id);
        }
    };
    let header = view! {
        <span class="timeline-icon"><ChannelIcon kind=channel.kind/></span>
        <span class="timeline-body">
            <span class="timeline-title" data-testid="row-title">{title}</span>
            <span class="timeline-meta">
                <span data-testid="row-channel">{channel.label}</span>
                {(!direction.is_empty()).then(|| view! { <span data-testid="row-direction">{direction}</span> })}
                <time datetime=iso title=full_time data-testid="row-time">{time}</time>
                {duration.map(|d| view! { <span class="timeline-duration">{d}</span> })}
                {sentiment}
            </span>
        </span>
    };

    view! {
        <li class="timeline-row" data-testid="timeline-row" data-interaction-id=row_id on:keydown=close_on_escape>
            {match store {
                Some(_) => view! {
                    <button type="button" class="timeline-toggle" data-testid="row-toggle" id=toggle_id
                        aria-expanded=move || expanded.get().to_string() aria-controls=panel_id.clone() on:click=toggle>
                        {header}
                        <svg class="timeline-chevron" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"
                            fill="none" stroke="currentColor" stroke-width="2"><path d="m6 9 6 6 6-6"/></svg>
                    </button>
                }
                .into_any(),
                None => view! { <div class="timeline-toggle">{header}</div> }.into_any(),
            }}
            {(!facts.is_empty() || !tags.is_empty() || matched.is_some()).then(|| view! {
                <div class="timeline-details">
                    {matched}
                    {facts.into_iter().map(|(k, v)| view! {
                        <span class="timeline-fact"><span class="visually-hidden">{k}": "</span>{v}</span>
                    }).collect_view()}
                    {tags.into_iter().map(|(kind, t, raw)| view! {
                        <span class=format!("tag tag--{kind}") data-testid="row-tag" title=raw>{t}</span>
                    }).collect_view()}
                </div>
            })}
            <Show when=move || expanded.get()>
                <TimelineSummary id=summary_id.clone() panel_id=panel_id.clone()/>
            </Show>
        </li>
    }
}

/// The ids currently listed in the timeline, so one expansion fetches all of their summaries.
#[derive(Clone, Copy)]
pub struct ListedIds(pub Signal<Vec<String>>);

/// The ids of the rows the agent has opened: rows are rebuilt when the filters change, and an
/// open row stays open.
#[derive(Clone, Copy)]
pub struct ExpandedRows(pub RwSignal<Vec<String>>);

/// A sentiment as icon and word (never colour alone).
#[component]
fn SentimentWord(
    /// The sentiment.
    sentiment: Sentiment,
) -> impl IntoView {
    let (class, mark, word) = match &sentiment {
        Sentiment::Positive => ("positive", "▲", "Positive".to_owned()),
        Sentiment::Negative => ("negative", "▼", "Negative".to_owned()),
        Sentiment::Neutral => ("neutral", "●", "Neutral".to_owned()),
        Sentiment::Other(other) => ("neutral", "●", other.to_lowercase()),
    };
    view! {
        <span class=format!("sentiment-word sentiment-word--{class}") data-testid="row-sentiment">
            <span aria-hidden="true">{mark}" "</span>{word}
        </span>
    }
}
