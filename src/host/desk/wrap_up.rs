//! Auto log's queue on the desk: each interaction with a customer that ended or got its wrap-up
//! codes, waiting to be recorded against the contact open for it. It is due at once when its
//! codes come, else [`WRAP_UP_WAIT_MS`] after it ended (codes may still come: the agent picks them
//! during wrap-up). Kept apart from the live interactions, which a switch of focus prunes.

use super::{Desk, Record, Subject};
use crate::host::event::InteractionType;

/// How long after its end an interaction without wrap-up codes waits for them.
pub const WRAP_UP_WAIT_MS: i64 = 30_000;
/// At most this many are remembered (the oldest sent ones go first).
const MAX_QUEUED: usize = 24;

/// An interaction to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrapUpDue {
    /// The host's interaction id.
    pub interaction_id: String,
    /// Its channel.
    pub channel: InteractionType,
    /// The customer reached out.
    pub inbound: bool,
    /// The contact open for it when it ended or its codes came (`None`: none was open).
    pub contact_id: Option<String>,
    /// When the panel heard it start.
    pub started_ms: Option<i64>,
    /// When it ended, if the host said so.
    pub ended_ms: Option<i64>,
    /// The agent's wrap-up codes, once they came.
    pub codes: Option<Vec<String>>,
    /// Handed to auto log (it is sent once; a retry is the agent's).
    pub taken: bool,
}

impl WrapUpDue {
    /// When it is due (ms since the epoch): at once with codes, else a while after its end.
    pub fn due_ms(&self) -> Option<i64> {
        match (&self.codes, self.ended_ms) {
            (Some(_), _) => Some(i64::MIN),
            (None, Some(ended)) => Some(ended + WRAP_UP_WAIT_MS),
            (None, None) => None,
        }
    }
}

impl Desk {
    /// Interaction `id` ended at `now_ms`: queued for auto log when it is with someone outside
    /// (internal calls are never recorded). Answers whether anything changed.
    pub fn queue_ended(&mut self, id: &str, now_ms: i64) -> bool {
        self.queue(id, now_ms, None)
    }

    /// Interaction `id`'s wrap-up codes came at `now_ms`: it is due now, with them.
    pub fn queue_codes(&mut self, id: &str, codes: Vec<String>, now_ms: i64) -> bool {
        self.queue(id, now_ms, Some(codes))
    }

    fn queue(&mut self, id: &str, now_ms: i64, codes: Option<Vec<String>>) -> bool {
        let Some(live) = self.live.iter().find(|l| l.id == id) else {
            // Codes for an interaction already recorded or never announced change nothing.
            return false;
        };
        let looked_up = !matches!(live.subject, Subject::Internal | Subject::Unrouted);
        let (Some(channel), true) = (live.channel, looked_up) else { return false };
        let contact_id = match &live.record {
            Record::Contact(contact) => Some(contact.clone()),
            _ => None,
        };
        let (inbound, started_ms) = (live.inbound, live.started_ms);
        let ends = codes.is_none();
        if let Some(due) = self.wrap_ups.iter_mut().find(|w| w.interaction_id == id) {
            if due.taken {
                return false;
            }
            due.contact_id = contact_id.or(due.contact_id.take());
            if ends {
                due.ended_ms.get_or_insert(now_ms);
            }
            if codes.is_some() {
                due.codes = codes;
            }
            return true;
        }
        let ended_ms = if ends { Some(now_ms) } else { None };
        let due = WrapUpDue {
            interaction_id: id.to_owned(),
            channel,
            inbound,
            contact_id,
            started_ms,
            ended_ms,
            codes,
            taken: false,
        };
        self.wrap_ups.push(due);
        while self.wrap_ups.len() > MAX_QUEUED {
            let oldest = self.wrap_ups.iter().position(|w| w.taken).unwrap_or(0);
            self.wrap_ups.remove(oldest);
        }
        true
    }

    /// What auto log may record, oldest first.
    pub fn wrap_ups(&self) -> &[WrapUpDue] {
        &self.wrap_ups
    }

    /// Auto log takes interaction `id` (it is not handed over again), with the contact open for
    /// it now if it is still on the desk: one the agent picked or created during wrap-up counts.
    pub fn take_wrap_up(&mut self, id: &str) -> Option<WrapUpDue> {
        let now_open = self.recorded_contact(id).map(str::to_owned);
        let due = self.wrap_ups.iter_mut().find(|w| w.interaction_id == id && !w.taken)?;
        due.taken = true;
        if now_open.is_some() {
            due.contact_id = now_open;
        }
        Some(due.clone())
    }
}
