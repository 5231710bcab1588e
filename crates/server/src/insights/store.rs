//! Reading and writing interactions.

use std::collections::HashMap;

use c360_wire::{Identity, Interaction, Sentiment, TimeRange, Topic, normalize_email, normalize_phone};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use super::aggregate::{ANALYSED_MAX, AnalysedInteraction};
use crate::db::{Engine, last_per_key, placeholders, values_rows};

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

/// The columns an insert writes, in bind order.
const COLUMNS: &str = "tenant_id, interaction_id, identity_key, media_identifier, contact_id, account_id, media_type,
    chat_type, direction, product_type, started_at, ended_at, sentiment, customer_sentiment, agent_sentiment, topics,
    wrap_up_codes, interaction_labels, queue_name, outcome_label, title, email_subject, department_name";
const COLUMN_COUNT: usize = 23;

/// What a stored interaction with an existing id is replaced with: every column but the key.
const REPLACE: &str = "ON CONFLICT (tenant_id, interaction_id) DO UPDATE SET identity_key = excluded.identity_key,
    media_identifier = excluded.media_identifier, contact_id = excluded.contact_id, account_id = excluded.account_id,
    media_type = excluded.media_type, chat_type = excluded.chat_type, direction = excluded.direction,
    product_type = excluded.product_type, started_at = excluded.started_at, ended_at = excluded.ended_at,
    sentiment = excluded.sentiment, customer_sentiment = excluded.customer_sentiment,
    agent_sentiment = excluded.agent_sentiment, topics = excluded.topics, wrap_up_codes = excluded.wrap_up_codes,
    interaction_labels = excluded.interaction_labels, queue_name = excluded.queue_name,
    outcome_label = excluded.outcome_label, title = excluded.title, email_subject = excluded.email_subject,
    department_name = excluded.department_name";

/// Stores interactions, replacing any with the same id; within `all`, the last one of an id wins.
pub async fn insert_interactions(
    conn: &mut AnyConnection,
    tenant_id: &str,
    all: &[StoredInteraction],
) -> sqlx::Result<()> {
    for chunk in all.chunks(Engine::of(conn).insert_batch()) {
        let kept = last_per_key(chunk, |s| &s.interaction.interaction_id);
        let sql =
            format!("INSERT INTO interactions ({COLUMNS}) VALUES {} {REPLACE}", values_rows(kept.len(), COLUMN_COUNT));
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for s in kept {
            let i = &s.interaction;
            query = query
                .bind(tenant_id.to_owned())
                .bind(i.interaction_id.clone())
                .bind(identity_key(i.media_identifier.as_deref().unwrap_or_default()))
                .bind(i.media_identifier.clone())
                .bind(i.contact_id.clone())
                .bind(s.account_id.clone())
                .bind(i.media_type.as_str().to_owned())
                .bind(i.chat_type.clone())
                .bind(i.direction.as_ref().map(|d| d.as_str().to_owned()))
                .bind(i.product_type.as_ref().map(|p| p.as_str().to_owned()))
                .bind(i.started_at)
                .bind(i.ended_at)
                .bind(i.sentiment.as_ref().map(|v| v.as_str().to_owned()))
                .bind(s.customer_sentiment.as_ref().map(|v| v.as_str().to_owned()))
                .bind(s.agent_sentiment.as_ref().map(|v| v.as_str().to_owned()))
                .bind(json(&i.topics))
                .bind(json(&i.wrap_up_codes))
                .bind(json(&i.interaction_labels))
                .bind(i.queue_name.clone())
                .bind(i.outcome_label.clone())
                .bind(i.title.clone())
                .bind(i.email_subject.clone())
                .bind(i.department_name.clone());
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// A list column as JSON text.
fn json<T: serde::Serialize>(list: &[T]) -> String {
    serde_json::to_string(list).expect("lists serialise")
}

/// A contact's interactions (`contactId` + `crmId=native`): those naming it, those linked to it
/// (an interaction recorded against it at wrap-up), and every one from any of its phones and
/// emails (a native CRM contact's identifiers; none in an identity-only tenant). Each part is an
/// index lookup; their union is the contact's own interactions, which the outer query sorts.
const CONTACT_FILTER: &str = "interaction_id IN (
        SELECT interaction_id FROM interactions WHERE tenant_id = $1 AND contact_id = $2
        UNION SELECT interaction_id FROM interaction_contacts WHERE tenant_id = $1 AND contact_id = $2
        UNION SELECT i.interaction_id FROM contact_identifiers ci
            JOIN interactions i ON i.tenant_id = ci.tenant_id AND i.identity_key = ci.value
            WHERE ci.tenant_id = $1 AND ci.contact_id = $2)";

/// The `WHERE` clause and bound value selecting one identity's interactions.
pub fn identity_sql(identity: &Identity) -> (&'static str, String) {
    match identity {
        Identity::Phone { phone_number } => ("identity_key = $2", phone_number.clone()),
        Identity::Email { email } => ("identity_key = $2", email.to_lowercase()),
        Identity::Contact { contact_id } => (CONTACT_FILTER, contact_id.clone()),
        Identity::Account { account_id } => ("account_id = $2", account_id.clone()),
    }
}

/// The most recent interactions of one identity in a window (`{filter}` from [`identity_sql`]).
pub const RECENT_SQL: &str = "SELECT interaction_id, contact_id, media_identifier, media_type, chat_type, direction,
    product_type, started_at, ended_at, sentiment, topics, wrap_up_codes, interaction_labels, queue_name, outcome_label,
    title, email_subject, department_name
    FROM interactions
    WHERE tenant_id = $1 AND {filter} AND started_at BETWEEN $3 AND $4
    ORDER BY started_at DESC, interaction_id LIMIT $5";

/// The most recent analysed interactions of one identity in a window.
pub const ANALYSED_SQL: &str = "SELECT sentiment, customer_sentiment, agent_sentiment, topics FROM interactions
    WHERE tenant_id = $1 AND {filter} AND started_at BETWEEN $3 AND $4 AND sentiment IS NOT NULL
    ORDER BY started_at DESC, interaction_id LIMIT $5";

/// One of the identity queries (`template`: [`RECENT_SQL`], [`ANALYSED_SQL`], or either with a
/// prefix such as `EXPLAIN`) for `identity`, its five parameters bound.
pub fn identity_query<'q>(
    template: &str,
    tenant_id: &str,
    identity: &Identity,
    range: TimeRange,
    limit: usize,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    let (filter, value) = identity_sql(identity);
    sqlx::query(AssertSqlSafe(template.replace("{filter}", filter)))
        .bind(tenant_id.to_owned())
        .bind(value)
        .bind(range.start_ms)
        .bind(range.end_ms)
        .bind(limit as i64)
}

/// The most recent `limit` interactions of `identity` in `range`, newest first. Sentiment and topics
/// are dropped when `with_analytics` is false (tenant without Speech Analytics).
pub async fn recent_interactions(
    conn: &mut AnyConnection,
    tenant_id: &str,
    identity: &Identity,
    range: TimeRange,
    limit: usize,
    with_analytics: bool,
) -> sqlx::Result<Vec<Interaction>> {
    let rows = identity_query(RECENT_SQL, tenant_id, identity, range, limit).fetch_all(conn).await?;
    rows.iter().map(|r| row_to_interaction(r, with_analytics)).collect()
}

/// The most recent analysed interactions (with a sentiment) of `identity` in `range`, at most
/// [`ANALYSED_MAX`], newest first.
pub async fn recent_analysed(
    conn: &mut AnyConnection,
    tenant_id: &str,
    identity: &Identity,
    range: TimeRange,
) -> sqlx::Result<Vec<AnalysedInteraction>> {
    let rows = identity_query(ANALYSED_SQL, tenant_id, identity, range, ANALYSED_MAX).fetch_all(conn).await?;
    rows.iter()
        .map(|r| {
            let topics: Vec<Topic> = json_column(r, 3)?;
            Ok(AnalysedInteraction {
                overall: Sentiment::from(r.try_get::<String, _>(0)?),
                customer: r.try_get::<Option<String>, _>(1)?.map(Sentiment::from),
                agent: r.try_get::<Option<String>, _>(2)?.map(Sentiment::from),
                topics: topics.into_iter().map(|t| t.topic).collect(),
            })
        })
        .collect()
}

/// The tenant's catalogue categories of `topics` (those it lists), in one query.
pub async fn topic_categories(
    conn: &mut AnyConnection,
    tenant_id: &str,
    topics: &[&str],
) -> sqlx::Result<HashMap<String, String>> {
    if topics.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT topic_name, category_name FROM topic_catalogue WHERE tenant_id = $1 AND topic_name IN ({})",
        placeholders(2, topics.len())
    );
    let mut query = sqlx::query(AssertSqlSafe(sql)).bind(tenant_id.to_owned());
    for topic in topics {
        query = query.bind((*topic).to_owned());
    }
    let rows = query.fetch_all(conn).await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
}

fn row_to_interaction(r: &AnyRow, with_analytics: bool) -> sqlx::Result<Interaction> {
    Ok(Interaction {
        interaction_id: r.try_get(0)?,
        contact_id: r.try_get(1)?,
        media_identifier: r.try_get(2)?,
        media_type: r.try_get::<String, _>(3)?.into(),
        chat_type: r.try_get(4)?,
        direction: r.try_get::<Option<String>, _>(5)?.map(Into::into),
        product_type: r.try_get::<Option<String>, _>(6)?.map(Into::into),
        started_at: r.try_get(7)?,
        ended_at: r.try_get(8)?,
        sentiment: if with_analytics { r.try_get::<Option<String>, _>(9)?.map(Into::into) } else { None },
        topics: if with_analytics { json_column(r, 10)? } else { Vec::new() },
        wrap_up_codes: json_column(r, 11)?,
        interaction_labels: json_column(r, 12)?,
        queue_name: r.try_get(13)?,
        outcome_label: r.try_get(14)?,
        title: r.try_get(15)?,
        email_subject: r.try_get(16)?,
        department_name: r.try_get(17)?,
        signals: Vec::new(),
    })
}

fn json_column<T: serde::de::DeserializeOwned>(r: &AnyRow, idx: usize) -> sqlx::Result<T> {
    let text: String = r.try_get(idx)?;
    serde_json::from_str(&text).map_err(|e| sqlx::Error::ColumnDecode { index: idx.to_string(), source: Box::new(e) })
}
