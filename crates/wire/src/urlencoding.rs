//! `application/x-www-form-urlencoded` components, as query strings use them: one implementation
//! for the server (which refuses malformed input) and the panel (which builds request URLs).

/// Decodes one component: `%XX` escapes and `+` as space. `None` for a malformed escape or bytes
/// that are not UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Encodes one component: unreserved characters stay, everything else becomes `%XX`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
    }

    #[test]
    fn malformed_escapes_are_refused() {
        for s in ["%", "%2", "%zz", "%ff%fe"] {
            assert_eq!(decode(s), None, "{s}");
        }
        assert_eq!(parse_pairs("a=1&b=%zz"), None);
        assert_eq!(parse_pairs("a=1&&b").unwrap(), vec![("a".into(), "1".into()), ("b".into(), String::new())]);
    }
}
