//! What the agent has open in the native CRM, per interaction: the contact the interaction will
//! be recorded against, or a new contact being created. Kept on the desk, so switching to another
//! interaction and back finds it again; with no interaction shown, the desk keeps one of its own.

use super::Desk;

/// What is open in the native CRM for an interaction.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Record {
    /// Whatever the identity match finds: one contact opens by itself, several wait for a pick.
    #[default]
    Matched,
    /// This contact — the single match, or the one the agent picked, searched or created. The
    /// interaction is recorded against it. Picking never re-links later interactions.
    Contact(String),
    /// A new contact being created, seeded with this text (what the agent searched for).
    New(String),
}

impl Desk {
    /// What is open for the shown interaction (or, with none shown, for the desk itself).
    pub fn record(&self) -> &Record {
        match self.shown() {
            Some(live) => &live.record,
            None => &self.unattached,
        }
    }

    /// The contact interaction `id` is recorded against, if one is open for it.
    pub fn recorded_contact(&self, id: &str) -> Option<&str> {
        match &self.live.iter().find(|l| l.id == id)?.record {
            Record::Contact(contact) => Some(contact),
            _ => None,
        }
    }

    /// Opens contact `contact_id` for the shown interaction; answers whether anything changed.
    pub fn open_contact(&mut self, contact_id: &str) -> bool {
        self.set_record(Record::Contact(contact_id.to_owned()))
    }

    /// Starts a new contact seeded with `seed` for the shown interaction.
    pub fn create_contact(&mut self, seed: &str) -> bool {
        self.set_record(Record::New(seed.to_owned()))
    }

    /// Back to what the identity match finds (a new contact cancelled).
    pub fn close_record(&mut self) -> bool {
        self.set_record(Record::Matched)
    }

    /// The identity match of interaction `id` found exactly `contact_id`: it opens, unless the
    /// agent has opened something else meanwhile.
    pub fn matched_one(&mut self, id: &str, contact_id: &str) -> bool {
        match self.live.iter_mut().find(|l| l.id == id) {
            Some(live) if live.record == Record::Matched => {
                live.record = Record::Contact(contact_id.to_owned());
                true
            }
            _ => false,
        }
    }

    /// Opening a contact (or starting one) is the agent asking for the interaction's customer,
    /// with screen pop off as with it on.
    fn set_record(&mut self, record: Record) -> bool {
        let focused = self.focused.clone();
        let asking = record != Record::Matched;
        let (slot, newly_asked) = match self.live.iter_mut().find(|l| Some(&l.id) == focused.as_ref()) {
            Some(live) => {
                let newly_asked = asking && !live.asked;
                live.asked |= asking;
                (&mut live.record, newly_asked)
            }
            None => (&mut self.unattached, false),
        };
        let changed = *slot != record;
        *slot = record;
        changed || newly_asked
    }
}
