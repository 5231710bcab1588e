//! Contacts for the native CRM: a deterministic generator of realistic people (names with their
//! accents, companies, titles, account IDs, phones of their country, emails on several domains,
//! addresses; some with two phones or emails) for `seed --contacts N`, and the demo tenant's
//! contacts built from the demo customers.

mod countries;
mod demo;
mod generate;
mod phones;
#[cfg(test)]
mod tests;

pub use demo::{GENERATED as DEMO_GENERATED_CONTACTS, HOUSEHOLD_LANDLINE, NEW_CALLER, demo_contacts, unlinked_history};
pub use generate::{contact as generated_contact, contact_id as generated_contact_id};
pub use phones::DISTINCT_UP_TO;
