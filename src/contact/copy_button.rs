//! `CopyButton`: copies a phone number or email to the clipboard and says so politely.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A labelled button that copies `text`; `announce` receives "Copied …" (or why not) for the
/// card's live region.
#[component]
pub fn CopyButton(
    /// What is copied (as stored: `+14155550100`).
    text: String,
    /// What it is, for the button's name ("+1 415 555 0100").
    label: String,
    /// Where the outcome is announced.
    announce: WriteSignal<String>,
) -> impl IntoView {
    let name = format!("Copy {label}");
    let copy = move |_| {
        let (text, label) = (text.clone(), label.clone());
        leptos::task::spawn_local(async move {
            let clipboard = window().navigator().clipboard();
            let said = match JsFuture::from(clipboard.write_text(&text)).await {
                Ok(_) => format!("Copied {label}"),
                Err(e) => {
                    web_sys::console::warn_1(&e);
                    format!("Could not copy {label}: select it and copy it instead")
                }
            };
            announce.set(said);
        });
    };
    view! {
        <button type="button" class="icon-button" aria-label=name.clone() title=name data-testid="copy" on:click=copy>
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" fill="none"
                stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                <rect x="9" y="9" width="11" height="11" rx="2"/><path d="M5 15V5a2 2 0 0 1 2-2h10"/>
            </svg>
        </button>
    }
}
