//! The panel's JSON decoding (`JSON.parse`, then the browser-value deserializer) agrees with
//! `serde_json` on every response shape the panel reads.

use c360_panel::api::decode;
use c360_wire::{HostOrigins, InteractionsInsight, PanelConfig, Problem, TranscriptSummariesResponse};
use wasm_bindgen_test::*;

const EXAMPLE: &str = include_str!("../../crates/wire/fixtures/published-example.json");

#[wasm_bindgen_test]
fn the_published_example_decodes_as_serde_json_reads_it() {
    let expected: InteractionsInsight = serde_json::from_str(EXAMPLE).unwrap();
    assert_eq!(decode::<InteractionsInsight>(EXAMPLE), Some(expected));
}

#[wasm_bindgen_test]
fn absent_null_and_unknown_fields_and_open_enums() {
    let json = r#"{"interactions":[{"interactionId":"x","mediaType":"VIDEO","direction":"SIDEWAYS",
        "startedAt":1,"endedAt":null,"sentiment":"ECSTATIC","futureField":{"a":[1,2]}}],"insights":null}"#;
    let expected: InteractionsInsight = serde_json::from_str(json).unwrap();
    assert_eq!(decode::<InteractionsInsight>(json), Some(expected));
    let topics = r#"{"insights":{"aggregatedTopics":{"totalInteractions":3,"topicFrequency":[
        {"topicName":"billing","interactionsMatchedCount":2,"percentageMatched":66.7},
        {"topicName":"refund","categoryName":"money","interactionsMatchedCount":1,"percentageMatched":33}]}}}"#;
    let expected: InteractionsInsight = serde_json::from_str(topics).unwrap();
    assert_eq!(decode::<InteractionsInsight>(topics), Some(expected));
}

#[wasm_bindgen_test]
fn the_other_responses_decode() {
    let summaries = r#"{"summaries":[{"interactionId":"a","summaryObjectId":"s","content":{"id":"c",
        "result":"Asked about a refund.","status":"DONE","type":"SUMMARY","duration":1.5},
        "metadata":{"createdAt":"2024-08-23T08:00:00Z","sizeBytes":120}}],
        "partialFailures":[{"interactionId":"b","reason":"Summary not available"}]}"#;
    let expected: TranscriptSummariesResponse = serde_json::from_str(summaries).unwrap();
    assert_eq!(decode::<TranscriptSummariesResponse>(summaries), Some(expected));
    let problem = r#"{"status":401,"title":"Unauthorized","detail":"Panel token expired",
        "errors":[{"field":"Authorization","code":"token_expired","message":"x"}]}"#;
    assert_eq!(decode::<Problem>(problem), serde_json::from_str(problem).ok());
    let config = r#"{"tenantId":"demo","nativeCrm":true,"speechAnalytics":false}"#;
    assert_eq!(decode::<PanelConfig>(config), serde_json::from_str(config).ok());
    let origins = r#"{"allowedHostOrigins":["https://a.example","https://b.example"]}"#;
    assert_eq!(decode::<HostOrigins>(origins), serde_json::from_str(origins).ok());
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
        assert_eq!(decode::<PanelConfig>(bad), None, "{bad}");
        assert_eq!(decode::<Problem>(bad), None, "{bad}");
        assert_eq!(decode::<HostOrigins>(bad), None, "{bad}");
    }
}
