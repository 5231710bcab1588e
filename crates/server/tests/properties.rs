//! Property tests through the real loader and the real router, on the run's database engine:
//! no accept-then-reject between what the parsers accept and what the server then does.
//!
//! - An import file whose every line the parser reads as a record that meets the record rules,
//!   with no id twice, is imported whole; any other is refused with its rejects (never a database
//!   error, never a panic).
//! - A phone number the shared rules normalise to E.164, and an email they normalise, are queries
//!   the contract and CRM endpoints answer (200), not a 400.

mod common;

use axum::http::StatusCode;
use c360_server::import::{self, Failure, check, entries};
use c360_wire::urlencoding::encode;
use c360_wire::{normalize_email, normalize_phone};
use common::{TestDb, TestServer};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

/// Text near the limits: ordinary, empty, long, with a NUL or a non-ASCII character.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![6 => "[ -~]{0,16}", 1 => Just(String::new()), 1 => "[a-z]{0,4}\u{0}[a-z]{0,4}", 1 => "[é€😀 a-z]{0,10}", 1 => (4000usize..5000).prop_map(|n| "x".repeat(n))]
}

/// A field's value: usually of its type, sometimes missing or of another.
fn field(valid: BoxedStrategy<Value>) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![8 => valid.prop_map(Some), 1 => Just(None), 1 => prop_oneof![Just(Value::Null), text().prop_map(Value::from), any::<i64>().prop_map(Value::from)].prop_map(Some)]
}

/// One import record near the format (docs/api.md, `c360-server import`).
fn record() -> impl Strategy<Value = Value> {
    let media = prop_oneof![
        "\\+[1-9][0-9]{6,14}".prop_map(Value::from),
        "[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,3}".prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    let kind = prop::sample::select(&["PHONE", "EMAIL", "CHAT", "SMS", "VIDEO", "phone"][..]).prop_map(Value::from);
    let time = (0i64..4_000_000_000_000).prop_map(Value::from);
    let sentiment = prop::sample::select(&["POSITIVE", "NEUTRAL", "NEGATIVE", "HAPPY"][..]).prop_map(Value::from);
    let summary =
        (text(), any::<bool>()).prop_map(|(result, available)| json!({"result": result, "available": available}));
    (
        field("[a-z0-9-]{1,12}".prop_map(Value::from).boxed()),
        field(media.boxed()),
        field(kind.boxed()),
        field(time.clone().boxed()),
        prop::option::weighted(0.3, field(time.boxed())),
        prop::option::weighted(0.3, field(sentiment.boxed())),
        prop::option::weighted(0.3, field(text().prop_map(Value::from).boxed())),
        prop::option::weighted(0.3, field(summary.boxed())),
    )
        .prop_map(|(id, media, kind, started, ended, sentiment, queue, summary)| {
            let mut record = serde_json::Map::new();
            let fields = [
                ("interactionId", id),
                ("mediaIdentifier", media),
                ("mediaType", kind),
                ("startedAt", started),
                ("endedAt", ended.flatten()),
                ("sentiment", sentiment.flatten()),
                ("queueName", queue.flatten()),
                ("summary", summary.flatten()),
            ];
            for (key, value) in fields {
                if let Some(value) = value {
                    record.insert(key.to_owned(), value);
                }
            }
            Value::Object(record)
        })
}

/// An NDJSON file: records near the format, now and then a line that is not one.
fn file() -> impl Strategy<Value = Vec<String>> {
    let line = prop_oneof![9 => record().prop_map(|r| r.to_string()), 1 => "[ -~]{0,20}"];
    prop::collection::vec(line, 1..5)
}

#[test]
fn an_import_the_parser_accepts_is_imported_whole() {
    let rt = runtime();
    let (_test_db, db) = rt.block_on(TestDb::with_tenant("acme"));

    let mut runner = TestRunner::new(Config { cases: 48, failure_persistence: None, ..Config::default() });
    runner
        .run(&file(), |lines| {
            let text = lines.join("\n");
            let parsed: Vec<_> = entries(text.as_bytes())
                .unwrap()
                .map(|e| e.unwrap().parsed.and_then(|r| check(&r).map(|()| r)))
                .collect();
            let mut ids: Vec<_> = parsed.iter().flatten().map(|r| r.interaction.interaction_id.clone()).collect();
            let n = ids.len();
            ids.sort();
            ids.dedup();
            let accepted = parsed.iter().all(Result::is_ok) && ids.len() == n && n > 0;
            let outcome =
                rt.block_on(async { import::import(&mut db.acquire().await.unwrap(), "acme", text.as_bytes()).await });
            match outcome {
                Ok(imported) => prop_assert!(accepted && imported == n, "imported {imported} of {text}"),
                Err(Failure::Rejected(rejects)) => prop_assert!(!accepted, "parsed, then refused: {rejects:?}\n{text}"),
                Err(other) => prop_assert!(false, "{other} for\n{text}"),
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn what_the_shared_rules_normalise_the_server_accepts() {
    let rt = runtime();
    let (server, key) = rt.block_on(async {
        let server = TestServer::new().await;
        let key = server.key_for("demo").await;
        (server, key)
    });
    let typed_phone = prop_oneof!["\\+[1-9][0-9]{1,14}", "00[1-9][0-9 ]{1,16}", "\\+?[0-9 ().-]{3,20}"];
    let typed_email = prop_oneof![
        " ?[A-Za-z0-9._%+-]{1,12}@[A-Za-z0-9-]{1,10}(\\.[A-Za-z0-9-]{1,6}){1,2} ?",
        "[a-zé]{1,6}@[a-zé]{1,6}\\.[a-z]{2,3}",
    ];
    let mut runner = TestRunner::new(Config { cases: 40, failure_persistence: None, ..Config::default() });
    runner
        .run(&(typed_phone, typed_email), |(phone, email)| {
            let queries = [
                normalize_phone(&phone).map(|p| format!("phoneNumber={}", encode(&p))),
                normalize_email(&email).map(|e| format!("email={}", encode(&e))),
            ];
            for query in queries.into_iter().flatten() {
                for path in ["/v1/public/tenants/demo/interactions-insight", "/v1/crm/tenants/demo/contacts"] {
                    let uri = format!("{path}?{query}");
                    let reply = rt.block_on(server.get(&uri, &[("x-api-key", &key)]));
                    prop_assert_eq!(reply.status, StatusCode::OK, "{} {}", uri, reply.json);
                }
            }
            Ok(())
        })
        .unwrap();
}
