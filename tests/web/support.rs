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
