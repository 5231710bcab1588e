//! [`start_now`]: a read's task run at once up to its first wait, so its request leaves before
//! the views the same change re-renders are built (docs/performance.md, issue 14).
//!
//! `spawn_local` first polls a task at the next microtask checkpoint, after the rest of the
//! current task: on a new call, after the whole desk update has torn down the previous customer
//! and built the header and skeletons (2–9 ms in the 1× trace, about four times that at 4×), with the
//! identity match — the start of everything the agent waits for — not yet asked.

use std::future::Future;
use std::task::{Context, Waker};

use leptos::prelude::untrack;
use leptos::task::spawn_local;

/// Polls `task` once now, untracked (a reactive read inside it subscribes no caller), and spawns
/// it if it has more to do. Sound for any future: the first poll's waker is a no-op, but the
/// spawned task polls it again, and a future registers the waker of its latest poll.
pub fn start_now(task: impl Future<Output = ()> + 'static) {
    let mut task = Box::pin(task);
    let first = untrack(|| task.as_mut().poll(&mut Context::from_waker(Waker::noop())));
    if first.is_pending() {
        spawn_local(task);
    }
}
