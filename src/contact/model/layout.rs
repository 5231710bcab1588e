//! Which fields the card and its forms show, in which order: the tenant's default contact layout,
//! read into [`Slot`]s — a text field, the phone list, the email list, the address (its parts
//! together, where the first one stands), a custom field. Fields outside the layout are not shown.

use c360_wire::crm::builtin::{builtin_label, is_builtin};
use c360_wire::crm::{FieldDefinition, FieldType, Layout, LayoutField, NewContact, RecordType};
use serde_json::Value;

/// A built-in one-line text field of a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// `firstName`.
    FirstName,
    /// `lastName`.
    LastName,
    /// `title`.
    Title,
    /// `company`.
    Company,
    /// `accountId`.
    AccountId,
}

impl TextField {
    /// The field of wire name `name`.
    pub fn of(name: &str) -> Option<Self> {
        Some(match name {
            "firstName" => TextField::FirstName,
            "lastName" => TextField::LastName,
            "title" => TextField::Title,
            "company" => TextField::Company,
            "accountId" => TextField::AccountId,
            _ => return None,
        })
    }

    /// Its wire name (also its form key and error path).
    pub fn name(self) -> &'static str {
        match self {
            TextField::FirstName => "firstName",
            TextField::LastName => "lastName",
            TextField::Title => "title",
            TextField::Company => "company",
            TextField::AccountId => "accountId",
        }
    }

    /// Its value in `contact`.
    pub fn get(self, contact: &NewContact) -> &str {
        match self {
            TextField::FirstName => &contact.first_name,
            TextField::LastName => &contact.last_name,
            TextField::Title => &contact.title,
            TextField::Company => &contact.company,
            TextField::AccountId => &contact.account_id,
        }
    }

    /// Its value in `contact`, to change.
    pub fn get_mut(self, contact: &mut NewContact) -> &mut String {
        match self {
            TextField::FirstName => &mut contact.first_name,
            TextField::LastName => &mut contact.last_name,
            TextField::Title => &mut contact.title,
            TextField::Company => &mut contact.company,
            TextField::AccountId => &mut contact.account_id,
        }
    }
}

/// How a layout field is shown: its label and whether it must be given or may not be changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The layout's label.
    pub label: String,
    /// A save needs it.
    pub required: bool,
    /// Shown, never editable.
    pub read_only: bool,
}

impl From<&LayoutField> for Shown {
    fn from(f: &LayoutField) -> Self {
        Self { label: f.label.clone(), required: f.required, read_only: f.read_only }
    }
}

/// One part of an address, by its wire key (`postalCode`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressPart {
    /// `street`, `city`, `region`, `postalCode` or `country`.
    pub part: String,
    /// How it is shown.
    pub shown: Shown,
}

/// One place on the card or in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A one-line text field.
    Text(TextField, Shown),
    /// Every phone number.
    Phones(Shown),
    /// Every email address.
    Emails(Shown),
    /// The address parts the layout shows, in its order.
    Address(Vec<AddressPart>),
    /// An admin-defined field (its definition when `GET /fields` gave one).
    Custom { name: String, shown: Shown, definition: Option<FieldDefinition> },
}

/// The slots of `layout`, in its order; `definitions` give custom fields their types.
pub fn slots(layout: &Layout, definitions: &[FieldDefinition]) -> Vec<Slot> {
    let mut out: Vec<Slot> = Vec::new();
    for field in &layout.fields {
        let shown = Shown::from(field);
        if let Some(part) = field.field.strip_prefix("address.") {
            let part = AddressPart { part: part.to_owned(), shown };
            match out.iter_mut().find_map(|s| if let Slot::Address(parts) = s { Some(parts) } else { None }) {
                Some(parts) => parts.push(part),
                None => out.push(Slot::Address(vec![part])),
            }
            continue;
        }
        let slot = match field.field.as_str() {
            "phones" => Slot::Phones(shown),
            "emails" => Slot::Emails(shown),
            name => match TextField::of(name) {
                Some(text) => Slot::Text(text, shown),
                None if is_builtin(&RecordType::Contact, name) => continue,
                None => Slot::Custom {
                    name: name.to_owned(),
                    shown,
                    definition: definitions.iter().find(|d| d.custom && d.field == name).cloned(),
                },
            },
        };
        out.push(slot);
    }
    out
}

/// What the form calls merge unit `unit` (`company`, `address`, `customFields.tier`).
pub fn unit_label(slots: &[Slot], unit: &str) -> String {
    let custom = unit.strip_prefix("customFields.");
    let found = slots.iter().find_map(|slot| match slot {
        Slot::Text(t, shown) if t.name() == unit => Some(shown.label.clone()),
        Slot::Phones(shown) if unit == "phones" => Some(shown.label.clone()),
        Slot::Emails(shown) if unit == "emails" => Some(shown.label.clone()),
        Slot::Address(_) if unit == "address" => Some("Address".to_owned()),
        Slot::Custom { name, shown, .. } if Some(name.as_str()) == custom => Some(shown.label.clone()),
        _ => None,
    });
    found.unwrap_or_else(|| {
        builtin_label(&RecordType::Contact, unit).map_or_else(|| custom.unwrap_or(unit).to_owned(), str::to_owned)
    })
}

/// The name the card shows as its heading: the layout's name fields, or "Unnamed contact".
pub fn heading(contact: &NewContact) -> String {
    let name = contact.full_name();
    if name.trim().is_empty() { "Unnamed contact".to_owned() } else { name }
}

/// A custom value as text (`null` and blanks read as nothing).
pub fn value_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "Yes".to_owned(),
        Some(Value::Bool(false)) => "No".to_owned(),
        Some(other) => other.to_string(),
    }
}

/// The `<input type>` of a custom field's type.
pub fn input_type(field_type: Option<&FieldType>) -> &'static str {
    match field_type {
        Some(FieldType::Date) => "date",
        Some(FieldType::Phone) => "tel",
        Some(FieldType::Email) => "email",
        Some(FieldType::Url) => "url",
        _ => "text",
    }
}

/// An address as lines to read, in the order its country writes them: street; then `City, ST
/// 94110` in the US, Canada and Australia, town, county and postcode on lines of their own in the
/// UK and Ireland, `10115 Berlin` and the region elsewhere; the country (its name from
/// `country_name`) last. Parts the layout hides are left out.
pub fn address_lines(
    contact: &NewContact,
    parts: &[AddressPart],
    country_name: impl Fn(&str) -> String,
) -> Vec<String> {
    let a = &contact.address;
    let shows = |p: &str| parts.iter().any(|x| x.part == p);
    let pick = |p: &str, v: &str| if shows(p) { v.trim().to_owned() } else { String::new() };
    let (street, city, region, postal) = (
        pick("street", &a.street),
        pick("city", &a.city),
        pick("region", &a.region),
        pick("postalCode", &a.postal_code),
    );
    let country = pick("country", &a.country);
    let join =
        |parts: &[&str], sep: &str| parts.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(sep);
    let mut lines = vec![street];
    match a.country.trim().to_ascii_uppercase().as_str() {
        "US" | "CA" | "AU" => lines.push(join(&[&city, &join(&[&region, &postal], " ")], ", ")),
        "GB" | "IE" => lines.extend([city, region, postal]),
        _ => lines.extend([join(&[&postal, &city], " "), region]),
    }
    lines.push(if country.is_empty() { country } else { country_name(&country) });
    lines.retain(|l| !l.is_empty());
    lines
}

/// Where "Open in CRM" may point: an `http(s)` address or a path on the panel's own server —
/// never `javascript:` or another scheme a stored link might carry.
pub fn safe_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let ok = lower.starts_with("https://")
        || lower.starts_with("http://")
        || (url.starts_with('/') && !url.starts_with("//"));
    ok.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use c360_wire::crm::default_layout;
    use serde_json::json;

    fn layout(fields: Value) -> Layout {
        serde_json::from_value(json!({"layoutId": "l", "name": "L", "recordType": "contact", "fields": fields}))
            .unwrap()
    }

    fn names(slots: &[Slot]) -> Vec<String> {
        slots
            .iter()
            .map(|s| match s {
                Slot::Text(t, _) => t.name().to_owned(),
                Slot::Phones(_) => "phones".into(),
                Slot::Emails(_) => "emails".into(),
                Slot::Address(parts) => {
                    format!("address({})", parts.iter().map(|p| p.part.as_str()).collect::<Vec<_>>().join(","))
                }
                Slot::Custom { name, .. } => format!("custom {name}"),
            })
            .collect()
    }

    #[test]
    fn the_default_layout_shows_every_built_in_field_with_the_address_together() {
        let slots = slots(&default_layout(&RecordType::Contact), &[]);
        assert_eq!(
            names(&slots),
            [
                "firstName",
                "lastName",
                "title",
                "company",
                "accountId",
                "phones",
                "emails",
                "address(street,city,region,postalCode,country)"
            ]
        );
        assert!(matches!(&slots[0], Slot::Text(_, shown) if shown.required));
    }

    #[test]
    fn a_tenant_layout_orders_hides_and_adds_custom_fields() {
        let definitions: Vec<FieldDefinition> = serde_json::from_value(json!([
            {"field": "loyaltyTier", "label": "Loyalty tier", "type": "select", "options": ["silver", "gold"], "custom": true}
        ]))
        .unwrap();
        let tenant = layout(json!([
            {"field": "company", "label": "Company", "required": true},
            {"field": "loyaltyTier", "label": "Tier", "readOnly": true},
            {"field": "address.country", "label": "Country"},
            {"field": "phones", "label": "Phone"},
            {"field": "address.city", "label": "City"},
            {"field": "visits", "label": "Visits"}
        ]));
        let slots = slots(&tenant, &definitions);
        assert_eq!(
            names(&slots),
            ["company", "custom loyaltyTier", "address(country,city)", "phones", "custom visits"]
        );
        match &slots[1] {
            Slot::Custom { shown, definition, .. } => {
                assert!(shown.read_only && shown.label == "Tier");
                assert_eq!(definition.as_ref().unwrap().field_type, FieldType::Select);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&slots[4], Slot::Custom { definition: None, .. }), "an undefined field is still shown");
    }

    #[test]
    fn an_address_reads_as_lines_and_hidden_parts_stay_hidden() {
        let mut c = NewContact::default();
        c.address.street = "1 Main St".into();
        c.address.city = "Springfield".into();
        c.address.postal_code = "62701".into();
        c.address.country = "US".into();
        let all = match &slots(&default_layout(&RecordType::Contact), &[])[7] {
            Slot::Address(parts) => parts.clone(),
            other => panic!("{other:?}"),
        };
        let name = |code: &str| if code == "US" { "United States".to_owned() } else { code.to_owned() };
        assert_eq!(address_lines(&c, &all, name), ["1 Main St", "Springfield, 62701", "United States"]);
        c.address.region = "IL".into();
        assert_eq!(address_lines(&c, &all, name)[1], "Springfield, IL 62701");
        c.address.country = "DE".into();
        c.address.region = String::new();
        assert_eq!(address_lines(&c, &all, name), ["1 Main St", "62701 Springfield", "DE"]);
        c.address.country = "GB".into();
        assert_eq!(address_lines(&c, &all, name), ["1 Main St", "Springfield", "62701", "GB"]);
        c.address.country = "US".into();
        let city_only: Vec<AddressPart> = all.into_iter().filter(|p| p.part == "city").collect();
        assert_eq!(address_lines(&c, &city_only, name), ["Springfield"]);
    }

    #[test]
    fn values_headings_and_links_read_safely() {
        assert_eq!(value_text(Some(&json!(3))), "3");
        assert_eq!(value_text(Some(&json!("gold"))), "gold");
        assert_eq!(value_text(None), "");
        assert_eq!(heading(&NewContact::default()), "Unnamed contact");
        assert_eq!(safe_link("https://crm.example.com/c/1"), Some("https://crm.example.com/c/1"));
        assert_eq!(safe_link("/crm/contacts/c-1"), Some("/crm/contacts/c-1"));
        for bad in ["javascript:alert(1)", " JavaScript:x", "//evil.example/x", "data:text/html,x", ""] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
        assert_eq!(input_type(Some(&FieldType::Date)), "date");
    }

    #[test]
    fn merge_units_are_named_as_the_form_names_them() {
        let slots = slots(&default_layout(&RecordType::Contact), &[]);
        assert_eq!(unit_label(&slots, "company"), "Company");
        assert_eq!(unit_label(&slots, "phones"), "Phone");
        assert_eq!(unit_label(&slots, "address"), "Address");
        assert_eq!(unit_label(&slots, "customFields.loyaltyTier"), "loyaltyTier", "a field outside the layout");
    }
}
