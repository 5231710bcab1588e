//! Phone numbers as an agent reads them: `+1 415 555 0100` and the country they belong to.
//! The country is found from the calling code here; its name comes from the browser's
//! `Intl.DisplayNames` in the agent's language ([`super::Formatters::region_name`]), so the
//! bundle carries codes, not names.

use c360_wire::Identity;

/// E.164 calling codes to ISO 3166 regions (the main region where a code is shared).
const CALLING_CODES: &[(&str, &str)] = &[
    ("1", "US"),
    ("7", "RU"),
    ("20", "EG"),
    ("27", "ZA"),
    ("30", "GR"),
    ("31", "NL"),
    ("32", "BE"),
    ("33", "FR"),
    ("34", "ES"),
    ("36", "HU"),
    ("39", "IT"),
    ("40", "RO"),
    ("41", "CH"),
    ("43", "AT"),
    ("44", "GB"),
    ("45", "DK"),
    ("46", "SE"),
    ("47", "NO"),
    ("48", "PL"),
    ("49", "DE"),
    ("51", "PE"),
    ("52", "MX"),
    ("54", "AR"),
    ("55", "BR"),
    ("56", "CL"),
    ("57", "CO"),
    ("60", "MY"),
    ("61", "AU"),
    ("62", "ID"),
    ("63", "PH"),
    ("64", "NZ"),
    ("65", "SG"),
    ("66", "TH"),
    ("81", "JP"),
    ("82", "KR"),
    ("84", "VN"),
    ("86", "CN"),
    ("90", "TR"),
    ("91", "IN"),
    ("92", "PK"),
    ("234", "NG"),
    ("254", "KE"),
    ("351", "PT"),
    ("352", "LU"),
    ("353", "IE"),
    ("354", "IS"),
    ("358", "FI"),
    ("420", "CZ"),
    ("852", "HK"),
    ("886", "TW"),
    ("966", "SA"),
    ("971", "AE"),
    ("972", "IL"),
];

/// A phone number split for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadablePhone {
    /// `+1 415 555 0100`; an unknown code keeps the digits in groups of three or four.
    pub text: String,
    /// The region of the calling code (`US`, `GB`), if known.
    pub region: Option<&'static str>,
}

/// Any identity as the agent reads it: a phone grouped with its region, anything else as given.
pub fn readable_identity(identity: &Identity) -> ReadablePhone {
    match identity {
        Identity::Phone { phone_number } => readable(phone_number),
        other => ReadablePhone { text: other.display_value().to_owned(), region: None },
    }
}

/// Groups an E.164 number (`+14155550100`) for reading. Anything else is returned as given.
pub fn readable(e164: &str) -> ReadablePhone {
    let Some(digits) = e164.strip_prefix('+').filter(|d| d.bytes().all(|b| b.is_ascii_digit())) else {
        return ReadablePhone { text: e164.to_owned(), region: None };
    };
    let found = (1..=3).rev().find_map(|n| {
        let code = digits.get(..n)?;
        CALLING_CODES.iter().find(|(c, _)| *c == code).map(|(c, r)| (*c, *r))
    });
    let (code, region, national) = match found {
        Some((code, region)) => (code, Some(region), &digits[code.len()..]),
        None => (digits.get(..digits.len().min(3)).unwrap_or_default(), None, digits.get(3..).unwrap_or_default()),
    };
    let groups: Vec<&str> = if code == "1" && national.len() == 10 {
        vec![&national[..3], &national[3..6], &national[6..]]
    } else {
        split_groups(national)
    };
    let mut text = format!("+{code}");
    for g in groups.iter().filter(|g| !g.is_empty()) {
        text.push(' ');
        text.push_str(g);
    }
    ReadablePhone { text, region }
}

/// Six or nine digits read in threes; otherwise groups of four from the end, the first group
/// taking what is left over.
fn split_groups(national: &str) -> Vec<&str> {
    let size = if matches!(national.len(), 6 | 9) { 3 } else { 4 };
    let mut cuts = Vec::new();
    let mut end = national.len();
    while end > size + 1 {
        cuts.push(end - size);
        end -= size;
    }
    cuts.reverse();
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts {
        out.push(&national[start..cut]);
        start = cut;
    }
    out.push(&national[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn north_american_numbers_read_in_three_three_four() {
        assert_eq!(readable("+14155550100"), ReadablePhone { text: "+1 415 555 0100".into(), region: Some("US") });
    }

    #[test]
    fn other_numbers_keep_their_country_code_and_read_in_fours() {
        assert_eq!(readable("+442079460958"), ReadablePhone { text: "+44 20 7946 0958".into(), region: Some("GB") });
        assert_eq!(readable("+353861234567").text, "+353 861 234 567");
        assert_eq!(readable("+353861234567").region, Some("IE"));
        assert_eq!(readable("+61412345678").text, "+61 412 345 678");
    }

    #[test]
    fn unknown_codes_and_non_numbers_are_not_invented() {
        assert_eq!(readable("+99912345678"), ReadablePhone { text: "+999 1234 5678".into(), region: None });
        assert_eq!(readable("ext. 12").text, "ext. 12");
    }

    #[test]
    fn any_identity_reads_as_given_unless_it_is_a_phone() {
        let email = Identity::Email { email: "ana@example.com".into() };
        assert_eq!(readable_identity(&email), ReadablePhone { text: "ana@example.com".into(), region: None });
        let phone = Identity::Phone { phone_number: "+14155550100".into() };
        assert_eq!(readable_identity(&phone).text, "+1 415 555 0100");
    }
}
