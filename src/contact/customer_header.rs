//! `CustomerHeader`: who the agent is talking to, readable at a glance, and whether the
//! interaction has ended; and [`CardName`], the name the open contact card shows, which the
//! header keeps in view once the card has scrolled away.

use c360_wire::Identity;
use leptos::prelude::*;

use crate::intl::phone::readable_identity;
use crate::intl::use_intl;

/// The name the contact card under the header shows, while one does (native CRM): the shell
/// provides it, the card sets it as it reads and saves and clears it as it goes, so the header
/// never shows a name the card does not.
#[derive(Clone, Copy)]
pub struct CardName(pub RwSignal<Option<String>>);

/// The identifier (`+1 415 555 0100 · United States`, or the email), what kind of interaction it
/// is, and an "ended" mark once the host says so; kept at the top of the panel as the history
/// scrolls under it (`style/contact.css`).
#[component]
pub fn CustomerHeader(
    /// The customer's identifier.
    #[prop(into)]
    identity: Signal<Identity>,
    /// "Call · inbound" and the like.
    #[prop(into)]
    context: Signal<String>,
    /// The interaction has ended.
    #[prop(into)]
    ended: Signal<bool>,
    /// A name is on its way (native CRM: the identity match or the contact's card is loading):
    /// its line is kept, so nothing below moves when it comes.
    #[prop(optional, into)]
    name_pending: Signal<bool>,
    /// More about who it is (the native CRM's count badge).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let intl = use_intl();
    // `try_get`: the card's clearing can still reach the header as the shell goes (a new token).
    let card = use_context::<CardName>();
    let card_name = move || card.and_then(|CardName(name)| name.try_get().flatten());
    // A name on its way holds its line (a non-breaking space, drawn as a skeleton bar).
    let pending = move || name_pending.try_get() == Some(true) && card_name().is_none();
    let name = move || card_name().unwrap_or_else(|| if pending() { "\u{a0}".to_owned() } else { String::new() });
    // It stays at the top of the panel; what sticks below it reads its height.
    let node = NodeRef::new();
    crate::ui::measure::publish_height(node, "--c360-header-h");
    let shown = Signal::derive(move || {
        let readable = identity.with(readable_identity);
        (readable.text, readable.region.map(|r| intl.with(|f| f.region_name(r))))
    });
    view! {
        <div class="customer-header" node_ref=node>
            <p class="customer-label">{context}</p>
            <p class="customer-name" class:customer-name--pending=pending data-testid="customer-name">{name}</p>
            <p class="customer-identity" data-testid="customer-identity">{move || shown.with(|s| s.0.clone())}</p>
            {move || shown.with(|s| s.1.clone()).map(|region| view! {
                <p class="customer-region" data-testid="customer-region">{region}</p>
            })}
            {children.map(|c| c())}
            {move || ended.get().then(|| view! {
                <p class="interaction-ended" data-testid="interaction-ended">
                    <span aria-hidden="true">"■ "</span>"Interaction ended"
                </p>
            })}
        </div>
    }
}
