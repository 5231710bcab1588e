//! `RelatedRecords`: the open contact's activities relative to the live interaction — each New,
//! Linked or Suggested in words — with link / unlink and the next step of an open task or case.
//! Changes are announced in a polite live region; a failed one reads as a sentence with "Try
//! again"; a 412 reloads the list (another agent changed the record) and says so.

use c360_wire::crm::{RelatedRecord, RelatedRecords as Records};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::RelatedRow;
use super::model::{Change, done_sentence, failed_sentence, next_step, title};
use crate::api::{ApiError, CrmFuture, Lookup, use_crm};
use crate::ui::ErrorNotice;
use crate::ui::ids::unique_id;

/// Asks related records to read again (a record was just created). Provided by the contact pane.
#[derive(Clone, Copy)]
pub struct RelatedReload(pub RwSignal<u32>);

impl RelatedReload {
    /// A fresh counter, owned by the current owner.
    pub fn new() -> Self {
        Self(RwSignal::new(0))
    }

    /// Reads related records again.
    pub fn reload(&self) {
        self.0.update(|n| *n += 1);
    }
}

impl Default for RelatedReload {
    fn default() -> Self {
        Self::new()
    }
}

/// A change that failed, kept for "Try again".
#[derive(Clone)]
struct Failed {
    /// The record as it was tried, for a Try again while the list is still reading.
    record: RelatedRecord,
    change: Change,
    sentence: String,
}

/// The related records of `contact_id`.
#[component]
pub fn RelatedRecords(
    /// Which contact.
    contact_id: String,
    /// The live interaction's id (`None`: no interaction; no chain buttons).
    #[prop(into)]
    interaction: Signal<Option<String>>,
) -> impl IntoView {
    let crm = use_crm();
    let reload = use_context::<RelatedReload>().unwrap_or_default();
    let busy = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<Failed>);
    let (status, announce) = signal(String::new());
    let heading_id = unique_id("related-title");
    let read: Lookup<Records> = Lookup::new(
        move || (contact_id.clone(), interaction.get(), reload.0.get()),
        move |(id, during, _), abort| crm.get().get_related(&id, during.as_deref(), abort),
    );

    let run = move |record: RelatedRecord, change: Change| {
        let tried = record.clone();
        let a = record.activity;
        let title = title(&a);
        let ask: CrmFuture<()> = match &change {
            Change::Link(linked) => {
                let Some(during) = interaction.get_untracked() else { return };
                crm.get().set_link(&during, &a.activity_id, *linked)
            }
            Change::Step(_) => {
                let Some((_, patch)) = next_step(&a) else { return };
                let crm = crm.get();
                let update = crm.update_activity(&a.activity_id, &patch, a.version);
                Box::pin(async move { update.await.map(drop) })
            }
        };
        busy.set(Some(a.activity_id.clone()));
        failed.set(None);
        announce.set(String::new());
        spawn_local(async move {
            let answer = ask.await;
            if busy.is_disposed() {
                return;
            }
            busy.set(None);
            match answer {
                Ok(()) => announce.set(done_sentence(&change, &title)),
                Err(ApiError::Aborted) => return,
                Err(error) => {
                    let sentence = failed_sentence(&change, &title, &error);
                    announce.set(sentence.clone());
                    failed.set(Some(Failed { record: tried, change, sentence }));
                }
            }
            read.retry();
        });
    };
    // Try again with the record as the list now has it (after a 412: its new version), or as it
    // was tried when the list is still reading — never a click that does nothing.
    let retry_failed = move |_| {
        let Some(f) = failed.get_untracked() else { return };
        let id = f.record.activity.activity_id.clone();
        let now = untrack(|| {
            read.with(|answer| {
                let records = &answer?.as_ref().ok()?.records;
                records.iter().find(|r| r.activity.activity_id == id).cloned()
            })
        });
        run(now.unwrap_or(f.record), f.change);
    };
    let live = move || interaction.with(Option::is_some);
    let list = move || {
        read.with(|answer| match answer {
            None => view! { <p class="related-loading" data-testid="related-loading">"Loading related records…"</p> }.into_any(),
            Some(Err(error)) => {
                view! { <ErrorNotice error=error.clone() what="related records" on_retry=Callback::new(move |()| read.retry())/> }
                    .into_any()
            }
            Some(Ok(r)) if r.records.is_empty() => {
                view! { <p class="empty-state" data-testid="related-empty">"No related records yet."</p> }.into_any()
            }
            Some(Ok(r)) => {
                let rows = r.records.iter().cloned().map(|record| {
                    let id = record.activity.activity_id.clone();
                    let on_change = Callback::new({
                        let record = record.clone();
                        move |change| run(record.clone(), change)
                    });
                    let busy = Signal::derive(move || busy.with(|b| b.as_deref() == Some(id.as_str())));
                    view! { <RelatedRow record live=live() busy on_change/> }
                });
                view! { <ul class="related-list" data-testid="related-list">{rows.collect_view()}</ul> }.into_any()
            }
        })
    };
    let failure = move || {
        failed.get().map(|f| {
            view! {
                <div class="form-failure related-failed" data-testid="related-failed">
                    <p>{f.sentence}</p>
                    <button type="button" class="button button--small" data-testid="related-retry" on:click=retry_failed>
                        "Try again"
                    </button>
                </div>
            }
        })
    };

    let labelled_by = heading_id.clone();

    view! {
        <section class="related" aria-labelledby=labelled_by data-testid="related-records">
            <h3 id=heading_id class="section-title">"Related records"</h3>
            {failure}
            {list}
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="related-status">{status}</p>
        </section>
    }
}
