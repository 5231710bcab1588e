//! `NativeInteraction`: the shown interaction in a native-CRM tenant — the customer's header (with
//! a count badge when several contacts share the identifier) above the [`CustomerPane`]; a contact
//! or new contact the agent opened without a customer interaction; else the calm notices.

use c360_wire::Identity;
use c360_wire::crm::ContactList;
use leptos::prelude::*;

use super::shown_interaction::{Kind, Shown};
use super::{CustomerPane, ScreenPopOff};
use crate::api::{ApiClient, ApiError, Lookup, Versioned, use_crm};
use crate::contact::model::draft::create_key;
use crate::contact::model::form::prefill;
use crate::contact::{CardName, CustomerHeader, NewContactForm};
use crate::crm::auto_log;
use crate::crm::related::RelatedReload;
use crate::crm::screen_pop::model::{Matches, badge_text};
use crate::crm::screen_pop::{ContactPane, MatchBadge, MatchCache};
use crate::history::InsightsCache;
use crate::host::{Desk, Record};
use crate::ui::Notice;
use crate::ui::ids::unique_id;

/// What fills the panel below the search box.
#[derive(Clone, PartialEq)]
enum Shows {
    /// A calm notice (no customer, nothing opened).
    Notice(Kind),
    /// A contact or new contact the agent opened with no customer interaction.
    Record,
    /// An interaction with a customer.
    Customer,
}

/// Renders the desk's shown interaction for a native-CRM tenant. The identity match runs once the
/// customer may be looked up (at once with screen pop, after "Show history" without); a single
/// match opens that contact for the interaction, and the answer is kept for a switch back.
#[component]
pub fn NativeInteraction(
    /// The live interactions and the focused one (with the tenant's screen-pop setting).
    desk: RwSignal<Desk>,
) -> impl IntoView {
    let crm = use_crm();
    let cache = use_context::<MatchCache>().unwrap_or_default();
    let insights = use_context::<InsightsCache>().unwrap_or_default();
    let client = expect_context::<ApiClient>();
    let Shown { kind, on_screen, looked_up, label, ended, waiting, body, open_history } = Shown::of(desk);
    let record = Memo::new(move |_| desk.with(|d| d.record().clone()));
    // The open contact's name, for the header (its card sets it).
    provide_context(CardName(RwSignal::new(None)));
    let shows = Memo::new(move |_| match (kind.get(), record.get()) {
        (Kind::Customer, _) => Shows::Customer,
        (other, Record::Matched) => Shows::Notice(other),
        (_, _) => Shows::Record,
    });
    let interaction = Memo::new(move |_| desk.with(|d| d.shown().map(|l| l.id.clone()).unwrap_or_default()));
    provide_context(RelatedReload::new());
    let auto_log = auto_log::watch(desk);

    let answers: Lookup<Option<ContactList>> = Lookup::new(
        move || looked_up.get(),
        move |who, abort| {
            let ask =
                who.as_ref().filter(|(_, i)| cache.get(i).is_none()).map(|(_, i)| crm.get().match_contacts(i, abort));
            let client = client.clone();
            async move {
                let Some((id, identity)) = who else { return Ok(None) };
                let answer = match ask {
                    Some(ask) => ask.await,
                    None => cache.get(&identity).unwrap_or(Ok(ContactList::default())),
                };
                if matches!(answer, Err(ApiError::Aborted)) {
                    return Err(ApiError::Aborted);
                }
                cache.put(identity, &answer);
                if let Ok(ContactList { contacts, .. }) = &answer
                    && let [one] = contacts.as_slice()
                {
                    // The contact's history is asked for now, before the pane that shows it
                    // mounts: its answer is not held up by the shell's re-render or queued
                    // behind the card's and related records' (docs/performance.md, issue 14).
                    if desk.with_untracked(|d| d.record() == &Record::Matched) {
                        insights.fetch_ahead(&client, Identity::Contact { contact_id: one.contact_id.clone() });
                    }
                    desk.maybe_update(|d| d.matched_one(&id, &one.contact_id));
                }
                answer.map(Some)
            }
        },
    );
    // A kept answer shows at once (a switch back does not flash); a fresh one when it comes.
    let matches = Memo::new(move |_| {
        let fresh = answers.with(|r| r.cloned());
        let answer = match fresh {
            Some(answer) => answer,
            None => looked_up.with(|w| w.as_ref().and_then(|(_, i)| cache.get(i)).map(|r| r.map(Some)))?,
        };
        answer.map(|list| list.map(|l| Matches::of(&l))).transpose()
    });
    // The header keeps the name's line while one is expected: the match is running, or its
    // contact's card is loading (a new call's header does not grow under the agent's eyes).
    let name_pending = Signal::derive(move || match record.get() {
        Record::Contact(_) => true,
        Record::Matched => looked_up.with(Option::is_some) && matches.with(Option::is_none),
        Record::New(_) => false,
    });
    let picker_id = unique_id("match-picker");
    let picker_for = RwSignal::new(None::<String>);
    let picker_open = Signal::derive(move || picker_for.get().is_some_and(|id| id == interaction.get()));
    let toggle_picker = Callback::new(move |()| {
        let open = picker_open.get_untracked();
        picker_for.set((!open).then(|| interaction.get_untracked()));
    });
    // A contact just picked or created replaces the button or form that had focus: focus goes to
    // where it now shows, so keyboard and screen-reader users are not left at the page's top.
    let opened_one = Callback::new(move |()| {
        picker_for.set(None);
        request_animation_frame(move || {
            if let Some(body) = body.try_get_untracked().flatten() {
                let _ = body.focus();
            }
        });
    });

    let badge = {
        let picker_id = picker_id.clone();
        move || {
            let text = matches.with(|m| match (m, looked_up.with(|w| w.as_ref().map(|(_, i)| i.clone()))) {
                (Some(Ok(m)), Some(identity)) => badge_text(m, &identity),
                _ => None,
            })?;
            Some(match record.get() {
                Record::Contact(_) => {
                    view! { <MatchBadge text controls=picker_id.clone() expanded=picker_open on_toggle=toggle_picker/> }
                        .into_any()
                }
                _ => view! { <span class="match-badge" data-testid="match-badge">{text}</span> }.into_any(),
            })
        }
    };
    let pane = {
        let picker_id = picker_id.clone();
        move || match (waiting.get(), looked_up.get()) {
            (true, _) => view! { <ScreenPopOff on_open=open_history/> }.into_any(),
            (false, Some((interaction_id, identity))) => view! {
                <CustomerPane
                    interaction_id
                    identity
                    desk
                    matches
                    picker_id=picker_id.clone()
                    picker_open
                    on_opened=opened_one
                    on_retry=Callback::new(move |()| answers.retry())
                />
            }
            .into_any(),
            (false, None) => ().into_any(),
        }
    };
    let opened = move || match record.get() {
        Record::Contact(contact_id) => {
            let on_new_contact = Callback::new(move |()| {
                desk.maybe_update(|d| d.create_contact(""));
            });
            view! { <ContactPane contact_id on_new_contact/> }.into_any()
        }
        Record::New(seed) => {
            let key = create_key(&crm.get().tenant_id(), &interaction.get_untracked());
            let open = Callback::new(move |id: String| {
                desk.maybe_update(|d| d.open_contact(&id));
            });
            let on_created = Callback::new(move |v: Versioned| {
                open.run(v.contact.contact_id);
                opened_one.run(());
            });
            let on_cancel = Callback::new(move |()| {
                desk.maybe_update(|d| d.close_record());
            });
            view! { <NewContactForm start=prefill(None, &seed) key on_created on_open=open on_cancel/> }.into_any()
        }
        Record::Matched => ().into_any(),
    };

    move || match shows.get() {
        Shows::Notice(kind) => match kind.notice() {
            Some((headline, advice, testid)) => view! { <Notice headline advice testid/> }.into_any(),
            None => ().into_any(),
        },
        Shows::Record => view! {
            {auto_log.status(move || interaction.get())}
            <div class="customer-body" tabindex="-1" node_ref=body>{opened}</div>
        }
        .into_any(),
        Shows::Customer => {
            let (badge, pane) = (badge.clone(), pane.clone());
            view! {
                <CustomerHeader identity=on_screen context=label ended name_pending>
                    {badge}
                    {auto_log.status(move || interaction.get())}
                </CustomerHeader>
                <div class="customer-body" tabindex="-1" node_ref=body>{pane}</div>
            }
            .into_any()
        }
    }
}
