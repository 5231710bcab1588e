//! [`Formatters`] outside the browser (native unit tests): the same interface, in English, with
//! chrono in the machine's own time zone. The browser build never compiles this.

use chrono::{DateTime, Local, NaiveDate, TimeZone};

/// Dates, times and region names, in English.
pub struct Formatters {
    locale: String,
    zone: Option<String>,
}

impl Formatters {
    /// Formatters for `locale` in `zone` (both only remembered here).
    pub fn new(locale: &str, zone: Option<&str>) -> Self {
        Self { locale: locale.to_owned(), zone: zone.map(str::to_owned) }
    }

    /// The locale.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The time zone the host chose, if any.
    pub fn zone(&self) -> Option<&str> {
        self.zone.as_deref()
    }

    /// A time of day ("14:05").
    pub fn time(&self, ms: i64) -> String {
        local(ms).map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
    }

    /// The weekday and time of day, and `zone` as its name (natively, in this machine's zone).
    pub fn time_in(&self, ms: i64, zone: &str) -> (String, String) {
        (local(ms).map(|t| t.format("%a %H:%M").to_string()).unwrap_or_default(), zone.to_owned())
    }

    /// Full date and time ("Fri 23 Aug 2024, 03:00").
    pub fn full(&self, ms: i64) -> String {
        local(ms).map(|t| t.format("%a %-d %b %Y, %H:%M").to_string()).unwrap_or_default()
    }

    /// The calendar date of an instant ("3 Nov 2026").
    pub fn calendar_date(&self, ms: i64) -> String {
        local(ms).map(|t| t.format("%-d %b %Y").to_string()).unwrap_or_default()
    }

    /// "Today" (0), "Yesterday" (-1), else "N days ago".
    pub fn relative_day(&self, offset: i32) -> String {
        match offset {
            0 => "Today".to_owned(),
            -1 => "Yesterday".to_owned(),
            n => format!("{} days ago", -n),
        }
    }

    /// A weekday's name ("Tuesday").
    pub fn weekday(&self, day: NaiveDate) -> String {
        day.format("%A").to_string()
    }

    /// A day's date ("Tue 4 Mar", with the year: "Tue 4 Mar 2025").
    pub fn date(&self, day: NaiveDate, with_year: bool) -> String {
        day.format(if with_year { "%a %-d %b %Y" } else { "%a %-d %b" }).to_string()
    }

    /// The calendar day of an instant here.
    pub fn local_day(&self, ms: i64) -> NaiveDate {
        local(ms).map(|t| t.date_naive()).unwrap_or_default()
    }

    /// Today here.
    pub fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }

    /// The region code itself (names come from the browser).
    pub fn region_name(&self, region: &str) -> String {
        region.to_owned()
    }
}

/// Any syntactically plausible tag or zone (the browser checks them for real).
pub fn accepts(locale: &str, zone: Option<&str>) -> bool {
    !locale.is_empty() && zone.is_none_or(|z| !z.is_empty())
}

/// There is no browser here.
pub fn browser_locale() -> Option<String> {
    None
}

fn local(ms: i64) -> Option<DateTime<Local>> {
    Local.timestamp_millis_opt(ms).single()
}
