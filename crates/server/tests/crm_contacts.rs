//! Contacts of the native CRM: create (validation per field, the duplicate answer), read with its
//! ETag, identity match (0, 1 or N), bad bodies, and tenant isolation — on both engines.

mod common;

use axum::http::{Method, StatusCode};
use common::bearer;
use common::crm::{Crm, OTHER, TENANT};
use serde_json::{Value, json};

fn dana() -> Value {
    json!({"firstName": "Dana", "lastName": "Whitfield", "phones": ["(415) 555-0100"],
           "emails": ["Dana@Example.com"], "company": "Whitfield Bakery", "accountId": "acct-1042",
           "title": "Owner", "address": {"city": "San Francisco", "country": "us"}})
}

fn fields(reply: &common::Reply) -> Vec<(String, String)> {
    reply.json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap().to_owned(), e["code"].as_str().unwrap().to_owned()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(f, c)| ((*f).to_owned(), (*c).to_owned())).collect()
}

#[tokio::test]
async fn a_created_contact_is_stored_normalised_with_its_location_and_etag() {
    let crm = Crm::new().await;
    let reply = crm.create(dana()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    let c = &reply.json;
    let id = c["contactId"].as_str().unwrap();
    assert!(id.starts_with("c-") && id.len() > 10, "{id}");
    assert_eq!(c["phones"], json!(["+14155550100"]), "a national number read in the tenant's country");
    assert_eq!(c["emails"], json!(["dana@example.com"]));
    assert_eq!(c["address"]["country"], "US");
    assert_eq!(c["version"], 1);
    assert_eq!(c["updatedBy"], "Test Agent");
    assert_eq!(c["crmUrl"], format!("/?tenantId={TENANT}&contactId={id}"), "the panel's own record view");
    assert_eq!(reply.headers["etag"], "\"1\"");
    assert_eq!(reply.headers["location"], format!("/v1/crm/tenants/{TENANT}/contacts/{id}"));

    let read = crm.get(reply.headers["location"].to_str().unwrap()).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.headers["etag"], "\"1\"");
    assert_eq!(&read.json, c, "read back exactly as created");
    let typed: c360_wire::crm::Contact = serde_json::from_value(read.json).unwrap();
    assert_eq!(typed.details.title, "Owner", "what the panel decodes");
}

#[tokio::test]
async fn the_crm_url_follows_the_tenant_s_template() {
    let crm = Crm::new().await;
    let mut conn = crm.server.state.db.acquire().await.unwrap();
    let mut settings = c360_server::tenants::settings(&mut conn, TENANT).await.unwrap().unwrap();
    settings.crm.crm_url_template = Some("https://crm.example.com/c/{contactId}".into());
    c360_server::tenants::save(&mut conn, &settings).await.unwrap();
    let c = crm.created(dana()).await;
    assert_eq!(c["crmUrl"], format!("https://crm.example.com/c/{}", c["contactId"].as_str().unwrap()));
}

#[tokio::test]
async fn every_invalid_field_is_named_with_its_reason() {
    let crm = Crm::new().await;
    let reply = crm
        .create(json!({"firstName": "Dana", "phones": ["+14155550100", "555-0100"],
            "emails": ["dana at example"], "address": {"country": "Narnia"},
            "customFields": {"loyaltyTier": "gold"}}))
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json["status"], 400);
    assert_eq!(
        fields(&reply),
        pairs(&[
            ("lastName", "required"),
            ("emails[0]", "invalid_format"),
            ("phones[1]", "invalid_format"),
            ("address.country", "invalid_format"),
            ("customFields.loyaltyTier", "unknown_field"),
        ])
    );
    let message = reply.json["errors"][2]["message"].as_str().unwrap();
    assert!(message.contains("555-0100") && message.contains("US"), "{message}");
    let nothing = crm.create(json!({})).await;
    assert_eq!(
        fields(&nothing),
        pairs(&[("firstName", "required"), ("lastName", "required"), ("phones|emails", "required")])
    );
}

#[tokio::test]
async fn wrong_json_types_server_fields_and_strangers_are_400_naming_the_field() {
    let crm = Crm::new().await;
    let reply = crm
        .create(json!({"firstName": 7, "lastName": "Whitfield", "phones": ["+14155550100", 4155550101_u64],
            "contactId": "c-mine", "nickname": "D", "address": ["x"]}))
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let mut found = fields(&reply);
    found.sort();
    assert_eq!(
        found,
        pairs(&[
            ("address", "invalid_format"),
            ("contactId", "read_only"),
            ("firstName", "invalid_format"),
            ("nickname", "unknown_field"),
            ("phones[1]", "invalid_format"),
        ])
    );
    for body in [json!(["Dana"]), json!("Dana"), json!(null)] {
        let reply = crm.create(body.clone()).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(reply.json["errors"][0]["field"], "", "{body}: the body itself");
    }
}

#[tokio::test]
async fn a_body_that_is_not_json_is_400_and_one_too_large_413_as_problems() {
    let crm = Crm::new().await;
    let uri = Crm::path("contacts");
    for raw in ["{\"firstName\": ", "", "firstName=Dana", "\u{0}"] {
        let reply = common::crm::send_json(
            &crm.server.state,
            Method::POST,
            &uri,
            Some(raw.to_owned()),
            &[(crm.auth.0.as_str(), crm.auth.1.as_str())],
        )
        .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{raw:?}");
        assert_eq!(reply.json["status"], 400, "{raw:?}: a problem body");
    }
    let huge = json!({"firstName": "Dana", "lastName": "x".repeat(300 * 1024), "emails": ["d@example.com"]});
    let reply = crm.create(huge).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.json["status"], 413);
    assert!(reply.json["detail"].as_str().unwrap().contains("KiB"), "{}", reply.json);
    let long = crm.create(json!({"firstName": "Dana", "lastName": "x".repeat(201), "emails": ["d@example.com"]})).await;
    assert_eq!(fields(&long), pairs(&[("lastName", "too_long")]));
}

#[tokio::test]
async fn a_phone_or_email_another_contact_holds_is_409_naming_them_unless_allowed() {
    let crm = Crm::new().await;
    let first = crm.created(dana()).await;
    let sam = json!({"firstName": "Sam", "lastName": "Whitfield", "phones": ["+1 415 555 0199", "+1 (415) 555-0100"]});
    let reply = crm.create(sam.clone()).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.json["status"], 409);
    assert_eq!(reply.json["duplicates"][0]["contactId"], first["contactId"]);
    assert_eq!(reply.json["duplicates"][0]["firstName"], "Dana");
    assert_eq!(fields(&reply), pairs(&[("phones[1]", "duplicate")]));
    assert_eq!(reply.json["errors"][0]["message"], "Dana Whitfield already has +14155550100.");
    let problem: c360_wire::crm::CrmProblem = serde_json::from_value(reply.json).unwrap();
    assert!(problem.is_duplicate(), "what the panel decodes");
    let by_email = crm.create(json!({"firstName": "D", "lastName": "W", "emails": ["DANA@example.com"]})).await;
    assert_eq!(by_email.status, StatusCode::CONFLICT);

    let allowed =
        crm.call(Method::POST, &format!("{}?allowDuplicate=true", Crm::path("contacts")), Some(&sam), &[]).await;
    assert_eq!(allowed.status, StatusCode::CREATED, "{}", allowed.json);
    let bad = crm.call(Method::POST, &format!("{}?allowDuplicate=yes", Crm::path("contacts")), Some(&sam), &[]).await;
    assert_eq!(fields(&bad), pairs(&[("allowDuplicate", "invalid_value")]));
}

#[tokio::test]
async fn identity_match_answers_every_contact_holding_the_identifier() {
    let crm = Crm::new().await;
    let landline = "+14155550123";
    crm.created(json!({"firstName": "Sam", "lastName": "Whitfield", "phones": [landline]})).await;
    let uri = format!("{}?allowDuplicate=true", Crm::path("contacts"));
    let dana = json!({"firstName": "Dana", "lastName": "Whitfield", "phones": ["+14155550100", landline],
        "emails": ["dana@example.com"]});
    crm.call(Method::POST, &uri, Some(&dana), &[]).await;
    let crm = &crm;
    let matching = |query: &str| {
        let uri = format!("{}?{query}", Crm::path("contacts"));
        async move { crm.get(&uri).await }
    };
    let two = matching("phoneNumber=%2B14155550123").await;
    assert_eq!(two.status, StatusCode::OK);
    assert_eq!(two.json["more"], false);
    let names: Vec<&str> =
        two.json["contacts"].as_array().unwrap().iter().map(|c| c["firstName"].as_str().unwrap()).collect();
    assert_eq!(names, ["Dana", "Sam"], "in name order");
    assert!(two.json["contacts"][0].get("matched").is_none(), "no `matched` outside a search");
    let one = matching("email=Dana%40Example.com").await;
    assert_eq!(one.json["contacts"].as_array().unwrap().len(), 1);
    assert_eq!(one.json["contacts"][0]["phones"], json!(["+14155550100", landline]));
    let none = matching("phoneNumber=%2B15005550000").await;
    assert_eq!(none.json, json!({"contacts": [], "more": false}));
    let national = matching("phoneNumber=(415)%20555-0100").await;
    assert_eq!(national.json["contacts"].as_array().unwrap().len(), 1, "read in the tenant's country");
    for (query, field) in [
        ("phoneNumber=call%20me", "phoneNumber"),
        ("email=nope", "email"),
        ("phoneNumber=%2B14155550100&email=dana%40example.com", "q"),
        ("q=dana&email=dana%40example.com", "q"),
    ] {
        let reply = matching(query).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(reply.json["errors"][0]["field"], field, "{query}");
    }
}

#[tokio::test]
async fn an_unknown_contact_is_404() {
    let crm = Crm::new().await;
    for path in ["contacts/c-nobody", "contacts/c-nobody/history"] {
        let reply = crm.get(&Crm::path(path)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(reply.json["status"], 404);
    }
    let patch = crm.patch("c-nobody", json!({"title": "x"}), Some(1)).await;
    assert_eq!(patch.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn tenants_are_isolated_on_every_endpoint() {
    let crm = Crm::new().await;
    let mine = crm.created(dana()).await;
    let id = mine["contactId"].as_str().unwrap();
    // Another tenant's agent, on its own path, does not see the contact: 404, never the record.
    let other = bearer(&crm.server.token_for(OTHER, 600));
    let theirs = |rest: String| format!("/v1/crm/tenants/{OTHER}/{rest}");
    let other_auth = [("authorization", other.as_str())];
    for (method, rest, body) in [
        (Method::GET, format!("contacts/{id}"), None),
        (Method::GET, format!("contacts/{id}/history"), None),
        (Method::PATCH, format!("contacts/{id}"), Some(json!({"title": "x"}))),
    ] {
        let headers = [other_auth[0], ("if-match", "\"1\"")];
        let reply = common::crm::send_json(
            &crm.server.state,
            method.clone(),
            &theirs(rest.clone()),
            body.map(|b| b.to_string()),
            &headers,
        )
        .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{method} {rest}");
    }
    for query in ["contacts?q=dana", "contacts?phoneNumber=%2B14155550100", "contacts?email=dana%40example.com"] {
        let reply =
            common::crm::send_json(&crm.server.state, Method::GET, &theirs(query.into()), None, &other_auth).await;
        assert_eq!(reply.json["contacts"], json!([]), "{query}");
    }
    let dup = common::crm::send_json(
        &crm.server.state,
        Method::POST,
        &theirs("contacts".into()),
        Some(dana().to_string()),
        &other_auth,
    )
    .await;
    assert_eq!(dup.status, StatusCode::CREATED, "another tenant's contacts are no duplicates");
    // Our contact through another tenant's credentials on our path: 403, like an unknown tenant.
    let key_of_other = crm.server.key_for(OTHER).await;
    for path in [
        "contacts",
        &format!("contacts/{id}"),
        &format!("contacts/{id}/history"),
        "layouts?recordType=contact",
        "fields?recordType=contact",
    ] {
        for (name, value) in [("authorization", other.clone()), ("x-api-key", key_of_other.clone())] {
            for method in [Method::GET, Method::POST, Method::PATCH] {
                let reply = common::crm::send_json(
                    &crm.server.state,
                    method.clone(),
                    &Crm::path(path),
                    Some("{}".into()),
                    &[(name, &value)],
                )
                .await;
                assert_eq!(reply.status, StatusCode::FORBIDDEN, "{method} {path} with {name}");
            }
        }
        let unknown = crm.get(&format!("/v1/crm/tenants/no-such-tenant/{path}")).await;
        assert_eq!(unknown.status, StatusCode::FORBIDDEN, "{path}: an unknown tenant looks the same");
    }
}

#[tokio::test]
async fn answers_have_every_property_our_openapi_document_requires() {
    let crm = Crm::new().await;
    let document: Value = serde_json::from_str(c360_server::openapi::DOCUMENT).unwrap();
    let required = |schema: &str| -> Vec<String> {
        let list = document["components"]["schemas"][schema]["required"].as_array().unwrap();
        list.iter().map(|v| v.as_str().unwrap().to_owned()).collect()
    };
    let contact = crm.created(dana()).await;
    let id = contact["contactId"].as_str().unwrap();
    let search = crm.get(&format!("{}?q=dana", Crm::path("contacts"))).await.json;
    let history = crm.get(&Crm::path(&format!("contacts/{id}/history"))).await.json;
    let layouts = crm.get(&Crm::path("layouts?recordType=contact")).await.json;
    let fields = crm.get(&Crm::path("fields?recordType=contact")).await.json;
    for (schema, value) in [
        ("Contact", &contact),
        ("ContactList", &search),
        ("ContactSummary", &search["contacts"][0]),
        ("AuditHistory", &history),
        ("AuditEntry", &history["entries"][0]),
        ("FieldChange", &history["entries"][0]["changes"][0]),
        ("Layouts", &layouts),
        ("Layout", &layouts["layouts"][0]),
        ("LayoutField", &layouts["layouts"][0]["fields"][0]),
        ("FieldList", &fields),
        ("FieldDefinition", &fields["fields"][0]),
    ] {
        for property in required(schema) {
            assert!(value.get(&property).is_some(), "{schema}.{property} in {value}");
        }
        let documented = document["components"]["schemas"][schema]["properties"].as_object().unwrap();
        for key in value.as_object().unwrap().keys() {
            assert!(documented.contains_key(key), "{schema}.{key} is not documented");
        }
    }
}
