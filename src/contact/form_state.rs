//! [`FormState`]: what a contact form tells the agent about its last try — the fields to fix
//! (marked, counted, the first focused), a request that failed (kept beside a retry), a note —
//! shared by the edit and the new-contact forms, with [`FormFailure`] to show a failure.

use std::future::Future;

use c360_wire::FieldError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::form_input;
use super::model::form::{FieldErrors, save_failure};
use crate::api::ApiError;
use crate::ui::ids::unique_id;

/// Focuses input `key` of form `form_id` once it is rendered — if the panel has focus: a form
/// restored after a reload or a switch of interaction must not pull focus out of the workspace.
pub fn focus_input(form_id: &str, key: &str) {
    let id = form_input::ids(form_id, key).0;
    request_animation_frame(move || {
        if !document().has_focus().unwrap_or(false) {
            return;
        }
        if let Some(el) = document().get_element_by_id(&id) {
            let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
        }
    });
}

/// A form's feedback.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The fields to fix.
    pub errors: RwSignal<FieldErrors>,
    /// The request that failed, kept until the next try.
    pub failure: RwSignal<Option<ApiError>>,
    /// A word for the agent (a polite live region).
    pub note: RwSignal<String>,
    /// A save or create is under way (its buttons wait).
    pub pending: RwSignal<bool>,
    form_id: StoredValue<String>,
    /// "saved" or "created": what did not happen.
    verb: &'static str,
}

impl FormState {
    /// Feedback for a form whose id starts with `prefix`; `verb` says what a failure stopped.
    pub fn new(prefix: &str, verb: &'static str) -> Self {
        Self {
            errors: RwSignal::new(FieldErrors::default()),
            failure: RwSignal::new(None),
            note: RwSignal::new(String::new()),
            pending: RwSignal::new(false),
            form_id: StoredValue::new(unique_id(prefix)),
            verb,
        }
    }

    /// The form's element id (prefix of its inputs').
    pub fn form_id(&self) -> String {
        self.form_id.get_value()
    }

    /// Runs `work` (a save, a create) unless one is under way — a double click makes one record;
    /// the buttons show it pending meanwhile. A plain task rather than an `Action`: nothing reads
    /// its output, and each `Action` costs the bundle its own copy of the machinery.
    pub fn run(&self, work: impl Future<Output = ()> + 'static) {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        let pending = self.pending;
        spawn_local(async move {
            work.await;
            pending.try_set(false);
        });
    }

    /// A new try: what the last one said is gone.
    pub fn start(&self) {
        self.failure.set(None);
        self.note.set(String::new());
    }

    /// Marks `errors` on their inputs, says how many, focuses the first.
    pub fn refuse(&self, errors: &[FieldError]) {
        let found = FieldErrors::of(errors);
        let n = found.len();
        let fields = if n == 1 { "1 field".to_owned() } else { format!("{n} fields") };
        self.note.set(format!("Not {}: {fields} to fix.", self.verb));
        if let Some(first) = found.first_key() {
            focus_input(&self.form_id(), first);
        }
        self.errors.set(found);
    }

    /// The rules pass: no field is marked.
    pub fn accept(&self) {
        self.errors.set(FieldErrors::default());
    }

    /// Keeps `error` to show beside a retry.
    pub fn fail(&self, error: ApiError) {
        self.failure.set(Some(error));
    }

    /// Says `text`.
    pub fn say(&self, text: impl Into<String>) {
        self.note.set(text.into());
    }
}

/// The failed request in a sentence that says nothing typed is lost, and "Try again" where
/// trying again can help.
#[component]
pub fn FormFailure(
    /// The form's feedback.
    state: FormState,
    /// Called when the agent tries again.
    on_retry: Callback<()>,
) -> impl IntoView {
    move || {
        state.failure.get().map(|e| {
            view! {
                <div class="form-failure" role="alert" data-testid="save-failure">
                    <p>{save_failure(&e, state.verb)}</p>
                    {e.is_retryable().then(|| view! {
                        <button type="button" class="button button--small" data-testid="save-retry"
                            on:click=move |_| on_retry.run(())>"Try again"</button>
                    })}
                </div>
            }
        })
    }
}
