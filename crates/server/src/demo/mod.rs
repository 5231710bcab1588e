//! The demo tenants: realistic, deterministic customers and 14 months of history across phone,
//! email, chat (WhatsApp, SMS, web chat) and voicemail, with titles, subjects, queues, outcomes,
//! wrap-up codes, labels, sentiments, topics and summaries — once with native CRM (`demo`), once
//! identity-only (`demo-identity`), and once with native CRM but screen pop off (`demo-no-pop`).
//!
//! Everything but the anchor (the moment of seeding, so the demo never ages out of the default
//! one-year window) comes from fixed seeds: two seedings with the same anchor are identical.

pub mod activities;
mod catalogue;
pub mod contacts;
mod layouts;
mod rng;
mod scale;
mod seed;
mod summaries;

use c360_wire::{Direction, Interaction, MediaType, ProductType, Sentiment, Topic};

use sqlx::AnyConnection;

use crate::insights::{StoredInteraction, insert_interactions};
use crate::summaries::insert_summaries;
use catalogue::{CHAT_QUEUES, FIRST_NAMES, LABELS, LAST_NAMES, TOPICS, TopicText, WRAP_UPS};
pub use layouts::{CALLBACK_NUMBER, LOYALTY_TIER, demo_layouts, seed_demo_layouts};
pub use rng::Rng;
pub use scale::{persona as scale_persona, seed_scale, seed_scale_activities, seed_scale_contacts};
pub use seed::{SEEDED_BY, seed_demo, seed_demo_contacts};

/// The demo tenant's id (native CRM on).
pub const DEMO_TENANT: &str = "demo";
/// The identity-only demo tenant: the same account, customers and history, native CRM off.
pub const DEMO_IDENTITY_TENANT: &str = "demo-identity";
/// The demo tenant with screen pop off: the same customers; the agent opens each history.
pub const DEMO_NO_POP_TENANT: &str = "demo-no-pop";
/// Every demo tenant, as (id, native CRM, screen pop).
pub const DEMO_TENANTS: [(&str, bool, bool); 3] =
    [(DEMO_TENANT, true, true), (DEMO_IDENTITY_TENANT, false, true), (DEMO_NO_POP_TENANT, true, false)];
/// The account owning the demo tenants.
pub const DEMO_ACCOUNT: &str = "demo-account";
/// The demo customer with the longest mixed history.
pub const DEMO_PHONE: &str = "+14155550100";
/// A demo customer who mostly writes.
pub const DEMO_EMAIL: &str = "maria.gonzalez@example.com";

const DAY_MS: i64 = 86_400_000;
const MINUTE_MS: i64 = 60_000;

/// One demo customer.
#[derive(Debug, Clone)]
pub struct Persona {
    /// Display name (for the CRM, later).
    pub name: String,
    /// E.164 phone.
    pub phone: String,
    /// Email.
    pub email: String,
    /// CRM contact id.
    pub contact_id: String,
    /// CRM account (company) the contact belongs to, if any.
    pub account_id: Option<String>,
    /// How many interactions over 14 months.
    pub interactions: usize,
    /// Share of written channels (email, web chat) against phone-based ones.
    pub written: f64,
    /// Mood: −1 (unhappy) .. +1 (happy).
    pub mood: f64,
}

/// The demo customers, in a fixed order: the first ones are documented in the README.
pub fn personas() -> Vec<Persona> {
    let fixed = [
        ("Dana Whitfield", DEMO_PHONE, "dana.whitfield@example.com", 72, 0.15, -0.1),
        ("Maria Gonzalez", "+14155550101", DEMO_EMAIL, 24, 0.8, 0.4),
        ("Tom Becker", "+14155550102", "tom.becker@example.com", 1, 0.0, 0.0),
        ("Grace Okafor", "+442079460001", "grace.okafor@example.co.uk", 14, 0.3, -0.6),
    ];
    let mut out: Vec<Persona> = fixed
        .iter()
        .enumerate()
        .map(|(i, (name, phone, email, n, written, mood))| Persona {
            name: (*name).into(),
            phone: (*phone).into(),
            email: (*email).into(),
            contact_id: format!("ct-{:04}", i + 1),
            account_id: (i == 3).then(|| "acct-okafor-logistics".to_owned()),
            interactions: *n,
            written: *written,
            mood: *mood,
        })
        .collect();
    let mut rng = Rng::new(0xC360);
    for i in out.len()..48 {
        let first = rng.pick(FIRST_NAMES);
        let last = rng.pick(LAST_NAMES);
        let uk = rng.chance(0.3);
        let phone = if uk { format!("+4420794600{i:02}") } else { format!("+141555501{i:02}") };
        let email_last: String = last.chars().filter(char::is_ascii_alphabetic).collect();
        out.push(Persona {
            name: format!("{first} {last}"),
            phone,
            email: format!("{}.{}{i}@example.com", first.to_lowercase(), email_last.to_lowercase()),
            contact_id: format!("ct-{:04}", i + 1),
            // Every fourth customer works for a company; two or three share each account.
            account_id: i.is_multiple_of(4).then(|| format!("acct-{:04}", i / 10)),
            interactions: rng.range(1, 30) as usize,
            written: rng.range(0, 100) as f64 / 100.0,
            mood: rng.range(-80, 80) as f64 / 100.0,
        });
    }
    out
}

/// Stores the topic catalogue (if missing), `interactions` and their summaries for `tenant_id`.
pub async fn fill_tenant(
    conn: &mut AnyConnection,
    tenant_id: &str,
    interactions: &[StoredInteraction],
) -> sqlx::Result<()> {
    for t in TOPICS {
        sqlx::query(
            "INSERT INTO topic_catalogue (tenant_id, topic_name, category_name) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
        )
        .bind(tenant_id)
        .bind(t.topic)
        .bind(t.category)
        .execute(&mut *conn)
        .await?;
    }
    insert_interactions(conn, tenant_id, interactions).await?;
    let summaries: Vec<_> = interactions.iter().filter_map(|s| summaries::summary_for(&s.interaction)).collect();
    insert_summaries(conn, tenant_id, &summaries).await
}

/// One persona's history, newest first.
pub fn history(persona: &Persona, index: u64, anchor_ms: i64) -> Vec<StoredInteraction> {
    let mut rng = Rng::new(0x5EED_0000 + index);
    let interests: Vec<&TopicText> = (0..3).map(|_| rng.pick(TOPICS)).collect();
    let mut out: Vec<StoredInteraction> = (0..persona.interactions)
        .map(|n| {
            // Spread over 14 months, denser recently; the first one is always today.
            let days_ago = if n == 0 { 0 } else { (rng.range(0, 425) * rng.range(1, 425) / 425).max(1) };
            let started_at = business_hours(&mut rng, persona, anchor_ms, days_ago);
            interaction(persona, &mut rng, &interests, started_at)
        })
        .collect();
    out.sort_by_key(|s| std::cmp::Reverse(s.interaction.started_at));
    out
}

/// A start time `days_ago` days before `anchor_ms`, inside the customer's business hours (UK
/// numbers 08:00–17:00 UTC, North American ones 14:00–23:00 UTC), never in the future.
fn business_hours(rng: &mut Rng, persona: &Persona, anchor_ms: i64, days_ago: i64) -> i64 {
    let day_start = (anchor_ms - days_ago * DAY_MS).div_euclid(DAY_MS) * DAY_MS;
    let first_hour = if persona.phone.starts_with("+44") { 8 } else { 14 };
    let at = day_start + rng.range(first_hour * 60, (first_hour + 9) * 60) * MINUTE_MS;
    if at < anchor_ms - 10 * MINUTE_MS { at } else { anchor_ms - rng.range(10, 90) * MINUTE_MS }
}

fn interaction(p: &Persona, rng: &mut Rng, interests: &[&TopicText], started_at: i64) -> StoredInteraction {
    let topic = *rng.pick(interests);
    let (media_type, chat_type, identifier) = if rng.chance(p.written) {
        if rng.chance(0.6) {
            (MediaType::Email, None, p.email.clone())
        } else {
            (MediaType::Chat, Some("WebChat"), p.email.clone())
        }
    } else {
        match rng.below(10) {
            0 => (MediaType::Voicemail, None, p.phone.clone()),
            1 | 2 => (MediaType::Chat, Some("WHATSAPP"), p.phone.clone()),
            3 => (MediaType::Chat, Some("SMS"), p.phone.clone()),
            _ => (MediaType::Phone, None, p.phone.clone()),
        }
    };
    let minutes = match media_type {
        MediaType::Phone => rng.range(2, 25),
        MediaType::Chat => rng.range(4, 40),
        MediaType::Voicemail => 1,
        _ => rng.range(3, 15),
    };
    let outbound = media_type != MediaType::Voicemail && rng.chance(0.2);
    let analysed = media_type != MediaType::Voicemail && rng.chance(0.9);
    let (overall, customer, agent) = if analysed { sentiments(rng, p.mood) } else { (None, None, None) };
    let mut topics = vec![Topic { topic: topic.topic.into(), matches: Some(rng.range(1, 5) as i32) }];
    let second = *rng.pick(interests);
    if second.topic != topic.topic && rng.chance(0.35) {
        topics.push(Topic { topic: second.topic.into(), matches: Some(rng.range(1, 3) as i32) });
    }
    let (outcome, wrap_up) = if media_type == MediaType::Voicemail {
        ("Voicemail left", "callback-requested")
    } else if overall == Some(Sentiment::Negative) && rng.chance(0.5) {
        ("Escalated", "escalated")
    } else {
        (*rng.pick(&["Resolved", "Resolved", "Handled", "Callback scheduled"]), *rng.pick(WRAP_UPS))
    };
    let mut labels: Vec<String> = Vec::new();
    if media_type == MediaType::Chat {
        labels.extend(["Queued".to_owned(), "Handled".to_owned()]);
    }
    if rng.chance(0.25) {
        labels.push((*rng.pick(LABELS)).to_owned());
    }
    let queue = match media_type {
        MediaType::Email => "Email Support",
        MediaType::Chat if rng.chance(0.5) => match chat_type {
            Some("WHATSAPP") => CHAT_QUEUES[1],
            Some("SMS") => CHAT_QUEUES[2],
            _ => CHAT_QUEUES[0],
        },
        _ => topic.queue,
    };
    let title = match media_type {
        MediaType::Voicemail => {
            rng.chance(0.5).then(|| format!("Voicemail: {}", rng.pick(topic.titles).to_lowercase()))
        }
        // Older calls predate AI titles now and then: the panel needs a fallback.
        _ => rng.chance(0.85).then(|| (*rng.pick(topic.titles)).to_owned()),
    };
    let email_subject = (media_type == MediaType::Email).then(|| (*rng.pick(topic.subjects)).to_owned());
    let id = format!("int-{:012x}", rng.next_u64() >> 16);
    StoredInteraction {
        interaction: Interaction {
            interaction_id: id,
            contact_id: Some(p.contact_id.clone()),
            media_identifier: Some(identifier),
            media_type: media_type.clone(),
            chat_type: chat_type.map(str::to_owned),
            direction: Some(if outbound { Direction::Outbound } else { Direction::Inbound }),
            product_type: Some(if media_type == MediaType::Voicemail { ProductType::Uc } else { ProductType::Cc }),
            started_at,
            ended_at: Some(started_at + minutes * MINUTE_MS + rng.range(0, 59) * 1000),
            sentiment: overall,
            topics: if analysed { topics } else { Vec::new() },
            wrap_up_codes: vec![wrap_up.to_owned()],
            queue_name: Some(queue.to_owned()),
            outcome_label: Some(outcome.to_owned()),
            interaction_labels: labels,
            title,
            email_subject,
            department_name: None,
            signals: Vec::new(),
        },
        account_id: p.account_id.clone(),
        customer_sentiment: customer,
        agent_sentiment: agent,
    }
}

/// Overall, customer and agent sentiment for one analysed interaction, leaning on `mood`.
fn sentiments(rng: &mut Rng, mood: f64) -> (Option<Sentiment>, Option<Sentiment>, Option<Sentiment>) {
    let roll = rng.range(-100, 100) as f64 / 100.0 + mood;
    let customer = if roll > 0.35 {
        Sentiment::Positive
    } else if roll < -0.35 {
        Sentiment::Negative
    } else {
        Sentiment::Neutral
    };
    let agent = if rng.chance(0.8) { Sentiment::Neutral } else { Sentiment::Positive };
    let overall = if customer == Sentiment::Negative && agent == Sentiment::Positive {
        Sentiment::Neutral
    } else {
        customer.clone()
    };
    (Some(overall), Some(customer), Some(agent))
}
