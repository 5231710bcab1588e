//! `MatchPicker`: several contacts share the interaction's phone or email — name, email and
//! company of each, and one button per contact to open it.

use c360_wire::crm::ContactSummary;
use leptos::prelude::*;

use super::model::picker_lines;

/// The contacts to choose from; the open one is marked current. Choosing opens that contact for
/// this interaction only: later interactions from the same number are matched afresh.
#[component]
pub fn MatchPicker(
    /// Who shares the identifier.
    contacts: Vec<ContactSummary>,
    /// The contact open now, if any.
    #[prop(into)]
    open: Signal<Option<String>>,
    /// The picker's element id (the badge controls it).
    id: String,
    /// Called with the chosen contact's id.
    on_pick: Callback<String>,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let items = contacts
        .into_iter()
        .map(|c| {
            let (name, details) = picker_lines(&c);
            let contact_id = c.contact_id.clone();
            let current = {
                let contact_id = contact_id.clone();
                move || open.with(|o| o.as_deref() == Some(contact_id.as_str()))
            };
            let current_too = current.clone();
            view! {
                <li>
                    <button type="button" class="match-option" data-testid="match-option"
                        aria-current=move || current().then_some("true")
                        on:click=move |_| on_pick.run(contact_id.clone())>
                        <span class="match-option-name">{name}</span>
                        {(!details.is_empty()).then(|| view! { <span class="match-option-details">{details}</span> })}
                        {move || current_too().then(|| view! { <span class="match-option-open">"Shown"</span> })}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="match-picker" id=id aria-labelledby=labelled_by data-testid="match-picker">
            <h2 id=heading_id class="section-title">"Who are you talking to?"</h2>
            <ul class="match-options">{items}</ul>
            <p class="match-note">"Choosing opens the contact for this interaction only."</p>
        </section>
    }
}
