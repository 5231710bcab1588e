//! Dates and times in the agent's language and time zone, through the browser's `Intl` (no locale
//! tables in the bundle). Natively (unit tests) an English rendering stands in.

use chrono::{Local, NaiveDate, TimeZone};

use super::prefs;
use crate::history::days::DayLabel;

/// The agent's locale: the host's choice, else the browser's first preferred language, else `en-US`.
pub fn agent_locale() -> String {
    if let Some(locale) = prefs::locale() {
        return locale;
    }
    #[cfg(target_arch = "wasm32")]
    if let Some(lang) = web_sys::window().and_then(|w| w.navigator().language()) {
        return lang;
    }
    "en-US".to_owned()
}

/// The agent's calendar day of an epoch-ms instant (in the host's time zone when it set one).
pub fn local_day(ms: i64) -> NaiveDate {
    if let Some(day) = prefs::time_zone().and_then(|zone| day_in_zone(ms, &zone)) {
        return day;
    }
    Local.timestamp_millis_opt(ms).single().map(|t| t.date_naive()).unwrap_or_default()
}

/// The agent's today.
pub fn today() -> NaiveDate {
    local_day(chrono::Utc::now().timestamp_millis())
}

/// The calendar day of `ms` in `zone`, read from `Intl` as `YYYY-MM-DD` (the `en-CA` form).
fn day_in_zone(ms: i64, zone: &str) -> Option<NaiveDate> {
    let text =
        format_instant_in(ms, "en-CA", Some(zone), &[("year", "numeric"), ("month", "2-digit"), ("day", "2-digit")])?;
    let mut parts = text.split('-').map(|p| p.trim().parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// A day heading in the agent's language ("Today", "Yesterday", "Tuesday", "3 March", "3 March 2025").
pub fn format_day(label: DayLabel, locale: &str) -> String {
    match label {
        DayLabel::Today => relative_day(0, locale).unwrap_or_else(|| "Today".into()),
        DayLabel::Yesterday => relative_day(-1, locale).unwrap_or_else(|| "Yesterday".into()),
        DayLabel::Weekday(day) => {
            format_date(day, locale, &[("weekday", "long")]).unwrap_or_else(|| fallback::weekday(day))
        }
        DayLabel::Date { date, with_year } => {
            let mut options = vec![("weekday", "short"), ("day", "numeric"), ("month", "short")];
            if with_year {
                options.push(("year", "numeric"));
            }
            format_date(date, locale, &options).unwrap_or_else(|| fallback::date(date, with_year))
        }
    }
}

/// A time of day in the agent's language ("14:05", "2:05 PM").
pub fn format_time(ms: i64, locale: &str) -> String {
    format_instant(ms, locale, &[("hour", "numeric"), ("minute", "2-digit")]).unwrap_or_else(|| fallback::time(ms))
}

/// Full date and time, for a tooltip or a screen reader.
pub fn format_full(ms: i64, locale: &str) -> String {
    format_instant(ms, locale, &[("dateStyle", "full"), ("timeStyle", "short")]).unwrap_or_else(|| fallback::full(ms))
}

/// The calendar date of an instant ("3 Nov 2026").
pub fn format_calendar_date(ms: i64, locale: &str) -> String {
    format_instant(ms, locale, &[("day", "numeric"), ("month", "short"), ("year", "numeric")])
        .unwrap_or_else(|| local_day(ms).to_string())
}

/// A calendar day is formatted at its noon in UTC, in UTC, so no zone can move it to another day.
fn format_date(day: NaiveDate, locale: &str, options: &[(&str, &str)]) -> Option<String> {
    let ms = day.and_hms_opt(12, 0, 0)?.and_utc().timestamp_millis();
    format_instant_in(ms, locale, Some("UTC"), options)
}

/// An instant in the agent's time zone (the host's choice, else the browser's).
fn format_instant(ms: i64, locale: &str, options: &[(&str, &str)]) -> Option<String> {
    format_instant_in(ms, locale, prefs::time_zone().as_deref(), options)
}

#[cfg(target_arch = "wasm32")]
fn format_instant_in(ms: i64, locale: &str, zone: Option<&str>, options: &[(&str, &str)]) -> Option<String> {
    use js_sys::{Array, Date, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;
    let opts = Object::new();
    if let Some(zone) = zone {
        Reflect::set(&opts, &"timeZone".into(), &JsValue::from_str(zone)).ok()?;
    }
    for (k, v) in options {
        Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
    }
    let format = Intl::DateTimeFormat::new(&Array::of1(&JsValue::from_str(locale)), &opts).format();
    format.call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(ms as f64))).ok()?.as_string()
}

#[cfg(not(target_arch = "wasm32"))]
fn format_instant_in(_ms: i64, _locale: &str, _zone: Option<&str>, _options: &[(&str, &str)]) -> Option<String> {
    None
}

#[cfg(target_arch = "wasm32")]
fn relative_day(offset: i32, locale: &str) -> Option<String> {
    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;
    let opts = Object::new();
    Reflect::set(&opts, &"numeric".into(), &"auto".into()).ok()?;
    let rtf = Intl::RelativeTimeFormat::new(&Array::of1(&JsValue::from_str(locale)), &opts);
    let text: String = rtf.format(f64::from(offset), "day").into();
    (!text.is_empty()).then(|| super::text::capitalize(&text))
}

#[cfg(not(target_arch = "wasm32"))]
fn relative_day(_offset: i32, _locale: &str) -> Option<String> {
    None
}

/// An ISO-8601 UTC timestamp for `<time datetime>`: the browser's own `Date.toISOString` in the
/// panel (chrono's formatter stays out of the bundle), chrono natively.
pub fn iso_instant(ms: i64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).to_iso_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        chrono::DateTime::from_timestamp_millis(ms).map(|t| t.to_rfc3339()).unwrap_or_default()
    }
}

/// English renderings for native builds (unit tests); the browser build never needs them, so
/// chrono's strftime machinery is not compiled into the bundle.
mod fallback {
    use chrono::NaiveDate;

    #[cfg(not(target_arch = "wasm32"))]
    pub fn weekday(day: NaiveDate) -> String {
        day.format("%A").to_string()
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn date(date: NaiveDate, with_year: bool) -> String {
        date.format(if with_year { "%a %-d %b %Y" } else { "%a %-d %b" }).to_string()
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn time(ms: i64) -> String {
        use chrono::{Local, TimeZone};
        Local.timestamp_millis_opt(ms).single().map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn full(ms: i64) -> String {
        use chrono::{Local, TimeZone};
        Local.timestamp_millis_opt(ms).single().map(|t| t.format("%a %-d %b %Y, %H:%M").to_string()).unwrap_or_default()
    }

    #[cfg(target_arch = "wasm32")]
    pub fn weekday(day: NaiveDate) -> String {
        day.to_string()
    }

    #[cfg(target_arch = "wasm32")]
    pub fn date(date: NaiveDate, _with_year: bool) -> String {
        date.to_string()
    }

    #[cfg(target_arch = "wasm32")]
    pub fn time(_ms: i64) -> String {
        String::new()
    }

    #[cfg(target_arch = "wasm32")]
    pub fn full(_ms: i64) -> String {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_fallbacks_read_in_english() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        assert_eq!(format_day(DayLabel::Today, "en-US"), "Today");
        assert_eq!(format_day(DayLabel::Weekday(d), "en-US"), "Tuesday");
        assert_eq!(format_day(DayLabel::Date { date: d, with_year: true }, "en-US"), "Tue 4 Mar 2025");
        assert_eq!(format_day(DayLabel::Date { date: d, with_year: false }, "en-US"), "Tue 4 Mar");
    }
}
