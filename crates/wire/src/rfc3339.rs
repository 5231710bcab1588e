//! Reading the API's times (RFC 3339, as chrono writes them) with chrono's RFC 3339 parser, which
//! the rules use anyway. chrono's own `Deserialize` goes through its general format parser
//! instead, which the panel's bundle would carry only for this (docs/performance.md). Use with
//! `#[serde(deserialize_with = "crate::rfc3339::utc")]` or `…::offset`.

use chrono::{DateTime, FixedOffset, Utc};
use serde::Deserialize;
use serde::de::{Deserializer, Error};

/// A time with the offset it was written with (`2026-03-02T17:00:00+01:00`).
pub fn offset<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<FixedOffset>, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    DateTime::parse_from_rfc3339(&text).map_err(|e| D::Error::custom(format!("{e}: {text}")))
}

/// A time in UTC (`2026-03-02T16:00:00Z`; any offset is converted).
pub fn utc<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    offset(deserializer).map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct At {
        #[serde(deserialize_with = "super::offset")]
        due: chrono::DateTime<chrono::FixedOffset>,
        #[serde(deserialize_with = "super::utc")]
        saved: chrono::DateTime<chrono::Utc>,
    }

    #[test]
    fn reads_what_chrono_writes_and_names_what_it_cannot() {
        let due: chrono::DateTime<chrono::FixedOffset> = "2026-03-02T17:00:00+01:00".parse().unwrap();
        let saved = chrono::DateTime::from_timestamp_millis(1_772_467_200_123).unwrap();
        let text = serde_json::json!({"due": due, "saved": saved}).to_string();
        let at: At = serde_json::from_str(&text).unwrap();
        assert_eq!((at.due, at.saved), (due, saved));
        assert_eq!(at.due.offset().local_minus_utc(), 3600);
        let bad = serde_json::from_str::<At>(r#"{"due": "tomorrow", "saved": "2026-03-02T16:00:00Z"}"#);
        assert!(bad.err().unwrap().to_string().contains("tomorrow"));
    }
}
