//! The native CRM of tenant `demo`: every demo customer as a contact (with the contact id its
//! interactions already carry), Dana Whitfield's household sharing a landline — the multi-match
//! caller —, and a few hundred generated contacts to search among. Two callers have history but no
//! contact: the household landline (calls nobody was linked to) and a new caller, for the create
//! flow.

use c360_wire::crm::{Address, NewContact, phone_country};

use super::countries::{COMPANY_STEMS, TITLES, TRADES};
use super::generate;
use crate::crm::contacts::store::ContactRow;
use crate::demo::{DEMO_PHONE, Persona, Rng, history};
use crate::insights::StoredInteraction;

/// The Whitfields' home phone: Dana and Sam Whitfield both hold it, so a call from it matches two
/// contacts.
pub const HOUSEHOLD_LANDLINE: &str = "+14155550160";
/// A caller with a short history and no contact yet (a UK mobile from Ofcom's drama range).
pub const NEW_CALLER: &str = "+447700900123";
/// How many generated contacts the demo tenant has besides its customers.
pub const GENERATED: u64 = 250;
/// Where the demo's generated contacts start in the generated population: past every persona's
/// index, so their addresses (which carry the index) never meet a persona's.
const GENERATED_FROM: u64 = 1_000;

/// The demo tenant's contacts, each with the id the customer's interactions carry: `personas` in
/// order, Sam Whitfield, then the generated ones.
pub fn demo_contacts(personas: &[Persona]) -> Vec<ContactRow> {
    let mut out: Vec<ContactRow> = personas.iter().enumerate().map(|(i, p)| persona_contact(i, p)).collect();
    let dana = out.iter().find(|c| c.details.phones.first().map(String::as_str) == Some(DEMO_PHONE));
    let home = dana.map(|d| d.details.address.clone()).unwrap_or_default();
    for c in &mut out {
        if c.details.phones.first().map(String::as_str) == Some(DEMO_PHONE) {
            c.details.phones.push(HOUSEHOLD_LANDLINE.into());
        }
    }
    out.push(ContactRow {
        contact_id: format!("ct-{:04}", personas.len() + 1),
        details: NewContact {
            first_name: "Sam".into(),
            last_name: "Whitfield".into(),
            emails: vec!["sam.whitfield@example.com".into()],
            phones: vec!["+14155550161".into(), HOUSEHOLD_LANDLINE.into()],
            title: "Pastry Chef".into(),
            company: "Whitfield Bakery".into(),
            account_id: "acct-1042".into(),
            address: home,
            ..NewContact::default()
        },
    });
    out.extend(
        (GENERATED_FROM..GENERATED_FROM + GENERATED)
            .map(|i| ContactRow { contact_id: generate::contact_id(i), details: generate::contact(i) }),
    );
    out
}

/// The `index`-th demo customer as a contact: names, phone, email; a company, title and account
/// for those who have an account; an address in their phone's country.
fn persona_contact(index: usize, p: &Persona) -> ContactRow {
    let mut rng = Rng::new(0xDE30_C047 + index as u64);
    let (first_name, last_name) = p.name.split_once(' ').unwrap_or((p.name.as_str(), ""));
    let (company, title, account_id) = match p.account_id.as_deref() {
        _ if p.phone == DEMO_PHONE => ("Whitfield Bakery".to_owned(), "Owner".to_owned(), "acct-1042".to_owned()),
        Some("acct-okafor-logistics") => {
            ("Okafor Logistics Ltd".to_owned(), "Operations Manager".to_owned(), "acct-okafor-logistics".to_owned())
        }
        Some(account) => {
            // Colleagues (customers sharing an account) share the company.
            let mut of_account =
                Rng::new(account.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b))));
            let stem = of_account.pick(COMPANY_STEMS);
            let trade = of_account.pick(TRADES);
            (format!("{stem} {trade}"), (*rng.pick(TITLES)).to_owned(), account.to_owned())
        }
        None => Default::default(),
    };
    let uk = phone_country(&p.phone) == Some("GB");
    let address = if uk {
        Address {
            street: format!("{} {}", rng.range(1, 120), rng.pick(&["Camden Road", "Upper Street", "Mare Street"])),
            city: "London".into(),
            postal_code: format!("N{} {}AB", rng.range(1, 9), rng.range(1, 9)),
            country: "GB".into(),
            ..Address::default()
        }
    } else {
        Address {
            street: format!(
                "{} {}",
                rng.range(100, 2900),
                rng.pick(&["Valencia Street", "Irving Street", "Geary Boulevard"])
            ),
            city: "San Francisco".into(),
            region: "CA".into(),
            postal_code: format!("941{:02}", rng.range(2, 34)),
            country: "US".into(),
        }
    };
    ContactRow {
        contact_id: p.contact_id.clone(),
        details: NewContact {
            first_name: first_name.to_owned(),
            last_name: last_name.to_owned(),
            emails: vec![p.email.clone()],
            phones: vec![p.phone.clone()],
            company,
            account_id,
            title,
            address,
            ..NewContact::default()
        },
    }
}

/// The interactions of the two callers who are no contact's own: calls and voicemails from the
/// household landline, and a new caller's few earlier contacts. Linked to no contact (nobody
/// knew who called); they join a contact's history through its phones.
pub fn unlinked_history(anchor_ms: i64) -> Vec<StoredInteraction> {
    let caller = |name: &str, phone: &str, interactions| Persona {
        name: name.into(),
        phone: phone.into(),
        email: String::new(),
        contact_id: String::new(),
        account_id: None,
        interactions,
        written: 0.0,
        mood: 0.2,
    };
    let landline = history(&caller("Whitfield household", HOUSEHOLD_LANDLINE, 14), 10_000, anchor_ms)
        .into_iter()
        // A landline calls and takes voicemail; it sends no WhatsApp or SMS.
        .filter(|s| s.interaction.chat_type.is_none());
    let newcomer = history(&caller("New caller", NEW_CALLER, 3), 10_001, anchor_ms).into_iter();
    let mut out: Vec<StoredInteraction> = landline.chain(newcomer).collect();
    for s in &mut out {
        s.interaction.contact_id = None;
    }
    out
}
