//! `ContactFields`: the inputs of a contact form, one per field of the tenant's layout, in its
//! order — text fields, the phone and email lists, the address parts, custom fields by their type.

use c360_wire::crm::{FieldType, NewContact};
use leptos::prelude::*;
use serde_json::Value;

use super::list_input::ListKind;
use super::model::form::{FieldErrors, custom_key, part_key};
use super::model::layout::{AddressPart, Slot, input_type, value_text};
use super::{FormInput, FormSelect, ListInput};

/// The value of address part `part`.
fn part_of<'c>(c: &'c NewContact, part: &str) -> Option<&'c String> {
    let a = &c.address;
    Some(match part {
        "street" => &a.street,
        "city" => &a.city,
        "region" => &a.region,
        "postalCode" => &a.postal_code,
        "country" => &a.country,
        _ => return None,
    })
}

/// The inputs of `slots`, bound to `edited`; each shows its error from `errors`.
#[component]
pub fn ContactFields(
    /// The form's id (prefix of every input's).
    form_id: String,
    /// What the layout shows, in order.
    slots: Vec<Slot>,
    /// The contact being edited.
    edited: RwSignal<NewContact>,
    /// The form's errors.
    #[prop(into)]
    errors: Signal<FieldErrors>,
    /// Called after a phone or email changes (a new contact checks for duplicates).
    #[prop(optional)]
    on_identifier: Option<Callback<()>>,
    /// Shown right after the phone and email lists (where a duplicate is named, beside what
    /// the agent just typed).
    #[prop(optional)]
    after_identifiers: Option<ViewFn>,
) -> impl IntoView {
    let last_identifier = slots.iter().rposition(|s| matches!(s, Slot::Phones(_) | Slot::Emails(_)));
    slots
        .into_iter()
        .enumerate()
        .map(|(i, slot)| {
            let after = after_identifiers.clone().filter(|_| Some(i) == last_identifier).map(|v| v.run());
            (field_of(slot, &form_id, edited, errors, on_identifier), after)
        })
        .collect_view()
}

/// The input (or inputs) of one slot.
fn field_of(
    slot: Slot,
    form_id: &str,
    edited: RwSignal<NewContact>,
    errors: Signal<FieldErrors>,
    on_identifier: Option<Callback<()>>,
) -> AnyView {
    let form_id = form_id.to_owned();
    match slot {
            Slot::Text(field, shown) => view! {
                <FormInput
                    form_id=form_id.clone()
                    key=field.name().to_owned()
                    label=shown.label
                    required=shown.required
                    read_only=shown.read_only
                    value=Signal::derive(move || edited.with(|c| field.get(c).to_owned()))
                    on_input=Callback::new(move |v| edited.update(|c| *field.get_mut(c) = v))
                    errors
                />
            }
            .into_any(),
            Slot::Phones(shown) => view! {
                <ListInput form_id=form_id.clone() kind=ListKind::Phones shown edited errors on_change=on_identifier.unwrap_or(Callback::new(|()| {}))/>
            }
            .into_any(),
            Slot::Emails(shown) => view! {
                <ListInput form_id=form_id.clone() kind=ListKind::Emails shown edited errors on_change=on_identifier.unwrap_or(Callback::new(|()| {}))/>
            }
            .into_any(),
            Slot::Address(parts) => view! {
                <fieldset class="form-group" data-testid="address-fields">
                    <legend>"Address"</legend>
                    {parts.into_iter().map(|p| address_input(&form_id, p, edited, errors)).collect_view()}
                </fieldset>
            }
            .into_any(),
            Slot::Custom { name, shown, definition } => {
                let key = custom_key(&name);
                let value = {
                    let name = name.clone();
                    Signal::derive(move || edited.with(|c| value_text(c.custom_fields.get(&name))))
                };
                let on_input = Callback::new(move |v: String| {
                    edited.update(|c| {
                        c.custom_fields.insert(name.clone(), Value::String(v));
                    })
                });
                let field_type = definition.as_ref().map(|d| d.field_type.clone());
                match (field_type, definition.and_then(|d| d.options)) {
                    (Some(FieldType::Select), Some(options)) => view! {
                        <FormSelect form_id=form_id.clone() key label=shown.label options required=shown.required
                            read_only=shown.read_only value on_input errors/>
                    }
                    .into_any(),
                    (field_type, _) => view! {
                        <FormInput form_id=form_id.clone() key label=shown.label required=shown.required
                            read_only=shown.read_only kind=input_type(field_type.as_ref()) value on_input errors/>
                    }
                    .into_any(),
                }
            }
    }
}

fn address_input(
    form_id: &str,
    part: AddressPart,
    edited: RwSignal<NewContact>,
    errors: Signal<FieldErrors>,
) -> impl IntoView + use<> {
    let name = part.part.clone();
    let value = {
        let name = name.clone();
        Signal::derive(move || edited.with(|c| part_of(c, &name).cloned().unwrap_or_default()))
    };
    let on_input = {
        let name = name.clone();
        Callback::new(move |v: String| {
            edited.update(|c| {
                let a = &mut c.address;
                let slot = match name.as_str() {
                    "street" => &mut a.street,
                    "city" => &mut a.city,
                    "region" => &mut a.region,
                    "postalCode" => &mut a.postal_code,
                    "country" => &mut a.country,
                    _ => return,
                };
                *slot = v;
            })
        })
    };
    view! {
        <FormInput
            form_id=form_id.to_owned()
            key=part_key(&name)
            label=part.shown.label
            required=part.shown.required
            read_only=part.shown.read_only
            value
            on_input
            errors
        />
    }
}
