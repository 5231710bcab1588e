//! `ContactPane`: an open contact — its card, its related records relative to the live
//! interaction, and below them the contact's whole history (every interaction linked to it and
//! from any of its phones and emails).

use c360_wire::Identity;
use leptos::prelude::*;

use crate::contact::ContactCard;
use crate::crm::related::{RelatedRecords, RelatedReload};
use crate::history::CustomerHistory;

/// The card, related records and history of `contact_id`.
#[component]
pub fn ContactPane(
    /// Which contact.
    contact_id: String,
    /// The live interaction's id, if one is shown (records are New / Linked / Suggested to it).
    #[prop(optional, into)]
    interaction: Signal<Option<String>>,
) -> impl IntoView {
    provide_context(RelatedReload::new());
    let identity = Identity::Contact { contact_id: contact_id.clone() };
    view! {
        <ContactCard contact_id=contact_id.clone()/>
        <RelatedRecords contact_id interaction/>
        <CustomerHistory identity/>
    }
}
