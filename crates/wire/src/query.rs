//! The interactions-insight query and its validation rules: exactly one identity, the `crmId`
//! rules, E.164 phones, well-formed emails, and an ISO-8601 time range with offsets.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use crate::NATIVE_CRM;
use crate::identity::{Identity, is_e164, normalize_email};
use crate::problem::{FieldError, codes};
use crate::routes::params;

/// The parameters that each select an identity; a query names exactly one.
const IDENTITY_PARAMS: [&str; 4] = [params::CONTACT_ID, params::ACCOUNT_ID, params::EMAIL, params::PHONE_NUMBER];

/// The query string exactly as a caller sent it: every parameter optional and unparsed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InsightQuery {
    /// Contact strategy (needs `crmId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// Account strategy (`crmId` optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// Email strategy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone strategy (E.164).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// CRM id, only `native`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crm_id: Option<String>,
    /// Start of the window, ISO-8601 with offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// End of the window, ISO-8601 with offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
}

/// A closed time window in epoch milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRange {
    /// Inclusive start.
    pub start_ms: i64,
    /// Inclusive end.
    pub end_ms: i64,
}

/// A query that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidatedInsightQuery {
    /// The one identity, normalised (email lower-cased).
    pub identity: Identity,
    /// The window, defaults applied.
    pub range: TimeRange,
}

impl InsightQuery {
    /// A query for one identity over the default window.
    pub fn for_identity(identity: &Identity) -> Self {
        let mut q = Self::default();
        match identity {
            Identity::Phone { phone_number } => q.phone_number = Some(phone_number.clone()),
            Identity::Email { email } => q.email = Some(email.clone()),
            Identity::Contact { contact_id } => {
                q.contact_id = Some(contact_id.clone());
                q.crm_id = Some(NATIVE_CRM.to_owned());
            }
            Identity::Account { account_id } => q.account_id = Some(account_id.clone()),
        }
        q
    }

    /// The given parameters as `(name, value)` pairs, in the order of the contract's table.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            (params::CONTACT_ID, &self.contact_id),
            (params::ACCOUNT_ID, &self.account_id),
            (params::EMAIL, &self.email),
            (params::PHONE_NUMBER, &self.phone_number),
            (params::CRM_ID, &self.crm_id),
            (params::START_TIME, &self.start_time),
            (params::END_TIME, &self.end_time),
        ]
        .into_iter()
        .filter_map(|(name, v)| v.as_deref().map(|v| (name, v)))
        .collect()
    }

    /// Applies every rule of the contract; `now` is the default end of the window. Returns all the
    /// field errors at once so a caller can fix everything in one go.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<ValidatedInsightQuery, Vec<FieldError>> {
        let mut errors = Vec::new();
        let identity = self.identity(&mut errors);
        let range = self.range(now, &mut errors);
        match (identity, range) {
            (Some(identity), Some(range)) if errors.is_empty() => Ok(ValidatedInsightQuery { identity, range }),
            _ => Err(errors),
        }
    }

    fn identity(&self, errors: &mut Vec<FieldError>) -> Option<Identity> {
        let given: Vec<(&str, &str)> =
            self.pairs().into_iter().filter(|(name, _)| IDENTITY_PARAMS.contains(name)).collect();

        let (name, value) = match given.as_slice() {
            [] => {
                errors.push(FieldError::new(
                    "contactId|accountId|email|phoneNumber",
                    codes::REQUIRED,
                    "Give exactly one identity: contactId (with crmId), accountId, email or phoneNumber.",
                ));
                return None;
            }
            [one] => *one,
            many => {
                let names: Vec<&str> = many.iter().map(|(n, _)| *n).collect();
                errors.push(FieldError::new(
                    names.join("|"),
                    codes::CONFLICT,
                    format!("Give exactly one identity, not {}: {}.", names.len(), names.join(", ")),
                ));
                return None;
            }
        };

        if value.trim().is_empty() {
            errors.push(FieldError::new(name, codes::REQUIRED, format!("{name} must not be empty.")));
            return None;
        }

        let before = errors.len();
        match (name, self.crm_id.as_deref()) {
            (params::CONTACT_ID, None) => errors.push(FieldError::new(
                params::CRM_ID,
                codes::REQUIRED,
                "crmId is required with contactId; the only supported value is \"native\".",
            )),
            (params::EMAIL | params::PHONE_NUMBER, Some(_)) => errors.push(FieldError::new(
                params::CRM_ID,
                codes::FORBIDDEN,
                format!("crmId must not be given with {name}."),
            )),
            (_, Some(crm)) if crm != NATIVE_CRM => errors.push(FieldError::new(
                params::CRM_ID,
                codes::INVALID_VALUE,
                format!("crmId must be \"native\", not \"{crm}\"."),
            )),
            _ => {}
        }

        let identity = match name {
            params::PHONE_NUMBER if !is_e164(value) => {
                errors.push(FieldError::new(
                    params::PHONE_NUMBER,
                    codes::INVALID_FORMAT,
                    "phoneNumber must be in E.164 form: + then country code and number, digits only (e.g. +14155550100).",
                ));
                None
            }
            params::PHONE_NUMBER => Some(Identity::Phone { phone_number: value.to_owned() }),
            params::EMAIL => match normalize_email(value) {
                Some(email) => Some(Identity::Email { email }),
                None => {
                    errors.push(FieldError::new(
                        params::EMAIL,
                        codes::INVALID_FORMAT,
                        "email is not a well-formed email address.",
                    ));
                    None
                }
            },
            params::CONTACT_ID => Some(Identity::Contact { contact_id: value.to_owned() }),
            _ => Some(Identity::Account { account_id: value.to_owned() }),
        };
        identity.filter(|_| errors.len() == before)
    }

    fn range(&self, now: DateTime<Utc>, errors: &mut Vec<FieldError>) -> Option<TimeRange> {
        let end = parse_time(params::END_TIME, self.end_time.as_deref(), errors);
        let start = parse_time(params::START_TIME, self.start_time.as_deref(), errors);
        let (Ok(end), Ok(start)) = (end, start) else { return None };
        let end = end.map(|t| t.with_timezone(&Utc)).unwrap_or(now);
        let start = start
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| end.checked_sub_signed(Duration::days(365)).unwrap_or(DateTime::<Utc>::MIN_UTC));
        if start > end {
            errors.push(FieldError::new(
                params::START_TIME,
                codes::INVALID_VALUE,
                "startTime must not be after endTime.",
            ));
            return None;
        }
        Some(TimeRange { start_ms: start.timestamp_millis(), end_ms: end.timestamp_millis() })
    }
}

/// Parses an optional ISO-8601 timestamp that must carry a timezone offset.
fn parse_time(
    field: &str,
    value: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Result<Option<DateTime<FixedOffset>>, ()> {
    let Some(value) = value else { return Ok(None) };
    DateTime::parse_from_rfc3339(value.trim()).map(Some).map_err(|_| {
        errors.push(FieldError::new(
            field,
            codes::INVALID_FORMAT,
            format!("{field} must be ISO-8601 with a timezone offset, e.g. 2025-01-01T00:00:00-05:00."),
        ));
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Query parameters of one case.
    type Pairs<'a> = &'a [(&'a str, &'a str)];

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap()
    }

    fn q(pairs: &[(&str, &str)]) -> InsightQuery {
        let map: serde_json::Map<String, serde_json::Value> =
            pairs.iter().map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v))).collect();
        serde_json::from_value(serde_json::Value::Object(map)).unwrap()
    }

    fn fields(r: Result<ValidatedInsightQuery, Vec<FieldError>>) -> Vec<(String, String)> {
        r.unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn accepts_each_strategy() {
        let cases: &[(Pairs, Identity)] = &[
            (&[("phoneNumber", "+14155550100")], Identity::Phone { phone_number: "+14155550100".into() }),
            (&[("email", "Ana@Example.com")], Identity::Email { email: "ana@example.com".into() }),
            (&[("contactId", "c-1"), ("crmId", "native")], Identity::Contact { contact_id: "c-1".into() }),
            (&[("accountId", "a-1")], Identity::Account { account_id: "a-1".into() }),
            (&[("accountId", "a-1"), ("crmId", "native")], Identity::Account { account_id: "a-1".into() }),
        ];
        for (pairs, want) in cases {
            assert_eq!(&q(pairs).validate(now()).unwrap().identity, want, "{pairs:?}");
        }
    }

    #[test]
    fn rejects_each_rule_with_the_field_at_fault() {
        let cases: &[(Pairs, &str, &str)] = &[
            (&[], "contactId|accountId|email|phoneNumber", codes::REQUIRED),
            (&[("email", "a@b.co"), ("phoneNumber", "+14155550100")], "email|phoneNumber", codes::CONFLICT),
            (&[("contactId", "c-1")], "crmId", codes::REQUIRED),
            (&[("contactId", "c-1"), ("crmId", "salesforce")], "crmId", codes::INVALID_VALUE),
            (&[("accountId", "a-1"), ("crmId", "hubspot")], "crmId", codes::INVALID_VALUE),
            (&[("email", "a@b.co"), ("crmId", "native")], "crmId", codes::FORBIDDEN),
            (&[("phoneNumber", "+14155550100"), ("crmId", "native")], "crmId", codes::FORBIDDEN),
            (&[("phoneNumber", "4155550100")], "phoneNumber", codes::INVALID_FORMAT),
            (&[("phoneNumber", "+1 415 555 0100")], "phoneNumber", codes::INVALID_FORMAT),
            (&[("email", "not-an-email")], "email", codes::INVALID_FORMAT),
            (&[("email", "")], "email", codes::REQUIRED),
            (&[("email", "a@b.co"), ("startTime", "2025-01-01T00:00:00")], "startTime", codes::INVALID_FORMAT),
            (&[("email", "a@b.co"), ("endTime", "yesterday")], "endTime", codes::INVALID_FORMAT),
            (
                &[("email", "a@b.co"), ("startTime", "2025-02-01T00:00:00Z"), ("endTime", "2025-01-01T00:00:00Z")],
                "startTime",
                codes::INVALID_VALUE,
            ),
        ];
        for (pairs, field, code) in cases {
            let got = fields(q(pairs).validate(now()));
            assert!(got.contains(&((*field).to_owned(), (*code).to_owned())), "{pairs:?} gave {got:?}");
        }
    }

    #[test]
    fn time_window_defaults_to_the_year_before_end() {
        let v = q(&[("email", "a@b.co")]).validate(now()).unwrap();
        assert_eq!(v.range.end_ms, now().timestamp_millis());
        assert_eq!(v.range.end_ms - v.range.start_ms, 365 * 24 * 3600 * 1000);

        let v = q(&[("email", "a@b.co"), ("endTime", "2025-12-31T23:59:59-05:00")]).validate(now()).unwrap();
        let end = Utc.with_ymd_and_hms(2026, 1, 1, 4, 59, 59).unwrap();
        assert_eq!(v.range.end_ms, end.timestamp_millis());
        assert_eq!(v.range.start_ms, (end - Duration::days(365)).timestamp_millis());

        let v = q(&[("email", "a@b.co"), ("startTime", "2025-01-01T00:00:00-00:00")]).validate(now()).unwrap();
        assert_eq!(v.range.start_ms, Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap().timestamp_millis());
    }
}
