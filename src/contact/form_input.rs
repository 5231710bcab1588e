//! `FormInput` and `FormSelect`: one labelled field of a contact form, with its error beside it
//! (`aria-invalid`, `aria-describedby`), its required mark, and read-only where the layout says.

use leptos::prelude::*;

use super::model::form::FieldErrors;
use crate::intl::text::humanize;

/// The element id of input `key` in form `form_id`, and of its error message.
pub fn ids(form_id: &str, key: &str) -> (String, String) {
    let input = format!("{form_id}-{key}");
    let error = format!("{input}-error");
    (input, error)
}

/// What every field shares: its ids, its error, its label.
struct Frame {
    input_id: String,
    error_id: String,
    message: Memo<Option<String>>,
}

impl Frame {
    fn new(form_id: &str, key: &str, errors: Signal<FieldErrors>) -> Self {
        let (input_id, error_id) = ids(form_id, key);
        let key = key.to_owned();
        let message = Memo::new(move |_| errors.with(|e| e.get(&key).map(str::to_owned)));
        Self { input_id, error_id, message }
    }

    fn invalid(&self) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static + use<> {
        let message = self.message;
        move || message.with(Option::is_some).then_some("true")
    }

    fn described_by(&self) -> impl Fn() -> Option<String> + Send + Sync + 'static + use<> {
        let (message, error_id) = (self.message, self.error_id.clone());
        move || message.with(Option::is_some).then(|| error_id.clone())
    }

    /// The field around `control`: label (marks included), the control, the error.
    fn wrap<V: IntoView + 'static>(
        &self,
        label: String,
        required: bool,
        read_only: bool,
        quiet_label: bool,
        control: V,
    ) -> impl IntoView + use<V> {
        let (message, error_id) = (self.message, self.error_id.clone());
        view! {
            <div class="form-field" class:form-field--invalid=move || message.with(Option::is_some)>
                <label for=self.input_id.clone() class:visually-hidden=quiet_label>
                    {label}
                    {required.then(|| view! { <span class="required-mark" aria-hidden="true">" *"</span> })}
                    {read_only.then(|| view! { <span class="read-only-mark">" (read-only)"</span> })}
                </label>
                {control}
                {move || message.get().map(|m| view! {
                    <p id=error_id.clone() class="field-error" data-testid="field-error">{m}</p>
                })}
            </div>
        }
    }
}

/// A label, a text input and its error.
#[component]
pub fn FormInput(
    /// The form's id (prefix of the input's).
    form_id: String,
    /// The input's key (what an error path names).
    key: String,
    /// Its label.
    label: String,
    /// A save needs it.
    #[prop(optional)]
    required: bool,
    /// Shown, not editable.
    #[prop(optional)]
    read_only: bool,
    /// `type` of the input.
    #[prop(default = "text")]
    kind: &'static str,
    /// The label is for screen readers only (a row of a list under its legend).
    #[prop(optional)]
    quiet_label: bool,
    /// The value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with each new value.
    on_input: Callback<String>,
    /// The form's errors.
    #[prop(into)]
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let frame = Frame::new(&form_id, &key, errors);
    let autocomplete = match key.as_str() {
        "firstName" => "given-name",
        "lastName" => "family-name",
        "company" => "organization",
        "title" => "organization-title",
        _ => "off",
    };
    let input = view! {
        <input
            id=frame.input_id.clone()
            class="form-input"
            type=kind
            autocomplete=autocomplete
            readonly=read_only
            aria-required=required.then_some("true")
            aria-invalid=frame.invalid()
            aria-describedby=frame.described_by()
            data-testid=format!("input-{key}")
            prop:value=move || value.get()
            on:input=move |e| on_input.run(event_target_value(&e))
        />
    };
    frame.wrap(label, required, read_only, quiet_label, input)
}

/// A label, a choice among `options` (or none; each read as words, `INBOUND` as "Inbound") and
/// its error.
#[component]
pub fn FormSelect(
    /// The form's id.
    form_id: String,
    /// The select's key.
    key: String,
    /// Its label.
    label: String,
    /// The choices.
    options: Vec<String>,
    /// A save needs it.
    #[prop(optional)]
    required: bool,
    /// Shown, not editable.
    #[prop(optional)]
    read_only: bool,
    /// The value (`""`: none).
    #[prop(into)]
    value: Signal<String>,
    /// Called with the chosen value.
    on_input: Callback<String>,
    /// The form's errors.
    #[prop(into)]
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let frame = Frame::new(&form_id, &key, errors);
    let choices = options
        .into_iter()
        .map(|o| {
            let text = humanize(&o);
            view! { <option value=o.clone() selected=move || value.with(|v| *v == o)>{text}</option> }
        })
        .collect_view();
    let select = view! {
        <select
            id=frame.input_id.clone()
            class="form-input"
            disabled=read_only
            aria-required=required.then_some("true")
            aria-invalid=frame.invalid()
            aria-describedby=frame.described_by()
            data-testid=format!("input-{key}")
            on:change=move |e| on_input.run(event_target_value(&e))
        >
            <option value="" selected=move || value.with(String::is_empty)>"—"</option>
            {choices}
        </select>
    };
    frame.wrap(label, required, read_only, false, select)
}
