//! `CustomerHistory`: one identity's insights request, feeding the mood, the topics, the filters
//! and the timeline, in every state.

use c360_wire::{Identity, Insights, Interaction};
use leptos::prelude::*;

use crate::api::ApiClient;
use crate::components::timeline::{ListedIds, TimelineFilters};
use crate::components::{ErrorNotice, SentimentBadge, Timeline, TimelineSkeleton, TopicsCloud};
use crate::filters::TimelineFilter;
use crate::perf;
use crate::summary_store::SummaryStore;

/// Everything known about one customer's history: one insights request (re-issued only when the
/// identity changes), a loading skeleton, the insight views and the filtered timeline, or an error
/// with a retry. Changes are announced through a polite live region.
#[component]
pub fn CustomerHistory(
    /// Whose history.
    #[prop(into)]
    identity: Signal<Identity>,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    provide_context(SummaryStore::from_client(client.clone()));

    let filter = RwSignal::new(TimelineFilter::default());
    let insights = LocalResource::new(move || {
        let client = client.clone();
        let identity = identity.get();
        async move {
            let result = client.get_interactions_insight(&identity).await;
            perf::mark(perf::INSIGHTS_RECEIVED);
            result
        }
    });

    let response = move || insights.get().and_then(Result::ok);
    let all: Signal<Vec<Interaction>> = Signal::derive(move || response().map(|r| r.interactions).unwrap_or_default());
    let insight: Signal<Option<Insights>> = Signal::derive(move || response().and_then(|r| r.insights));
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

    let status = move || match insights.get() {
        None => "Loading the customer's history…".to_owned(),
        Some(Ok(data)) => match data.interactions.len() {
            0 => "No interactions in the last 12 months".to_owned(),
            1 => "1 interaction loaded".to_owned(),
            n => format!("{n} interactions loaded"),
        },
        Some(Err(e)) => e.to_string(),
    };

    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="history-status">{status}</p>
        <Suspense fallback=|| view! {
            <div class="insights insights--loading" aria-hidden="true"><span class="skeleton-line"></span></div>
            <TimelineSkeleton/>
        }>
            {move || Suspend::new(async move {
                match insights.await {
                    Ok(_) => {
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
                        }
                        .into_any()
                    }
                    Err(error) => {
                        let retry = Callback::new(move |()| insights.refetch());
                        view! { <ErrorNotice error what="customer's history" on_retry=retry/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
