//! The last few customers' histories, so switching back to a live interaction shows its customer
//! at once instead of loading again.

use c360_wire::{Identity, InteractionsInsight};
use leptos::prelude::*;

/// How many histories are kept (an agent rarely juggles more interactions than this).
const CAPACITY: usize = 8;

/// A small most-recently-used cache of successful insights responses, by identity.
#[derive(Clone, Copy)]
pub struct InsightsCache(StoredValue<Vec<(Identity, InteractionsInsight)>>);

impl InsightsCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self(StoredValue::new(Vec::new()))
    }

    /// The cached history of `identity`, if any (and marks it most recently used).
    pub fn get(&self, identity: &Identity) -> Option<InteractionsInsight> {
        let mut hit = None;
        self.0.update_value(|entries| {
            if let Some(pos) = entries.iter().position(|(id, _)| id == identity) {
                let entry = entries.remove(pos);
                hit = Some(entry.1.clone());
                entries.push(entry);
            }
        });
        hit
    }

    /// Keeps `insight` for `identity`, evicting the least recently used beyond the capacity.
    pub fn put(&self, identity: Identity, insight: InteractionsInsight) {
        self.0.update_value(|entries| {
            entries.retain(|(id, _)| *id != identity);
            entries.push((identity, insight));
            if entries.len() > CAPACITY {
                entries.remove(0);
            }
        });
    }

    /// Drops `identity`'s history: a new interaction with them makes it stale.
    pub fn forget(&self, identity: &Identity) {
        self.0.update_value(|entries| entries.retain(|(id, _)| id != identity));
    }
}

impl Default for InsightsCache {
    fn default() -> Self {
        Self::new()
    }
}
