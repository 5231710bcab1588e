//! Embedding: the host (agent workspace) protocol over `postMessage` — parsing what the host sends,
//! the desk of live interactions it describes, the window bridge, and applying the host's look.

pub mod bridge;
pub mod desk;
pub mod event;
pub mod look;

pub use bridge::HostBridge;
pub use desk::{Desk, Live, Record, Subject};
pub use event::{HostContext, HostEvent, InteractionType, Rejected, Started, Theme};
