//! Customer 360 panel: a client-side rendered Leptos 0.8 side panel that shows an agent who the
//! customer on the current interaction is — history first, insights and the contact record next.

pub mod api;
mod app;
pub mod components;
pub mod format;
pub mod mood;
pub mod session;
pub mod topic_steps;

pub use app::App;
