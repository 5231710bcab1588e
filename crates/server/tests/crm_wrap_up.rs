//! Wrap-up: the interaction joins the contact's history and, when the tenant's auto log covers
//! its media, one `auto` record is made — a log by default, a task or a case when set so —
//! exactly once, however many requests arrive at however many instances; identity-only tenants
//! get 409 and nothing is created.

mod common;

use axum::http::{Method, StatusCode};
use common::activities::call_wrap_up;
use common::bearer;
use common::crm::{Crm, OTHER, TENANT, send_json};
use serde_json::json;

#[tokio::test]
async fn a_covered_call_makes_one_auto_log_pre_filled_from_it_and_joins_the_contact_s_history() {
    let crm = Crm::new().await;
    crm.set_auto_log(TENANT, "voice", "log").await;
    let dana = crm.dana_id().await;
    let reply = crm.wrap_up("int-1", &call_wrap_up(&dana)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    let a = &reply.json["activity"];
    assert_eq!((a["type"].as_str(), a["auto"].as_bool()), (Some("call"), Some(true)));
    assert_eq!(a["subject"], "Inbound call — Billing Support");
    assert_eq!(a["interactionId"], "int-1");
    assert_eq!(
        a["call"],
        json!({"direction": "INBOUND", "startedAt": "2026-03-01T09:00:00-05:00", "durationSeconds": 185, "outcome": "Billing Support"})
    );
    let again = crm.wrap_up("int-1", &call_wrap_up(&dana)).await;
    assert_eq!((again.status, &again.json), (StatusCode::OK, &reply.json), "a repeat answers the same");
    assert_eq!(crm.count("activities", TENANT).await, 1);
    let linked: Vec<String> =
        sqlx::query_scalar("SELECT contact_id FROM interaction_contacts WHERE tenant_id = $1 AND interaction_id = $2")
            .bind(TENANT)
            .bind("int-1")
            .fetch_all(crm.server.state.db.pool())
            .await
            .unwrap();
    assert_eq!(linked, std::slice::from_ref(&dana));
    assert_eq!(
        crm.related(&dana, Some("int-1")).await,
        [("Inbound call — Billing Support".to_owned(), "new".to_owned())]
    );
}

#[tokio::test]
async fn media_auto_log_does_not_cover_are_linked_without_a_record_and_a_task_or_case_when_set_so() {
    let crm = Crm::new().await;
    let dana = crm.dana_id().await;
    crm.set_auto_log(TENANT, "chat", "log").await;
    let reply = crm.wrap_up("int-voice", &call_wrap_up(&dana)).await;
    assert_eq!(reply.json, json!({"activity": null}));
    assert_eq!(crm.count("interaction_contacts", TENANT).await, 1, "linked all the same");
    let mut voicemail = call_wrap_up(&dana);
    voicemail["mediaType"] = json!("VOICEMAIL");
    crm.set_auto_log(TENANT, "voice", "task").await;
    let task = crm.wrap_up("int-vm", &voicemail).await.json;
    assert_eq!(task["activity"]["type"], "task", "voice covers voicemail: {task}");
    assert_eq!(task["activity"]["task"]["status"], "open");
    crm.set_auto_log(TENANT, "voice,email", "case").await;
    let mut email = call_wrap_up(&dana);
    email["mediaType"] = json!("EMAIL");
    let case = crm.wrap_up("int-mail", &email).await.json;
    assert_eq!(case["activity"]["case"], json!({"status": "new", "priority": "normal"}));
    assert_eq!(case["activity"]["subject"], "Inbound email — Billing Support");
    assert_eq!(crm.count("activities", TENANT).await, 2);
}

#[tokio::test]
async fn ten_concurrent_wrap_ups_on_two_instances_make_exactly_one_auto_record() {
    let crm = Crm::new().await;
    crm.set_auto_log(TENANT, "voice", "log").await;
    let dana = crm.dana_id().await;
    let second = crm.server.second_instance().await;
    let body = call_wrap_up(&dana).to_string();
    let mut calls = Vec::new();
    for i in 0..10 {
        let state = if i % 2 == 0 { crm.server.state.clone() } else { second.clone() };
        let (auth, body) = (crm.auth.clone(), body.clone());
        calls.push(tokio::spawn(async move {
            let headers = [(auth.0.as_str(), auth.1.as_str())];
            send_json(&state, Method::POST, &Crm::path("interactions/int-race/wrap-up"), Some(body), &headers).await
        }));
    }
    let mut answers = Vec::new();
    for call in calls {
        let reply = call.await.unwrap();
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
        answers.push(reply.json);
    }
    assert!(answers.iter().all(|a| *a == answers[0]), "every one answers the same record");
    assert_eq!(answers[0]["activity"]["auto"], true);
    assert_eq!(crm.count("activities", TENANT).await, 1);
    assert_eq!(crm.count("wrap_ups", TENANT).await, 1);
}

#[tokio::test]
async fn an_identity_only_tenant_gets_409_and_nothing_is_created() {
    let crm = Crm::new().await;
    let token = crm.server.token_for("demo-identity", 600);
    let auth = bearer(&token);
    let path = c360_wire::routes::crm_wrap_up("demo-identity", "int-1");
    let reply = send_json(
        &crm.server.state,
        Method::POST,
        &path,
        Some(call_wrap_up("ct-0001").to_string()),
        &[("authorization", &auth)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.json["errors"][0]["code"], c360_wire::panel::NATIVE_CRM_OFF);
    for table in ["wrap_ups", "activities", "interaction_contacts"] {
        assert_eq!(crm.count(table, "demo-identity").await, 0, "{table}");
    }
}

#[tokio::test]
async fn an_unknown_contact_is_404_and_bad_bodies_are_400s_naming_each_field() {
    let crm = Crm::new().await;
    crm.set_auto_log(TENANT, "voice", "log").await;
    assert_eq!(crm.wrap_up("int-1", &call_wrap_up("c-nobody")).await.status, StatusCode::NOT_FOUND);
    let dana = crm.dana_id().await;
    let mut bad = call_wrap_up(&dana);
    bad["mediaType"] = json!("FAX");
    bad["endedAt"] = json!("2026-03-01T08:00:00-05:00");
    bad["direction"] = json!(null);
    let errors = Crm::field_errors(&crm.wrap_up("int-1", &bad).await);
    assert_eq!(
        errors,
        [
            ("mediaType".to_owned(), "invalid_value".to_owned()),
            ("direction".to_owned(), "required".to_owned()),
            ("endedAt".to_owned(), "out_of_range".to_owned())
        ]
    );
    assert_eq!(crm.count("wrap_ups", TENANT).await, 0, "nothing was recorded, so a good retry still logs");
    assert_eq!(crm.wrap_up("int-1", &call_wrap_up(&dana)).await.json["activity"]["auto"], true);
    let key = crm.server.key_for(OTHER).await;
    let theirs = c360_wire::routes::crm_wrap_up(OTHER, "int-2");
    let reply = send_json(
        &crm.server.state,
        Method::POST,
        &theirs,
        Some(call_wrap_up(&dana).to_string()),
        &[("x-api-key", &key)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "our contact is not theirs");
}
