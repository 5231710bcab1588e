//! Auto log's rules, framework-free: the wrap-up body an interaction becomes, and what the agent
//! reads about it.

use c360_wire::crm::WrapUp;
use c360_wire::insight::{Direction, MediaType};
use chrono::{DateTime, FixedOffset};

use crate::host::InteractionType;
use crate::host::desk::WrapUpDue;

/// The `POST …/wrap-up` body for `due`, recorded against `contact_id` at `now_ms`, its times at
/// the agent's offset (`offset_minutes` east of UTC).
pub fn wrap_up_body(due: &WrapUpDue, contact_id: &str, now_ms: i64, offset_minutes: i32) -> WrapUp {
    let ended = due.ended_ms.unwrap_or(now_ms);
    let started = due.started_ms.unwrap_or(ended).min(ended);
    WrapUp {
        contact_id: contact_id.to_owned(),
        // The contract has no SMS media: SMS is a chat there (with its chat type).
        media_type: match due.channel {
            InteractionType::Phone => MediaType::Phone,
            InteractionType::Email => MediaType::Email,
            InteractionType::Chat | InteractionType::Sms => MediaType::Chat,
        },
        direction: if due.inbound { Direction::Inbound } else { Direction::Outbound },
        started_at: at(started, offset_minutes),
        ended_at: at(ended, offset_minutes),
        wrap_up_codes: due.codes.clone().unwrap_or_default(),
    }
}

fn at(ms: i64, offset_minutes: i32) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap_or(FixedOffset::east_opt(0).expect("UTC"));
    DateTime::from_timestamp_millis(ms).unwrap_or_default().with_timezone(&offset)
}

/// Where auto log stands for one interaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// On its way.
    Sending,
    /// Recorded against `name`: with an auto record (`logged`), or only joined to their history
    /// (auto log does not cover this channel).
    Done { name: String, logged: bool },
    /// No contact was open for it, so nothing was recorded.
    NoContact,
    /// The request failed: the agent may retry (the server records it once however often).
    Failed,
}

impl Outcome {
    /// The sentence the agent reads.
    pub fn sentence(&self) -> String {
        match self {
            Outcome::Sending => "Logging the interaction…".to_owned(),
            Outcome::Done { name, logged: true } => format!("Logged to {name}"),
            Outcome::Done { name, logged: false } => format!("Added to {name}’s history"),
            Outcome::NoContact => "Not logged: no contact was open for this interaction".to_owned(),
            Outcome::Failed => "Not logged".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(codes: Option<Vec<String>>) -> WrapUpDue {
        WrapUpDue {
            interaction_id: "int-1".into(),
            channel: InteractionType::Sms,
            inbound: false,
            contact_id: Some("c-1".into()),
            started_ms: Some(1_772_355_600_000), // 2026-03-01T09:00:00Z
            ended_ms: Some(1_772_355_900_000),
            codes,
            taken: true,
        }
    }

    #[test]
    fn an_sms_is_a_chat_with_its_times_at_the_agents_offset_and_its_codes() {
        let body = wrap_up_body(&due(Some(vec!["billing".into()])), "c-1", 1_772_356_000_000, 60);
        assert_eq!((body.media_type, body.direction), (MediaType::Chat, Direction::Outbound));
        assert_eq!(body.started_at.to_rfc3339(), "2026-03-01T10:00:00+01:00");
        assert_eq!(body.ended_at.to_rfc3339(), "2026-03-01T10:05:00+01:00");
        assert_eq!(body.wrap_up_codes, ["billing"]);
    }

    #[test]
    fn without_an_end_it_ends_now_and_never_before_it_started() {
        let mut d = due(None);
        d.ended_ms = None;
        d.started_ms = Some(2_000_000);
        let body = wrap_up_body(&d, "c-1", 1_000_000, 0);
        assert_eq!(body.started_at, body.ended_at);
        assert!(body.wrap_up_codes.is_empty());
    }

    #[test]
    fn the_agent_reads_where_it_went() {
        let done = |logged| Outcome::Done { name: "Dana Whitfield".into(), logged }.sentence();
        assert_eq!(done(true), "Logged to Dana Whitfield");
        assert_eq!(done(false), "Added to Dana Whitfield’s history");
        assert_eq!(Outcome::Failed.sentence(), "Not logged");
    }
}
