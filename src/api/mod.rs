//! The panel's one HTTP client, [`ApiClient`] (gloo-net, serde_json) with its native CRM calls, the
//! errors it answers in the terms an agent is shown, [`Lookup`], how components read with it, and
//! [`CrmSource`], the seam through which CRM components reach it. Components never build URLs.

mod activities;
mod answer;
mod client;
mod crm;
mod crm_source;
mod early;
mod error;
mod in_flight;
mod lookup;
mod request;
mod start;

pub use client::{ApiClient, TokenRefused, get_host_origins};
pub use crm::Versioned;
pub use crm_source::{Crm, CrmFuture, CrmSource, use_crm};
pub use error::ApiError;
pub use in_flight::InFlight;
pub use lookup::Lookup;
pub use request::{Outgoing, Received, build_request, decode};
pub use start::start_now;
