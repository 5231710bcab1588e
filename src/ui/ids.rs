//! Element ids unique in the document, for `aria-controls`, `aria-activedescendant`,
//! `aria-describedby` and label `for` (a component may be mounted more than once).

use std::cell::Cell;

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// A fresh id starting with `prefix` (`contact-search-3`).
pub fn unique_id(prefix: &str) -> String {
    let n = NEXT.with(|next| {
        let n = next.get();
        next.set(n + 1);
        n
    });
    format!("{prefix}-{n}")
}
/// Moves the focus to the element with `id`, if it is in the document (by id rather than a
/// `NodeRef`: each `NodeRef` element type compiles its own code into the bundle).
pub fn focus_id(id: &str) {
    if let Some(el) = leptos::prelude::document().get_element_by_id(id) {
        let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
    }
}
