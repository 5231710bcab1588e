//! `application/x-www-form-urlencoded` components, as query strings use them: one implementation
//! for the server (which refuses malformed input) and the panel (which builds request URLs), on the
//! `percent-encoding` crate. The crate's decoder passes a malformed escape through unchanged, which
//! is right for a browser but not for a server that must refuse what it cannot read, so every `%`
//! is first checked to start exactly two hex digits.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// Everything but the unreserved characters of RFC 3986 (`A–Z a–z 0–9 - . _ ~`) is escaped.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Decodes one component: `%XX` escapes and `+` as space. `None` for a malformed escape (`%`
/// not followed by two hex digits) or bytes that are not UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let well_formed = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'%')
        .all(|(i, _)| bytes.get(i + 1..i + 3).is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)));
    if !well_formed {
        return None;
    }
    let spaced = s.replace('+', " ");
    percent_decode_str(&spaced).decode_utf8().ok().map(|c| c.into_owned())
}

/// Encodes one component: unreserved characters stay, everything else becomes `%XX`.
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

/// Splits a query string (without `?`) into decoded pairs; `None` if any part is malformed.
pub fn parse_pairs(query: &str) -> Option<Vec<(String, String)>> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            Some((decode(k)?, decode(v)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_identities() {
        for s in ["+14155550100", "maria.gonzalez@example.com", "a b&c=d/é"] {
            assert_eq!(decode(&encode(s)).as_deref(), Some(s));
        }
        assert_eq!(encode("+1 415"), "%2B1%20415");
        assert_eq!(decode("a+b%40c").as_deref(), Some("a b@c"));
        assert_eq!(decode("%2b%2B").as_deref(), Some("++"), "either case of hex digit");
    }

    #[test]
    fn malformed_escapes_are_refused() {
        // `%+f` and `%-1` parse with `u8::from_str_radix` (a sign is allowed there): not an escape.
        for s in ["%", "%2", "%zz", "%ff%fe", "%+f", "%-1", "a%2"] {
            assert_eq!(decode(s), None, "{s}");
        }
        assert_eq!(parse_pairs("a=1&b=%zz"), None);
        assert_eq!(parse_pairs("a=1&&b").unwrap(), vec![("a".into(), "1".into()), ("b".into(), String::new())]);
    }
}
