//! `ShownInteraction`: what the panel shows for the interaction in focus — the customer's header,
//! limited profile (identity-only) and history, or a calm notice when there is no customer.

use c360_wire::Identity;
use leptos::html::Div;
use leptos::prelude::*;

use super::ScreenPopOff;
use crate::contact::CustomerHeader;
use crate::history::CustomerHistory;
use crate::host::{Desk, Subject};
use crate::ui::Notice;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Idle,
    Customer,
    Internal,
    Unidentified,
}

impl Kind {
    /// The calm explanation shown instead of a customer (headline, advice, test id); `None` for
    /// a customer.
    fn notice(self) -> Option<(&'static str, &'static str, &'static str)> {
        match self {
            Kind::Customer => None,
            Kind::Idle => Some((
                "No customer yet",
                "The customer's history appears here when an interaction starts.",
                "idle-notice",
            )),
            Kind::Internal => Some((
                "No customer context for internal calls",
                "Agent-to-agent, directory and unrouted calls are not looked up, so there is no customer history to show.",
                "internal-notice",
            )),
            Kind::Unidentified => Some((
                "No customer details for this interaction",
                "The workspace did not share a phone number or email address for it, so there is no history to look up.",
                "unidentified-notice",
            )),
        }
    }
}

/// Renders the desk's shown interaction: the customer's header, and their history mounted for
/// that interaction (a customer seen moments ago comes from the cache). With screen pop off, a
/// customer's history waits for the agent's "Show history"; nothing is requested before.
#[component]
pub fn ShownInteraction(
    /// The live interactions and the focused one; it must know the tenant's screen-pop setting
    /// (`SignedIn` gives it before rendering this).
    desk: RwSignal<Desk>,
    /// Identity-only workspace (no native CRM).
    limited: bool,
) -> impl IntoView {
    let kind = Memo::new(move |_| {
        desk.with(|d| match d.shown().map(|l| &l.subject) {
            None => Kind::Idle,
            Some(Subject::Customer(_)) => Kind::Customer,
            Some(Subject::Internal) => Kind::Internal,
            Some(Subject::Unidentified) => Kind::Unidentified,
        })
    });
    // Who is on screen, for the header (kept while the shown interaction has no customer, so the
    // header never reads an empty identity on its way out).
    let on_screen = Memo::new(move |previous: Option<&Identity>| {
        desk.with(|d| d.shown_customer().map(|(_, identity)| identity.clone()))
            .or_else(|| previous.cloned())
            .unwrap_or_else(|| Identity::Phone { phone_number: String::new() })
    });
    // Whose history is open, keyed by interaction as well as identity: a new call from the
    // customer on screen mounts their history afresh (the start dropped it from the cache), a
    // focus switch back is served from the cache. `None` while the customer waits for "Show
    // history", so nothing is requested for them.
    let looked_up =
        Memo::new(move |_| desk.with(|d| d.looked_up().map(|(live, identity)| (live.id.clone(), identity.clone()))));
    let label = Signal::derive(move || desk.with(|d| d.shown().map(|l| l.label()).unwrap_or_default()));
    let ended = Signal::derive(move || desk.with(|d| d.shown().is_some_and(|l| l.ended)));
    let waiting = Memo::new(move |_| desk.with(Desk::waits_for_agent));
    // The history's container stays mounted: "Show history" moves focus to it, so keyboard and
    // screen-reader users land where the history appears instead of on the vanished button.
    let body = NodeRef::<Div>::new();
    let open = Callback::new(move |()| {
        desk.maybe_update(|d| d.ask_for_shown());
        if let Some(body) = body.get_untracked() {
            let _ = body.focus();
        }
    });

    move || match kind.get().notice() {
        Some((headline, advice, testid)) => view! { <Notice headline advice testid/> }.into_any(),
        None => view! {
            <CustomerHeader identity=on_screen context=label ended/>
            <div class="customer-body" tabindex="-1" node_ref=body>
                {move || match (waiting.get(), looked_up.get()) {
                    (true, _) => view! { <ScreenPopOff on_open=open/> }.into_any(),
                    (false, Some((_, identity))) => view! { <CustomerHistory identity limited/> }.into_any(),
                    (false, None) => ().into_any(),
                }}
            </div>
        }
        .into_any(),
    }
}
