//! The agent's language and time zone: [`AgentIntl`], the typed context that holds the
//! [`Formatters`] (dates, times, region names) built once per locale and zone; phone numbers as
//! an agent reads them ([`phone`]); raw values as words ([`text`]). In the browser through its
//! `Intl` (the bundle carries no locale tables); natively (unit tests) in English.

#[cfg(target_arch = "wasm32")]
mod browser;
mod context;
#[cfg(not(target_arch = "wasm32"))]
mod english;
pub mod phone;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub use browser::{Formatters, accepts, browser_locale};
pub use context::{AgentIntl, use_intl};
#[cfg(not(target_arch = "wasm32"))]
pub use english::{Formatters, accepts, browser_locale};

/// Minutes east of UTC, as the agent's browser keeps time now.
pub fn offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// An ISO-8601 UTC timestamp with milliseconds (`2024-08-23T08:00:00.000Z`), for `<time datetime>`.
pub fn iso_instant(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_read_as_iso_8601_in_utc() {
        assert_eq!(iso_instant(1_724_400_000_000), "2024-08-23T08:00:00.000Z");
    }
}
