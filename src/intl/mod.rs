//! The agent's language and time zone: dates and times ([`dates`]), phone numbers and their
//! countries ([`phone`]), raw values as words ([`text`]), and the host's choices ([`prefs`]).
//! Through the browser's `Intl`, so the bundle carries no locale tables.

mod dates;
pub mod phone;
pub mod prefs;
pub mod text;

pub use dates::{
    agent_locale, format_calendar_date, format_day, format_full, format_time, iso_instant, local_day, today,
};
