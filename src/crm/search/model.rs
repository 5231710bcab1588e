//! The search box's rules, framework-free: what each result shows (name, company, the phone or
//! email that matched, formatted, with the matched parts to mark), how the arrow keys move through
//! the results, and what is announced.

use std::ops::Range;

use c360_wire::crm::{ContactSummary, MatchedField, SearchQuery, match_phone};

use crate::intl::phone::readable;

/// How long typing must pause before a search goes out.
pub const DEBOUNCE_MS: i32 = 200;
/// Results asked for per search.
pub const LIMIT: usize = 10;

/// A line of text and the byte ranges of it to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// As shown.
    pub text: String,
    /// The parts the query matched.
    pub marks: Vec<Range<usize>>,
}

impl Line {
    fn of(text: String, query: &SearchQuery) -> Self {
        let marks = query.highlight(&text);
        Self { text, marks }
    }
}

/// Which identifier a result shows under its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailKind {
    /// A phone number, grouped for reading.
    Phone,
    /// An email address.
    Email,
    /// The account ID.
    Account,
}

/// What one result shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultLines {
    /// "First Last" (or "Unnamed contact").
    pub name: Line,
    /// The company, when there is one.
    pub company: Option<Line>,
    /// The phone or email that matched, else the first one there is.
    pub detail: Option<(DetailKind, Line)>,
}

/// The lines of result `contact` for `query`.
pub fn result_lines(contact: &ContactSummary, query: &SearchQuery) -> ResultLines {
    let name = contact.full_name();
    let name = if name.is_empty() { "Unnamed contact".to_owned() } else { name };
    let company = (!contact.company.is_empty()).then(|| Line::of(contact.company.clone(), query));
    let phone = |p: &String| (DetailKind::Phone, readable(p).text);
    let email = |e: &String| (DetailKind::Email, e.clone());
    let detail = match contact.matched {
        Some(MatchedField::Phone) => {
            contact.phones.iter().find(|p| match_phone(p, &query.text).is_some()).or(contact.phones.first()).map(phone)
        }
        Some(MatchedField::Email) => {
            contact.emails.iter().find(|e| !query.highlight(e).is_empty()).or(contact.emails.first()).map(email)
        }
        Some(MatchedField::AccountId) if !contact.account_id.is_empty() => {
            Some((DetailKind::Account, contact.account_id.clone()))
        }
        _ => contact.phones.first().map(phone).or_else(|| contact.emails.first().map(email)),
    };
    ResultLines {
        name: Line::of(name, query),
        company,
        detail: detail.map(|(kind, text)| (kind, Line::of(text, query))),
    }
}

/// A key that moves through the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// ↓
    Next,
    /// ↑
    Previous,
    /// Home
    First,
    /// End
    Last,
}

impl Move {
    /// The move a key (`KeyboardEvent.key`) makes, if any.
    pub fn of_key(key: &str) -> Option<Self> {
        match key {
            "ArrowDown" => Some(Move::Next),
            "ArrowUp" => Some(Move::Previous),
            "Home" => Some(Move::First),
            "End" => Some(Move::Last),
            _ => None,
        }
    }
}

/// The active result after `step` among `len` results: ↓ and ↑ wrap around, and start from the
/// first (↓) or the last (↑) when none is active.
pub fn moved(active: Option<usize>, len: usize, step: Move) -> Option<usize> {
    let last = len.checked_sub(1)?;
    Some(match (step, active) {
        (Move::First, _) | (Move::Next, None) => 0,
        (Move::Last, _) | (Move::Previous, None) => last,
        (Move::Next, Some(i)) if i >= last => 0,
        (Move::Next, Some(i)) => i + 1,
        (Move::Previous, Some(0)) => last,
        (Move::Previous, Some(i)) => (i - 1).min(last),
    })
}

/// An empty page that may not be the whole answer: the server checks a bounded number of
/// contacts for two very common word starts (`jon ba`), so "No contacts match" would be untrue.
pub const NONE_YET: &str = "No match among the closest contacts: keep typing to narrow the search.";

/// What the polite live region says about an answer.
pub fn found_text(count: usize, more: bool) -> String {
    match (count, more) {
        (0, false) => "No contacts match".to_owned(),
        (0, true) => NONE_YET.to_owned(),
        (1, false) => "1 contact found".to_owned(),
        (n, false) => format!("{n} contacts found"),
        (n, true) => format!("{n} contacts shown; more match, keep typing to narrow them down"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(first: &str, last: &str, company: &str, phones: &[&str], emails: &[&str]) -> ContactSummary {
        ContactSummary {
            contact_id: format!("c-{first}"),
            first_name: first.into(),
            last_name: last.into(),
            company: company.into(),
            account_id: "acct-1042".into(),
            emails: emails.iter().map(|e| (*e).to_owned()).collect(),
            phones: phones.iter().map(|p| (*p).to_owned()).collect(),
            matched: None,
        }
    }

    fn ranked(query: &str, contact: ContactSummary) -> (SearchQuery, ContactSummary) {
        let q = SearchQuery::parse(query).unwrap();
        let hit = q.rank(vec![contact]).pop().expect("it matches");
        (q, hit)
    }

    fn marked(line: &Line) -> Vec<&str> {
        line.marks.iter().map(|r| &line.text[r.clone()]).collect()
    }

    #[test]
    fn a_phone_match_shows_the_matching_number_grouped_with_the_digits_marked() {
        let dana = summary("Dana", "Whitfield", "Whitfield Bakery", &["+14155550100", "+14155550123"], &[]);
        let (q, hit) = ranked("0123", dana);
        let lines = result_lines(&hit, &q);
        let (kind, line) = lines.detail.unwrap();
        assert_eq!((kind, line.text.as_str()), (DetailKind::Phone, "+1 415 555 0123"), "the second number, grouped");
        assert_eq!(marked(&line), ["0123"]);
        assert!(lines.name.marks.is_empty());
        assert_eq!(lines.company.unwrap().text, "Whitfield Bakery");
    }

    #[test]
    fn a_name_match_marks_the_name_and_shows_the_first_identifier() {
        let maria = summary("María", "González", "", &[], &["maria.gonzalez@example.com"]);
        let (q, hit) = ranked("gonz mar", maria);
        let lines = result_lines(&hit, &q);
        assert_eq!(marked(&lines.name), ["Mar", "Gonz"]);
        assert_eq!(lines.company, None);
        assert_eq!(lines.detail.unwrap().1.text, "maria.gonzalez@example.com");
    }

    #[test]
    fn email_and_account_matches_show_what_matched() {
        let dana = summary("Dana", "Whitfield", "", &["+14155550100"], &["orders@bakery.example", "dana@example.com"]);
        let (q, hit) = ranked("dana@ex", dana.clone());
        let (kind, line) = result_lines(&hit, &q).detail.unwrap();
        assert_eq!((kind, marked(&line)), (DetailKind::Email, vec!["dana@ex"]));
        let (q, hit) = ranked("acct-10", dana);
        let (kind, line) = result_lines(&hit, &q).detail.unwrap();
        assert_eq!((kind, marked(&line)), (DetailKind::Account, vec!["acct-10"]));
        let nameless = summary("", "", "", &["+14155550100"], &[]);
        let (q, hit) = ranked("0100", nameless);
        assert_eq!(result_lines(&hit, &q).name.text, "Unnamed contact");
    }

    #[test]
    fn arrows_wrap_and_home_end_jump() {
        assert_eq!(moved(None, 3, Move::Next), Some(0));
        assert_eq!(moved(None, 3, Move::Previous), Some(2));
        assert_eq!(moved(Some(2), 3, Move::Next), Some(0));
        assert_eq!(moved(Some(0), 3, Move::Previous), Some(2));
        assert_eq!(moved(Some(1), 3, Move::First), Some(0));
        assert_eq!(moved(Some(1), 3, Move::Last), Some(2));
        assert_eq!(moved(Some(5), 3, Move::Previous), Some(2), "a stale index stays in range");
        assert_eq!(moved(None, 0, Move::Next), None);
        assert_eq!(Move::of_key("Home"), Some(Move::First));
        assert_eq!(Move::of_key("a"), None);
    }

    #[test]
    fn the_count_is_announced_in_words() {
        assert_eq!(found_text(0, false), "No contacts match");
        assert_eq!(found_text(0, true), NONE_YET);
        assert_eq!(found_text(1, false), "1 contact found");
        assert_eq!(found_text(3, false), "3 contacts found");
        assert!(found_text(10, true).starts_with("10 contacts shown; more match"));
    }
}
