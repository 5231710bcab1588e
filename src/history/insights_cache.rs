//! The last few customers' histories, so switching back to a live interaction shows its customer
//! at once instead of loading again; and histories asked for ahead of the view that shows them.

use c360_wire::{Identity, InteractionsInsight};
use futures_channel::oneshot;
use leptos::prelude::*;

use crate::api::{ApiClient, ApiError, start_now};

/// How many histories are kept (an agent rarely juggles more interactions than this).
const CAPACITY: usize = 8;

/// The answer of a history request started ahead of its view.
type Ahead = oneshot::Receiver<Result<InteractionsInsight, ApiError>>;

/// A customer's history as the cache holds it.
enum Entry {
    /// Answered: shown at once.
    Kept(InteractionsInsight),
    /// Asked for ahead and still on its way: the view waits for it instead of asking again.
    Ahead(Ahead),
}

/// A small most-recently-used cache of successful insights responses, by identity, and of the
/// requests started ahead for the customers about to be shown.
#[derive(Clone, Copy)]
pub struct InsightsCache(StoredValue<Vec<(Identity, Entry)>>);

impl InsightsCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self(StoredValue::new(Vec::new()))
    }

    /// The cached history of `identity`, if any (and marks it most recently used).
    pub fn get(&self, identity: &Identity) -> Option<InteractionsInsight> {
        let mut hit = None;
        self.0.update_value(|entries| {
            if let Some(pos) = entries.iter().position(|(id, e)| id == identity && matches!(e, Entry::Kept(_))) {
                let entry = entries.remove(pos);
                if let Entry::Kept(insight) = &entry.1 {
                    hit = Some(insight.clone());
                }
                entries.push(entry);
            }
        });
        hit
    }

    /// Keeps `insight` for `identity`, evicting the least recently used beyond the capacity.
    pub fn put(&self, identity: Identity, insight: InteractionsInsight) {
        self.keep(identity, Entry::Kept(insight));
    }

    fn keep(&self, identity: Identity, entry: Entry) {
        self.0.update_value(|entries| {
            entries.retain(|(id, _)| *id != identity);
            entries.push((identity, entry));
            if entries.len() > CAPACITY {
                entries.remove(0);
            }
        });
    }

    /// Drops `identity`'s history, or the request for it still running: a new interaction with
    /// them makes it stale.
    pub fn forget(&self, identity: &Identity) {
        self.0.update_value(|entries| entries.retain(|(id, _)| id != identity));
    }

    /// Asks for `identity`'s history now, before the view that shows it exists: a screen pop's
    /// matched contact, whose pane (card, related records, history) mounts only after the shell
    /// re-renders (docs/performance.md, issue 14). The answer is kept like any other, and the
    /// history that [`take_ahead`](Self::take_ahead)s it while it runs waits for it instead of
    /// asking again. Nothing is asked when the history is kept or on its way already.
    pub fn fetch_ahead(&self, client: &ApiClient, identity: Identity) {
        if self.0.with_value(|entries| entries.iter().any(|(id, _)| *id == identity)) {
            return;
        }
        let (answer, ahead) = oneshot::channel();
        self.keep(identity.clone(), Entry::Ahead(ahead));
        let (client, this) = (client.clone(), *self);
        start_now(async move {
            let result = client.get_interactions_insight(&identity, None).await;
            // Forgotten meanwhile (a newer interaction) or its view gone: the answer is not kept.
            if answer.is_canceled() {
                return;
            }
            if let Ok(data) = &result {
                this.put(identity, data.clone());
            }
            let _ = answer.send(result);
        });
    }

    /// The request for `identity`'s history started ahead and still running, if any: awaiting it
    /// gives its answer (or `Err(Canceled)` if it was dropped, when the caller asks itself).
    pub fn take_ahead(&self, identity: &Identity) -> Option<Ahead> {
        let mut taken = None;
        self.0.update_value(|entries| {
            if let Some(pos) = entries.iter().position(|(id, e)| id == identity && matches!(e, Entry::Ahead(_)))
                && let (_, Entry::Ahead(ahead)) = entries.remove(pos)
            {
                taken = Some(ahead);
            }
        });
        taken
    }
}

impl Default for InsightsCache {
    fn default() -> Self {
        Self::new()
    }
}
