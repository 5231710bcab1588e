//! [`Formatters`] in the browser: the `Intl` objects of one locale and time zone, each built the
//! first time it is needed and then reused for every row (the browser carries the locale tables).

use std::cell::{OnceCell, RefCell};

use chrono::{Local, NaiveDate, TimeZone};
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::text::capitalize;

/// Dates, times and region names in one locale and time zone.
pub struct Formatters {
    locale: String,
    zone: Option<String>,
    time: OnceCell<Intl::DateTimeFormat>,
    full: OnceCell<Intl::DateTimeFormat>,
    calendar_date: OnceCell<Intl::DateTimeFormat>,
    weekday: OnceCell<Intl::DateTimeFormat>,
    date: OnceCell<Intl::DateTimeFormat>,
    date_with_year: OnceCell<Intl::DateTimeFormat>,
    zone_day: OnceCell<Intl::DateTimeFormat>,
    relative: OnceCell<Intl::RelativeTimeFormat>,
    regions: OnceCell<Option<(JsValue, Function)>>,
    /// Times of day in other zones (a customer's), one formatter per zone asked for.
    elsewhere: RefCell<Vec<(String, Intl::DateTimeFormat)>>,
}

impl Formatters {
    /// Formatters for `locale` (a BCP 47 tag the browser accepts) in `zone` (an IANA name; `None`
    /// is the browser's own zone).
    pub fn new(locale: &str, zone: Option<&str>) -> Self {
        Self {
            locale: locale.to_owned(),
            zone: zone.map(str::to_owned),
            time: OnceCell::new(),
            full: OnceCell::new(),
            calendar_date: OnceCell::new(),
            weekday: OnceCell::new(),
            date: OnceCell::new(),
            date_with_year: OnceCell::new(),
            zone_day: OnceCell::new(),
            relative: OnceCell::new(),
            regions: OnceCell::new(),
            elsewhere: RefCell::new(Vec::new()),
        }
    }

    /// The locale.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The time zone the host chose, if any.
    pub fn zone(&self) -> Option<&str> {
        self.zone.as_deref()
    }

    /// A time of day ("14:05", "2:05 PM").
    pub fn time(&self, ms: i64) -> String {
        let zone = self.zone.as_deref();
        format(
            self.time.get_or_init(|| date_time(&self.locale, zone, &[("hour", "numeric"), ("minute", "2-digit")])),
            ms,
        )
    }

    /// The weekday and time of day in another zone ("Tue 9:05 AM"), and that zone's name
    /// ("Eastern Standard Time"); both empty if the browser does not know the zone.
    pub fn time_in(&self, ms: i64, zone: &str) -> (String, String) {
        if !accepts(&self.locale, Some(zone)) {
            return (String::new(), String::new());
        }
        let mut elsewhere = self.elsewhere.borrow_mut();
        let at = match elsewhere.iter().position(|(z, _)| z == zone) {
            Some(at) => at,
            None => {
                let options =
                    [("weekday", "short"), ("hour", "numeric"), ("minute", "2-digit"), ("timeZoneName", "long")];
                elsewhere.push((zone.to_owned(), date_time(&self.locale, Some(zone), &options)));
                elsewhere.len() - 1
            }
        };
        // The parts, so the zone's name can stand on its own line.
        let (mut time, mut name) = (String::new(), String::new());
        for (kind, value) in parts(&elsewhere[at].1, ms) {
            if kind == "timeZoneName" {
                name = value;
            } else {
                time.push_str(&value);
            }
        }
        (time.trim().trim_end_matches(',').to_owned(), name)
    }

    /// Full date and time, for a tooltip or a screen reader.
    pub fn full(&self, ms: i64) -> String {
        let zone = self.zone.as_deref();
        let options = [("dateStyle", "full"), ("timeStyle", "short")];
        format(self.full.get_or_init(|| date_time(&self.locale, zone, &options)), ms)
    }

    /// The calendar date of an instant ("3 Nov 2026").
    pub fn calendar_date(&self, ms: i64) -> String {
        let zone = self.zone.as_deref();
        let options = [("day", "numeric"), ("month", "short"), ("year", "numeric")];
        format(self.calendar_date.get_or_init(|| date_time(&self.locale, zone, &options)), ms)
    }

    /// A day relative to today: "Today" (0), "Yesterday" (-1), capitalised as a heading.
    pub fn relative_day(&self, offset: i32) -> String {
        let relative = self.relative.get_or_init(|| {
            let options = options(&[("numeric", "auto")]);
            Intl::RelativeTimeFormat::new(&locales(&self.locale), &options)
        });
        capitalize(&String::from(relative.format(f64::from(offset), "day")))
    }

    /// A weekday's name ("Tuesday").
    pub fn weekday(&self, day: NaiveDate) -> String {
        format(self.weekday.get_or_init(|| date_time(&self.locale, Some("UTC"), &[("weekday", "long")])), noon(day))
    }

    /// A day's date ("Tue 4 Mar", with the year: "Tue 4 Mar 2025").
    pub fn date(&self, day: NaiveDate, with_year: bool) -> String {
        const DATE: [(&str, &str); 3] = [("weekday", "short"), ("day", "numeric"), ("month", "short")];
        let formatter = if with_year {
            let options = [DATE[0], DATE[1], DATE[2], ("year", "numeric")];
            self.date_with_year.get_or_init(|| date_time(&self.locale, Some("UTC"), &options))
        } else {
            self.date.get_or_init(|| date_time(&self.locale, Some("UTC"), &DATE))
        };
        format(formatter, noon(day))
    }

    /// The agent's calendar day of an instant (in the host's time zone when it chose one).
    pub fn local_day(&self, ms: i64) -> NaiveDate {
        if let Some(zone) = self.zone.as_deref() {
            let options = [("year", "numeric"), ("month", "numeric"), ("day", "numeric")];
            // Read as parts, not as text: no date format to parse (chrono's format parser stays out
            // of the bundle), and `en-CA` writes Latin digits whatever the agent's language.
            let formatter = self.zone_day.get_or_init(|| date_time("en-CA", Some(zone), &options));
            let (mut year, mut month, mut day) = (None, None, None);
            for (kind, value) in parts(formatter, ms) {
                match kind.as_str() {
                    "year" => year = value.parse().ok(),
                    "month" => month = value.parse().ok(),
                    "day" => day = value.parse().ok(),
                    _ => {}
                }
            }
            if let Some(day) = year.zip(month).zip(day).and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y, m, d)) {
                return day;
            }
        }
        Local.timestamp_millis_opt(ms).single().map(|t| t.date_naive()).unwrap_or_default()
    }

    /// The agent's today.
    pub fn today(&self) -> NaiveDate {
        self.local_day(chrono::Utc::now().timestamp_millis())
    }

    /// A region's name (`United States` for `US`) through `Intl.DisplayNames`; the code itself
    /// when the browser cannot say.
    pub fn region_name(&self, region: &str) -> String {
        // js-sys has no binding for `Intl.DisplayNames`: it is constructed by name.
        let names = self.regions.get_or_init(|| {
            let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
            let constructor: Function = Reflect::get(&intl, &"DisplayNames".into()).ok()?.dyn_into().ok()?;
            let names = Reflect::construct(
                &constructor,
                &Array::of2(&self.locale.as_str().into(), &options(&[("type", "region")])),
            )
            .ok()?;
            let of: Function = Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
            Some((names, of))
        });
        names
            .as_ref()
            .and_then(|(names, of)| of.call1(names, &JsValue::from_str(region)).ok()?.as_string())
            .unwrap_or_else(|| region.to_owned())
    }
}

/// Whether `Intl.DateTimeFormat(locale, { timeZone })` can be built: it throws a `RangeError` for a
/// malformed tag or an unknown zone, so a host's choice is checked before it is used.
pub fn accepts(locale: &str, zone: Option<&str>) -> bool {
    let constructor: Function = Intl::DateTimeFormat::new(&Array::new(), &Object::new()).constructor();
    let options = match zone {
        Some(zone) => self::options(&[("timeZone", zone)]),
        None => Object::new(),
    };
    Reflect::construct(&constructor, &Array::of2(&JsValue::from_str(locale), &options)).is_ok()
}

/// The browser's first preferred language.
pub fn browser_locale() -> Option<String> {
    web_sys::window()?.navigator().language()
}

fn locales(locale: &str) -> Array {
    Array::of1(&JsValue::from_str(locale))
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let options = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    options
}

/// A `DateTimeFormat` of `locale` with `options`, in `zone` when given (checked by [`accepts`]
/// before a host's zone is ever used).
fn date_time(locale: &str, zone: Option<&str>, pairs: &[(&str, &str)]) -> Intl::DateTimeFormat {
    let options = options(pairs);
    if let Some(zone) = zone {
        let _ = Reflect::set(&options, &"timeZone".into(), &JsValue::from_str(zone));
    }
    Intl::DateTimeFormat::new(&locales(locale), &options)
}

/// The `(type, value)` parts of `ms` as `formatter` writes it (`("hour", "9")`, `("literal", ":")`).
fn parts(formatter: &Intl::DateTimeFormat, ms: i64) -> impl Iterator<Item = (String, String)> {
    let field = |part: &JsValue, key: &str| {
        Reflect::get(part, &key.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
    };
    let parts = formatter.format_to_parts(&Date::new(&JsValue::from_f64(ms as f64)));
    parts.into_iter().map(move |part| (field(&part, "type"), field(&part, "value")))
}

fn format(formatter: &Intl::DateTimeFormat, ms: i64) -> String {
    let date = Date::new(&JsValue::from_f64(ms as f64));
    formatter.format().call1(formatter, &date).ok().and_then(|text| text.as_string()).unwrap_or_default()
}

/// A calendar day is formatted at its noon in UTC, in UTC, so no zone can move it to another day.
fn noon(day: NaiveDate) -> i64 {
    day.and_hms_opt(12, 0, 0).map(|t| t.and_utc().timestamp_millis()).unwrap_or_default()
}
