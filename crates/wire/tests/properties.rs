//! Property tests of the contract's validation rules: identities, E.164, emails, the insight
//! query and the query-string encoding. Properties: no panic on any input; what a normaliser
//! returns, the validator accepts and normalising again leaves as it is; what the rules accept
//! once, they accept again when the panel sends it back (no accept-then-reject). Native only, as
//! proptest is.
#![cfg(not(target_arch = "wasm32"))]

use c360_wire::crm::phone::normalize_phone_in;
use c360_wire::identity::{is_e164, is_email};
use c360_wire::urlencoding::{decode, encode, parse_pairs};
use c360_wire::{Identity, InsightQuery, normalize_email, normalize_phone};
use chrono::{TimeZone, Utc};
use proptest::prelude::*;

/// Phone numbers as people type them, and noise.
fn typed_phone() -> impl Strategy<Value = String> {
    prop_oneof![
        "[+0]?[0-9 ().-]{0,20}",
        "\\+[1-9][0-9]{1,14}",
        "00[1-9][0-9 ]{1,16}",
        "[ -~\u{a0}]{0,20}",
        any::<String>(),
    ]
}

/// Email addresses as people type them, and noise.
fn typed_email() -> impl Strategy<Value = String> {
    prop_oneof![
        " ?[A-Za-z0-9._%+-]{1,12}@[A-Za-z0-9-]{1,10}(\\.[A-Za-z0-9-]{1,6}){1,2} ?",
        "[ -~]{0,30}",
        "[a-zé]{1,6}@[a-zé]{1,6}\\.[a-z]{2,3}",
        any::<String>(),
    ]
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap()
}

/// An insight query with any subset of parameters, near-valid values most of the time.
fn insight_query() -> impl Strategy<Value = InsightQuery> {
    let text = || prop_oneof![3 => "[ -~]{0,12}", 1 => Just(String::new())];
    let time = || {
        prop_oneof![
            "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9](Z|[+-][01][0-9]:[0-5][0-9])",
            "[ -~]{0,25}",
        ]
    };
    (
        prop::option::weighted(0.2, text()),
        prop::option::weighted(0.2, text()),
        prop::option::weighted(0.3, typed_email()),
        prop::option::weighted(0.3, typed_phone()),
        prop::option::weighted(0.2, prop_oneof![Just("native".to_owned()), text()]),
        prop::option::weighted(0.2, time()),
        prop::option::weighted(0.2, time()),
    )
        .prop_map(|(contact_id, account_id, email, phone_number, crm_id, start_time, end_time)| InsightQuery {
            contact_id,
            account_id,
            email,
            phone_number,
            crm_id,
            start_time,
            end_time,
        })
}

/// `pairs` as a query string, each part encoded.
fn query_string(pairs: &[(String, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn a_normalised_phone_is_e164_and_stays_as_it_is(input in typed_phone()) {
        if let Some(e164) = normalize_phone(&input) {
            prop_assert!(is_e164(&e164), "{input:?} → {e164:?}");
            prop_assert_eq!(normalize_phone(&e164), Some(e164));
        }
    }

    #[test]
    fn e164_is_accepted_as_it_is(input in typed_phone()) {
        if is_e164(&input) {
            prop_assert_eq!(normalize_phone(&input), Some(input));
        }
    }

    #[test]
    fn a_phone_read_with_a_default_country_is_e164(
        input in typed_phone(),
        country in prop::sample::select(&["US", "GB", "DE", "FR", "BR", "IN", "AU", "XX", ""][..]),
    ) {
        if let Some(e164) = normalize_phone_in(&input, Some(country)) {
            prop_assert!(is_e164(&e164), "{input:?} in {country} → {e164:?}");
            prop_assert_eq!(normalize_phone_in(&e164, Some(country)), Some(e164.clone()));
            prop_assert_eq!(normalize_phone(&e164), Some(e164));
        }
    }

    #[test]
    fn a_normalised_email_is_valid_and_stays_as_it_is(input in typed_email()) {
        if let Some(email) = normalize_email(&input) {
            prop_assert!(is_email(&email), "{input:?} → {email:?}");
            prop_assert_eq!(normalize_email(&email), Some(email));
        }
    }

    /// What the panel pre-checks with these rules, the server accepts: the panel sends an
    /// identity as `InsightQuery::for_identity`, which the server validates again.
    #[test]
    fn an_accepted_query_is_accepted_again_for_its_identity(query in insight_query()) {
        if let Ok(valid) = query.validate(now()) {
            let again = InsightQuery::for_identity(&valid.identity).validate(now());
            prop_assert_eq!(again.map(|v| v.identity), Ok(valid.identity));
        }
    }

    #[test]
    fn every_normalised_identity_makes_a_valid_query(phone in typed_phone(), email in typed_email()) {
        let identities = [
            normalize_phone(&phone).map(|phone_number| Identity::Phone { phone_number }),
            normalize_email(&email).map(|email| Identity::Email { email }),
        ];
        for identity in identities.into_iter().flatten() {
            let validated = InsightQuery::for_identity(&identity).validate(now());
            prop_assert_eq!(validated.map(|v| v.identity), Ok(identity));
        }
    }

    #[test]
    fn any_component_round_trips_through_the_query_encoding(s in any::<String>()) {
        prop_assert_eq!(decode(&encode(&s)), Some(s));
    }

    #[test]
    fn encoded_pairs_are_read_back_in_order(pairs in prop::collection::vec((any::<String>(), any::<String>()), 0..6)) {
        prop_assert_eq!(parse_pairs(&query_string(&pairs)), Some(pairs));
    }

    #[test]
    fn any_query_string_is_read_or_refused_without_panicking(raw in "[ -~%&=+\u{80}-\u{10ffff}]{0,40}") {
        if let Some(pairs) = parse_pairs(&raw) {
            // What was read is read the same again once re-encoded.
            prop_assert_eq!(parse_pairs(&query_string(&pairs)), Some(pairs));
        }
    }
}
