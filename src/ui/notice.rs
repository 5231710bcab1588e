//! `Notice`: a calm explanation of why the panel shows no customer (not an error).

use leptos::prelude::*;

/// A headline and one sentence of advice.
#[component]
pub fn Notice(
    /// What the agent sees first.
    headline: &'static str,
    /// Why, and what (if anything) to do.
    advice: &'static str,
    /// `data-testid` for tests.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="notice" data-testid=testid>
            <p class="notice-headline">{headline}</p>
            <p class="notice-advice">{advice}</p>
        </div>
    }
}
