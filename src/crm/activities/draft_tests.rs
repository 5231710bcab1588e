//! A call log's pre-fill, the body a layout sends (and keeps back), and the server's paths read
//! as the layout's labels.

use c360_wire::crm::{ActivityRules, FieldDefinition, Layouts, RecordType};
use serde_json::json;

use super::*;

fn facts() -> InteractionFacts {
    InteractionFacts {
        id: "int-1".into(),
        inbound: true,
        channel: "call",
        phone: Some("+14155550100".into()),
        queue: Some("Billing Support".into()),
        started_ms: Some(1_772_355_600_000), // 2026-03-01T09:00:00Z
    }
}

/// The server's verdict on what the default layout of `kind` sends.
fn refused(draft: &ActivityDraft, offset: i32) -> Vec<String> {
    let kind = RecordType::from(draft.kind.as_ref().unwrap().as_str());
    let schema = FormSchema::builtin(&kind);
    let body = draft.body("c-1", None, offset, &schema, schema.layout(None));
    ActivityRules::default().read(&body).err().unwrap_or_default().into_iter().map(|e| e.field).collect()
}

/// A task schema with two layouts and a custom number and select.
fn task_schema() -> FormSchema {
    let layouts: Layouts = serde_json::from_value(json!({"layouts": [
        {"layoutId": "full", "name": "Full", "recordType": "task", "default": true, "fields": [
            {"field": "subject", "label": "Subject", "required": true, "readOnly": false},
            {"field": "task.dueAt", "label": "Due", "required": true, "readOnly": false},
            {"field": "visits", "label": "Visits", "required": false, "readOnly": false},
            {"field": "tier", "label": "Tier", "required": true, "readOnly": false},
            {"field": "followUp", "label": "Follow-up on", "required": false, "readOnly": false}]},
        {"layoutId": "quick", "name": "Quick", "recordType": "task", "default": false, "fields": [
            {"field": "subject", "label": "What", "required": true, "readOnly": false},
            {"field": "task.dueAt", "label": "When", "required": true, "readOnly": false}]}]}))
    .unwrap();
    let mut fields = c360_wire::crm::builtin_fields(&RecordType::Task);
    let custom: Vec<FieldDefinition> = serde_json::from_value(json!([
        {"field": "visits", "label": "Visits", "type": "number", "custom": true},
        {"field": "tier", "label": "Tier", "type": "select", "options": ["gold", "silver"], "custom": true},
        {"field": "followUp", "label": "Follow-up on", "type": "date", "custom": true}]))
    .unwrap();
    fields.extend(custom);
    FormSchema::of(&RecordType::Task, Some(layouts), Some(fields))
}

#[test]
fn a_call_log_starts_from_the_interaction_and_the_server_accepts_it() {
    let draft = ActivityDraft::start(ActivityType::Call, Some(&facts()), 1_772_355_785_000, 60);
    assert_eq!(draft.get("subject"), "Inbound call — Billing Support");
    assert_eq!(draft.get("call.direction"), "INBOUND");
    assert_eq!(draft.get("call.startedAt"), "2026-03-01T10:00");
    assert_eq!(draft.get("call.durationSeconds"), "185");
    assert_eq!(draft.get("description"), "Caller: +14155550100");
    let schema = FormSchema::builtin(&RecordType::Call);
    let body = draft.body("c-1", Some("int-1"), 60, &schema, schema.layout(None));
    assert_eq!(body["call"]["startedAt"], "2026-03-01T10:00:00+01:00");
    assert_eq!(body["call"]["durationSeconds"], 185);
    assert_eq!(body["interactionId"], "int-1");
    assert!(refused(&draft, 60).is_empty());
}

#[test]
fn missing_parts_are_named_by_the_server_s_paths() {
    assert_eq!(refused(&ActivityDraft::start(ActivityType::Task, None, 0, 0), 0), ["subject", "task.dueAt"]);
    let mut event = ActivityDraft::start(ActivityType::Event, None, 0, -300);
    for (path, value) in
        [("subject", "Visit"), ("event.startAt", "2026-03-03T11:00"), ("event.endAt", "2026-03-03T10:00")]
    {
        event.values.insert(path.into(), value.into());
    }
    assert_eq!(refused(&event, -300), ["event.endAt"]);
    assert_eq!(with_offset("2026-03-03T10:00", -330), "2026-03-03T10:00:00-05:30");
    assert_eq!(with_offset("soon", 0), "soon");
    assert_eq!(refused(&ActivityDraft::start(ActivityType::Note, None, 0, 0), 0), ["description"]);
}

#[test]
fn a_layout_sends_its_own_fields_and_keeps_the_others_back() {
    let schema = task_schema();
    let mut draft = ActivityDraft::start(ActivityType::Task, None, 0, 0);
    for (path, value) in [
        ("subject", "Call back"),
        ("task.dueAt", "2026-03-02T17:00"),
        ("customFields.visits", "3"),
        ("customFields.tier", "gold"),
        ("customFields.followUp", "2026-03-09"),
    ] {
        draft.values.insert(path.into(), value.into());
    }
    let full = draft.body("c-1", None, 0, &schema, schema.layout(None));
    assert_eq!(full["customFields"], json!({"visits": 3, "tier": "gold", "followUp": "2026-03-09"}));
    assert_eq!(full["task"]["dueAt"], "2026-03-02T17:00:00+00:00");
    let quick = draft.body("c-1", None, 0, &schema, schema.layout(Some("quick")));
    assert!(quick.get("customFields").is_none(), "hidden values are not sent: {quick}");
    assert_eq!(draft.get("customFields.visits"), "3", "… but kept for when the agent switches back");
    draft.values.insert("customFields.visits".into(), "three".into());
    let typed = draft.body("c-1", None, 0, &schema, schema.layout(None));
    assert_eq!(typed["customFields"]["visits"], "three", "not a number: sent as typed, for the server to name");
}

#[test]
fn each_field_gets_the_input_its_type_needs() {
    let schema = task_schema();
    assert_eq!(input_of(&schema, "task.dueAt"), Input::Text("datetime-local"));
    assert_eq!(input_of(&schema, "followUp"), Input::Text("date"), "a custom date is a day");
    assert_eq!(input_of(&schema, "visits"), Input::Text("number"));
    assert_eq!(input_of(&schema, "tier"), Input::Choice(vec!["gold".into(), "silver".into()]));
    assert_eq!(input_of(&schema, "task.priority"), Input::Choice(vec!["low".into(), "normal".into(), "high".into()]));
    assert_eq!(input_of(&schema, "gone"), Input::Text("text"), "a field no longer defined");
    assert!(always_required(&ActivityType::Task, "task.dueAt") && !always_required(&ActivityType::Task, "visits"));
}

#[test]
fn the_servers_field_paths_read_as_the_layouts_labels() {
    let schema = task_schema();
    let errors = [
        FieldError::new("task.dueAt", "required", "task.dueAt is required."),
        FieldError::new("customFields.tier", "required", "customFields.tier is required."),
        FieldError::new("customFields.other", "unknown_field", "customFields.other is not a field."),
    ];
    let words = |layout: Option<&str>| -> Vec<String> {
        in_form_words(&schema, schema.layout(layout), &errors).into_iter().map(|e| e.message).collect()
    };
    assert_eq!(words(None), ["Due is required.", "Tier is required.", "customFields.other is not a field."]);
    assert_eq!(words(Some("quick"))[0], "When is required.", "the chosen layout's label");
}
