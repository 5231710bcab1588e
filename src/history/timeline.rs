//! `Timeline`: the customer's interactions, newest first, under day headings.

use c360_wire::Interaction;
use leptos::prelude::*;

use super::TimelineRow;
use super::days::{day_heading, day_label, group_by_day};
use crate::intl::use_intl;

/// The customer's interactions, newest first, grouped under day headings (Today, Yesterday, a
/// weekday, then dates) in the agent's time zone and language.
#[component]
pub fn Timeline(
    /// The interactions to show (any order; sorted newest first here).
    #[prop(into)]
    interactions: Signal<Vec<Interaction>>,
    /// What the empty state says (it depends on whether filters are set).
    #[prop(into, default = Signal::stored("No interactions in the last 12 months".to_owned()))]
    empty_text: Signal<String>,
) -> impl IntoView {
    let intl = use_intl();
    // Re-run when the agent's time zone changes (days may regroup); a language change alone gives
    // equal groups, so the rows are left as they are and only the headings' text changes.
    let groups = Memo::new(move |_| {
        let mut list = interactions.get();
        c360_wire::order::sort_small_by_key(&mut list, |i| std::cmp::Reverse(i.started_at));
        intl.with(|f| group_by_day(list, |i| f.local_day(i.started_at)))
    });

    view! {
        <Show
            when=move || groups.with(|g| !g.is_empty())
            fallback=move || view! { <p class="empty-state" data-testid="timeline-empty">{empty_text}</p> }
        >
            <div class="timeline" data-testid="timeline">
                {move || groups.get().into_iter().map(|group|
                    {
                        let day = group.day;
                        let heading = move || intl.with(|f| day_heading(day_label(day, f.today()), f));
                        let heading_id = format!("day-{}", group.day);
                        let labelled_by = heading_id.clone();
                        view! {
                            <section class="timeline-day" aria-labelledby=labelled_by>
                                <h3 class="timeline-day-heading" id=heading_id data-testid="day-heading">{heading}</h3>
                                <ol class="timeline-list">
                                    {group.items.into_iter().map(|interaction| view! { <TimelineRow interaction/> }).collect_view()}
                                </ol>
                            </section>
                        }
                    }).collect_view()}
            </div>
        </Show>
    }
}
