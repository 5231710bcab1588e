//! `ConflictChoice`: after a save met someone else's change to the same field, "yours" beside
//! "theirs" for each such field, and the agent picks one.

use c360_wire::crm::FieldConflict;
use leptos::prelude::*;

use super::model::form::value_summary;

/// One block per conflicting field: its label, the agent's value, the other person's, and a
/// button for each. `on_choose` gets the field and whether the agent kept theirs own value.
#[component]
pub fn ConflictChoice(
    /// The fields both changed, with labels.
    conflicts: Vec<(String, FieldConflict)>,
    /// Who made the other change.
    by: String,
    /// Called with `(field, keep_mine)`.
    on_choose: Callback<(String, bool)>,
) -> impl IntoView {
    let intro = format!(
        "{by} saved a change to the same {} while you were editing. Choose which to keep:",
        if conflicts.len() == 1 { "field" } else { "fields" }
    );
    let items = conflicts
        .into_iter()
        .map(|(label, c)| {
            let (mine, theirs) = (value_summary(&c.mine), value_summary(&c.theirs));
            let (keep, take) = (c.field.clone(), c.field.clone());
            view! {
                <li class="conflict" data-testid="conflict" data-field=c.field.clone()>
                    <p class="conflict-field">{label.clone()}</p>
                    <dl class="conflict-values">
                        <div><dt>"Yours"</dt><dd data-testid="conflict-mine">{mine}</dd></div>
                        <div><dt>{format!("Theirs ({by})")}</dt><dd data-testid="conflict-theirs">{theirs}</dd></div>
                    </dl>
                    <div class="conflict-actions">
                        <button type="button" class="button button--small" data-testid="keep-mine"
                            aria-label=format!("Keep yours for {label}") on:click=move |_| on_choose.run((keep.clone(), true))>
                            "Keep yours"
                        </button>
                        <button type="button" class="button button--quiet button--small" data-testid="keep-theirs"
                            aria-label=format!("Use theirs for {label}") on:click=move |_| on_choose.run((take.clone(), false))>
                            "Use theirs"
                        </button>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="conflicts" role="group" aria-label="Conflicting changes" data-testid="conflicts">
            <p class="conflicts-intro">{intro}</p>
            <ul class="conflict-list">{items}</ul>
        </section>
    }
}
