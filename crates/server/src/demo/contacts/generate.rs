//! The `index`-th generated contact: a person in one of [`COUNTRIES`], a consumer or someone at a
//! company (then with a title, the company's account ID and an office address), with one or two
//! phones and emails. Each contact comes from its own seed, so any one is made without the others
//! and the same index always gives the same contact.

use c360_wire::crm::{Address, NewContact, fold};

use super::countries::{COMPANY_STEMS, COUNTRIES, Country, PERSONAL_DOMAINS, TITLES, TRADES};
use crate::demo::Rng;

/// Seed of the whole generated population.
const SEED: u64 = 0xC0_47AC_7500;

/// The contact id of the `index`-th generated contact: distinct for every index, and in the order
/// of the indexes, so a bulk seed appends to the tables and indexes keyed by contact instead of
/// inserting all over them (the server's own ids are random).
pub fn contact_id(index: u64) -> String {
    format!("c-{index:012x}")
}

/// The `index`-th generated contact.
pub fn contact(index: u64) -> NewContact {
    let mut rng = Rng::new(SEED ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let country = weighted_country(&mut rng);
    // Most people carry their country's names; some were born elsewhere.
    let names = if rng.chance(0.15) { weighted_country(&mut rng) } else { country };
    let first_name = (*rng.pick(names.first_names)).to_owned();
    let last_name = (*rng.pick(names.last_names)).to_owned();
    let (first, last) = (slug(&first_name, ""), slug(&last_name, ""));
    let business = rng.chance(0.55);

    let mut contact = NewContact { first_name, last_name, ..NewContact::default() };
    let (has_phone, has_email) = match rng.below(100) {
        0..4 => (false, true),
        4..10 => (true, false),
        _ => (true, true),
    };
    if business {
        let company = company(country, rng.next_u64());
        if has_email {
            let local = if rng.chance(0.7) { format!("{first}.{last}") } else { format!("{}{last}", &first[..1]) };
            contact.emails.push(format!("{local}@{}", company.domain));
            if rng.chance(0.2) {
                contact.emails.push(personal_email(&mut rng, &first, &last, index));
            }
        }
        if has_phone {
            contact.phones.push(country.landline.number(index));
            if rng.chance(0.5) {
                contact.phones.push(country.mobile.number(index));
            }
        }
        contact.company = company.name;
        contact.account_id = company.account_id;
        if rng.chance(0.85) {
            contact.title = (*rng.pick(TITLES)).to_owned();
        }
    } else {
        if has_email {
            contact.emails.push(personal_email(&mut rng, &first, &last, index));
        }
        if has_phone {
            contact.phones.push(country.mobile.number(index));
            if rng.chance(0.2) {
                contact.phones.push(country.landline.number(index));
            }
        }
        if rng.chance(0.6) {
            contact.account_id = format!("acct-{}", 1_000_000 + index);
        }
    }
    if rng.chance(0.85) {
        contact.address = address(&mut rng, country);
    }
    contact
}

/// A company business contacts work for.
struct Company {
    name: String,
    domain: String,
    account_id: String,
}

/// One of `country`'s companies, chosen by `roll`: a stem (a family name of the country or a
/// made-up word) and a trade, each pair one company, so colleagues share its name, domain and
/// account ID.
fn company(country: &Country, roll: u64) -> Company {
    let stems = country.last_names.len() + COMPANY_STEMS.len();
    let k = roll % (stems * TRADES.len()) as u64;
    let s = (k % stems as u64) as usize;
    let stem = country.last_names.get(s).copied().unwrap_or_else(|| COMPANY_STEMS[s - country.last_names.len()]);
    let trade = TRADES[(k / stems as u64) as usize];
    let suffix = country.company_suffixes[(k % country.company_suffixes.len() as u64) as usize];
    let name = if suffix.is_empty() { format!("{stem} {trade}") } else { format!("{stem} {trade} {suffix}") };
    // Under the reserved `.example` top-level domain (RFC 2606): no real company's mail.
    let domain = match country.code {
        "US" => format!("{}.example", slug(&format!("{stem} {trade}"), "-")),
        code => format!("{}.{}.example", slug(&format!("{stem} {trade}"), "-"), code.to_lowercase()),
    };
    let account_id = format!("acct-{}{:04}", country.code.to_lowercase(), 1000 + k);
    Company { name, domain, account_id }
}

/// A personal address on a mailbox provider's domain. The index in it keeps it distinct: names
/// hold no digits, and each pattern has its own separator.
fn personal_email(rng: &mut Rng, first: &str, last: &str, index: u64) -> String {
    let domain = rng.pick(PERSONAL_DOMAINS);
    match rng.below(3) {
        0 => format!("{first}.{last}{index}@{domain}"),
        1 => format!("{}{last}{index}@{domain}", &first[..1]),
        _ => format!("{first}_{last}{index}@{domain}"),
    }
}

fn address(rng: &mut Rng, country: &Country) -> Address {
    let (city, region, postal) = *rng.pick(country.cities);
    let number = rng.range(1, 250).to_string();
    let postal_code = postal
        .chars()
        .map(|c| match c {
            '#' => char::from(b'0' + rng.below(10) as u8),
            // The letters postcodes use (no C, I, K, M, O or V, which read like others).
            '@' => char::from(*rng.pick(b"ABDEFGHJLNPQRSTUWXYZ")),
            other => other,
        })
        .collect();
    Address {
        street: rng.pick(country.streets).replace("{n}", &number),
        city: city.to_owned(),
        region: region.to_owned(),
        postal_code,
        country: country.code.to_owned(),
    }
}

fn weighted_country(rng: &mut Rng) -> &'static Country {
    let mut roll = rng.below(100);
    for country in COUNTRIES {
        if roll < country.weight {
            return country;
        }
        roll -= country.weight;
    }
    &COUNTRIES[0]
}

/// `text` folded to ASCII letters and digits (`Ó Briain` → `obriain`), words joined by `sep`.
fn slug(text: &str, sep: &str) -> String {
    let folded = fold(text);
    let words: Vec<String> = folded
        .split_whitespace()
        .map(|w| w.chars().filter(char::is_ascii_alphanumeric).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect();
    words.join(sep)
}
