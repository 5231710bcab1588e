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
    /// The term (exact) or its start (prefix): the driving word of a query of several.
    pub text: String,
    /// Whether `text` is a prefix.
    pub prefix: bool,
    /// Whether the walk skips `text` itself, taking only longer terms starting with it (the
    /// whole word is the pair index's: [`walks`]).
    pub strict: bool,
    /// The query's other words: a contact found must also have a term of a kind in `among`
    /// starting with each.
    pub also: Vec<String>,
    /// The kinds the words of a query of several range over.
    pub among: &'static [Kind],
}

impl Probe {
    fn exact(rank: Rank, kind: Kind, text: impl Into<String>) -> Self {
        Self { rank, kind, text: text.into(), prefix: false, strict: false, also: Vec::new(), among: &[] }
    }

    fn prefix(rank: Rank, kind: Kind, text: impl Into<String>) -> Self {
        Self { rank, kind, text: text.into(), prefix: true, strict: false, also: Vec::new(), among: &[] }
    }

    /// Every word of `words` starting a term of `among`, the walk on `kind`; driven by the
    /// longest word until [`Probe::driven_by`] chooses another.
    fn all_of(rank: Rank, kind: Kind, among: &'static [Kind], words: &[String]) -> Self {
        let probe =
            Self { rank, kind, text: words[0].clone(), prefix: true, strict: false, also: words[1..].to_vec(), among };
        let longest = probe.words().into_iter().max_by_key(|w| w.len()).unwrap_or_default().to_owned();
        probe.driven_by(&longest)
    }

    /// The query's words of this probe: the driving one, then the others.
    pub fn words(&self) -> Vec<&str> {
        std::iter::once(self.text.as_str()).chain(self.also.iter().map(String::as_str)).collect()
    }

    /// The same probe walking the range of `word` (one of [`Probe::words`]), checking the others
    /// per contact found: the rarest word makes the shortest walk.
    pub fn driven_by(&self, word: &str) -> Self {
        debug_assert!(!self.strict, "a walk of the pair index's remainder is not driven again");
        let mut others: Vec<String> = self.words().into_iter().map(str::to_owned).collect();
        if let Some(at) = others.iter().position(|w| w == word) {
            others.remove(at);
        }
        Self { text: word.to_owned(), also: others, ..self.clone() }
    }
}

/// Whether this probe's words range over its own kind only, which then has a pair index.
pub fn pairs_apply(probe: &Probe) -> bool {
    probe.among == [probe.kind] && probe.kind.pair().is_some()
}

/// The index walks of `probe` (driven by the word it walks, [`Probe::driven_by`]). A probe of
/// several words over a kind with a pair index is two walks: the contacts holding its word whole
/// and another starting with its next word are one prefix range of the pairs (`jones ba`: stops
/// at its LIMIT, however many Joneses there are); then those holding a longer term starting with
/// the word (`jonesy`, usually few when the word was typed whole), checked for the others.
pub fn walks(probe: &Probe) -> Vec<Probe> {
    let Some(next) = probe.also.first().filter(|_| pairs_apply(probe)) else { return vec![probe.clone()] };
    let pair = Probe {
        kind: probe.kind.pair().expect("pairs apply"),
        text: format!("{} {next}", probe.text),
        prefix: true,
        strict: false,
        also: probe.also[1..].to_vec(),
        ..probe.clone()
    };
    vec![pair, Probe { strict: true, ..probe.clone() }]
}

/// The words of a query that say something: one that starts another word is met by whatever
/// meets that one (`dana da` finds what `dana` finds), so no two left start alike.
pub fn telling_words(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        if !out.contains(w) && !words.iter().any(|other| other != w && other.starts_with(w.as_str())) {
            out.push(w.clone());
        }
    }
    out
}

/// The probes of `query`, best rank first.
pub fn probes(query: &SearchQuery) -> Vec<Probe> {
    let folded = query.folded.as_str();
    let words = &telling_words(&query.words);
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
        out.push(Probe::all_of(Rank::NamePrefix, Kind::Name, &[Kind::Name], words));
        out.push(Probe::all_of(Rank::Company, Kind::Company, &[Kind::Company], words));
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
            out.push(Probe::all_of(Rank::Other, *kind, NAME_OR_COMPANY, words));
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
        let has = |kinds: &[Kind], text: &str, prefix: bool, strict: bool| {
            index.iter().any(|(k, t)| {
                kinds.contains(k) && if prefix { t.starts_with(text) && !(strict && t == text) } else { t == text }
            })
        };
        has(&[probe.kind], &probe.text, probe.prefix, probe.strict)
            && probe.also.iter().all(|w| has(probe.among, w, true, false))
    }

    /// Every walk of `probes`, each driven by `word` when it has it.
    fn walked(probes: &[Probe], word: Option<&str>) -> Vec<Probe> {
        probes
            .iter()
            .flat_map(|p| match word {
                Some(w) if p.words().contains(&w) => walks(&p.driven_by(w)),
                _ => walks(p),
            })
            .collect()
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
        "whitfield dana",
        "dana dana",
        "dana da",
        "whitfield whit",
        "bakery whitfield cafe",
        "whit bak",
        "o'brien whit",
        "sean obrien dana",
        "maria's cafe",
        "cafe maria",
        "ng k",
    ];

    #[test]
    fn the_probes_find_exactly_what_hit_accepts_at_the_rank_it_gives() {
        let contacts = contacts();
        let indexed: Vec<_> = contacts.iter().map(terms).collect();
        for q in QUERIES {
            let query = SearchQuery::parse(q).unwrap();
            let probes = walked(&probes(&query), None);
            for (i, contact) in contacts.iter().enumerate() {
                let expected = query.hit(&summary(i, contact)).map(|(rank, _)| rank);
                let found = probes.iter().filter(|p| finds(p, &indexed[i])).map(|p| p.rank).min();
                assert_eq!(found, expected, "{q:?} on {} {}", contact.first_name, contact.last_name);
            }
        }
    }

    #[test]
    fn words_starting_another_word_add_nothing() {
        let w = |q: &[&str]| telling_words(&q.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(w(&["dana", "da"]), ["dana"]);
        assert_eq!(w(&["da", "dana", "whit"]), ["dana", "whit"]);
        assert_eq!(w(&["dana", "dana"]), ["dana"]);
        assert_eq!(w(&["jones", "ba"]), ["jones", "ba"]);
    }

    #[test]
    fn probes_come_best_rank_first_and_may_be_driven_by_any_of_their_words() {
        for q in QUERIES {
            let ranks: Vec<Rank> = probes(&SearchQuery::parse(q).unwrap()).iter().map(|p| p.rank).collect();
            assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{q}: {ranks:?}");
        }
        let gonz = probes(&SearchQuery::parse("gonz maria").unwrap());
        assert_eq!((gonz[1].kind, gonz[1].text.as_str()), (Kind::Name, "maria"));
        assert_eq!(gonz[1].also, ["gonz"]);
        let by_gonz = gonz[1].driven_by("gonz");
        assert_eq!((by_gonz.text.as_str(), by_gonz.also.as_slice()), ("gonz", &["maria".to_owned()][..]));
        // Walked: the pair range of `gonz maria`, then longer words than `gonz` checked for `maria`.
        let w = walks(&by_gonz);
        assert_eq!(
            (w[0].kind, w[0].text.as_str(), w[0].strict, w[0].also.len()),
            (Kind::NamePair, "gonz maria", false, 0)
        );
        assert_eq!((w[1].kind, w[1].text.as_str(), w[1].strict), (Kind::Name, "gonz", true));
        // Spread over name and company: one walk, no pairs.
        let spread = probes(&SearchQuery::parse("dana bakery").unwrap());
        assert!(spread.iter().filter(|p| p.among == NAME_OR_COMPANY).all(|p| walks(p).len() == 1));
        // Whichever word drives (the same for every probe of several words, as the search
        // chooses it), the probes find the same contacts at the same ranks.
        let contacts = contacts();
        let indexed: Vec<_> = contacts.iter().map(terms).collect();
        let found = |probes: &[Probe], i: usize| probes.iter().filter(|p| finds(p, &indexed[i])).map(|p| p.rank).min();
        for q in QUERIES {
            let query = SearchQuery::parse(q).unwrap();
            let usual = walked(&probes(&query), None);
            for word in &query.words {
                let driven = walked(&probes(&query), Some(word));
                for i in 0..contacts.len() {
                    assert_eq!(found(&usual, i), found(&driven, i), "{q} by {word}");
                }
            }
        }
    }
}
