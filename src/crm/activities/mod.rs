//! Creating activities and cases from the "+" menu beside the contact's name: the [`AddMenu`]
//! and the [`ActivityForm`] of each record type, pre-filled from the live interaction. Rules in
//! [`model`].

mod activity_form;
mod add_menu;
pub mod draft;
pub mod model;

pub use activity_form::ActivityForm;
pub use add_menu::AddMenu;
