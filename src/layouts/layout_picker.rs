//! `LayoutPicker`: the "Layout" select at the bottom of a create form or record view, listing the
//! tenant's layouts of the record type with the chosen one (else the default) selected. A choice
//! is remembered for every form of that type this session; the form shows the new layout's fields
//! and keeps what was typed in the others.

use c360_wire::crm::RecordType;
use leptos::prelude::*;

use super::FormSchemas;
use super::model::FormSchema;

/// The layout select of `schema`'s record type; `id` is the select's element id.
#[component]
pub fn LayoutPicker(
    /// The record type's layouts.
    schema: FormSchema,
    /// The select's element id (unique in the page).
    id: String,
    /// Where the choice is kept.
    schemas: FormSchemas,
) -> impl IntoView {
    let record_type: RecordType = schema.record_type.clone();
    let options = schema
        .layouts
        .iter()
        .map(|l| {
            let (value, schema, record_type) = (l.layout_id.clone(), schema.clone(), record_type.clone());
            let selected = move || schema.layout(schemas.chosen(&record_type).as_deref()).layout_id == value;
            view! { <option value=l.layout_id.clone() selected=selected>{l.name.clone()}</option> }
        })
        .collect_view();
    view! {
        <div class="form-field layout-picker">
            <label for=id.clone()>"Layout"</label>
            <select id=id class="form-input" data-testid="layout-picker"
                on:change=move |e| schemas.choose(&record_type, event_target_value(&e))>
                {options}
            </select>
        </div>
    }
}
