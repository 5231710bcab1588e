//! [`watch`]: sends `POST …/wrap-up` for each interaction the desk queues, once it is due — at
//! once when its wrap-up codes came, else a while after it ended. Once: the desk hands each over
//! once, and the server records an interaction once however often it is asked (a retry, a reload,
//! a second tab). [`AutoLog::status`] says beside the interaction's header where it went, as a
//! polite status: "Logged to Dana Whitfield", or "Not logged" with Retry.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::model::{Outcome, wrap_up_body};
use crate::api::{CrmSource, use_crm};
use crate::crm::related::RelatedReload;
use crate::host::Desk;
use crate::host::desk::WrapUpDue;

/// What auto log sent for each interaction (kept for a retry) and how it went. A few a shift: a
/// list, not a map.
#[derive(Clone, Copy)]
pub struct AutoLog {
    sent: RwSignal<Vec<(WrapUpDue, Outcome)>>,
    crm: CrmSource,
    /// Related records read again once a record is made.
    reload: Option<RelatedReload>,
}

/// Starts auto log for `desk` (native-CRM tenants only: identity-only ones never mount it).
pub fn watch(desk: RwSignal<Desk>) -> AutoLog {
    let log = AutoLog { sent: RwSignal::new(Vec::new()), crm: use_crm(), reload: use_context::<RelatedReload>() };
    let tick = RwSignal::new(0_u32);
    Effect::new(move |_| {
        tick.track();
        let now = js_sys::Date::now() as i64;
        let queued: Vec<(String, i64)> = desk.with(|d| {
            d.wrap_ups()
                .iter()
                .filter(|w| !w.taken)
                .filter_map(|w| Some((w.interaction_id.clone(), w.due_ms()?)))
                .collect()
        });
        for (id, due_ms) in queued {
            if due_ms <= now {
                if let Some(due) = desk.try_update(|d| d.take_wrap_up(&id)).flatten() {
                    log.send(due);
                }
            } else {
                let wait = Duration::from_millis((due_ms - now) as u64);
                set_timeout(move || _ = tick.try_update(|t| *t += 1), wait);
            }
        }
    });
    log
}

impl AutoLog {
    fn set(self, due: &WrapUpDue, outcome: Outcome) {
        self.sent.try_update(|sent| match sent.iter_mut().find(|(d, _)| d.interaction_id == due.interaction_id) {
            Some(entry) => entry.1 = outcome,
            None => sent.push((due.clone(), outcome)),
        });
    }

    fn send(self, due: WrapUpDue) {
        let Some(contact_id) = due.contact_id.clone() else { return self.set(&due, Outcome::NoContact) };
        self.set(&due, Outcome::Sending);
        let offset = crate::intl::offset_minutes();
        let body = wrap_up_body(&due, &contact_id, js_sys::Date::now() as i64, offset);
        let crm = self.crm.get();
        spawn_local(async move {
            let outcome = match crm.wrap_up(&due.interaction_id, &body).await {
                Ok(answer) => {
                    if let Some(reload) = self.reload {
                        reload.0.try_update(|n| *n += 1);
                    }
                    let name = crm.get_contact(&contact_id, None).await.map(|v| v.contact.details.full_name());
                    let name = name.ok().filter(|n| !n.is_empty()).unwrap_or_else(|| "the contact".to_owned());
                    Outcome::Done { name, logged: answer.activity.is_some() }
                }
                Err(_) => Outcome::Failed,
            };
            self.set(&due, outcome);
        });
    }

    /// Where auto log stands for interaction `id`, read live (nothing until it is queued and due).
    pub fn status(self, id: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
        let entry = Memo::new(move |_| {
            let id = id();
            self.sent.with(|sent| sent.iter().find(|(d, _)| d.interaction_id == id).cloned())
        });
        let retry = move |_| {
            if let Some((due, _)) = entry.get_untracked() {
                self.send(due);
            }
        };
        view! {
            <div class="auto-log">
                <p role="status" data-testid="auto-log">{move || entry.with(|e| e.as_ref().map(|(_, o)| o.sentence()))}</p>
                {move || entry.with(|e| matches!(e, Some((_, Outcome::Failed)))).then(|| view! {
                    <button type="button" class="button button--quiet button--small" data-testid="auto-log-retry"
                        on:click=retry>"Retry"</button>
                })}
            </div>
        }
    }
}
