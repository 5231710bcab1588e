//! `ListInput`: a contact's phone numbers or email addresses as rows the agent can add and remove;
//! there is always at least one row to type into.

use c360_wire::crm::NewContact;
use leptos::prelude::*;

use super::FormInput;
use super::form_input::ids;
use super::model::form::{FieldErrors, row_key};
use super::model::layout::Shown;

/// Which list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// `phones`.
    Phones,
    /// `emails`.
    Emails,
}

impl ListKind {
    fn name(self) -> &'static str {
        match self {
            ListKind::Phones => "phones",
            ListKind::Emails => "emails",
        }
    }

    fn one(self) -> &'static str {
        match self {
            ListKind::Phones => "phone",
            ListKind::Emails => "email",
        }
    }

    fn input_type(self) -> &'static str {
        match self {
            ListKind::Phones => "tel",
            ListKind::Emails => "email",
        }
    }

    fn of(self, c: &NewContact) -> &Vec<String> {
        match self {
            ListKind::Phones => &c.phones,
            ListKind::Emails => &c.emails,
        }
    }

    fn of_mut(self, c: &mut NewContact) -> &mut Vec<String> {
        match self {
            ListKind::Phones => &mut c.phones,
            ListKind::Emails => &mut c.emails,
        }
    }
}

/// Focuses the element `id` once the rows are rendered.
fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
        }
    });
}

/// The rows of one list, each labelled "Phone 2" for screen readers under the list's legend.
#[component]
pub fn ListInput(
    /// The form's id.
    form_id: String,
    /// Phones or emails.
    kind: ListKind,
    /// Label, required, read-only.
    shown: Shown,
    /// The contact being edited.
    edited: RwSignal<NewContact>,
    /// The form's errors.
    #[prop(into)]
    errors: Signal<FieldErrors>,
    /// Called after each change of a row.
    #[prop(optional)]
    on_change: Option<Callback<()>>,
) -> impl IntoView {
    let rows = Memo::new(move |_| edited.with(|c| kind.of(c).len().max(1)));
    let changed = move || {
        if let Some(cb) = on_change {
            cb.run(());
        }
    };
    let (read_only, required) = (shown.read_only, shown.required);
    let add_id = format!("{form_id}-{}-add", kind.name());
    let row_input = {
        let form_id = form_id.clone();
        move |i: usize| ids(&form_id, &row_key(kind.name(), i)).0
    };
    let add = {
        let row_input = row_input.clone();
        move |_| {
            let at = edited.with_untracked(|c| kind.of(c).len().max(1));
            edited.update(|c| {
                let list = kind.of_mut(c);
                while list.len() <= at {
                    list.push(String::new());
                }
            });
            focus_later(row_input(at));
        }
    };
    let label = shown.label.clone();
    let list = {
        let (form_id, add_id) = (form_id.clone(), add_id.clone());
        move || {
            (0..rows.get())
                .map(|i| {
                    let value = Signal::derive(move || edited.with(|c| kind.of(c).get(i).cloned().unwrap_or_default()));
                    let on_input = Callback::new(move |v: String| {
                        edited.update(|c| {
                            let list = kind.of_mut(c);
                            while list.len() <= i {
                                list.push(String::new());
                            }
                            list[i] = v;
                        });
                        changed();
                    });
                    let (row_input, add_id) = (row_input.clone(), add_id.clone());
                    let remove = move |_| {
                        edited.update(|c| {
                            let list = kind.of_mut(c);
                            if i < list.len() {
                                list.remove(i);
                            }
                        });
                        changed();
                        let left = edited.with_untracked(|c| kind.of(c).len());
                        focus_later(if left == 0 { add_id.clone() } else { row_input(i.min(left - 1)) });
                    };
                    let removable = move || !read_only && edited.with(|c| kind.of(c).len() > i);
                    let remove_label = format!("Remove {} {}", kind.one(), i + 1);
                    view! {
                        <div class="form-list-row">
                            <FormInput
                                form_id=form_id.clone()
                                key=row_key(kind.name(), i)
                                label=format!("{} {}", label, i + 1)
                                quiet_label=true
                                required=required && i == 0
                                read_only
                                kind=kind.input_type()
                                value
                                on_input
                                errors
                            />
                            {move || removable().then(|| view! {
                                <button type="button" class="icon-button form-list-remove" aria-label=remove_label.clone()
                                    title=remove_label.clone() data-testid="remove-row" on:click=remove.clone()>
                                    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"
                                        fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
                                        <path d="M6 6l12 12M18 6 6 18"/>
                                    </svg>
                                </button>
                            })}
                        </div>
                    }
                })
                .collect_view()
        }
    };

    view! {
        <fieldset class="form-list" data-testid=format!("list-{}", kind.name())>
            <legend>
                {shown.label.clone()}
                {required.then(|| view! { <span class="required-mark" aria-hidden="true">" *"</span> })}
            </legend>
            {list}
            {(!read_only).then(|| view! {
                <button type="button" id=add_id class="button button--quiet button--small" data-testid=format!("add-{}", kind.one())
                    on:click=add>
                    <span aria-hidden="true">"+ "</span>{format!("Add {}", kind.one())}
                </button>
            })}
        </fieldset>
    }
}
