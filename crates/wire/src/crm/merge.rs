//! What an edit changed, and how two edits of one contact combine — at the granularity people
//! think in: a top-level field (`company`, `phones` as a list, `address` as a whole), each custom
//! field on its own (`customFields.loyaltyTier`).
//!
//! - [`changed_fields`]: the merge patch Save sends (only changed fields, `null` to clear).
//! - [`three_way_merge`]: on a 412 the panel re-applies the agent's changes onto the current
//!   version by itself where the other writer touched other fields, and lists the fields both
//!   changed differently so the agent can choose.
//! - [`audit_changes`]: the server's audit entry for a write (`before` / `after` per field).

use serde_json::{Map, Value};

use super::contact::{Address, Contact, NewContact, fields};
use super::history::FieldChange;

/// A field both the agent and someone else changed, to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldConflict {
    /// The field (`company`, `address`, `customFields.loyaltyTier`).
    pub field: String,
    /// The agent's value (`null` = cleared).
    pub mine: Value,
    /// The current stored value (`null` = cleared).
    pub theirs: Value,
}

/// The result of a three-way merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeOutcome {
    /// The current contact with the agent's non-conflicting changes applied (conflicting fields
    /// keep the current value until [`MergeOutcome::resolve`] says otherwise). Its `version` is
    /// the current one: the next save sends `If-Match` with it.
    pub merged: Contact,
    /// Fields whose change by the agent was re-applied by itself.
    pub auto_applied: Vec<String>,
    /// Fields to show "yours" beside "theirs" for.
    pub conflicts: Vec<FieldConflict>,
}

impl MergeOutcome {
    /// Settles the conflict on `field`: the agent's value if `keep_mine`, else the current one.
    pub fn resolve(&mut self, field: &str, keep_mine: bool) {
        let Some(at) = self.conflicts.iter().position(|c| c.field == field) else { return };
        let conflict = self.conflicts.remove(at);
        if keep_mine {
            let mut merged = to_object(&self.merged.details);
            set_unit(&mut merged, field, &conflict.mine);
            self.merged.details = from_object(merged);
        }
    }
}

/// Merges the agent's edit `mine` of `base` with `theirs`, the version now stored.
pub fn three_way_merge(base: &Contact, mine: &Contact, theirs: &Contact) -> MergeOutcome {
    let (b, m, t) = (to_object(&base.details), to_object(&mine.details), to_object(&theirs.details));
    let mut merged = t.clone();
    let mut auto_applied = Vec::new();
    let mut conflicts = Vec::new();
    for unit in units([&b, &m, &t]) {
        let (bv, mv, tv) = (unit_value(&b, &unit), unit_value(&m, &unit), unit_value(&t, &unit));
        if mv == bv || mv == tv {
            continue;
        }
        if tv == bv {
            set_unit(&mut merged, &unit, &mv);
            auto_applied.push(unit);
        } else {
            conflicts.push(FieldConflict { field: unit, mine: mv, theirs: tv });
        }
    }
    MergeOutcome { merged: Contact { details: from_object(merged), ..theirs.clone() }, auto_applied, conflicts }
}

/// The merge patch turning `base` into `edited`: only changed fields, `null` to clear; address
/// parts and custom fields one by one, so a patch never rewrites what the agent did not touch.
pub fn changed_fields(base: &NewContact, edited: &NewContact) -> Value {
    let (b, e) = (to_object(base), to_object(edited));
    let mut patch = Map::new();
    for key in fields::EDITABLE {
        let (bv, ev) = (b.get(key).unwrap_or(&Value::Null), e.get(key).unwrap_or(&Value::Null));
        let change = match (bv, ev) {
            (Value::Object(bo), Value::Object(eo)) => nested_changes(bo, eo),
            _ if blank(bv) == blank(ev) => None,
            _ => Some(blank(ev)),
        };
        if let Some(change) = change {
            patch.insert(key.to_owned(), change);
        }
    }
    Value::Object(patch)
}

/// The audit entry's changes of a write from `before` (`None` for a create) to `after`.
pub fn audit_changes(before: Option<&NewContact>, after: &NewContact) -> Vec<FieldChange> {
    let b = before.map(to_object).unwrap_or_default();
    let a = to_object(after);
    units([&b, &a])
        .into_iter()
        .map(|unit| FieldChange { before: unit_value(&b, &unit), after: unit_value(&a, &unit), field: unit })
        .filter(|c| c.before != c.after)
        .collect()
}

/// The per-key changes between two objects (`null` for a removed or blanked key), `None` if none.
fn nested_changes(base: &Map<String, Value>, edited: &Map<String, Value>) -> Option<Value> {
    let keys: Vec<&String> = base.keys().chain(edited.keys().filter(|k| !base.contains_key(*k))).collect();
    let changes: Map<String, Value> = keys
        .into_iter()
        .filter_map(|k| {
            let (bv, ev) = (blank(base.get(k).unwrap_or(&Value::Null)), blank(edited.get(k).unwrap_or(&Value::Null)));
            (bv != ev).then(|| (k.clone(), ev))
        })
        .collect();
    (!changes.is_empty()).then_some(Value::Object(changes))
}

/// The merge units present in any of `contacts`: the top-level fields, then each custom field.
fn units<const N: usize>(contacts: [&Map<String, Value>; N]) -> Vec<String> {
    let mut units: Vec<String> =
        fields::EDITABLE.iter().filter(|f| **f != fields::CUSTOM_FIELDS).map(|f| (*f).to_owned()).collect();
    let mut custom: Vec<String> = contacts
        .iter()
        .filter_map(|c| c.get(fields::CUSTOM_FIELDS).and_then(Value::as_object))
        .flat_map(|m| m.keys().map(|k| format!("{}.{k}", fields::CUSTOM_FIELDS)))
        .collect();
    crate::order::sort_small(&mut custom);
    custom.dedup();
    units.extend(custom);
    units
}

/// A unit's value, blanks (`""`, `[]`, an address with no part given) as `null`.
fn unit_value(contact: &Map<String, Value>, unit: &str) -> Value {
    let value = match unit.split_once('.') {
        Some((parent, key)) => contact.get(parent).and_then(|p| p.get(key)),
        None => contact.get(unit),
    };
    blank(value.unwrap_or(&Value::Null))
}

/// `value`, or `null` if it says nothing.
fn blank(value: &Value) -> Value {
    let empty = match value {
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(|v| blank(v).is_null()),
        Value::Null => true,
        _ => false,
    };
    if empty { Value::Null } else { value.clone() }
}

/// Writes `value` into `unit` of a contact object (`null` clears it).
fn set_unit(contact: &mut Map<String, Value>, unit: &str, value: &Value) {
    match unit.split_once('.') {
        Some((parent, key)) => {
            if let Some(Value::Object(p)) = contact.get_mut(parent) {
                if value.is_null() {
                    p.remove(key)
                } else {
                    p.insert(key.to_owned(), value.clone())
                };
            }
        }
        None if value.is_null() => {
            contact.remove(unit);
        }
        None => {
            contact.insert(unit.to_owned(), value.clone());
        }
    }
}

/// `contact` as the object its JSON is (every field, as serde writes it). Written out rather than
/// through `serde_json::to_value` / `from_value`: those compile `NewContact`'s serde code once
/// more against `Value` in the panel's bundle (3.7 KB brotli, docs/performance.md); the tests
/// check both ways against serde.
fn to_object(contact: &NewContact) -> Map<String, Value> {
    let list = |l: &[String]| Value::Array(l.iter().map(|s| Value::from(s.as_str())).collect());
    let a = &contact.address;
    let address: Map<String, Value> = fields::ADDRESS_PARTS
        .iter()
        .zip([&a.street, &a.city, &a.region, &a.postal_code, &a.country])
        .map(|(k, v)| ((*k).to_owned(), Value::from(v.as_str())))
        .collect();
    let custom: Map<String, Value> = contact.custom_fields.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut map = Map::new();
    for (key, value) in [
        (fields::FIRST_NAME, Value::from(contact.first_name.as_str())),
        (fields::LAST_NAME, Value::from(contact.last_name.as_str())),
        (fields::EMAILS, list(&contact.emails)),
        (fields::PHONES, list(&contact.phones)),
        (fields::COMPANY, Value::from(contact.company.as_str())),
        (fields::ACCOUNT_ID, Value::from(contact.account_id.as_str())),
        (fields::TITLE, Value::from(contact.title.as_str())),
        (fields::ADDRESS, Value::Object(address)),
        (fields::CUSTOM_FIELDS, Value::Object(custom)),
    ] {
        map.insert(key.to_owned(), value);
    }
    map
}

/// Back from an object built of units of valid contacts (absent fields read as empty).
fn from_object(map: Map<String, Value>) -> NewContact {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_owned();
    let field = |k: &str| text(map.get(k));
    let list = |k: &str| {
        let items = map.get(k).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        items.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()
    };
    let part = |k: &str| text(map.get(fields::ADDRESS).and_then(|a| a.get(k)));
    let custom = map.get(fields::CUSTOM_FIELDS).and_then(Value::as_object);
    NewContact {
        first_name: field(fields::FIRST_NAME),
        last_name: field(fields::LAST_NAME),
        emails: list(fields::EMAILS),
        phones: list(fields::PHONES),
        company: field(fields::COMPANY),
        account_id: field(fields::ACCOUNT_ID),
        title: field(fields::TITLE),
        address: Address {
            street: part("street"),
            city: part("city"),
            region: part("region"),
            postal_code: part("postalCode"),
            country: part("country"),
        },
        custom_fields: custom.map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect()).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::fixtures::dana;
    use serde_json::json;

    fn base() -> Contact {
        dana()
    }

    /// `base` with `edit` applied to its details, and (for "theirs") the next version.
    fn edited(edit: impl FnOnce(&mut NewContact), next_version: bool) -> Contact {
        let mut c = base();
        edit(&mut c.details);
        if next_version {
            c.version += 1;
            c.updated_by = "Sam".into();
        }
        c
    }

    #[test]
    fn the_object_of_a_contact_is_what_serde_writes_and_reads() {
        let mut c = dana().details;
        c.address.city = "Oakland".into();
        c.custom_fields.insert("loyaltyTier".into(), json!("gold"));
        c.custom_fields.insert("visits".into(), json!(3));
        let Value::Object(by_serde) = serde_json::to_value(&c).unwrap() else { unreachable!() };
        assert_eq!(to_object(&c), by_serde);
        assert_eq!(from_object(by_serde.clone()), c);
        assert_eq!(
            from_object(by_serde),
            serde_json::from_value::<NewContact>(serde_json::to_value(&c).unwrap()).unwrap()
        );
        assert_eq!(from_object(Map::new()), NewContact::default(), "absent fields read as empty");
    }

    #[test]
    fn changes_to_different_fields_are_re_applied_by_themselves() {
        let mine = edited(|d| d.phones.push("+14155550199".into()), false);
        let theirs = edited(|d| d.company = "Whitfield Bakery & Café".into(), true);
        let outcome = three_way_merge(&base(), &mine, &theirs);
        assert!(outcome.conflicts.is_empty());
        assert_eq!(outcome.auto_applied, ["phones"]);
        assert_eq!(outcome.merged.details.company, "Whitfield Bakery & Café", "their change kept");
        assert_eq!(outcome.merged.details.phones, ["+14155550100", "+14155550199"], "mine re-applied");
        assert_eq!((outcome.merged.version, outcome.merged.updated_by.as_str()), (4, "Sam"), "saves against theirs");
        let patch = changed_fields(&theirs.details, &outcome.merged.details);
        assert_eq!(patch, json!({"phones": ["+14155550100", "+14155550199"]}));
    }

    #[test]
    fn the_same_field_changed_both_ways_is_a_conflict_until_the_agent_chooses() {
        let mine = edited(|d| d.company = "Whitfield & Sons".into(), false);
        let theirs = edited(|d| d.company = "Whitfield Bakery & Café".into(), true);
        let mut outcome = three_way_merge(&base(), &mine, &theirs);
        assert!(outcome.auto_applied.is_empty());
        assert_eq!(
            outcome.conflicts,
            [FieldConflict {
                field: "company".into(),
                mine: json!("Whitfield & Sons"),
                theirs: json!("Whitfield Bakery & Café")
            }]
        );
        assert_eq!(outcome.merged.details.company, "Whitfield Bakery & Café", "theirs until chosen");
        outcome.resolve("company", true);
        assert!(outcome.conflicts.is_empty());
        assert_eq!(outcome.merged.details.company, "Whitfield & Sons");

        let mut theirs_kept = three_way_merge(&base(), &mine, &theirs);
        theirs_kept.resolve("company", false);
        assert_eq!(changed_fields(&theirs.details, &theirs_kept.merged.details), json!({}), "nothing left to send");
    }

    #[test]
    fn clearing_against_a_change_is_a_conflict_too() {
        let mine = edited(|d| d.title.clear(), false);
        let theirs = edited(|d| d.title = "Co-owner".into(), true);
        let mut outcome = three_way_merge(&base(), &mine, &theirs);
        assert_eq!(
            outcome.conflicts[0],
            FieldConflict { field: "title".into(), mine: Value::Null, theirs: json!("Co-owner") }
        );
        outcome.resolve("title", true);
        assert_eq!(outcome.merged.details.title, "");
        assert_eq!(changed_fields(&theirs.details, &outcome.merged.details), json!({"title": null}));
    }

    #[test]
    fn custom_fields_merge_key_by_key_and_the_address_as_a_whole() {
        let mine = edited(
            |d| {
                d.custom_fields.insert("visits".into(), json!(3));
                d.address.city = "Shelbyville".into();
            },
            false,
        );
        let theirs = edited(
            |d| {
                d.custom_fields.insert("loyaltyTier".into(), json!("silver"));
                d.address.street = "1 Main St".into();
            },
            true,
        );
        let outcome = three_way_merge(&base(), &mine, &theirs);
        assert_eq!(outcome.auto_applied, ["customFields.visits"]);
        assert_eq!(outcome.conflicts.len(), 1);
        assert_eq!(outcome.conflicts[0].field, "address", "one address, edited by both");
        assert_eq!(outcome.merged.details.custom_fields["loyaltyTier"], json!("silver"));
        assert_eq!(outcome.merged.details.custom_fields["visits"], json!(3));
    }

    #[test]
    fn the_same_change_on_both_sides_is_neither_applied_nor_a_conflict() {
        let mine = edited(|d| d.title = "Founder".into(), false);
        let theirs = edited(|d| d.title = "Founder".into(), true);
        let outcome = three_way_merge(&base(), &mine, &theirs);
        assert!(outcome.auto_applied.is_empty() && outcome.conflicts.is_empty());
        assert_eq!(outcome.merged, theirs);
    }

    #[test]
    fn save_sends_only_what_changed_and_null_to_clear() {
        let b = base().details;
        assert_eq!(changed_fields(&b, &b), json!({}));
        let mut e = b.clone();
        e.first_name = "Danielle".into();
        e.account_id.clear();
        e.emails.clear();
        e.address.city = "Shelbyville".into();
        e.address.country.clear();
        e.custom_fields.remove("loyaltyTier");
        e.custom_fields.insert("visits".into(), json!(1));
        assert_eq!(
            changed_fields(&b, &e),
            json!({"firstName": "Danielle", "emails": null, "accountId": null,
                   "address": {"city": "Shelbyville", "country": null},
                   "customFields": {"loyaltyTier": null, "visits": 1}})
        );
    }

    #[test]
    fn audit_changes_list_each_field_before_and_after() {
        let b = base().details;
        let mut a = b.clone();
        a.company = "Whitfield Bakery & Café".into();
        a.custom_fields.insert("visits".into(), json!(2));
        assert_eq!(
            audit_changes(Some(&b), &a),
            [
                FieldChange {
                    field: "company".into(),
                    before: json!("Whitfield Bakery"),
                    after: json!("Whitfield Bakery & Café")
                },
                FieldChange { field: "customFields.visits".into(), before: Value::Null, after: json!(2) },
            ]
        );
        let created = audit_changes(None, &b);
        assert_eq!(created.len(), 9, "every given field of a new contact");
        assert!(created.iter().all(|c| c.before.is_null()));
        assert_eq!(created[7].field, "address");
        assert_eq!(
            created[7].after,
            json!({"street": "", "city": "", "region": "", "postalCode": "", "country": "US"})
        );
    }
}
