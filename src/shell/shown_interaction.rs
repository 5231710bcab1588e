//! `ShownInteraction`: what the panel shows for the interaction in focus — the customer's header,
//! limited profile (identity-only) and history, or a calm notice when there is no customer.

use c360_wire::Identity;
use leptos::html::Div;
use leptos::prelude::*;

use super::ScreenPopOff;
use crate::contact::CustomerHeader;
use crate::history::CustomerHistory;
use crate::host::{Desk, Live, Subject};
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

/// Renders the desk's shown interaction. Switching between two customers keeps the same views
/// (only the identity changes, and a customer seen before comes from the cache). With screen pop
/// off, a customer's history waits for the agent's "Show history"; nothing is requested before.
#[component]
pub fn ShownInteraction(
    /// The live interactions and the focused one; it must know the tenant's screen-pop setting
    /// (`SignedIn` gives it before rendering this).
    desk: RwSignal<Desk>,
    /// Identity-only workspace (no native CRM).
    limited: bool,
    /// Bumped when the host changes language or time zone: dates are formatted again.
    #[prop(into)]
    look: Signal<u32>,
) -> impl IntoView {
    let kind = Memo::new(move |_| {
        desk.with(|d| match d.shown().map(|l| &l.subject) {
            None => Kind::Idle,
            Some(Subject::Customer(_)) => Kind::Customer,
            Some(Subject::Internal) => Kind::Internal,
            Some(Subject::Unidentified) => Kind::Unidentified,
        })
    });
    // Keyed by interaction as well as identity: a new call from the customer on screen reloads
    // their history (the start dropped it from the cache), while a focus switch is served cached.
    // Two of them: who is on screen (the header), and whose history may be loaded. The second
    // stays put while a customer waits for "Show history", so nothing is requested for them.
    let keyed = |live: Option<(&Live, &Identity)>, previous: Option<&(String, Identity)>| match live {
        Some((l, identity)) => (l.id.clone(), identity.clone()),
        None => previous.cloned().unwrap_or_else(|| (String::new(), Identity::Phone { phone_number: String::new() })),
    };
    let on_screen =
        Memo::new(move |previous: Option<&(String, Identity)>| desk.with(|d| keyed(d.shown_customer(), previous)));
    let looked_up =
        Memo::new(move |previous: Option<&(String, Identity)>| desk.with(|d| keyed(d.looked_up(), previous)));
    let shown_identity = Signal::derive(move || on_screen.with(|c| c.1.clone()));
    let identity = Signal::derive(move || looked_up.with(|c| c.1.clone()));
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
            <CustomerHeader identity=shown_identity context=label ended/>
            <div class="customer-body" tabindex="-1" node_ref=body>
                {move || {
                    if waiting.get() {
                        return view! { <ScreenPopOff on_open=open/> }.into_any();
                    }
                    look.track();
                    view! { <CustomerHistory identity limited/> }.into_any()
                }}
            </div>
        }
        .into_any(),
    }
}
