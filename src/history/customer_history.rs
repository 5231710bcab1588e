//! `CustomerHistory`: one identity's insights request, feeding the mood, the topics, the filters
//! and the timeline, in every state.

use c360_wire::{Identity, Insights, Interaction, InteractionsInsight};
use leptos::prelude::*;

use super::model::TimelineFilter;
use super::{ExpandedRows, InsightsCache, ListedIds, SummaryStore, Timeline, TimelineFilters, TimelineSkeleton};
use crate::api::{ApiClient, ApiError};
use crate::contact::LimitedProfile;
use crate::insights::{SentimentBadge, TopicsCloud};
use crate::perf;
use crate::ui::ErrorNotice;

/// Everything known about one customer's history: one insights request (re-issued only when the
/// identity changes; a stale answer is dropped), a loading skeleton, the insight views and the
/// filtered timeline, or an error with a retry. Changes are announced through a polite live region.
/// With an [`InsightsCache`] in context a customer seen before is shown at once; filters and open
/// rows start afresh for each customer.
#[component]
pub fn CustomerHistory(
    /// Whose history.
    #[prop(into)]
    identity: Signal<Identity>,
    /// Identity-only workspace: show the limited profile card above the insights.
    #[prop(optional)]
    limited: bool,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let cache = use_context::<InsightsCache>();
    provide_context(SummaryStore::from_client(client.clone()));

    let filter = RwSignal::new(TimelineFilter::default());
    let expanded = ExpandedRows(RwSignal::new(Vec::new()));
    provide_context(expanded);

    // The one read of this component. `LocalResource` + `<Suspense>` would be the idiom, but their
    // async machinery costs 16 KB of the 200 KB gzip budget (docs/performance.md), so the answer
    // is a signal written by one task per identity change; a generation count drops a stale answer
    // when the identity changes again before it arrives.
    let insights: RwSignal<Option<Result<InteractionsInsight, ApiError>>> = RwSignal::new(None);
    let generation = StoredValue::new(0u64);
    let load = move |use_cache: bool| {
        let client = client.clone();
        let identity = identity.get_untracked();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if let Some(hit) = cache.filter(|_| use_cache).and_then(|c| c.get(&identity)) {
            perf::mark(perf::INSIGHTS_RECEIVED);
            insights.set(Some(Ok(hit)));
            return;
        }
        insights.set(None);
        leptos::task::spawn_local(async move {
            let result = client.get_interactions_insight(&identity, None).await;
            perf::mark(perf::INSIGHTS_RECEIVED);
            if let (Some(cache), Ok(data)) = (cache, &result) {
                cache.put(identity, data.clone());
            }
            if generation.get_value() == mine {
                insights.set(Some(result));
            }
        });
    };
    let load_again = load.clone();
    Effect::new(move |_| {
        identity.track();
        filter.set(TimelineFilter::default());
        expanded.0.set(Vec::new());
        load(true);
    });

    // Memos: the badge, topics, filters and counts all read these; the response is cloned once.
    let all: Memo<Vec<Interaction>> = Memo::new(move |_| {
        insights.with(|r| match r {
            Some(Ok(r)) => r.interactions.clone(),
            _ => Vec::new(),
        })
    });
    let insight: Memo<Option<Insights>> = Memo::new(move |_| {
        insights.with(|r| match r {
            Some(Ok(r)) => r.insights.clone(),
            _ => None,
        })
    });
    let shown = Memo::new(move |_| {
        let f = filter.get();
        all.with(|list| list.iter().filter(|i| f.matches(i)).cloned().collect::<Vec<_>>())
    });
    provide_context(ListedIds(Signal::derive(move || {
        shown.with(|l| l.iter().map(|i| i.interaction_id.clone()).collect())
    })));
    let selected_topic = Signal::derive(move || filter.with(|f| f.topic.clone()));
    let on_topic = Callback::new(move |topic: Option<String>| filter.update(|f| f.topic = topic));
    let empty_text = Signal::derive(move || {
        if filter.with(TimelineFilter::is_active) {
            "No interactions match these filters".to_owned()
        } else {
            "No interactions in the last 12 months".to_owned()
        }
    });

    let status = move || {
        insights.with(|r| match r {
            None => "Loading the customer's history…".to_owned(),
            Some(Ok(data)) => match data.interactions.len() {
                0 => "No interactions in the last 12 months".to_owned(),
                1 => "1 interaction loaded".to_owned(),
                n => format!("{n} interactions loaded"),
            },
            Some(Err(e)) => e.to_string(),
        })
    };
    // Which of the three views to show; the error is cloned, never the response.
    let outcome = Memo::new(move |_| insights.with(|r| r.as_ref().map(|r| r.as_ref().err().cloned())));

    let loaded = Signal::derive(move || outcome.get().map(|error| error.is_none()));
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="history-status">{status}</p>
        {limited.then(|| view! { <LimitedProfile identity interactions=all loaded/> })}
        {move || match outcome.get() {
            None => view! {
                <div class="insights insights--loading" aria-hidden="true"><span class="skeleton-line"></span></div>
                <TimelineSkeleton/>
            }.into_any(),
            Some(None) => {
                perf::mark_next_frame(perf::TIMELINE_RENDERED);
                view! {
                    <section class="insights" aria-label="Recent mood and topics">
                        <SentimentBadge insights=insight interactions=all/>
                        <TopicsCloud insights=insight selected=selected_topic on_select=on_topic/>
                    </section>
                    <section class="history" aria-labelledby="history-heading">
                        <h2 id="history-heading" class="section-title">"History"</h2>
                        <TimelineFilters interactions=all filter/>
                        <Timeline interactions=shown empty_text/>
                    </section>
                }.into_any()
            }
            Some(Some(error)) => {
                let again = load_again.clone();
                let retry = Callback::new(move |()| again(false));
                view! { <ErrorNotice error what="customer's history" on_retry=retry/> }.into_any()
            }
        }}
    }
}
