//! Screen pop's rules in a native-CRM tenant, framework-free: what an identity match found (none,
//! one, several), what the header badge and the prompts say, and what the picker shows of each
//! contact.

use c360_wire::Identity;
use c360_wire::crm::{ContactList, ContactSummary};

/// What the identity match of an interaction found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matches {
    /// Nobody holds the identifier.
    None,
    /// Exactly one contact: it opens by itself.
    One(ContactSummary),
    /// Several contacts share it (a household landline, a shared inbox): the agent picks.
    Several(Vec<ContactSummary>),
}

impl Matches {
    /// Reads an identity match's answer.
    pub fn of(list: &ContactList) -> Self {
        match list.contacts.as_slice() {
            [] => Matches::None,
            [one] => Matches::One(one.clone()),
            many => Matches::Several(many.to_vec()),
        }
    }

    /// The contacts found.
    pub fn contacts(&self) -> &[ContactSummary] {
        match self {
            Matches::None => &[],
            Matches::One(one) => std::slice::from_ref(one),
            Matches::Several(many) => many,
        }
    }
}

/// "this number" or "this email address".
fn what(identity: &Identity) -> &'static str {
    match identity {
        Identity::Email { .. } => "this email address",
        _ => "this number",
    }
}

/// The header badge: "3 contacts share this number" (only when several do).
pub fn badge_text(matches: &Matches, identity: &Identity) -> Option<String> {
    match matches {
        Matches::Several(many) => Some(format!("{} contacts share {}", many.len(), what(identity))),
        _ => None,
    }
}

/// What the agent is told when nobody holds the identifier.
pub fn no_match_text(identity: &Identity) -> String {
    format!("No contact has {} yet.", what(identity))
}

/// The picker's lines for a contact: its name, then email and company (whatever it has).
pub fn picker_lines(contact: &ContactSummary) -> (String, String) {
    let name = contact.full_name();
    let name = if name.is_empty() { "Unnamed contact".to_owned() } else { name };
    let details: Vec<&str> = [contact.emails.first().map(String::as_str), Some(contact.company.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    (name, details.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str, first: &str, email: &str, company: &str) -> ContactSummary {
        serde_json::from_value(serde_json::json!({"contactId": id, "firstName": first, "lastName": "Whitfield",
            "emails": if email.is_empty() { vec![] } else { vec![email] }, "company": company,
            "phones": ["+14155550123"]}))
        .unwrap()
    }

    fn landline() -> Identity {
        Identity::Phone { phone_number: "+14155550123".into() }
    }

    #[test]
    fn a_match_is_none_one_or_several() {
        let dana = summary("c-1", "Dana", "dana@example.com", "Whitfield Bakery");
        let sam = summary("c-2", "Sam", "", "");
        assert_eq!(Matches::of(&ContactList::default()), Matches::None);
        assert_eq!(Matches::of(&ContactList { contacts: vec![dana.clone()], more: false }), Matches::One(dana.clone()));
        let both = Matches::of(&ContactList { contacts: vec![dana.clone(), sam.clone()], more: false });
        assert_eq!(both, Matches::Several(vec![dana, sam]));
        assert_eq!(both.contacts().len(), 2);
    }

    #[test]
    fn the_badge_counts_those_who_share_it_and_only_when_several_do() {
        let dana = summary("c-1", "Dana", "", "");
        let three = Matches::Several(vec![dana.clone(), dana.clone(), dana.clone()]);
        assert_eq!(badge_text(&three, &landline()).as_deref(), Some("3 contacts share this number"));
        let inbox = Identity::Email { email: "info@whitfield.example".into() };
        assert_eq!(badge_text(&three, &inbox).as_deref(), Some("3 contacts share this email address"));
        assert_eq!(badge_text(&Matches::One(dana), &landline()), None);
        assert_eq!(no_match_text(&landline()), "No contact has this number yet.");
    }

    #[test]
    fn the_picker_tells_people_apart_by_name_email_and_company() {
        let dana = summary("c-1", "Dana", "dana@example.com", "Whitfield Bakery");
        assert_eq!(picker_lines(&dana), ("Dana Whitfield".into(), "dana@example.com · Whitfield Bakery".into()));
        assert_eq!(picker_lines(&summary("c-2", "Sam", "", "")), ("Sam Whitfield".into(), String::new()));
    }
}
