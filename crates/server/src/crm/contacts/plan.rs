//! How a search query reads the index: a list of probes, each one range (or one key) of one kind
//! of term, best rank first. The server runs them in order until it has a page and one more
//! (`search.rs`); each is a B-tree walk in index order that stops at its LIMIT, so no query
//! ever scans.
//!
//! The probes find exactly the contacts `SearchQuery::hit` accepts, each by a probe of the rank
//! `hit` gives it (tested below over the index of [`super::terms`]), so a page is complete and
//! ranked without filtering anything out afterwards.

use c360_wire::crm::{PHONE_TAIL_MIN, QueryKind, Rank, SearchQuery, query_number};

use super::terms::Kind;

/// Kinds the words of a query may spread over (the last rank: "words spread over name and company").
pub const NAME_OR_COMPANY: &[Kind] = &[Kind::Name, Kind::Company];

/// One walk of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The rank of every contact it finds.
    pub rank: Rank,
    /// The kind of term walked.
    pub kind: Kind,
    /// The term (exact) or its start (prefix).
    pub text: String,
    /// Whether `text` is a prefix.
    pub prefix: bool,
    /// Further words the contact must also have a term starting with, each among some kinds.
    pub also: Vec<(&'static [Kind], String)>,
}

impl Probe {
    fn exact(rank: Rank, kind: Kind, text: impl Into<String>) -> Self {
        Self { rank, kind, text: text.into(), prefix: false, also: Vec::new() }
    }

    fn prefix(rank: Rank, kind: Kind, text: impl Into<String>) -> Self {
        Self { rank, kind, text: text.into(), prefix: true, also: Vec::new() }
    }

    /// Every word of `words` starting a term of `among`: the longest walks the range (the
    /// narrowest, usually), the others are checked per contact found.
    fn words(rank: Rank, kind: Kind, among: &'static [Kind], words: &[String]) -> Self {
        let longest = (0..words.len()).max_by_key(|&i| (words[i].len(), std::cmp::Reverse(i))).unwrap_or(0);
        let also = words.iter().enumerate().filter(|(i, _)| *i != longest).map(|(_, w)| (among, w.clone())).collect();
        Self { rank, kind, text: words[longest].clone(), prefix: true, also }
    }
}

/// The probes of `query`, best rank first.
pub fn probes(query: &SearchQuery) -> Vec<Probe> {
    let folded = query.folded.as_str();
    let words = &query.words;
    let phone = match query.kind {
        QueryKind::Phone => query_number(&query.text),
        _ => None,
    };
    let mut out = Vec::new();
    // Exact identifiers: the whole number in any format, the whole email, the account ID.
    if let Some((international, digits)) = &phone {
        out.push(Probe::exact(Rank::ExactIdentifier, Kind::Phone, digits));
        if !international {
            out.push(Probe::exact(Rank::ExactIdentifier, Kind::National, digits));
        }
    }
    if query.kind == QueryKind::Email {
        out.push(Probe::exact(Rank::ExactIdentifier, Kind::Email, folded));
    }
    if !folded.is_empty() {
        out.push(Probe::exact(Rank::ExactIdentifier, Kind::Account, folded));
    }
    // Every word a prefix of the name, then of the company.
    if query.kind == QueryKind::Words && !words.is_empty() {
        out.push(Probe::words(Rank::NamePrefix, Kind::Name, &[Kind::Name], words));
        out.push(Probe::words(Rank::Company, Kind::Company, &[Kind::Company], words));
    }
    // The rest: a phone's start or end, an email's or domain's start, an account ID's start,
    // words spread over name and company.
    match &phone {
        Some((international, digits)) if digits.len() >= PHONE_TAIL_MIN => out.push(if *international {
            Probe::prefix(Rank::Other, Kind::Phone, digits)
        } else {
            Probe::prefix(Rank::Other, Kind::Tail, digits.chars().rev().collect::<String>())
        }),
        Some(_) => {}
        None if folded.is_empty() => {}
        None => {
            out.push(Probe::prefix(Rank::Other, Kind::Email, folded));
            let domain = folded.strip_prefix('@').unwrap_or(folded);
            if !domain.is_empty() && !domain.contains('@') {
                out.push(Probe::prefix(Rank::Other, Kind::Domain, domain));
            }
        }
    }
    if !folded.is_empty() {
        out.push(Probe::prefix(Rank::Other, Kind::Account, folded));
    }
    // One word spread over name and company is a name or company match already.
    if query.kind == QueryKind::Words && words.len() > 1 {
        for kind in NAME_OR_COMPANY {
            out.push(Probe::words(Rank::Other, *kind, NAME_OR_COMPANY, words));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use c360_wire::crm::{ContactSummary, NewContact};
    use serde_json::json;

    use super::super::terms::terms;
    use super::*;

    /// Whether `probe` finds a contact with these index terms (what the SQL does, in memory).
    fn finds(probe: &Probe, index: &BTreeSet<(Kind, String)>) -> bool {
        let has = |kinds: &[Kind], text: &str, prefix: bool| {
            index.iter().any(|(k, t)| kinds.contains(k) && if prefix { t.starts_with(text) } else { t == text })
        };
        has(&[probe.kind], &probe.text, probe.prefix) && probe.also.iter().all(|(kinds, w)| has(kinds, w, true))
    }

    fn contacts() -> Vec<NewContact> {
        [
            json!({"firstName": "Dana", "lastName": "Whitfield", "company": "Whitfield Bakery & Café",
                   "accountId": "ACCT-1042", "emails": ["dana@example.com", "orders@whitfield.example"],
                   "phones": ["+14155550100", "+14155550123"]}),
            json!({"firstName": "Sam", "lastName": "Whitfield", "phones": ["+14155550123"]}),
            json!({"firstName": "María", "lastName": "González", "company": "Acme", "emails": ["maria.gonzalez@example.com"],
                   "phones": ["+5511912345678"]}),
            json!({"firstName": "Grace", "lastName": "Okafor", "accountId": "104277", "phones": ["+442079460001"],
                   "emails": ["grace.okafor@example.co.uk"]}),
            json!({"firstName": "Seán", "lastName": "O'Brien", "company": "Dana Holdings", "emails": ["sean@obrien.ie"]}),
            json!({"firstName": "Kim", "lastName": "Ng", "accountId": "whitfield", "phones": ["+390669821234"]}),
            json!({"firstName": "Ana", "lastName": "Silva", "company": "Maria's Café", "phones": ["+351912345678"]}),
        ]
        .into_iter()
        .map(|j| serde_json::from_value(j).unwrap())
        .collect()
    }

    fn summary(i: usize, c: &NewContact) -> ContactSummary {
        ContactSummary {
            contact_id: format!("c-{i}"),
            first_name: c.first_name.clone(),
            last_name: c.last_name.clone(),
            company: c.company.clone(),
            account_id: c.account_id.clone(),
            emails: c.emails.clone(),
            phones: c.phones.clone(),
            matched: None,
        }
    }

    const QUERIES: &[&str] = &[
        "dana",
        "Whit",
        "whitfield",
        "WHITFIELD BAK",
        "bakery",
        "cafe",
        "café whit",
        "dana bakery",
        "maria",
        "gonz mar",
        "González",
        "o'brien",
        "obri",
        "sean dana",
        "dana hold",
        "acct-10",
        "ACCT-1042",
        "1042",
        "104277",
        "dana@",
        "dana@example.com",
        "@example",
        "example.co",
        "whitfield.ex",
        "orders@w",
        "+1 415 555 0123",
        "(415) 555-0123",
        "4155550123",
        "0123",
        "555-0100",
        "0100",
        "+44 20 79",
        "020 7946 0001",
        "0044 20 7946 0001",
        "+0001",
        "100",
        "06 6982 1234",
        "+39 06",
        "whit*",
        "dana\" OR 1=1 --",
        "NEAR(dana whit)",
        "'; DROP TABLE contacts; --",
        "--",
        "+1",
        "ng kim",
        "silva maria",
        "maria cafe",
        "zz",
        "@@",
        "a@",
        "+5511 9",
    ];

    #[test]
    fn the_probes_find_exactly_what_hit_accepts_at_the_rank_it_gives() {
        let contacts = contacts();
        let indexed: Vec<_> = contacts.iter().map(terms).collect();
        for q in QUERIES {
            let query = SearchQuery::parse(q).unwrap();
            let probes = probes(&query);
            for (i, contact) in contacts.iter().enumerate() {
                let expected = query.hit(&summary(i, contact)).map(|(rank, _)| rank);
                let found = probes.iter().filter(|p| finds(p, &indexed[i])).map(|p| p.rank).min();
                assert_eq!(found, expected, "{q:?} on {} {}", contact.first_name, contact.last_name);
            }
        }
    }

    #[test]
    fn probes_come_best_rank_first_and_walk_the_longest_word() {
        for q in QUERIES {
            let ranks: Vec<Rank> = probes(&SearchQuery::parse(q).unwrap()).iter().map(|p| p.rank).collect();
            assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{q}: {ranks:?}");
        }
        let gonz = probes(&SearchQuery::parse("gonz maria").unwrap());
        assert_eq!((gonz[1].kind, gonz[1].text.as_str()), (Kind::Name, "maria"));
        assert_eq!(gonz[1].also, [(&[Kind::Name][..], "gonz".to_owned())]);
    }
}
