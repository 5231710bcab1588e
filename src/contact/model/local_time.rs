//! The customer's local time: which time zone to show it in, from the address (its state or
//! province where the country spans several zones, else its country) or else the country of a
//! phone number. A country gets one representative zone (its most populous); where the card
//! cannot tell the zone for sure, it says so rather than pretend to know.

use c360_wire::crm::{NewContact, phone_country};

use super::regions::region_of;
use crate::intl::phone::readable;

/// ISO country → representative IANA zone, and whether the country spans several zones.
const ZONES: &[(&str, &str, bool)] = &[
    ("AE", "Asia/Dubai", false),
    ("AR", "America/Argentina/Buenos_Aires", false),
    ("AT", "Europe/Vienna", false),
    ("AU", "Australia/Sydney", true),
    ("BE", "Europe/Brussels", false),
    ("BG", "Europe/Sofia", false),
    ("BR", "America/Sao_Paulo", true),
    ("CA", "America/Toronto", true),
    ("CH", "Europe/Zurich", false),
    ("CL", "America/Santiago", true),
    ("CN", "Asia/Shanghai", false),
    ("CO", "America/Bogota", false),
    ("CY", "Asia/Nicosia", false),
    ("CZ", "Europe/Prague", false),
    ("DE", "Europe/Berlin", false),
    ("DK", "Europe/Copenhagen", false),
    ("EE", "Europe/Tallinn", false),
    ("EG", "Africa/Cairo", false),
    ("ES", "Europe/Madrid", true),
    ("FI", "Europe/Helsinki", false),
    ("FR", "Europe/Paris", false),
    ("GB", "Europe/London", false),
    ("GR", "Europe/Athens", false),
    ("HK", "Asia/Hong_Kong", false),
    ("HR", "Europe/Zagreb", false),
    ("HU", "Europe/Budapest", false),
    ("ID", "Asia/Jakarta", true),
    ("IE", "Europe/Dublin", false),
    ("IL", "Asia/Jerusalem", false),
    ("IN", "Asia/Kolkata", false),
    ("IS", "Atlantic/Reykjavik", false),
    ("IT", "Europe/Rome", false),
    ("JP", "Asia/Tokyo", false),
    ("KE", "Africa/Nairobi", false),
    ("KR", "Asia/Seoul", false),
    ("LT", "Europe/Vilnius", false),
    ("LU", "Europe/Luxembourg", false),
    ("LV", "Europe/Riga", false),
    ("MT", "Europe/Malta", false),
    ("MX", "America/Mexico_City", true),
    ("MY", "Asia/Kuala_Lumpur", false),
    ("NG", "Africa/Lagos", false),
    ("NL", "Europe/Amsterdam", false),
    ("NO", "Europe/Oslo", false),
    ("NZ", "Pacific/Auckland", false),
    ("PE", "America/Lima", false),
    ("PH", "Asia/Manila", false),
    ("PK", "Asia/Karachi", false),
    ("PL", "Europe/Warsaw", false),
    ("PR", "America/Puerto_Rico", false),
    ("PT", "Europe/Lisbon", true),
    ("RO", "Europe/Bucharest", false),
    ("RU", "Europe/Moscow", true),
    ("SA", "Asia/Riyadh", false),
    ("SE", "Europe/Stockholm", false),
    ("SG", "Asia/Singapore", false),
    ("SI", "Europe/Ljubljana", false),
    ("SK", "Europe/Bratislava", false),
    ("TH", "Asia/Bangkok", false),
    ("TR", "Europe/Istanbul", false),
    ("TW", "Asia/Taipei", false),
    ("UA", "Europe/Kiev", false),
    ("US", "America/New_York", true),
    ("VN", "Asia/Ho_Chi_Minh", false),
    ("ZA", "Africa/Johannesburg", false),
];

/// The zone the card shows the customer's time in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerZone {
    /// IANA zone name (for `Intl.DateTimeFormat`'s `timeZone`).
    pub zone: &'static str,
    /// The ISO country it stands for.
    pub country: &'static str,
    /// The country (or, with `region`, the region) spans several zones: this is its most
    /// populous one.
    pub several: bool,
    /// The address's state or province, when it decided the zone (its name).
    pub region: Option<&'static str>,
    /// Read from a phone number (no address country).
    pub from_phone: bool,
}

/// The zone of ISO country `code`, if the table knows it.
pub fn zone_of(code: &str) -> Option<CustomerZone> {
    let code = code.trim();
    ZONES.iter().find(|(c, _, _)| c.eq_ignore_ascii_case(code)).map(|(country, zone, several)| CustomerZone {
        zone,
        country,
        several: *several,
        region: None,
        from_phone: false,
    })
}

/// The customer's zone: the address region's (a state or province the table knows), else the
/// address country's, else the first phone's country's (a calling code shared by several
/// countries, `+1`, reads as its main one).
pub fn customer_zone(contact: &NewContact) -> Option<CustomerZone> {
    let address = &contact.address;
    let in_region = zone_of(&address.country).and_then(|country| {
        let region = region_of(country.country, &address.region)?;
        Some(CustomerZone { zone: region.zone, several: region.split, region: Some(region.name), ..country })
    });
    in_region.or_else(|| zone_of(&address.country)).or_else(|| {
        contact.phones.iter().find_map(|p| {
            let country = phone_country(p).or(readable(p).region)?;
            zone_of(country).map(|z| CustomerZone { from_phone: true, ..z })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_names_each_country_once() {
        assert!(ZONES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn the_address_country_decides_then_a_phone() {
        let mut c = NewContact { phones: vec!["+442079460001".into()], ..NewContact::default() };
        let z = customer_zone(&c).unwrap();
        assert_eq!((z.zone, z.country, z.several, z.from_phone), ("Europe/London", "GB", false, true));
        c.address.country = "de".into();
        let z = customer_zone(&c).unwrap();
        assert_eq!((z.zone, z.from_phone), ("Europe/Berlin", false));
    }

    #[test]
    fn a_country_of_several_zones_says_so_and_unknowns_show_nothing() {
        let c = NewContact { phones: vec!["+14155550100".into()], ..NewContact::default() };
        let z = customer_zone(&c).unwrap();
        assert_eq!((z.zone, z.country, z.several), ("America/New_York", "US", true));
        assert!(zone_of("AU").unwrap().several);
        assert_eq!(customer_zone(&NewContact { phones: vec!["+99912345678".into()], ..NewContact::default() }), None);
        assert_eq!(customer_zone(&NewContact::default()), None);
    }

    #[test]
    fn a_state_or_province_of_the_address_names_its_own_zone() {
        let mut c = NewContact { phones: vec!["+14155550100".into()], ..NewContact::default() };
        c.address.country = "US".into();
        c.address.region = "CA".into();
        let z = customer_zone(&c).unwrap();
        assert_eq!(
            (z.zone, z.several, z.region, z.from_phone),
            ("America/Los_Angeles", false, Some("California"), false)
        );
        c.address.region = "Texas".into();
        let z = customer_zone(&c).unwrap();
        assert_eq!((z.zone, z.several, z.region), ("America/Chicago", true, Some("Texas")));
        c.address.region = "Somewhere".into();
        let z = customer_zone(&c).unwrap();
        assert_eq!((z.zone, z.several, z.region), ("America/New_York", true, None));
    }
}
