//! `TopicsCloud`: the customer's recurring topics, each a filter toggle.

use c360_wire::Insights;
use leptos::prelude::*;

/// Recurring topics as toggle buttons (stub, to be completed).
#[component]
pub fn TopicsCloud(
    /// Insights of the response (`None` = tenant without Speech Analytics).
    #[prop(into)]
    insights: Signal<Option<Insights>>,
    /// The topic currently filtering the timeline, if any.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// Called with the topic toggled on (`Some`) or off (`None`).
    on_select: Callback<Option<String>>,
) -> impl IntoView {
    let _ = (insights, selected, on_select);
    view! { <div data-testid="topics-cloud"></div> }
}
