use serde_json::json;

use crate::crm::activity_rules::ActivityRules;
use crate::crm::builtin::{builtin_fields, default_layout};
use crate::crm::fixtures::stored_activity;
use crate::crm::layout::{FieldDefinition, FieldType, Layout, LayoutField, RecordType};
use crate::problem::FieldError;

/// The task fields plus a custom number `visits`.
fn task_fields() -> Vec<FieldDefinition> {
    let mut fields = builtin_fields(&RecordType::Task);
    fields.push(FieldDefinition {
        field: "visits".into(),
        label: "Visits".into(),
        field_type: FieldType::Number,
        options: None,
        custom: true,
    });
    fields
}

/// A task layout of `(field, required, read_only)`.
fn layout(fields: &[(&str, bool, bool)]) -> Layout {
    Layout {
        layout_id: "triage".into(),
        name: "Triage".into(),
        record_type: RecordType::Task,
        default: false,
        fields: fields
            .iter()
            .map(|(f, required, read_only)| LayoutField {
                field: (*f).into(),
                label: (*f).into(),
                required: *required,
                read_only: *read_only,
            })
            .collect(),
    }
}

/// The rules with `fields` through `layout`.
fn through<'a>(fields: &'a [FieldDefinition], layout: &'a Layout) -> ActivityRules<'a> {
    ActivityRules { definitions: Some(fields), layout: Some(layout), ..ActivityRules::default() }
}

fn task(extra: serde_json::Value) -> serde_json::Value {
    let mut body = json!({"type": "task", "contactId": "c-1", "subject": "Call back",
        "task": {"dueAt": "2026-03-02T17:00:00Z"}});
    crate::crm::apply_merge_patch(&mut body, &extra);
    body
}

fn pairs(errors: Vec<FieldError>) -> Vec<(String, String, String)> {
    errors.into_iter().map(|e| (e.field, e.code, e.message)).collect()
}

#[test]
fn a_layout_s_required_built_in_and_custom_fields_are_named_by_their_paths() {
    let fields = task_fields();
    let triage = layout(&[("subject", true, false), ("task.priority", true, false), ("visits", true, false)]);
    let rules = through(&fields, &triage);
    assert_eq!(
        pairs(rules.read(&task(json!({"customFields": {"visits": "  "}}))).unwrap_err()),
        [
            ("task.priority".to_owned(), "required".to_owned(), "task.priority is required.".to_owned()),
            ("customFields.visits".to_owned(), "required".to_owned(), "customFields.visits is required.".to_owned()),
        ],
        "a priority the parser would default and a blank custom value are not given"
    );
    let full = rules.read(&task(json!({"task": {"priority": "high"}, "customFields": {"visits": 3}}))).unwrap();
    assert_eq!(full.custom_fields["visits"], json!(3));
    let default = default_layout(&RecordType::Task);
    let plain = through(&fields, &default);
    assert!(plain.read(&task(json!({}))).is_ok(), "the default layout asks only what the spec asks");
}

#[test]
fn a_field_already_refused_is_not_also_required() {
    let fields = task_fields();
    let triage = layout(&[("subject", true, false), ("task.priority", true, false), ("visits", true, false)]);
    let rules = through(&fields, &triage);
    let errors = rules.read(&task(json!({"subject": null, "task": "soon", "customFields": {"visits": "many"}})));
    let named: Vec<(String, String)> = errors.unwrap_err().into_iter().map(|e| (e.field, e.code)).collect();
    assert_eq!(
        named,
        [("subject", "required"), ("task", "invalid_format"), ("customFields.visits", "invalid_format")]
            .map(|(f, c)| (f.to_owned(), c.to_owned()))
    );
}

#[test]
fn another_type_s_layout_or_a_deleted_custom_field_asks_nothing() {
    let fields = task_fields();
    let mut call_layout = layout(&[("task.priority", true, false)]);
    call_layout.record_type = RecordType::Call;
    let rules = through(&fields, &call_layout);
    assert!(rules.read(&task(json!({}))).is_ok());
    let gone = layout(&[("shoeSize", true, false)]);
    let rules = through(&fields, &gone);
    assert!(rules.read(&task(json!({}))).is_ok(), "no value could be saved for a field no longer defined");
}

#[test]
fn a_patch_may_not_change_a_read_only_field_nor_clear_a_required_one() {
    let fields = task_fields();
    let locked = layout(&[("task.priority", false, true), ("visits", true, true), ("description", true, false)]);
    let rules = through(&fields, &locked);
    let created = rules
        .read(&task(json!({"description": "x", "task": {"priority": "high"}, "customFields": {"visits": 2}})))
        .expect("a create may set read-only fields");
    let current = stored_activity(created);
    let refused = rules.apply_patch(&current, &json!({"task": {"priority": "low"}, "customFields": {"visits": 3}}));
    assert_eq!(
        pairs(refused.unwrap_err()),
        [
            ("task.priority".to_owned(), "read_only".to_owned(), "task.priority cannot be changed.".to_owned()),
            (
                "customFields.visits".to_owned(),
                "read_only".to_owned(),
                "customFields.visits cannot be changed.".to_owned()
            ),
        ]
    );
    let same = rules.apply_patch(&current, &json!({"task": {"priority": "high", "status": "done"}}));
    assert!(same.is_ok(), "repeating a read-only value is fine: {same:?}");
    let cleared = rules.apply_patch(&current, &json!({"description": ""})).unwrap_err();
    assert_eq!((cleared[0].field.as_str(), cleared[0].code.as_str()), ("description", "required"));
    let unlocked = ActivityRules { definitions: Some(&fields), ..ActivityRules::default() };
    assert!(unlocked.apply_patch(&current, &json!({"task": {"priority": "low"}})).is_ok(), "no layout, no lock");
}
