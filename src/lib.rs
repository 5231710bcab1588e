//! Customer 360 panel: a client-side rendered Leptos 0.8 side panel that shows an agent who the
//! customer on the current interaction is — history first, insights and the contact record next.

pub mod api;
mod app;
pub mod components;
pub mod days;
pub mod filters;
pub mod format;
pub mod host;
pub mod insights_cache;
pub mod intl;
pub mod mood;
pub mod perf;
pub mod phone;
pub mod profile;
pub mod session;
pub mod sort;
pub mod summary_store;
pub mod topic_steps;

pub use app::App;
