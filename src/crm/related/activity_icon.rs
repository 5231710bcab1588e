//! A small outline icon per record type. Decorative: the type's name is written beside it.

use c360_wire::crm::ActivityType;
use leptos::prelude::*;

/// The icon of a record type (hidden from assistive technology).
#[component]
pub fn ActivityIcon(
    /// Which type.
    activity_type: ActivityType,
) -> impl IntoView {
    let d = match activity_type {
        ActivityType::Call => "M5 3h4l2 5-3 2a11 11 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2A18 18 0 0 1 3 5a2 2 0 0 1 2-2z",
        ActivityType::Task => "M4 4h16v16H4zM8 12l3 3 5-6",
        ActivityType::Event => "M4 6h16v14H4zM4 10h16M8 3v5M16 3v5",
        ActivityType::Note => "M6 3h9l4 4v14H6zM14 3v5h5M9 13h6M9 17h6",
        ActivityType::Case => "M4 8h16v12H4zM9 8V5h6v3M4 13h16",
        ActivityType::Other(_) => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z",
    };
    view! {
        <svg class="activity-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d=d/>
        </svg>
    }
}
