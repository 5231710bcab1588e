//! What to highlight in a search result: the parts of a displayed name, company, phone number,
//! email or account ID that the query matched, as byte ranges for `<mark>` — by the same rules
//! that matched them (folded word prefixes, phone digits, address and domain starts).

use std::ops::Range;

use super::fold::{FoldedWord, folded_text, folded_words};
use super::phone::{PHONE_TAIL_MIN, PhoneMatch, match_phone, query_number};
use super::search::{QueryKind, SearchQuery};

impl SearchQuery {
    /// The byte ranges of displayed `text` (a name, a company, a formatted phone, an email) that
    /// the query matched, sorted and merged — for `<mark>`.
    pub fn highlight(&self, text: &str) -> Vec<Range<usize>> {
        let mut ranges = match self.kind {
            QueryKind::Phone => phone_ranges(text, &self.text),
            QueryKind::Email => email_ranges(text, &self.folded),
            QueryKind::Words => word_ranges(&folded_words(text), &self.words),
        };
        // A whole-text prefix (an account ID, the start of an email address).
        let whole = folded_text(text);
        if whole.folded.starts_with(&self.folded) {
            ranges.push(whole.original_prefix(self.folded.len()));
        }
        merge(ranges)
    }
}

/// The prefix of each word that the longest query word starting it covers.
fn word_ranges(words: &[FoldedWord], query_words: &[String]) -> Vec<Range<usize>> {
    words
        .iter()
        .filter_map(|w| {
            let longest = query_words.iter().filter(|q| w.folded.starts_with(q.as_str())).map(String::len).max()?;
            Some(w.original_prefix(longest))
        })
        .collect()
}

/// The `@domain` start a query beginning with `@` matched (`dana@exa` is a whole-text prefix).
fn email_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    if !query.starts_with('@') {
        return Vec::new();
    }
    let whole = folded_text(text);
    match whole.folded.find('@') {
        Some(at) if whole.folded[at..].starts_with(query) => vec![whole.original_range(at..at + query.len())],
        _ => Vec::new(),
    }
}

/// The digits of a displayed phone number (`+1 (415) 555-0100`) the query matched: all of them
/// for the whole number, the first for an international prefix, the last for a tail; for text
/// that is not an international number (an account ID), a leading or trailing run of digits.
fn phone_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    let Some((international, q)) = query_number(query) else { return Vec::new() };
    let positions: Vec<(usize, usize)> =
        text.char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(i, c)| (i, i + c.len_utf8())).collect();
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let n = digits.len();
    let as_e164 = text.trim_start().starts_with('+').then(|| format!("+{digits}"));
    let span = match as_e164.as_deref().and_then(|e| match_phone(e, query)) {
        Some(PhoneMatch::Exact) => Some(0..n),
        Some(PhoneMatch::Prefix) => Some(0..q.len()),
        Some(PhoneMatch::Tail) => Some(n - q.len()..n),
        None if as_e164.is_some() => None,
        None if digits == q => Some(0..n),
        None if !international && q.len() >= PHONE_TAIL_MIN && digits.ends_with(&q) => Some(n - q.len()..n),
        None if digits.starts_with(&q) => Some(0..q.len()),
        None => None,
    };
    span.filter(|s| !s.is_empty()).map(|s| positions[s.start].0..positions[s.end - 1].1).into_iter().collect()
}

/// Sorted, overlapping or touching ranges joined.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| !r.is_empty());
    crate::order::sort_small_by_key(&mut ranges, |r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked<'t>(text: &'t str, query: &str) -> Vec<&'t str> {
        SearchQuery::parse(query).unwrap().highlight(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn highlights_cover_the_matched_prefixes_in_the_text_as_displayed() {
        assert_eq!(marked("María González", "gonz"), ["Gonz"]);
        assert_eq!(marked("María González", "gonzalez maria"), ["María", "González"]);
        assert_eq!(marked("Maria Gonzalez", "Gonzá"), ["Gonza"]);
        assert_eq!(marked("Whitfield Bakery & Café", "cafe whit"), ["Whit", "Café"]);
        assert_eq!(marked("Dana Whitfield", "zz"), Vec::<&str>::new());
        assert_eq!(marked("O’Brien", "obri"), ["O’Bri"]);
    }

    #[test]
    fn highlights_in_phone_numbers_follow_the_digits() {
        assert_eq!(marked("+1 (415) 555-0100", "0100"), ["0100"]);
        assert_eq!(marked("+1 (415) 555-0100", "555-0100"), ["555-0100"]);
        assert_eq!(marked("+1 (415) 555-0100", "4155550100"), ["1 (415) 555-0100"]);
        assert_eq!(marked("+44 20 7946 0001", "+44 20 79"), ["+44 20 79"]);
        assert_eq!(marked("+1 (415) 555-0100", "4155"), Vec::<&str>::new(), "not a tail, not highlighted");
    }

    #[test]
    fn highlights_in_emails_and_account_ids() {
        assert_eq!(marked("dana@example.com", "dana@ex"), ["dana@ex"]);
        assert_eq!(marked("dana@example.com", "@exa"), ["@exa"]);
        assert_eq!(marked("dana@example.com", "exam"), ["exam"]);
        assert_eq!(marked("ACCT-1042", "acct-10"), ["ACCT-10"]);
    }
}
