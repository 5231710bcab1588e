//! The generated and demo contacts, as the CRM will hold them.

use std::collections::{HashMap, HashSet};

use c360_wire::crm::{ContactRules, DEFAULT_CONTACT_REQUIRED, NewContact, fold, phone_country};

use super::countries::COUNTRIES;
use super::*;
use crate::demo::{DEMO_PHONE, personas};

/// The contact exactly as the create endpoint would store it (already clean), or its errors.
fn stored_as_is(contact: &NewContact) -> Result<(), String> {
    let rules = ContactRules::new(&DEFAULT_CONTACT_REQUIRED, None);
    match rules.validate(contact) {
        Ok(clean) if &clean == contact => Ok(()),
        Ok(clean) => Err(format!("changed on save: {contact:?} → {clean:?}")),
        Err(errors) => Err(format!("{contact:?}: {errors:?}")),
    }
}

#[test]
fn the_same_index_gives_the_same_contact_and_ids_are_distinct() {
    assert_eq!(generated_contact(12_345), generated_contact(12_345));
    assert_ne!(generated_contact(12_345), generated_contact(12_346));
    let ids: Vec<String> = (0..100_000).map(generated_contact_id).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "distinct, in index order");
    assert!(generated_contact_id(7).starts_with("c-"));
}

#[test]
fn generated_contacts_are_valid_and_never_share_a_phone_or_personal_email() {
    let (mut phones, mut emails) = (HashSet::new(), HashSet::new());
    for index in 0..20_000 {
        let c = generated_contact(index);
        stored_as_is(&c).unwrap();
        assert!(!c.phones.is_empty() || !c.emails.is_empty(), "{c:?}");
        for p in &c.phones {
            assert!(phones.insert(p.clone()), "{p} twice");
        }
        // Work addresses may repeat (two namesakes at one company); personal ones never do.
        for e in c.emails.iter().filter(|e| !e.ends_with(".example")) {
            assert!(emails.insert(e.clone()), "{e} twice");
        }
    }
}

#[test]
fn the_population_looks_like_a_contact_centre_s_customers() {
    let all: Vec<NewContact> = (0..10_000).map(generated_contact).collect();
    let share = |f: &dyn Fn(&NewContact) -> bool| all.iter().filter(|c| f(c)).count() as f64 / all.len() as f64;
    let accented = share(&|c| fold(&c.full_name()) != c.full_name().to_lowercase());
    assert!((0.05..0.4).contains(&accented), "names with accents: {accented}");
    assert!((0.45..0.65).contains(&share(&|c| !c.company.is_empty())), "at a company");
    assert!(share(&|c| c.phones.len() == 2) > 0.1, "two phones");
    assert!(share(&|c| c.emails.len() == 2) > 0.05, "two emails");
    assert!((0.75..0.95).contains(&share(&|c| !c.address.is_empty())), "with an address");
    let uk = share(&|c| c.address.country == "GB");
    assert!((0.1..0.25).contains(&uk), "in the UK: {uk}");

    // Phones and addresses agree on the country.
    for c in all.iter().filter(|c| !c.address.is_empty()) {
        for p in &c.phones {
            let country = phone_country(p).unwrap_or(if p.starts_with("+1") { "US" } else { "?" });
            let nanp = ["US", "CA"].contains(&c.address.country.as_str()) && country == "US";
            assert!(nanp || country == c.address.country, "{p} in {}", c.address.country);
        }
    }
    // Companies have colleagues: search by company finds more than one person.
    let mut by_company: HashMap<&str, usize> = HashMap::new();
    for c in all.iter().filter(|c| !c.company.is_empty()) {
        *by_company.entry(c.company.as_str()).or_default() += 1;
    }
    assert!(by_company.values().any(|&n| n > 1));
    let domains: HashSet<&str> =
        all.iter().flat_map(|c| &c.emails).filter_map(|e| e.split_once('@')).map(|(_, d)| d).collect();
    assert!(domains.len() > 100, "personal providers and company domains");
    assert_eq!(COUNTRIES.iter().map(|c| c.weight).sum::<u64>(), 100);
}

#[test]
fn demo_customers_become_contacts_with_the_ids_their_history_carries() {
    let personas = personas();
    let contacts = demo_contacts(&personas);
    assert_eq!(contacts.len(), personas.len() + 1 + DEMO_GENERATED_CONTACTS as usize);
    for (p, c) in personas.iter().zip(&contacts) {
        assert_eq!(c.contact_id, p.contact_id);
        assert_eq!(c.details.full_name(), p.name);
        assert_eq!(c.details.phones[0], p.phone);
        assert_eq!(c.details.emails, vec![p.email.clone()]);
    }
    let dana = &contacts[0].details;
    assert_eq!(
        (dana.company.as_str(), dana.account_id.as_str(), dana.title.as_str()),
        ("Whitfield Bakery", "acct-1042", "Owner")
    );
    assert_eq!(dana.phones, vec![DEMO_PHONE.to_owned(), HOUSEHOLD_LANDLINE.to_owned()]);
    assert_eq!(contacts[3].details.company, "Okafor Logistics Ltd");
    let mut company_of: HashMap<&str, &str> = HashMap::new();
    for c in contacts.iter().filter(|c| c.contact_id.starts_with("ct-") && !c.details.account_id.is_empty()) {
        let company = *company_of.entry(&c.details.account_id).or_insert(&c.details.company);
        assert_eq!(company, c.details.company, "colleagues share a company");
    }
    assert!(company_of.len() < personas.len() / 4, "some accounts have several people");
    assert_eq!(contacts[3].details.address.country, "GB");
    for c in &contacts {
        stored_as_is(&c.details).unwrap();
    }
    let ids: HashSet<&str> = contacts.iter().map(|c| c.contact_id.as_str()).collect();
    assert_eq!(ids.len(), contacts.len());
}

#[test]
fn only_the_household_landline_matches_two_demo_contacts_and_the_new_caller_none() {
    let contacts = demo_contacts(&personas());
    let mut holders: HashMap<&str, Vec<String>> = HashMap::new();
    for c in &contacts {
        for id in c.details.phones.iter().chain(&c.details.emails) {
            holders.entry(id.as_str()).or_default().push(c.details.full_name());
        }
    }
    let shared: Vec<(&str, &Vec<String>)> = holders.iter().filter(|(_, h)| h.len() > 1).map(|(k, h)| (*k, h)).collect();
    assert_eq!(shared, vec![(HOUSEHOLD_LANDLINE, &vec!["Dana Whitfield".to_owned(), "Sam Whitfield".to_owned()])]);
    assert!(!holders.contains_key(NEW_CALLER));
    // The README's empty state (the workspace's own numbers are checked beside it).
    assert!(!holders.contains_key("+15005550000"));
}

#[test]
fn the_unlinked_callers_have_history_linked_to_nobody() {
    let history = unlinked_history(1_700_000_000_000);
    let from = |n: &str| history.iter().filter(|s| s.interaction.media_identifier.as_deref() == Some(n)).count();
    assert!(from(HOUSEHOLD_LANDLINE) >= 5, "the landline's history shows");
    assert!((1..=3).contains(&from(NEW_CALLER)));
    assert_eq!(from(HOUSEHOLD_LANDLINE) + from(NEW_CALLER), history.len());
    assert!(history.iter().all(|s| s.interaction.contact_id.is_none()));
    assert!(
        history
            .iter()
            .filter(|s| s.interaction.media_identifier.as_deref() == Some(HOUSEHOLD_LANDLINE))
            .all(|s| s.interaction.chat_type.is_none())
    );
    assert_eq!(history, unlinked_history(1_700_000_000_000), "deterministic");
}
