//! Search as you type over the native CRM's contacts, on both engines: word prefixes in any order
//! whatever the case and accents, phones in any format and by their last digits, emails and
//! domains, account IDs, the ranking and `matched`, `limit` and `more`, and query syntax as text.

mod common;

use axum::http::StatusCode;
use c360_server::crm::contacts::store::{ContactRow, insert_many};
use c360_server::db::Engine;
use common::crm::{Crm, TENANT};
use serde_json::json;

/// Seven contacts to search among (a shared landline, accents, a company named like a person).
async fn people() -> Crm {
    let crm = Crm::new().await;
    let uri = format!("{}?allowDuplicate=true", Crm::path("contacts"));
    for contact in [
        json!({"firstName": "Dana", "lastName": "Whitfield", "company": "Whitfield Bakery & Café",
               "accountId": "ACCT-1042", "emails": ["dana@example.com", "orders@whitfield.example"],
               "phones": ["+14155550100", "+14155550123"]}),
        json!({"firstName": "Sam", "lastName": "Whitfield", "phones": ["(415) 555-0123"]}),
        json!({"firstName": "María", "lastName": "González", "company": "Acme", "emails": ["maria.gonzalez@example.com"]}),
        json!({"firstName": "Grace", "lastName": "Okafor", "accountId": "104277", "phones": ["+44 20 7946 0001"]}),
        json!({"firstName": "Seán", "lastName": "O'Brien", "company": "Dana Holdings", "emails": ["sean@obrien.ie"]}),
        json!({"firstName": "Kim", "lastName": "Ng", "accountId": "whitfield", "phones": ["+39 06 6982 1234"]}),
        json!({"firstName": "Pat", "lastName": "Lee", "company": "Whitfield Bakery", "emails": ["pat@lee.example"]}),
    ] {
        let reply = crm.call(axum::http::Method::POST, &uri, Some(&contact), &[]).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    }
    crm
}

fn found(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(n, m)| ((*n).to_owned(), (*m).to_owned())).collect()
}

#[tokio::test]
async fn names_match_by_word_prefix_in_any_order_whatever_the_case_and_accents() {
    let crm = people().await;
    for q in ["gonzalez", "González", "GONZ", "maria gonz", "gonz mar", "Gonzále", "mar gon"] {
        assert_eq!(crm.search(q).await, found(&[("María González", "name")]), "{q}");
    }
    assert_eq!(crm.names("sean obri").await, ["Seán O'Brien"]);
    assert_eq!(crm.names("o'bri").await, ["Seán O'Brien"]);
    assert!(crm.names("onzalez").await.is_empty(), "a prefix, not any substring");
    assert!(crm.names("maria smith").await.is_empty(), "every word must match");
}

#[tokio::test]
async fn results_rank_exact_identifier_then_name_then_company_then_the_rest() {
    let crm = people().await;
    assert_eq!(
        crm.search("whitfield").await,
        found(&[
            ("Kim Ng", "accountId"),    // the account ID, whole
            ("Dana Whitfield", "name"), // name prefixes, by last then first name
            ("Sam Whitfield", "name"),
            ("Pat Lee", "company"), // company prefix
        ])
    );
    assert_eq!(crm.search("dana").await, found(&[("Dana Whitfield", "name"), ("Seán O'Brien", "company")]));
    assert_eq!(
        crm.search("dana bakery").await,
        found(&[("Dana Whitfield", "name")]),
        "words spread over name and company"
    );
    assert_eq!(crm.search("bakery").await, found(&[("Pat Lee", "company"), ("Dana Whitfield", "company")]));
}

#[tokio::test]
async fn phones_match_by_digits_in_any_format_and_by_four_or_more_trailing_digits() {
    let crm = people().await;
    for q in ["+1 415 555 0123", "(415) 555-0123", "4155550123", "14155550123", "001 415 555 0123"] {
        assert_eq!(crm.search(q).await, found(&[("Dana Whitfield", "phone"), ("Sam Whitfield", "phone")]), "{q}");
    }
    assert_eq!(crm.names("0123").await, ["Dana Whitfield", "Sam Whitfield"], "the last four digits");
    assert_eq!(crm.names("555-0100").await, ["Dana Whitfield"]);
    assert!(crm.names("123").await.is_empty(), "three digits are too few for a tail");
    assert!(crm.names("4155").await.is_empty(), "the start of a national number is not a tail");
    assert_eq!(crm.names("020 7946 0001").await, ["Grace Okafor"], "a national number with its trunk prefix");
    assert_eq!(crm.names("+44 20 79").await, ["Grace Okafor"], "an international number being typed");
    assert_eq!(crm.names("06 6982 1234").await, ["Kim Ng"], "Italy keeps its leading 0");
    assert_eq!(crm.search("1042").await, found(&[("Grace Okafor", "accountId")]), "digits may start an account ID");
}

#[tokio::test]
async fn emails_match_whole_by_address_start_or_by_domain() {
    let crm = people().await;
    assert_eq!(crm.search("Dana@Example.com").await, found(&[("Dana Whitfield", "email")]));
    assert_eq!(crm.search("pat@le").await, found(&[("Pat Lee", "email")]));
    assert_eq!(crm.search("maria.g").await, found(&[("María González", "name")]), "two words of her name");
    assert_eq!(crm.names("@example").await, ["María González", "Dana Whitfield"]);
    assert_eq!(crm.names("whitfield.ex").await, ["Dana Whitfield"]);
    assert_eq!(crm.search("orders@").await, found(&[("Dana Whitfield", "email")]));
    assert_eq!(crm.search("acct-10").await, found(&[("Dana Whitfield", "accountId")]));
}

#[tokio::test]
async fn search_syntax_and_sql_in_a_query_are_just_text() {
    let crm = people().await;
    assert_eq!(crm.names("whit*").await, ["Dana Whitfield", "Sam Whitfield", "Pat Lee"], "* only ends a word");
    for q in
        ["dana\" OR 1=1 --", "NEAR(dana whit)", "'; DROP TABLE contacts; --", "%", "%%", "--", "\\", "') OR ('1'='1"]
    {
        let uri = c360_wire::routes::crm_contact_search(TENANT, q, None);
        let reply = crm.get(&uri).await;
        assert!(reply.status == StatusCode::OK || reply.status == StatusCode::BAD_REQUEST, "{q}: {}", reply.status);
        if reply.status == StatusCode::OK {
            assert_eq!(reply.json["contacts"], json!([]), "{q}");
        }
    }
    assert_eq!(crm.names("dana").await.len(), 2, "and the table is still there");
}

#[tokio::test]
async fn a_contact_is_found_the_moment_it_is_saved_and_by_what_it_became() {
    let crm = people().await;
    let created = crm.created(json!({"firstName": "Zoë", "lastName": "Quist", "emails": ["zq@example.org"]})).await;
    assert_eq!(crm.names("zoe").await, ["Zoë Quist"]);
    let id = created["contactId"].as_str().unwrap();
    let reply = crm.patch(id, json!({"lastName": "Marsh", "phones": ["+14155550777"]}), Some(1)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert!(crm.names("quist").await.is_empty(), "the old name is gone from the index");
    assert_eq!(crm.names("zoe mar").await, ["Zoë Marsh"]);
    assert_eq!(crm.names("0777").await, ["Zoë Marsh"]);
}

#[tokio::test]
async fn limit_is_one_to_fifty_more_says_when_there_are_more_and_short_queries_are_400() {
    let crm = people().await;
    let crm = &crm;
    let search = |q: &str, limit: &str| {
        let uri = format!("{}?q={q}&limit={limit}", Crm::path("contacts"));
        async move { crm.get(&uri).await }
    };
    let one = search("whitfield", "1").await;
    assert_eq!(one.json["contacts"].as_array().unwrap().len(), 1);
    assert_eq!(one.json["contacts"][0]["firstName"], "Kim", "the best first");
    assert_eq!(one.json["more"], true);
    let all = search("whitfield", "4").await;
    assert_eq!((all.json["contacts"].as_array().unwrap().len(), &all.json["more"]), (4, &json!(false)));
    for limit in ["0", "51", "ten"] {
        let reply = search("whitfield", limit).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{limit}");
        assert_eq!(reply.json["errors"][0]["field"], "limit");
    }
    for q in ["d", "", "%20d%20"] {
        let reply = crm.get(&format!("{}?q={q}", Crm::path("contacts"))).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{q:?}");
        assert_eq!(reply.json["errors"][0]["code"], "too_short");
    }
    let no_query = crm.get(&Crm::path("contacts")).await;
    assert_eq!(no_query.json["errors"][0]["code"], "too_short");
}

#[tokio::test]
async fn a_page_is_complete_when_many_contacts_share_a_prefix() {
    let crm = Crm::new().await;
    // 30 Martins, each with two words starting "ma" (a contact comes twice in the walk).
    for i in 0..30 {
        crm.created(
            json!({"firstName": format!("Mark{i:02}"), "lastName": "Martin", "emails": [format!("m{i}@example.com")]}),
        )
        .await;
    }
    let page = crm.get(&format!("{}?q=ma&limit=25", Crm::path("contacts"))).await;
    let names: Vec<&str> =
        page.json["contacts"].as_array().unwrap().iter().map(|c| c["firstName"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 25);
    assert_eq!(page.json["more"], true);
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 25, "each contact once");
    let all = crm.get(&format!("{}?q=ma&limit=50", Crm::path("contacts"))).await;
    assert_eq!((all.json["contacts"].as_array().unwrap().len(), &all.json["more"]), (30, &json!(false)));
}

/// `count` contacts of `first` `last` in tenant `crm`, ids `{prefix}-0000` … in that order.
async fn many(crm: &Crm, prefix: &str, count: usize, first: &str, last: &str, company: &str) {
    let rows: Vec<ContactRow> = (0..count)
        .map(|i| ContactRow {
            contact_id: format!("{prefix}-{i:04}"),
            details: serde_json::from_value(json!({"firstName": first, "lastName": last, "company": company})).unwrap(),
        })
        .collect();
    let mut conn = crm.server.state.db.acquire().await.unwrap();
    insert_many(&mut conn, TENANT, &rows, "test", crm.server.now_ms).await.unwrap();
}

#[tokio::test]
async fn a_whole_word_and_the_start_of_the_next_find_their_few_among_many_sharing_the_word() {
    let crm = Crm::new().await;
    // 1,200 Joneses, none of them a Ba…: the pair index finds Barbara Jones and the Jones Bakery
    // people at once rather than checking every Jones.
    many(&crm, "ct-a", 1_200, "Chris", "Jones", "Acme").await;
    many(&crm, "ct-b", 1_200, "Barbara", "Smith", "Acme").await;
    for contact in [
        json!({"firstName": "Barbara", "lastName": "Jones", "company": "Acme", "emails": ["bj@acme.example"]}),
        json!({"firstName": "Lee", "lastName": "Park", "company": "Jones Bakery", "emails": ["lee@jb.example"]}),
        json!({"firstName": "Ana", "lastName": "Jonesy-Baxter", "emails": ["ana@jb.example"]}),
    ] {
        crm.created(contact).await;
    }
    assert_eq!(
        crm.search("jones ba").await,
        found(&[("Barbara Jones", "name"), ("Ana Jonesy-Baxter", "name"), ("Lee Park", "company")]),
        "the whole word from the pairs, a longer word (`jonesy`) from its own short range"
    );
    assert_eq!(crm.search("ba jones").await, crm.search("jones ba").await, "in either order");
    assert_eq!(crm.search("bakery jon").await, found(&[("Lee Park", "company")]));
}

#[tokio::test]
async fn two_common_word_starts_check_a_bounded_number_of_contacts_and_say_more_may_match() {
    let crm = Crm::new().await;
    many(&crm, "ct-a", 1_100, "Jonathan", "Smith", "Acme").await;
    many(&crm, "ct-b", 1_100, "Barbara", "Lee", "Acme").await;
    // Last in the walk of `jon…` names: beyond the first 1,000 checked.
    many(&crm, "ct-z", 1, "Jonathan", "Bailey", "Acme").await;
    let page = crm.get(&format!("{}?q=jon%20ba", Crm::path("contacts"))).await;
    assert_eq!(page.json["contacts"], json!([]));
    assert_eq!(page.json["more"], true, "not every Jon… was checked: keep typing");
    assert_eq!(crm.names("jonathan ba").await, ["Jonathan Bailey"], "typed whole, the word is in the pair index");
    assert_eq!(crm.names("jon bai").await, ["Jonathan Bailey"], "a rare start drives the walk");
}

#[tokio::test]
async fn migration_0004_gives_contacts_saved_before_it_the_pairs_the_server_writes() {
    let crm = people().await;
    crm.created(json!({"firstName": "Ann", "lastName": "Lee Lee",
        "company": "One Two Three Four Five Six Seven Eight Nine Ten Eleven", "emails": ["ann@lee.example"]}))
        .await;
    let pairs = || {
        crm.server.strings(
            "SELECT kind || ':' || term || ':' || contact_id FROM contact_terms WHERE kind IN ('m', 'k') ORDER BY 1",
        )
    };
    let written = pairs().await;
    assert!(written.len() > 60, "{written:?}");
    crm.server.exec("DELETE FROM contact_terms WHERE kind IN ('m', 'k')").await;
    let migration = match crm.server.state.db.engine() {
        Engine::Sqlite => include_str!("../migrations/sqlite/0004_contact_search_pairs.sql"),
        Engine::Postgres => include_str!("../migrations/postgres/0004_contact_search_pairs.sql"),
    };
    crm.server.exec(migration).await;
    assert_eq!(pairs().await, written);
}
