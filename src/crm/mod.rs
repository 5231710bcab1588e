//! The native CRM in the panel: [`search`] (find a contact as you type). The contact record itself
//! lives in [`crate::contact`].

pub mod search;
