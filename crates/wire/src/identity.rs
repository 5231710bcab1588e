//! Customer identities (the four search strategies) and the normalisation of phone numbers and
//! email addresses, so that matching is done on one canonical form everywhere.

use serde::{Deserialize, Serialize};

use crate::routes::params;

/// Exactly one customer identity, as the contract's search strategies define it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Identity {
    /// A phone number in E.164 form (`+14155550100`).
    Phone { phone_number: String },
    /// An email address, compared case-insensitively.
    Email { email: String },
    /// A CRM contact (`crmId` is always `native`).
    Contact { contact_id: String },
    /// A CRM account.
    Account { account_id: String },
}

impl Identity {
    /// The query parameter name and value that select this identity.
    pub fn query_pair(&self) -> (&'static str, &str) {
        match self {
            Identity::Phone { phone_number } => (params::PHONE_NUMBER, phone_number),
            Identity::Email { email } => (params::EMAIL, email),
            Identity::Contact { contact_id } => (params::CONTACT_ID, contact_id),
            Identity::Account { account_id } => (params::ACCOUNT_ID, account_id),
        }
    }

    /// The identifier as an agent reads it.
    pub fn display_value(&self) -> &str {
        self.query_pair().1
    }
}

/// Whether `s` is a phone number in strict E.164 form: `+`, a non-zero digit, 1 to 14 more digits.
pub fn is_e164(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('+') else { return false };
    (2..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

/// Normalises a phone number as people type it (`+1 (415) 555-0100`, `0044 20 …`) to E.164.
///
/// Spaces, dots, dashes and parentheses are dropped and a leading `00` becomes `+`. Returns `None`
/// when the result is not E.164 (no country code, letters, too long): we never guess a country.
/// (`crm::phone::normalize_phone_in` adds a tenant's default country for national numbers.)
pub fn normalize_phone(input: &str) -> Option<String> {
    let mut out = dial_string(input)?;
    if let Some(rest) = out.strip_prefix("00") {
        out = format!("+{rest}");
    }
    is_e164(&out).then_some(out)
}

/// What was dialled, without its punctuation: digits, led by `+` if it was typed first. `None`
/// for anything but digits, a leading `+`, spaces, dots, dashes and parentheses.
pub(crate) fn dial_string(input: &str) -> Option<String> {
    let trimmed = input.trim();
    let mut out = String::with_capacity(trimmed.len());
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '+' if i == 0 => out.push('+'),
            '0'..='9' => out.push(c),
            ' ' | '.' | '-' | '(' | ')' | '\u{a0}' => {}
            _ => return None,
        }
    }
    Some(out)
}

/// Whether `s` looks like an email address a mail system would accept: one `@`, a non-empty local
/// part, a domain of dot-separated labels with at least one dot, no spaces, at most 254 characters.
pub fn is_email(s: &str) -> bool {
    if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = s.split_once('@') else { return false };
    if local.is_empty() || local.len() > 64 || domain.contains('@') {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// The canonical form of an email address for matching: trimmed and lower-cased.
pub fn normalize_email(input: &str) -> Option<String> {
    let s = input.trim().to_lowercase();
    is_email(&s).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e164_accepts_country_code_numbers_only() {
        assert!(is_e164("+14155550100"));
        assert!(is_e164("+442079460000"));
        assert!(!is_e164("14155550100"), "no plus");
        assert!(!is_e164("+04155550100"), "leading zero country code");
        assert!(!is_e164("+1415555010012345"), "too long");
        assert!(!is_e164("+1 415 555 0100"), "spaces");
        assert!(!is_e164("+"));
    }

    #[test]
    fn phone_normalisation_strips_punctuation_and_international_prefix() {
        assert_eq!(normalize_phone("+1 (415) 555-0100").as_deref(), Some("+14155550100"));
        assert_eq!(normalize_phone("0044 20 7946 0000").as_deref(), Some("+442079460000"));
        assert_eq!(normalize_phone(" +1.415.555.0100 ").as_deref(), Some("+14155550100"));
        assert_eq!(normalize_phone("415-555-0100"), None, "no country code is never guessed");
        assert_eq!(normalize_phone("+1 415 CALL NOW"), None);
    }

    #[test]
    fn email_rules() {
        assert!(is_email("ana.silva@example.com"));
        assert!(is_email("a+tag@sub.example.co.uk"));
        assert!(!is_email("no-at-sign.example.com"));
        assert!(!is_email("two@@example.com"));
        assert!(!is_email("@example.com"));
        assert!(!is_email("user@localhost"));
        assert!(!is_email("user@exa mple.com"));
        assert!(!is_email("user@.example.com"));
        assert_eq!(normalize_email(" Ana.Silva@Example.COM ").as_deref(), Some("ana.silva@example.com"));
    }
}
