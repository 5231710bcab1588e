//! Transcript summaries for the timeline: fetched only when an agent first expands a row, then for
//! every listed interaction at once in batches of at most 50 ids (never one request per row),
//! cached per interaction, and retried on demand for those that were not available. The requests
//! are the store's owner's: they are aborted when it goes (the agent moved to another customer).

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use c360_wire::{MAX_SUMMARY_IDS, PartialFailure, TranscriptSummariesResponse, TranscriptSummary};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortSignal;

use crate::api::{ApiClient, ApiError, InFlight};

/// Where one interaction's summary stands.
#[derive(Debug, Clone, PartialEq)]
pub enum SummaryState {
    /// Being fetched.
    Loading,
    /// Here it is.
    Ready(TranscriptSummary),
    /// None exists.
    NotFound,
    /// Exists but cannot be had right now: worth a retry.
    NotAvailable,
    /// The request failed.
    Failed(ApiError),
}

impl SummaryState {
    /// Whether asking again may give a different answer.
    pub fn is_retryable(&self) -> bool {
        matches!(self, SummaryState::NotAvailable | SummaryState::Failed(_))
    }
}

/// Fetches one batch of summaries until the abort signal fires.
pub type SummaryLoader = Rc<
    dyn Fn(
        Vec<String>,
        Option<AbortSignal>,
    ) -> Pin<Box<dyn Future<Output = Result<TranscriptSummariesResponse, ApiError>>>>,
>;

/// The summaries known so far, shared through context by the timeline's rows.
#[derive(Clone, Copy)]
pub struct SummaryStore {
    states: RwSignal<HashMap<String, SummaryState>>,
    loader: StoredValue<SummaryLoader, LocalStorage>,
    in_flight: InFlight,
}

impl SummaryStore {
    /// A store that fetches with `loader`.
    pub fn new(loader: SummaryLoader) -> Self {
        Self {
            states: RwSignal::new(HashMap::new()),
            loader: StoredValue::new_local(loader),
            in_flight: InFlight::new(),
        }
    }

    /// A store that fetches from the API.
    pub fn from_client(client: ApiClient) -> Self {
        Self::new(Rc::new(move |ids: Vec<String>, abort: Option<AbortSignal>| {
            let client = client.clone();
            Box::pin(async move { client.get_transcript_summaries(&ids, abort.as_ref()).await })
        }))
    }

    /// The state of one interaction's summary (tracked).
    pub fn state(&self, id: &str) -> Option<SummaryState> {
        self.states.with(|s| s.get(id).cloned())
    }

    /// Fetches, in batches, the summaries of `ids` not asked for yet (opening rows).
    pub fn load(&self, ids: impl IntoIterator<Item = String>) {
        self.fetch(ids, false);
    }

    /// Asks again for `ids` that were not available or failed (the agent's "Try again").
    pub fn retry(&self, ids: impl IntoIterator<Item = String>) {
        self.fetch(ids, true);
    }

    fn fetch(&self, ids: impl IntoIterator<Item = String>, retrying: bool) {
        let wanted: Vec<String> = self.states.with_untracked(|s| {
            let mut wanted: Vec<String> = Vec::new();
            for id in ids {
                let asked = match s.get(&id) {
                    None => true,
                    Some(state) => retrying && state.is_retryable(),
                };
                if asked && !wanted.contains(&id) {
                    wanted.push(id);
                }
            }
            wanted
        });
        if wanted.is_empty() {
            return;
        }
        self.states.update(|s| {
            for id in &wanted {
                s.insert(id.clone(), SummaryState::Loading);
            }
        });
        for batch in wanted.chunks(MAX_SUMMARY_IDS) {
            let batch = batch.to_vec();
            let future = self.loader.with_value(|load| load(batch.clone(), self.in_flight.signal()));
            let states = self.states;
            spawn_local(async move {
                match future.await {
                    // The store's owner is gone, and its states with it.
                    Err(ApiError::Aborted) => {}
                    result => states.update(|s| apply(s, &batch, result)),
                }
            });
        }
    }
}

/// Records a batch's answer: found, not found, not available; ids the answer forgot are not found.
fn apply(
    states: &mut HashMap<String, SummaryState>,
    batch: &[String],
    result: Result<TranscriptSummariesResponse, ApiError>,
) {
    match result {
        Ok(response) => {
            for id in batch {
                states.insert(id.clone(), SummaryState::NotFound);
            }
            for failure in response.partial_failures {
                let state = if failure.reason == PartialFailure::NOT_AVAILABLE {
                    SummaryState::NotAvailable
                } else {
                    SummaryState::NotFound
                };
                states.insert(failure.interaction_id, state);
            }
            for summary in response.summaries {
                states.insert(summary.interaction_id.clone(), SummaryState::Ready(summary));
            }
        }
        Err(error) => {
            for id in batch {
                states.insert(id.clone(), SummaryState::Failed(error.clone()));
            }
        }
    }
}
