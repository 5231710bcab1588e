//! `PATCH` as a JSON merge patch (RFC 7396: absent = unchanged, `null` = clear, objects merge,
//! anything else replaces), the read-only rule, and a contact patch checked as a whole contact —
//! so `phones[1]` is refused after a patch exactly as on create.
//!
//! Read-only means "cannot be changed": a patch may repeat a read-only field's current value (a
//! client sending a whole record back is fine) but not change or clear it. The server's own fields
//! (`contactId`, `version`, `createdAt`, `updatedAt`, `updatedBy`, `crmUrl`) are always read-only.

use serde_json::Value;

use super::contact::{Contact, NewContact, fields};
use super::contact_json::{BODY, read_only};
use super::contact_rules::{ContactRules, path_of};
use crate::problem::{FieldError, codes};

/// Applies merge `patch` to `target` in place (RFC 7396 §2).
pub fn apply_merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(changes) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(serde_json::Map::new());
    }
    if let Value::Object(map) = target {
        for (key, value) in changes {
            if value.is_null() {
                map.remove(key);
            } else {
                apply_merge_patch(map.entry(key.as_str()).or_insert(Value::Null), value);
            }
        }
    }
}

/// The value at dotted `path` (`address.country`), `None` when absent.
pub(crate) fn at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(value, |v, key| v.get(key))
}

/// Whether a value is "not set": absent, `null`, `""` or `[]` (how a cleared field reads back).
fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(_) => false,
    }
}

/// A `read_only` error for each of `paths` (dotted) whose value differs between `before` and
/// `after`, blanks counting as equal.
pub fn read_only_errors<'p>(
    before: &Value,
    after: &Value,
    paths: impl IntoIterator<Item = &'p str>,
) -> Vec<FieldError> {
    paths
        .into_iter()
        .filter(|path| {
            let (b, a) = (at(before, path), at(after, path));
            !(b == a || is_blank(b) && is_blank(a))
        })
        .map(read_only)
        .collect()
}

impl ContactRules<'_> {
    /// The contact `current` becomes under merge `patch`, cleaned up for storage — or every error:
    /// the body not an object, a read-only field changed, a wrong JSON type, an unknown field, or
    /// any rule of [`ContactRules::validate`] broken by the result.
    pub fn apply_patch(&self, current: &Contact, patch: &Value) -> Result<NewContact, Vec<FieldError>> {
        if !patch.is_object() {
            return Err(vec![FieldError::new(BODY, codes::INVALID_FORMAT, "A merge patch must be a JSON object.")]);
        }
        let before = serde_json::to_value(current).expect("a contact always serialises");
        let mut after = before.clone();
        apply_merge_patch(&mut after, patch);
        let layout_paths: Vec<String> = self.read_only.iter().map(|name| path_of(name)).collect();
        let paths = fields::SERVER.into_iter().chain(layout_paths.iter().map(String::as_str));
        let refused = read_only_errors(&before, &after, paths);
        if !refused.is_empty() {
            return Err(refused);
        }
        if let Value::Object(map) = &mut after {
            map.retain(|key, _| !fields::SERVER.contains(&key.as_str()));
        }
        self.check(&NewContact::from_json(&after)?, &current.details.custom_fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::builtin::DEFAULT_CONTACT_REQUIRED;
    use crate::crm::fixtures::dana;
    use crate::crm::layout::FieldDefinition;
    use serde_json::json;

    #[test]
    fn merge_patch_follows_the_rfc_examples() {
        // RFC 7396 Appendix A, row by row: target, patch, result.
        let rows = [
            (json!({"a": "b"}), json!({"a": "c"}), json!({"a": "c"})),
            (json!({"a": "b"}), json!({"b": "c"}), json!({"a": "b", "b": "c"})),
            (json!({"a": "b"}), json!({"a": null}), json!({})),
            (json!({"a": "b", "b": "c"}), json!({"a": null}), json!({"b": "c"})),
            (json!({"a": ["b"]}), json!({"a": "c"}), json!({"a": "c"})),
            (json!({"a": "c"}), json!({"a": ["b"]}), json!({"a": ["b"]})),
            (json!({"a": {"b": "c"}}), json!({"a": {"b": "d", "c": null}}), json!({"a": {"b": "d"}})),
            (json!({"a": [{"b": "c"}]}), json!({"a": [1]}), json!({"a": [1]})),
            (json!(["a", "b"]), json!(["c", "d"]), json!(["c", "d"])),
            (json!({"a": "b"}), json!(["c"]), json!(["c"])),
            (json!({"a": "foo"}), json!(null), json!(null)),
            (json!({"a": "foo"}), json!("bar"), json!("bar")),
            (json!({"e": null}), json!({"a": 1}), json!({"e": null, "a": 1})),
            (json!([1, 2]), json!({"a": "b", "c": null}), json!({"a": "b"})),
            (json!({}), json!({"a": {"bb": {"ccc": null}}}), json!({"a": {"bb": {}}})),
        ];
        for (mut target, patch, result) in rows {
            apply_merge_patch(&mut target, &patch);
            assert_eq!(target, result, "patch {patch}");
        }
    }

    fn codes_of(result: Result<NewContact, Vec<FieldError>>) -> Vec<(String, String)> {
        result.unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
    }

    fn one(field: &str, code: &str) -> Vec<(String, String)> {
        vec![(field.to_owned(), code.to_owned())]
    }

    #[test]
    fn a_patch_changes_only_what_it_names_and_null_clears() {
        let rules = ContactRules::new(&DEFAULT_CONTACT_REQUIRED, Some("US"));
        let patch = json!({"company": "Whitfield Bakery & Café", "title": null,
            "phones": ["+14155550100", "(415) 555-0199"], "address": {"city": "Springfield"},
            "customFields": {"loyaltyTier": null, "visits": 3}});
        let after = rules.apply_patch(&dana(), &patch).unwrap();
        assert_eq!(after.company, "Whitfield Bakery & Café");
        assert_eq!(after.title, "");
        assert_eq!(after.phones, ["+14155550100", "+14155550199"], "national numbers normalised as on create");
        assert_eq!((after.address.city.as_str(), after.address.country.as_str()), ("Springfield", "US"));
        assert_eq!(Value::Object(after.custom_fields.into_iter().collect()), json!({"visits": 3}));
        assert_eq!(after.first_name, "Dana", "untouched");
    }

    #[test]
    fn server_fields_cannot_be_changed_but_may_be_repeated() {
        let rules = ContactRules::new(&DEFAULT_CONTACT_REQUIRED, None);
        for (patch, field) in [
            (json!({"contactId": "c-other"}), "contactId"),
            (json!({"version": 4}), "version"),
            (json!({"createdAt": "2020-01-01T00:00:00Z"}), "createdAt"),
            (json!({"updatedAt": null}), "updatedAt"),
            (json!({"updatedBy": "me"}), "updatedBy"),
            (json!({"crmUrl": "https://evil.example"}), "crmUrl"),
        ] {
            assert_eq!(codes_of(rules.apply_patch(&dana(), &patch)), one(field, "read_only"), "{patch}");
        }
        let whole = serde_json::to_value(dana()).unwrap();
        let mut renamed = whole.clone();
        renamed["firstName"] = json!("Danielle");
        assert_eq!(rules.apply_patch(&dana(), &renamed).unwrap().first_name, "Danielle");
    }

    #[test]
    fn a_layout_s_read_only_fields_are_refused_by_name() {
        let read_only = ["accountId", "address.country", "loyaltyTier"];
        let rules =
            ContactRules { read_only: read_only.to_vec(), ..ContactRules::new(&DEFAULT_CONTACT_REQUIRED, None) };
        let refused = |patch: Value| codes_of(rules.apply_patch(&dana(), &patch));
        assert_eq!(refused(json!({"accountId": "acct-9"})), one("accountId", "read_only"));
        assert_eq!(refused(json!({"address": {"country": "GB"}})), one("address.country", "read_only"));
        assert_eq!(
            refused(json!({"address": null})),
            one("address.country", "read_only"),
            "clearing a parent clears it"
        );
        assert_eq!(
            refused(json!({"customFields": {"loyaltyTier": "silver"}})),
            one("customFields.loyaltyTier", "read_only")
        );
        let fine = json!({"address": {"street": "1 Main St", "country": "US"}, "customFields": {"visits": 1}});
        assert!(rules.apply_patch(&dana(), &fine).is_ok(), "other parts change; the same country is no change");
    }

    #[test]
    fn a_value_of_a_deleted_custom_field_survives_a_patch_of_something_else() {
        let defs: Vec<FieldDefinition> = serde_json::from_value(json!([
            {"field": "visits", "label": "Visits", "type": "number", "custom": true}
        ]))
        .unwrap();
        let rules = ContactRules { definitions: Some(&defs), ..ContactRules::new(&DEFAULT_CONTACT_REQUIRED, None) };
        let after = rules.apply_patch(&dana(), &json!({"customFields": {"visits": "4"}})).unwrap();
        assert_eq!(after.custom_fields["loyaltyTier"], json!("gold"), "loyaltyTier is no longer defined, and kept");
        assert_eq!(after.custom_fields["visits"], json!(4));
        let rewritten = rules.apply_patch(&dana(), &json!({"customFields": {"loyaltyTier": "silver"}}));
        assert_eq!(codes_of(rewritten), one("customFields.loyaltyTier", "unknown_field"), "but not rewritten");
    }

    #[test]
    fn a_patched_contact_is_validated_as_a_whole_with_the_same_field_names() {
        let rules = ContactRules::new(&DEFAULT_CONTACT_REQUIRED, None);
        let patch = |p: Value| codes_of(rules.apply_patch(&dana(), &p));
        assert_eq!(patch(json!({"phones": ["+14155550100", "555-0100"]})), one("phones[1]", "invalid_format"));
        assert_eq!(patch(json!({"phones": ["+14155550100", 5]})), one("phones[1]", "invalid_format"));
        assert_eq!(patch(json!({"emails": ["ok@example.com", "nope"]})), one("emails[1]", "invalid_format"));
        assert_eq!(patch(json!({"lastName": null})), one("lastName", "required"));
        assert_eq!(patch(json!({"phones": null, "emails": []})), one("phones|emails", "required"));
        assert_eq!(patch(json!({"nickname": "D"})), one("nickname", "unknown_field"));
        assert_eq!(patch(json!({"address": {"country": "Narnia"}})), one("address.country", "invalid_format"));
        assert_eq!(patch(json!("Dana")), one("", "invalid_format"));
    }
}
