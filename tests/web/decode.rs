//! The panel's JSON decoding (serde_json over the response text) in the browser: every response
//! shape the panel reads decodes as it does natively, derived enums included, and anything else is
//! "not the expected JSON".

use c360_panel::api::{ApiError, decode};
use c360_wire::{HostOrigins, Identity, InteractionsInsight, PanelConfig, Problem, TranscriptSummariesResponse};
use serde::Deserialize;
use wasm_bindgen_test::*;

const EXAMPLE: &str = include_str!("../../crates/wire/fixtures/published-example.json");

/// What [`decode`] makes of `json`: the value, or `None` for any error.
fn decoded<T: serde::de::DeserializeOwned>(json: &str) -> Option<T> {
    decode::<T>(json).ok()
}

#[wasm_bindgen_test]
fn the_published_example_decodes_as_serde_json_reads_it() {
    let expected: InteractionsInsight = serde_json::from_str(EXAMPLE).unwrap();
    assert_eq!(decoded::<InteractionsInsight>(EXAMPLE), Some(expected));
    let first = &decoded::<InteractionsInsight>(EXAMPLE).unwrap().interactions[0];
    assert!(!first.interaction_id.is_empty(), "not an empty default");
}

#[wasm_bindgen_test]
fn absent_null_and_unknown_fields_and_open_enums() {
    let json = r#"{"interactions":[{"interactionId":"x","mediaType":"VIDEO","direction":"SIDEWAYS",
        "startedAt":1,"endedAt":null,"sentiment":"ECSTATIC","futureField":{"a":[1,2]}}],"insights":null}"#;
    let expected: InteractionsInsight = serde_json::from_str(json).unwrap();
    assert_eq!(decoded::<InteractionsInsight>(json), Some(expected));
    let topics = r#"{"insights":{"aggregatedTopics":{"totalInteractions":3,"topicFrequency":[
        {"topicName":"billing","interactionsMatchedCount":2,"percentageMatched":66.7},
        {"topicName":"refund","categoryName":"money","interactionsMatchedCount":1,"percentageMatched":33}]}}}"#;
    let expected: InteractionsInsight = serde_json::from_str(topics).unwrap();
    assert_eq!(decoded::<InteractionsInsight>(topics), Some(expected));
}

#[wasm_bindgen_test]
fn the_other_responses_decode() {
    let summaries = r#"{"summaries":[{"interactionId":"a","summaryObjectId":"s","content":{"id":"c",
        "result":"Asked about a refund.","status":"DONE","type":"SUMMARY","duration":1.5},
        "metadata":{"createdAt":"2024-08-23T08:00:00Z","sizeBytes":120}}],
        "partialFailures":[{"interactionId":"b","reason":"Summary not available"}]}"#;
    let expected: TranscriptSummariesResponse = serde_json::from_str(summaries).unwrap();
    assert_eq!(decoded::<TranscriptSummariesResponse>(summaries), Some(expected));
    let problem = r#"{"status":401,"title":"Unauthorized","detail":"Panel token expired",
        "errors":[{"field":"Authorization","code":"token_expired","message":"x"}]}"#;
    assert_eq!(decoded::<Problem>(problem), serde_json::from_str(problem).ok());
    let config = r#"{"tenantId":"demo","nativeCrm":true,"speechAnalytics":false}"#;
    assert_eq!(decoded::<PanelConfig>(config), serde_json::from_str(config).ok());
    let origins = r#"{"allowedHostOrigins":["https://a.example","https://b.example"]}"#;
    assert_eq!(decoded::<HostOrigins>(origins), serde_json::from_str(origins).ok());
}

/// A plain derived enum, externally tagged (serde's default): unit, newtype, tuple and struct
/// variants. The browser-value deserializer this replaced forwarded enums to `deserialize_any`,
/// so this failed in the browser while passing natively.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Change {
    Cleared,
    Renamed(String),
    Moved(i32, i32),
    Merged { into: String, note: Option<String> },
}

/// The same, internally tagged, as the CRM's activity kinds will be.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum Activity {
    Call { minutes: u32 },
    Note { text: String },
    Reminder,
}

#[wasm_bindgen_test]
fn derived_enums_decode_externally_and_internally_tagged() {
    assert_eq!(decoded::<Change>(r#""cleared""#), Some(Change::Cleared));
    assert_eq!(decoded::<Change>(r#"{"renamed":"Dana W."}"#), Some(Change::Renamed("Dana W.".into())));
    assert_eq!(decoded::<Change>(r#"{"moved":[3,-4]}"#), Some(Change::Moved(3, -4)));
    assert_eq!(
        decoded::<Vec<Change>>(r#"[{"merged":{"into":"c-2","note":"duplicate"}},{"merged":{"into":"c-3"}}]"#),
        Some(vec![
            Change::Merged { into: "c-2".into(), note: Some("duplicate".into()) },
            Change::Merged { into: "c-3".into(), note: None },
        ])
    );
    assert_eq!(decoded::<Activity>(r#"{"kind":"call","minutes":12}"#), Some(Activity::Call { minutes: 12 }));
    assert_eq!(
        decoded::<Activity>(r#"{"text":"Call back","kind":"note"}"#),
        Some(Activity::Note { text: "Call back".into() })
    );
    assert_eq!(decoded::<Activity>(r#"{"kind":"reminder"}"#), Some(Activity::Reminder));
    let dana = Identity::Phone { phone_number: "+14155550100".into() };
    let json = serde_json::to_string(&dana).unwrap();
    assert!(json.contains(r#""kind":"phone""#), "{json}");
    assert_eq!(decoded::<Identity>(&json), Some(dana), "the wire crate's own internally tagged enum");
    for bad in [r#""archived""#, r#"{"renamed":3}"#, r#"{"kind":"visit"}"#, r#"{"minutes":12}"#, r#"{"kind":"call"}"#] {
        assert_eq!(decoded::<Change>(bad), None, "{bad}");
        assert_eq!(decoded::<Activity>(bad), None, "{bad}");
    }
}

#[wasm_bindgen_test]
fn anything_else_is_not_the_expected_json() {
    for bad in [
        "not json",
        "[]",
        "null",
        r#"{"tenantId":"demo","nativeCrm":"yes","speechAnalytics":false}"#,
        r#"{"tenantId":"demo","speechAnalytics":false}"#,
        r#"{"status":70000,"title":"t","detail":"d"}"#,
        r#"{"status":-1,"title":"t","detail":"d"}"#,
        r#"{"status":401.5,"title":"t","detail":"d"}"#,
        r#"{"allowedHostOrigins":"https://a.example"}"#,
        r#"{"allowedHostOrigins":[1]}"#,
    ] {
        assert!(serde_json::from_str::<PanelConfig>(bad).is_err(), "{bad}");
        assert!(matches!(decode::<PanelConfig>(bad), Err(ApiError::Decode(_))), "{bad}");
        assert_eq!(decoded::<Problem>(bad), None, "{bad}");
        assert_eq!(decoded::<HostOrigins>(bad), None, "{bad}");
    }
}
