//! `ContactPane`: an open contact — its card with the "+" menu beside the name, the create form
//! the menu opened, its related records relative to the live interaction, and below them the
//! contact's whole history (every interaction linked to it and from any of its phones and emails).

use c360_wire::Identity;
use c360_wire::crm::ActivityType;
use leptos::prelude::*;

use crate::contact::ContactCard;
use crate::crm::activities::model::InteractionFacts;
use crate::crm::activities::{ActivityForm, AddMenu};
use crate::crm::related::{RelatedRecords, RelatedReload};
use crate::history::CustomerHistory;

/// The card, create forms, related records and history of `contact_id`.
#[component]
pub fn ContactPane(
    /// Which contact.
    contact_id: String,
    /// The live interaction, if one is shown (forms start from it; records are New / Linked /
    /// Suggested to it).
    #[prop(optional, into)]
    interaction: Signal<Option<InteractionFacts>>,
    /// The menu's "New contact".
    #[prop(optional)]
    on_new_contact: Option<Callback<()>>,
) -> impl IntoView {
    // One an ancestor provides (auto log reloads it too), else its own.
    provide_context(use_context::<RelatedReload>().unwrap_or_default());
    let adding = RwSignal::new(None::<ActivityType>);
    let (said, say) = signal(String::new());
    // Built first though shown last, so its request leaves first: the history is what an agent
    // reads first when a call pops, and the card's and related records' requests do not hold it
    // up (docs/performance.md, issue 14).
    let history = view! { <CustomerHistory identity=Identity::Contact { contact_id: contact_id.clone() }/> };
    let on_pick = Callback::new(move |kind: Option<ActivityType>| match kind {
        Some(kind) => {
            say.set(String::new());
            adding.set(Some(kind));
        }
        None => {
            if let Some(new_contact) = on_new_contact {
                new_contact.run(());
            }
        }
    });
    let on_done = Callback::new(move |done: Option<String>| {
        adding.set(None);
        say.set(done.unwrap_or_default());
    });
    let actions = ViewFn::from(move || view! { <AddMenu on_pick/> });
    let ids = Signal::derive(move || interaction.with(|i| i.as_ref().map(|f| f.id.clone())));
    let form = {
        let contact_id = contact_id.clone();
        move || {
            adding.get().map(|kind| {
                let facts = interaction.get_untracked();
                view! { <ActivityForm kind contact_id=contact_id.clone() facts on_done/> }
            })
        }
    };
    view! {
        <ContactCard contact_id=contact_id.clone() actions/>
        {form}
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="activity-status">{said}</p>
        <RelatedRecords contact_id interaction=ids/>
        {history}
    }
}
