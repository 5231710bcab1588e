//! How the panel reads: [`Read`], a `LocalResource` over one call of the client that follows its
//! source, and [`InFlight`], the abort controllers of the requests an owner has running. A request
//! is aborted, not just ignored, the moment a newer one supersedes it or its owner is cleaned up
//! (as leptos' hackernews example aborts on cleanup), and its late answer is never used.

use std::future::{Future, IntoFuture};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::reactive::computed::AsyncDerivedFuture;
use leptos::reactive::effect::ImmediateEffect;
use web_sys::{AbortController, AbortSignal};

use super::ApiError;
use super::answer::Answer;

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

/// One read of the API that follows its source: `fetch(source(), abort)` runs when the read is
/// created, again whenever `source` changes (the request in flight is aborted at that very moment),
/// and on [`Read::retry`]. Render it in `<Suspense>` by awaiting it in a `Suspend`; elsewhere read
/// the answer with [`Read::with`].
pub struct Read<T: 'static> {
    resource: LocalResource<Result<T, ApiError>>,
    /// The answer for readers outside `<Suspense>` (a live region, a card with its own loading
    /// text): reading the resource itself there would hold up the nearest enclosing `<Suspense>`
    /// until it resolves.
    answer: Answer<T>,
}

impl<T: Clone + 'static> Read<T> {
    /// A read of `fetch` for `source`, owned by the current owner (its requests end with it).
    pub fn new<S, Fut>(
        source: impl Fn() -> S + Send + Sync + 'static,
        fetch: impl Fn(S, Option<AbortSignal>) -> Fut + 'static,
    ) -> Self
    where
        S: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let in_flight = InFlight::new();
        let answer = Answer::new();
        let source = Arc::new(source);
        // A `LocalResource` (leptos 0.8) awaits the request in flight before it starts the next
        // one, and then shows its answer: aborting it as soon as the source moves on lets the next
        // request start at once, and the superseded answer is `Aborted`, never shown.
        let watched = Arc::clone(&source);
        let moved_on = ImmediateEffect::new(move || {
            watched();
            in_flight.abort_all();
        });
        StoredValue::new(moved_on); // kept, and so running, for as long as the owner lives
        let resource = LocalResource::new(move || {
            let request = fetch(source(), in_flight.signal());
            async move {
                answer.forget();
                let result = request.await;
                answer.settle(result.clone());
                result
            }
        });
        Self { resource, answer }
    }

    /// The answer (tracked): `None` while a request runs, then its result — and `None` for a
    /// reader already gone (an update that was on its way when its component left still runs).
    pub fn with<U>(&self, f: impl FnOnce(Option<&Result<T, ApiError>>) -> U) -> U {
        self.answer.with(f)
    }

    /// Whether its owner is gone (a context value can outlive the component that provided it).
    pub fn is_disposed(&self) -> bool {
        self.answer.is_disposed()
    }

    /// Asks again (the agent's "Try again").
    pub fn retry(&self) {
        self.resource.refetch();
    }
}

impl<T: 'static> Clone for Read<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Read<T> {}

impl<T: Clone + 'static> IntoFuture for Read<T> {
    type Output = Result<T, ApiError>;
    type IntoFuture = AsyncDerivedFuture<Result<T, ApiError>>;

    fn into_future(self) -> Self::IntoFuture {
        self.resource.into_future()
    }
}
