//! Writes through the layout the agent chose (`?layoutId=` on `POST`/`PATCH` of contacts and
//! activities), on both engines: its required fields are asked, fields outside it are not, its
//! read-only fields refuse a patch; a layout the tenant does not have for that record type is a 400
//! naming `layoutId`. The demo's layouts accept what the demo and the panel's forms send.

mod common;

use axum::http::{Method, StatusCode};
use common::activities::{call_wrap_up, task};
use common::crm::{Crm, OTHER, TENANT};
use serde_json::{Value, json};

/// `PUT /v1/crm/tenants/{tenant}/{path}` with that tenant's API key; must succeed.
async fn admin(crm: &Crm, tenant: &str, path: &str, body: Value) {
    let key = crm.server.key_for(tenant).await;
    let uri = format!("/v1/crm/tenants/{tenant}/{path}");
    let reply =
        common::send_json(&crm.server.state, Method::PUT, &uri, Some(body.to_string()), &[("x-api-key", &key)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.json);
}

/// `POST /{resource}?{query}` as the `crm` agent.
async fn post(crm: &Crm, resource: &str, query: &str, body: &Value) -> common::Reply {
    crm.call(Method::POST, &Crm::path(&format!("{resource}?{query}")), Some(body), &[]).await
}

/// `PATCH /{resource}/{id}?{query}` of version `version` as the `crm` agent.
async fn patch(crm: &Crm, resource: &str, id: &str, query: &str, body: &Value, version: i64) -> common::Reply {
    let tag = format!("\"{version}\"");
    let uri = Crm::path(&format!("{resource}/{id}?{query}"));
    crm.call(Method::PATCH, &uri, Some(body), &[("if-match", &tag)]).await
}

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

/// Gives the tenant a default layout of `record_type` requiring what the spec does, so the layout
/// under test is not the only one (which would make it the default).
async fn default_layout(crm: &Crm, record_type: &str, required: &[&str]) {
    let fields: Vec<Value> = required.iter().map(|f| json!({"field": f, "required": true})).collect();
    let layout = json!({"name": "Full", "recordType": record_type, "default": true, "fields": fields});
    admin(crm, TENANT, &format!("layouts/{record_type}-full"), layout).await;
}

/// A task without a priority (the server would default it) for `contact`.
fn plain_task(contact: &str) -> Value {
    json!({"type": "task", "contactId": contact, "subject": "Call back", "task": {"dueAt": "2026-03-02T17:00:00Z"}})
}

#[tokio::test]
async fn a_contact_follows_the_layout_the_agent_chose() {
    let crm = Crm::new().await;
    default_layout(&crm, "contact", &["firstName", "lastName"]).await;
    let walk_in = json!({"name": "Walk-in", "recordType": "contact", "fields": [
        {"field": "firstName", "required": true}, {"field": "phones"}, {"field": "accountId", "readOnly": true}]});
    admin(&crm, TENANT, "layouts/walk-in", walk_in).await;
    let body = json!({"firstName": "Dana", "phones": ["+14155550100"], "accountId": "acct-1"});
    let by_default = crm.create(body.clone()).await;
    assert_eq!(Crm::field_errors(&by_default), [pair("lastName", "required")], "the default layout asks it");
    let created = post(&crm, "contacts", "layoutId=walk-in", &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "outside the chosen layout: not required; {}", created.json);
    let id = created.json["contactId"].as_str().unwrap();

    let refused = patch(&crm, "contacts", id, "layoutId=walk-in", &json!({"accountId": "acct-2"}), 1).await;
    assert_eq!(Crm::field_errors(&refused), [pair("accountId", "read_only")]);
    let renamed = patch(&crm, "contacts", id, "layoutId=walk-in", &json!({"firstName": "Dani"}), 1).await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.json);
    let by_default = crm.patch(id, json!({"accountId": "acct-2"}), Some(2)).await;
    assert_eq!(Crm::field_errors(&by_default), [pair("lastName", "required")], "the default layout applies");
}

#[tokio::test]
async fn an_activity_layout_asks_its_required_built_in_and_custom_fields() {
    let crm = Crm::new().await;
    admin(&crm, TENANT, "fields/visits?recordType=task", json!({"label": "Visits", "type": "number"})).await;
    default_layout(&crm, "task", &["subject", "task.dueAt"]).await;
    let triage = json!({"name": "Triage", "recordType": "task", "fields": [
        {"field": "subject", "required": true}, {"field": "task.dueAt", "required": true},
        {"field": "task.priority", "required": true}, {"field": "visits", "required": true}]});
    admin(&crm, TENANT, "layouts/triage", triage).await;
    let dana = crm.dana_id().await;
    let refused = post(&crm, "activities", "layoutId=triage", &plain_task(&dana)).await;
    assert_eq!(
        Crm::field_errors(&refused),
        [pair("task.priority", "required"), pair("customFields.visits", "required")]
    );
    assert_eq!(refused.json["errors"][0]["message"], "task.priority is required.");
    let by_default = crm.post_activity(&plain_task(&dana), None).await;
    assert_eq!(by_default.status, StatusCode::CREATED, "{}", by_default.json);

    let mut full = task(&dana);
    full["customFields"] = json!({"visits": "2"});
    let created = post(&crm, "activities", "layoutId=triage", &full).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    assert_eq!(created.json["customFields"], json!({"visits": 2}));
    let id = created.json["activityId"].as_str().unwrap();
    let cleared = patch(&crm, "activities", id, "layoutId=triage", &json!({"customFields": {"visits": null}}), 1).await;
    assert_eq!(Crm::field_errors(&cleared), [pair("customFields.visits", "required")], "after a patch too");
    let done = patch(&crm, "activities", id, "layoutId=triage", &json!({"task": {"status": "done"}}), 1).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.json);
}

#[tokio::test]
async fn a_read_only_layout_field_refuses_a_patch_that_changes_it() {
    let crm = Crm::new().await;
    default_layout(&crm, "task", &["subject", "task.dueAt"]).await;
    let locked = json!({"name": "Locked priority", "recordType": "task", "fields": [
        {"field": "subject", "required": true}, {"field": "task.priority", "readOnly": true}]});
    admin(&crm, TENANT, "layouts/locked", locked).await;
    let dana = crm.dana_id().await;
    let created = post(&crm, "activities", "layoutId=locked", &task(&dana)).await;
    assert_eq!(created.status, StatusCode::CREATED, "a new record sets it once: {}", created.json);
    let id = created.json["activityId"].as_str().unwrap();
    let refused = patch(&crm, "activities", id, "layoutId=locked", &json!({"task": {"priority": "low"}}), 1).await;
    assert_eq!(Crm::field_errors(&refused), [pair("task.priority", "read_only")]);
    assert_eq!(refused.json["errors"][0]["message"], "task.priority cannot be changed.");
    let done = patch(&crm, "activities", id, "layoutId=locked", &json!({"task": {"status": "done"}}), 1).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.json);
    let by_default = crm.patch_activity(id, json!({"task": {"priority": "low"}}), Some(2)).await;
    assert_eq!(by_default.status, StatusCode::OK, "the default layout does not lock it: {}", by_default.json);
}

/// A layout of `record_type` showing `field`.
fn quick(record_type: &str, field: &str) -> Value {
    json!({"name": "Quick", "recordType": record_type, "fields": [{"field": field}]})
}

#[tokio::test]
async fn a_layout_id_must_name_a_layout_of_the_tenant_for_that_record_type() {
    let crm = Crm::new().await;
    admin(&crm, TENANT, "layouts/contact-quick", quick("contact", "firstName")).await;
    admin(&crm, TENANT, "layouts/call-quick", quick("call", "subject")).await;
    admin(&crm, OTHER, "layouts/theirs", quick("task", "subject")).await;
    let dana = crm.dana_id().await;
    let note = json!({"type": "note", "contactId": dana, "description": "Prefers email"});
    let activity = crm.activity(task(&dana)).await;
    let activity = activity["activityId"].as_str().unwrap();

    let unknown = post(&crm, "activities", "layoutId=nope", &task(&dana)).await;
    assert_eq!(Crm::field_errors(&unknown), [pair("layoutId", "invalid_value")]);
    assert_eq!(unknown.json["errors"][0]["message"], "No task layout “nope”.");
    for (query, code) in [
        ("layoutId=theirs", "invalid_value"),
        ("layoutId=call-quick", "invalid_value"),
        ("layoutId=contact-quick", "invalid_value"),
        ("layoutId=", "invalid_value"),
        ("layoutId=%20", "invalid_value"),
        ("layoutId=call-quick&layoutId=call-quick", "conflict"),
    ] {
        let created = post(&crm, "activities", query, &task(&dana)).await;
        assert_eq!(Crm::field_errors(&created), [pair("layoutId", code)], "POST task {query}");
        let noted = post(&crm, "activities", query, &note).await;
        assert_eq!(Crm::field_errors(&noted), [pair("layoutId", code)], "POST note {query}");
        let patched = patch(&crm, "activities", activity, query, &json!({"subject": "x"}), 1).await;
        assert_eq!(Crm::field_errors(&patched), [pair("layoutId", code)], "PATCH task {query}");
        if query != "layoutId=contact-quick" {
            let contact = post(&crm, "contacts", query, &common::activities::dana()).await;
            assert_eq!(Crm::field_errors(&contact), [pair("layoutId", code)], "POST contact {query}");
            let patched = patch(&crm, "contacts", &dana, query, &json!({"title": "Owner"}), 1).await;
            assert_eq!(Crm::field_errors(&patched), [pair("layoutId", code)], "PATCH contact {query}");
        }
    }
    assert_eq!(crm.count("activities", TENANT).await, 1, "nothing created");
    let chosen =
        post(&crm, "contacts", "layoutId=contact-quick&allowDuplicate=true", &common::activities::dana()).await;
    assert_eq!(chosen.status, StatusCode::CREATED, "{}", chosen.json);
}

#[tokio::test]
async fn the_demo_layouts_accept_what_the_demo_and_the_panel_s_forms_send() {
    let crm = Crm::new().await;
    let tier = json!({"label": "Loyalty tier", "type": "select", "options": ["bronze", "silver", "gold"]});
    admin(&crm, TENANT, &format!("fields/{}?recordType=contact", c360_server::demo::LOYALTY_TIER), tier).await;
    let callback = json!({"label": "Callback number", "type": "phone"});
    admin(&crm, TENANT, &format!("fields/{}?recordType=task", c360_server::demo::CALLBACK_NUMBER), callback).await;
    let mut conn = crm.server.state.db.acquire().await.unwrap();
    let demo = c360_server::demo::demo_layouts();
    c360_server::crm::layouts::define_layouts(&mut conn, TENANT, &demo, crm.server.now_ms).await.unwrap();
    drop(conn);
    let dana = crm.dana_id().await;
    let bodies = [
        json!({"type": "call", "contactId": dana, "interactionId": "int-1",
               "subject": "Inbound call — Billing Support",
               "call": {"direction": "INBOUND", "startedAt": "2026-03-01T09:00:00-05:00", "durationSeconds": 185},
               "description": "Caller: +14155550100"}),
        json!({"type": "call", "contactId": dana, "subject": "Outbound call", "call": {"direction": "OUTBOUND",
               "startedAt": "2026-03-01T09:00:00-05:00"}}),
        json!({"type": "task", "contactId": dana, "subject": "Call back",
               "task": {"dueAt": "2026-03-02T17:00:00+01:00"}}),
        json!({"type": "event", "contactId": dana, "subject": "Visit",
               "event": {"startAt": "2026-03-03T10:00:00Z", "endAt": "2026-03-03T11:00:00Z"}}),
        json!({"type": "note", "contactId": dana, "description": "Prefers email"}),
        json!({"type": "case", "contactId": dana, "subject": "Refund"}),
        json!({"type": "case", "contactId": dana, "subject": "Refund", "case": {"priority": "high"},
               "description": "x"}),
    ];
    for body in &bodies {
        let reply = crm.post_activity(body, None).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{body}: {}", reply.json);
    }
    for layout in demo {
        let (id, record_type) = (layout["layoutId"].as_str().unwrap(), layout["recordType"].as_str().unwrap());
        let query = format!("layoutId={id}");
        let reply = match record_type {
            "contact" => {
                let body = json!({"firstName": "Lee", "lastName": "Park", "phones": ["+14155550111"]});
                post(&crm, "contacts", &format!("{query}&allowDuplicate=true"), &body).await
            }
            _ => {
                let body = bodies.iter().find(|b| b["type"] == record_type).unwrap();
                post(&crm, "activities", &query, body).await
            }
        };
        assert_eq!(reply.status, StatusCode::CREATED, "{id}: {}", reply.json);
    }
    for record in ["log", "task", "case"] {
        crm.set_auto_log(TENANT, "voice", record).await;
        let interaction = format!("int-auto-{record}");
        let reply = crm.wrap_up(&interaction, &call_wrap_up(&dana)).await;
        assert_eq!(reply.status, StatusCode::OK, "{record}: {}", reply.json);
        let auto = &reply.json["activity"];
        let change = match record {
            "task" => json!({"task": {"status": "done"}}),
            "case" => json!({"case": {"status": "open"}}),
            _ => json!({"description": "Refund agreed"}),
        };
        let id = auto["activityId"].as_str().unwrap();
        let patched = crm.patch_activity(id, change, Some(1)).await;
        assert_eq!(patched.status, StatusCode::OK, "the auto {record} stays editable: {}", patched.json);
    }
}
