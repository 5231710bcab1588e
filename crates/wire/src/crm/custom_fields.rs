//! Custom field values (`customFields` of a contact or an activity): well-named keys holding JSON
//! scalars, and — when the tenant's field definitions are at hand — values that fit each field's
//! type. Errors name the value as `customFields.<name>`.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};
use serde_json::{Number, Value};

use super::layout::{FieldDefinition, FieldType};
use super::phone::normalize_phone_in;
use crate::identity::normalize_email;
use crate::problem::{FieldError, codes};

/// Most custom values one record holds.
pub const MAX_CUSTOM_FIELDS: usize = 100;
/// Longest custom text value, in characters.
pub const MAX_CUSTOM_TEXT_CHARS: usize = 2000;
/// Longest custom field name.
pub const MAX_CUSTOM_NAME_LEN: usize = 64;

/// Whether `name` can name a custom field: an ASCII letter, then letters, digits or `_`, at most
/// [`MAX_CUSTOM_NAME_LEN`] — so `customFields.<name>` is always an unambiguous path.
pub fn is_custom_field_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && name.len() <= MAX_CUSTOM_NAME_LEN
}

/// The path of custom field `name` in field errors.
pub fn custom_field_path(name: &str) -> String {
    format!("customFields.{name}")
}

/// Checks and tidies custom values: `null` and blank text are dropped (not set), text is trimmed
/// and at most [`MAX_CUSTOM_TEXT_CHARS`], arrays and objects are refused. With `definitions`
/// (the record type's fields, built-in ones ignored), a name that is not a custom field is refused
/// and each value must fit its type: numbers (a numeric string is taken as its number), dates
/// (`2026-03-01` or a date-time with offset), a `select`'s options, phones (stored E.164, read
/// with `default_country`), emails (lower-cased), `http(s)` URLs.
///
/// A value equal to the one in `stored` (the record before a patch) is kept as it is: deleting or
/// retyping a field never deletes data, nor blocks an edit of something else.
pub fn validate_custom_fields(
    values: &BTreeMap<String, Value>,
    stored: &BTreeMap<String, Value>,
    definitions: Option<&[FieldDefinition]>,
    default_country: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for (name, value) in values {
        if stored.get(name) == Some(value) {
            out.insert(name.clone(), value.clone());
            continue;
        }
        let path = custom_field_path(name);
        let definition = definitions.map(|defs| defs.iter().find(|d| d.custom && d.field == *name));
        if !is_custom_field_name(name) || definition == Some(None) {
            errors.push(FieldError::new(&path, codes::UNKNOWN_FIELD, format!("There is no custom field “{name}”.")));
            continue;
        }
        let scalar = match value {
            Value::Null => continue,
            Value::String(s) if s.trim().is_empty() => continue,
            Value::String(s) => Value::String(s.trim().to_owned()),
            Value::Array(_) | Value::Object(_) => {
                errors.push(FieldError::new(&path, codes::INVALID_FORMAT, format!("{name} takes a single value.")));
                continue;
            }
            other => other.clone(),
        };
        if let Value::String(s) = &scalar
            && s.chars().count() > MAX_CUSTOM_TEXT_CHARS
        {
            let message = format!("{name} is longer than {MAX_CUSTOM_TEXT_CHARS} characters.");
            errors.push(FieldError::new(&path, codes::TOO_LONG, message));
            continue;
        }
        let typed = match definition.flatten() {
            Some(def) => fit(scalar, def, default_country),
            None => Ok(scalar),
        };
        match typed {
            Ok(v) => {
                out.insert(name.clone(), v);
            }
            Err((code, message)) => errors.push(FieldError::new(&path, code, message)),
        }
    }
    if out.len() > MAX_CUSTOM_FIELDS {
        let message = format!("A record holds at most {MAX_CUSTOM_FIELDS} custom values.");
        errors.push(FieldError::new("customFields", codes::OUT_OF_RANGE, message));
    }
    out
}

/// `value` (a non-blank scalar) as field `def` stores it, or the error code and message.
fn fit(value: Value, def: &FieldDefinition, default_country: Option<&str>) -> Result<Value, (&'static str, String)> {
    let label = &def.label;
    let text = value.as_str();
    let invalid = |what: &str| (codes::INVALID_FORMAT, format!("{label} must be {what}."));
    match &def.field_type {
        FieldType::Number => match &value {
            Value::Number(_) => Ok(value),
            // serde_json's own number reader: the panel carries it already, `f64::from_str` it does not.
            Value::String(s) => s.trim().parse::<Number>().map(Value::Number).map_err(|_| invalid("a number")),
            _ => Err(invalid("a number")),
        },
        FieldType::Date => match text {
            Some(s) if is_calendar_date(s) || DateTime::parse_from_rfc3339(s).is_ok() => Ok(value),
            _ => Err(invalid("a date like 2026-03-01")),
        },
        FieldType::Select => {
            let options = def.options.as_deref().unwrap_or_default();
            match text {
                Some(s) if options.iter().any(|o| o == s) => Ok(value),
                _ => Err((codes::INVALID_VALUE, format!("{label} must be one of: {}.", options.join(", ")))),
            }
        }
        FieldType::Phone => text
            .and_then(|s| normalize_phone_in(s, default_country))
            .map(Value::String)
            .ok_or_else(|| invalid("a phone number")),
        FieldType::Email => {
            text.and_then(normalize_email).map(Value::String).ok_or_else(|| invalid("an email address"))
        }
        FieldType::Url => match text {
            Some(s) if is_web_url(s) => Ok(value),
            _ => Err(invalid("a web address starting with https://")),
        },
        FieldType::Text | FieldType::Other(_) => match value {
            Value::String(_) => Ok(value),
            _ => Err(invalid("text")),
        },
    }
}

/// Whether `s` is a calendar date `YYYY-MM-DD` that exists (checked without chrono's format
/// parser, which the panel would otherwise carry for this alone).
fn is_calendar_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok()).flatten()
    };
    match parts.as_slice() {
        [y, m, d] => match (number(y, 4), number(m, 2), number(d, 2)) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d).is_some(),
            _ => false,
        },
        _ => false,
    }
}

/// Whether `s` is an `http` or `https` URL with a host and no spaces.
fn is_web_url(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn defs() -> Vec<FieldDefinition> {
        serde_json::from_value(json!([
            {"field": "loyaltyTier", "label": "Loyalty tier", "type": "select", "options": ["silver", "gold"], "custom": true},
            {"field": "visits", "label": "Visits", "type": "number", "custom": true},
            {"field": "birthday", "label": "Birthday", "type": "date", "custom": true},
            {"field": "backupPhone", "label": "Backup phone", "type": "phone", "custom": true},
            {"field": "billingEmail", "label": "Billing email", "type": "email", "custom": true},
            {"field": "website", "label": "Website", "type": "url", "custom": true},
            {"field": "note", "label": "Note", "type": "text", "custom": true},
            {"field": "firstName", "label": "First name", "type": "text", "custom": false}
        ]))
        .unwrap()
    }

    fn check(values: Value, definitions: Option<&[FieldDefinition]>) -> (BTreeMap<String, Value>, Vec<FieldError>) {
        let values: BTreeMap<String, Value> = serde_json::from_value(values).unwrap();
        let mut errors = Vec::new();
        let out = validate_custom_fields(&values, &BTreeMap::new(), definitions, Some("US"), &mut errors);
        (out, errors)
    }

    fn fields_of(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect()
    }

    #[test]
    fn values_that_fit_their_types_are_kept_in_stored_form() {
        let defs = defs();
        let (out, errors) = check(
            json!({"loyaltyTier": "gold", "visits": "12", "birthday": "1990-04-01", "backupPhone": "(415) 555-0199",
                   "billingEmail": " Billing@Example.COM ", "website": "https://whitfield.example/menu", "note": "  likes rye  "}),
            Some(&defs),
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            Value::Object(out.into_iter().collect()),
            json!({"loyaltyTier": "gold", "visits": 12, "birthday": "1990-04-01", "backupPhone": "+14155550199",
                   "billingEmail": "billing@example.com", "website": "https://whitfield.example/menu", "note": "likes rye"})
        );
    }

    #[test]
    fn a_value_of_the_wrong_type_is_refused_naming_the_custom_field() {
        let defs = defs();
        let (out, errors) = check(
            json!({"loyaltyTier": "platinum", "visits": "many", "birthday": "01/04/1990", "backupPhone": "call me",
                   "billingEmail": "billing", "website": "javascript:alert(1)", "note": 3}),
            Some(&defs),
        );
        assert!(out.is_empty());
        assert_eq!(
            fields_of(&errors),
            [
                ("customFields.backupPhone", "invalid_format"),
                ("customFields.billingEmail", "invalid_format"),
                ("customFields.birthday", "invalid_format"),
                ("customFields.loyaltyTier", "invalid_value"),
                ("customFields.note", "invalid_format"),
                ("customFields.visits", "invalid_format"),
                ("customFields.website", "invalid_format"),
            ]
        );
        assert_eq!(errors[3].message, "Loyalty tier must be one of: silver, gold.");
    }

    #[test]
    fn dates_must_exist_and_numbers_must_be_numbers() {
        let defs = defs();
        for good in ["2024-02-29", "2026-03-01T09:00:00+01:00"] {
            assert!(check(json!({"birthday": good}), Some(&defs)).1.is_empty(), "{good}");
        }
        for bad in ["2023-02-29", "2026-13-01", "2026-3-1", "+2026-03-01", "2026-03-01T09:00"] {
            assert_eq!(check(json!({"birthday": bad}), Some(&defs)).1.len(), 1, "{bad}");
        }
        assert_eq!(check(json!({"visits": " 4.5 "}), Some(&defs)).0["visits"], json!(4.5));
        for bad in ["1e", "0x10", "NaN", "1,5"] {
            assert_eq!(check(json!({"visits": bad}), Some(&defs)).1.len(), 1, "{bad}");
        }
    }

    #[test]
    fn unknown_and_built_in_names_are_not_custom_fields() {
        let defs = defs();
        let (_, errors) = check(json!({"favouriteColour": "blue", "firstName": "Dana"}), Some(&defs));
        assert_eq!(
            fields_of(&errors),
            [("customFields.favouriteColour", "unknown_field"), ("customFields.firstName", "unknown_field")]
        );
    }

    #[test]
    fn without_definitions_any_well_named_scalar_is_kept() {
        let (out, errors) = check(
            json!({"tier": "gold", "vip": true, "score": 4.5, "gone": null, "blank": "  ", "bad name": "x", "list": [1]}),
            None,
        );
        assert_eq!(out.keys().collect::<Vec<_>>(), ["score", "tier", "vip"]);
        assert_eq!(
            fields_of(&errors),
            [("customFields.bad name", "unknown_field"), ("customFields.list", "invalid_format")]
        );
    }

    #[test]
    fn long_text_and_too_many_values_are_refused() {
        let (_, errors) = check(json!({"note": "x".repeat(MAX_CUSTOM_TEXT_CHARS + 1)}), None);
        assert_eq!(fields_of(&errors), [("customFields.note", "too_long")]);
        let many: serde_json::Map<String, Value> =
            (0..=MAX_CUSTOM_FIELDS).map(|i| (format!("f{i}"), json!(i))).collect();
        let (_, errors) = check(Value::Object(many), None);
        assert_eq!(fields_of(&errors), [("customFields", "out_of_range")]);
    }

    #[test]
    fn a_stored_value_is_kept_even_when_its_field_is_gone_but_a_new_value_is_not() {
        let defs = defs();
        let stored: BTreeMap<String, Value> = serde_json::from_value(json!({"oldCode": "X-1", "visits": 3})).unwrap();
        let mut errors = Vec::new();
        let out = validate_custom_fields(&stored, &stored, Some(&defs), None, &mut errors);
        assert!(errors.is_empty());
        assert_eq!(out, stored);
        let changed: BTreeMap<String, Value> = serde_json::from_value(json!({"oldCode": "X-2"})).unwrap();
        validate_custom_fields(&changed, &stored, Some(&defs), None, &mut errors);
        assert_eq!(fields_of(&errors), [("customFields.oldCode", "unknown_field")]);
    }

    #[test]
    fn custom_field_names_are_plain_identifiers() {
        assert!(is_custom_field_name("loyaltyTier") && is_custom_field_name("tier_2"));
        for bad in ["", "2fast", "a.b", "a[0]", "a b", "é", &"x".repeat(MAX_CUSTOM_NAME_LEN + 1)] {
            assert!(!is_custom_field_name(bad), "{bad}");
        }
    }
}
