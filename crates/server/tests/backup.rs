//! `c360-server backup`: an online copy of a SQLite database, consistent though taken while
//! interactions are being written.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use c360_server::db::{Db, Engine, Location};
use common::TestDb;
use common::process::{c360, stdout};
use sqlx::Connection;

/// Interactions a writer stores per transaction: a consistent copy holds a multiple of it.
const PER_COMMIT: usize = 10;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_writes_go_on_is_a_consistent_copy() {
    let test_db = TestDb::sqlite();
    let db = test_db.open().await;
    c360_server::demo::seed_demo(&mut db.acquire().await.unwrap(), chrono::Utc::now().timestamp_millis())
        .await
        .unwrap();

    // A writer committing PER_COMMIT interactions at a time, until told to stop.
    let (stop, commits) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicUsize::new(0)));
    let writer = {
        let (db, stop, commits) = (db.clone(), stop.clone(), commits.clone());
        tokio::spawn(async move {
            let template = c360_server::demo::history(&c360_server::demo::personas()[0], 0, 1_700_000_000_000);
            while !stop.load(Ordering::SeqCst) {
                let n = commits.load(Ordering::SeqCst);
                let batch: Vec<_> = template[..PER_COMMIT]
                    .iter()
                    .enumerate()
                    .map(|(j, s)| {
                        let mut s = s.clone();
                        s.interaction.interaction_id = format!("w-{n}-{j}");
                        s
                    })
                    .collect();
                let mut conn = db.acquire().await.unwrap();
                let mut tx = conn.begin().await.unwrap();
                c360_server::insights::insert_interactions(&mut tx, "demo", &batch).await.unwrap();
                tx.commit().await.unwrap();
                commits.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    while commits.load(Ordering::SeqCst) < 20 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }

    let copy = test_db.dir().join("copy.sqlite");
    let (source, target) = (test_db.arg(), copy.display().to_string());
    let out = tokio::task::spawn_blocking(move || c360(&["backup", "--db", &source, "--to", &target])).await.unwrap();
    let during = commits.load(Ordering::SeqCst);
    assert!(stdout(&out).contains("backed up to"));
    tokio::time::sleep(Duration::from_millis(100)).await;
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    let total = commits.load(Ordering::SeqCst);

    let copy_db = Db::open(&Location::SqliteFile(copy.clone())).await.unwrap();
    let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(copy_db.pool()).await.unwrap();
    assert_eq!(check, "ok");
    let written: i64 = sqlx::query_scalar("SELECT count(*) FROM interactions WHERE interaction_id LIKE 'w-%'")
        .fetch_one(copy_db.pool())
        .await
        .unwrap();
    let written = written as usize;
    assert_eq!(written % PER_COMMIT, 0, "whole transactions only: {written}");
    assert!(written >= 20 * PER_COMMIT && written <= during * PER_COMMIT, "{written} of {during} commits");
    assert!(total > written / PER_COMMIT, "the writes went on around the backup");
    eprintln!("copy: {} commits; {during} done when the backup returned, {total} in all", written / PER_COMMIT);
    assert_eq!(tenants(&copy_db).await, tenants(&db).await);

    let again = c360(&["backup", "--db", &test_db.arg(), "--to", copy.to_str().unwrap()]);
    assert!(!again.status.success(), "a backup never overwrites");
}

async fn tenants(db: &Db) -> Vec<String> {
    sqlx::query_scalar("SELECT id FROM tenants ORDER BY id").fetch_all(db.pool()).await.unwrap()
}

#[tokio::test]
async fn a_postgresql_database_is_pointed_to_its_own_tools() {
    let db = TestDb::new().await;
    let out = c360(&["backup", "--db", &db.arg(), "--to", db.dir().join("x").to_str().unwrap()]);
    match db.location.engine() {
        Engine::Sqlite => assert!(out.status.success()),
        Engine::Postgres => {
            assert!(!out.status.success());
            assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
        }
    }
}
