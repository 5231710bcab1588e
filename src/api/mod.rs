//! The panel's one HTTP client, [`ApiClient`] (gloo-net, serde_json), the errors it answers in the
//! terms an agent is shown, and [`Read`], how components read with it. Components never build URLs.

mod client;
mod error;
mod read;
mod request;

pub use client::{ApiClient, TokenRefused, get_host_origins};
pub use error::ApiError;
pub use read::{InFlight, Read};
pub use request::{Outgoing, build_request, decode};
