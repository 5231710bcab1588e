//! A native contact's interaction history, on both engines: the contract's endpoint with
//! `contactId=…&crmId=native` answers every interaction naming the contact, linked to it, or from
//! any of its phones and emails — newest first, at most 50 — and its insights over that same set.

mod common;

use axum::http::StatusCode;
use c360_server::crm::contacts::store::link_interactions;
use c360_server::insights::{StoredInteraction, insert_interactions};
use c360_wire::{InteractionsInsight, Sentiment};
use common::crm::{Crm, TENANT};
use serde_json::json;

const HOUR_MS: i64 = 3_600_000;

/// `count` interactions from `identifier`, naming `contact_id` if given, one an hour before
/// `newest_ms`, all analysed Negative (so the insights tell whose they are).
fn from(tag: &str, identifier: &str, contact_id: Option<&str>, count: usize, newest_ms: i64) -> Vec<StoredInteraction> {
    let persona = c360_server::demo::Persona { interactions: count, ..c360_server::demo::personas()[0].clone() };
    c360_server::demo::history(&persona, 7, newest_ms)
        .into_iter()
        .enumerate()
        .map(|(i, mut s)| {
            s.interaction.interaction_id = format!("{tag}-{i:02}");
            s.interaction.media_identifier = Some(identifier.to_owned());
            s.interaction.contact_id = contact_id.map(str::to_owned);
            s.interaction.started_at = newest_ms - (i as i64 + 1) * HOUR_MS;
            s.interaction.sentiment = Some(Sentiment::Negative);
            s
        })
        .collect()
}

async fn insight(crm: &Crm, query: &str) -> InteractionsInsight {
    let reply = crm.get(&format!("/v1/public/tenants/{TENANT}/interactions-insight?{query}")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    serde_json::from_value(reply.json).unwrap()
}

fn ids(body: &InteractionsInsight) -> Vec<&str> {
    body.interactions.iter().map(|i| i.interaction_id.as_str()).collect()
}

#[tokio::test]
async fn a_contact_s_history_is_every_interaction_of_its_phones_emails_and_links_newest_first() {
    let crm = Crm::new().await;
    let dana = crm
        .created(json!({"firstName": "Dana", "lastName": "Whitfield", "phones": ["+14155550100", "(415) 555-0123"],
            "emails": ["dana@example.com"]}))
        .await;
    let id = dana["contactId"].as_str().unwrap();
    let now = crm.server.now_ms;
    let mut all = from("mobile", "+14155550100", None, 3, now);
    all.extend(from("landline", "+14155550123", None, 2, now - 10 * HOUR_MS));
    all.extend(from("mail", "Dana@Example.com", None, 2, now - 20 * HOUR_MS));
    all.extend(from("named", "+15005550001", Some(id), 1, now - 30 * HOUR_MS));
    all.extend(from("linked", "+15005550002", None, 1, now - 40 * HOUR_MS));
    all.extend(from("stranger", "+15005550003", None, 2, now - 5 * HOUR_MS));
    let mut conn = crm.server.state.db.acquire().await.unwrap();
    insert_interactions(&mut conn, TENANT, &all).await.unwrap();
    link_interactions(&mut conn, TENANT, id, &["linked-00".into(), "mobile-00".into()], now).await.unwrap();
    link_interactions(&mut conn, TENANT, id, &["linked-00".into()], now).await.unwrap();
    drop(conn);

    let body = insight(&crm, &format!("contactId={id}&crmId=native")).await;
    assert_eq!(
        ids(&body),
        [
            "mobile-00",
            "mobile-01",
            "mobile-02",
            "landline-00",
            "landline-01",
            "mail-00",
            "mail-01",
            "named-00",
            "linked-00"
        ],
        "each once, newest first, no stranger"
    );
    let insights = body.insights.unwrap().aggregated_sentiments.unwrap();
    assert_eq!(insights.total_interactions, 9, "insights over the same set");

    // Another contact's id, or one the tenant does not have, finds only what names it.
    let nobody = insight(&crm, "contactId=c-nobody&crmId=native").await;
    assert!(nobody.interactions.is_empty());
}

#[tokio::test]
async fn at_most_fifty_and_the_window_applies() {
    let crm = Crm::new().await;
    let dana = crm.created(json!({"firstName": "Dana", "lastName": "Whitfield", "phones": ["+14155550100"]})).await;
    let id = dana["contactId"].as_str().unwrap();
    let now = crm.server.now_ms;
    let mut conn = crm.server.state.db.acquire().await.unwrap();
    insert_interactions(&mut conn, TENANT, &from("call", "+14155550100", None, 60, now)).await.unwrap();
    drop(conn);
    let body = insight(&crm, &format!("contactId={id}&crmId=native")).await;
    assert_eq!(body.interactions.len(), 50);
    assert_eq!(body.interactions[0].interaction_id, "call-00");
    let start = chrono::DateTime::from_timestamp_millis(now - 10 * HOUR_MS - HOUR_MS / 2).unwrap().to_rfc3339();
    let window = insight(&crm, &format!("contactId={id}&crmId=native&startTime={}", start.replace('+', "%2B"))).await;
    assert_eq!(window.interactions.len(), 10, "the ten of the last ten and a half hours");
}

#[tokio::test]
async fn another_tenant_s_contact_lends_no_interactions() {
    let crm = Crm::new().await;
    let dana = crm.created(json!({"firstName": "Dana", "lastName": "Whitfield", "phones": ["+14155550100"]})).await;
    let id = dana["contactId"].as_str().unwrap();
    let mut conn = crm.server.state.db.acquire().await.unwrap();
    let theirs = from("theirs", "+14155550100", None, 3, crm.server.now_ms);
    insert_interactions(&mut conn, common::crm::OTHER, &theirs).await.unwrap();
    drop(conn);
    let body = insight(&crm, &format!("contactId={id}&crmId=native")).await;
    assert!(body.interactions.is_empty(), "the same number in another tenant is another customer");
    let other = crm.server.key_for(common::crm::OTHER).await;
    let reply = crm
        .server
        .get(
            &format!("/v1/public/tenants/{}/interactions-insight?contactId={id}&crmId=native", common::crm::OTHER),
            &[("x-api-key", &other)],
        )
        .await;
    assert_eq!(reply.json["interactions"], json!([]), "our contact id in their tenant holds nothing");
}
