//! The HTTP headers of the CRM's writes: versions as `ETag`s, `If-Match` to say which version a
//! change is based on (428 without it, 412 when stale), and `Idempotency-Key` so a retried create
//! returns the first record.

/// Response header carrying a record's version.
pub const ETAG: &str = "ETag";
/// Request header naming the version a `PATCH` changes.
pub const IF_MATCH: &str = "If-Match";
/// Request header making a retried `POST /activities` or wrap-up return the first result.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// The `ETag` of `version`: the number in quotes (`"3"`).
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The version an `If-Match` value names: one strong tag holding a version number. `None` for
/// anything else (a weak `W/"3"` tag never matches, a list or `*` is not a version).
pub fn if_match_version(value: &str) -> Option<i64> {
    let inner = value.trim().strip_prefix('"')?.strip_suffix('"')?;
    if inner.is_empty() || !inner.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    inner.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_round_trips_through_etag_and_if_match() {
        assert_eq!(etag(3), "\"3\"");
        assert_eq!(if_match_version(&etag(3)), Some(3));
        assert_eq!(if_match_version(" \"12\" "), Some(12));
    }

    #[test]
    fn anything_but_one_strong_version_tag_names_no_version() {
        for value in
            ["3", "W/\"3\"", "*", "\"3\", \"4\"", "\"\"", "\"-1\"", "\"+3\"", "\"abc\"", "\"99999999999999999999\""]
        {
            assert_eq!(if_match_version(value), None, "{value}");
        }
    }
}
