//! `NewContactForm`: create a contact, pre-filled from the interaction or the search, in the
//! fields of the layout the agent chose (the tenant's default at first; the [`LayoutPicker`] at
//! the bottom switches it, keeping what was typed in fields the new layout hides, and only the
//! shown fields are sent), the required ones marked. While a phone or email is typed, other
//! contacts holding it are named (identity match, debounced); the server's 409 reads the same. A
//! create in flight disables its buttons, so a double click makes one contact.

use c360_wire::crm::{NewContact, RecordType};
use leptos::prelude::*;

use super::model::draft::CreateDraft;
use super::model::form::{holders, refused_by, shown_only, tidy, typed_identities};
use super::model::layout::{AddressPart, Shown, Slot};
use super::{ContactFields, ContactSchema, DuplicatePrompt, FormFailure, FormState, draft_store, focus_input};
use crate::api::{ApiError, Lookup, Versioned, use_crm};
use crate::layouts::{FormSchema, LayoutPicker, use_form_schemas};
use crate::ui::Debounce;

/// How long typing a phone or email must pause before it is checked for another holder.
const CHECK_AFTER_MS: u64 = 400;

/// The form for a new contact (its layout read first).
#[component]
pub fn NewContactForm(
    /// What the form starts with, unless a draft of it is kept under `key`.
    start: NewContact,
    /// Where the draft is kept.
    key: String,
    /// Called with the created contact.
    on_created: Callback<Versioned>,
    /// Called with an existing contact's id when the agent opens it instead.
    on_open: Callback<String>,
    /// Called when the agent cancels.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let schemas = use_form_schemas();
    move || match schemas.schema(&RecordType::Contact) {
        None => view! { <p class="empty-state" data-testid="new-contact-loading">"Opening the form…"</p> }.into_any(),
        Some(schema) => {
            let draft = draft_store::load::<CreateDraft>(&key).map_or_else(|| start.clone(), |d| d.edited);
            view! { <CreateForm schema draft key=key.clone() on_created on_open on_cancel/> }.into_any()
        }
    }
}

#[component]
fn CreateForm(
    schema: FormSchema,
    draft: NewContact,
    key: String,
    on_created: Callback<Versioned>,
    on_open: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let crm = use_crm();
    let edited = RwSignal::new(draft);
    let state = FormState::new("new-contact", "created");
    let refused = RwSignal::new(Vec::new());
    let form_id = state.form_id();
    let schemas = use_form_schemas();
    let shown = {
        let schema = schema.clone();
        move || ContactSchema::in_layout(&schema, schemas.chosen(&RecordType::Contact).as_deref())
    };
    // A new record: what the layout makes read-only for edits may still be given once.
    let slots = {
        let shown = shown.clone();
        move || shown().slots().into_iter().map(writable).collect::<Vec<Slot>>()
    };
    let lists_shown = {
        let slots = slots.clone();
        move || slots().iter().any(|s| matches!(s, Slot::Phones(_) | Slot::Emails(_)))
    };
    {
        let key = key.clone();
        Effect::new(move |_| draft_store::save(&key, &CreateDraft { edited: edited.get() }));
    }

    // Other holders of what is typed: checked once typing pauses, the check in flight aborted
    // when a newer one starts. A failed check says nothing: the server's 409 still would.
    let checked = RwSignal::new(edited.with_untracked(typed_identities));
    let debounce = Debounce::new(CHECK_AFTER_MS);
    let on_identifier = Callback::new(move |()| {
        debounce.call(move || {
            let now = edited.with_untracked(typed_identities);
            checked.maybe_update(|ids| {
                let changed = *ids != now;
                *ids = now;
                changed
            });
        })
    });
    let found = Lookup::new(
        move || checked.get(),
        move |identities, abort| {
            let crm = crm.get();
            let matches: Vec<_> = identities.iter().map(|i| crm.match_contacts(i, abort.clone())).collect();
            async move {
                let mut all = Vec::new();
                for m in matches {
                    all.extend(m.await?.contacts);
                }
                Ok(all)
            }
        },
    );
    let typed_holders = move || {
        found.with(|r| r.and_then(|r| r.as_ref().ok()).map(|all| edited.with(|d| holders(d, all.iter().cloned()))))
    };

    let create = {
        let (key, shown) = (key.clone(), shown.clone());
        Callback::new(move |allow: bool| {
            let (crm, key, shown) = (crm.get(), key.clone(), shown.clone());
            state.run(async move {
                state.start();
                state.accept();
                edited.update(tidy);
                let layout = shown().layout;
                let sent = shown_only(&edited.get_untracked(), &layout);
                let answer = crm.create_contact(&sent, &layout.layout_id, allow).await;
                if let Ok(created) = &answer {
                    // Even if the agent moved on meanwhile: the contact exists, its draft must go.
                    draft_store::clear(&key);
                    on_created.try_run(created.clone());
                }
                if edited.is_disposed() {
                    return;
                }
                match answer {
                    Ok(_) => {}
                    Err(ApiError::Duplicate(problem)) => {
                        refused.set(edited.with_untracked(|d| refused_by(d, &problem)));
                        state.say("Not created: another contact already has these details.");
                    }
                    Err(ApiError::BadRequest(problem)) if problem.status == 400 && !problem.errors.is_empty() => {
                        state.refuse(&problem.errors);
                    }
                    Err(error) => state.fail(error),
                }
            })
        })
    };
    let pending = state.pending;
    let prompt = move || {
        let mut all = refused.get();
        for h in typed_holders().unwrap_or_default() {
            if !all.iter().any(|x| x.contact.contact_id == h.contact.contact_id) {
                all.push(h);
            }
        }
        (!all.is_empty()).then(|| {
            let on_create_anyway = Callback::new(move |()| {
                create.run(true);
            });
            view! { <DuplicatePrompt holders=all on_open on_create_anyway pending/> }
        })
    };
    if let Some(first) = untrack(&slots).iter().find_map(|s| match s {
        Slot::Text(field, shown) if !shown.read_only => Some(field.name()),
        _ => None,
    }) {
        focus_input(&form_id, first);
    }
    let fields = {
        let form_id = form_id.clone();
        move || {
            let after_identifiers = ViewFn::from(move || duplicates(prompt).into_any());
            view! { <ContactFields form_id=form_id.clone() slots=slots() edited errors=state.errors on_identifier after_identifiers/> }
        }
    };
    let cancel = move |_| {
        draft_store::clear(&key);
        on_cancel.run(());
    };

    view! {
        <form class="contact-card contact-form" novalidate data-testid="new-contact-form" aria-label="New contact"
            on:submit=move |e| { e.prevent_default(); create.run(false); }>
            <h2 class="contact-name">"New contact"</h2>
            <p class="form-hint"><span aria-hidden="true">"* "</span>"Required. A phone number or an email address is needed too."</p>
            <fieldset class="form-body">
                <legend class="visually-hidden">"Contact details"</legend>
                {fields}
            </fieldset>
            {move || (!lists_shown()).then(|| duplicates(prompt))}
            <LayoutPicker schema id=format!("{form_id}-layout") schemas/>
            <FormFailure state on_retry=Callback::new(move |()| { create.run(false); })/>
            <p class="form-note" role="status" aria-live="polite" data-testid="form-note">{move || state.note.get()}</p>
            <div class="form-actions">
                <button type="submit" class="button" data-testid="create" disabled=move || pending.get()>
                    {move || if pending.get() { "Creating…" } else { "Create contact" }}
                </button>
                <button type="button" class="button button--quiet" data-testid="cancel" on:click=cancel>"Cancel"</button>
            </div>
        </form>
    }
}

/// The live region naming other holders (beside the phone and email lists).
fn duplicates<V: IntoView + 'static>(prompt: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView {
    view! { <div class="duplicates-region" role="status" aria-live="polite" data-testid="duplicates">{prompt}</div> }
}

/// `slot` with nothing read-only.
fn writable(slot: Slot) -> Slot {
    let open = |shown: Shown| Shown { read_only: false, ..shown };
    match slot {
        Slot::Text(field, shown) => Slot::Text(field, open(shown)),
        Slot::Phones(shown) => Slot::Phones(open(shown)),
        Slot::Emails(shown) => Slot::Emails(open(shown)),
        Slot::Address(parts) => {
            Slot::Address(parts.into_iter().map(|p| AddressPart { shown: open(p.shown), ..p }).collect())
        }
        Slot::Custom { name, shown, definition } => Slot::Custom { name, shown: open(shown), definition },
    }
}
