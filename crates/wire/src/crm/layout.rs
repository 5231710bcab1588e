//! Admin-defined forms: record types, field definitions (`GET /fields`) and named layouts
//! (`GET /layouts`), plus the two admin bodies (`PUT /fields/{field}`, `PUT /layouts/{layoutId}`).
//!
//! Fields are named as in field errors: built-in ones by their wire name (`firstName`,
//! `address.country`, `task.dueAt`), custom ones by their bare name (`loyaltyTier`, which a record
//! holds under `customFields`). Built-in names cannot be redefined, so the two never clash.

use serde::{Deserialize, Serialize};

use crate::open_enum;

open_enum! {
    /// The kinds of CRM record a layout or field belongs to.
    RecordType {
        /// A person.
        Contact = "contact",
        /// A logged call.
        Call = "call",
        /// A to-do with a due date.
        Task = "task",
        /// A meeting with a start and an end.
        Event = "event",
        /// A free-text note.
        Note = "note",
        /// A support case tracked to closure.
        Case = "case",
    }
}

open_enum! {
    /// How a field's value is typed, entered and checked. Unknown types are shown as text.
    FieldType {
        /// Free text.
        Text = "text",
        /// A JSON number.
        Number = "number",
        /// A calendar date (`2026-03-01`) or a date-time with an offset.
        Date = "date",
        /// One of the field's `options`.
        Select = "select",
        /// A phone number, stored in E.164.
        Phone = "phone",
        /// An email address, stored lower-cased.
        Email = "email",
        /// An `http` or `https` address.
        Url = "url",
    }
}

/// One field of a record type, built-in or custom (`GET /fields?recordType=…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDefinition {
    /// Its name (see the module doc).
    pub field: String,
    /// What forms call it.
    pub label: String,
    /// Its type.
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// The allowed values of a `select`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<String>>,
    /// Whether an admin defined it.
    #[serde(default)]
    pub custom: bool,
}

/// `GET /fields?recordType=…`: every field of that record type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldList {
    /// Built-in fields first, then custom ones.
    pub fields: Vec<FieldDefinition>,
}

/// `PUT /fields/{field}?recordType=…` (API key only): creates or updates a custom field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldInput {
    /// What forms call it.
    pub label: String,
    /// Its type.
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// The allowed values, for `select` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<String>>,
}

/// One field as a layout shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LayoutField {
    /// The field's name.
    pub field: String,
    /// Its label (from its definition).
    pub label: String,
    /// Whether a save needs it.
    #[serde(default)]
    pub required: bool,
    /// Whether forms show it without letting anyone change it.
    #[serde(default)]
    pub read_only: bool,
}

/// A named choice of fields for a record type's forms and record view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Layout {
    /// Its id.
    pub layout_id: String,
    /// What the LayoutPicker calls it.
    pub name: String,
    /// The record type it lays out.
    pub record_type: RecordType,
    /// Whether forms start with it (one per record type).
    #[serde(default)]
    pub default: bool,
    /// The fields shown, in order.
    pub fields: Vec<LayoutField>,
}

impl Layout {
    /// The names of the fields a save needs (what `validate_new_contact` takes as `required`).
    pub fn required_fields(&self) -> Vec<&str> {
        self.fields.iter().filter(|f| f.required).map(|f| f.field.as_str()).collect()
    }

    /// The names of the fields nobody may change through this layout.
    pub fn read_only_fields(&self) -> Vec<&str> {
        self.fields.iter().filter(|f| f.read_only).map(|f| f.field.as_str()).collect()
    }

    /// Whether the layout shows `field`.
    pub fn shows(&self, field: &str) -> bool {
        self.fields.iter().any(|f| f.field == field)
    }
}

/// `GET /layouts?recordType=…`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layouts {
    /// The tenant's layouts for that record type.
    pub layouts: Vec<Layout>,
}

impl Layouts {
    /// The layout forms start with for `record_type`: the one marked default, else the first.
    pub fn default_for(&self, record_type: &RecordType) -> Option<&Layout> {
        let of_type = || self.layouts.iter().filter(|l| &l.record_type == record_type);
        of_type().find(|l| l.default).or_else(|| of_type().next())
    }
}

/// One field of a [`LayoutInput`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LayoutFieldInput {
    /// An existing field's name.
    pub field: String,
    /// Whether a save needs it.
    #[serde(default)]
    pub required: bool,
    /// Whether it is shown without being editable.
    #[serde(default)]
    pub read_only: bool,
}

/// `PUT /layouts/{layoutId}` (API key only): creates or replaces a layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LayoutInput {
    /// What the LayoutPicker calls it.
    pub name: String,
    /// The record type it lays out.
    pub record_type: RecordType,
    /// Whether forms start with it.
    #[serde(default)]
    pub default: bool,
    /// The fields shown, in order.
    pub fields: Vec<LayoutFieldInput>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec_layouts_json() -> serde_json::Value {
        json!({"layouts": [
            {"layoutId": "contact-quick", "name": "Quick", "recordType": "contact", "default": false,
             "fields": [{"field": "firstName", "label": "First name", "required": true, "readOnly": false},
                        {"field": "phones", "label": "Phone", "required": true, "readOnly": false}]},
            {"layoutId": "contact-full", "name": "Full", "recordType": "contact", "default": true,
             "fields": [{"field": "firstName", "label": "First name", "required": true, "readOnly": false},
                        {"field": "accountId", "label": "Account ID", "required": false, "readOnly": true},
                        {"field": "loyaltyTier", "label": "Loyalty tier", "required": true, "readOnly": false}]}
        ]})
    }

    #[test]
    fn layouts_round_trip_and_name_their_required_and_read_only_fields() {
        let json = spec_layouts_json();
        let layouts: Layouts = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(serde_json::to_value(&layouts).unwrap(), json);
        let full = layouts.default_for(&RecordType::Contact).unwrap();
        assert_eq!(full.name, "Full", "the one marked default, not the first");
        assert_eq!(full.required_fields(), ["firstName", "loyaltyTier"]);
        assert_eq!(full.read_only_fields(), ["accountId"]);
        assert!(full.shows("accountId") && !full.shows("phones"));
        assert!(layouts.default_for(&RecordType::Case).is_none());
    }

    #[test]
    fn field_definitions_round_trip_with_and_without_options() {
        let json = json!({"fields": [
            {"field": "firstName", "label": "First name", "type": "text", "custom": false},
            {"field": "loyaltyTier", "label": "Loyalty tier", "type": "select", "options": ["silver", "gold"], "custom": true},
            {"field": "rating", "label": "Rating", "type": "stars", "custom": true}
        ]});
        let list: FieldList = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(list.fields[1].field_type, FieldType::Select);
        assert_eq!(list.fields[1].options.as_deref(), Some(&["silver".to_owned(), "gold".to_owned()][..]));
        assert_eq!(list.fields[2].field_type, FieldType::Other("stars".into()), "unknown types are kept");
        assert_eq!(serde_json::to_value(&list).unwrap(), json);
    }

    #[test]
    fn admin_bodies_read_as_the_spec_writes_them() {
        let field: FieldInput =
            serde_json::from_value(json!({"label": "Loyalty tier", "type": "select", "options": ["gold"]})).unwrap();
        assert_eq!(field.field_type, FieldType::Select);
        let layout: LayoutInput =
            serde_json::from_value(json!({"name": "Quick", "recordType": "task", "default": true,
            "fields": [{"field": "task.dueAt", "required": true, "readOnly": false}, {"field": "subject"}]}))
            .unwrap();
        assert_eq!(layout.record_type, RecordType::Task);
        assert!(layout.fields[0].required && !layout.fields[1].required && !layout.fields[1].read_only);
        for (t, s) in [(RecordType::Contact, "contact"), (RecordType::Note, "note"), (RecordType::Case, "case")] {
            assert_eq!(serde_json::to_value(&t).unwrap(), json!(s));
        }
    }
}
