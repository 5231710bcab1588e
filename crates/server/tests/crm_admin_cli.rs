//! The admin's command line for the native CRM, run as a real process: custom fields
//! (`field set`), layouts from a file (`layout set`, the endpoint's checks, all or none), what
//! auto log creates (`tenant update --auto-log-record`) — and the demo tenant's seeded layouts.

mod common;

use common::TestDb;
use common::process::{c360, stdout};
use serde_json::{Value, json};

fn arg<'a>(db: &'a TestDb, rest: &[&'a str]) -> Vec<String> {
    let mut all: Vec<String> = rest.iter().map(|s| (*s).to_owned()).collect();
    all.extend(["--db".to_owned(), db.arg()]);
    all
}

fn run(db: &TestDb, rest: &[&str]) -> std::process::Output {
    let args = arg(db, rest);
    c360(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[tokio::test]
async fn fields_layouts_and_the_auto_log_record_are_set_from_the_command_line() {
    let db = TestDb::new().await;
    stdout(&run(&db, &["tenant", "create", "--tenant", "acme"]));
    let shown = stdout(&run(&db, &["tenant", "update", "--tenant", "acme", "--auto-log-record", "case"]));
    assert!(shown.contains("auto-log-record: case"), "{shown}");
    assert!(!run(&db, &["tenant", "update", "--tenant", "acme", "--auto-log-record", "ticket"]).status.success());

    let field = ["field", "set", "--tenant", "acme", "--record-type", "contact", "--field", "loyaltyTier"];
    let mut select = field.to_vec();
    select.extend(["--label", "Loyalty tier", "--type", "select", "--options", "silver,gold"]);
    let stored: Value = serde_json::from_str(&stdout(&run(&db, &select))).unwrap();
    assert_eq!(stored["options"], json!(["silver", "gold"]));
    let mut builtin = field.to_vec();
    builtin[7] = "company";
    builtin.extend(["--label", "Firm", "--type", "text"]);
    let refused = run(&db, &builtin);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("built-in"), "{refused:?}");

    let file = db.dir().join("layouts.json");
    let good = json!([{"layoutId": "quick", "name": "Quick", "recordType": "contact", "default": true,
        "fields": [{"field": "firstName", "required": true}, {"field": "loyaltyTier"}]}]);
    std::fs::write(&file, good.to_string()).unwrap();
    let path = file.display().to_string();
    let stored: Value =
        serde_json::from_str(&stdout(&run(&db, &["layout", "set", "--tenant", "acme", "--file", &path]))).unwrap();
    assert_eq!(stored[0]["fields"][1]["label"], "Loyalty tier");
    let bad = json!([{"layoutId": "other", "name": "Other", "recordType": "contact", "fields": []},
        {"layoutId": "broken", "name": "Broken", "recordType": "task", "fields": [{"field": "nickname"}]}]);
    std::fs::write(&file, bad.to_string()).unwrap();
    let refused = run(&db, &["layout", "set", "--tenant", "acme", "--file", &path]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("fields[0].field"), "{refused:?}");
    let ids: Vec<String> = sqlx::query_scalar("SELECT layout_id FROM crm_layouts WHERE tenant_id = 'acme'")
        .fetch_all(db.open().await.pool())
        .await
        .unwrap();
    assert_eq!(ids, ["quick"], "all or none");
}

#[tokio::test]
async fn the_demo_tenant_gets_two_contact_and_task_layouts_and_one_per_other_activity_type_once() {
    let server = common::TestServer::new().await;
    let mut conn = server.state.db.acquire().await.unwrap();
    let n = c360_server::demo::seed_demo_layouts(&mut conn, server.now_ms).await.unwrap();
    assert_eq!(n, 8);
    assert_eq!(c360_server::demo::seed_demo_layouts(&mut conn, server.now_ms).await.unwrap(), 0, "seeded once");
    drop(conn);
    let key = server.key_for("demo").await;
    let names = |record_type: &'static str| {
        let server = &server;
        let key = key.clone();
        async move {
            let reply = server.get(&c360_wire::routes::crm_layouts("demo", record_type), &[("x-api-key", &key)]).await;
            let layouts = reply.json["layouts"].as_array().unwrap().clone();
            layouts.iter().map(|l| (l["name"].as_str().unwrap().to_owned(), l["default"] == true)).collect::<Vec<_>>()
        }
    };
    let contact = names("contact").await;
    assert!(
        contact.contains(&("Full".to_owned(), true)) && contact.contains(&("Quick".to_owned(), false)),
        "{contact:?}"
    );
    let task = names("task").await;
    assert!(task.contains(&("Quick task".to_owned(), false)) && task.len() == 2, "{task:?}");
    for record_type in ["call", "event", "note", "case"] {
        let layouts = names(record_type).await;
        assert_eq!(layouts.len(), 1, "{record_type}");
        assert!(layouts[0].1, "{record_type}: the default");
    }
}
