//! Reading and writing interactions in SQLite.

use c360_wire::{Identity, Interaction, Sentiment, TimeRange, Topic, normalize_email, normalize_phone};
use rusqlite::{Connection, Row, params};

use super::aggregate::{ANALYSED_MAX, AnalysedInteraction};

/// An interaction as stored: the wire object plus what only the server keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredInteraction {
    /// The wire object.
    pub interaction: Interaction,
    /// CRM account it belongs to, if any.
    pub account_id: Option<String>,
    /// The customer's own sentiment.
    pub customer_sentiment: Option<Sentiment>,
    /// The agent's sentiment.
    pub agent_sentiment: Option<Sentiment>,
}

/// The canonical identity key of a media identifier: E.164 for phones, lower case for emails,
/// otherwise the trimmed text.
pub fn identity_key(media_identifier: &str) -> String {
    normalize_phone(media_identifier)
        .or_else(|| normalize_email(media_identifier))
        .unwrap_or_else(|| media_identifier.trim().to_owned())
}

/// Stores one interaction (replacing one with the same id).
pub fn insert_interaction(conn: &Connection, tenant_id: &str, s: &StoredInteraction) -> rusqlite::Result<()> {
    let i = &s.interaction;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO interactions (tenant_id, interaction_id, identity_key, media_identifier, contact_id,
            account_id, media_type, chat_type, direction, product_type, started_at, ended_at, sentiment,
            customer_sentiment, agent_sentiment, topics, wrap_up_codes, interaction_labels, queue_name,
            outcome_label, title, email_subject, department_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
    )?
    .execute(params![
        tenant_id,
        i.interaction_id,
        identity_key(i.media_identifier.as_deref().unwrap_or_default()),
        i.media_identifier,
        i.contact_id,
        s.account_id,
        i.media_type.as_str(),
        i.chat_type,
        i.direction.as_ref().map(|d| d.as_str()),
        i.product_type.as_ref().map(|p| p.as_str()),
        i.started_at,
        i.ended_at,
        i.sentiment.as_ref().map(Sentiment::as_str),
        s.customer_sentiment.as_ref().map(Sentiment::as_str),
        s.agent_sentiment.as_ref().map(Sentiment::as_str),
        json(&i.topics),
        json(&i.wrap_up_codes),
        json(&i.interaction_labels),
        i.queue_name,
        i.outcome_label,
        i.title,
        i.email_subject,
        i.department_name,
    ])?;
    Ok(())
}

/// A list column as JSON text.
fn json<T: serde::Serialize>(list: &[T]) -> String {
    serde_json::to_string(list).expect("lists serialise")
}

/// The `WHERE` clause and bound value selecting one identity's interactions.
pub fn identity_sql(identity: &Identity) -> (&'static str, String) {
    match identity {
        Identity::Phone { phone_number } => ("identity_key = ?2", phone_number.clone()),
        Identity::Email { email } => ("identity_key = ?2", email.to_lowercase()),
        Identity::Contact { contact_id } => ("contact_id = ?2", contact_id.clone()),
        Identity::Account { account_id } => ("account_id = ?2", account_id.clone()),
    }
}

/// The most recent interactions of one identity in a window (`{filter}` from [`identity_sql`]).
pub const RECENT_SQL: &str = "SELECT interaction_id, contact_id, media_identifier, media_type, chat_type, direction,
    product_type, started_at, ended_at, sentiment, topics, wrap_up_codes, interaction_labels, queue_name, outcome_label,
    title, email_subject, department_name
    FROM interactions
    WHERE tenant_id = ?1 AND {filter} AND started_at BETWEEN ?3 AND ?4
    ORDER BY started_at DESC, interaction_id LIMIT ?5";

/// The most recent analysed interactions of one identity in a window.
pub const ANALYSED_SQL: &str = "SELECT sentiment, customer_sentiment, agent_sentiment, topics FROM interactions
    WHERE tenant_id = ?1 AND {filter} AND started_at BETWEEN ?3 AND ?4 AND sentiment IS NOT NULL
    ORDER BY started_at DESC, interaction_id LIMIT ?5";

/// The most recent `limit` interactions of `identity` in `range`, newest first. Sentiment and topics
/// are dropped when `with_analytics` is false (tenant without Speech Analytics).
pub fn recent_interactions(
    conn: &Connection,
    tenant_id: &str,
    identity: &Identity,
    range: TimeRange,
    limit: usize,
    with_analytics: bool,
) -> rusqlite::Result<Vec<Interaction>> {
    let (filter, value) = identity_sql(identity);
    let mut stmt = conn.prepare_cached(&RECENT_SQL.replace("{filter}", filter))?;
    let rows = stmt.query_map(params![tenant_id, value, range.start_ms, range.end_ms, limit as i64], |r| {
        row_to_interaction(r, with_analytics)
    })?;
    rows.collect()
}

/// The most recent analysed interactions (with a sentiment) of `identity` in `range`, at most
/// [`ANALYSED_MAX`], newest first.
pub fn recent_analysed(
    conn: &Connection,
    tenant_id: &str,
    identity: &Identity,
    range: TimeRange,
) -> rusqlite::Result<Vec<AnalysedInteraction>> {
    let (filter, value) = identity_sql(identity);
    let mut stmt = conn.prepare_cached(&ANALYSED_SQL.replace("{filter}", filter))?;
    let rows = stmt.query_map(params![tenant_id, value, range.start_ms, range.end_ms, ANALYSED_MAX as i64], |r| {
        let topics: Vec<Topic> = json_column(r, 3)?;
        Ok(AnalysedInteraction {
            overall: Sentiment::from(r.get::<_, String>(0)?),
            customer: r.get::<_, Option<String>>(1)?.map(Sentiment::from),
            agent: r.get::<_, Option<String>>(2)?.map(Sentiment::from),
            topics: topics.into_iter().map(|t| t.topic).collect(),
        })
    })?;
    rows.collect()
}

/// The tenant's topic catalogue entry for `topic`.
pub fn topic_category(conn: &Connection, tenant_id: &str, topic: &str) -> rusqlite::Result<Option<String>> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached("SELECT category_name FROM topic_catalogue WHERE tenant_id = ?1 AND topic_name = ?2")?
        .query_row(params![tenant_id, topic], |r| r.get(0))
        .optional()
}

fn row_to_interaction(r: &Row<'_>, with_analytics: bool) -> rusqlite::Result<Interaction> {
    Ok(Interaction {
        interaction_id: r.get(0)?,
        contact_id: r.get(1)?,
        media_identifier: r.get(2)?,
        media_type: r.get::<_, String>(3)?.into(),
        chat_type: r.get(4)?,
        direction: r.get::<_, Option<String>>(5)?.map(Into::into),
        product_type: r.get::<_, Option<String>>(6)?.map(Into::into),
        started_at: r.get(7)?,
        ended_at: r.get(8)?,
        sentiment: if with_analytics { r.get::<_, Option<String>>(9)?.map(Into::into) } else { None },
        topics: if with_analytics { json_column(r, 10)? } else { Vec::new() },
        wrap_up_codes: json_column(r, 11)?,
        interaction_labels: json_column(r, 12)?,
        queue_name: r.get(13)?,
        outcome_label: r.get(14)?,
        title: r.get(15)?,
        email_subject: r.get(16)?,
        department_name: r.get(17)?,
        signals: Vec::new(),
    })
}

fn json_column<T: serde::de::DeserializeOwned>(r: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    let text: String = r.get(idx)?;
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
}
