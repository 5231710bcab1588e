//! Editing a contact, on both engines: a JSON merge patch based on the version `If-Match` names
//! (428 without it, 412 with the current contact when stale), read-only fields, validation as on
//! create, one audit entry per write, and concurrent edits of one version: exactly one wins.

mod common;

use axum::http::StatusCode;
use common::crm::Crm;
use serde_json::{Value, json};

async fn with_dana() -> (Crm, String) {
    let crm = Crm::new().await;
    let dana = crm
        .created(json!({"firstName": "Dana", "lastName": "Whitfield", "phones": ["+14155550100"],
            "company": "Whitfield Bakery", "title": "Owner", "address": {"city": "San Francisco", "country": "US"}}))
        .await;
    let id = dana["contactId"].as_str().unwrap().to_owned();
    (crm, id)
}

#[tokio::test]
async fn a_merge_patch_changes_what_it_names_clears_nulls_and_bumps_the_version() {
    let (crm, id) = with_dana().await;
    let reply = crm
        .patch(
            &id,
            json!({"company": "Whitfield Bakery & Café", "title": null, "address": {"street": "1 Main St"},
            "phones": ["+14155550100", "(415) 555-0199"]}),
            Some(1),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert_eq!(reply.headers["etag"], "\"2\"");
    let c = &reply.json;
    assert_eq!(
        (c["version"].as_i64(), c["company"].as_str(), c["title"].as_str()),
        (Some(2), Some("Whitfield Bakery & Café"), Some(""))
    );
    assert_eq!(
        c["address"],
        json!({"street": "1 Main St", "city": "San Francisco", "region": "", "postalCode": "", "country": "US"})
    );
    assert_eq!(c["phones"], json!(["+14155550100", "+14155550199"]));
    assert_eq!(c["firstName"], "Dana", "untouched");
    let read = crm.get(&Crm::path(&format!("contacts/{id}"))).await;
    assert_eq!(&read.json, c);
    assert_eq!(read.headers["etag"], "\"2\"");
}

#[tokio::test]
async fn without_if_match_a_patch_is_428_and_with_a_stale_one_412_with_the_current_contact() {
    let (crm, id) = with_dana().await;
    let none = crm.patch(&id, json!({"title": "CEO"}), None).await;
    assert_eq!(none.status, StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(none.json["status"], 428);
    assert_eq!(none.json["errors"][0]["field"], "If-Match");
    crm.patch(&id, json!({"title": "CEO"}), Some(1)).await;
    let stale = crm.patch(&id, json!({"title": "Founder"}), Some(1)).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(stale.headers["etag"], "\"2\"");
    let current: c360_wire::crm::Contact = serde_json::from_value(stale.json.clone()).unwrap();
    assert_eq!((current.version, current.details.title.as_str()), (2, "CEO"), "the current contact, for the merge");
    for tag in ["W/\"2\"", "*", "2", "\"two\""] {
        let reply = crm
            .call(
                axum::http::Method::PATCH,
                &Crm::path(&format!("contacts/{id}")),
                Some(&json!({"title": "x"})),
                &[("if-match", tag)],
            )
            .await;
        assert_eq!(reply.status, StatusCode::PRECONDITION_FAILED, "{tag} names no current version");
    }
}

#[tokio::test]
async fn server_fields_are_read_only_but_may_be_sent_back_unchanged() {
    let (crm, id) = with_dana().await;
    for (patch, field) in [
        (json!({"contactId": "c-other"}), "contactId"),
        (json!({"version": 9}), "version"),
        (json!({"createdAt": "2020-01-01T00:00:00Z"}), "createdAt"),
        (json!({"crmUrl": "https://evil.example"}), "crmUrl"),
    ] {
        let reply = crm.patch(&id, patch.clone(), Some(1)).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{patch}");
        assert_eq!(reply.json["errors"][0]["field"], field);
        assert_eq!(reply.json["errors"][0]["code"], "read_only");
    }
    let mut whole = crm.get(&Crm::path(&format!("contacts/{id}"))).await.json;
    whole["title"] = json!("CEO");
    let reply = crm.patch(&id, whole, Some(1)).await;
    assert_eq!(reply.status, StatusCode::OK, "a whole record sent back: {}", reply.json);
    assert_eq!(reply.json["title"], "CEO");
}

#[tokio::test]
async fn a_patched_contact_is_validated_as_on_create() {
    let (crm, id) = with_dana().await;
    for (patch, field, code) in [
        (json!({"phones": ["+14155550100", "555-0100"]}), "phones[1]", "invalid_format"),
        (json!({"phones": ["+14155550100", 5]}), "phones[1]", "invalid_format"),
        (json!({"lastName": null}), "lastName", "required"),
        (json!({"phones": null}), "phones|emails", "required"),
        (json!({"nickname": "D"}), "nickname", "unknown_field"),
        (json!({"customFields": {"tier": "gold"}}), "customFields.tier", "unknown_field"),
        (json!({"company": ["x"]}), "company", "invalid_format"),
        (json!("Dana"), "", "invalid_format"),
    ] {
        let reply = crm.patch(&id, patch.clone(), Some(1)).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{patch}");
        assert_eq!(
            (reply.json["errors"][0]["field"].as_str(), reply.json["errors"][0]["code"].as_str()),
            (Some(field), Some(code)),
            "{patch}"
        );
    }
    let read = crm.get(&Crm::path(&format!("contacts/{id}"))).await;
    assert_eq!(read.json["version"], 1, "nothing was written");
}

#[tokio::test]
async fn every_write_is_one_audit_entry_newest_first_saying_who_when_and_what() {
    let (crm, id) = with_dana().await;
    crm.patch(&id, json!({"company": "Whitfield Bakery & Café"}), Some(1)).await;
    crm.patch(&id, json!({"company": "Whitfield Bakery & Café"}), Some(2)).await; // no change: no write
    let reply = crm.patch(&id, json!({"title": null, "address": {"city": "Oakland"}}), Some(2)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    let history = crm.get(&Crm::path(&format!("contacts/{id}/history"))).await;
    assert_eq!(history.status, StatusCode::OK);
    let entries = history.json["entries"].as_array().unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["update", "update", "create"], "one entry per write, newest first");
    assert_eq!(entries[0]["by"], "Test Agent", "the agent of the panel token");
    assert_eq!(
        entries[0]["changes"],
        json!([{"field": "title", "before": "Owner", "after": null},
               {"field": "address", "before": {"street": "", "city": "San Francisco", "region": "", "postalCode": "", "country": "US"},
                "after": {"street": "", "city": "Oakland", "region": "", "postalCode": "", "country": "US"}}])
    );
    assert_eq!(
        entries[1]["changes"],
        json!([{"field": "company", "before": "Whitfield Bakery", "after": "Whitfield Bakery & Café"}])
    );
    assert_eq!(entries[2]["changes"][0], json!({"field": "firstName", "before": null, "after": "Dana"}));
    let at = |i: usize| chrono::DateTime::parse_from_rfc3339(entries[i]["at"].as_str().unwrap()).unwrap();
    assert!(at(0) >= at(1) && at(1) >= at(2));
    let history: c360_wire::crm::AuditHistory = serde_json::from_value(history.json.clone()).unwrap();
    assert_eq!(history.entries.len(), 3, "what the panel decodes");
}

#[tokio::test]
async fn an_api_key_s_writes_are_signed_with_its_account() {
    let (crm, id) = with_dana().await;
    let key = crm.server.key_for(common::crm::TENANT).await;
    let reply = common::crm::send_json(
        &crm.server.state,
        axum::http::Method::PATCH,
        &Crm::path(&format!("contacts/{id}")),
        Some(json!({"title": "CEO"}).to_string()),
        &[("x-api-key", &key), ("if-match", "\"1\"")],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json["updatedBy"], "API key of crm-account");
}

#[tokio::test]
async fn twelve_concurrent_patches_of_one_version_give_exactly_one_200() {
    let (crm, id) = with_dana().await;
    let uri = Crm::path(&format!("contacts/{id}"));
    let requests = (0..12).map(|i| {
        let state = crm.server.state.clone();
        let uri = uri.clone();
        let auth = crm.auth.clone();
        tokio::spawn(async move {
            let body = json!({"title": format!("Title {i}")}).to_string();
            common::crm::send_json(
                &state,
                axum::http::Method::PATCH,
                &uri,
                Some(body),
                &[(&auth.0, &auth.1), ("if-match", "\"1\"")],
            )
            .await
        })
    });
    let mut statuses = Vec::new();
    let mut winner: Option<Value> = None;
    for request in requests.collect::<Vec<_>>() {
        let reply = request.await.unwrap();
        if reply.status == StatusCode::OK {
            winner = Some(reply.json.clone());
        }
        statuses.push(reply.status.as_u16());
    }
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 412, 412, 412, 412, 412, 412, 412, 412, 412, 412, 412], "{statuses:?}");
    let stored = crm.get(&uri).await.json;
    assert_eq!(stored["version"], 2);
    assert_eq!(
        Some(stored["title"].clone()),
        winner.map(|w| w["title"].clone()),
        "the winner's change is the one stored"
    );
    let history = crm.get(&Crm::path(&format!("contacts/{id}/history"))).await;
    assert_eq!(history.json["entries"].as_array().unwrap().len(), 2, "one write, one entry");
}
