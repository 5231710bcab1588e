//! Related records relative to the current interaction (`new` / `linked` / `suggested`, newest
//! first) and link / unlink (204, repeats are no-ops, another tenant's record 404).

mod common;

use axum::http::{Method, StatusCode};
use common::activities::{note, task};
use common::crm::{Crm, OTHER, TENANT, send_json};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
}

async fn link(crm: &Crm, method: Method, interaction: &str, activity: &str) -> StatusCode {
    crm.call(method, &Crm::path(&format!("interactions/{interaction}/links/{activity}")), None, &[]).await.status
}

#[tokio::test]
async fn records_are_new_linked_or_suggested_relative_to_the_interaction_newest_first() {
    let crm = Crm::new().await;
    let dana = crm.dana_id().await;
    // Newest first is by creation time, in milliseconds: a pause keeps each in a millisecond of its own.
    let pause = || tokio::time::sleep(std::time::Duration::from_millis(3));
    let earlier = crm.activity(note(&dana, "Prefers email", None)).await;
    pause().await;
    crm.activity(task(&dana)).await;
    pause().await;
    crm.activity(note(&dana, "Asked about the invoice", Some("int-now"))).await;
    assert_eq!(
        crm.related(&dana, Some("int-now")).await,
        pairs(&[
            ("Asked about the invoice", "new"),
            ("Send the refund form", "suggested"),
            ("Prefers email", "suggested")
        ])
    );
    let id = earlier["activityId"].as_str().unwrap();
    for _ in 0..2 {
        assert_eq!(link(&crm, Method::PUT, "int-now", id).await, StatusCode::NO_CONTENT, "linking again is a no-op");
    }
    assert_eq!(crm.related(&dana, Some("int-now")).await[2], ("Prefers email".to_owned(), "linked".to_owned()));
    assert_eq!(crm.related(&dana, Some("int-later")).await[2].1, "suggested", "linked to int-now only");
    assert!(crm.related(&dana, None).await.iter().all(|(_, r)| r == "suggested"), "no interaction: all suggested");
    for _ in 0..2 {
        assert_eq!(
            link(&crm, Method::DELETE, "int-now", id).await,
            StatusCode::NO_CONTENT,
            "unlinking again is a no-op"
        );
    }
    assert_eq!(crm.related(&dana, Some("int-now")).await[2].1, "suggested");
    assert_eq!(crm.count("activity_links", TENANT).await, 0);
}

#[tokio::test]
async fn an_unknown_contact_or_record_is_404() {
    let crm = Crm::new().await;
    let reply = crm.get(&c360_wire::routes::crm_contact_related(TENANT, "c-nobody", Some("int-1"))).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    for method in [Method::PUT, Method::DELETE] {
        assert_eq!(link(&crm, method, "int-1", "a-nothing").await, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn another_tenant_s_record_cannot_be_linked_or_listed() {
    let crm = Crm::new().await;
    let dana = crm.dana_id().await;
    let ours = crm.activity(note(&dana, "Ours", None)).await;
    let id = ours["activityId"].as_str().unwrap();
    let key = crm.server.key_for(OTHER).await;
    let paths = [
        format!("interactions/int-1/links/{id}"),
        format!("contacts/{dana}/related?interactionId=int-1"),
        "interactions/int-1/wrap-up".to_owned(),
    ];
    for path in &paths {
        for method in [Method::GET, Method::PUT, Method::DELETE, Method::POST] {
            let ours =
                send_json(&crm.server.state, method.clone(), &Crm::path(path), None, &[("x-api-key", &key)]).await;
            assert_eq!(ours.status, StatusCode::FORBIDDEN, "{method} {path} with another tenant's key");
        }
    }
    let theirs = |path: &str| Crm::path(path).replace(&format!("/{TENANT}/"), &format!("/{OTHER}/"));
    for method in [Method::PUT, Method::DELETE] {
        let reply =
            send_json(&crm.server.state, method.clone(), &theirs(&paths[0]), None, &[("x-api-key", &key)]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{method}: our record is not theirs");
    }
    let reply = send_json(&crm.server.state, Method::GET, &theirs(&paths[1]), None, &[("x-api-key", &key)]).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "our contact is not theirs");
    assert_eq!(crm.count("activity_links", OTHER).await, 0);
}
