//! States and provinces of the countries that span several time zones, with the zone most of
//! their people live in: an address in California reads as Pacific time, not as the country's
//! representative zone. A region that itself spans two zones (Texas, Florida …) says so.

/// One region: its country (ISO alpha-2), postal code, name, zone, and whether the region itself
/// spans several zones (then `zone` is its most populous one).
pub struct Region {
    pub country: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub zone: &'static str,
    pub split: bool,
}

const fn r(country: &'static str, code: &'static str, name: &'static str, zone: &'static str, split: bool) -> Region {
    Region { country, code, name, zone, split }
}

const NY: &str = "America/New_York";
const CHI: &str = "America/Chicago";
const DEN: &str = "America/Denver";
const LA: &str = "America/Los_Angeles";

/// Ordered by country, then code.
const REGIONS: &[Region] = &[
    r("AU", "ACT", "Australian Capital Territory", "Australia/Sydney", false),
    r("AU", "NSW", "New South Wales", "Australia/Sydney", true),
    r("AU", "NT", "Northern Territory", "Australia/Darwin", false),
    r("AU", "QLD", "Queensland", "Australia/Brisbane", false),
    r("AU", "SA", "South Australia", "Australia/Adelaide", false),
    r("AU", "TAS", "Tasmania", "Australia/Hobart", false),
    r("AU", "VIC", "Victoria", "Australia/Melbourne", false),
    r("AU", "WA", "Western Australia", "Australia/Perth", false),
    r("CA", "AB", "Alberta", "America/Edmonton", false),
    r("CA", "BC", "British Columbia", "America/Vancouver", true),
    r("CA", "MB", "Manitoba", "America/Winnipeg", false),
    r("CA", "NB", "New Brunswick", "America/Moncton", false),
    r("CA", "NL", "Newfoundland and Labrador", "America/St_Johns", true),
    r("CA", "NS", "Nova Scotia", "America/Halifax", false),
    r("CA", "NT", "Northwest Territories", "America/Yellowknife", false),
    r("CA", "NU", "Nunavut", "America/Iqaluit", true),
    r("CA", "ON", "Ontario", "America/Toronto", true),
    r("CA", "PE", "Prince Edward Island", "America/Halifax", false),
    r("CA", "QC", "Quebec", "America/Toronto", true),
    r("CA", "SK", "Saskatchewan", "America/Regina", false),
    r("CA", "YT", "Yukon", "America/Whitehorse", false),
    r("US", "AK", "Alaska", "America/Anchorage", true),
    r("US", "AL", "Alabama", CHI, false),
    r("US", "AR", "Arkansas", CHI, false),
    r("US", "AZ", "Arizona", "America/Phoenix", false),
    r("US", "CA", "California", LA, false),
    r("US", "CO", "Colorado", DEN, false),
    r("US", "CT", "Connecticut", NY, false),
    r("US", "DC", "District of Columbia", NY, false),
    r("US", "DE", "Delaware", NY, false),
    r("US", "FL", "Florida", NY, true),
    r("US", "GA", "Georgia", NY, false),
    r("US", "HI", "Hawaii", "Pacific/Honolulu", false),
    r("US", "IA", "Iowa", CHI, false),
    r("US", "ID", "Idaho", "America/Boise", true),
    r("US", "IL", "Illinois", CHI, false),
    r("US", "IN", "Indiana", "America/Indiana/Indianapolis", true),
    r("US", "KS", "Kansas", CHI, true),
    r("US", "KY", "Kentucky", NY, true),
    r("US", "LA", "Louisiana", CHI, false),
    r("US", "MA", "Massachusetts", NY, false),
    r("US", "MD", "Maryland", NY, false),
    r("US", "ME", "Maine", NY, false),
    r("US", "MI", "Michigan", "America/Detroit", true),
    r("US", "MN", "Minnesota", CHI, false),
    r("US", "MO", "Missouri", CHI, false),
    r("US", "MS", "Mississippi", CHI, false),
    r("US", "MT", "Montana", DEN, false),
    r("US", "NC", "North Carolina", NY, false),
    r("US", "ND", "North Dakota", CHI, true),
    r("US", "NE", "Nebraska", CHI, true),
    r("US", "NH", "New Hampshire", NY, false),
    r("US", "NJ", "New Jersey", NY, false),
    r("US", "NM", "New Mexico", DEN, false),
    r("US", "NV", "Nevada", LA, false),
    r("US", "NY", "New York", NY, false),
    r("US", "OH", "Ohio", NY, false),
    r("US", "OK", "Oklahoma", CHI, false),
    r("US", "OR", "Oregon", LA, true),
    r("US", "PA", "Pennsylvania", NY, false),
    r("US", "RI", "Rhode Island", NY, false),
    r("US", "SC", "South Carolina", NY, false),
    r("US", "SD", "South Dakota", CHI, true),
    r("US", "TN", "Tennessee", CHI, true),
    r("US", "TX", "Texas", CHI, true),
    r("US", "UT", "Utah", DEN, false),
    r("US", "VA", "Virginia", NY, false),
    r("US", "VT", "Vermont", NY, false),
    r("US", "WA", "Washington", LA, false),
    r("US", "WI", "Wisconsin", CHI, false),
    r("US", "WV", "West Virginia", NY, false),
    r("US", "WY", "Wyoming", DEN, false),
];

/// The region of `country` an address's `region` names, by postal code or full name, in any case.
pub fn region_of(country: &str, region: &str) -> Option<&'static Region> {
    let (country, region) = (country.trim(), region.trim().trim_end_matches('.'));
    if region.is_empty() {
        return None;
    }
    REGIONS.iter().find(|r| {
        r.country.eq_ignore_ascii_case(country)
            && (r.code.eq_ignore_ascii_case(region) || r.name.eq_ignore_ascii_case(region))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_ordered_and_names_each_region_once() {
        assert!(REGIONS.windows(2).all(|w| (w[0].country, w[0].code) < (w[1].country, w[1].code)));
    }

    #[test]
    fn a_region_is_found_by_code_or_name_in_its_own_country_only() {
        assert_eq!(region_of("US", "CA").unwrap().zone, "America/Los_Angeles");
        assert_eq!(region_of("us", " california ").unwrap().zone, "America/Los_Angeles");
        assert_eq!(region_of("CA", "BC").unwrap().zone, "America/Vancouver");
        assert_eq!(region_of("AU", "Western Australia").unwrap().zone, "Australia/Perth");
        assert!(region_of("US", "TX").unwrap().split);
        assert!(region_of("GB", "CA").is_none());
        assert!(region_of("US", "").is_none());
        assert!(region_of("US", "Narnia").is_none());
    }
}
