//! The agent's desk as the panel sees it: the live interactions the host announced, which one is
//! focused (and therefore shown), and who each one is with. Pure, so every rule is unit-tested.

use c360_wire::{Identity, normalize_email, normalize_phone};

use super::event::{InteractionType, Started};

/// Who is on the other end of an interaction, as far as the panel may look them up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// An external customer with an identifier to look up.
    Customer(Identity),
    /// Agent-to-agent, directory or unrouted: no customer lookup by design.
    Internal,
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
}

/// At most this many interactions are remembered (agents rarely hold more than a few at once).
const MAX_LIVE: usize = 12;

/// The live interactions and the focused one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Desk {
    live: Vec<Live>,
    focused: Option<String>,
}

impl Desk {
    /// A started interaction is recorded and shown at once (screen pop); a repeated start of the
    /// same id (the host re-announcing after a panel reload) replaces it.
    pub fn start(&mut self, started: &Started) {
        let live = Live {
            id: started.interaction_id.clone(),
            channel: Some(started.interaction_type),
            inbound: started.inbound,
            subject: subject_of(started),
            ended: false,
        };
        self.live.retain(|l| l.id != live.id);
        self.focused = Some(live.id.clone());
        self.live.push(live);
        self.prune();
    }

    /// Shows a customer the panel was opened for by link (no host interaction).
    pub fn open_link(&mut self, identity: Identity) {
        let live = Live {
            id: String::new(),
            channel: None,
            inbound: true,
            subject: Subject::Customer(identity),
            ended: false,
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
    /// What kind of interaction this is, for the header: "Call · inbound", "Chat", "Customer".
    pub fn label(&self) -> String {
        let (kind, directed) = match self.channel {
            None => return "Customer".to_owned(),
            Some(InteractionType::Phone) => ("Call", true),
            Some(InteractionType::Sms) => ("SMS", true),
            Some(InteractionType::Email) => ("Email", true),
            Some(InteractionType::Chat) => ("Chat", false),
        };
        match (directed, self.inbound) {
            (false, _) => kind.to_owned(),
            (true, true) => format!("{kind} · inbound"),
            (true, false) => format!("{kind} · outbound"),
        }
    }
}

/// The identity to look up for a started interaction: the E.164 phone for calls and SMS, the
/// email for email and chat (falling back to a phone the host gave); nothing for internal or
/// unrouted interactions.
pub fn subject_of(s: &Started) -> Subject {
    if s.internal || !s.routed {
        return Subject::Internal;
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
mod tests {
    use super::*;

    fn call(id: &str, phone: &str) -> Started {
        Started {
            interaction_id: id.into(),
            interaction_type: InteractionType::Phone,
            inbound: true,
            queue_name: Some("Support".into()),
            customer_phone: Some(phone.into()),
            customer_email: None,
            routed: true,
            internal: false,
        }
    }

    fn phone(p: &str) -> Subject {
        Subject::Customer(Identity::Phone { phone_number: p.into() })
    }

    #[test]
    fn a_started_call_is_shown_with_its_e164_number() {
        let mut desk = Desk::default();
        desk.start(&call("a", "+1 (415) 555-0100"));
        assert_eq!(desk.shown().unwrap().subject, phone("+14155550100"));
    }

    #[test]
    fn chats_and_emails_use_the_email_and_fall_back_to_the_phone() {
        let chat = Started {
            interaction_type: InteractionType::Chat,
            customer_email: Some(" Maria.Gonzalez@Example.com ".into()),
            ..call("c", "+14155550100")
        };
        assert_eq!(
            subject_of(&chat),
            Subject::Customer(Identity::Email { email: "maria.gonzalez@example.com".into() })
        );
        let no_email = Started { customer_email: None, ..chat.clone() };
        assert_eq!(subject_of(&no_email), phone("+14155550100"));
        let nothing = Started { customer_phone: None, ..no_email };
        assert_eq!(subject_of(&nothing), Subject::Unidentified);
        let bad_phone = call("d", "ext. 12");
        assert_eq!(subject_of(&bad_phone), Subject::Unidentified);
    }

    #[test]
    fn a_link_identity_is_shown_until_a_host_interaction_starts() {
        let mut desk = Desk::default();
        desk.open_link(Identity::Email { email: "a@b.co".into() });
        assert_eq!(desk.shown().unwrap().label(), "Customer");
        desk.start(&call("a", "+14155550100"));
        assert_eq!(desk.shown().unwrap().label(), "Call · inbound");
    }

    #[test]
    fn internal_and_unrouted_interactions_get_no_lookup() {
        assert_eq!(subject_of(&Started { internal: true, ..call("a", "+14155550100") }), Subject::Internal);
        assert_eq!(subject_of(&Started { routed: false, ..call("a", "+14155550100") }), Subject::Internal);
    }

    #[test]
    fn focus_switches_between_live_interactions_and_ignores_unknown_ids() {
        let mut desk = Desk::default();
        desk.start(&call("a", "+14155550100"));
        desk.start(&call("b", "+14155550101"));
        assert_eq!(desk.shown().unwrap().id, "b");
        assert!(desk.focus("a"));
        assert_eq!(desk.shown().unwrap().subject, phone("+14155550100"));
        assert!(!desk.focus("a"), "already shown");
        assert!(!desk.focus("zzz"));
        assert_eq!(desk.shown().unwrap().id, "a");
    }

    #[test]
    fn an_ended_interaction_stays_shown_until_the_next_one() {
        let mut desk = Desk::default();
        desk.start(&call("a", "+14155550100"));
        assert!(desk.end("a"));
        assert!(!desk.end("a"), "ending twice changes nothing");
        assert!(desk.shown().unwrap().ended);
        desk.start(&call("b", "+14155550101"));
        assert_eq!(desk.live().iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["b"], "the ended one left");
    }

    #[test]
    fn a_repeated_start_replaces_and_the_desk_stays_bounded() {
        let mut desk = Desk::default();
        for n in 0..20 {
            desk.start(&call(&format!("i{n}"), "+14155550100"));
        }
        desk.start(&call("i19", "+14155550199"));
        assert_eq!(desk.live().len(), MAX_LIVE);
        assert_eq!(desk.live().iter().filter(|l| l.id == "i19").count(), 1);
        assert_eq!(desk.shown().unwrap().subject, phone("+14155550199"));
    }
}
