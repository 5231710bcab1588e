//! Customer 360 panel: a client-side rendered Leptos 0.8 side panel that shows an agent who the
//! customer on the current interaction is — history first, insights and the contact record next.
//!
//! The folders are the map. Capabilities: [`history`] (the timeline, its filters and summaries),
//! [`insights`] (mood and topics), [`contact`] (who the customer is: the
//! contact card, its forms), [`crm`] (the native CRM's search and screen pop), [`layouts`] (which fields a form shows, as the agent chose). Shared atoms in [`ui`]. The
//! edges: [`api`] (the one HTTP client), [`host`] (the embedding protocol), [`intl`] (the agent's
//! language and time zone). [`shell`] opens the panel and shows the interaction in focus; [`App`]
//! ties it together. Imports go one way: app → shell → capabilities → ui → edges.

pub mod api;
mod app;
pub mod contact;
pub mod crm;
pub mod history;
pub mod host;
pub mod insights;
pub mod intl;
pub mod layouts;
pub mod perf;
pub mod shell;
pub mod ui;

pub use app::App;

/// The browser build's allocator: talc, well kept, as fast as std's dlmalloc for the panel's
/// allocations and smaller (docs/performance.md, "Panel bundle"). In the library, so the browser
/// tests run on it too.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
