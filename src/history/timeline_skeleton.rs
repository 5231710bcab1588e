//! `TimelineSkeleton`: placeholder rows the size of real ones, so nothing jumps when data arrives.

use leptos::prelude::*;

/// Grey placeholder rows shown while the history loads (hidden from assistive technology; the
/// live region announces the loading instead).
#[component]
pub fn TimelineSkeleton(
    /// How many placeholder rows.
    #[prop(default = 6)]
    rows: usize,
) -> impl IntoView {
    view! {
        <ol class="timeline timeline--loading" data-testid="timeline-loading" aria-hidden="true">
            {(0..rows)
                .map(|i| {
                    // Widths vary by class, not by a `style` attribute: the CSP allows no inline styles.
                    let line = ["skeleton-line", "skeleton-line skeleton-line--w2", "skeleton-line skeleton-line--w3"][i % 3];
                    view! {
                        <li class="timeline-row">
                            <span class="timeline-icon skeleton-block"></span>
                            <div class="timeline-body">
                                <p class="timeline-title"><span class=line></span></p>
                                <p class="timeline-meta"><span class="skeleton-line skeleton-line--short"></span></p>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
