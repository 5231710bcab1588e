//! `ContactCard`: a native-CRM contact — read with its version, shown as a card, edited in place.
//! An unsaved edit found in session storage opens straight into the form.

use leptos::html::Button;
use leptos::prelude::*;

use super::model::draft::{EditDraft, edit_key};
use super::model::layout::heading;
use super::{CardName, ContactEditor, ContactView, draft_store, use_contact_schema};
use crate::api::{ApiError, Lookup, Versioned, use_crm};
use crate::ui::ErrorNotice;

/// The contact `contact_id`: its card, or its form while the agent edits. Says "Saved", what a
/// merge did, or "Copied" in a polite status line.
#[component]
pub fn ContactCard(
    /// Which contact.
    contact_id: String,
    /// More buttons beside the name (the native CRM's "+" menu).
    #[prop(optional)]
    actions: Option<ViewFn>,
) -> impl IntoView {
    let crm = use_crm();
    let schema = use_contact_schema();
    let key = edit_key(&crm.get().tenant_id(), &contact_id);
    let stored = draft_store::load::<EditDraft>(&key).filter(|d| d.base.contact_id == contact_id);
    let editing = RwSignal::new(stored);
    let saved = RwSignal::new(None::<Versioned>);
    let (status, announce) = signal(String::new());
    let edit_ref = NodeRef::<Button>::new();
    let read: Lookup<Versioned> = Lookup::new(
        {
            let id = contact_id.clone();
            move || id.clone()
        },
        move |id, abort| crm.get().get_contact(&id, abort),
    );
    let current = move || saved.get().map(Ok).or_else(|| read.with(|r| r.cloned()));
    // The header above keeps the name in view as the card shows it (read, then saved), while the
    // card is here.
    if let Some(CardName(name)) = use_context::<CardName>() {
        on_cleanup(move || {
            name.try_set(None);
        });
        Effect::new(move || {
            if let Some(Ok(v)) = current() {
                name.set(Some(heading(&v.contact.details)));
            }
        });
    }
    let back_to_card = move |said: String| {
        editing.set(None);
        announce.set(said);
        // A frame later the card may be gone (the agent moved on): nothing to focus then.
        request_animation_frame(move || {
            if let Some(button) = edit_ref.try_get_untracked().flatten() {
                let _ = button.focus();
            }
        });
    };
    let on_saved = {
        let key = key.clone();
        Callback::new(move |(contact, said): (Versioned, String)| {
            draft_store::clear(&key);
            saved.set(Some(contact));
            back_to_card(said);
        })
    };
    let on_cancel = {
        let key = key.clone();
        Callback::new(move |()| {
            draft_store::clear(&key);
            back_to_card("Changes discarded.".to_owned());
        })
    };
    let on_edit = Callback::new(move |()| {
        if let Some(Ok(v)) = current() {
            announce.set(String::new());
            editing.set(Some(EditDraft::start(v.contact, v.version)));
        }
    });
    let retry = Callback::new(move |()| read.retry());

    let body = move || {
        let Some(schema) = schema.get() else { return loading().into_any() };
        if let Some(draft) = editing.get() {
            return view! { <ContactEditor draft key=key.clone() schema on_saved on_cancel/> }.into_any();
        }
        match current() {
            None => loading().into_any(),
            Some(Ok(v)) => {
                let actions = actions.clone();
                view! { <ContactView contact=v.contact slots=schema.slots() edit_ref on_edit announce actions/> }.into_any()
            }
            Some(Err(ApiError::BadRequest(problem))) if problem.status == 404 => view! {
                <div class="notice" data-testid="contact-missing">
                    <p class="notice-headline">"This contact no longer exists"</p>
                    <p class="notice-advice">"It may have been removed. Search for the customer to find their record."</p>
                </div>
            }
            .into_any(),
            Some(Err(error)) => view! { <ErrorNotice error what="contact" on_retry=retry/> }.into_any(),
        }
    };
    view! {
        <div class="contact">
            {body}
            <p class="contact-status" role="status" aria-live="polite" data-testid="contact-status">{status}</p>
        </div>
    }
}

fn loading() -> impl IntoView {
    view! {
        <div class="contact-card contact-card--loading" aria-hidden="true" data-testid="contact-loading">
            <span class="skeleton-line skeleton-line--short"></span>
            <span class="skeleton-line"></span>
            <span class="skeleton-line skeleton-line--w3"></span>
        </div>
    }
}
