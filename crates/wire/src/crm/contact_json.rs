//! Reading a contact body from JSON with errors a person can act on: a value of the wrong JSON
//! type, a field the contact does not have or one only the server writes is named exactly
//! (`phones[1]`, `address.city`, `contactId`) — where serde would stop at the first problem with a
//! message about Rust types.

use serde_json::{Map, Value};

use super::contact::{Address, NewContact, fields};
use crate::problem::{FieldError, codes};

/// The field path of the whole body in field errors.
pub const BODY: &str = "";

impl NewContact {
    /// The contact a JSON body (create, or a contact after a merge patch) describes, its values
    /// as typed (validation comes next), or every field error at once. `null` reads as empty.
    pub fn from_json(body: &Value) -> Result<Self, Vec<FieldError>> {
        let Some(object) = body.as_object() else {
            return Err(vec![FieldError::new(BODY, codes::INVALID_FORMAT, "The body must be a JSON object.")]);
        };
        let mut errors = Vec::new();
        let mut c = NewContact::default();
        for (key, value) in object {
            let e = &mut errors;
            match key.as_str() {
                fields::FIRST_NAME => c.first_name = text(key, value, e),
                fields::LAST_NAME => c.last_name = text(key, value, e),
                fields::EMAILS => c.emails = texts(key, value, e),
                fields::PHONES => c.phones = texts(key, value, e),
                fields::COMPANY => c.company = text(key, value, e),
                fields::ACCOUNT_ID => c.account_id = text(key, value, e),
                fields::TITLE => c.title = text(key, value, e),
                fields::ADDRESS => c.address = address(value, e),
                fields::CUSTOM_FIELDS => match value {
                    Value::Object(map) => c.custom_fields = map.clone().into_iter().collect(),
                    Value::Null => {}
                    _ => e.push(FieldError::new(key, codes::INVALID_FORMAT, "customFields must be an object.")),
                },
                server if fields::SERVER.contains(&server) => e.push(read_only(server)),
                unknown => e.push(unknown_field(unknown)),
            }
        }
        if errors.is_empty() { Ok(c) } else { Err(errors) }
    }
}

/// The refusal of a write to a field only the server (or nobody, by the layout) may change.
pub fn read_only(path: &str) -> FieldError {
    FieldError::new(path, codes::READ_ONLY, format!("{path} cannot be changed."))
}

fn unknown_field(path: &str) -> FieldError {
    FieldError::new(path, codes::UNKNOWN_FIELD, format!("A contact has no field “{path}”."))
}

fn text(path: &str, value: &Value, errors: &mut Vec<FieldError>) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        _ => {
            errors.push(FieldError::new(path, codes::INVALID_FORMAT, format!("{path} must be text.")));
            String::new()
        }
    }
}

fn texts(path: &str, value: &Value, errors: &mut Vec<FieldError>) -> Vec<String> {
    match value {
        Value::Array(items) => {
            items.iter().enumerate().map(|(i, v)| text(&format!("{path}[{i}]"), v, errors)).collect()
        }
        Value::Null => Vec::new(),
        _ => {
            errors.push(FieldError::new(path, codes::INVALID_FORMAT, format!("{path} must be a list.")));
            Vec::new()
        }
    }
}

fn address(value: &Value, errors: &mut Vec<FieldError>) -> Address {
    let empty = Map::new();
    let parts = match value {
        Value::Object(parts) => parts,
        Value::Null => &empty,
        _ => {
            errors.push(FieldError::new(fields::ADDRESS, codes::INVALID_FORMAT, "address must be an object."));
            &empty
        }
    };
    let mut a = Address::default();
    for (key, value) in parts {
        let path = format!("{}.{key}", fields::ADDRESS);
        let slot = match key.as_str() {
            "street" => &mut a.street,
            "city" => &mut a.city,
            "region" => &mut a.region,
            "postalCode" => &mut a.postal_code,
            "country" => &mut a.country,
            _ => {
                errors.push(unknown_field(&path));
                continue;
            }
        };
        *slot = text(&path, value, errors);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn errors(body: Value) -> Vec<(String, String)> {
        NewContact::from_json(&body).unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_well_typed_body_reads_like_serde_would() {
        let body = json!({"firstName": "Dana", "lastName": null, "phones": ["+14155550100"], "emails": null,
            "address": {"city": "Springfield", "country": "US"}, "customFields": {"loyaltyTier": "gold"}});
        let read = NewContact::from_json(&body).unwrap();
        assert_eq!(
            read,
            serde_json::from_value::<NewContact>(json!({"firstName": "Dana", "phones": ["+14155550100"],
            "address": {"city": "Springfield", "country": "US"}, "customFields": {"loyaltyTier": "gold"}}))
            .unwrap()
        );
    }

    #[test]
    fn wrong_json_types_are_named_down_to_the_element() {
        let body = json!({"firstName": 7, "phones": ["+14155550100", 4155550101_u64], "emails": "dana@example.com",
            "address": {"city": ["x"], "planet": "Earth"}, "customFields": []});
        let mut found = errors(body);
        found.sort();
        let expected: Vec<(String, String)> = [
            ("address.city", "invalid_format"),
            ("address.planet", "unknown_field"),
            ("customFields", "invalid_format"),
            ("emails", "invalid_format"),
            ("firstName", "invalid_format"),
            ("phones[1]", "invalid_format"),
        ]
        .iter()
        .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
        .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn server_fields_are_read_only_and_strangers_unknown() {
        let found = errors(json!({"firstName": "Dana", "contactId": "c-1", "version": 9, "nickname": "D"}));
        assert!(found.contains(&("contactId".into(), "read_only".into())));
        assert!(found.contains(&("version".into(), "read_only".into())));
        assert!(found.contains(&("nickname".into(), "unknown_field".into())));
        assert_eq!(errors(json!(["Dana"])), [(String::new(), "invalid_format".to_owned())], "the body itself");
    }
}
