//! `RelatedRow`: one related record — its relation as a word, its type (icon and name), "Auto"
//! when wrap-up logged it, subject, date and author; a task's or case's state and its next step;
//! the chain button during a live interaction; "Details" expands it into its fields in the chosen
//! layout (Escape closes them, the focus back on the button).

use c360_wire::crm::RelatedRecord;
use leptos::prelude::*;

use super::model::{Change, chain, chain_name, next_step, relation_label, state, title, type_label};
use super::{ActivityIcon, RecordView};
use crate::intl::{iso_instant, use_intl};

/// One row of related records.
#[component]
pub fn RelatedRow(
    /// The record and how it relates to the interaction.
    record: RelatedRecord,
    /// Whether a live interaction is shown (chain buttons only then).
    live: bool,
    /// Whether a change of this row is on its way (its buttons wait).
    #[prop(into)]
    busy: Signal<bool>,
    /// Called with the change the agent asked for.
    on_change: Callback<Change>,
) -> impl IntoView {
    let intl = use_intl();
    let a = &record.activity;
    let title = title(a);
    let relation = record.relation.clone();
    let kind = type_label(&a.details.activity_type);
    let created_ms = a.created_at.timestamp_millis();
    let step = next_step(a).map(|(label, _)| {
        let name = format!("{label}: {title}");
        let change = Change::Step(label.clone());
        view! {
            <button type="button" class="button button--small button--quiet" aria-label=name disabled=busy
                data-testid="related-step" on:click=move |_| on_change.run(change.clone())>{label}</button>
        }
    });
    let chain_button = chain(&relation).filter(|_| live).map(|link| {
        let name = chain_name(link, &title);
        let (text, d) = if link {
            ("Link", "M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1")
        } else {
            ("Unlink", "M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6M4 4l3 3M17 17l3 3")
        };
        view! {
            <button type="button" class="button button--small button--quiet related-chain" aria-label=name.clone()
                title=name disabled=busy data-testid=if link { "related-link" } else { "related-unlink" }
                on:click=move |_| on_change.run(Change::Link(link))>
                <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" fill="none"
                    stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d=d/></svg>
                {text}
            </button>
        }
    });
    let state = state(a).map(|s| view! { <span class="related-state" data-testid="related-state">{s}</span> });
    let auto = a.auto.then(|| {
        view! { <span class="related-auto" title="Logged automatically at wrap-up" data-testid="related-auto">"Auto"</span> }
    });
    let class = format!("related-relation related-relation--{}", relation.as_str());
    let open = RwSignal::new(false);
    let view_id = format!("record-{}", a.activity_id);
    let toggle = NodeRef::<leptos::html::Button>::new();
    let details = {
        let (activity, id) = (a.clone(), view_id.clone());
        move || {
            open.get().then(|| {
                let (activity, id) = (activity.clone(), id.clone());
                view! { <RecordView activity id/> }
            })
        }
    };
    let close_on_escape = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" && open.get_untracked() {
            e.stop_propagation();
            open.set(false);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    };

    view! {
        <li class="related-row" data-testid="related-row" on:keydown=close_on_escape>
            <div class="related-line">
                <span class=class data-testid="related-relation">{relation_label(&relation)}</span>
                <span class="related-type"><ActivityIcon activity_type=a.details.activity_type.clone()/>{kind}</span>
                {auto}
                {state}
            </div>
            <p class="related-subject" data-testid="related-subject">{title.clone()}</p>
            <p class="related-meta">
                <time datetime=iso_instant(created_ms)>{move || intl.with(|f| f.calendar_date(created_ms))}</time>
                " · " {a.created_by.clone()}
            </p>
            <div class="related-actions">
                {step}{chain_button}
                <button type="button" class="button button--small button--quiet" node_ref=toggle
                    aria-expanded=move || if open.get() { "true" } else { "false" } aria-controls=view_id
                    aria-label=format!("Details of “{title}”") data-testid="related-details"
                    on:click=move |_| open.update(|o| *o = !*o)>"Details"</button>
            </div>
            {details}
        </li>
    }
}
