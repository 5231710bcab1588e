//! The native CRM in the panel: [`search`] (find a contact as you type) and [`screen_pop`] (who
//! the interaction is with: one contact, a pick among several, or none yet). The contact record
//! itself lives in [`crate::contact`].

pub mod screen_pop;
pub mod search;
