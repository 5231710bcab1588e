//! What the search index holds for a contact (`contact_terms`), and the identifiers it answers
//! identity matches by (`contact_identifiers`). Plain functions with native tests: the index and
//! the plan that reads it ([`super::plan`]) are checked together against the wire's definition
//! of a match (`SearchQuery::hit`).

use std::collections::BTreeSet;

use c360_wire::crm::dialing::{calling_code_of, trunk_prefixes_of};
use c360_wire::crm::{NewContact, fold, fold_words};

/// The kinds of search term; each is a B-tree range of its own (`kind` leads the key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A folded word of the first or last name.
    Name,
    /// A folded word of the company.
    Company,
    /// The folded account ID, whole.
    Account,
    /// A folded email address, whole.
    Email,
    /// The folded domain of an email address.
    Domain,
    /// A phone's E.164 digits without `+`.
    Phone,
    /// A phone's national number, with and without its trunk prefix.
    National,
    /// A phone's digits reversed, so a trailing part is a prefix.
    Tail,
    /// Two words of the name, `first second`, in either order ([`pairs`]).
    NamePair,
    /// Two words of the company, in either order ([`pairs`]).
    CompanyPair,
}

impl Kind {
    /// The `kind` column's value.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Name => "n",
            Kind::Company => "c",
            Kind::Account => "a",
            Kind::Email => "e",
            Kind::Domain => "d",
            Kind::Phone => "p",
            Kind::National => "l",
            Kind::Tail => "t",
            Kind::NamePair => "m",
            Kind::CompanyPair => "k",
        }
    }

    /// The kind holding two words of this kind, for the kinds that have one.
    pub fn pair(self) -> Option<Kind> {
        match self {
            Kind::Name => Some(Kind::NamePair),
            Kind::Company => Some(Kind::CompanyPair),
            _ => None,
        }
    }
}

/// Most words of a name or a company whose pairs are indexed: the first 8 distinct words in
/// byte order (at most 56 pairs; migration 0004 picks the same ones for contacts saved before).
pub const PAIR_WORDS: usize = 8;

/// Every ordered pair of two different words of `words`, joined by a space: `dana whitfield`
/// and `whitfield dana`. A query of a whole word and the start of another (`jones ba`, what
/// agents type) is then one prefix range of these, however common each word is alone; without
/// them its two ranges would be intersected contact by contact. (A word with itself is never
/// needed: no word of a query the search walks starts another, `plan::telling_words`.)
pub fn pairs(words: &[String]) -> Vec<String> {
    let kept: Vec<&str> =
        words.iter().map(String::as_str).collect::<BTreeSet<_>>().into_iter().take(PAIR_WORDS).collect();
    let mut out = Vec::new();
    for a in &kept {
        out.extend(kept.iter().filter(|b| *b != a).map(|b| format!("{a} {b}")));
    }
    out
}

/// Every search term of `contact`, each once.
pub fn terms(contact: &NewContact) -> BTreeSet<(Kind, String)> {
    let mut out = BTreeSet::new();
    let name = [fold_words(&contact.first_name), fold_words(&contact.last_name)].concat();
    let company = fold_words(&contact.company);
    out.extend(pairs(&name).into_iter().map(|p| (Kind::NamePair, p)));
    out.extend(pairs(&company).into_iter().map(|p| (Kind::CompanyPair, p)));
    out.extend(name.into_iter().map(|w| (Kind::Name, w)));
    out.extend(company.into_iter().map(|w| (Kind::Company, w)));
    let account = fold(contact.account_id.trim());
    if !account.is_empty() {
        out.insert((Kind::Account, account));
    }
    for email in &contact.emails {
        let folded = fold(email);
        if let Some((_, domain)) = folded.split_once('@') {
            out.insert((Kind::Domain, domain.to_owned()));
        }
        out.insert((Kind::Email, folded));
    }
    for phone in &contact.phones {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        if digits.is_empty() {
            continue;
        }
        if let Some(code) = calling_code_of(&digits) {
            let national = &digits[code.len()..];
            out.insert((Kind::National, national.to_owned()));
            for trunk in trunk_prefixes_of(code) {
                out.insert((Kind::National, format!("{trunk}{national}")));
            }
        }
        out.insert((Kind::Tail, digits.chars().rev().collect()));
        out.insert((Kind::Phone, digits));
    }
    out
}

/// The identifiers `contact` holds, as stored (E.164 phones, lower-cased emails), each once.
pub fn identifiers(contact: &NewContact) -> BTreeSet<String> {
    contact.phones.iter().chain(&contact.emails).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dana() -> NewContact {
        serde_json::from_value(serde_json::json!({
            "firstName": "Dana", "lastName": "O'Brien-Whitfield", "company": "Whitfield Bakery & Café",
            "accountId": "ACCT-1042", "emails": ["dana@example.com"],
            "phones": ["+14155550100", "+442079460001"]
        }))
        .unwrap()
    }

    fn of(kind: Kind, contact: &NewContact) -> Vec<String> {
        terms(contact).into_iter().filter(|(k, _)| *k == kind).map(|(_, t)| t).collect()
    }

    #[test]
    fn names_and_companies_are_indexed_by_folded_word() {
        let d = dana();
        assert_eq!(of(Kind::Name, &d), ["dana", "obrien", "whitfield"]);
        assert_eq!(of(Kind::Company, &d), ["bakery", "cafe", "whitfield"]);
        assert_eq!(of(Kind::Account, &d), ["acct-1042"]);
        assert_eq!(of(Kind::Email, &d), ["dana@example.com"]);
        assert_eq!(of(Kind::Domain, &d), ["example.com"]);
    }

    #[test]
    fn two_words_of_a_name_or_company_are_indexed_together_in_either_order() {
        let d = dana();
        assert_eq!(
            of(Kind::NamePair, &d),
            ["dana obrien", "dana whitfield", "obrien dana", "obrien whitfield", "whitfield dana", "whitfield obrien"]
        );
        assert_eq!(of(Kind::CompanyPair, &d).len(), 6);
        assert!(of(Kind::CompanyPair, &d).contains(&"cafe whitfield".to_owned()));
        // A word twice is one word; a one-word name has no pairs; a long company name only those
        // of its first eight words in byte order.
        assert_eq!(pairs(&["jones".into(), "ann".into(), "jones".into()]), ["ann jones", "jones ann"]);
        assert!(pairs(&["cher".into()]).is_empty());
        let long: Vec<String> = (0..20).map(|i| format!("w{i:02}")).collect();
        let p = pairs(&long);
        assert_eq!(p.len(), PAIR_WORDS * (PAIR_WORDS - 1));
        assert!(p.contains(&"w07 w00".to_owned()) && !p.iter().any(|x| x.contains("w08")));
    }

    #[test]
    fn phones_are_indexed_in_every_form_a_query_can_match() {
        let d = dana();
        assert_eq!(of(Kind::Phone, &d), ["14155550100", "442079460001"]);
        // US: the national number, and with its trunk prefix 1 (the same digits as E.164);
        // GB: the national number, and with its trunk prefix 0.
        assert_eq!(of(Kind::National, &d), ["02079460001", "14155550100", "2079460001", "4155550100"]);
        assert_eq!(of(Kind::Tail, &d), ["00105555141", "100064970244"]);
    }

    #[test]
    fn identifiers_are_the_stored_phones_and_emails() {
        let ids: Vec<String> = identifiers(&dana()).into_iter().collect();
        assert_eq!(ids, ["+14155550100", "+442079460001", "dana@example.com"]);
        assert!(terms(&NewContact::default()).is_empty());
    }
}
