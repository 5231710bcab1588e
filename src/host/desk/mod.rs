//! The agent's desk as the panel sees it: the live interactions the host announced, which one is
//! focused (and therefore shown), who each one is with, and what is open for it in the native CRM
//! ([`record`]). Pure, so every rule is unit-tested.

mod record;
mod wrap_up;

use c360_wire::{Identity, normalize_email, normalize_phone};

pub use self::record::Record;
pub use self::wrap_up::{WRAP_UP_WAIT_MS, WrapUpDue};
use super::event::{InteractionType, Started};

/// Who is on the other end of an interaction, as far as the panel may look them up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// An external customer with an identifier to look up.
    Customer(Identity),
    /// Agent-to-agent or directory: no customer lookup by design.
    Internal,
    /// External, but not routed through a queue (a direct dial): no customer lookup by design.
    Unrouted,
    /// External, but the host gave no usable identifier (a chat without an email, say).
    Unidentified,
}

/// One interaction the host told us about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Live {
    /// The host's interaction id.
    pub id: String,
    /// Its channel (`None`: opened from a link, not announced by a host).
    pub channel: Option<InteractionType>,
    /// The customer reached out (else the agent did).
    pub inbound: bool,
    /// Who it is with.
    pub subject: Subject,
    /// `aw-interaction-ended-v1` arrived.
    pub ended: bool,
    /// The agent asked for this customer: opened by link, or "Show history" with screen pop off.
    pub asked: bool,
    /// What is open for it in the native CRM.
    pub record: Record,
    /// The queue it came through, if the host named one.
    pub queue: Option<String>,
    /// When the panel heard it start (ms since the epoch; see [`Desk::started_at`]).
    pub started_ms: Option<i64>,
}

/// At most this many interactions are remembered (agents rarely hold more than a few at once).
const MAX_LIVE: usize = 12;

/// The live interactions, the focused one, and whether the tenant pops customers by itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Desk {
    live: Vec<Live>,
    focused: Option<String>,
    /// The tenant's screen-pop setting; `None` until it is read, and until then nobody is looked
    /// up unless the agent asked.
    screen_pop: Option<bool>,
    /// What is open in the native CRM while no interaction is shown.
    unattached: Record,
    /// Interactions auto log may record ([`wrap_up`]).
    wrap_ups: Vec<WrapUpDue>,
}

impl Desk {
    /// A started interaction is recorded and shown at once (screen pop); a repeated start of the
    /// same id (the host re-announcing after a panel reload) replaces it.
    pub fn start(&mut self, started: &Started) {
        let subject = subject_of(started);
        // A re-announcement keeps the agent's "Show history" and open record for the same customer.
        let before = self.live.iter().find(|l| l.id == started.interaction_id && l.subject == subject);
        let asked = before.is_some_and(|l| l.asked);
        let record = before.map(|l| l.record.clone()).unwrap_or_default();
        let started_ms = before.and_then(|l| l.started_ms);
        let live = Live {
            id: started.interaction_id.clone(),
            channel: Some(started.interaction_type),
            inbound: started.inbound,
            subject,
            ended: false,
            asked,
            record,
            queue: started.queue_name.clone(),
            started_ms,
        };
        self.live.retain(|l| l.id != live.id);
        self.focused = Some(live.id.clone());
        self.live.push(live);
        self.prune();
    }

    /// Notes when the panel heard interaction `id` start (a re-announcement keeps the first time).
    pub fn started_at(&mut self, id: &str, ms: i64) {
        if let Some(live) = self.live.iter_mut().find(|l| l.id == id && l.started_ms.is_none()) {
            live.started_ms = Some(ms);
        }
    }

    /// Shows a customer the panel was opened for by link (no host interaction).
    pub fn open_link(&mut self, identity: Identity) {
        let live = Live {
            id: String::new(),
            channel: None,
            inbound: true,
            subject: Subject::Customer(identity),
            ended: false,
            asked: true,
            record: Record::Matched,
            queue: None,
            started_ms: None,
        };
        self.live.retain(|l| !l.id.is_empty());
        self.focused = Some(String::new());
        self.live.push(live);
    }

    /// Shows `id` if it is known; answers whether anything changed.
    pub fn focus(&mut self, id: &str) -> bool {
        if self.focused.as_deref() == Some(id) || !self.live.iter().any(|l| l.id == id) {
            return false;
        }
        self.focused = Some(id.to_owned());
        self.prune();
        true
    }

    /// Marks `id` ended; the profile stays on screen until another interaction is shown.
    pub fn end(&mut self, id: &str) -> bool {
        match self.live.iter_mut().find(|l| l.id == id && !l.ended) {
            Some(l) => {
                l.ended = true;
                true
            }
            None => false,
        }
    }

    /// The interaction on screen.
    pub fn shown(&self) -> Option<&Live> {
        let id = self.focused.as_deref()?;
        self.live.iter().find(|l| l.id == id)
    }

    /// Records the tenant's screen-pop setting; answers whether it changed.
    pub fn set_screen_pop(&mut self, on: bool) -> bool {
        let changed = self.screen_pop != Some(on);
        self.screen_pop = Some(on);
        changed
    }

    /// The agent asks for the shown interaction's customer (screen pop off); answers whether
    /// anything changed.
    pub fn ask_for_shown(&mut self) -> bool {
        let Some(id) = self.focused.clone() else { return false };
        match self.live.iter_mut().find(|l| l.id == id && !l.asked) {
            Some(l) => {
                l.asked = true;
                true
            }
            None => false,
        }
    }

    /// The interaction on screen and its customer, when it is with one.
    pub fn shown_customer(&self) -> Option<(&Live, &Identity)> {
        let live = self.shown()?;
        match &live.subject {
            Subject::Customer(identity) => Some((live, identity)),
            _ => None,
        }
    }

    /// Screen pop is off and the customer on screen waits for the agent's "Show history".
    pub fn waits_for_agent(&self) -> bool {
        self.screen_pop == Some(false) && self.shown_customer().is_some_and(|(l, _)| !l.asked)
    }

    /// The customer on screen, when their history may be looked up: the agent asked, or the
    /// tenant pops customers by itself. `None` for no customer, or one waiting for the agent.
    pub fn looked_up(&self) -> Option<(&Live, &Identity)> {
        self.shown_customer().filter(|(l, _)| l.asked || self.screen_pop == Some(true))
    }

    /// The interactions still remembered, oldest first.
    pub fn live(&self) -> &[Live] {
        &self.live
    }

    /// Ended interactions leave once they are no longer shown; beyond the cap the oldest go.
    fn prune(&mut self) {
        let focused = self.focused.clone();
        self.live.retain(|l| !l.ended || focused.as_deref() == Some(l.id.as_str()));
        while self.live.len() > MAX_LIVE {
            let oldest = self.live.iter().position(|l| focused.as_deref() != Some(l.id.as_str())).unwrap_or(0);
            self.live.remove(oldest);
        }
    }
}

impl Live {
    /// What kind of interaction this is, for the header: "Call · inbound", "Chat · inbound",
    /// "Customer" (opened by link: no channel, no direction).
    pub fn label(&self) -> String {
        let kind = match self.channel {
            None => return "Customer".to_owned(),
            Some(InteractionType::Phone) => "Call",
            Some(InteractionType::Sms) => "SMS",
            Some(InteractionType::Email) => "Email",
            Some(InteractionType::Chat) => "Chat",
        };
        format!("{kind} · {}", if self.inbound { "inbound" } else { "outbound" })
    }
}

/// The identity to look up for a started interaction: the E.164 phone for calls and SMS, the
/// email for email and chat (falling back to a phone the host gave); nothing for internal or
/// unrouted interactions (each said as such).
pub fn subject_of(s: &Started) -> Subject {
    if s.internal {
        return Subject::Internal;
    }
    if !s.routed {
        return Subject::Unrouted;
    }
    let phone =
        || s.customer_phone.as_deref().and_then(normalize_phone).map(|phone_number| Identity::Phone { phone_number });
    let email = || s.customer_email.as_deref().and_then(normalize_email).map(|email| Identity::Email { email });
    let identity = match s.interaction_type {
        InteractionType::Phone | InteractionType::Sms => phone(),
        InteractionType::Email | InteractionType::Chat => email().or_else(phone),
    };
    identity.map_or(Subject::Unidentified, Subject::Customer)
}

#[cfg(test)]
mod tests;
