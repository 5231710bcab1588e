//! The menu's keys, a call log's pre-fill and the server's paths for what is missing.

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

#[test]
fn menu_keys_wrap_and_escape_closes() {
    assert_eq!(menu_key("ArrowDown", 5, 6), Some(0));
    assert_eq!(menu_key("ArrowUp", 0, 6), Some(5));
    assert_eq!((menu_key("Home", 3, 6), menu_key("End", 0, 6)), (Some(0), Some(5)));
    assert_eq!(menu_key("Escape", 2, 6), None);
    assert_eq!(menu_key("x", 2, 6), Some(2));
}

#[test]
fn a_call_log_starts_from_the_interaction() {
    let draft = ActivityDraft::start(ActivityType::Call, Some(&facts()), 1_772_355_785_000, 60);
    assert_eq!(draft.get("subject"), "Inbound call — Billing Support");
    assert_eq!(draft.get("call.direction"), "INBOUND");
    assert_eq!(draft.get("call.startedAt"), "2026-03-01T10:00");
    assert_eq!(draft.get("call.durationSeconds"), "185");
    assert_eq!(draft.get("description"), "Caller: +14155550100");
    let body = draft.body("c-1", Some("int-1"), 60);
    assert_eq!(body["call"]["startedAt"], "2026-03-01T10:00:00+01:00");
    assert_eq!(body["call"]["durationSeconds"], 185);
    assert!(draft.errors("c-1", 60).is_empty());
}

#[test]
fn missing_parts_are_named_by_the_server_s_paths() {
    let task = ActivityDraft::start(ActivityType::Task, None, 0, 0);
    let paths: Vec<_> = task.errors("c-1", 0).into_iter().map(|e| e.field).collect();
    assert_eq!(paths, ["subject", "task.dueAt"]);
    let mut event = ActivityDraft::start(ActivityType::Event, None, 0, -300);
    event.values.insert("subject", "Visit".into());
    event.values.insert("event.startAt", "2026-03-03T11:00".into());
    event.values.insert("event.endAt", "2026-03-03T10:00".into());
    let paths: Vec<_> = event.errors("c-1", -300).into_iter().map(|e| e.field).collect();
    assert_eq!(paths, ["event.endAt"]);
    assert_eq!(with_offset("2026-03-03T10:00", -330), "2026-03-03T10:00:00-05:30");
    assert_eq!(with_offset("soon", 0), "soon");
    let note = ActivityDraft::start(ActivityType::Note, None, 0, 0);
    assert_eq!(note.errors("c-1", 0)[0].field, "description");
}

#[test]
fn the_servers_field_paths_read_as_the_forms_labels() {
    let errors = [
        FieldError::new("task.dueAt", "required", "task.dueAt is required."),
        FieldError::new("subject", "required", "subject is required."),
        FieldError::new("customFields.tier", "unknown_field", "customFields.tier is not a field."),
    ];
    let words: Vec<_> = in_form_words(&ActivityType::Task, &errors).into_iter().map(|e| (e.field, e.message)).collect();
    assert_eq!(
        words,
        [
            ("task.dueAt".to_owned(), "Due is required.".to_owned()),
            ("subject".to_owned(), "Subject is required.".to_owned()),
            ("customFields.tier".to_owned(), "customFields.tier is not a field.".to_owned()),
        ]
    );
}
