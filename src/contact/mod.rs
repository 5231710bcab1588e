//! Who the customer is: the [`CustomerHeader`] (the identifier, readable at a glance); in
//! identity-only workspaces the [`LimitedProfile`]; with native CRM the [`ContactCard`] (the
//! record, in the tenant's layout) with its [`ContactEditor`], and the
//! [`NewContactForm`]. Rules in [`model`]; the layout in
//! [`schema`]; drafts in [`draft_store`].

mod conflict_choice;
mod contact_card;
mod contact_editor;
mod contact_fields;
mod contact_view;
mod copy_button;
mod customer_header;
pub mod draft_store;
mod duplicate_prompt;
mod form_input;
mod form_state;
mod limited_profile;
mod list_input;
mod local_time;
pub mod model;
mod new_contact_form;
pub mod schema;

pub use conflict_choice::ConflictChoice;
pub use contact_card::ContactCard;
pub use contact_editor::ContactEditor;
pub use contact_fields::ContactFields;
pub use contact_view::ContactView;
pub use copy_button::CopyButton;
pub use customer_header::{CardName, CustomerHeader};
pub use duplicate_prompt::DuplicatePrompt;
pub use form_input::{FormInput, FormSelect};
pub use form_state::{FormFailure, FormState, focus_input};
pub use limited_profile::LimitedProfile;
pub use list_input::{ListInput, ListKind};
pub use local_time::LocalTime;
pub use new_contact_form::NewContactForm;
pub use schema::{ContactSchema, use_contact_schema};
