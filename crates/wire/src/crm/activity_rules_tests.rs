use serde_json::json;

use super::*;
use crate::crm::activity::{CasePart, CasePriority, TaskStatus};
use crate::crm::fixtures::stored_activity;

fn rules() -> ActivityRules<'static> {
    ActivityRules::default()
}

fn errors(body: Value) -> Vec<(String, String)> {
    rules().read(&body).unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
}

fn one(field: &str, code: &str) -> Vec<(String, String)> {
    vec![(field.to_owned(), code.to_owned())]
}

#[test]
fn each_type_reads_with_its_own_part_and_defaults() {
    let task = rules()
        .read(&json!({"type": "task", "contactId": "c-1", "subject": " Call back ", "task": {"dueAt": "2026-03-02T17:00:00+01:00"}}))
        .unwrap();
    assert_eq!(task.subject, "Call back");
    assert_eq!(task.task.unwrap().status, TaskStatus::Open);
    let case = rules().read(&json!({"type": "case", "contactId": "c-1", "subject": "Refund"})).unwrap();
    assert_eq!(case.case, Some(CasePart { status: CaseStatus::New, priority: CasePriority::Normal }));
    let note = rules().read(&json!({"type": "note", "contactId": "c-1", "description": "Prefers email"})).unwrap();
    assert_eq!((note.subject.as_str(), note.call.is_none()), ("", true));
    let call = rules()
        .read(&json!({"type": "call", "contactId": "c-1", "subject": "Inbound call", "interactionId": "int-1",
            "call": {"direction": "INBOUND", "startedAt": "2026-03-01T09:00:00Z", "durationSeconds": 185}}))
        .unwrap();
    assert_eq!(call.call.unwrap().duration_seconds, Some(185));
}

#[test]
fn every_required_or_malformed_part_is_named() {
    assert_eq!(errors(json!({"type": "task", "contactId": "c-1", "subject": "x"})), one("task.dueAt", "required"));
    assert_eq!(
        errors(json!({"type": "task", "contactId": "c-1", "subject": "x", "task": {"dueAt": "tomorrow"}})),
        one("task.dueAt", "invalid_format")
    );
    assert_eq!(
        errors(json!({"type": "event", "contactId": "c-1", "subject": "x",
            "event": {"startAt": "2026-03-03T11:00:00Z", "endAt": "2026-03-03T10:00:00Z"}})),
        one("event.endAt", "out_of_range")
    );
    assert_eq!(errors(json!({"type": "note", "contactId": "c-1", "subject": "x"})), one("description", "required"));
    assert_eq!(errors(json!({"type": "call", "contactId": "c-1"})), one("subject", "required"));
    assert_eq!(errors(json!({"type": "fax", "contactId": "c-1"})), one("type", "invalid_value"));
    assert_eq!(errors(json!({"type": "note", "description": "x"})), one("contactId", "required"));
    assert_eq!(
        errors(json!({"type": "case", "contactId": "c-1", "subject": "x", "case": {"priority": "asap"}})),
        one("case.priority", "invalid_value")
    );
    assert_eq!(
        errors(json!({"type": "note", "contactId": "c-1", "description": "x", "task": {}})),
        one("task", "forbidden")
    );
    assert_eq!(
        errors(json!({"type": "note", "contactId": "c-1", "description": "x", "activityId": "a-1", "colour": 1})),
        vec![("activityId".to_owned(), "read_only".to_owned()), ("colour".to_owned(), "unknown_field".to_owned())]
    );
}

#[test]
fn a_patch_completes_a_task_but_cannot_retype_it_or_reopen_a_closed_case() {
    let task = rules()
        .read(&json!({"type": "task", "contactId": "c-1", "subject": "x", "task": {"dueAt": "2026-03-02T17:00:00Z"}}))
        .unwrap();
    let done = rules().apply_patch(&stored_activity(task.clone()), &json!({"task": {"status": "done"}})).unwrap();
    assert_eq!(done.task.unwrap().status, TaskStatus::Done);
    let refused = rules().apply_patch(&stored_activity(task), &json!({"type": "note", "version": 7})).unwrap_err();
    let fields: Vec<&str> = refused.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains(&"type") && fields.contains(&"version"), "{fields:?}");
    let closed = rules()
        .read(&json!({"type": "case", "contactId": "c-1", "subject": "x", "case": {"status": "closed"}}))
        .unwrap();
    let reopen = rules().apply_patch(&stored_activity(closed), &json!({"case": {"status": "open"}})).unwrap_err();
    assert_eq!(reopen[0].field, "case.status");
}
