//! The data layer itself: migrations on both engines, and SQLite files made by the rusqlite
//! releases adopted with their data.

mod common;

use axum::http::StatusCode;
use c360_server::db::{Db, Location};
use common::{TestDb, TestServer};
use sqlx::{Connection, Executor};

/// The schema the rusqlite releases created, verbatim.
const RUSQLITE_0001: &str = include_str!("fixtures/rusqlite-0001_init.sql");
const RUSQLITE_0002: &str = include_str!("fixtures/rusqlite-0002_screen_pop.sql");

/// A SQLite file as a rusqlite release at schema `version` (1 or 2) left it, with one tenant, one
/// API key and one interaction of its customer.
async fn rusqlite_file(version: i64) -> (TestDb, &'static str) {
    let db = TestDb::sqlite();
    let Location::SqliteFile(path) = &db.location else { unreachable!() };
    let mut conn = common::connect(&db.location.url()).await;
    let mut script = String::from(RUSQLITE_0001);
    if version == 2 {
        script.push_str(RUSQLITE_0002);
    }
    script.push_str(&format!(
        "PRAGMA user_version = {version};
         INSERT INTO tenants (id, account_id, created_at) VALUES ('acme', 'acme-account', 0);
         INSERT INTO api_keys (account_id, key_hash, created_at)
             VALUES ('acme-account', '{}', 0);
         INSERT INTO interactions (tenant_id, interaction_id, identity_key, media_identifier, media_type, started_at,
             sentiment, topics) VALUES ('acme', 'int-legacy', '+14155550111', '+14155550111', 'PHONE',
             {}, 'POSITIVE', '[{{\"topic\":\"billing\"}}]');",
        sha256_hex(LEGACY_KEY),
        chrono::Utc::now().timestamp_millis() - 86_400_000,
    ));
    conn.execute(sqlx::AssertSqlSafe(script)).await.unwrap();
    conn.close().await.unwrap();
    assert!(path.exists());
    (db, LEGACY_KEY)
}

const LEGACY_KEY: &str = "c360k_legacy-key-made-before-sqlx-0000000000000";

fn sha256_hex(s: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(s.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test]
async fn a_sqlite_file_of_the_rusqlite_releases_is_adopted_with_its_tenants_keys_and_history() {
    for version in [1, 2] {
        let (db, key) = rusqlite_file(version).await;
        let server = TestServer::over(db).await;
        let reply = server
            .get("/v1/public/tenants/acme/interactions-insight?phoneNumber=%2B14155550111", &[("x-api-key", key)])
            .await;
        assert_eq!(reply.status, StatusCode::OK, "version {version}: {}", reply.json);
        assert_eq!(reply.json["interactions"][0]["interactionId"], "int-legacy");
        let config = server.get("/v1/panel/tenants/acme/config", &[("x-api-key", key)]).await;
        assert_eq!(config.json["screenPop"], true, "version {version}: existing tenants keep screen pop on");
        let applied: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations").fetch_all(server.state.db.pool()).await.unwrap();
        assert_eq!(
            applied,
            [1, 2, 3, 4, 5, 6, 7],
            "version {version}: the baseline is recorded as applied, then the rest"
        );
        server.state.db.close().await;
        // Opening again changes nothing and fails on nothing.
        Db::open(&server.db.location).await.unwrap();
    }
}

#[tokio::test]
async fn a_sqlite_file_of_an_unknown_newer_schema_is_refused() {
    let db = TestDb::sqlite();
    let mut conn = common::connect(&db.location.url()).await;
    conn.execute("PRAGMA user_version = 7").await.unwrap();
    conn.close().await.unwrap();
    let err = Db::open(&db.location).await.unwrap_err().to_string();
    assert!(err.contains("schema version 7"), "{err}");
}

#[tokio::test]
async fn migrations_run_once_and_a_changed_migration_is_refused() {
    let test_db = TestDb::new().await;
    let db = test_db.open().await;
    let reopened = test_db.open().await;
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations").fetch_all(reopened.pool()).await.unwrap();
    assert_eq!(applied, [1, 2, 3, 4, 5, 6, 7]);
    let listed = common::process::stdout(&common::process::c360(&["migrate", "--db", &test_db.arg()]));
    assert_eq!(
        listed,
        "0001 baseline\n0002 rate limits\n0003 native crm contacts\n0004 contact search pairs\n0005 native crm activities\n\
         0006 idempotency request\n\
         0007 panel token revocations\n"
    );
    // A released migration edited afterwards no longer matches what the database recorded.
    sqlx::query("UPDATE _sqlx_migrations SET checksum = $1 WHERE version = 1")
        .bind(vec![0u8; 48])
        .execute(db.pool())
        .await
        .unwrap();
    let err = Db::open(&test_db.location).await.unwrap_err().to_string();
    assert!(err.contains("modified") || err.contains("checksum"), "{err}");
}
