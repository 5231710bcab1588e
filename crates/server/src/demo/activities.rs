//! Deterministic activities for benchmarks (`seed --activities N`): calls, notes, tasks, events
//! and cases over the tenant's contacts, skewed as a CRM's are — a third of contacts have none,
//! most a handful, one in 2,000 hundreds — some created during an interaction, some linked to a
//! later one. The `k`-th activity is the same on every machine.

use c360_wire::Direction;
use c360_wire::crm::{
    ActivityType, CallPart, CasePart, CasePriority, CaseStatus, EventPart, NewActivity, TaskPart, TaskPriority,
    TaskStatus,
};
use chrono::{DateTime, FixedOffset};

use super::Rng;
use super::contacts::generated_contact_id;
use crate::crm::activities::StoredActivity;

const SEED: u64 = 0xAC71_F17E_5EED_0013;
const DAY_MS: i64 = 86_400_000;
/// The generated activities' ids start with this (then 16 hex digits of the index).
pub const ID_PREFIX: &str = "a-5eed";

/// The id of the `k`-th generated activity: in generator order, so seeding appends.
pub fn activity_id(k: u64) -> String {
    format!("{ID_PREFIX}{k:016x}")
}

/// The index of a generated activity id, if it is one.
pub fn activity_index(id: &str) -> Option<u64> {
    u64::from_str_radix(id.strip_prefix(ID_PREFIX)?, 16).ok()
}

/// How many activities the `contact`-th generated contact has: none for 35 %, 1–6 for 50 %, 6–20
/// for 13.5 %, 21–150 for 1.45 % and 151–1,000 for 0.05 % (5.03 on average).
pub fn activity_count(contact: u64) -> u64 {
    let mut rng = Rng::new(SEED ^ contact.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let (lo, hi) = match rng.below(10_000) {
        0..3_500 => return 0,
        3_500..8_500 => (1, 6),
        8_500..9_850 => (6, 20),
        9_850..9_995 => (21, 150),
        _ => (151, 1_000),
    };
    rng.range(lo, hi) as u64
}

/// A generated activity and, for one in ten, the later interaction it is linked to (and when).
pub struct Generated {
    /// The record.
    pub activity: StoredActivity,
    /// `(interaction_id, linked_at)`.
    pub link: Option<(String, i64)>,
}

/// The `k`-th activity, about the `contact`-th contact, created before `now_ms` (up to two years),
/// its interactions drawn from `interactions` (none when empty).
pub fn activity(k: u64, contact: u64, interactions: &[String], now_ms: i64) -> Generated {
    let mut rng = Rng::new(SEED ^ k.wrapping_mul(0xD1B5_4A32_D192_ED03));
    let created_at = now_ms - rng.below(730 * DAY_MS as u64) as i64;
    let at = |ms: i64| {
        DateTime::from_timestamp_millis(ms).unwrap_or_default().with_timezone(&FixedOffset::east_opt(0).expect("UTC"))
    };
    let kind = match rng.below(100) {
        0..35 => ActivityType::Call,
        35..60 => ActivityType::Note,
        60..80 => ActivityType::Task,
        80..90 => ActivityType::Event,
        _ => ActivityType::Case,
    };
    let interaction_id = interaction(&mut rng, interactions, if kind == ActivityType::Call { 0.6 } else { 0.15 });
    let mut details = NewActivity {
        interaction_id: interaction_id.clone(),
        subject: rng.pick(SUBJECTS).to_string(),
        description: rng.pick(DESCRIPTIONS).to_string(),
        ..NewActivity::about(kind.clone(), generated_contact_id(contact))
    };
    match kind {
        ActivityType::Call => {
            let seconds = rng.range(30, 1_800);
            details.call = Some(CallPart {
                direction: if rng.chance(0.7) { Direction::Inbound } else { Direction::Outbound },
                started_at: at(created_at - seconds * 1_000),
                duration_seconds: Some(seconds as u32),
                outcome: rng.pick(OUTCOMES).to_string(),
            });
        }
        ActivityType::Note => details.subject.clear(),
        ActivityType::Task => {
            let due = created_at + rng.range(1, 14) * DAY_MS;
            details.task = Some(TaskPart {
                due_at: at(due),
                status: if due < now_ms && rng.chance(0.8) { TaskStatus::Done } else { TaskStatus::Open },
                priority: rng.pick(&[TaskPriority::Low, TaskPriority::Normal, TaskPriority::High]).clone(),
            });
        }
        ActivityType::Event => {
            let start = created_at + rng.range(1, 10) * DAY_MS;
            details.event = Some(EventPart {
                start_at: at(start),
                end_at: at(start + rng.range(1, 4) * 1_800_000),
                location: rng.pick(&["Video call", "Head office", "On site", ""]).to_string(),
            });
        }
        _ => {
            let statuses =
                [CaseStatus::New, CaseStatus::Open, CaseStatus::Pending, CaseStatus::Solved, CaseStatus::Closed];
            let priorities = [CasePriority::Low, CasePriority::Normal, CasePriority::High, CasePriority::Urgent];
            details.case =
                Some(CasePart { status: rng.pick(&statuses).clone(), priority: rng.pick(&priorities).clone() });
        }
    }
    let auto = kind == ActivityType::Call && interaction_id.is_some() && rng.chance(0.3);
    let created_by = if auto { "Auto log".to_owned() } else { format!("agent-{:02}@bench", rng.below(60)) };
    let link = interaction(&mut rng, interactions, 0.1).map(|i| (i, created_at + rng.below(7 * DAY_MS as u64) as i64));
    let activity = StoredActivity { activity_id: activity_id(k), details, version: 1, created_at, created_by, auto };
    Generated { activity, link }
}

/// With probability `p`, one of `interactions`.
fn interaction(rng: &mut Rng, interactions: &[String], p: f64) -> Option<String> {
    (!interactions.is_empty() && rng.chance(p)).then(|| rng.pick(interactions).clone())
}

const SUBJECTS: &[&str] = &[
    "Inbound call — Billing Support",
    "Outbound call — Renewal",
    "Follow up on the invoice",
    "Send the replacement part",
    "Quarterly review",
    "Login problem",
    "Refund request",
    "Delivery delayed",
    "Upgrade to the business plan",
    "Callback requested",
];
const DESCRIPTIONS: &[&str] = &[
    "",
    "Customer asked for a copy of the last three invoices by email.",
    "Prefers to be called in the morning; the office line is best.",
    "Escalated to second line; waiting for the logs from the customer.",
    "Agreed a 10 % discount on the renewal if signed before the end of the month.",
];
const OUTCOMES: &[&str] = &["Resolved", "Callback scheduled", "Escalated", "Voicemail left", "No answer"];
