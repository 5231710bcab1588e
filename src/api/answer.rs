//! [`Answer`]: the latest answer of a [`Lookup`](super::Lookup), as its readers see it.

use leptos::prelude::*;

use super::ApiError;

/// `None` while a request runs, then its result. Every access is `try_`: a request can land
/// after its reader is gone (one that ignored its abort, or needed none), and is dropped with it.
pub(super) struct Answer<T: 'static>(RwSignal<Option<Result<T, ApiError>>, LocalStorage>);

impl<T: 'static> Answer<T> {
    /// No answer yet. Belongs to the current owner.
    pub(super) fn new() -> Self {
        Self(RwSignal::new_local(None))
    }

    /// A new request is on its way.
    pub(super) fn forget(&self) {
        if self.0.try_with_untracked(Option::is_some) == Some(true) {
            self.0.try_set(None);
        }
    }

    /// Its result, unless the request was aborted (a newer one is on its way).
    pub(super) fn settle(&self, result: Result<T, ApiError>) {
        if !matches!(result, Err(ApiError::Aborted)) {
            self.0.try_set(Some(result));
        }
    }

    /// Reads it (tracked); a reader already gone reads `None`.
    pub(super) fn with<U>(&self, f: impl FnOnce(Option<&Result<T, ApiError>>) -> U) -> U {
        let mut f = Some(f);
        let read = self.0.try_with(|answer| f.take().map(|f| f(answer.as_ref())));
        match (read.flatten(), f) {
            (Some(out), _) => out,
            (None, Some(f)) => f(None),
            (None, None) => unreachable!("f runs once, and answers when it runs"),
        }
    }

    /// Whether its owner is gone.
    pub(super) fn is_disposed(&self) -> bool {
        self.0.is_disposed()
    }
}

impl<T: 'static> Clone for Answer<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Answer<T> {}
