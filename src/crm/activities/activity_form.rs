//! `ActivityForm`: the create form of one record type, started from the live interaction. What
//! the server refuses comes back as its 400's field errors, shown next to their fields (focus on
//! the first). The form does not run the wire's `ActivityRules` itself: they would add 3 KB brotli
//! to the bundle for a check the server makes within one same-origin round trip
//! (docs/performance.md). One `Idempotency-Key` per activity sent: a double click or a retry
//! creates one record. A failed save keeps the form and offers "Try again".

use c360_wire::crm::ActivityType;
use leptos::prelude::*;
use serde_json::Value;

use super::model::{ActivityDraft, InteractionFacts, fields, form_title, in_form_words};
use crate::api::{ApiError, use_crm};
use crate::contact::model::form::key_of;
use crate::contact::{FormFailure, FormInput, FormSelect, FormState};
use crate::crm::related::RelatedReload;

/// Minutes east of UTC, as the agent's browser keeps time now.
fn offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// A key no other form of this tab uses (time and a random part, as text).
fn fresh_key(contact_id: &str) -> String {
    let random = (js_sys::Math::random() * 1e15) as u64;
    format!("panel-{contact_id}-{}-{random}", js_sys::Date::now() as u64)
}

/// The create form of `kind` for `contact_id`.
#[component]
pub fn ActivityForm(
    /// The record type.
    kind: ActivityType,
    /// The contact it is about.
    contact_id: String,
    /// The live interaction, if any (pre-fill; the record is New to it).
    facts: Option<InteractionFacts>,
    /// Called with what to announce once saved, or `None` when the agent cancels.
    on_done: Callback<Option<String>>,
) -> impl IntoView {
    let crm = use_crm();
    let reload = use_context::<RelatedReload>();
    let offset = offset_minutes();
    let draft = RwSignal::new(ActivityDraft::start(kind.clone(), facts.as_ref(), js_sys::Date::now() as i64, offset));
    let state = FormState::new("activity-form", "saved");
    // One key per activity sent: a retry of the same activity reuses it (if the lost answer had
    // stored it, the server answers that record), a changed one is a new request with a new key
    // (the server refuses a key sent again with another body).
    let sent = StoredValue::new(None::<(Value, String)>);
    let form_id = state.form_id();
    let title = form_title(&kind);
    let during = facts.map(|f| f.id);
    let form_kind = kind.clone();

    let save = Callback::new(move |()| {
        // A second click while the first is on its way sends nothing (the key would make it
        // harmless anyway: the server answers the first record).
        if state.pending.get_untracked() {
            return;
        }
        state.start();
        let body = draft.with_untracked(|d| d.body(&contact_id, during.as_deref(), offset));
        state.accept();
        let key = sent
            .with_value(|s| s.as_ref().filter(|(before, _)| *before == body).map(|(_, key)| key.clone()))
            .unwrap_or_else(|| fresh_key(&contact_id));
        sent.set_value(Some((body.clone(), key.clone())));
        let ask = crm.get().create_activity(&body, &key);
        let kind = form_kind.clone();
        state.run(async move {
            match ask.await {
                Ok(saved) => {
                    if let Some(reload) = reload {
                        reload.reload();
                    }
                    let what = if saved.details.subject.is_empty() { "Note".to_owned() } else { saved.details.subject };
                    on_done.run(Some(format!("“{what}” saved.")));
                }
                Err(ApiError::BadRequest(problem)) if !problem.errors.is_empty() => {
                    state.refuse(&in_form_words(&kind, &problem.errors))
                }
                Err(error) => state.fail(error),
            }
        });
    });
    let inputs = fields(&kind)
        .iter()
        .map(|&(path, label, input)| {
            let value = Signal::derive(move || draft.with(|d| d.get(path)));
            let on_input = Callback::new(move |v: String| {
                draft.update(|d| {
                    d.values.insert(path, v);
                })
            });
            let required = matches!(
                path,
                "subject" | "call.direction" | "call.startedAt" | "task.dueAt" | "event.startAt" | "event.endAt"
            ) || (path == "description" && kind == ActivityType::Note);
            let (form_id, key, label) = (form_id.clone(), key_of(path), label.to_owned());
            let errors = state.errors;
            match input {
                "direction" | "priority" => {
                    let options: &[&str] = match (input, &kind) {
                        ("direction", _) => &["INBOUND", "OUTBOUND"],
                        (_, ActivityType::Case) => &["low", "normal", "high", "urgent"],
                        _ => &["low", "normal", "high"],
                    };
                    let options = options.iter().map(|o| (*o).to_owned()).collect();
                    view! { <FormSelect form_id key label options required value on_input errors/> }.into_any()
                }
                // A multi-line description waits for a FormInput that can be a textarea.
                other => {
                    let kind = if other == "textarea" { "text" } else { other };
                    view! { <FormInput form_id key label required kind value on_input errors/> }.into_any()
                }
            }
        })
        .collect_view();

    view! {
        <form class="activity-form" id=form_id.clone() novalidate data-testid="activity-form"
            on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
            <h3 class="section-title">{title}</h3>
            {inputs}
            <FormFailure state on_retry=save/>
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || state.pending.get() data-testid="activity-save">"Save"</button>
                <button type="button" class="button button--quiet" data-testid="activity-cancel"
                    on:click=move |_| on_done.run(None)>"Cancel"</button>
            </div>
            <p class="visually-hidden" role="status" aria-live="polite">{move || state.note.get()}</p>
        </form>
    }
}
