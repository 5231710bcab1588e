//! Topic sizing and category tints for the `TopicsCloud`, and the words of a topic's detail.
//! Plain functions, unit-tested natively; the CSS classes named here are styled in
//! `style/insights.css`.

/// How many size steps a topic can take (1 = smallest … `SIZE_STEPS` = largest).
pub const SIZE_STEPS: u8 = 4;

/// How many category tints there are (1 … `TINTS`); 0 is the neutral tint of uncategorised topics.
pub const TINTS: u8 = 6;

/// The size step of a topic from its share of the covered interactions: below 25 % → 1, below
/// 50 % → 2, below 75 % → 3, from 75 % → 4. Out-of-range or non-numeric values are clamped (NaN → 1).
pub fn size_step(percentage_matched: f64) -> u8 {
    let pct = if percentage_matched.is_nan() { 0.0 } else { percentage_matched.clamp(0.0, 100.0) };
    match pct {
        p if p < 25.0 => 1,
        p if p < 50.0 => 2,
        p if p < 75.0 => 3,
        _ => SIZE_STEPS,
    }
}

/// The CSS class of a size step (`topic-chip--step-1` … `topic-chip--step-4`).
pub fn step_class(step: u8) -> &'static str {
    match step {
        0 | 1 => "topic-chip--step-1",
        2 => "topic-chip--step-2",
        3 => "topic-chip--step-3",
        _ => "topic-chip--step-4",
    }
}

/// The tint of a category, the same for the same name on every platform and every load
/// (case and surrounding spaces ignored): 1 … [`TINTS`]; 0 for no or a blank category.
pub fn category_tint(category: Option<&str>) -> u8 {
    let Some(name) = category.map(str::trim).filter(|c| !c.is_empty()) else { return 0 };
    // FNV-1a, 32 bit: stable, unlike std's randomly seeded hasher.
    let hash = name.to_lowercase().bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    (hash % u32::from(TINTS)) as u8 + 1
}

/// The CSS class of a tint (`topic-chip--tint-0` neutral, `topic-chip--tint-1` … `-6`).
pub fn tint_class(tint: u8) -> &'static str {
    match tint {
        1 => "topic-chip--tint-1",
        2 => "topic-chip--tint-2",
        3 => "topic-chip--tint-3",
        4 => "topic-chip--tint-4",
        5 => "topic-chip--tint-5",
        6 => "topic-chip--tint-6",
        _ => "topic-chip--tint-0",
    }
}

/// A percentage as an agent reads it: `50%`, `33.3%` (one decimal only when needed).
pub fn format_percent(percentage: f64) -> String {
    // Rounded to tenths first, so 49.96 reads "50%", not "50.0%", and -0.04 reads "0%". Written
    // in whole tenths: std's float formatting would add 6 KB (brotli) to the bundle for this alone.
    let tenths = (percentage * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    if tenth == 0 { format!("{sign}{whole}%") } else { format!("{sign}{whole}.{tenth}%") }
}

/// The detail of a topic shown on hover and focus and given as its accessible description, naming
/// the set its numbers are about — the recent analysed interactions, not the ones listed:
/// `billing · 3 of the last 5 analysed (60%) · Finance` (the category only when there is one).
pub fn topic_detail(topic: &str, category: Option<&str>, count: i32, percentage: f64, analysed: i32) -> String {
    let mut detail = format!("{topic} · {count} of the last {analysed} analysed ({})", format_percent(percentage));
    if let Some(category) = category.map(str::trim).filter(|c| !c.is_empty()) {
        detail.push_str(" · ");
        detail.push_str(category);
    }
    detail
}

/// What a topic's size and tint mean, said once beside the cloud.
pub fn legend(analysed: i32) -> String {
    format!("Size: how often, in the last {analysed} analysed · Colour: category")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_steps_by_share() {
        let steps: Vec<u8> = [0.0, 10.0, 24.9, 25.0, 33.3, 49.9, 50.0, 66.7, 74.9, 75.0, 90.0, 100.0]
            .into_iter()
            .map(size_step)
            .collect();
        assert_eq!(steps, [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
        assert_eq!((size_step(-5.0), size_step(250.0), size_step(f64::NAN)), (1, 4, 1));
        assert_eq!(step_class(size_step(50.0)), "topic-chip--step-3");
        assert_eq!(step_class(size_step(0.0)), "topic-chip--step-1");
    }

    #[test]
    fn tints_are_deterministic_per_category_and_neutral_without_one() {
        assert_eq!(category_tint(None), 0);
        assert_eq!(category_tint(Some("  ")), 0);
        let finance = category_tint(Some("Finance"));
        assert!((1..=TINTS).contains(&finance));
        assert_eq!(category_tint(Some(" finance ")), finance, "case and spaces do not matter");
        // Pinned so the colour of a category never changes between releases.
        let tints: Vec<u8> = ["Finance", "Account", "Technical", "Sales", "Shipping", "Complaints"]
            .into_iter()
            .map(|c| category_tint(Some(c)))
            .collect();
        assert_eq!(tints, PINNED_TINTS);
        assert!(tints.iter().any(|t| *t != tints[0]), "categories do not all share one tint");
        assert_eq!(tint_class(0), "topic-chip--tint-0");
        assert_eq!(tint_class(finance), format!("topic-chip--tint-{finance}"));
    }

    /// The tints of Finance, Account, Technical, Sales, Shipping and Complaints.
    const PINNED_TINTS: [u8; 6] = [4, 1, 5, 4, 6, 6];

    #[test]
    fn detail_says_count_and_share() {
        assert_eq!(
            topic_detail("billing", Some("Finance"), 3, 60.0, 5),
            "billing · 3 of the last 5 analysed (60%) · Finance"
        );
        assert_eq!(topic_detail("refund", None, 1, 33.3, 3), "refund · 1 of the last 3 analysed (33.3%)");
        assert_eq!(legend(10), "Size: how often, in the last 10 analysed · Colour: category");
        assert_eq!(format_percent(50.0), "50%");
        assert_eq!(format_percent(66.66), "66.7%");
        assert_eq!(format_percent(100.0), "100%");
        assert_eq!(
            (format_percent(49.96), format_percent(-0.04), format_percent(-2.5)),
            ("50%".into(), "0%".into(), "-2.5%".into())
        );
    }

    #[test]
    fn shares_read_as_std_float_formatting_writes_them() {
        let std_formatting = |p: f64| {
            let rounded = (p * 10.0).round() / 10.0 + 0.0;
            if rounded.fract() == 0.0 { format!("{rounded:.0}%") } else { format!("{rounded:.1}%") }
        };
        let shares =
            (-2_000..=12_000).map(|i| f64::from(i) / 100.0).chain([0.05, 0.15, 33.35, 66.65, 99.95, 1e6 / 3.0]);
        for p in shares {
            assert_eq!(format_percent(p), std_formatting(p), "{p}");
        }
    }
}
