//! `Timeline`: the customer's interactions, newest first, under day headings: the first screenful
//! at once, the older ones when the agent asks.

use c360_wire::Interaction;
use leptos::prelude::*;

use super::TimelineRow;
use super::days::{day_heading, day_label, group_by_day};
use crate::intl::use_intl;

/// How many rows show before "Show N older": a screenful at 360–480 px, and the part of the
/// render a slow desktop pays before the agent sees anything (docs/performance.md, issue 14).
pub const FIRST_ROWS: usize = 10;

/// The customer's interactions, newest first, grouped under day headings (Today, Yesterday, a
/// weekday, then dates) in the agent's time zone and language. The [`FIRST_ROWS`] newest show at
/// once; a "Show N older" button after them brings the rest and moves the focus to the first of
/// them, so the keyboard carries on where the list grew.
#[component]
pub fn Timeline(
    /// The interactions to show (any order; sorted newest first here).
    #[prop(into)]
    interactions: Signal<Vec<Interaction>>,
    /// The topic the list is filtered by: each row names it as the topic it matched.
    #[prop(optional, into)]
    topic: Signal<Option<String>>,
    /// With filters set: clears them (offered when nothing matches). Without, an empty list means
    /// there is no history.
    #[prop(optional)]
    on_clear: Option<Callback<()>>,
) -> impl IntoView {
    let intl = use_intl();
    let all_shown = RwSignal::new(false);
    // Sorted once, for the rows and for what is held back.
    let sorted = Memo::new(move |_| {
        let mut list = interactions.get();
        c360_wire::order::sort_small_by_key(&mut list, |i| std::cmp::Reverse(i.started_at));
        list
    });
    // Re-run when the agent's time zone changes (days may regroup); a language change alone gives
    // equal groups, so the rows are left as they are and only the headings' text changes.
    let groups = Memo::new(move |_| {
        let shown = if all_shown.get() { usize::MAX } else { FIRST_ROWS };
        sorted.with(|list| intl.with(|f| group_by_day(list.iter().take(shown).cloned(), |i| f.local_day(i.started_at))))
    });
    // How many are held back, and the newest of them: where the focus goes when they come.
    let older = move || {
        if all_shown.get() {
            return None;
        }
        sorted.with(|list| {
            let count = list.len().checked_sub(FIRST_ROWS).filter(|n| *n > 0)?;
            Some((count, list[FIRST_ROWS].interaction_id.clone()))
        })
    };
    let show_older = move || {
        older().map(|(count, first)| {
            view! {
                <button type="button" class="button show-older" data-testid="show-older"
                    on:click=move |_| {
                        all_shown.set(true);
                        let first = format!("toggle-{first}");
                        request_animation_frame(move || crate::ui::ids::focus_id(&first));
                    }>
                    {format!("Show {count} older")}
                </button>
            }
        })
    };
    // The rows are rebuilt when the groups change, not when only whether there are any is read.
    let is_empty = Memo::new(move |_| groups.with(Vec::is_empty));
    let empty = move || {
        let text = if on_clear.is_some() {
            "No interactions match these filters"
        } else {
            "No interactions in the last 12 months"
        };
        view! {
            <p class="empty-state" data-testid="timeline-empty">{text}</p>
            {on_clear.map(|clear| view! {
                <button type="button" class="button button--small" data-testid="clear-filters"
                    on:click=move |_| clear.run(())>"Clear filters"</button>
            })}
        }
    };

    view! {
        {move || match is_empty.get() {
            true => empty().into_any(),
            false => view! {
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
                                        {group.items.into_iter().map(|interaction| {
                                            let matched = topic.get_untracked();
                                            view! { <TimelineRow interaction matched/> }
                                        }).collect_view()}
                                    </ol>
                                </section>
                            }
                        }).collect_view()}
                </div>
                {show_older}
            }
            .into_any(),
        }}
    }
}
