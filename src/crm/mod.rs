//! The native CRM in the panel: [`search`] (find a contact as you type), [`screen_pop`] (who
//! the interaction is with: one contact, a pick among several, or none yet) [`related`] (the
//! contact's activities relative to the interaction) and [`activities`] (the "+" menu's forms). The contact record
//! itself lives in [`crate::contact`].

pub mod activities;
pub mod auto_log;
pub mod related;
pub mod screen_pop;
pub mod search;
