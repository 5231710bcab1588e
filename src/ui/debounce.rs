//! [`Debounce`]: run something once typing pauses — each call replaces the one still waiting, and
//! whatever waits is dropped with its owner (set_timeout_with_handle, as leptos-use's
//! `use_debounce_fn` does, without the crate).

use std::time::Duration;

use leptos::prelude::*;

/// The pending call of one debounced action.
#[derive(Clone, Copy)]
pub struct Debounce {
    pending: StoredValue<Option<TimeoutHandle>>,
    ms: u64,
}

impl Debounce {
    /// Calls wait `ms` after the last one. Belongs to the current owner.
    pub fn new(ms: u64) -> Self {
        let pending = StoredValue::new(None::<TimeoutHandle>);
        on_cleanup(move || {
            if let Some(handle) = pending.try_get_value().flatten() {
                handle.clear();
            }
        });
        Self { pending, ms }
    }

    /// Runs `f` once no other call came for the delay; a call still waiting is dropped.
    pub fn call(&self, f: impl FnOnce() + 'static) {
        self.cancel();
        let handle = set_timeout_with_handle(f, Duration::from_millis(self.ms)).ok();
        self.pending.set_value(handle);
    }

    /// Drops the call still waiting, if any.
    pub fn cancel(&self) {
        if let Some(handle) = self.pending.try_get_value().flatten() {
            handle.clear();
        }
    }
}
