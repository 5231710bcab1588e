//! Importing interactions through the real loader on the real database: rejects are reported by
//! line and load nothing, a large file passes through a bounded batch, and the reject list stays
//! bounded however many lines are bad.

mod common;

use c360_server::import::{self, BATCH, Failure, Loader, Rejects, entries};
use common::TestDb;

/// One valid NDJSON line for interaction `id`.
fn line(id: &str) -> String {
    format!(
        r#"{{"interactionId":"{id}","mediaIdentifier":"+14155550100","mediaType":"PHONE","startedAt":1700000000000,"summary":{{"result":"About a bill."}}}}"#
    )
}

/// A database with tenant `acme`.
async fn database() -> (TestDb, c360_server::db::Db) {
    TestDb::with_tenant("acme").await
}

async fn count(db: &c360_server::db::Db, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE tenant_id = 'acme'");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(db.pool()).await.unwrap()
}

async fn run(db: &c360_server::db::Db, text: &str) -> Result<usize, Failure> {
    import::import(&mut db.acquire().await.unwrap(), "acme", text.as_bytes()).await
}

fn rejected(outcome: Result<usize, Failure>) -> Rejects {
    match outcome {
        Err(Failure::Rejected(rejects)) => rejects,
        other => panic!("expected rejects, got {other:?}"),
    }
}

#[tokio::test]
async fn ndjson_rejects_are_reported_by_line_and_nothing_is_loaded() {
    let (_t, db) = database().await;
    let text = [
        &line("a"),
        "",
        r#"{"interactionId":"b","mediaIdentifier":"not a phone","mediaType":"PHONE","startedAt":1000}"#,
        r#"{"interactionId":"c","mediaIdentifier":"a@b.co","mediaType":"EMAIL","startedAt":2000,"endedAt":1000}"#,
        &line("a"),
        r#"{"interactionId":"d","mediaIdentifier":"a@b.co","mediaType":"EMAIL","startedAt":1,"sentiment":"HAPPY"}"#,
        "{not json",
        r#"{"interactionId":"e","mediaIdentifier":"a@b.co","mediaType":"EMAIL","startedAt":1,"title":"a\u0000b"}"#,
        &line("f"),
    ]
    .join("\n");
    let rejects = rejected(run(&db, &text).await);
    let places: Vec<&str> = rejects.first.iter().map(|r| r.place.as_str()).collect();
    assert_eq!(places, ["line 3", "line 4", "line 5", "line 6", "line 7", "line 8"]);
    assert_eq!(rejects.total, 6);
    for (reject, says) in rejects.first.iter().zip(["mediaIdentifier", "endedAt", "twice", "sentiment", "", "NUL"]) {
        assert!(reject.reason.contains(says), "{reject}");
    }
    assert_eq!((count(&db, "interactions").await, count(&db, "summaries").await), (0, 0));

    assert!(rejected(run(&db, "\n \n").await).first[0].reason.contains("no interactions"));
}

#[tokio::test]
async fn a_large_file_passes_through_a_bounded_batch_and_loads_all_or_nothing() {
    let (_t, db) = database().await;
    let n = 3 * BATCH + 7;
    let good: String = (0..n).map(|i| line(&format!("i-{i}")) + "\n").collect();

    // A repeat of line 2 far below it, in another batch: found, by its line, and nothing stays.
    let with_repeat = format!("{good}{}\n", line("i-1"));
    let mut conn = db.acquire().await.unwrap();
    let mut loader = Loader::begin(&mut conn, "acme").await.unwrap();
    for entry in entries(with_repeat.as_bytes()).unwrap() {
        loader.push(entry.unwrap()).await.unwrap();
        assert!(loader.held() <= BATCH, "the loader holds {} records", loader.held());
    }
    let rejects = rejected(loader.finish().await);
    assert_eq!(
        rejects.first.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!("line {}: interactionId \"i-1\" appears twice in the file", n + 1)]
    );
    drop(conn);
    assert_eq!(count(&db, "interactions").await, 0);

    // Without it, everything loads; importing it again replaces rather than repeats.
    assert_eq!(run(&db, &good).await.unwrap(), n);
    assert_eq!(run(&db, &good).await.unwrap(), n);
    assert_eq!((count(&db, "interactions").await, count(&db, "summaries").await), (n as i64, n as i64));
}

#[tokio::test]
async fn many_rejects_keep_the_first_in_full_and_count_the_rest() {
    let (_t, db) = database().await;
    let text: String = (0..Rejects::KEPT + 30).map(|i| format!("{{\"bad\":{i}}}\n")).collect();
    let rejects = rejected(run(&db, &text).await);
    assert_eq!((rejects.first.len(), rejects.total), (Rejects::KEPT, Rejects::KEPT + 30));
    assert_eq!(rejects.first[Rejects::KEPT - 1].place, format!("line {}", Rejects::KEPT));
}
