//! `LimitedProfile`: the contact card of an identity-only workspace — what the history says about
//! an identifier, and a plain word on why there is no more.

use c360_wire::{Identity, Interaction};
use leptos::prelude::*;

use super::model::{ProfileFacts, counts_text, facts};
use crate::intl::{iso_instant, use_intl};

/// Channel counts, first and last contact, and the sentence that the full profile is not
/// available because the workspace has no native CRM. No create or edit controls.
#[component]
pub fn LimitedProfile(
    /// The identifier the history is matched by.
    #[prop(into)]
    identity: Signal<Identity>,
    /// The history (empty while loading).
    #[prop(into)]
    interactions: Signal<Vec<Interaction>>,
    /// `None` while the history loads; then whether it arrived.
    #[prop(into)]
    loaded: Signal<Option<bool>>,
) -> impl IntoView {
    let intl = use_intl();
    let facts = Signal::derive(move || interactions.with(|list| facts(list)));
    let history = move || {
        match loaded.get() {
            None => return "Loading…".to_owned(),
            Some(false) => return "Not available right now".to_owned(),
            Some(true) => {}
        }
        facts.with(|f| counts_text(&f.counts))
    };
    // With no history at all the history says so, once: the facts would only repeat it.
    let any = move || loaded.get() != Some(true) || interactions.with(|l| !l.is_empty());
    let date = move |pick: fn(&ProfileFacts) -> Option<i64>| {
        move || {
            facts.with(pick).map(|ms| {
                view! { <time datetime=iso_instant(ms)>{move || intl.with(|f| f.calendar_date(ms))}</time> }
            })
        }
    };
    let matched_by = move || match identity.get() {
        Identity::Email { .. } => "this email address",
        _ => "this phone number",
    };
    view! {
        <section class="profile profile--limited" aria-labelledby="profile-heading" data-testid="limited-profile">
            <h2 id="profile-heading" class="section-title">"Limited profile"</h2>
            {move || any().then(|| view! {
            <dl class="profile-facts">
                <div class="profile-fact">
                    <dt>{move || if interactions.with(Vec::len) >= c360_wire::MAX_INTERACTIONS { "The 50 most recent" } else { "Last 12 months" }}</dt>
                    <dd data-testid="profile-counts">{history}</dd>
                </div>
                {move || facts.with(|f| f.first_ms.is_some()).then(|| view! {
                    <div class="profile-fact">
                        <dt>"Oldest shown"</dt>
                        <dd data-testid="profile-first">{date(|f| f.first_ms)}</dd>
                    </div>
                    <div class="profile-fact">
                        <dt>"Last contact"</dt>
                        <dd data-testid="profile-last">{date(|f| f.last_ms)}</dd>
                    </div>
                })}
            </dl>
            })}
            <p class="profile-note" data-testid="identity-only-note">
                "This workspace has no native CRM, so there is no contact record: name, company and other
                details are not available here. History, mood and topics are matched by "
                {matched_by} " alone. This is how the workspace is set up, not a fault."
            </p>
        </section>
    }
}
