//! The panel's one HTTP client, [`ApiClient`] (gloo-net, serde_json), and the errors it answers
//! in the terms an agent is shown. Components never build URLs.

mod client;
mod error;
mod request;

pub use client::{ApiClient, TokenRefused, get_host_origins};
pub use error::ApiError;
pub use request::decode;
