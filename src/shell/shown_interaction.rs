//! `ShownInteraction`: what the panel shows for the interaction in focus — the customer's header,
//! limited profile (identity-only) and history, or a calm notice when there is no customer. In a
//! native-CRM tenant it hands over to [`NativeInteraction`].

use c360_wire::Identity;
use leptos::html::Div;
use leptos::prelude::*;

use super::{NativeInteraction, ScreenPopOff};
use crate::contact::CustomerHeader;
use crate::history::CustomerHistory;
use crate::host::{Desk, Live, Subject};
use crate::ui::Notice;

/// Who the shown interaction is with, as far as the panel shows it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Idle,
    Customer,
    Internal,
    Unrouted,
    Unidentified,
}

impl Kind {
    /// The kind of the shown interaction (`None`: nothing shown).
    pub(super) fn of(shown: Option<&Live>) -> Self {
        match shown.map(|l| &l.subject) {
            None => Kind::Idle,
            Some(Subject::Customer(_)) => Kind::Customer,
            Some(Subject::Internal) => Kind::Internal,
            Some(Subject::Unrouted) => Kind::Unrouted,
            Some(Subject::Unidentified) => Kind::Unidentified,
        }
    }

    /// The calm explanation shown instead of a customer (headline, advice, test id); `None` for
    /// a customer.
    pub(super) fn notice(self) -> Option<(&'static str, &'static str, &'static str)> {
        match self {
            Kind::Customer => None,
            Kind::Idle => Some((
                "No customer yet",
                "The customer's history appears here when an interaction starts.",
                "idle-notice",
            )),
            Kind::Internal => Some((
                "No customer context for internal calls",
                "Calls between agents and directory calls are not looked up, so there is no customer history to show.",
                "internal-notice",
            )),
            Kind::Unrouted => Some((
                "Direct call: not matched to a customer",
                "Calls that reach you directly, not through a queue, are not looked up by design, so no customer history is shown for them.",
                "unrouted-notice",
            )),
            Kind::Unidentified => Some((
                "No customer details for this interaction",
                "The workspace did not share a phone number or email address for it, so there is no history to look up.",
                "unidentified-notice",
            )),
        }
    }
}

/// What both deployment models read of the shown interaction.
pub(super) struct Shown {
    /// Who it is with.
    pub kind: Memo<Kind>,
    /// Who is on screen, for the header (kept while the shown interaction has no customer, so the
    /// header never reads an empty identity on its way out).
    pub on_screen: Memo<Identity>,
    /// Whose history is open, keyed by interaction as well as identity: a new call from the
    /// customer on screen mounts their history afresh (the start dropped it from the cache), a
    /// focus switch back is served from the cache. `None` while the customer waits for "Show
    /// history", so nothing is requested for them.
    pub looked_up: Memo<Option<(String, Identity)>>,
    /// "Call · inbound" and the like.
    pub label: Signal<String>,
    /// The interaction has ended.
    pub ended: Signal<bool>,
    /// Screen pop is off and the agent has not asked yet.
    pub waiting: Memo<bool>,
    /// The history's container stays mounted: "Show history" moves focus to it, so keyboard and
    /// screen-reader users land where the history appears instead of on the vanished button.
    pub body: NodeRef<Div>,
    /// The agent's "Show history".
    pub open_history: Callback<()>,
}

impl Shown {
    /// The shown interaction of `desk`, read for rendering.
    pub(super) fn of(desk: RwSignal<Desk>) -> Self {
        let body = NodeRef::<Div>::new();
        Self {
            kind: Memo::new(move |_| desk.with(|d| Kind::of(d.shown()))),
            on_screen: Memo::new(move |previous: Option<&Identity>| {
                desk.with(|d| d.shown_customer().map(|(_, identity)| identity.clone()))
                    .or_else(|| previous.cloned())
                    .unwrap_or_else(|| Identity::Phone { phone_number: String::new() })
            }),
            looked_up: Memo::new(move |_| {
                desk.with(|d| d.looked_up().map(|(live, identity)| (live.id.clone(), identity.clone())))
            }),
            label: Signal::derive(move || desk.with(|d| d.shown().map(|l| l.label()).unwrap_or_default())),
            ended: Signal::derive(move || desk.with(|d| d.shown().is_some_and(|l| l.ended))),
            waiting: Memo::new(move |_| desk.with(Desk::waits_for_agent)),
            body,
            open_history: Callback::new(move |()| {
                desk.maybe_update(|d| d.ask_for_shown());
                if let Some(body) = body.get_untracked() {
                    let _ = body.focus();
                }
            }),
        }
    }
}

/// Renders the desk's shown interaction: the customer's header, and their history mounted for
/// that interaction (a customer seen moments ago comes from the cache). With screen pop off, a
/// customer's history waits for the agent's "Show history"; nothing is requested before. This is
/// the identity-only workspace's view (with its limited profile); a native-CRM tenant gets the
/// [`NativeInteraction`].
#[component]
pub fn ShownInteraction(
    /// The live interactions and the focused one; it must know the tenant's screen-pop setting
    /// (`SignedIn` gives it before rendering this).
    desk: RwSignal<Desk>,
    /// Identity-only workspace (no native CRM).
    limited: bool,
) -> impl IntoView {
    if !limited {
        return view! { <NativeInteraction desk/> }.into_any();
    }
    let Shown { kind, on_screen, looked_up, label, ended, waiting, body, open_history: open } = Shown::of(desk);

    (move || match kind.get().notice() {
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
    })
    .into_any()
}
