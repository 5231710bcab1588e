//! `ContactEditor`: the card as a form. Save sends only the changed fields with `If-Match`; the
//! shared rules run first and mark what is wrong; a 412 is merged three ways; a failed save keeps
//! every word; the draft stays in session storage until it is saved or cancelled.

use c360_wire::Problem;
use c360_wire::crm::{Contact, MergeOutcome, changed_fields, three_way_merge};
use leptos::html::Button;
use leptos::prelude::*;

use super::model::draft::EditDraft;
use super::model::form::tidy;
use super::model::layout::{Slot, heading, unit_label};
use super::{ConflictChoice, ContactFields, ContactSchema, FormFailure, FormState, draft_store, focus_input};
use crate::api::{ApiError, Versioned, use_crm};

/// A 412 whose changes collide with the agent's: what is merged so far, and the contact now stored.
#[derive(Clone)]
struct Merging {
    outcome: MergeOutcome,
    theirs: Contact,
}

/// What the agent is told after a save that re-applied their changes on someone else's version.
fn merged_note(by: &str, labels: &[String]) -> String {
    match labels {
        [] => format!("Saved. {by} had made the same change meanwhile."),
        _ => format!(
            "Saved. {by} changed this contact while you were editing; your changes to {} were applied to their version.",
            labels.join(", ")
        ),
    }
}

/// The form of an edit in progress.
#[component]
pub fn ContactEditor(
    /// The edit (restored from storage, or just started).
    draft: EditDraft,
    /// Where the draft is kept.
    key: String,
    /// The layout and rules.
    schema: ContactSchema,
    /// Called with the saved contact and what to tell the agent.
    on_saved: Callback<(Versioned, String)>,
    /// Called when the agent cancels (the draft is dropped).
    on_cancel: Callback<()>,
) -> impl IntoView {
    let crm = use_crm();
    let contact_id = draft.base.contact_id.clone();
    let name = heading(&draft.base.details);
    let base = RwSignal::new((draft.base, draft.version));
    let edited = RwSignal::new(draft.edited);
    let state = FormState::new("contact-form", "saved");
    let merging = RwSignal::new(None::<Merging>);
    let form_id = state.form_id();
    let slots: Vec<Slot> = schema.slots();
    let save_ref = NodeRef::<Button>::new();

    // The draft goes to session storage at every change (and comes back from there after a
    // reload, a new token or a switch of interaction).
    {
        let key = key.clone();
        Effect::new(move |_| {
            let (base, version) = base.get();
            draft_store::save(&key, &EditDraft { base, version, edited: edited.get() });
        });
    }

    let save = {
        let (slots, key) = (slots.clone(), key.clone());
        Callback::new(move |()| {
            let (crm, slots, id, key) = (crm.get(), slots.clone(), contact_id.clone(), key.clone());
            state.run(async move {
                state.start();
                let mut applied: Vec<String> = Vec::new();
                let mut by = None::<String>;
                // A 412 without colliding changes is merged and sent again; a few rounds at most.
                for _ in 0..3 {
                    state.accept();
                    edited.update(tidy);
                    let (current, version) = base.get_untracked();
                    let patch = changed_fields(&current.details, &edited.get_untracked());
                    if patch.as_object().is_some_and(|p| p.is_empty()) {
                        let said = by
                            .as_deref()
                            .map_or_else(|| "No changes to save.".to_owned(), |b| merged_note(b, &applied));
                        on_saved.run((Versioned { contact: current, version }, said));
                        return;
                    }
                    let answer = crm.update_contact(&id, &patch, version).await;
                    if edited.is_disposed() {
                        // The agent moved on while it saved: a saved edit leaves no draft behind,
                        // anything else stays stored for when they come back.
                        if answer.is_ok() {
                            draft_store::clear(&key);
                        }
                        return;
                    }
                    match answer {
                        Ok(saved) => {
                            let said = by.as_deref().map_or_else(|| "Saved.".to_owned(), |b| merged_note(b, &applied));
                            on_saved.run((saved, said));
                            return;
                        }
                        Err(ApiError::Stale(theirs)) => {
                            let mine = Contact { details: edited.get_untracked(), ..current.clone() };
                            let outcome = three_way_merge(&current, &mine, &theirs);
                            by = Some(theirs.updated_by.clone());
                            if outcome.conflicts.is_empty() {
                                applied.extend(outcome.auto_applied.iter().map(|u| unit_label(&slots, u)));
                                base.set((*theirs.clone(), theirs.version));
                                edited.set(outcome.merged.details);
                                continue;
                            }
                            merging.set(Some(Merging { outcome, theirs: *theirs }));
                            return;
                        }
                        Err(ApiError::BadRequest(problem)) if problem.status == 400 && !problem.errors.is_empty() => {
                            state.refuse(&problem.errors);
                            return;
                        }
                        Err(error) => {
                            state.fail(error);
                            return;
                        }
                    }
                }
                state.fail(ApiError::BadRequest(Problem::new(412, "this contact keeps changing; try again")));
            })
        })
    };
    let pending = state.pending;

    let choose = Callback::new(move |(field, keep_mine): (String, bool)| {
        let Some(mut m) = merging.get_untracked() else { return };
        m.outcome.resolve(&field, keep_mine);
        if m.outcome.conflicts.is_empty() {
            base.set((m.theirs.clone(), m.theirs.version));
            edited.set(m.outcome.merged.details.clone());
            merging.set(None);
            state.say("Your choices are in the form. Save to store them.");
            if let Some(button) = save_ref.get_untracked() {
                let _ = button.focus();
            }
        } else {
            merging.set(Some(m));
        }
    });
    let conflicts = {
        let slots = slots.clone();
        move || {
            merging.get().map(|m| {
                let labelled =
                    m.outcome.conflicts.iter().map(|c| (unit_label(&slots, &c.field), c.clone())).collect::<Vec<_>>();
                view! { <ConflictChoice conflicts=labelled by=m.theirs.updated_by.clone() on_choose=choose/> }
            })
        }
    };
    let first = slots.iter().find_map(|s| match s {
        Slot::Text(field, shown) if !shown.read_only => Some(field.name().to_owned()),
        _ => None,
    });
    if let Some(first) = first {
        focus_input(&form_id, &first);
    }
    let cancel = move |_| {
        on_cancel.run(());
    };
    let has_required = slots.iter().any(|s| match s {
        Slot::Text(_, shown) | Slot::Phones(shown) | Slot::Emails(shown) | Slot::Custom { shown, .. } => shown.required,
        Slot::Address(parts) => parts.iter().any(|p| p.shown.required),
    });

    view! {
        <form class="contact-card contact-form" novalidate data-testid="contact-form" aria-label=format!("Edit {name}")
            on:submit=move |e| { e.prevent_default(); save.run(()); }>
            <h2 class="contact-name">{format!("Editing {name}")}</h2>
            {has_required.then(|| view! { <p class="form-hint"><span aria-hidden="true">"* "</span>"Required"</p> })}
            {conflicts}
            <fieldset class="form-body" disabled=move || merging.with(Option::is_some)>
                <legend class="visually-hidden">"Contact details"</legend>
                <ContactFields form_id=form_id.clone() slots=slots.clone() edited errors=state.errors/>
            </fieldset>
            <FormFailure state on_retry=save/>
            <p class="form-note" role="status" aria-live="polite" data-testid="form-note">{move || state.note.get()}</p>
            <div class="form-actions">
                <button type="submit" class="button" node_ref=save_ref data-testid="save"
                    disabled=move || pending.get() || merging.with(Option::is_some)>
                    {move || if pending.get() { "Saving…" } else { "Save" }}
                </button>
                <button type="button" class="button button--quiet" data-testid="cancel" on:click=cancel>"Cancel"</button>
            </div>
        </form>
    }
}
