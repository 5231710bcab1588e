//! `CustomerHistory`: loads one identity's insights and shows the timeline in every state.

use c360_wire::Identity;
use leptos::prelude::*;

use crate::api::ApiClient;
use crate::components::{ErrorNotice, Timeline, TimelineSkeleton};

/// The history of one customer: loading skeleton, timeline, or an error with retry. Announces
/// each change through a polite live region.
#[component]
pub fn CustomerHistory(
    /// Whose history.
    #[prop(into)]
    identity: Signal<Identity>,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();

    let insights = LocalResource::new(move || {
        let client = client.clone();
        let identity = identity.get();
        async move { client.get_interactions_insight(&identity).await }
    });

    let status = move || match insights.get() {
        None => "Loading interaction history…".to_owned(),
        Some(Ok(data)) => match data.interactions.len() {
            0 => "No interactions in the last 12 months".to_owned(),
            1 => "1 interaction loaded".to_owned(),
            n => format!("{n} interactions loaded"),
        },
        Some(Err(e)) => e.to_string(),
    };
    let summary = move || {
        insights.get().and_then(Result::ok).map(|data| {
            let n = data.interactions.len();
            let capped = if n >= c360_wire::MAX_INTERACTIONS { " (the 50 most recent)" } else { "" };
            format!("{n} interaction{} in the last 12 months{capped}", if n == 1 { "" } else { "s" })
        })
    };

    view! {
        <section class="history" aria-labelledby="history-heading">
            <div class="section-header">
                <h2 id="history-heading">"History"</h2>
                <p class="section-summary" data-testid="history-summary">{summary}</p>
            </div>
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="history-status">{status}</p>
            <Suspense fallback=|| view! { <TimelineSkeleton/> }>
                {move || Suspend::new(async move {
                    match insights.await {
                        Ok(data) => view! { <Timeline interactions=data.interactions/> }.into_any(),
                        Err(error) => {
                            let retry = Callback::new(move |()| insights.refetch());
                            view! { <ErrorNotice error what="interaction history" on_retry=retry/> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}
