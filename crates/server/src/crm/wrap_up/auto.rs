//! The record auto log makes of a wrap-up: a call/chat/email log pre-filled from the interaction
//! (direction, start, duration, the wrap-up codes as subject and outcome), a follow-up task or a
//! case, as the tenant says. Plain functions with native tests.

use c360_wire::crm::{ActivityType, CallPart, CasePart, NewActivity, TaskPart, TaskPriority, TaskStatus, WrapUp};
use c360_wire::insight::{Direction, MediaType};

use super::setting::AutoLogRecord;

/// The auto-log record of wrap-up `w` of interaction `interaction_id`.
pub fn auto_record(w: &WrapUp, interaction_id: &str, kind: AutoLogRecord) -> NewActivity {
    let codes: Vec<String> = w.wrap_up_codes.iter().map(|c| humanise(c)).filter(|c| !c.is_empty()).collect();
    let heading = heading(&w.direction, &w.media_type);
    let subject = if codes.is_empty() { heading } else { format!("{heading} — {}", codes.join(", ")) };
    let mut record = NewActivity {
        interaction_id: Some(interaction_id.to_owned()),
        subject,
        ..NewActivity::about(ActivityType::Call, w.contact_id.clone())
    };
    match kind {
        AutoLogRecord::Log => {
            let seconds = (w.ended_at - w.started_at).num_seconds().max(0);
            record.call = Some(CallPart {
                direction: w.direction.clone(),
                started_at: w.started_at,
                duration_seconds: u32::try_from(seconds).ok(),
                outcome: codes.join(", "),
            });
        }
        AutoLogRecord::Task => {
            record.activity_type = ActivityType::Task;
            record.subject = format!("Follow up: {}", record.subject);
            record.task = Some(TaskPart {
                due_at: w.ended_at + chrono::Duration::days(1),
                status: TaskStatus::Open,
                priority: TaskPriority::Normal,
            });
        }
        AutoLogRecord::Case => {
            record.activity_type = ActivityType::Case;
            record.case = Some(CasePart::default());
        }
    }
    record
}

/// "Inbound call", "Outbound email", "Inbound voicemail".
fn heading(direction: &Direction, media: &MediaType) -> String {
    let way = match direction {
        Direction::Inbound => "Inbound",
        Direction::Outbound => "Outbound",
        Direction::Other(_) => "",
    };
    let what = match media {
        MediaType::Phone => "call",
        MediaType::Voicemail => "voicemail",
        MediaType::Chat => "chat",
        MediaType::Email => "email",
        MediaType::Other(other) => other.as_str(),
    };
    if way.is_empty() { capitalised(what) } else { format!("{way} {what}") }
}

/// A wrap-up code as people read it: `billing_support` and `BILLING-SUPPORT` → "Billing Support";
/// a code already written in mixed case stays as it is.
pub fn humanise(code: &str) -> String {
    let spaced: String = code.trim().chars().map(|c| if c == '_' || c == '-' { ' ' } else { c }).collect();
    let one_case = !spaced.chars().any(char::is_lowercase) || !spaced.chars().any(char::is_uppercase);
    let words = spaced.split_whitespace();
    if one_case {
        words.map(|w| capitalised(&w.to_lowercase())).collect::<Vec<_>>().join(" ")
    } else {
        words.collect::<Vec<_>>().join(" ")
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn wrap_up(media: &str, codes: &[&str]) -> WrapUp {
        serde_json::from_value(json!({
            "contactId": "c-1", "mediaType": media, "direction": "INBOUND",
            "startedAt": "2026-03-01T09:00:00-05:00", "endedAt": "2026-03-01T09:03:05-05:00", "wrapUpCodes": codes
        }))
        .unwrap()
    }

    #[test]
    fn a_call_log_is_pre_filled_from_the_interaction_and_its_codes() {
        let log = auto_record(&wrap_up("PHONE", &["billing_support", "Resolved"]), "int-1", AutoLogRecord::Log);
        assert_eq!(log.subject, "Inbound call — Billing Support, Resolved");
        let call = log.call.unwrap();
        assert_eq!((call.direction, call.duration_seconds), (Direction::Inbound, Some(185)));
        assert_eq!(call.started_at.offset().local_minus_utc(), -5 * 3600, "the host's offset is kept");
        assert_eq!(log.interaction_id.as_deref(), Some("int-1"));
        assert_eq!(auto_record(&wrap_up("CHAT", &[]), "i", AutoLogRecord::Log).subject, "Inbound chat");
    }

    #[test]
    fn a_task_or_a_case_when_the_tenant_says_so() {
        let task = auto_record(&wrap_up("EMAIL", &["REFUND-REQUEST"]), "i", AutoLogRecord::Task);
        assert_eq!(task.subject, "Follow up: Inbound email — Refund Request");
        assert_eq!(task.task.unwrap().due_at.to_rfc3339(), "2026-03-02T09:03:05-05:00");
        let case = auto_record(&wrap_up("VOICEMAIL", &["Billing Support"]), "i", AutoLogRecord::Case);
        assert_eq!(
            (case.activity_type, case.subject.as_str()),
            (ActivityType::Case, "Inbound voicemail — Billing Support")
        );
        assert_eq!(case.case, Some(CasePart::default()));
    }
}
