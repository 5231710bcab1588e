//! Sizes the layout needs from the script: what sticks to the top of the panel (the customer
//! header, the history's head) publishes its height as a CSS custom property on the document
//! element, so what sticks below it knows where to stop and the browser scrolls a focused row
//! clear of both (`scroll-padding-top` in `style/ui.css`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `on_change` whenever `el` changes size, until the calling owner is cleaned up.
pub fn observe_size(el: &web_sys::Element, on_change: impl FnMut() + 'static) {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(on_change);
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else { return };
    observer.observe(el);
    let keep = StoredValue::new_local((observer, callback));
    on_cleanup(move || keep.with_value(|(o, _)| o.disconnect()));
}

/// Keeps the CSS property `var` on the document element equal to the height of `node`'s element
/// (from when it is mounted), and removes it when the caller goes.
pub fn publish_height(node: NodeRef<leptos::html::Div>, var: &'static str) {
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let target = el.clone();
        let set = move || {
            if let Some(root) = document().document_element() {
                let root: web_sys::HtmlElement = root.unchecked_into();
                let _ = root.style().set_property(var, &format!("{}px", target.offset_height()));
            }
        };
        observe_size(&el, set);
    });
    on_cleanup(move || {
        if let Some(root) = document().document_element() {
            let _ = root.unchecked_into::<web_sys::HtmlElement>().style().remove_property(var);
        }
    });
}
