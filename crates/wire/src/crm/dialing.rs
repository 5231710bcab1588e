//! How the countries a contact centre meets dial their numbers: calling code, national trunk
//! prefix, international (IDD) prefix and plausible national lengths — what it takes to turn a
//! national number typed with the tenant's default country into E.164.
//!
//! The lengths are plausibility bounds of the national significant number (without trunk
//! prefix), not a numbering plan: they keep "12" or a 15-digit typo from becoming a "valid"
//! number, nothing more. Full validation needs libphonenumber's metadata. Its Rust port,
//! `phonenumber` 0.3.10, is too heavy for the panel: in a probe wasm built with this workspace's
//! release profile and `wasm-opt -Oz`, reading a number with it adds 1.68 MB (458 KB gzip) —
//! more than twice the whole panel (191 KB gzip) — where this table, `normalize_phone_in` and
//! [`fold`](super::fold) together add 5.7 KB (2.7 KB gzip). So the panel's pre-check stays on
//! this table; the server could add the crate behind these same functions, a server-only
//! dependency, if stricter numbering-plan checks are ever wanted.

/// One country's dialling rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialing {
    /// ISO 3166-1 alpha-2 code.
    pub country: &'static str,
    /// Country calling code, digits only (`44`).
    pub calling_code: &'static str,
    /// National trunk prefixes dropped in E.164 (`0`; NANP's `1`); empty where none is used
    /// (Italy keeps its leading `0` in E.164).
    pub trunk_prefixes: &'static [&'static str],
    /// The international prefix dialled from this country before a calling code (`00`, `011`).
    pub international_prefix: &'static str,
    /// Shortest and longest national significant number.
    pub national_len: (u8, u8),
}

const fn d(
    country: &'static str,
    calling_code: &'static str,
    trunk_prefixes: &'static [&'static str],
    international_prefix: &'static str,
    min: u8,
    max: u8,
) -> Dialing {
    Dialing { country, calling_code, trunk_prefixes, international_prefix, national_len: (min, max) }
}

const ZERO: &[&str] = &["0"];
const NONE: &[&str] = &[];

/// The table, by region. Calling codes are prefix-free (ITU), so a number's code is found by
/// trying each; a code some countries share (`1`, `7`) appears once per country.
pub const COUNTRIES: &[Dialing] = &[
    // North American Numbering Plan: ten digits, area code and exchange never start with 0 or 1.
    d("US", "1", &["1"], "011", 10, 10),
    d("CA", "1", &["1"], "011", 10, 10),
    d("PR", "1", &["1"], "011", 10, 10),
    d("MX", "52", NONE, "00", 10, 10),
    // European Union and EEA.
    d("AT", "43", ZERO, "00", 4, 13),
    d("BE", "32", ZERO, "00", 8, 9),
    d("BG", "359", ZERO, "00", 7, 9),
    d("HR", "385", ZERO, "00", 8, 9),
    d("CY", "357", NONE, "00", 8, 8),
    d("CZ", "420", NONE, "00", 9, 9),
    d("DK", "45", NONE, "00", 8, 8),
    d("EE", "372", NONE, "00", 7, 8),
    d("FI", "358", ZERO, "00", 5, 12),
    d("FR", "33", ZERO, "00", 9, 9),
    d("DE", "49", ZERO, "00", 6, 13),
    d("GR", "30", NONE, "00", 10, 10),
    d("HU", "36", &["06"], "00", 8, 9),
    d("IE", "353", ZERO, "00", 7, 10),
    d("IT", "39", NONE, "00", 6, 11),
    d("LV", "371", NONE, "00", 8, 8),
    // Lithuania moved its trunk prefix from 8 to 0; both are still typed.
    d("LT", "370", &["0", "8"], "00", 8, 8),
    d("LU", "352", NONE, "00", 4, 11),
    d("MT", "356", NONE, "00", 8, 8),
    d("NL", "31", ZERO, "00", 9, 9),
    d("PL", "48", NONE, "00", 9, 9),
    d("PT", "351", NONE, "00", 9, 9),
    d("RO", "40", ZERO, "00", 9, 9),
    d("SK", "421", ZERO, "00", 9, 9),
    d("SI", "386", ZERO, "00", 8, 8),
    d("ES", "34", NONE, "00", 9, 9),
    d("SE", "46", ZERO, "00", 6, 10),
    d("IS", "354", NONE, "00", 7, 9),
    d("LI", "423", NONE, "00", 7, 9),
    d("NO", "47", NONE, "00", 8, 8),
    // Rest of Europe.
    d("GB", "44", ZERO, "00", 7, 10),
    d("CH", "41", ZERO, "00", 9, 9),
    d("UA", "380", ZERO, "00", 9, 9),
    d("TR", "90", ZERO, "00", 10, 10),
    // Asia-Pacific.
    d("AU", "61", ZERO, "0011", 6, 10),
    d("NZ", "64", ZERO, "00", 8, 10),
    d("JP", "81", ZERO, "010", 9, 10),
    d("IN", "91", ZERO, "00", 10, 10),
    d("SG", "65", NONE, "000", 8, 8),
    d("HK", "852", NONE, "001", 8, 8),
    d("PH", "63", ZERO, "00", 8, 10),
    d("MY", "60", ZERO, "00", 8, 10),
    d("CN", "86", ZERO, "00", 7, 11),
    d("KR", "82", ZERO, "001", 8, 10),
    // Middle East and Africa.
    d("AE", "971", ZERO, "00", 8, 9),
    d("SA", "966", ZERO, "00", 8, 9),
    d("IL", "972", ZERO, "00", 8, 9),
    d("ZA", "27", ZERO, "00", 9, 9),
    d("NG", "234", ZERO, "009", 8, 10),
    d("EG", "20", ZERO, "00", 8, 10),
    // Latin America.
    d("BR", "55", ZERO, "00", 10, 11),
    d("AR", "54", ZERO, "00", 10, 11),
    d("CO", "57", NONE, "00", 10, 10),
    d("CL", "56", NONE, "00", 9, 9),
    d("PE", "51", ZERO, "00", 8, 9),
];

/// The rules of `country` (ISO alpha-2, any case).
pub fn dialing(country: &str) -> Option<&'static Dialing> {
    COUNTRIES.iter().find(|d| d.country.eq_ignore_ascii_case(country.trim()))
}

/// The calling code of an E.164 number (or of its digits), if the table knows it.
pub fn calling_code_of(number: &str) -> Option<&'static str> {
    let digits = number.strip_prefix('+').unwrap_or(number);
    COUNTRIES.iter().map(|d| d.calling_code).find(|code| digits.starts_with(code))
}

/// The country of an E.164 number when its calling code belongs to exactly one country of the
/// table (`+44…` → `GB`); `None` for shared codes (`+1…`) and unknown ones.
pub fn phone_country(e164: &str) -> Option<&'static str> {
    let code = calling_code_of(e164)?;
    let mut of_code = COUNTRIES.iter().filter(|d| d.calling_code == code);
    match (of_code.next(), of_code.next()) {
        (Some(only), None) => Some(only.country),
        _ => None,
    }
}

/// Every trunk prefix in use with `calling_code` (`0` for `44`, `1` for `1`), each once.
pub fn trunk_prefixes_of(calling_code: &str) -> Vec<&'static str> {
    let mut prefixes: Vec<&'static str> = Vec::new();
    for d in COUNTRIES.iter().filter(|d| d.calling_code == calling_code) {
        for t in d.trunk_prefixes {
            if !prefixes.contains(t) {
                prefixes.push(t);
            }
        }
    }
    prefixes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_consistent() {
        for (i, a) in COUNTRIES.iter().enumerate() {
            assert!(a.country.len() == 2 && a.country.bytes().all(|b| b.is_ascii_uppercase()), "{a:?}");
            assert!(a.calling_code.bytes().all(|b| b.is_ascii_digit()) && !a.calling_code.starts_with('0'));
            assert!(a.national_len.0 <= a.national_len.1);
            assert!(a.calling_code.len() + a.national_len.1 as usize <= 15, "E.164 has at most 15 digits: {a:?}");
            for b in &COUNTRIES[i + 1..] {
                assert_ne!(a.country, b.country, "one row per country");
                let prefix_clash = a.calling_code != b.calling_code
                    && (a.calling_code.starts_with(b.calling_code) || b.calling_code.starts_with(a.calling_code));
                assert!(!prefix_clash, "calling codes are prefix-free: {} {}", a.country, b.country);
            }
        }
    }

    #[test]
    fn countries_and_codes_are_found_both_ways() {
        assert_eq!(dialing("gb").map(|d| d.calling_code), Some("44"));
        assert_eq!(dialing("XX"), None);
        assert_eq!(calling_code_of("+14155550100"), Some("1"));
        assert_eq!(calling_code_of("+3538712345678"), Some("353"));
        assert_eq!(phone_country("+442079460001"), Some("GB"));
        assert_eq!(phone_country("+14155550100"), None, "+1 is shared by the NANP countries");
        assert_eq!(phone_country("+9999"), None);
        assert_eq!(trunk_prefixes_of("1"), ["1"]);
        assert_eq!(trunk_prefixes_of("370"), ["0", "8"]);
        assert_eq!(trunk_prefixes_of("39").len(), 0);
    }
}
