//! Layouts and fields of CRM records, on both engines: the built-in default layout and fields,
//! custom fields and layouts an admin defines with an API key (a panel token gets 403), and
//! contacts following them — required, read-only and typed custom fields.

mod common;

use axum::http::{Method, StatusCode};
use c360_wire::crm::{FieldList, Layouts, RecordType, builtin_fields, default_layout};
use common::crm::{Crm, TENANT};
use serde_json::{Value, json};

async fn admin(crm: &Crm, path: &str, body: Value) -> common::Reply {
    let key = crm.server.key_for(TENANT).await;
    common::send_json(&crm.server.state, Method::PUT, &Crm::path(path), Some(body.to_string()), &[("x-api-key", &key)])
        .await
}

#[tokio::test]
async fn a_tenant_starts_with_the_built_in_default_layout_and_fields() {
    let crm = Crm::new().await;
    let layouts = crm.get(&Crm::path("layouts?recordType=contact")).await;
    assert_eq!(layouts.status, StatusCode::OK);
    let layouts: Layouts = serde_json::from_value(layouts.json).unwrap();
    assert_eq!(layouts.layouts, [default_layout(&RecordType::Contact)]);
    assert_eq!(layouts.layouts[0].required_fields(), ["firstName", "lastName"]);
    let fields = crm.get(&Crm::path("fields?recordType=contact")).await;
    let fields: FieldList = serde_json::from_value(fields.json).unwrap();
    assert_eq!(fields.fields, builtin_fields(&RecordType::Contact));
    let task = crm.get(&Crm::path("layouts?recordType=task")).await;
    assert_eq!(task.json["layouts"][0]["layoutId"], "default-task");
    for (query, code) in [("", "required"), ("?recordType=ticket", "invalid_value")] {
        for resource in ["layouts", "fields"] {
            let reply = crm.get(&Crm::path(&format!("{resource}{query}"))).await;
            assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{resource}{query}");
            assert_eq!(
                (reply.json["errors"][0]["field"].as_str(), reply.json["errors"][0]["code"].as_str()),
                (Some("recordType"), Some(code))
            );
        }
    }
}

#[tokio::test]
async fn an_admin_defines_custom_fields_and_contacts_values_must_fit_them() {
    let crm = Crm::new().await;
    let tier = json!({"label": "Loyalty tier", "type": "select", "options": ["silver", "gold"]});
    let reply = admin(&crm, "fields/loyaltyTier?recordType=contact", tier.clone()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert_eq!(
        reply.json,
        json!({"field": "loyaltyTier", "label": "Loyalty tier", "type": "select", "options": ["silver", "gold"], "custom": true})
    );
    admin(&crm, "fields/visits?recordType=contact", json!({"label": "Visits", "type": "number"})).await;
    let fields = crm.get(&Crm::path("fields?recordType=contact")).await;
    let names: Vec<&str> =
        fields.json["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(&names[names.len() - 2..], ["loyaltyTier", "visits"], "custom fields after the built-in ones");

    let base = json!({"firstName": "Dana", "lastName": "Whitfield", "emails": ["dana@example.com"]});
    let with = |custom: Value| {
        let mut body = base.clone();
        body["customFields"] = custom;
        body
    };
    let dana = crm.created(with(json!({"loyaltyTier": "gold", "visits": "12"}))).await;
    assert_eq!(
        dana["customFields"],
        json!({"loyaltyTier": "gold", "visits": 12}),
        "a numeric text stored as its number"
    );
    for (custom, field, code) in [
        (json!({"loyaltyTier": "platinum"}), "customFields.loyaltyTier", "invalid_value"),
        (json!({"visits": "many"}), "customFields.visits", "invalid_format"),
        (json!({"shoeSize": 42}), "customFields.shoeSize", "unknown_field"),
    ] {
        let reply = crm.create(with(custom.clone())).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{custom}");
        assert_eq!(
            (reply.json["errors"][0]["field"].as_str(), reply.json["errors"][0]["code"].as_str()),
            (Some(field), Some(code))
        );
    }
    let retyped = admin(&crm, "fields/loyaltyTier?recordType=contact", json!({"label": "Tier", "type": "text"})).await;
    assert_eq!(retyped.json["label"], "Tier", "PUT updates");
}

#[tokio::test]
async fn only_an_api_key_defines_fields_and_layouts_and_bad_definitions_are_400() {
    let crm = Crm::new().await;
    let def = json!({"label": "Loyalty tier", "type": "text"});
    for (path, body) in [
        ("fields/loyaltyTier?recordType=contact", def.clone()),
        ("layouts/quick", json!({"name": "Quick", "recordType": "contact", "fields": [{"field": "firstName"}]})),
    ] {
        let reply = crm.call(Method::PUT, &Crm::path(path), Some(&body), &[]).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path} with a panel token");
    }
    for (path, body, field, code) in [
        ("fields/company?recordType=contact", def.clone(), "field", "read_only"),
        ("fields/loyaltyTier", def.clone(), "recordType", "required"),
        ("fields/loyaltyTier?recordType=contact", json!({"type": "select"}), "label", "required"),
        (
            "layouts/quick",
            json!({"name": "Quick", "recordType": "contact", "fields": [{"field": "nickname"}]}),
            "fields[0].field",
            "unknown_field",
        ),
    ] {
        let reply = admin(&crm, path, body).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(
            (reply.json["errors"][0]["field"].as_str(), reply.json["errors"][0]["code"].as_str()),
            (Some(field), Some(code)),
            "{path}"
        );
    }
}

#[tokio::test]
async fn contacts_follow_the_tenant_s_default_layout() {
    let crm = Crm::new().await;
    admin(
        &crm,
        "fields/loyaltyTier?recordType=contact",
        json!({"label": "Loyalty tier", "type": "select", "options": ["silver", "gold"]}),
    )
    .await;
    let layout = json!({"name": "Front desk", "recordType": "contact", "default": true, "fields": [
        {"field": "firstName", "required": true}, {"field": "phones"}, {"field": "accountId", "readOnly": true},
        {"field": "loyaltyTier", "required": true}]});
    let reply = admin(&crm, "layouts/front-desk", layout).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert_eq!(
        reply.json["fields"][3],
        json!({"field": "loyaltyTier", "label": "Loyalty tier", "required": true, "readOnly": false})
    );
    let layouts = crm.get(&Crm::path("layouts?recordType=contact")).await;
    let layouts: Layouts = serde_json::from_value(layouts.json).unwrap();
    assert_eq!(layouts.default_for(&RecordType::Contact).unwrap().layout_id, "front-desk");

    let missing = crm.create(json!({"firstName": "Dana", "phones": ["+14155550100"]})).await;
    assert_eq!(
        missing.json["errors"][0]["field"], "customFields.loyaltyTier",
        "required by the layout; lastName no longer"
    );
    let dana = crm
        .created(json!({"firstName": "Dana", "phones": ["+14155550100"], "accountId": "acct-1", "customFields": {"loyaltyTier": "gold"}}))
        .await;
    let id = dana["contactId"].as_str().unwrap();
    let refused = crm.patch(id, json!({"accountId": "acct-2"}), Some(1)).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        (refused.json["errors"][0]["field"].as_str(), refused.json["errors"][0]["code"].as_str()),
        (Some("accountId"), Some("read_only"))
    );
    let fine = crm.patch(id, json!({"customFields": {"loyaltyTier": "silver"}}), Some(1)).await;
    assert_eq!(fine.status, StatusCode::OK, "{}", fine.json);
    // A second default layout takes over; the first stays, no longer default.
    admin(
        &crm,
        "layouts/quick",
        json!({"name": "Quick", "recordType": "contact", "default": true, "fields": [{"field": "firstName"}]}),
    )
    .await;
    let layouts: Layouts =
        serde_json::from_value(crm.get(&Crm::path("layouts?recordType=contact")).await.json).unwrap();
    let defaults: Vec<(&str, bool)> = layouts.layouts.iter().map(|l| (l.layout_id.as_str(), l.default)).collect();
    assert_eq!(defaults, [("front-desk", false), ("quick", true)]);
}
