//! The contact layout a form or the card shows and the tenant's contact fields, from the
//! [`FormSchemas`](crate::layouts::FormSchemas) read once per signed-in panel. If they cannot be
//! read, the built-in default layout stands in: the card still shows and edits what every contact
//! has. Which fields a save needs is the server's to say, for the layout the form showed (its
//! 400 names each field; the rules stay out of the bundle, docs/performance.md).

use c360_wire::crm::{FieldDefinition, Layout, RecordType};
use leptos::prelude::*;

use super::model::layout::{Slot, slots};
use crate::layouts::{FormSchema, use_form_schemas};

/// What a contact form and record view show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactSchema {
    /// The layout shown.
    pub layout: Layout,
    /// Every contact field, built-in and custom.
    pub definitions: Vec<FieldDefinition>,
}

impl ContactSchema {
    /// The default layout and fields every tenant has before an admin changes them.
    pub fn builtin() -> Self {
        Self::in_layout(&FormSchema::builtin(&RecordType::Contact), None)
    }

    /// `schema` in the layout `chosen` names (else the tenant's default).
    pub fn in_layout(schema: &FormSchema, chosen: Option<&str>) -> Self {
        Self { layout: schema.layout(chosen).clone(), definitions: schema.definitions.clone() }
    }

    /// The layout's slots, in order.
    pub fn slots(&self) -> Vec<Slot> {
        slots(&self.layout, &self.definitions)
    }
}

/// The contact schema in the tenant's default layout, as the card shows it (`None` while it loads).
pub fn use_contact_schema() -> Signal<Option<ContactSchema>> {
    let schemas = use_form_schemas();
    Signal::derive(move || schemas.schema(&RecordType::Contact).map(|f| ContactSchema::in_layout(&f, None)))
}
