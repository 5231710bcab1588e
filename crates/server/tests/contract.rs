//! Contract test: real responses of our server, for every search strategy and every error, are
//! validated against the schemas of the published upstream OpenAPI document
//! (tests/fixtures/upstream-openapi.json), the conformance reference. Undocumented fields fail the
//! test, so field names and casing are exactly the contract's. (tests/openapi.rs holds the same
//! answers to the document we serve.)

mod common;

use axum::http::StatusCode;
use c360_server::crm::contacts::store::{ContactRow, insert_many, link_interactions};
use c360_server::db::Engine;
use c360_wire::crm::NewContact;
use common::TestServer;
use common::schema::Contract;

const INSIGHT: &str = "/v1/public/tenants/{tenantId}/interactions-insight";
const SUMMARIES: &str = "/v1/public/tenants/{tenantId}/transcript-summaries";

fn insight(query: &str) -> String {
    format!("/v1/public/tenants/demo/interactions-insight?{query}")
}

#[tokio::test]
async fn every_search_strategy_answers_the_published_shape() {
    let contract = Contract::upstream();
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let strategies = [
        "phoneNumber=%2B14155550100",
        "email=maria.gonzalez%40example.com",
        "contactId=ct-0001&crmId=native",
        "accountId=acct-okafor-logistics",
        "accountId=acct-0000&crmId=native",
        "phoneNumber=%2B14155550102",
        "phoneNumber=%2B14155550100&startTime=2020-01-01T00:00:00-05:00&endTime=2020-02-01T00:00:00%2B01:00",
    ];
    for query in strategies {
        let reply = server.get(&insight(query), &[("x-api-key", &key)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{query}: {}", reply.json);
        contract.check(INSIGHT, 200, &reply.json);
    }
    let by_contact = server.get(&insight("contactId=ct-0001&crmId=native"), &[("x-api-key", &key)]).await;
    let media: std::collections::HashSet<_> =
        by_contact.json["interactions"].as_array().unwrap().iter().map(|i| i["mediaIdentifier"].clone()).collect();
    assert!(media.len() >= 2, "a contact's history spans its phone and its email: {media:?}");
    let by_account = server.get(&insight("accountId=acct-0000"), &[("x-api-key", &key)]).await;
    let contacts: std::collections::HashSet<_> =
        by_account.json["interactions"].as_array().unwrap().iter().map(|i| i["contactId"].clone()).collect();
    assert!(contacts.len() >= 2, "an account's history spans its contacts: {contacts:?}");
}

#[tokio::test]
async fn every_rejected_request_answers_the_published_problem_shape_naming_the_field() {
    let contract = Contract::upstream();
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let rules = [
        ("", "contactId|accountId|email|phoneNumber", "required"),
        ("email=a%40b.co&phoneNumber=%2B14155550100", "email|phoneNumber", "conflict"),
        ("contactId=ct-0001&accountId=acct-0000&crmId=native", "contactId|accountId", "conflict"),
        ("contactId=ct-0001", "crmId", "required"),
        ("contactId=ct-0001&crmId=salesforce", "crmId", "invalid_value"),
        ("accountId=acct-0000&crmId=hubspot", "crmId", "invalid_value"),
        ("email=a%40b.co&crmId=native", "crmId", "forbidden"),
        ("phoneNumber=%2B14155550100&crmId=native", "crmId", "forbidden"),
        ("phoneNumber=4155550100", "phoneNumber", "invalid_format"),
        ("phoneNumber=%2B0155", "phoneNumber", "invalid_format"),
        ("email=not-an-email", "email", "invalid_format"),
        ("email=", "email", "required"),
        ("email=a%40b.co&startTime=2025-01-01T00:00:00", "startTime", "invalid_format"),
        ("email=a%40b.co&endTime=2025-01-01", "endTime", "invalid_format"),
        ("email=a%40b.co&startTime=2025-02-01T00:00:00Z&endTime=2025-01-01T00:00:00Z", "startTime", "invalid_value"),
        ("email=a%40b.co&email=c%40d.co", "email", "conflict"),
    ];
    for (query, field, code) in rules {
        let reply = server.get(&insight(query), &[("x-api-key", &key)]).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{query}");
        contract.check(INSIGHT, 400, &reply.json);
        let named = reply.json["errors"].as_array().unwrap().iter().any(|e| e["field"] == field && e["code"] == code);
        assert!(named, "{query}: expected {field}/{code} in {}", reply.json);
    }

    let unauthorized = server.get(&insight("phoneNumber=%2B14155550100"), &[]).await;
    assert_eq!(unauthorized.status, StatusCode::UNAUTHORIZED);
    contract.check(INSIGHT, 401, &unauthorized.json);
    let other = server.key_for("other").await;
    let forbidden = server.get(&insight("phoneNumber=%2B14155550100"), &[("x-api-key", &other)]).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    contract.check(INSIGHT, 403, &forbidden.json);
    let malformed_tenant =
        server.get("/v1/public/tenants/%FF/interactions-insight?email=a%40b.co", &[("x-api-key", &key)]).await;
    assert_eq!(malformed_tenant.status, StatusCode::BAD_REQUEST);
    contract.check(INSIGHT, 400, &malformed_tenant.json);
}

#[tokio::test]
async fn a_tenant_without_speech_analytics_answers_the_published_shape() {
    let contract = Contract::upstream();
    let server = TestServer::new().await;
    server.fill_basic_tenant(5).await;
    let key = server.key_for("demo").await;
    let reply = server
        .get("/v1/public/tenants/basic/interactions-insight?phoneNumber=%2B14155550100", &[("x-api-key", &key)])
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.json["insights"].is_null());
    contract.check(INSIGHT, 200, &reply.json);
}

#[tokio::test]
async fn summaries_answer_the_published_shapes() {
    let contract = Contract::upstream();
    let server = TestServer::new().await;
    let key = server.key_for("demo").await;
    let ids = server.strings("SELECT interaction_id FROM summaries ORDER BY available DESC LIMIT 5").await;
    let query: Vec<String> =
        ids.iter().chain(["int-unknown".to_owned()].iter()).map(|i| format!("interactionId={i}")).collect();
    let ok = server
        .get(&format!("/v1/public/tenants/demo/transcript-summaries?{}", query.join("&")), &[("x-api-key", &key)])
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert!(
        !ok.json["summaries"].as_array().unwrap().is_empty()
            && !ok.json["partialFailures"].as_array().unwrap().is_empty()
    );
    contract.check(SUMMARIES, 200, &ok.json);
    let bad = server.get("/v1/public/tenants/demo/transcript-summaries", &[("x-api-key", &key)]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    contract.check(SUMMARIES, 400, &bad.json);
}

#[tokio::test]
async fn every_hot_query_uses_an_index_never_a_table_scan() {
    let server = TestServer::new().await;
    let db = &server.state.db;
    let mut conn = db.acquire().await.unwrap();
    // Enough rows, with fresh statistics, for PostgreSQL's cost-based planner to choose as it would
    // in production (on a few hundred rows a scan is cheaper, and it would rightly take it).
    c360_server::demo::seed_scale(&mut conn, "scale", 2_000, 20_000, server.now_ms, |_| {}).await.unwrap();
    // The customers as native CRM contacts, some interactions linked to them at wrap-up.
    let contacts: Vec<ContactRow> = (0..2_000)
        .map(|i| {
            let p = c360_server::demo::scale_persona(i, 10);
            let (first, last) = p.name.split_once(' ').unwrap();
            let details = NewContact {
                first_name: first.into(),
                last_name: last.into(),
                phones: vec![p.phone],
                emails: vec![p.email],
                ..NewContact::default()
            };
            ContactRow { contact_id: p.contact_id, details }
        })
        .collect();
    insert_many(&mut conn, "scale", &contacts, "seed", server.now_ms).await.unwrap();
    for (i, c) in contacts.iter().enumerate() {
        link_interactions(&mut conn, "scale", &c.contact_id, &[format!("int-linked-{i}")], server.now_ms)
            .await
            .unwrap();
    }
    // Five activities per contact, one linked to a later interaction, for the related-records query.
    for n in 0..5 {
        let sql = format!(
            "INSERT INTO activities (tenant_id, activity_id, activity_type, contact_id, interaction_id, details, version,
             created_at, created_by, updated_at, updated_by, auto)
             SELECT tenant_id, 'a-{n}-' || contact_id, 'note', contact_id, NULL, '{{}}', 1, created_at + {n}, 'seed',
             created_at, 'seed', FALSE FROM contacts WHERE tenant_id = 'scale'"
        );
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql)).execute(&mut *conn).await.unwrap();
    }
    sqlx::raw_sql(
        "INSERT INTO activity_links (tenant_id, interaction_id, activity_id, linked_at)
         SELECT tenant_id, 'int-linked-' || contact_id, 'a-0-' || contact_id, 0 FROM contacts WHERE tenant_id = 'scale'",
    )
    .execute(&mut *conn)
    .await
    .unwrap();
    // Creates' idempotency keys, one per contact, for the retried create's lookup.
    sqlx::raw_sql(
        "INSERT INTO idempotency_keys (tenant_id, scope, idem_key, record_id, created_at, request)
         SELECT tenant_id, 'activities', 'k-' || contact_id, 'a-0-' || contact_id, 0, '{}' FROM contacts WHERE tenant_id = 'scale'",
    )
    .execute(&mut *conn)
    .await
    .unwrap();
    sqlx::raw_sql("ANALYZE").execute(&mut *conn).await.unwrap();
    let plans = c360_server::plans::query_plans(&mut conn, db.engine(), "scale").await.unwrap();
    assert!(plans.len() > 30, "the contract's queries, and each probe of the CRM's typical searches");
    for (name, plan) in plans {
        let text = plan.join(" / ");
        // A contact's history merges what names it, what is linked to it and what came from its
        // identifiers: each found by index, their union (the contact's own) sorted.
        let sorts = name.ends_with("by contact");
        match db.engine() {
            Engine::Sqlite => {
                assert!(text.contains("USING INDEX") || text.contains("USING PRIMARY KEY"), "{name}: {text}");
                // `SCAN t` reads a co-routine: a walk's first entries, read by index and capped.
                let over_walk = |l: &str| l == "SCAN t" && text.starts_with("CO-ROUTINE t / SEARCH contact_terms");
                assert!(!plan.iter().any(|l| l.starts_with("SCAN") && !over_walk(l)), "{name} scans: {text}");
                assert!(
                    sorts || !text.contains("TEMP B-TREE"),
                    "{name} sorts instead of reading the index in order: {text}"
                );
            }
            Engine::Postgres => {
                assert!(text.contains("Index Scan using") || text.contains("Index Only Scan using"), "{name}: {text}");
                assert!(!text.contains("Seq Scan"), "{name} scans: {text}");
                assert!(sorts || !text.contains("Sort"), "{name} sorts instead of reading the index in order: {text}");
            }
        }
    }
}
