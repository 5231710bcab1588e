//! `SearchBox`: find a contact as you type — the WAI-ARIA combobox pattern with a listbox popup.

use c360_wire::crm::{ContactList, SearchQuery};
use leptos::ev;
use leptos::prelude::*;
use web_sys::Node;

use super::SearchResult;
use super::model::{DEBOUNCE_MS, LIMIT, Move, found_text, moved};
use super::search_message::{Answer, SearchMessage};
use crate::api::{Lookup, use_crm};
use crate::ui::{Debounce, explain, ids::unique_id};

/// The search box at the top of a native-CRM panel: results after two characters and a short
/// pause, each superseded search aborted; ↑/↓/Home/End move through the results while focus stays
/// in the box, Enter opens the active one, Escape closes the list (and then clears the box). No
/// match offers "+ New contact"; a failure says so in a sentence, with a retry; the number of
/// results is announced politely.
#[component]
pub fn SearchBox(
    /// Called with a contact's id when the agent opens a result.
    on_open: Callback<String>,
    /// Called with the text typed when the agent asks for a new contact.
    on_create: Callback<String>,
) -> impl IntoView {
    let crm = use_crm();
    let text = RwSignal::new(String::new());
    let query = RwSignal::new(None::<SearchQuery>);
    let expanded = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let debounce = Debounce::new(DEBOUNCE_MS as u64);
    let results: Lookup<Option<(SearchQuery, ContactList)>> = Lookup::new(
        move || query.get(),
        move |query: Option<SearchQuery>, abort| {
            let search = query.as_ref().map(|q| crm.get().search_contacts(&q.text, Some(LIMIT), abort));
            async move {
                match (query, search) {
                    (Some(query), Some(search)) => Ok(Some((query, search.await?))),
                    _ => Ok(None),
                }
            }
        },
    );
    // The last answer stays on screen while the next search runs, so typing does not flicker.
    let answer = Memo::new(move |previous: Option<&Answer>| {
        results.with(|r| match r {
            None if query.with(Option::is_some) => previous.cloned().unwrap_or(Answer::Nothing),
            None | Some(Ok(None)) => Answer::Nothing,
            Some(Ok(Some((q, list)))) => Answer::Found(q.clone(), list.clone()),
            Some(Err(e)) => Answer::Failed(e.clone()),
        })
    });
    let busy = move || query.with(Option::is_some) && results.with(|r| r.is_none());
    let contacts = move || match answer.get() {
        Answer::Found(q, list) => Some((q, list.contacts)),
        _ => None,
    };
    let count = move || answer.with(|a| if let Answer::Found(_, list) = a { list.contacts.len() } else { 0 });
    let showing = move || expanded.get() && query.with(Option::is_some);
    let listing = move || showing() && count() > 0;

    let input_id = unique_id("contact-search");
    let listbox_id = format!("{input_id}-results");
    let option_id = {
        let listbox_id = listbox_id.clone();
        move |i: usize| format!("{listbox_id}-{i}")
    };
    let active_option = {
        let option_id = option_id.clone();
        move || active.get().filter(|_| listing()).map(option_id.clone())
    };

    let search_for = move |typed: String| {
        active.set(None);
        expanded.set(true);
        let parsed = SearchQuery::parse(&typed).ok();
        text.set(typed);
        if parsed.is_none() {
            // Under two characters: nothing to wait for, and nothing to show.
            debounce.cancel();
            query.maybe_update(|q| q.take().is_some());
            return;
        }
        debounce.call(move || {
            query.maybe_update(|q| {
                let changed = *q != parsed;
                *q = parsed;
                changed
            })
        });
    };
    let open = move |i: usize| {
        let id = contacts().and_then(|(_, list)| list.get(i).map(|c| c.contact_id.clone()));
        if let Some(id) = id {
            debounce.cancel();
            text.set(String::new());
            query.set(None);
            expanded.set(false);
            active.set(None);
            on_open.run(id);
        }
    };
    let on_keydown = move |e: ev::KeyboardEvent| {
        let key = e.key();
        if let Some(step) = Move::of_key(&key) {
            // Home and End move the caret until the agent is in the list.
            let in_list = listing() && active.get_untracked().is_some();
            if matches!(step, Move::First | Move::Last) && !in_list {
                return;
            }
            if count() > 0 && query.with_untracked(Option::is_some) {
                e.prevent_default();
                expanded.set(true);
                active.update(|a| *a = moved(*a, count(), step));
            }
            return;
        }
        match key.as_str() {
            "Enter" => {
                if let Some(i) = active.get_untracked().filter(|_| listing()) {
                    e.prevent_default();
                    open(i);
                }
            }
            "Escape" if showing() => {
                e.prevent_default();
                expanded.set(false);
                active.set(None);
            }
            "Escape" if !text.with_untracked(String::is_empty) => {
                e.prevent_default();
                search_for(String::new());
            }
            _ => {}
        }
    };
    // The popup closes when focus leaves the whole box (not when it moves to its own buttons).
    let root = NodeRef::<leptos::html::Div>::new();
    let on_focusout = move |e: ev::FocusEvent| {
        let inside = e
            .related_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Node>(t).ok())
            .zip(root.get_untracked())
            .is_some_and(|(target, root)| root.contains(Some(&target)));
        if !inside {
            expanded.set(false);
            active.set(None);
        }
    };
    let create = Callback::new(move |()| {
        expanded.set(false);
        on_create.run(text.get_untracked().trim().to_owned());
    });
    let announcement = move || match answer.get() {
        _ if !showing() => String::new(),
        Answer::Found(_, list) => found_text(list.contacts.len(), list.more),
        Answer::Failed(e) => explain(&e, "search results").0,
        Answer::Nothing => String::new(),
    };
    let options = move || {
        contacts().map(|(q, list)| {
            list.into_iter()
                .enumerate()
                .map(|(i, contact)| {
                    view! {
                        <SearchResult
                            contact
                            query=q.clone()
                            id=option_id(i)
                            active=Signal::derive(move || active.get() == Some(i))
                            on_pick=Callback::new(move |()| open(i))
                        />
                    }
                })
                .collect_view()
        })
    };

    view! {
        <div class="search" role="search" node_ref=root on:focusout=on_focusout data-testid="contact-search">
            <label class="visually-hidden" for=input_id.clone()>"Search contacts"</label>
            <div class="search-field">
                <svg class="search-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"
                    fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
                    <circle cx="11" cy="11" r="7"/><path d="m20 20-4-4"/>
                </svg>
                <input
                    id=input_id
                    class="search-input"
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Search contacts"
                    aria-autocomplete="list"
                    aria-controls=listbox_id.clone()
                    aria-expanded=move || if listing() { "true" } else { "false" }
                    aria-activedescendant=active_option
                    aria-busy=move || busy().then_some("true")
                    data-testid="search-input"
                    prop:value=move || text.get()
                    on:input=move |e| search_for(event_target_value(&e))
                    on:focus=move |_| expanded.set(true)
                    on:keydown=on_keydown
                />
            </div>
            <div class="search-popup" hidden=move || !showing() on:mousedown=|e| {
                // Clicks in the popup keep focus in the box, except on its buttons.
                let on_button = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .is_some_and(|t| t.closest("button").ok().flatten().is_some());
                if !on_button { e.prevent_default() }
            }>
                <ul id=listbox_id role="listbox" aria-label="Contacts" class="search-results" hidden=move || !listing()>
                    {options}
                </ul>
                <SearchMessage
                    answer
                    showing=Signal::derive(showing)
                    busy=Signal::derive(busy)
                    on_retry=Callback::new(move |()| results.retry())
                    on_create=create
                />
            </div>
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="search-status">{announcement}</p>
        </div>
    }
}
