//! [`Lookup`]: how the panel reads the API — one call of the client that follows its source, its
//! answer a signal the view renders from (a skeleton while it is `None`).
//!
//! A departure from STYLE.md's idiom (`LocalResource` rendered in `<Suspense>` with `Suspend`),
//! for a measured reason (docs/performance.md, issue 14). Size: a resource's
//! machinery (async-derived state, suspense registration) is compiled once per answer type, and
//! `<Suspense>` itself is large; moving the CRM's five reads off resources took 4.5 KB (brotli) off
//! the release bundle, and the last three (the tenant's settings, the host origins, the
//! customer's history) with `<Suspense>` 16.8 KB more — room the first screenful's work needs
//! under the 350 KB ceiling. The same contract as before (abort on supersede and cleanup, retry);
//! an answer renders in the task that brings it, with no fallback swapped out on a later poll,
//! though the screen pop measured no faster for that alone.

use std::future::Future;

use leptos::prelude::*;
use web_sys::AbortSignal;

use super::answer::Answer;
use super::{ApiError, InFlight, start_now};

/// One read that follows its source: `fetch(source(), abort)` runs when it is created, again
/// whenever `source` changes (the request in flight is aborted then) and on [`Lookup::retry`];
/// its request leaves then, before the views the same change redraws ([`start_now`]).
pub struct Lookup<T: 'static> {
    answer: Answer<T>,
    again: Trigger,
}

impl<T: Clone + 'static> Lookup<T> {
    /// A lookup of `fetch` for `source`, owned by the current owner (its requests end with it).
    pub fn new<S, Fut>(
        source: impl Fn() -> S + 'static,
        fetch: impl Fn(S, Option<AbortSignal>) -> Fut + 'static,
    ) -> Self
    where
        S: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let in_flight = InFlight::new();
        let answer = Answer::new();
        let again = Trigger::new();
        // A render effect runs at once (the first request starts with the component) and again,
        // synchronously, when what it tracks changes; it lives as long as the owner keeps it.
        let effect = RenderEffect::new(move |_| {
            again.track();
            let wanted = source();
            in_flight.abort_all();
            let request = untrack(|| fetch(wanted, in_flight.signal()));
            answer.forget();
            // Asked now, not after the views this change re-renders (`start_now`).
            start_now(async move { answer.settle(request.await) });
        });
        StoredValue::new_local(effect);
        Self { answer, again }
    }

    /// The answer (tracked): `None` while a request runs, then its result — and `None` for a
    /// reader already gone.
    pub fn with<U>(&self, f: impl FnOnce(Option<&Result<T, ApiError>>) -> U) -> U {
        self.answer.with(f)
    }

    /// Whether its owner is gone (a context value can outlive the component that provided it).
    pub fn is_disposed(&self) -> bool {
        self.answer.is_disposed()
    }

    /// Asks again (the agent's "Try again").
    pub fn retry(&self) {
        self.again.notify();
    }
}

impl<T: 'static> Clone for Lookup<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Lookup<T> {}
