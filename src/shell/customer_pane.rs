//! `CustomerPane`: below the header of an interaction with a customer, in a native-CRM tenant —
//! the open contact, the new contact being created, or what the identity match found: a picker
//! when several share the identifier, a "Create contact" prompt when nobody has it, and the
//! identifier's own history in both cases.

use c360_wire::Identity;
use leptos::prelude::*;

use crate::api::{ApiError, Versioned, use_crm};
use crate::contact::NewContactForm;
use crate::contact::model::draft::create_key;
use crate::contact::model::form::prefill;
use crate::crm::activities::model::InteractionFacts;
use crate::crm::screen_pop::model::{Matches, no_match_text};
use crate::crm::screen_pop::{ContactPane, MatchCache, MatchPicker};
use crate::history::CustomerHistory;
use crate::host::{Desk, Record};
use crate::ui::explain;

/// The native CRM's part of a customer interaction.
#[component]
pub fn CustomerPane(
    /// The interaction.
    interaction_id: String,
    /// Its customer's identifier.
    identity: Identity,
    /// The desk (what is open for the interaction).
    desk: RwSignal<Desk>,
    /// What the identity match found (`None` while it runs).
    #[prop(into)]
    matches: Signal<Option<Result<Matches, ApiError>>>,
    /// The picker's element id (the header's badge controls it).
    picker_id: String,
    /// Whether the picker is shown over an open contact.
    #[prop(into)]
    picker_open: Signal<bool>,
    /// Called once the agent picked or created a contact (the picker closes, focus follows).
    on_opened: Callback<()>,
    /// Asks the identity match again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let tenant = use_crm().get().tenant_id();
    let cache = use_context::<MatchCache>();
    let record = Memo::new(move |_| desk.with(|d| d.record().clone()));
    let open_contact = Signal::derive(move || match record.get() {
        Record::Contact(id) => Some(id),
        _ => None,
    });
    let pick = Callback::new(move |id: String| {
        desk.maybe_update(|d| d.open_contact(&id));
        on_opened.run(());
    });
    let picker = {
        let picker_id = picker_id.clone();
        move || match matches.get() {
            Some(Ok(Matches::Several(contacts))) => {
                Some(view! { <MatchPicker contacts open=open_contact id=picker_id.clone() on_pick=pick/> })
            }
            _ => None,
        }
    };
    let create_for = identity.clone();
    // An interaction opened by link has no host id: nothing to link records to.
    let live = Memo::new(move |_| desk.with(|d| d.shown().and_then(InteractionFacts::of)));
    let new_contact = Callback::new(move |()| {
        desk.maybe_update(|d| d.create_contact(""));
    });
    let identity_history = identity.clone();

    move || match record.get() {
        Record::Contact(contact_id) => {
            let picker = picker.clone();
            view! {
                {move || picker_open.get().then(picker.clone())}
                <ContactPane contact_id interaction=live on_new_contact=new_contact/>
            }
            .into_any()
        }
        Record::New(seed) => {
            let identity_for_cache = create_for.clone();
            let on_created = Callback::new(move |v: Versioned| {
                if let Some(cache) = cache {
                    cache.forget(&identity_for_cache);
                }
                desk.maybe_update(|d| d.open_contact(&v.contact.contact_id));
                on_opened.run(());
            });
            view! {
                <NewContactForm
                    start=prefill(Some(&create_for), &seed)
                    key=create_key(&tenant, &interaction_id)
                    on_created
                    on_open=pick
                    on_cancel=Callback::new(move |()| { desk.maybe_update(|d| d.close_record()); })
                />
                <CustomerHistory identity=identity_history.clone()/>
            }
            .into_any()
        }
        Record::Matched => {
            let found = match matches.get() {
                // One contact opens by itself (the desk is told as the answer comes in).
                None | Some(Ok(Matches::One(_))) => return matching().into_any(),
                Some(Ok(Matches::Several(_))) => picker.clone()().into_any(),
                Some(Ok(Matches::None)) => {
                    let text = no_match_text(&identity);
                    view! {
                        <div class="notice match-none" data-testid="no-match">
                            <p class="notice-headline">{text}</p>
                            <button type="button" class="button" data-testid="create-contact"
                                on:click=move |_| { desk.maybe_update(|d| d.create_contact("")); }>
                                <span aria-hidden="true">"+ "</span>"Create contact"
                            </button>
                        </div>
                    }
                    .into_any()
                }
                Some(Err(error)) => {
                    let (headline, advice) = explain(&error, "contacts for this customer");
                    let retry = error.is_retryable().then(|| {
                        view! {
                            <button type="button" class="button button--small" data-testid="match-retry"
                                on:click=move |_| on_retry.run(())>"Try again"</button>
                        }
                    });
                    view! {
                        <div class="notice" data-testid="match-failed">
                            <p class="notice-headline">{headline}</p>
                            <p class="notice-advice">{advice}" Their history by this identifier is below."</p>
                            {retry}
                        </div>
                    }
                    .into_any()
                }
            };
            view! { {found} <CustomerHistory identity=identity_history.clone()/> }.into_any()
        }
    }
}

/// While the identity match runs: the card's place held.
fn matching() -> impl IntoView {
    view! {
        <div class="contact-card contact-card--loading" aria-hidden="true" data-testid="matching">
            <span class="skeleton-line skeleton-line--short"></span>
            <span class="skeleton-line"></span>
        </div>
    }
}
