//! `SearchResult`: one option of the search listbox — name, company, and the phone or email that
//! matched, the matched parts marked.

use c360_wire::crm::{ContactSummary, SearchQuery};
use leptos::prelude::*;

use super::model::{DetailKind, result_lines};
use crate::ui::Marked;

/// An option of the results listbox. It never takes focus: the input keeps it and points at the
/// active option with `aria-activedescendant`.
#[component]
pub fn SearchResult(
    /// The result.
    contact: ContactSummary,
    /// The query that found it (for the marks).
    query: SearchQuery,
    /// The option's element id.
    id: String,
    /// Whether it is the active option.
    #[prop(into)]
    active: Signal<bool>,
    /// Called when the agent clicks it.
    on_pick: Callback<()>,
) -> impl IntoView {
    let lines = result_lines(&contact, &query);
    let detail = lines.detail.map(|(kind, line)| {
        let kind = match kind {
            DetailKind::Phone => "phone",
            DetailKind::Email => "email",
            DetailKind::Account => "account",
        };
        view! {
            <span class="search-option-detail" data-kind=kind data-testid="result-detail">
                <Marked text=line.text ranges=line.marks/>
            </span>
        }
    });
    let company = lines.company.map(|line| {
        view! {
            <span class="search-option-company" data-testid="result-company">
                <Marked text=line.text ranges=line.marks/>
            </span>
        }
    });
    view! {
        <li
            role="option"
            id=id
            class="search-option"
            class:search-option--active=move || active.get()
            aria-selected=move || if active.get() { "true" } else { "false" }
            data-testid="search-result"
            // Keep focus in the input: the click still lands.
            on:mousedown=|e| e.prevent_default()
            on:click=move |_| on_pick.run(())
        >
            <span class="search-option-name" data-testid="result-name">
                <Marked text=lines.name.text ranges=lines.name.marks/>
            </span>
            <span class="search-option-meta">{company}{detail}</span>
        </li>
    }
}
