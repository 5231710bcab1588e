//! The command line, run as a real process: what scripts capture is alone on stdout, settings
//! round-trip, imports are all or nothing, seeding is deterministic.

mod common;

use common::TestDb;
use common::process::{c360, stdout};

/// Rows of `sql` (one text column) in the database at `db`.
async fn strings(db: &TestDb, sql: &'static str) -> Vec<String> {
    sqlx::query_scalar(sql).fetch_all(db.open().await.pool()).await.unwrap()
}

#[tokio::test]
async fn tenant_settings_round_trip_and_bad_values_are_refused() {
    let test_db = TestDb::new().await;
    let db = &test_db.arg();
    let created = stdout(&c360(&[
        "tenant",
        "create",
        "--db",
        db,
        "--tenant",
        "acme",
        "--speech-analytics",
        "off",
        "--auto-log",
        "voice,email",
        "--allowed-origin",
        "https://agent.example.com",
        "--allowed-origin",
        "http://127.0.0.1:8082",
    ]));
    assert!(created.contains("speech-analytics: off") && created.contains("native-crm: on"), "{created}");
    assert!(created.contains("screen-pop: on"), "screen pop is on unless an admin turns it off: {created}");
    assert!(created.contains("auto-log: voice,email"));
    assert!(created.contains("http://127.0.0.1:8082,https://agent.example.com"));

    stdout(&c360(&[
        "tenant",
        "update",
        "--db",
        db,
        "--tenant",
        "acme",
        "--native-crm",
        "off",
        "--screen-pop",
        "off",
        "--auto-log",
        "off",
    ]));
    let shown = stdout(&c360(&["tenant", "show", "--db", db, "--tenant", "acme"]));
    assert!(
        shown.contains("native-crm: off") && shown.contains("auto-log: off") && shown.contains("speech-analytics: off")
    );
    assert!(shown.contains("screen-pop: off"), "{shown}");
    assert!(shown.contains("https://agent.example.com"), "origins kept when not given");

    assert!(shown.contains("crm-url-template: default (/?tenantId={tenantId}&contactId={contactId})"), "{shown}");
    assert!(shown.contains("default-country: none"), "{shown}");

    let crm = stdout(&c360(&[
        "tenant",
        "update",
        "--db",
        db,
        "--tenant",
        "acme",
        "--crm-url-template",
        "https://crm.example.com/c/{contactId}",
        "--default-country",
        "gb",
    ]));
    assert!(crm.contains("crm-url-template: https://crm.example.com/c/{contactId}"), "{crm}");
    assert!(crm.contains("default-country: GB"), "{crm}");
    let reset = stdout(&c360(&[
        "tenant",
        "update",
        "--db",
        db,
        "--tenant",
        "acme",
        "--crm-url-template",
        "default",
        "--default-country",
        "none",
    ]));
    assert!(reset.contains("crm-url-template: default") && reset.contains("default-country: none"), "{reset}");

    for bad in [
        vec!["tenant", "update", "--db", db, "--tenant", "acme", "--crm-url-template", "https://crm.example.com/c/"],
        vec!["tenant", "update", "--db", db, "--tenant", "acme", "--crm-url-template", "javascript:{contactId}"],
        vec!["tenant", "update", "--db", db, "--tenant", "acme", "--default-country", "ZZ"],
        vec!["tenant", "create", "--db", db, "--tenant", "acme"],
        vec!["tenant", "update", "--db", db, "--tenant", "nobody", "--native-crm", "on"],
        vec!["tenant", "update", "--db", db, "--tenant", "acme", "--allowed-origin", "agent.example.com/path"],
        vec!["tenant", "update", "--db", db, "--tenant", "acme", "--speech-analytics", "maybe"],
        vec!["tenant", "update", "--db", db, "--tenant", "acme", "--auto-log", "fax"],
        vec!["tenant", "update", "--db", db, "--tenant", "acme", "--screen-pop", "sometimes"],
    ] {
        let out = c360(&bad);
        assert!(!out.status.success(), "{bad:?} should fail");
        assert!(!out.stderr.is_empty(), "{bad:?} says why");
    }
}

#[tokio::test]
async fn key_and_token_are_printed_alone_on_stdout() {
    let test_db = TestDb::new().await;
    let db = &test_db.arg();
    stdout(&c360(&["tenant", "create", "--db", db, "--tenant", "acme"]));
    let key = stdout(&c360(&["key", "create", "--db", db, "--tenant", "acme"]));
    assert_eq!(key.lines().count(), 1);
    assert!(key.trim().starts_with("c360k_") && key.trim().len() > 40);
    let token = stdout(&c360(&["token", "--db", db, "--tenant", "acme", "--agent", "Ana", "--ttl", "30m"]));
    assert_eq!(token.lines().count(), 1);
    assert!(token.starts_with("v1."));
    assert!(!c360(&["token", "--db", db, "--tenant", "acme", "--agent", "Ana", "--ttl", "48h"]).status.success());
    assert!(!c360(&["token", "--db", db, "--tenant", "nobody", "--agent", "Ana"]).status.success());
    assert!(!c360(&["key", "create", "--db", db, "--tenant", "nobody"]).status.success());
}

#[tokio::test]
async fn an_import_with_a_bad_record_loads_nothing_and_says_which_line() {
    let test_db = TestDb::new().await;
    let db = &test_db.arg();
    let dir = test_db.dir();
    stdout(&c360(&["tenant", "create", "--db", db, "--tenant", "acme"]));
    let good = r#"{"interactionId":"i-1","mediaIdentifier":"+14155550199","mediaType":"PHONE","startedAt":1700000000000,"sentiment":"POSITIVE","summary":{"result":"Asked about an invoice."}}"#;
    let bad = r#"{"interactionId":"i-2","mediaIdentifier":"+14155550199","mediaType":"PHONE","startedAt":1700000000000,"endedAt":1}"#;
    let file = dir.join("in.ndjson");
    std::fs::write(&file, format!("{good}\n{bad}\n")).unwrap();
    let out = c360(&["import", "--db", db, "--tenant", "acme", "--file", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2") && err.contains("endedAt") && err.contains("nothing was loaded"), "{err}");
    const IDS: &str = "SELECT interaction_id FROM interactions";
    assert_eq!(strings(&test_db, IDS).await.len(), 0);

    std::fs::write(&file, format!("{good}\n")).unwrap();
    let ok = stdout(&c360(&["import", "--db", db, "--tenant", "acme", "--file", file.to_str().unwrap()]));
    assert!(ok.contains("imported 1"));
    assert_eq!(strings(&test_db, IDS).await, ["i-1"]);
    let doc = dir.join("doc.json");
    std::fs::write(&doc, include_str!("../../wire/fixtures/published-example.json")).unwrap();
    assert!(
        stdout(&c360(&["import", "--db", db, "--tenant", "acme", "--file", doc.to_str().unwrap()]))
            .contains("imported 2")
    );
    assert!(!c360(&["import", "--db", db, "--tenant", "nobody", "--file", doc.to_str().unwrap()]).status.success());
}

#[tokio::test]
async fn seeding_is_deterministic_and_sized_as_asked() {
    async fn dump() -> Vec<String> {
        let db = TestDb::new().await;
        stdout(&c360(&["seed", "--db", &db.arg(), "--tenant", "bench", "--identities", "40", "--interactions", "500"]));
        strings(
            &db,
            "SELECT interaction_id || '|' || identity_key || '|' || media_type || '|' || coalesce(sentiment, '-')
             || '|' || coalesce(title, '-') FROM interactions ORDER BY interaction_id",
        )
        .await
    }
    let a = dump().await;
    assert_eq!(a.len(), 500);
    let identities: std::collections::HashSet<&str> = a.iter().map(|r| r.split('|').nth(1).unwrap()).collect();
    assert!(identities.len() > 40, "phones and emails of 40 customers: {}", identities.len());
    assert_eq!(a, dump().await, "same data set twice");
}
