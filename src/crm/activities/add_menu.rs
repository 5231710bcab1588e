//! `AddMenu`: the "+" beside the contact's name — an ARIA menu button. The button says whether
//! the menu is open (`aria-expanded`); ↑/↓ move through the items (wrapping), Home/End jump,
//! Escape or Tab closes, and focus returns to the button whenever the menu closes.

use c360_wire::crm::ActivityType;
use leptos::html::{Button, Ul};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::model::{MENU, menu_key};
use crate::ui::ids::unique_id;

/// The menu button and its menu.
#[component]
pub fn AddMenu(
    /// Called with the chosen record type (`None`: a new contact).
    on_pick: Callback<Option<ActivityType>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    let menu = NodeRef::<Ul>::new();
    let menu_id = unique_id("add-menu");
    let label = "Add a record";
    let focus_item = move |at: usize| {
        let Some(menu) = menu.get_untracked() else { return };
        if let Ok(Some(item)) = menu.query_selector(&format!("[data-index=\"{at}\"]")) {
            let _ = item.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    let close = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    let show = move |at: usize| {
        open.set(true);
        request_animation_frame(move || focus_item(at));
    };
    let on_button_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "Enter" | " " => {
            ev.prevent_default();
            show(0);
        }
        "ArrowUp" => {
            ev.prevent_default();
            show(MENU.len() - 1);
        }
        _ => {}
    };
    let items = MENU.iter().enumerate().map(|(at, (text, kind))| {
        let kind = kind.clone();
        let pick = move || {
            close();
            on_pick.run(kind.clone());
        };
        let on_key = {
            let pick = pick.clone();
            move |ev: web_sys::KeyboardEvent| {
                let key = ev.key();
                if key == "Enter" || key == " " {
                    ev.prevent_default();
                    return pick();
                }
                match menu_key(&key, at, MENU.len()) {
                    Some(next) if next != at => {
                        ev.prevent_default();
                        focus_item(next);
                    }
                    Some(_) => {}
                    None => {
                        if key == "Escape" {
                            ev.prevent_default();
                        }
                        close();
                    }
                }
            }
        };
        view! {
            <li role="menuitem" tabindex="-1" class="add-menu-item" data-index=at data-testid="add-menu-item"
                on:click=move |_| pick() on:keydown=on_key>{*text}</li>
        }
    });
    let items = items.collect_view();

    view! {
        <div class="add-menu">
            <button type="button" class="icon-button" node_ref=button aria-haspopup="menu"
                aria-expanded=move || if open.get() { "true" } else { "false" } aria-controls=menu_id.clone()
                aria-label=label title=label data-testid="add-menu-button"
                on:click=move |_| if open.get_untracked() { close() } else { show(0) } on:keydown=on_button_key>
                <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none"
                    stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M12 5v14M5 12h14"/></svg>
            </button>
            <ul id=menu_id role="menu" class="add-menu-list" node_ref=menu aria-label=label
                hidden=move || !open.get() data-testid="add-menu">
                {items}
            </ul>
        </div>
    }
}
