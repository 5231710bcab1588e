//! Layouts: which fields a record's form and record view show, chosen by the agent. The tenant's
//! layouts and fields of each record type are read once per signed-in panel ([`FormSchemas`]),
//! the agent's choice is kept per record type for the tab's session, and the [`LayoutPicker`] at
//! the bottom of a form or record view changes it. Rules in [`model`]. Used by the contact forms
//! and the CRM's activity forms and related records; imports only the edges.

mod layout_picker;
pub mod model;
mod schemas;

pub use layout_picker::LayoutPicker;
pub use model::FormSchema;
pub use schemas::{FormSchemas, provide_form_schemas, use_form_schemas};
