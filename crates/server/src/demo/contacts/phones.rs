//! Phone numbers for generated contacts that never collide: each country's mobiles and landlines
//! are a [`NumberSpace`] of at least ten million numbers, and the `index`-th contact gets the
//! number at a fixed permutation of its index in that space — one-to-one, so two contacts share a
//! number only when the demo means them to (a household landline).

/// Numbers that start with one of `prefixes` (country code and area or mobile code, digits only),
/// then a digit of `lead`, then enough digits to make `digits` after the prefix.
#[derive(Debug, Clone, Copy)]
pub struct NumberSpace {
    /// Country code and area or mobile code, digits only; none is a prefix of another.
    pub prefixes: &'static [&'static str],
    /// Digits the subscriber number may start with.
    pub lead: &'static str,
    /// Digits after the prefix, the lead included.
    pub digits: u32,
}

/// A prime larger than every space: multiplying by it modulo a space's size permutes it.
const STRIDE: u128 = 2_147_483_647;
/// The most contacts whose numbers are guaranteed distinct (every space is at least this large).
pub const DISTINCT_UP_TO: u64 = 10_000_000;

impl NumberSpace {
    /// A space of `prefixes` × `lead` × the remaining free digits.
    pub const fn new(prefixes: &'static [&'static str], lead: &'static str, digits: u32) -> Self {
        Self { prefixes, lead, digits }
    }

    /// The North American plan: ten digits after `+1`, the exchange never starting with 0 or 1.
    pub const fn nanp(area_codes: &'static [&'static str]) -> Self {
        Self::new(area_codes, "23456789", 7)
    }

    /// How many numbers the space holds.
    pub fn size(&self) -> u64 {
        self.prefixes.len() as u64 * self.lead.len() as u64 * 10u64.pow(self.digits - 1)
    }

    /// The E.164 number for `index` (distinct for every index below [`NumberSpace::size`]).
    pub fn number(&self, index: u64) -> String {
        let size = self.size();
        // Each space starts the permutation elsewhere, so a contact's mobile and landline do not
        // end in the same digits.
        let offset = self.prefixes[0].bytes().fold(0u128, |h, b| h * 131 + u128::from(b));
        let n = ((u128::from(index) * STRIDE + offset) % u128::from(size)) as u64;
        let per_lead = 10u64.pow(self.digits - 1);
        let per_prefix = self.lead.len() as u64 * per_lead;
        let prefix = self.prefixes[(n / per_prefix) as usize];
        let lead = self.lead.as_bytes()[((n % per_prefix) / per_lead) as usize] as char;
        let width = (self.digits - 1) as usize;
        format!("+{prefix}{lead}{:0width$}", n % per_lead)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::contacts::countries::COUNTRIES;
    use std::collections::HashSet;

    fn spaces() -> Vec<NumberSpace> {
        COUNTRIES.iter().flat_map(|c| [c.mobile, c.landline]).collect()
    }

    #[test]
    fn every_space_is_large_enough_and_its_prefixes_never_overlap_another_s() {
        let prefixes: Vec<&str> = spaces().iter().flat_map(|s| s.prefixes.iter().copied()).collect();
        for (i, a) in prefixes.iter().enumerate() {
            for (j, b) in prefixes.iter().enumerate() {
                assert!(i == j || !b.starts_with(a), "{a} is a prefix of {b}");
            }
        }
        for space in spaces() {
            assert!(space.size() >= DISTINCT_UP_TO, "{:?} holds only {}", space.prefixes, space.size());
        }
    }

    #[test]
    fn numbers_are_valid_e164_of_their_country_and_distinct() {
        for space in spaces() {
            let mut seen = HashSet::new();
            for index in (0..2_000_000).step_by(97).chain(DISTINCT_UP_TO - 5..DISTINCT_UP_TO) {
                let number = space.number(index);
                assert!(c360_wire::identity::is_e164(&number), "{number}");
                assert!(space.prefixes.iter().any(|p| number[1..].starts_with(p)), "{number}");
                assert!(seen.insert(number.clone()), "{number} twice");
            }
        }
    }

    #[test]
    fn north_american_exchanges_never_start_with_0_or_1() {
        let space = NumberSpace::nanp(&["1206"]);
        for index in 0..5_000 {
            let number = space.number(index);
            assert_eq!(number.len(), 12, "{number}");
            assert!(number.as_bytes()[5] >= b'2', "{number}");
        }
    }
}
