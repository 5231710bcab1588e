//! Grouping the timeline under day headings — Today, Yesterday, a weekday within the last week,
//! then dates — in the agent's time zone. Pure, so the calendar rules are unit-tested natively.

use chrono::{Datelike, NaiveDate};

use crate::intl::Formatters;

/// How a day heading reads, before it is put into the agent's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayLabel {
    /// The agent's today.
    Today,
    /// The day before.
    Yesterday,
    /// 2 to 6 days ago: the weekday's name.
    Weekday(NaiveDate),
    /// Older: the date (with the year when it is not this year's).
    Date { date: NaiveDate, with_year: bool },
}

/// The label of `day` seen from `today`. Future days (clock skew) read as dates.
pub fn day_label(day: NaiveDate, today: NaiveDate) -> DayLabel {
    match (today - day).num_days() {
        0 => DayLabel::Today,
        1 => DayLabel::Yesterday,
        2..=6 => DayLabel::Weekday(day),
        _ => DayLabel::Date { date: day, with_year: day.year() != today.year() },
    }
}

/// A day heading in the agent's language ("Today", "Yesterday", "Tuesday", "Tue 3 Mar", "Tue 3
/// Mar 2025").
pub fn day_heading(label: DayLabel, formatters: &Formatters) -> String {
    match label {
        DayLabel::Today => formatters.relative_day(0),
        DayLabel::Yesterday => formatters.relative_day(-1),
        DayLabel::Weekday(day) => formatters.weekday(day),
        DayLabel::Date { date, with_year } => formatters.date(date, with_year),
    }
}

/// A run of items that fall on the same local day, in their original order.
#[derive(Debug, Clone, PartialEq)]
pub struct DayGroup<T> {
    /// The local day.
    pub day: NaiveDate,
    /// Its items.
    pub items: Vec<T>,
}

/// Splits `items` (already newest first) into consecutive day groups; `day_of` gives an item's
/// local day.
pub fn group_by_day<T>(items: impl IntoIterator<Item = T>, day_of: impl Fn(&T) -> NaiveDate) -> Vec<DayGroup<T>> {
    let mut groups: Vec<DayGroup<T>> = Vec::new();
    for item in items {
        let day = day_of(&item);
        match groups.last_mut() {
            Some(group) if group.day == day => group.items.push(item),
            _ => groups.push(DayGroup { day, items: vec![item] }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn labels_follow_the_agents_calendar() {
        let today = d(2026, 1, 8); // a Thursday
        assert_eq!(day_label(d(2026, 1, 8), today), DayLabel::Today);
        assert_eq!(day_label(d(2026, 1, 7), today), DayLabel::Yesterday);
        assert_eq!(day_label(d(2026, 1, 2), today), DayLabel::Weekday(d(2026, 1, 2)));
        assert_eq!(day_label(d(2026, 1, 1), today), DayLabel::Date { date: d(2026, 1, 1), with_year: false });
        assert_eq!(day_label(d(2025, 12, 31), today), DayLabel::Date { date: d(2025, 12, 31), with_year: true });
        assert_eq!(day_label(d(2026, 1, 9), today), DayLabel::Date { date: d(2026, 1, 9), with_year: false });
    }

    #[test]
    fn headings_read_in_the_agents_language() {
        let english = Formatters::new("en-US", None);
        let day = d(2025, 3, 4);
        let headings = [
            DayLabel::Today,
            DayLabel::Yesterday,
            DayLabel::Weekday(day),
            DayLabel::Date { date: day, with_year: true },
            DayLabel::Date { date: day, with_year: false },
        ]
        .map(|label| day_heading(label, &english));
        assert_eq!(headings, ["Today", "Yesterday", "Tuesday", "Tue 4 Mar 2025", "Tue 4 Mar"]);
    }

    #[test]
    fn consecutive_items_of_a_day_share_a_group() {
        let items = [(1, d(2026, 1, 8)), (2, d(2026, 1, 8)), (3, d(2026, 1, 6)), (4, d(2025, 3, 1))];
        let groups = group_by_day(items, |(_, day)| *day);
        let shape: Vec<(NaiveDate, Vec<i32>)> =
            groups.into_iter().map(|g| (g.day, g.items.into_iter().map(|(n, _)| n).collect())).collect();
        assert_eq!(shape, [(d(2026, 1, 8), vec![1, 2]), (d(2026, 1, 6), vec![3]), (d(2025, 3, 1), vec![4])]);
        assert!(group_by_day(Vec::<(i32, NaiveDate)>::new(), |(_, day)| *day).is_empty());
    }
}
