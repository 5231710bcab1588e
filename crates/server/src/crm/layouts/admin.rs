//! The two admin bodies, checked field by field: `PUT /fields/{field}` (a custom field's label,
//! type and options) and `PUT /layouts/{layoutId}` (a layout's name, record type, default flag
//! and fields, each an existing field). Plain functions with native tests.

use c360_wire::crm::builtin::is_builtin;
use c360_wire::crm::custom_fields::is_custom_field_name;
use c360_wire::crm::{FieldDefinition, FieldType, LayoutFieldInput, LayoutInput, RecordType};
use c360_wire::problem::{FieldError, codes};
use serde_json::Value;

/// Longest label or layout name, in characters.
const MAX_LABEL_CHARS: usize = 100;
/// Most options of a `select`.
const MAX_OPTIONS: usize = 100;

/// The custom field `field` of `record_type` that `body` defines, or every error.
pub fn field_definition(
    record_type: &RecordType,
    field: &str,
    body: &Value,
) -> Result<FieldDefinition, Vec<FieldError>> {
    let mut errors = Vec::new();
    if is_builtin(record_type, field) {
        errors.push(FieldError::new(
            "field",
            codes::READ_ONLY,
            format!("{field} is a built-in field and cannot be redefined."),
        ));
    } else if !is_custom_field_name(field) {
        let message = "A custom field's name is a letter, then letters, digits or _, at most 64.";
        errors.push(FieldError::new("field", codes::INVALID_FORMAT, message));
    }
    let Some(object) = body.as_object() else {
        errors.push(FieldError::new("", codes::INVALID_FORMAT, "The body must be a JSON object."));
        return Err(errors);
    };
    let label = label(object.get("label"), "label", &mut errors);
    let field_type = match object.get("type").and_then(Value::as_str).map(FieldType::from) {
        Some(FieldType::Other(other)) => {
            let message = format!("“{other}” is not a field type: text, number, date, select, phone, email or url.");
            errors.push(FieldError::new("type", codes::INVALID_VALUE, message));
            FieldType::Text
        }
        Some(known) => known,
        None => {
            errors.push(FieldError::new("type", codes::REQUIRED, "type is required."));
            FieldType::Text
        }
    };
    let options = match (object.get("options"), &field_type) {
        (None | Some(Value::Null), FieldType::Select) => {
            errors.push(FieldError::new("options", codes::REQUIRED, "A select field needs its options."));
            None
        }
        (None | Some(Value::Null), _) => None,
        (Some(_), t) if *t != FieldType::Select => {
            errors.push(FieldError::new("options", codes::FORBIDDEN, "Only a select field has options."));
            None
        }
        (Some(Value::Array(items)), _) => Some(options(items, &mut errors)),
        (Some(_), _) => {
            errors.push(FieldError::new("options", codes::INVALID_FORMAT, "options must be a list of texts."));
            None
        }
    };
    for key in object.keys().filter(|k| !["label", "type", "options"].contains(&k.as_str())) {
        errors.push(FieldError::new(key, codes::UNKNOWN_FIELD, format!("A field definition has no “{key}”.")));
    }
    let definition = FieldDefinition { field: field.to_owned(), label, field_type, options, custom: true };
    if errors.is_empty() { Ok(definition) } else { Err(errors) }
}

/// The layout `body` describes, its fields among `fields` (the record type's, built-in and custom),
/// or every error.
pub fn layout_input(layout_id: &str, body: &Value, fields: &[FieldDefinition]) -> Result<LayoutInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let id_ok = !layout_id.is_empty()
        && layout_id.len() <= 64
        && layout_id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !id_ok {
        errors.push(FieldError::new(
            "layoutId",
            codes::INVALID_FORMAT,
            "A layout id is letters, digits, - or _, at most 64.",
        ));
    }
    let parsed = serde_json::from_value::<LayoutInput>(body.clone());
    let input = match parsed {
        Ok(input) => input,
        Err(e) => {
            errors.push(FieldError::new("", codes::INVALID_FORMAT, format!("Not a layout ({e}).")));
            return Err(errors);
        }
    };
    if let RecordType::Other(other) = &input.record_type {
        errors.push(FieldError::new("recordType", codes::INVALID_VALUE, format!("“{other}” is not a record type.")));
    }
    let name = label(body.get("name"), "name", &mut errors);
    let mut seen: Vec<&str> = Vec::new();
    for (i, LayoutFieldInput { field, .. }) in input.fields.iter().enumerate() {
        let path = format!("fields[{i}].field");
        if !fields.iter().any(|d| d.field == *field) {
            errors.push(FieldError::new(path, codes::UNKNOWN_FIELD, format!("There is no field “{field}”.")));
        } else if seen.contains(&field.as_str()) {
            errors.push(FieldError::new(path, codes::CONFLICT, format!("{field} is in the layout twice.")));
        }
        seen.push(field);
    }
    if errors.is_empty() { Ok(LayoutInput { name, ..input }) } else { Err(errors) }
}

/// A required one-line text of at most [`MAX_LABEL_CHARS`], trimmed.
fn label(value: Option<&Value>, name: &str, errors: &mut Vec<FieldError>) -> String {
    match value.and_then(Value::as_str).map(str::trim) {
        Some(text)
            if !text.is_empty() && text.chars().count() <= MAX_LABEL_CHARS && !text.chars().any(char::is_control) =>
        {
            text.to_owned()
        }
        Some(text) if !text.is_empty() => {
            let message = format!("{name} is one line of at most {MAX_LABEL_CHARS} characters.");
            errors.push(FieldError::new(name, codes::INVALID_FORMAT, message));
            String::new()
        }
        _ => {
            errors.push(FieldError::new(name, codes::REQUIRED, format!("{name} is required.")));
            String::new()
        }
    }
}

/// A select's options: non-blank texts, each once, at most [`MAX_OPTIONS`].
fn options(items: &[Value], errors: &mut Vec<FieldError>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item.as_str().map(str::trim) {
            Some(text) if !text.is_empty() && !out.iter().any(|o| o == text) => out.push(text.to_owned()),
            Some(text) if !text.is_empty() => {}
            _ => errors.push(FieldError::new(
                format!("options[{i}]"),
                codes::INVALID_FORMAT,
                "An option is a non-empty text.",
            )),
        }
    }
    if out.is_empty() && errors.iter().all(|e| !e.field.starts_with("options")) {
        errors.push(FieldError::new("options", codes::REQUIRED, "A select field needs its options."));
    }
    if out.len() > MAX_OPTIONS {
        errors.push(FieldError::new("options", codes::OUT_OF_RANGE, format!("At most {MAX_OPTIONS} options.")));
    }
    out
}

#[cfg(test)]
mod tests {
    use c360_wire::crm::builtin_fields;
    use serde_json::json;

    use super::*;

    fn codes_of(errors: Vec<FieldError>) -> Vec<(String, String)> {
        errors.into_iter().map(|e| (e.field, e.code)).collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(f, c)| ((*f).to_owned(), (*c).to_owned())).collect()
    }

    #[test]
    fn a_custom_field_is_named_typed_and_labelled() {
        let tier = json!({"label": " Loyalty tier ", "type": "select", "options": ["silver", "gold", "gold"]});
        let def = field_definition(&RecordType::Contact, "loyaltyTier", &tier).unwrap();
        assert_eq!((def.label.as_str(), def.custom), ("Loyalty tier", true));
        assert_eq!(def.options.as_deref(), Some(&["silver".to_owned(), "gold".to_owned()][..]));
        let visits = field_definition(&RecordType::Contact, "visits", &json!({"label": "Visits", "type": "number"}));
        assert_eq!(visits.unwrap().options, None);
    }

    #[test]
    fn built_in_names_bad_names_and_bad_bodies_are_refused_by_field() {
        let c = RecordType::Contact;
        let refused = |field: &str, body: Value| codes_of(field_definition(&c, field, &body).unwrap_err());
        assert_eq!(refused("company", json!({"label": "Firm", "type": "text"})), pairs(&[("field", "read_only")]));
        assert_eq!(refused("2fast", json!({"label": "x", "type": "text"})), pairs(&[("field", "invalid_format")]));
        assert_eq!(refused("x", json!({"type": "stars"})), pairs(&[("label", "required"), ("type", "invalid_value")]));
        assert_eq!(refused("x", json!({"label": "X", "type": "select"})), pairs(&[("options", "required")]));
        assert_eq!(
            refused("x", json!({"label": "X", "type": "text", "options": ["a"]})),
            pairs(&[("options", "forbidden")])
        );
        assert_eq!(
            refused("x", json!({"label": "X", "type": "select", "options": ["a", 2]})),
            pairs(&[("options[1]", "invalid_format")])
        );
        assert_eq!(
            refused("x", json!({"label": "X", "type": "text", "colour": "red"})),
            pairs(&[("colour", "unknown_field")])
        );
        assert_eq!(refused("x", json!([])), pairs(&[("", "invalid_format")]));
    }

    #[test]
    fn a_layout_names_existing_fields_once_each() {
        let fields = builtin_fields(&RecordType::Contact);
        let body = json!({"name": "Quick", "recordType": "contact", "default": true,
            "fields": [{"field": "firstName", "required": true}, {"field": "phones", "readOnly": true}]});
        let layout = layout_input("quick", &body, &fields).unwrap();
        assert_eq!((layout.name.as_str(), layout.default, layout.fields.len()), ("Quick", true, 2));
        let bad = json!({"name": "", "recordType": "contact",
            "fields": [{"field": "firstName"}, {"field": "nickname"}, {"field": "firstName"}]});
        assert_eq!(
            codes_of(layout_input("a b", &bad, &fields).unwrap_err()),
            pairs(&[
                ("layoutId", "invalid_format"),
                ("name", "required"),
                ("fields[1].field", "unknown_field"),
                ("fields[2].field", "conflict")
            ])
        );
        assert_eq!(
            codes_of(layout_input("x", &json!({"name": "X"}), &fields).unwrap_err()),
            pairs(&[("", "invalid_format")])
        );
    }
}
