//! The demo tenant's contacts and `seed --contacts`, through the real router: the customers are
//! contacts with their history, the household landline matches two of them, the new caller none,
//! seeding is idempotent, and generated contacts are found the way agents search.

mod common;

use c360_server::demo::contacts::{DEMO_GENERATED_CONTACTS, HOUSEHOLD_LANDLINE, NEW_CALLER};
use c360_server::demo::{self, DEMO_TENANT, personas};
use common::{Reply, TestServer, bearer};
use serde_json::Value;

async fn with_demo_contacts() -> TestServer {
    let server = TestServer::new().await;
    let mut conn = server.state.db.acquire().await.unwrap();
    let n = demo::seed_demo_contacts(&mut conn, server.now_ms).await.unwrap();
    assert_eq!(n, personas().len() + 1 + DEMO_GENERATED_CONTACTS as usize);
    server
}

async fn get(server: &TestServer, tenant: &str, path: &str) -> Reply {
    let auth = bearer(&server.token_for(tenant, 600));
    let reply = server.get(path, &[("authorization", &auth)]).await;
    assert_eq!(reply.status, 200, "{path}: {}", reply.json);
    reply
}

fn names(list: &Value) -> Vec<String> {
    let mut names: Vec<String> = list["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{} {}", c["firstName"].as_str().unwrap(), c["lastName"].as_str().unwrap()))
        .collect();
    names.sort();
    names
}

fn contacts(query: &str) -> String {
    format!("/v1/crm/tenants/{DEMO_TENANT}/contacts?{query}")
}

#[tokio::test]
async fn the_household_landline_matches_two_contacts_and_the_new_caller_none() {
    let server = with_demo_contacts().await;
    let landline = get(&server, DEMO_TENANT, &contacts("phoneNumber=%2B14155550160")).await;
    assert_eq!(names(&landline.json), ["Dana Whitfield", "Sam Whitfield"]);
    let newcomer =
        get(&server, DEMO_TENANT, &contacts(&format!("phoneNumber={}", NEW_CALLER.replace('+', "%2B")))).await;
    assert_eq!(newcomer.json["contacts"], serde_json::json!([]));
    let dana = get(&server, DEMO_TENANT, &contacts("phoneNumber=%2B14155550100")).await;
    assert_eq!(names(&dana.json), ["Dana Whitfield"]);
    assert_eq!(dana.json["contacts"][0]["contactId"], "ct-0001", "the id her interactions carry");
    assert_eq!(dana.json["contacts"][0]["company"], "Whitfield Bakery");
    assert_eq!(HOUSEHOLD_LANDLINE, "+14155550160");
}

#[tokio::test]
async fn a_demo_contact_s_history_is_its_own_plus_its_phones_and_emails() {
    let server = with_demo_contacts().await;
    let insight = |query: &str| format!("/v1/public/tenants/{DEMO_TENANT}/interactions-insight?{query}");
    let sam = get(&server, DEMO_TENANT, &insight("contactId=ct-0049&crmId=native")).await;
    let landline = get(&server, DEMO_TENANT, &insight("phoneNumber=%2B14155550160")).await;
    let ids = |r: &Reply| -> Vec<String> {
        r.json["interactions"].as_array().unwrap().iter().map(|i| i["interactionId"].as_str().unwrap().into()).collect()
    };
    assert!(ids(&landline).len() >= 5);
    assert_eq!(ids(&sam), ids(&landline), "Sam has called only from the household landline");
    let dana = get(&server, DEMO_TENANT, &insight("contactId=ct-0001&crmId=native")).await;
    assert_eq!(ids(&dana).len(), 50, "capped");
    let tom = get(&server, DEMO_TENANT, &insight("contactId=ct-0003&crmId=native")).await;
    assert_eq!(ids(&tom).len(), 1, "Tom Becker's single interaction");
}

#[tokio::test]
async fn agents_find_demo_contacts_by_name_without_accents_company_email_and_phone_tail() {
    let server = with_demo_contacts().await;
    let search = |q: &str| contacts(&format!("q={q}"));
    assert_eq!(names(&get(&server, DEMO_TENANT, &search("whitf")).await.json), ["Dana Whitfield", "Sam Whitfield"]);
    assert_eq!(names(&get(&server, DEMO_TENANT, &search("nunez")).await.json), ["Andrés Núñez"]);
    assert_eq!(names(&get(&server, DEMO_TENANT, &search("0160")).await.json), ["Dana Whitfield", "Sam Whitfield"]);
    let okafor = get(&server, DEMO_TENANT, &search("okafor%20log")).await;
    assert_eq!(okafor.json["contacts"][0]["firstName"], "Grace");
    let by_mail = get(&server, DEMO_TENANT, &search("grace.okafor%40")).await;
    assert_eq!(by_mail.json["contacts"][0]["matched"], "email");
}

#[tokio::test]
async fn demo_contacts_are_seeded_once_with_the_us_as_default_country() {
    let server = with_demo_contacts().await;
    let mut conn = server.state.db.acquire().await.unwrap();
    assert_eq!(demo::seed_demo_contacts(&mut conn, server.now_ms).await.unwrap(), 0, "a restart adds nothing");
    let settings = c360_server::tenants::settings(&mut conn, DEMO_TENANT).await.unwrap().unwrap();
    assert_eq!(settings.crm.default_country.as_deref(), Some("US"));
    drop(conn);
    let count = server.strings("SELECT CAST(COUNT(*) AS TEXT) FROM contacts WHERE tenant_id = 'demo'").await;
    assert_eq!(count, [(personas().len() + 1 + DEMO_GENERATED_CONTACTS as usize).to_string()]);
    let others = server.strings("SELECT DISTINCT tenant_id FROM contacts").await;
    assert_eq!(others, ["demo"], "identity-only and screen-pop-off tenants get none");
}

#[tokio::test]
async fn seeding_contacts_twice_adds_more_and_each_is_found_by_its_phone() {
    let server = TestServer::new().await;
    let mut conn = server.state.db.acquire().await.unwrap();
    let mut reported = Vec::new();
    let n = demo::seed_scale_contacts(&mut conn, "scale", 1_200, server.now_ms, |done| reported.push(done)).await;
    assert_eq!(n.unwrap(), 1_200);
    assert_eq!(reported.last(), Some(&1_200));
    assert_eq!(demo::seed_scale_contacts(&mut conn, "scale", 300, server.now_ms, |_| {}).await.unwrap(), 300);
    drop(conn);
    let count = server.strings("SELECT CAST(COUNT(*) AS TEXT) FROM contacts WHERE tenant_id = 'scale'").await;
    assert_eq!(count, ["1500"]);

    let last = demo::contacts::generated_contact(1_499);
    let phone = last.phones.first().or(demo::contacts::generated_contact(1_498).phones.first()).unwrap().clone();
    let found =
        get(&server, "scale", &format!("/v1/crm/tenants/scale/contacts?phoneNumber={}", phone.replace('+', "%2B")))
            .await;
    assert_eq!(found.json["contacts"].as_array().unwrap().len(), 1, "{phone}: one holder");
    let tail = &phone[phone.len() - 6..];
    let by_tail = get(&server, "scale", &format!("/v1/crm/tenants/scale/contacts?q={tail}")).await;
    assert!(
        by_tail.json["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["phones"].as_array().unwrap().contains(&phone.clone().into()))
    );
}

#[tokio::test]
async fn seeding_activities_twice_adds_more_as_the_api_would_store_them() {
    let server = TestServer::new().await;
    let mut conn = server.state.db.acquire().await.unwrap();
    demo::seed_scale(&mut conn, "scale", 20, 200, server.now_ms, |_| {}).await.unwrap();
    demo::seed_scale_contacts(&mut conn, "scale", 400, server.now_ms, |_| {}).await.unwrap();
    let mut reported = Vec::new();
    let n = demo::seed_scale_activities(&mut conn, "scale", 1_500, server.now_ms, |done| reported.push(done)).await;
    assert_eq!(n.unwrap(), 1_500);
    assert_eq!(reported.last(), Some(&1_500));
    assert_eq!(demo::seed_scale_activities(&mut conn, "scale", 500, server.now_ms, |_| {}).await.unwrap(), 500);
    drop(conn);
    let count = |sql: &str| {
        let sql = sql.to_owned();
        async {
            sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql)).fetch_all(server.state.db.pool()).await.unwrap()
        }
    };
    assert_eq!(count("SELECT CAST(COUNT(*) AS TEXT) FROM activities WHERE tenant_id = 'scale'").await, ["2000"]);
    let audited = "SELECT CAST(COUNT(*) AS TEXT) FROM audit_entries
         WHERE tenant_id = 'scale' AND record_type = 'activity' AND action = 'create' AND version = 1";
    assert_eq!(count(audited).await, ["2000"], "one create entry per record, as the API writes");
    let linked = count("SELECT CAST(COUNT(*) AS TEXT) FROM activity_links WHERE tenant_id = 'scale'").await;
    let linked: u32 = linked[0].parse().unwrap();
    assert!((100..=300).contains(&linked), "about one in ten linked: {linked}");
    // The second seeding went on from the first: the generator's ids 0..2000, each once.
    let last = count("SELECT MAX(activity_id) FROM activities WHERE tenant_id = 'scale'").await;
    assert_eq!(last, [demo::activities::activity_id(1_999)]);

    // Contacts as skewed as the generator says, each record as the API shows it.
    let heaviest = count(
        "SELECT contact_id FROM activities WHERE tenant_id = 'scale' GROUP BY contact_id ORDER BY COUNT(*) DESC, contact_id LIMIT 1",
    )
    .await;
    let records = count(&format!(
        "SELECT CAST(COUNT(*) AS TEXT) FROM activities WHERE tenant_id = 'scale' AND contact_id = '{}'",
        heaviest[0]
    ))
    .await;
    let records: usize = records[0].parse().unwrap();
    assert!(records > 20, "a heavy contact: {records}");
    let related = get(&server, "scale", &format!("/v1/crm/tenants/scale/contacts/{}/related", heaviest[0])).await;
    let list = related.json["records"].as_array().unwrap();
    assert_eq!(list.len(), records.min(200));
    let times: Vec<&str> = list.iter().map(|r| r["createdAt"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
    for r in list {
        assert_eq!(r["relation"], "suggested");
        let kind = r["type"].as_str().unwrap();
        assert!(kind == "note" || r[kind].is_object(), "the type's own part: {r}");
    }
}
