//! Activities and cases (`POST /activities`, `PATCH /activities/{id}`): every type with its own
//! parts, each invalid part a 400 naming it, `Idempotency-Key` retries (also concurrent, also on
//! two instances) making one record, `If-Match` 428 / 412, audited changes, tenant isolation.

mod common;

use axum::http::{Method, StatusCode};
use common::crm::{Crm, OTHER, TENANT, send_json};
use serde_json::json;

#[tokio::test]
async fn each_type_is_created_with_its_own_part_and_an_etag() {
    let crm = Crm::new().await;
    let dana = crm.dana_id().await;
    let bodies = [
        json!({"type": "call", "contactId": dana, "subject": "Inbound call — Billing Support", "interactionId": "int-1",
               "call": {"direction": "INBOUND", "startedAt": "2026-03-01T09:00:00-05:00", "durationSeconds": 185}}),
        common::activities::task(&dana),
        json!({"type": "event", "contactId": dana, "subject": "Tasting",
               "event": {"startAt": "2026-03-03T10:00:00Z", "endAt": "2026-03-03T11:00:00Z", "location": "Shop"}}),
        common::activities::note(&dana, "Prefers email", None),
        json!({"type": "case", "contactId": dana, "subject": "Charged twice"}),
    ];
    for body in bodies {
        let reply = crm.post_activity(&body, None).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
        assert_eq!(reply.headers["etag"], "\"1\"");
        let a = &reply.json;
        assert!(a["activityId"].as_str().unwrap().starts_with("a-"));
        assert_eq!((a["type"].clone(), a["contactId"].clone()), (body["type"].clone(), json!(dana)));
        assert_eq!(
            (a["version"].clone(), a["auto"].clone(), a["createdBy"].clone()),
            (json!(1), json!(false), json!("Test Agent"))
        );
        match a["type"].as_str().unwrap() {
            "call" => assert_eq!(a["call"]["startedAt"], "2026-03-01T09:00:00-05:00", "the offset is kept"),
            "task" => {
                assert_eq!((a["task"]["status"].clone(), a["task"]["priority"].clone()), (json!("open"), json!("high")))
            }
            "event" => assert_eq!(a["event"]["location"], "Shop"),
            "note" => assert_eq!(a["description"], "Prefers email"),
            _ => assert_eq!(a["case"], json!({"status": "new", "priority": "normal"}), "a case starts new"),
        }
    }
    assert_eq!(crm.count("activities", TENANT).await, 5);
}

#[tokio::test]
async fn every_missing_or_malformed_part_is_a_400_naming_it() {
    let crm = Crm::new().await;
    let key = crm.server.key_for(TENANT).await;
    let visits = json!({"label": "Visits", "type": "number"});
    let put = send_json(
        &crm.server.state,
        Method::PUT,
        &Crm::path("fields/visits?recordType=task"),
        Some(visits.to_string()),
        &[("x-api-key", &key)],
    )
    .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.json);
    let c = crm.dana_id().await;
    let due = json!({"dueAt": "2026-03-02T17:00:00Z"});
    let rows = [
        (json!({"type": "task", "contactId": c, "subject": "x"}), "task.dueAt", "required"),
        (
            json!({"type": "task", "contactId": c, "subject": "x", "task": {"dueAt": "Friday"}}),
            "task.dueAt",
            "invalid_format",
        ),
        (
            json!({"type": "task", "contactId": c, "subject": "x", "task": {"dueAt": "2026-03-02T17:00:00Z", "priority": "asap"}}),
            "task.priority",
            "invalid_value",
        ),
        (
            json!({"type": "task", "contactId": c, "subject": "x", "task": {"dueAt": "2026-03-02T17:00:00Z", "status": "maybe"}}),
            "task.status",
            "invalid_value",
        ),
        (
            json!({"type": "event", "contactId": c, "subject": "x", "event": {"endAt": "2026-03-03T11:00:00Z"}}),
            "event.startAt",
            "required",
        ),
        (
            json!({"type": "event", "contactId": c, "subject": "x", "event": {"startAt": "2026-03-03T11:00:00Z", "endAt": "2026-03-03T11:00:00Z"}}),
            "event.endAt",
            "out_of_range",
        ),
        (json!({"type": "note", "contactId": c, "subject": "Only a subject"}), "description", "required"),
        (json!({"type": "call", "contactId": c, "description": "no subject"}), "subject", "required"),
        (
            json!({"type": "call", "contactId": c, "subject": "x", "call": {"direction": "SIDEWAYS", "startedAt": "2026-03-01T09:00:00Z"}}),
            "call.direction",
            "invalid_value",
        ),
        (
            json!({"type": "case", "contactId": c, "subject": "x", "case": {"status": "reopened"}}),
            "case.status",
            "invalid_value",
        ),
        (
            json!({"type": "case", "contactId": c, "subject": "x", "case": {"priority": "critical"}}),
            "case.priority",
            "invalid_value",
        ),
        (json!({"type": "meeting", "contactId": c, "subject": "x"}), "type", "invalid_value"),
        (json!({"contactId": c, "subject": "x"}), "type", "required"),
        (json!({"type": "note", "description": "x"}), "contactId", "required"),
        (json!({"type": "note", "contactId": c, "description": "x", "task": due}), "task", "forbidden"),
        (
            json!({"type": "task", "contactId": c, "subject": "x", "task": due, "customFields": {"visits": "many"}}),
            "customFields.visits",
            "invalid_format",
        ),
        (
            json!({"type": "task", "contactId": c, "subject": "x", "task": due, "customFields": {"colour": "red"}}),
            "customFields.colour",
            "unknown_field",
        ),
        (
            json!({"type": "note", "contactId": c, "description": "x", "customFields": {"visits": 3}}),
            "customFields.visits",
            "unknown_field",
        ),
        (json!({"type": "note", "contactId": c, "description": "x", "version": 3}), "version", "read_only"),
    ];
    for (body, field, code) in rows {
        let reply = crm.post_activity(&body, None).await;
        assert_eq!(Crm::field_errors(&reply), [(field.to_owned(), code.to_owned())], "{body}");
    }
    let typed = json!({"type": "task", "contactId": c, "subject": "x", "task": due, "customFields": {"visits": "4"}});
    assert_eq!(crm.activity(typed).await["customFields"], json!({"visits": 4}), "a fitting value is stored typed");
    assert_eq!(crm.count("activities", TENANT).await, 1, "no refused body stored anything");
}

#[tokio::test]
async fn an_activity_for_a_contact_the_tenant_does_not_have_is_404() {
    let crm = Crm::new().await;
    let other = c360_wire::routes::crm_contacts(OTHER);
    let key = crm.server.key_for(OTHER).await;
    let theirs = send_json(
        &crm.server.state,
        Method::POST,
        &other,
        Some(common::activities::dana().to_string()),
        &[("x-api-key", &key)],
    )
    .await;
    let theirs = theirs.json["contactId"].as_str().unwrap().to_owned();
    for contact in ["c-nobody", theirs.as_str()] {
        let reply = crm.post_activity(&common::activities::note(contact, "x", None), None).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{contact}");
    }
    assert_eq!(crm.count("activities", TENANT).await, 0);
}

#[tokio::test]
async fn a_retry_with_the_same_idempotency_key_answers_the_first_record() {
    let crm = Crm::new().await;
    let dana = crm.dana_id().await;
    let body = common::activities::task(&dana);
    let first = crm.post_activity(&body, Some("key-1")).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = crm.post_activity(&body, Some("key-1")).await;
    assert_eq!((again.status, &again.json), (StatusCode::CREATED, &first.json), "the same record, not a second");
    assert_eq!(again.headers["etag"], "\"1\"");
    let other = crm.post_activity(&body, Some("key-2")).await;
    assert_ne!(other.json["activityId"], first.json["activityId"], "another key is another record");
    let blank = crm.post_activity(&body, Some(" ")).await;
    assert_eq!(Crm::field_errors(&blank), [("Idempotency-Key".to_owned(), "invalid_format".to_owned())]);
    assert_eq!(crm.count("activities", TENANT).await, 2);
    assert_eq!(crm.count("idempotency_keys", TENANT).await, 2);
    // The same key with another body is refused, naming the header: nothing created, nothing
    // answered that the request did not ask for.
    let mut changed = body.clone();
    changed["subject"] = json!("Something else");
    let reused = crm.post_activity(&changed, Some("key-1")).await;
    assert_eq!(reused.status, StatusCode::BAD_REQUEST);
    assert_eq!(Crm::field_errors(&reused), [("Idempotency-Key".to_owned(), "conflict".to_owned())]);
    assert_eq!(crm.count("activities", TENANT).await, 2);
}

#[tokio::test]
async fn ten_concurrent_posts_with_one_key_on_two_instances_make_one_record() {
    let crm = Crm::new().await;
    let dana = crm.dana_id().await;
    let second = crm.server.second_instance().await;
    let body = common::activities::note(&dana, "Called about the invoice", None).to_string();
    let mut posts = Vec::new();
    for i in 0..10 {
        let state = if i % 2 == 0 { crm.server.state.clone() } else { second.clone() };
        let (auth, body) = (crm.auth.clone(), body.clone());
        posts.push(tokio::spawn(async move {
            let headers = [(auth.0.as_str(), auth.1.as_str()), ("idempotency-key", "double-click")];
            send_json(&state, Method::POST, &Crm::path("activities"), Some(body), &headers).await
        }));
    }
    let mut ids = Vec::new();
    for post in posts {
        let reply = post.await.unwrap();
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
        ids.push(reply.json["activityId"].clone());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "every answer names the one record");
    assert_eq!(crm.count("activities", TENANT).await, 1);
}

#[tokio::test]
async fn a_task_is_completed_and_a_case_moves_through_its_statuses_each_change_audited() {
    let crm = Crm::new().await;
    let dana = crm.dana_id().await;
    let task = crm.activity(common::activities::task(&dana)).await;
    let id = task["activityId"].as_str().unwrap();
    let done = json!({"task": {"status": "done"}});
    assert_eq!(crm.patch_activity(id, done.clone(), None).await.status, StatusCode::PRECONDITION_REQUIRED);
    let ok = crm.patch_activity(id, done.clone(), Some(1)).await;
    assert_eq!((ok.status, ok.headers["etag"].to_str().unwrap()), (StatusCode::OK, "\"2\""), "{}", ok.json);
    assert_eq!(
        (ok.json["task"]["status"].clone(), ok.json["task"]["priority"].clone()),
        (json!("done"), json!("high"))
    );
    let stale = crm.patch_activity(id, json!({"subject": "Later"}), Some(1)).await;
    assert_eq!((stale.status, stale.headers["etag"].to_str().unwrap()), (StatusCode::PRECONDITION_FAILED, "\"2\""));
    assert_eq!(stale.json["task"]["status"], "done", "the body is the current record");
    let refused = crm.patch_activity(id, json!({"type": "note", "contactId": "c-else"}), Some(2)).await;
    assert_eq!(
        Crm::field_errors(&refused),
        [("type".to_owned(), "read_only".to_owned()), ("contactId".to_owned(), "read_only".to_owned())]
    );
    assert_eq!(
        Crm::field_errors(&crm.patch_activity(id, json!({"task": {"dueAt": null}}), Some(2)).await)[0].0,
        "task.dueAt"
    );

    let case = crm.activity(json!({"type": "case", "contactId": dana, "subject": "Charged twice"})).await;
    let case_id = case["activityId"].as_str().unwrap();
    for (version, status) in [(1, "open"), (2, "pending"), (3, "solved"), (4, "closed")] {
        let moved = crm.patch_activity(case_id, json!({"case": {"status": status}}), Some(version)).await;
        assert_eq!(
            (moved.status, moved.json["case"]["status"].as_str()),
            (StatusCode::OK, Some(status)),
            "{}",
            moved.json
        );
    }
    let reopen = crm.patch_activity(case_id, json!({"case": {"status": "open"}}), Some(5)).await;
    assert_eq!(Crm::field_errors(&reopen), [("case.status".to_owned(), "read_only".to_owned())], "closed is final");

    let mut conn = crm.server.state.db.acquire().await.unwrap();
    let entries = c360_server::crm::audit::history(&mut conn, TENANT, "activity", case_id).await.unwrap();
    assert_eq!(entries.len(), 5, "a create and four moves, newest first");
    assert_eq!(entries[0].changes[0].field, "case.status");
    assert_eq!(
        (entries[0].changes[0].before.clone(), entries[0].changes[0].after.clone()),
        (json!("solved"), json!("closed"))
    );
    assert_eq!(entries[0].by, "Test Agent");
    let task_entries = c360_server::crm::audit::history(&mut conn, TENANT, "activity", id).await.unwrap();
    assert_eq!(task_entries.len(), 2);
    assert_eq!(task_entries[1].action.as_str(), "create");
}

#[tokio::test]
async fn another_tenant_can_neither_reach_our_paths_nor_our_records_through_its_own() {
    let crm = Crm::new().await;
    let dana = crm.dana_id().await;
    let ours = crm.activity(common::activities::task(&dana)).await;
    let id = ours["activityId"].as_str().unwrap().to_owned();
    let key_of_other = crm.server.key_for(OTHER).await;
    let body = Some(common::activities::task(&dana).to_string());
    for (method, path) in [(Method::POST, "activities".to_owned()), (Method::PATCH, format!("activities/{id}"))] {
        let reply = send_json(
            &crm.server.state,
            method.clone(),
            &Crm::path(&path),
            body.clone(),
            &[("x-api-key", &key_of_other)],
        )
        .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{method} {path}");
        let theirs = Crm::path(&path).replace(&format!("/{TENANT}/"), &format!("/{OTHER}/"));
        let headers = [("x-api-key", key_of_other.as_str()), ("if-match", "\"1\"")];
        let reply = send_json(&crm.server.state, method.clone(), &theirs, body.clone(), &headers).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{method} {theirs}: our record or contact is not theirs");
    }
    let unchanged = crm.patch_activity(&id, json!({}), Some(1)).await;
    assert_eq!(unchanged.json, ours);
}
