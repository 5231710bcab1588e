//! Auto log at wrap-up: each interaction the desk queues (it ended, or its wrap-up codes came) is
//! recorded against the contact open for it, and the agent reads where it went.

pub mod model;
mod watch;

pub use watch::{AutoLog, watch};
