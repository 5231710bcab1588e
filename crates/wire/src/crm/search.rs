//! Search as you type (`GET /contacts?q=…&limit=…`): which kind of query it is, whether and how
//! well a contact matches it, the order results come in, and what to highlight in each.
//!
//! The server narrows candidates with its index (FTS5 / trigram over [`fold`](super::fold)ed
//! words, phone digits) and ranks them with [`SearchQuery::rank`]; the panel highlights with
//! [`SearchQuery::highlight`] — one definition of "matches" on both sides. A query is always just
//! text: words are compared as folded prefixes, never handed to an index's query syntax.
//!
//! Ranking: an exact identifier (the whole phone number in any format, the whole email, the
//! account ID) first, then name prefixes (every word of the query starts a word of the first or
//! last name, in any order), then company prefixes, then the rest (a phone's last 4+ digits or
//! an international number's start, an email's or domain's start, an account ID's start, words
//! spread over name and company).

use super::contact::{ContactSummary, MatchedField};
use super::fold::{fold, fold_words};
use super::phone::{PhoneMatch, is_phone_query, match_phone};
use crate::problem::{FieldError, codes};
use crate::routes::params;

/// Shortest query, in characters (shorter is 400 `too_short`).
pub const MIN_QUERY_CHARS: usize = 2;
/// Longest query, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Results per page when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 10;
/// Most results per page.
pub const MAX_LIMIT: usize = 50;

/// What a query looks like, which decides how identifiers are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryKind {
    /// Digits and phone punctuation only (`+44 20 79`, `0100`).
    Phone,
    /// Contains `@` (`dana@exa`, `@example.com`).
    Email,
    /// Anything else: words.
    Words,
}

/// How well a contact matches; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    /// The whole phone number, email or account ID.
    ExactIdentifier,
    /// Every word starts a word of the name.
    NamePrefix,
    /// Every word starts a word of the company.
    Company,
    /// Anything else that matches.
    Other,
}

/// A query, read once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// As typed, trimmed.
    pub text: String,
    /// Folded, without surrounding spaces.
    pub folded: String,
    /// The folded words.
    pub words: Vec<String>,
    /// Its kind.
    pub kind: QueryKind,
}

/// A validated `GET /contacts` search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactSearch {
    /// The query.
    pub query: SearchQuery,
    /// Results per page, 1–50.
    pub limit: usize,
}

/// Checks the search parameters as sent: `q` of 2–200 characters, `limit` 1–50 (default 10).
pub fn validate_search(q: Option<&str>, limit: Option<&str>) -> Result<ContactSearch, Vec<FieldError>> {
    let query = SearchQuery::parse(q.unwrap_or_default());
    let limit = match limit.map(str::trim) {
        None => Ok(DEFAULT_LIMIT),
        Some(s) => s.parse::<usize>().ok().filter(|n| (1..=MAX_LIMIT).contains(n)).ok_or_else(|| {
            FieldError::new(
                params::LIMIT,
                codes::OUT_OF_RANGE,
                format!("limit must be a whole number from 1 to {MAX_LIMIT}."),
            )
        }),
    };
    match (query, limit) {
        (Ok(query), Ok(limit)) => Ok(ContactSearch { query, limit }),
        (query, limit) => Err(query.err().into_iter().chain(limit.err()).collect()),
    }
}

impl SearchQuery {
    /// Reads `q`; `too_short` under [`MIN_QUERY_CHARS`], `too_long` over [`MAX_QUERY_CHARS`].
    pub fn parse(q: &str) -> Result<Self, FieldError> {
        let text = q.trim();
        let chars = text.chars().count();
        if chars < MIN_QUERY_CHARS {
            let message = format!("Type at least {MIN_QUERY_CHARS} characters to search.");
            return Err(FieldError::new(params::Q, codes::TOO_SHORT, message));
        }
        if chars > MAX_QUERY_CHARS {
            let message = format!("A search is at most {MAX_QUERY_CHARS} characters.");
            return Err(FieldError::new(params::Q, codes::TOO_LONG, message));
        }
        let kind = if text.contains('@') {
            QueryKind::Email
        } else if is_phone_query(text) {
            QueryKind::Phone
        } else {
            QueryKind::Words
        };
        Ok(Self { text: text.to_owned(), folded: fold(text), words: fold_words(text), kind })
    }

    /// Whether `contact` matches, how well, and on which field.
    pub fn hit(&self, contact: &ContactSummary) -> Option<(Rank, MatchedField)> {
        let account = fold(&contact.account_id);
        let phones = || contact.phones.iter().filter_map(|p| match_phone(p, &self.text));
        let emails = || contact.emails.iter().map(|e| fold(e));
        let name = [fold_words(&contact.first_name), fold_words(&contact.last_name)].concat();
        let company = fold_words(&contact.company);
        let words_in = |targets: &[String]| {
            !self.words.is_empty() && self.words.iter().all(|w| targets.iter().any(|t| t.starts_with(w.as_str())))
        };
        let (phone_kind, email_kind, words_kind) =
            (self.kind == QueryKind::Phone, self.kind == QueryKind::Email, self.kind == QueryKind::Words);

        let ranked = [
            (phone_kind && phones().any(|m| m == PhoneMatch::Exact), Rank::ExactIdentifier, MatchedField::Phone),
            (email_kind && emails().any(|e| e == self.folded), Rank::ExactIdentifier, MatchedField::Email),
            (!account.is_empty() && account == self.folded, Rank::ExactIdentifier, MatchedField::AccountId),
            (words_kind && words_in(&name), Rank::NamePrefix, MatchedField::Name),
            (words_kind && words_in(&company), Rank::Company, MatchedField::Company),
            (phone_kind && phones().next().is_some(), Rank::Other, MatchedField::Phone),
            (!phone_kind && emails().any(|e| self.starts_email(&e)), Rank::Other, MatchedField::Email),
            (!self.folded.is_empty() && account.starts_with(&self.folded), Rank::Other, MatchedField::AccountId),
            (words_kind && words_in(&[name, company].concat()), Rank::Other, MatchedField::Name),
        ];
        ranked.into_iter().find(|(hit, _, _)| *hit).map(|(_, rank, field)| (rank, field))
    }

    /// Whether the query starts folded email `email`, or its domain (`exa`, `@exa`).
    fn starts_email(&self, email: &str) -> bool {
        let q = self.folded.as_str();
        let domain = email.split_once('@').map(|(_, d)| d);
        email.starts_with(q) || domain.is_some_and(|d| d.starts_with(q.strip_prefix('@').unwrap_or(q)))
    }

    /// The matching contacts among `candidates`, best first (rank, then last and first name),
    /// each with `matched` set.
    pub fn rank(&self, candidates: Vec<ContactSummary>) -> Vec<ContactSummary> {
        let mut hits: Vec<(Rank, String, String, ContactSummary)> = candidates
            .into_iter()
            .filter_map(|mut c| {
                let (rank, field) = self.hit(&c)?;
                c.matched = Some(field);
                Some((rank, fold(&c.last_name), fold(&c.first_name), c))
            })
            .collect();
        hits.sort_by(|a, b| (a.0, &a.1, &a.2, &a.3.contact_id).cmp(&(b.0, &b.1, &b.2, &b.3.contact_id)));
        hits.into_iter().map(|(_, _, _, c)| c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> SearchQuery {
        SearchQuery::parse(text).unwrap()
    }

    fn person(id: &str, first: &str, last: &str, company: &str) -> ContactSummary {
        ContactSummary {
            contact_id: id.into(),
            first_name: first.into(),
            last_name: last.into(),
            company: company.into(),
            account_id: String::new(),
            emails: Vec::new(),
            phones: Vec::new(),
            matched: None,
        }
    }

    fn with(mut c: ContactSummary, edit: impl FnOnce(&mut ContactSummary)) -> ContactSummary {
        edit(&mut c);
        c
    }

    fn ids(list: &[ContactSummary]) -> Vec<&str> {
        list.iter().map(|c| c.contact_id.as_str()).collect()
    }

    #[test]
    fn a_query_under_two_characters_is_too_short() {
        for short in ["", "a", "  é  "] {
            assert_eq!(SearchQuery::parse(short).unwrap_err().code, "too_short", "{short:?}");
        }
        assert_eq!(SearchQuery::parse(&"x".repeat(MAX_QUERY_CHARS + 1)).unwrap_err().code, "too_long");
        assert_eq!(SearchQuery::parse("a").unwrap_err().field, "q");
    }

    #[test]
    fn the_kind_of_query_follows_what_was_typed() {
        assert_eq!(q("+44 20 79").kind, QueryKind::Phone);
        assert_eq!(q("0100").kind, QueryKind::Phone);
        assert_eq!(q("dana@").kind, QueryKind::Email);
        assert_eq!(q("@example.com").kind, QueryKind::Email);
        assert_eq!(q("Gonz").kind, QueryKind::Words);
        assert_eq!(q("acct-1042").kind, QueryKind::Words);
        assert_eq!(q("  Maria  González ").words, ["maria", "gonzalez"]);
    }

    #[test]
    fn limit_is_one_to_fifty_and_every_error_comes_at_once() {
        assert_eq!(validate_search(Some("dana"), None).unwrap().limit, DEFAULT_LIMIT);
        assert_eq!(validate_search(Some("dana"), Some("50")).unwrap().limit, 50);
        for bad in ["0", "51", "ten", "-1", ""] {
            assert_eq!(validate_search(Some("dana"), Some(bad)).unwrap_err()[0].field, "limit", "{bad:?}");
        }
        let both: Vec<_> = validate_search(None, Some("0")).unwrap_err().into_iter().map(|e| e.code).collect();
        assert_eq!(both, ["too_short", "out_of_range"]);
    }

    #[test]
    fn names_match_by_word_prefix_in_any_order_whatever_the_accents() {
        let maria = person("c-2", "María", "González", "");
        for query in ["gonzalez", "González", "GONZ", "maria gonz", "gonz mar", "Gonzále"] {
            assert_eq!(q(query).hit(&maria), Some((Rank::NamePrefix, MatchedField::Name)), "{query}");
        }
        let plain = person("c-3", "Maria", "Gonzalez", "");
        assert_eq!(q("González").hit(&plain), Some((Rank::NamePrefix, MatchedField::Name)), "and the other way round");
        assert_eq!(q("onzalez").hit(&maria), None, "a prefix, not any substring");
        assert_eq!(q("maria smith").hit(&maria), None, "every word must match");
    }

    #[test]
    fn results_rank_exact_identifier_then_name_then_company_then_the_rest() {
        let contacts = vec![
            with(person("d", "Pat", "Lee", ""), |c| c.emails = vec!["orders@whitfield.example".into()]),
            person("c", "Sam", "Ortiz", "Whitfield Bakery"),
            person("e", "Nobody", "Else", "Acme"),
            person("b", "Dana", "Whitfield", ""),
            with(person("a", "Kim", "Ng", ""), |c| c.account_id = "WHITFIELD".into()),
        ];
        let ranked = q("whitfield").rank(contacts);
        assert_eq!(ids(&ranked), ["a", "b", "c", "d"]);
        let matched: Vec<_> = ranked.iter().map(|c| c.matched.clone().unwrap()).collect();
        assert_eq!(matched, [MatchedField::AccountId, MatchedField::Name, MatchedField::Company, MatchedField::Email]);
    }

    #[test]
    fn a_shared_number_finds_everyone_holding_it_in_name_order() {
        let landline = "+14155550123".to_owned();
        let contacts = vec![
            with(person("c-9", "Sam", "Whitfield", ""), |c| c.phones = vec![landline.clone()]),
            with(person("c-1", "Dana", "Whitfield", ""), |c| c.phones = vec!["+14155550100".into(), landline.clone()]),
            with(person("c-5", "Ana", "Silva", ""), |c| c.phones = vec!["+351912345678".into()]),
        ];
        for query in ["+1 415 555 0123", "(415) 555-0123", "4155550123"] {
            let ranked = q(query).rank(contacts.clone());
            assert_eq!(ids(&ranked), ["c-1", "c-9"], "{query}");
            assert!(ranked.iter().all(|c| c.matched == Some(MatchedField::Phone)));
        }
        let tail = q("0123").rank(contacts.clone());
        assert_eq!(ids(&tail), ["c-1", "c-9"], "by its last four digits too");
        assert_eq!(q("0123").hit(&contacts[0]), Some((Rank::Other, MatchedField::Phone)));
        assert_eq!(q("+1 415 555 0123").hit(&contacts[0]), Some((Rank::ExactIdentifier, MatchedField::Phone)));
    }

    #[test]
    fn emails_match_whole_by_address_start_or_by_domain() {
        let dana = with(person("c-1", "Dana", "Whitfield", ""), |c| c.emails = vec!["dana@example.com".into()]);
        assert_eq!(q("Dana@Example.com").hit(&dana), Some((Rank::ExactIdentifier, MatchedField::Email)));
        assert_eq!(q("dana@exa").hit(&dana), Some((Rank::Other, MatchedField::Email)));
        assert_eq!(q("@example").hit(&dana), Some((Rank::Other, MatchedField::Email)));
        assert_eq!(q("example.co").hit(&dana), Some((Rank::Other, MatchedField::Email)));
        assert_eq!(q("dana").hit(&dana), Some((Rank::NamePrefix, MatchedField::Name)), "the name outranks the email");
        assert_eq!(q("ana@").hit(&dana), None);
    }

    #[test]
    fn account_ids_match_whole_or_by_their_start_case_insensitively() {
        let dana = with(person("c-1", "Dana", "Whitfield", ""), |c| c.account_id = "ACCT-1042".into());
        assert_eq!(q("acct-1042").hit(&dana), Some((Rank::ExactIdentifier, MatchedField::AccountId)));
        assert_eq!(q("acct-10").hit(&dana), Some((Rank::Other, MatchedField::AccountId)));
        let numeric = with(person("c-2", "Kim", "Ng", ""), |c| c.account_id = "104277".into());
        assert_eq!(
            q("1042").hit(&numeric),
            Some((Rank::Other, MatchedField::AccountId)),
            "a number may be an account ID"
        );
    }

    #[test]
    fn words_may_spread_over_name_and_company() {
        let dana = person("c-1", "Dana", "Whitfield", "Whitfield Bakery");
        assert_eq!(q("dana bakery").hit(&dana), Some((Rank::Other, MatchedField::Name)));
        assert_eq!(q("bakery").hit(&dana), Some((Rank::Company, MatchedField::Company)));
    }

    #[test]
    fn search_syntax_and_sql_are_just_text() {
        let dana = person("c-1", "Dana", "Whitfield", "");
        assert_eq!(q("whit*").hit(&dana), q("whit").hit(&dana), "* is not a wildcard, just a separator");
        assert_eq!(q("dana\" OR 1=1 --").hit(&dana), None);
        assert_eq!(q("NEAR(dana whit)").hit(&dana), None);
        assert_eq!(q("'; DROP TABLE contacts; --").hit(&dana), None);
        assert_eq!(q("--").hit(&dana), None, "no words, nothing matches");
    }
}
