//! `RecordView`: a related record expanded — its fields in the layout the agent chose for its
//! record type (the tenant's default at first), each label with its value or "Not set", and the
//! [`LayoutPicker`] to show another layout. Times read in the agent's zone and language.

use c360_wire::crm::{Activity, RecordType};
use leptos::prelude::*;

use super::model::{Held, held};
use crate::intl::use_intl;
use crate::layouts::{LayoutPicker, use_form_schemas};

/// The fields of `activity` in the chosen layout; `id` is the region's element id.
#[component]
pub fn RecordView(
    /// The record.
    activity: Activity,
    /// The element id of the view (the disclosure button controls it).
    id: String,
) -> impl IntoView {
    let intl = use_intl();
    let schemas = use_form_schemas();
    let record_type = RecordType::from(activity.details.activity_type.as_str());
    let schema = {
        let record_type = record_type.clone();
        move || schemas.schema(&record_type)
    };
    let picker_id = format!("{id}-layout");
    // The rows follow the chosen layout; the picker stays put, so the focus stays on it.
    let rows = {
        let schema = schema.clone();
        move || {
            let schema = schema()?;
            let layout = schema.layout(schemas.chosen(&record_type).as_deref()).clone();
            let rows = layout
                .fields
                .iter()
                .map(|f| {
                    let (value, unset) = match held(&activity, &schema.path(&f.field)) {
                        Some(Held::Time(ms)) => (intl.with(|i| i.full(ms)), false),
                        Some(Held::Text(text)) => (text, false),
                        None => ("Not set".to_owned(), true),
                    };
                    view! { <dt>{f.label.clone()}</dt><dd class:record-unset=unset>{value}</dd> }
                })
                .collect_view();
            Some(view! { <dl class="record-fields" data-testid="record-fields">{rows}</dl> })
        }
    };
    let picker = {
        let schema = schema.clone();
        move || schema().map(|schema| view! { <LayoutPicker schema id=picker_id.clone() schemas/> })
    };
    view! {
        <div class="record-view" id=id data-testid="record-view">
            {move || schema().is_none().then(|| view! { <p class="empty-state">"Opening the record…"</p> })}
            {rows}
            {picker}
        </div>
    }
}
