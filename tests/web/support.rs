//! Helpers shared by the browser tests.

use c360_wire::{Interaction, InteractionsInsight};
use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// A fresh container in the document; the mounted view lives as long as its handle.
pub fn container() -> web_sys::HtmlElement {
    let document = document();
    let el = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Text of every element matching `selector` under `root`, in document order.
pub fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

/// The published example response of the contract.
pub fn published_example_response() -> InteractionsInsight {
    serde_json::from_str(include_str!("../../crates/wire/fixtures/published-example.json")).unwrap()
}

/// The two interactions of the published example (oldest first, as in the fixture).
pub fn published_example() -> Vec<Interaction> {
    published_example_response().interactions
}

/// Settles after `ms`.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 3 s) until `ready()` holds; fails with `what` otherwise.
pub async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..150 {
        if ready() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting until {what}");
}

/// The element matching `selector` under `root` (it must be there).
pub fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
        .unchecked_into()
}

/// Whether something matches `selector` under `root`.
pub fn has(root: &web_sys::HtmlElement, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

/// Types `text` into the input or textarea `el` as a person would: the value, then an `input` event.
pub fn type_into(el: &web_sys::HtmlElement, text: &str) {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
    } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        el.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

/// Presses `key` (`ArrowDown`, `Enter` …) on `el`.
pub fn press(el: &web_sys::HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    el.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

/// The value of the input `el`.
pub fn value_of(el: &web_sys::HtmlElement) -> String {
    el.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}
