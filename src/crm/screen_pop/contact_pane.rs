//! `ContactPane`: an open contact — its card, and below it the contact's whole history (every
//! interaction linked to it and from any of its phones and emails).

use c360_wire::Identity;
use leptos::prelude::*;

use crate::contact::ContactCard;
use crate::history::CustomerHistory;

/// The card and history of `contact_id`.
#[component]
pub fn ContactPane(
    /// Which contact.
    contact_id: String,
) -> impl IntoView {
    let identity = Identity::Contact { contact_id: contact_id.clone() };
    view! {
        <ContactCard contact_id/>
        <CustomerHistory identity/>
    }
}
