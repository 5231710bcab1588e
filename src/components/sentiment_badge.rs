//! `SentimentBadge`: the customer's recent mood.

use c360_wire::{Insights, Interaction};
use leptos::prelude::*;

/// The customer's recent sentiment (stub, to be completed).
#[component]
pub fn SentimentBadge(
    /// Insights of the response (`None` = tenant without Speech Analytics).
    #[prop(into)]
    insights: Signal<Option<Insights>>,
    /// The interactions of the response, newest first.
    #[prop(into)]
    interactions: Signal<Vec<Interaction>>,
) -> impl IntoView {
    let _ = (insights, interactions);
    view! { <div data-testid="sentiment-badge"></div> }
}
