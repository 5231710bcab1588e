//! Phones as one identity across formats: what an agent types (`(415) 555-0100`, `020 7946 0001`,
//! `+44 20 …`) becomes the one E.164 form contacts store, and a search finds a stored number by
//! its digits, with or without country code, or by its last four or more digits.
//!
//! Built on `identity::normalize_phone` (international forms) and the compact table in
//! [`dialing`](super::dialing) (national forms); see there for why not `phonenumber`.

use super::dialing::{self, Dialing};
use crate::identity::{dial_string, is_e164, normalize_phone};

/// Fewest trailing digits that find a phone by its end (`0100` finds `+14155550100`).
pub const PHONE_TAIL_MIN: usize = 4;

/// The E.164 form of a number as an agent types it.
///
/// International forms (`+44 20 7946 0001`, `0044 …`) are read as `normalize_phone` reads them.
/// With the tenant's `default_country` (ISO alpha-2), a national number is read too: its trunk
/// prefix dropped (`020 7946 0001` in GB → `+442079460001`, `1 415 555 0100` in the US →
/// `+14155550100`), the country's own international prefix understood (`011 44 …` from the US),
/// and a calling code typed without `+` recognised. `None` when the number cannot be read
/// without guessing: letters, no country, or a length the country never uses.
pub fn normalize_phone_in(input: &str, default_country: Option<&str>) -> Option<String> {
    let Some(country) = default_country.and_then(dialing::dialing) else { return normalize_phone(input) };
    let dialled = dial_string(input)?;
    if dialled.starts_with('+') {
        return normalize_phone(&dialled);
    }
    if let Some(rest) = dialled.strip_prefix(country.international_prefix) {
        let e164 = format!("+{rest}");
        return is_e164(&e164).then_some(e164);
    }
    if let Some(e164) = normalize_phone(&dialled) {
        return Some(e164);
    }
    national_forms(&dialled, country)
        .into_iter()
        .find(|nsn| plausible(nsn, country))
        .map(|nsn| format!("+{}{nsn}", country.calling_code))
        .filter(|e164| is_e164(e164))
}

/// The national significant numbers `digits` may stand for, most likely first: without a trunk
/// prefix, as typed, without a calling code typed without `+`.
fn national_forms<'a>(digits: &'a str, country: &Dialing) -> Vec<&'a str> {
    let mut forms: Vec<&str> = country.trunk_prefixes.iter().filter_map(|t| digits.strip_prefix(t)).collect();
    forms.push(digits);
    forms.extend(digits.strip_prefix(country.calling_code));
    forms
}

/// Whether `nsn` could be a national significant number of `country`.
fn plausible(nsn: &str, country: &Dialing) -> bool {
    let (min, max) = country.national_len;
    let fits = (usize::from(min)..=usize::from(max)).contains(&nsn.len());
    let b = nsn.as_bytes();
    let well_led = match country.calling_code {
        // NANP: area code and exchange both start with 2–9.
        "1" => b.len() == 10 && b[0] >= b'2' && b[3] >= b'2',
        // Where a trunk prefix is dialled, significant numbers never start with 0 (Italy's do).
        _ => country.trunk_prefixes.is_empty() || b.first() != Some(&b'0'),
    };
    fits && well_led
}

/// The digits of `s`, in order (`+1 (415) 55` → `141555`): how queries and numbers are compared.
pub fn digits_of(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Whether `query` reads as a phone number being typed: digits with phone punctuation only.
pub fn is_phone_query(query: &str) -> bool {
    dial_string(query).is_some_and(|d| d.bytes().any(|b| b.is_ascii_digit()))
}

/// The digits of a phone query and whether they were typed as an international number (after
/// `+` or `00`, which are left out); `None` for a query that is not a phone number.
pub fn query_number(query: &str) -> Option<(bool, String)> {
    let dialled = dial_string(query)?;
    let (international, digits) = match (dialled.strip_prefix('+'), dialled.strip_prefix("00")) {
        (Some(rest), _) | (None, Some(rest)) => (true, rest),
        (None, None) => (false, dialled.as_str()),
    };
    (!digits.is_empty()).then(|| (international, digits.to_owned()))
}

/// How a query's digits found a stored number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PhoneMatch {
    /// The whole number: E.164 with or without `+` or `00`, or the national number with or
    /// without its trunk prefix.
    Exact,
    /// The start of an international number being typed (`+44 20 79…`), at least
    /// [`PHONE_TAIL_MIN`] digits.
    Prefix,
    /// Its last [`PHONE_TAIL_MIN`] or more digits.
    Tail,
}

/// Whether phone `query` finds the stored `e164` number, and how.
pub fn match_phone(e164: &str, query: &str) -> Option<PhoneMatch> {
    let stored = e164.strip_prefix('+')?;
    let (international, q) = query_number(query)?;
    let q = q.as_str();
    if q == stored {
        return Some(PhoneMatch::Exact);
    }
    if international {
        return (q.len() >= PHONE_TAIL_MIN && stored.starts_with(q)).then_some(PhoneMatch::Prefix);
    }
    if let Some(code) = dialing::calling_code_of(stored) {
        let national = &stored[code.len()..];
        let with_trunk = dialing::trunk_prefixes_of(code).into_iter().any(|t| q.strip_prefix(t) == Some(national));
        if q == national || with_trunk {
            return Some(PhoneMatch::Exact);
        }
    }
    (q.len() >= PHONE_TAIL_MIN && stored.ends_with(q)).then_some(PhoneMatch::Tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn international_forms_read_as_before_whatever_the_default_country() {
        for country in [None, Some("US"), Some("GB"), Some("JP")] {
            assert_eq!(normalize_phone_in("+1 (415) 555-0100", country).as_deref(), Some("+14155550100"));
            assert_eq!(normalize_phone_in("0044 20 7946 0001", country).as_deref(), Some("+442079460001"));
        }
        assert_eq!(normalize_phone_in("+1 415 CALL NOW", Some("US")), None);
    }

    #[test]
    fn national_numbers_need_a_default_country() {
        assert_eq!(normalize_phone_in("(415) 555-0100", None), None, "never guessed");
        assert_eq!(normalize_phone_in("(415) 555-0100", Some("ZZ")), None, "unknown country");
        assert_eq!(normalize_phone_in("(415) 555-0100", Some("US")).as_deref(), Some("+14155550100"));
        assert_eq!(normalize_phone_in("(415) 555-0100", Some("us")).as_deref(), Some("+14155550100"));
    }

    #[test]
    fn the_trunk_prefix_of_a_national_number_is_dropped() {
        let cases = [
            ("GB", "020 7946 0001", "+442079460001"),
            ("GB", "07700 900123", "+447700900123"),
            ("US", "1-415-555-0100", "+14155550100"),
            ("US", "415.555.0100", "+14155550100"),
            ("CA", "(604) 555-0199", "+16045550199"),
            ("FR", "01 23 45 67 89", "+33123456789"),
            ("DE", "030 1234567", "+49301234567"),
            ("CH", "044 668 18 00", "+41446681800"),
            ("AU", "(02) 9876 5432", "+61298765432"),
            ("NZ", "021 123 4567", "+64211234567"),
            ("IN", "098765 43210", "+919876543210"),
            ("BR", "(11) 91234-5678", "+5511912345678"),
            ("MX", "55 1234 5678", "+525512345678"),
            ("JP", "03-1234-5678", "+81312345678"),
            ("HU", "06 1 234 5678", "+3612345678"),
            ("LT", "8 612 34567", "+37061234567"),
            ("LT", "0 612 34567", "+37061234567"),
        ];
        for (country, typed, e164) in cases {
            assert_eq!(normalize_phone_in(typed, Some(country)).as_deref(), Some(e164), "{typed} in {country}");
        }
    }

    #[test]
    fn countries_without_a_trunk_prefix_keep_every_digit() {
        assert_eq!(normalize_phone_in("06 6982 1234", Some("IT")).as_deref(), Some("+390669821234"));
        assert_eq!(normalize_phone_in("912 345 678", Some("ES")).as_deref(), Some("+34912345678"));
        assert_eq!(normalize_phone_in("20 12 34 56", Some("DK")).as_deref(), Some("+4520123456"));
    }

    #[test]
    fn a_country_s_own_international_prefix_and_a_code_without_plus_are_understood() {
        assert_eq!(normalize_phone_in("011 44 20 7946 0001", Some("US")).as_deref(), Some("+442079460001"));
        assert_eq!(normalize_phone_in("0011 44 20 7946 0001", Some("AU")).as_deref(), Some("+442079460001"));
        assert_eq!(normalize_phone_in("010 1 415 555 0100", Some("JP")).as_deref(), Some("+14155550100"));
        assert_eq!(normalize_phone_in("44 20 7946 0001", Some("GB")).as_deref(), Some("+442079460001"));
    }

    #[test]
    fn implausible_national_numbers_are_refused() {
        for (country, typed) in [
            ("US", "555-0100"),         // seven digits: no area code
            ("US", "(015) 555-0100"),   // area codes never start with 0
            ("US", "415 055 0100"),     // nor exchanges
            ("GB", "12"),               // far too short
            ("GB", "020 7946 0001 99"), // too long
            ("FR", "00 1"),             // an international prefix with nothing after it
            ("GB", "020 7946 ext 1"),   // letters
        ] {
            assert_eq!(normalize_phone_in(typed, Some(country)), None, "{typed} in {country}");
        }
    }

    #[test]
    fn a_stored_number_is_found_by_its_digits_in_any_format() {
        let dana = "+14155550100";
        for q in
            ["+14155550100", "+1 (415) 555-0100", "14155550100", "4155550100", "(415) 555-0100", "001 415 555 0100"]
        {
            assert_eq!(match_phone(dana, q), Some(PhoneMatch::Exact), "{q}");
        }
        let grace = "+442079460001";
        for q in ["020 7946 0001", "2079460001", "0044 20 7946 0001"] {
            assert_eq!(match_phone(grace, q), Some(PhoneMatch::Exact), "{q}");
        }
    }

    #[test]
    fn four_or_more_trailing_digits_find_a_number_fewer_do_not() {
        assert_eq!(match_phone("+14155550100", "0100"), Some(PhoneMatch::Tail));
        assert_eq!(match_phone("+14155550100", "555-0100"), Some(PhoneMatch::Tail));
        assert_eq!(match_phone("+14155550100", "100"), None);
        assert_eq!(match_phone("+14155550100", "0101"), None);
        assert_eq!(match_phone("+14155550100", "4155"), None, "the start of a national number is not a tail");
    }

    #[test]
    fn an_international_number_being_typed_finds_by_its_start() {
        assert_eq!(match_phone("+442079460001", "+44 20 79"), Some(PhoneMatch::Prefix));
        assert_eq!(match_phone("+442079460001", "+44"), None, "too few digits to mean anything");
        assert_eq!(match_phone("+442079460001", "+1 415"), None);
        assert_eq!(match_phone("+442079460001", "+0001"), None, "a + query is never a tail");
    }

    #[test]
    fn digits_and_phone_queries() {
        assert_eq!(digits_of("+1 (415) 55"), "141555");
        assert!(is_phone_query("+44 20"));
        assert!(is_phone_query("0100"));
        assert!(!is_phone_query("Dana 0100"));
        assert!(!is_phone_query("- ."));
    }
}
