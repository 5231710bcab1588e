//! `ScreenPopOff`: with screen pop off, the panel says who the interaction is with but opens the
//! customer's history only when the agent asks.

use leptos::prelude::*;

/// Why the history is not open yet, and the one button that opens it.
#[component]
pub fn ScreenPopOff(
    /// Called when the agent asks for the history.
    on_open: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="notice" data-testid="screen-pop-off">
            <p class="notice-headline">"Screen pop is off in this workspace"</p>
            <p class="notice-advice">"The customer's history opens only when you ask for it."</p>
            <button type="button" class="button" data-testid="show-history" on:click=move |_| on_open.run(())>
                "Show history"
            </button>
        </div>
    }
}
