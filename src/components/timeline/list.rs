//! `Timeline`: the customer's interactions, newest first.

use c360_wire::Interaction;
use leptos::prelude::*;

use super::TimelineRow;

/// The customer's interaction history, newest first, with an empty state that says so.
#[component]
pub fn Timeline(
    /// The interactions as received (any order; sorted newest first here).
    #[prop(into)]
    interactions: Signal<Vec<Interaction>>,
) -> impl IntoView {
    let sorted = Memo::new(move |_| {
        let mut list = interactions.get();
        list.sort_by_key(|i| std::cmp::Reverse(i.started_at));
        list
    });
    let is_empty = move || sorted.with(Vec::is_empty);

    view! {
        <Show
            when=move || !is_empty()
            fallback=|| view! {
                <p class="empty-state" data-testid="timeline-empty">"No interactions in the last 12 months"</p>
            }
        >
            <ol class="timeline" data-testid="timeline" aria-label="Interactions, newest first">
                <For each=move || sorted.get() key=|i| i.interaction_id.clone() let:interaction>
                    <TimelineRow interaction=interaction/>
                </For>
            </ol>
        </Show>
    }
}
