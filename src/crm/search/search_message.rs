//! `SearchMessage`: what the search popup says besides its results — that more match, that none
//! does (with "+ New contact"), that the search failed (with a retry), or that it is searching.

use c360_wire::crm::{ContactList, SearchQuery};
use leptos::prelude::*;

use super::model::NONE_YET;
use crate::api::ApiError;
use crate::ui::explain;

/// What the popup shows.
#[derive(Clone, PartialEq)]
pub(super) enum Answer {
    /// Nothing asked yet (or fewer than two characters typed).
    Nothing,
    /// The results of a query (kept on screen while the next one loads).
    Found(SearchQuery, ContactList),
    /// The search failed.
    Failed(ApiError),
}

/// The popup's words for `answer`, while it is `showing`.
#[component]
pub(super) fn SearchMessage(
    /// The answer on screen.
    answer: Memo<Answer>,
    /// The popup is open.
    showing: Signal<bool>,
    /// A search is running.
    busy: Signal<bool>,
    /// The agent's "Try again".
    on_retry: Callback<()>,
    /// The agent's "+ New contact".
    on_create: Callback<()>,
) -> impl IntoView {
    move || {
        if !showing.get() {
            return None;
        }
        Some(match answer.get() {
            Answer::Found(_, list) if list.contacts.is_empty() => view! {
                <div class="search-message" data-testid="search-empty">
                    <p>{if list.more { NONE_YET } else { "No contacts match" }}</p>
                    <button type="button" class="button button--small" data-testid="search-create"
                        on:click=move |_| on_create.run(())>
                        <span aria-hidden="true">"+ "</span>"New contact"
                    </button>
                </div>
            }
            .into_any(),
            Answer::Found(_, list) if list.more => {
                view! { <p class="search-more">"More contacts match: keep typing to narrow them down."</p> }.into_any()
            }
            Answer::Found(..) => ().into_any(),
            Answer::Failed(e) => {
                let (headline, advice) = explain(&e, "search results");
                let retry = e.is_retryable().then(|| {
                    view! {
                        <button type="button" class="button button--small" data-testid="search-retry"
                            on:click=move |_| on_retry.run(())>"Try again"</button>
                    }
                });
                view! {
                    <div class="search-message search-message--error" data-testid="search-error">
                        <p>{format!("{headline}. {advice}")}</p>
                        {retry}
                    </div>
                }
                .into_any()
            }
            Answer::Nothing if busy.get() => {
                view! { <p class="search-message" data-testid="search-loading">"Searching…"</p> }.into_any()
            }
            Answer::Nothing => ().into_any(),
        })
    }
}
