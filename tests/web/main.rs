//! Component tests in a real headless Chromium (wasm-bindgen-test): mount, let the reactive
//! system settle, then check what an agent sees. One module per component family.

#![cfg(target_arch = "wasm32")]

mod activities;
mod activity_store;
mod auto_log;
mod client;
mod contact;
mod create;
mod crm_memory;
mod decode;
mod host;
mod insights;
mod intl;
mod layouts;
mod profile;
mod read;
mod related;
mod screen_pop;
mod search;
mod support;
mod timeline;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
