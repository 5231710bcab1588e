//! `MatchBadge`: "3 contacts share this number" on the interaction's header; it shows or hides
//! the picker once a contact is open.

use leptos::prelude::*;

/// The count badge, a button that toggles the picker it controls.
#[component]
pub fn MatchBadge(
    /// "3 contacts share this number".
    text: String,
    /// The picker's element id.
    controls: String,
    /// Whether the picker is shown.
    #[prop(into)]
    expanded: Signal<bool>,
    /// Called when the agent shows or hides the picker.
    on_toggle: Callback<()>,
) -> impl IntoView {
    view! {
        <button type="button" class="match-badge" data-testid="match-badge" aria-controls=controls
            aria-expanded=move || if expanded.get() { "true" } else { "false" }
            on:click=move |_| on_toggle.run(())>
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" fill="none"
                stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                <circle cx="9" cy="8" r="3"/><path d="M3 19a6 6 0 0 1 12 0M16 5a3 3 0 0 1 0 6M21 19a6 6 0 0 0-4-5.6"/>
            </svg>
            {text}
        </button>
    }
}
