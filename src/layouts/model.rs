//! The rules of layouts, framework-free: a record type's schema (its layouts and field
//! definitions, the built-in ones standing in for what the server did not answer), which layout a
//! choice means, and where each layout field's value sits in a record (`task.dueAt`,
//! `customFields.visits`).

use c360_wire::crm::builtin::is_builtin;
use c360_wire::crm::{FieldDefinition, Layout, Layouts, RecordType, builtin_fields, default_layout};

/// What the forms and record views of one record type can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormSchema {
    /// The record type.
    pub record_type: RecordType,
    /// The tenant's layouts (never empty: the built-in default stands in).
    pub layouts: Vec<Layout>,
    /// Every field, built-in and custom.
    pub definitions: Vec<FieldDefinition>,
}

impl FormSchema {
    /// The built-in default layout and fields every tenant has before an admin changes them.
    pub fn builtin(record_type: &RecordType) -> Self {
        Self::of(record_type, None, None)
    }

    /// The schema of what the server answered, the built-in parts standing in for what it did not.
    pub fn of(record_type: &RecordType, layouts: Option<Layouts>, definitions: Option<Vec<FieldDefinition>>) -> Self {
        let mut layouts: Vec<Layout> = layouts
            .map(|l| l.layouts.into_iter().filter(|l| l.record_type == *record_type).collect())
            .unwrap_or_default();
        if layouts.is_empty() {
            layouts.push(default_layout(record_type));
        }
        Self {
            record_type: record_type.clone(),
            layouts,
            definitions: definitions.filter(|d| !d.is_empty()).unwrap_or_else(|| builtin_fields(record_type)),
        }
    }

    /// The layout `chosen` names, else the tenant's default, else the first.
    pub fn layout(&self, chosen: Option<&str>) -> &Layout {
        let by_id = chosen.and_then(|id| self.layouts.iter().find(|l| l.layout_id == id));
        by_id.or_else(|| self.layouts.iter().find(|l| l.default)).unwrap_or(&self.layouts[0])
    }

    /// The definition of layout field `field` (`None` for one the tenant no longer defines).
    pub fn definition(&self, field: &str) -> Option<&FieldDefinition> {
        self.definitions.iter().find(|d| d.field == field)
    }

    /// Where layout field `field` sits in a record: a built-in path as it is, a custom field under
    /// `customFields`.
    pub fn path(&self, field: &str) -> String {
        if is_builtin(&self.record_type, field) { field.to_owned() } else { format!("customFields.{field}") }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn layouts(v: serde_json::Value) -> Layouts {
        serde_json::from_value(json!({ "layouts": v })).unwrap()
    }

    fn task_layout(id: &str, default: bool) -> serde_json::Value {
        json!({"layoutId": id, "name": id, "recordType": "task", "default": default,
            "fields": [{"field": "subject", "label": "Subject", "required": true, "readOnly": false}]})
    }

    #[test]
    fn a_choice_names_a_layout_and_anything_else_falls_back_to_the_default() {
        let schema = FormSchema::of(
            &RecordType::Task,
            Some(layouts(json!([task_layout("quick", false), task_layout("full", true)]))),
            None,
        );
        assert_eq!(schema.layout(Some("quick")).layout_id, "quick");
        assert_eq!(schema.layout(None).layout_id, "full", "the default, not the first");
        assert_eq!(schema.layout(Some("deleted")).layout_id, "full", "a layout removed since it was chosen");
    }

    #[test]
    fn without_an_answer_the_built_in_default_and_fields_stand_in() {
        let schema = FormSchema::builtin(&RecordType::Event);
        assert_eq!(schema.layouts.len(), 1);
        assert!(schema.layout(None).required_fields().contains(&"event.endAt"));
        assert!(schema.definition("event.location").is_some());
        let other_type = FormSchema::of(&RecordType::Call, Some(layouts(json!([task_layout("t", true)]))), None);
        assert_eq!(other_type.layout(None).layout_id, "default-call", "a task layout never shapes a call");
    }

    #[test]
    fn built_in_fields_keep_their_path_and_custom_ones_sit_under_custom_fields() {
        let schema = FormSchema::builtin(&RecordType::Task);
        assert_eq!(schema.path("task.dueAt"), "task.dueAt");
        assert_eq!(schema.path("subject"), "subject");
        assert_eq!(schema.path("visits"), "customFields.visits");
    }
}
