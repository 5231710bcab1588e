//! [`InFlight`], the abort controllers of the requests an owner has running. A request is
//! aborted, not just ignored, the moment a newer one supersedes it or its owner is cleaned up (as
//! leptos' hackernews example aborts on cleanup), and its late answer is never used.

use leptos::prelude::*;
use web_sys::{AbortController, AbortSignal};

/// The abort controllers of the requests an owner (a component, a store) has running; every one
/// is aborted when that owner is cleaned up.
#[derive(Clone, Copy)]
pub struct InFlight(StoredValue<Vec<AbortController>, LocalStorage>);

impl InFlight {
    /// Nothing running yet. Belongs to the current owner.
    pub fn new() -> Self {
        let this = Self(StoredValue::new_local(Vec::new()));
        // Cleanups run before the owner's values are dropped, so the controllers are still here.
        on_cleanup(move || this.abort_all());
        this
    }

    /// The abort signal of one more request (those already running go on).
    pub fn signal(&self) -> Option<AbortSignal> {
        let controller = AbortController::new().ok()?;
        let signal = controller.signal();
        self.0.update_value(|running| {
            running.retain(|c| !c.signal().aborted());
            running.push(controller);
        });
        Some(signal)
    }

    /// Aborts every request still running.
    pub fn abort_all(&self) {
        self.0.update_value(|running| running.drain(..).for_each(|c| c.abort()));
    }
}

impl Default for InFlight {
    fn default() -> Self {
        Self::new()
    }
}
