//! `CustomerHistory`: one customer's insights request, feeding the mood, the topics, the filters
//! and the timeline, in every state.

use c360_wire::{Identity, Insights, Interaction, InteractionsInsight};
use leptos::prelude::*;

use super::model::TimelineFilter;
use super::{ExpandedRows, InsightsCache, ListedIds, SummaryStore, Timeline, TimelineFilters, TimelineSkeleton};
use crate::api::{ApiClient, Lookup};
use crate::contact::LimitedProfile;
use crate::insights::{SentimentBadge, TopicsCloud};
use crate::intl::phone::readable_identity;
use crate::perf;
use crate::ui::{ErrorNotice, explain};

/// Everything known about one customer's history: one insights request, a loading skeleton, then
/// the insight views and the filters (kept in view as the rows scroll) over the filtered timeline,
/// one empty state when there is no history at all, or an error with a retry; changes are
/// announced through a polite live region. Mounted once per customer (and interaction), so filters, open rows and
/// summaries start afresh with each, and leaving aborts the request in flight. With an
/// [`InsightsCache`] in context a customer seen before is shown at once.
#[component]
pub fn CustomerHistory(
    /// Whose history.
    identity: Identity,
    /// Identity-only workspace: show the limited profile card above the insights.
    #[prop(optional)]
    limited: bool,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let cache = use_context::<InsightsCache>();
    provide_context(SummaryStore::from_client(client.clone()));
    provide_context(ExpandedRows(RwSignal::new(Vec::new())));
    let filter = RwSignal::new(TimelineFilter::default());

    let history: Lookup<InteractionsInsight> = Lookup::new(
        {
            let identity = identity.clone();
            move || identity.clone()
        },
        move |identity, abort| {
            let client = client.clone();
            async move {
                // The one departure from a plain read: a customer seen moments ago (the agent
                // switching back to a live interaction) is answered from the cache, no request.
                if let Some(hit) = cache.and_then(|c| c.get(&identity)) {
                    perf::mark(perf::INSIGHTS_RECEIVED);
                    return Ok(hit);
                }
                // A screen pop's matched contact: the request left with the match's answer.
                let ahead = match cache.and_then(|c| c.take_ahead(&identity)) {
                    Some(ahead) => ahead.await.ok(),
                    None => None,
                };
                let asked_here = ahead.is_none();
                let answer = match ahead {
                    Some(answer) => answer,
                    None => client.get_interactions_insight(&identity, abort.as_ref()).await,
                };
                perf::mark(perf::INSIGHTS_RECEIVED);
                // An answer asked for ahead is kept by the cache as it comes.
                if asked_here && let (Some(cache), Ok(data)) = (cache, &answer) {
                    cache.put(identity, data.clone());
                }
                answer
            }
        },
    );

    // Memos: the badge, topics, filters, counts and the limited profile all read these.
    let all: Memo<Vec<Interaction>> = Memo::new(move |_| {
        history.with(|r| r.and_then(|r| r.as_ref().ok()).map(|r| r.interactions.clone())).unwrap_or_default()
    });
    let insight: Memo<Option<Insights>> =
        Memo::new(move |_| history.with(|r| r.and_then(|r| r.as_ref().ok()).and_then(|r| r.insights.clone())));
    let shown = Memo::new(move |_| {
        let f = filter.get();
        all.with(|list| list.iter().filter(|i| f.matches(i)).cloned().collect::<Vec<_>>())
    });
    provide_context(ListedIds(Signal::derive(move || {
        shown.with(|l| l.iter().map(|i| i.interaction_id.clone()).collect())
    })));
    let selected_topic = Signal::derive(move || filter.with(|f| f.topic.clone()));
    let on_topic = Callback::new(move |topic: Option<String>| filter.update(|f| f.topic = topic));
    // "Clear filters" goes with the empty list it stands in: the focus stays in the filters.
    let channel_id = crate::ui::ids::unique_id("filter-channel");
    let clear = {
        let channel_id = channel_id.clone();
        Callback::new(move |()| {
            filter.set(TimelineFilter::default());
            crate::ui::ids::focus_id(&channel_id);
        })
    };
    // The head (mood, topics, filters) stays in view under the header; the day headings and the
    // focus scrolling read its height.
    let head = NodeRef::<leptos::html::Div>::new();
    crate::ui::measure::publish_height(head, "--c360-head-h");
    let who = readable_identity(&identity).text;
    let status = move || {
        history.with(|r| match r {
            None => "Loading the customer's history…".to_owned(),
            Some(Ok(data)) => match data.interactions.len() {
                0 => "No history in the last 12 months".to_owned(),
                1 => "1 interaction loaded".to_owned(),
                n => format!("{n} interactions loaded"),
            },
            Some(Err(e)) => explain(e, "customer's history").0,
        })
    };
    let loaded = Signal::derive(move || history.with(|r| r.map(Result::is_ok)));
    let retry = Callback::new(move |()| history.retry());

    // Built again only when the answer changes: it comes, or "Try again" asks again.
    let body = move || match history.with(|r| r.map(|r| r.as_ref().map(|_| ()).map_err(Clone::clone))) {
        None => view! {
            <div class="insights insights--loading" aria-hidden="true"><span class="skeleton-line"></span></div>
            <TimelineSkeleton/>
        }
        .into_any(),
        // Nothing at all: one empty state, no mood, topics or filters over it.
        Some(Ok(())) if all.with_untracked(Vec::is_empty) => {
            perf::mark_next_frame(perf::TIMELINE_RENDERED);
            empty_history(&who).into_any()
        }
        Some(Ok(())) => {
            perf::mark_next_frame(perf::TIMELINE_RENDERED);
            view! {
                <section class="history" aria-labelledby="history-heading">
                    <div class="history-head" node_ref=head>
                        <section class="insights" aria-label="Recent mood and topics">
                            <SentimentBadge insights=insight interactions=all/>
                            <TopicsCloud insights=insight selected=selected_topic on_select=on_topic/>
                        </section>
                        <h2 id="history-heading" class="section-title">"History"</h2>
                        <TimelineFilters interactions=all filter channel_id=channel_id.clone()/>
                    </div>
                    <Timeline interactions=shown topic=selected_topic on_clear=clear/>
                </section>
            }
            .into_any()
        }
        Some(Err(error)) => view! { <ErrorNotice error what="customer's history" on_retry=retry/> }.into_any(),
    };

    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="history-status">{status}</p>
        {limited.then(|| view! { <LimitedProfile identity=Signal::stored(identity) interactions=all loaded/> })}
        {body}
    }
}

/// The one empty state of a customer with no history: a heading that says so in plain words.
fn empty_history(who: &str) -> impl IntoView {
    let heading = format!("No history for {who} in the last 12 months");
    view! {
        <section class="history history-empty" aria-labelledby="history-heading" data-testid="history-empty">
            <h2 id="history-heading" class="section-title">{heading}</h2>
            <p class="empty-state">"No calls, chats, emails or messages in that time: this may be their first contact."</p>
        </section>
    }
}
