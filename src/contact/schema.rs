//! The tenant's contact layout and field definitions, read once per signed-in panel and shared by
//! the card and both forms through context. If they cannot be read, the built-in default layout
//! stands in: the card still shows and edits what every contact has.

use c360_wire::crm::{ContactRules, FieldDefinition, Layout, Layouts, RecordType, builtin_fields, default_layout};
use leptos::prelude::*;

use super::model::layout::{Slot, slots};
use crate::api::{Lookup, use_crm};

/// What a contact form and record view show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactSchema {
    /// The tenant's default contact layout.
    pub layout: Layout,
    /// Every contact field, built-in and custom.
    pub definitions: Vec<FieldDefinition>,
}

impl ContactSchema {
    /// The default layout and fields every tenant has before an admin changes them.
    pub fn builtin() -> Self {
        Self { layout: default_layout(&RecordType::Contact), definitions: builtin_fields(&RecordType::Contact) }
    }

    /// The schema of what the server answered, the built-in parts standing in for what it did not.
    pub fn of(layouts: Option<Layouts>, definitions: Option<Vec<FieldDefinition>>) -> Self {
        let builtin = Self::builtin();
        Self {
            layout: layouts.and_then(|l| l.default_for(&RecordType::Contact).cloned()).unwrap_or(builtin.layout),
            definitions: definitions.filter(|d| !d.is_empty()).unwrap_or(builtin.definitions),
        }
    }

    /// The layout's slots, in order.
    pub fn slots(&self) -> Vec<Slot> {
        slots(&self.layout, &self.definitions)
    }

    /// The rules a save must meet (the tenant's default country is the server's to apply).
    pub fn rules(&self) -> ContactRules<'_> {
        ContactRules::for_layout(&self.layout, &self.definitions, None)
    }
}

/// The schema read, in context.
#[derive(Clone, Copy)]
struct SchemaRead(Lookup<ContactSchema>);

/// Reads the schema for the current owner's children (once per signed-in panel).
pub fn provide_contact_schema() {
    provide_context(SchemaRead(read_schema()));
}

/// One read of the tenant's contact layout and fields.
fn read_schema() -> Lookup<ContactSchema> {
    let crm = use_crm();
    Lookup::new(
        || (),
        move |(), abort| {
            let crm = crm.get();
            let layouts = crm.get_layouts(&RecordType::Contact, abort.clone());
            let fields = crm.get_fields(&RecordType::Contact, abort);
            async move {
                let layouts = layouts.await;
                let fields = fields.await;
                if matches!(
                    (&layouts, &fields),
                    (Err(crate::api::ApiError::Aborted), _) | (_, Err(crate::api::ApiError::Aborted))
                ) {
                    return Err(crate::api::ApiError::Aborted);
                }
                Ok(ContactSchema::of(layouts.ok(), fields.ok().map(|f| f.fields)))
            }
        },
    )
}

/// The contact schema (`None` while it loads). A component mounted on its own (a test) reads
/// one for itself.
pub fn use_contact_schema() -> Signal<Option<ContactSchema>> {
    let read = use_context::<SchemaRead>().map(|r| r.0).filter(|r| !r.is_disposed()).unwrap_or_else(read_schema);
    Signal::derive(move || read.with(|answer| answer.map(|a| a.clone().unwrap_or_else(|_| ContactSchema::builtin()))))
}
