//! The last few identity matches, so switching back to a live interaction shows its contact (or
//! its picker) at once instead of asking again. A new interaction with the identifier forgets it.

use c360_wire::Identity;
use c360_wire::crm::ContactList;
use leptos::prelude::*;

use crate::api::ApiError;

/// How many matches are kept.
const CAPACITY: usize = 8;

/// A small most-recently-used cache of identity matches: answers, and refusals that asking again
/// would not change (a retryable failure is not kept).
#[derive(Clone, Copy)]
pub struct MatchCache(StoredValue<Vec<(Identity, Result<ContactList, ApiError>)>>);

impl MatchCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self(StoredValue::new(Vec::new()))
    }

    /// The kept answer for `identity`, if any.
    pub fn get(&self, identity: &Identity) -> Option<Result<ContactList, ApiError>> {
        // `try_`: a late answer may land after the panel that asked is gone.
        self.0
            .try_with_value(|entries| entries.iter().find(|(id, _)| id == identity).map(|(_, answer)| answer.clone()))
            .flatten()
    }

    /// Keeps `answer` for `identity` unless it is a failure worth retrying.
    pub fn put(&self, identity: Identity, answer: &Result<ContactList, ApiError>) {
        if answer.as_ref().is_err_and(ApiError::is_retryable) {
            return;
        }
        self.0.try_update_value(|entries| {
            entries.retain(|(id, _)| *id != identity);
            entries.push((identity, answer.clone()));
            if entries.len() > CAPACITY {
                entries.drain(..1);
            }
        });
    }

    /// Drops `identity`'s match: a new interaction with them may find someone new.
    pub fn forget(&self, identity: &Identity) {
        self.0.try_update_value(|entries| entries.retain(|(id, _)| id != identity));
    }
}

impl Default for MatchCache {
    fn default() -> Self {
        Self::new()
    }
}
