//! `TimelineSummary`: the transcript summary under an expanded row, in each of its states.

use leptos::prelude::*;

use super::summary_store::{SummaryState, SummaryStore};

/// The summary of one interaction: loading, the text, "No summary for this interaction", or
/// "not available yet" with a retry. Announced politely when it arrives.
#[component]
pub fn TimelineSummary(
    /// The interaction.
    id: String,
    /// The element id the row's toggle points to (`aria-controls`).
    panel_id: String,
) -> impl IntoView {
    let store = expect_context::<SummaryStore>();
    let state = {
        let id = id.clone();
        Memo::new(move |_| store.state(&id))
    };
    // "Try again" goes away with the retry: the focus waits on the summary itself, which then
    // says what came back.
    let region_id = panel_id.clone();
    let retry = move |_| {
        crate::ui::ids::focus_id(&region_id);
        store.retry([id.clone()]);
    };

    view! {
        <div class="timeline-summary" id=panel_id data-testid="row-summary" role="region" aria-live="polite"
            tabindex="-1"
            aria-busy=move || matches!(state.get(), None | Some(SummaryState::Loading)).to_string()>
            {move || match state.get() {
                None | Some(SummaryState::Loading) => view! {
                    <p class="summary-status">"Loading summary…"</p>
                }.into_any(),
                Some(SummaryState::Ready(summary)) => view! {
                    <p class="summary-label">"AI summary"</p>
                    <p class="summary-text" data-testid="summary-text">{summary.content.result}</p>
                }.into_any(),
                Some(SummaryState::NotFound) => view! {
                    <p class="summary-status" data-testid="summary-missing">"No summary for this interaction"</p>
                }.into_any(),
                Some(other) => {
                    let text = if other == SummaryState::NotAvailable {
                        "The summary is not available yet."
                    } else {
                        "Could not load the summary."
                    };
                    view! {
                        <p class="summary-status" data-testid="summary-unavailable">{text}</p>
                        <button type="button" class="button button--small" data-testid="summary-retry" on:click=retry.clone()>
                            "Try again"
                        </button>
                    }.into_any()
                }
            }}
        </div>
    }
}
