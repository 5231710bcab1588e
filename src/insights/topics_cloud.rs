//! `TopicsCloud`: the customer's recurring topics, each a filter toggle. Size steps, category
//! tints and the words come from [`super::topic_steps`]; when the insights cannot be shown at all
//! ([`super::gate::insights_gate`]) the cloud is empty and the `SentimentBadge` says why, once.

use std::sync::atomic::{AtomicUsize, Ordering};

use c360_wire::{Insights, TopicFrequency};
use leptos::prelude::*;

use super::gate::{InsightsGate, insights_gate};
use super::topic_steps::{category_tint, legend, size_step, step_class, tint_class, topic_detail};

/// Shown when there are enough analysed interactions but none had a topic.
const NO_TOPICS_TEXT: &str = "No recurring topics";

/// The accessible name of the list of topics.
const LIST_LABEL: &str = "Recurring topics, select one to filter the timeline";

/// Numbers the detail tooltips so each chip's `aria-describedby` points at its own.
static NEXT_DETAIL: AtomicUsize = AtomicUsize::new(0);

/// Recurring topics, most frequent first, as toggle buttons sized by how often they came up and
/// tinted by category; each one's count and share show on hover and keyboard focus. Pressing a
/// topic selects it; pressing the selected one clears the selection.
#[component]
pub fn TopicsCloud(
    /// Insights of the response (`None` = tenant without Speech Analytics).
    #[prop(into)]
    insights: Signal<Option<Insights>>,
    /// The topic currently filtering the timeline, if any.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// Called with the topic toggled on (`Some`) or off (`None`).
    on_select: Callback<Option<String>>,
) -> impl IntoView {
    let topics = Memo::new(move |_| {
        insights.with(|i| {
            i.as_ref().and_then(|i| i.aggregated_topics.as_ref()).map(|t| t.topic_frequency.clone()).unwrap_or_default()
        })
    });
    // How many analysed interactions the topics' numbers are of (read with them).
    let analysed = move || {
        insights.with(|i| i.as_ref().and_then(|i| i.aggregated_topics.as_ref()).map_or(0, |t| t.total_interactions))
    };
    let ready = move || insights.with(|i| insights_gate(i.as_ref()) == InsightsGate::Ready);
    let legend_id = crate::ui::ids::unique_id("topics-legend");
    // The list is rebuilt when the topics change, not when only whether there are any is read again.
    let has_topics = Memo::new(move |_| topics.with(|t| !t.is_empty()));

    view! {
        <div class="topics-cloud" data-testid="topics-cloud">
            {move || match has_topics.get() {
                false => ready().then(|| view! {
                    <p class="empty-state insights-empty" data-testid="topics-empty">{NO_TOPICS_TEXT}</p>
                }).into_any(),
                true => view! {
                    <ul class="topics-cloud-list" role="list" aria-label=LIST_LABEL aria-describedby=legend_id.clone()>
                        {move || {
                            let analysed = analysed();
                            topics.get().into_iter().map(|topic| topic_chip(topic, analysed, selected, on_select)).collect_view()
                        }}
                    </ul>
                    <p class="topics-legend" id=legend_id.clone() data-testid="topics-legend">
                        {move || legend(analysed())}
                    </p>
                }.into_any(),
            }}
        </div>
    }
}

/// One topic: the toggle button and its detail tooltip.
fn topic_chip(
    topic: TopicFrequency,
    analysed: i32,
    selected: Signal<Option<String>>,
    on_select: Callback<Option<String>>,
) -> impl IntoView {
    let detail_id = format!("c360-topic-detail-{}", NEXT_DETAIL.fetch_add(1, Ordering::Relaxed));
    let step = size_step(topic.percentage_matched);
    let tint = category_tint(topic.category_name.as_deref());
    let detail = topic_detail(
        &topic.topic_name,
        topic.category_name.as_deref(),
        topic.interactions_matched_count,
        topic.percentage_matched,
        analysed,
    );
    let name = topic.topic_name;
    // A signal derived per chip rather than a memo: a comparison is cheaper to repeat than a memo
    // is to keep, and `<Show>` memoises its own condition.
    let active = {
        let name = name.clone();
        Signal::derive(move || selected.with(|s| s.as_deref() == Some(name.as_str())))
    };
    let toggle = {
        let name = name.clone();
        move |_| on_select.run(if active.get_untracked() { None } else { Some(name.clone()) })
    };
    let label = name.clone();
    // Escape hides the tooltip until the pointer or the focus leaves the topic (WCAG 1.4.13).
    let tip_dismissed = RwSignal::new(false);

    view! {
        <li
            class="topic"
            class=("topic--tip-dismissed", move || tip_dismissed.get())
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    tip_dismissed.set(true);
                }
            }
            on:mouseleave=move |_| tip_dismissed.set(false)
            on:focusout=move |_| tip_dismissed.set(false)
        >
            <button
                type="button"
                class=format!("topic-chip {} {}", step_class(step), tint_class(tint))
                class=("topic-chip--active", move || active.get())
                data-testid="topic-chip"
                data-topic=name
                data-step=step
                data-tint=tint
                aria-pressed=move || active.get().to_string()
                aria-describedby=detail_id.clone()
                on:click=toggle
            >
                {move || active.get().then(|| view! {
                    <svg class="topic-check" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"
                        focusable="false" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"
                        stroke-linejoin="round">
                        <path d="M20 6 9 17l-5-5"/>
                    </svg>
                })}
                <span class="topic-chip-name">{label}</span>
            </button>
            <span class="topic-tooltip" role="tooltip" id=detail_id data-testid="topic-detail">{detail}</span>
        </li>
    }
}
