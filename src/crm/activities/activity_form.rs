//! `ActivityForm`: the create form of one record type, started from the live interaction, in the
//! layout the agent chose (the tenant's default at first; a [`LayoutPicker`] at the bottom
//! switches it, and what was typed under the other layout is kept, not sent). What the server
//! refuses comes back as its 400's field errors, read by the same layout, shown next to their
//! fields (focus on the first). The form does not run the wire's rules itself: they would add
//! 3 KB brotli to the bundle for a check the server makes within one same-origin round trip
//! (docs/performance.md). One `Idempotency-Key` per activity sent: a double click or a retry
//! creates one record. A failed save keeps the form and offers "Try again".

use c360_wire::crm::{ActivityType, RecordType};
use leptos::prelude::*;
use serde_json::Value;

use super::draft::{ActivityDraft, Input, always_required, in_form_words, input_of};
use super::model::{InteractionFacts, form_title};
use crate::api::{ApiError, use_crm};
use crate::contact::model::form::key_of;
use crate::contact::{FormFailure, FormInput, FormSelect, FormState};
use crate::crm::related::RelatedReload;
use crate::intl::offset_minutes;
use crate::layouts::{FormSchema, LayoutPicker, use_form_schemas};

/// A key no other form of this tab uses (time and a random part, as text).
fn fresh_key(contact_id: &str) -> String {
    let random = (js_sys::Math::random() * 1e15) as u64;
    format!("panel-{contact_id}-{}-{random}", js_sys::Date::now() as u64)
}

/// The create form of `kind` for `contact_id` (its layouts read first).
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
    let schemas = use_form_schemas();
    let record_type = RecordType::from(kind.as_str());
    let draft =
        RwSignal::new(ActivityDraft::start(kind.clone(), facts.as_ref(), js_sys::Date::now() as i64, offset_minutes()));
    let during = facts.map(|f| f.id);
    move || match schemas.schema(&record_type) {
        None => view! { <p class="empty-state" data-testid="activity-form-loading">"Opening the form…"</p> }.into_any(),
        Some(schema) => {
            let (kind, contact_id, during) = (kind.clone(), contact_id.clone(), during.clone());
            view! { <LaidOutForm kind schema contact_id during draft on_done/> }.into_any()
        }
    }
}

#[component]
fn LaidOutForm(
    kind: ActivityType,
    schema: FormSchema,
    contact_id: String,
    during: Option<String>,
    draft: RwSignal<ActivityDraft>,
    on_done: Callback<Option<String>>,
) -> impl IntoView {
    let crm = use_crm();
    let schemas = use_form_schemas();
    let reload = use_context::<RelatedReload>();
    let offset = offset_minutes();
    let state = FormState::new("activity-form", "saved");
    // One key per activity sent: a retry of the same activity reuses it (if the lost answer had
    // stored it, the server answers that record), a changed one is a new request with a new key
    // (the server refuses a key sent again with another body).
    let sent = StoredValue::new(None::<(Value, String)>);
    let form_id = state.form_id();
    let title = form_title(&kind);
    let record_type = schema.record_type.clone();
    let layout = {
        let schema = schema.clone();
        move || schema.layout(schemas.chosen(&record_type).as_deref()).clone()
    };

    let save = {
        let schema = schema.clone();
        let layout = layout.clone();
        Callback::new(move |()| {
            // A second click while the first is on its way sends nothing (the key would make it
            // harmless anyway: the server answers the first record).
            if state.pending.get_untracked() {
                return;
            }
            state.start();
            let layout = layout();
            let body = draft.with_untracked(|d| d.body(&contact_id, during.as_deref(), offset, &schema, &layout));
            state.accept();
            let key = sent
                .with_value(|s| s.as_ref().filter(|(before, _)| *before == body).map(|(_, key)| key.clone()))
                .unwrap_or_else(|| fresh_key(&contact_id));
            sent.set_value(Some((body.clone(), key.clone())));
            let ask = crm.get().create_activity(&body, &key, &layout.layout_id);
            let schema = schema.clone();
            state.run(async move {
                match ask.await {
                    Ok(saved) => {
                        if let Some(reload) = reload {
                            reload.reload();
                        }
                        let what =
                            if saved.details.subject.is_empty() { "Note".to_owned() } else { saved.details.subject };
                        on_done.run(Some(format!("“{what}” saved.")));
                    }
                    Err(ApiError::BadRequest(problem)) if !problem.errors.is_empty() => {
                        state.refuse(&in_form_words(&schema, &layout, &problem.errors))
                    }
                    Err(error) => state.fail(error),
                }
            });
        })
    };
    let inputs = {
        let (schema, form_id) = (schema.clone(), form_id.clone());
        move || {
            let layout = layout();
            {
                layout
                    .fields
                    .iter()
                    .map(|f| {
                        let path = schema.path(&f.field);
                        let required = f.required || always_required(&kind, &path);
                        let (form_id, key, label) = (form_id.clone(), key_of(&path), f.label.clone());
                        let value = {
                            let path = path.clone();
                            Signal::derive(move || draft.with(|d| d.get(&path)))
                        };
                        let on_input = Callback::new(move |v: String| {
                            draft.update(|d| {
                                d.values.insert(path.clone(), v);
                            })
                        });
                        let errors = state.errors;
                        match input_of(&schema, &f.field) {
                            Input::Choice(options) => {
                                view! { <FormSelect form_id key label options required value on_input errors/> }
                                    .into_any()
                            }
                            Input::Text(kind) => {
                                view! { <FormInput form_id key label required kind value on_input errors/> }.into_any()
                            }
                        }
                    })
                    .collect_view()
            }
        }
    };

    view! {
        <form class="activity-form" id=form_id.clone() novalidate data-testid="activity-form"
            on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
            <h3 class="section-title">{title}</h3>
            {inputs}
            <LayoutPicker schema id=format!("{form_id}-layout") schemas/>
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
