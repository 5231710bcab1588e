//! `DuplicatePrompt`: "Dana Whitfield already has this number — Open Dana · Create anyway", for
//! each contact that already holds a phone or email of the new one.

use leptos::prelude::*;

use super::model::form::Holder;

/// The holders, each with a way to open them instead, and one way to create the contact anyway.
#[component]
pub fn DuplicatePrompt(
    /// Who already holds what.
    holders: Vec<Holder>,
    /// Called with a holder's id ("Open Dana").
    on_open: Callback<String>,
    /// Called when the agent creates the contact anyway.
    on_create_anyway: Callback<()>,
    /// A create is under way (the buttons wait for it).
    #[prop(into)]
    pending: Signal<bool>,
) -> impl IntoView {
    let items = holders
        .into_iter()
        .map(|h| {
            let id = h.contact.contact_id.clone();
            let company = (!h.contact.company.is_empty()).then(|| format!(" ({})", h.contact.company));
            view! {
                <li class="duplicate" data-testid="duplicate">
                    <p class="duplicate-sentence">{h.sentence()}{company}</p>
                    <div class="duplicate-actions">
                        <button type="button" class="button button--small" data-testid="open-duplicate"
                            on:click=move |_| on_open.run(id.clone())>
                            {format!("Open {}", h.short_name())}
                        </button>
                        <span aria-hidden="true">" · "</span>
                        <button type="button" class="button button--quiet button--small" data-testid="create-anyway"
                            disabled=move || pending.get() on:click=move |_| on_create_anyway.run(())>
                            "Create anyway"
                        </button>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="duplicates" aria-label="Contacts that already have these details">{items}</ul> }
}
