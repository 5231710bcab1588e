//! The demo agent workspace: its router (page, script, rogue page, session tokens) and the real
//! `serve --workspace-listen` process, whose second origin the main server accepts as a host.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use c360_server::demo::contacts::{HOUSEHOLD_LANDLINE, NEW_CALLER};
use c360_server::workspace::{self, INTERNAL_NUMBER, POLICY, UNKNOWN_NUMBER, WorkspaceState};
use common::{TestServer, bearer};
use http_body_util::BodyExt;
use tower::ServiceExt;

const PANEL_ORIGIN: &str = "http://127.0.0.1:9999";

/// GETs `uri` from the workspace router signing with `server`'s secret: (status, headers, body).
async fn get(server: &TestServer, uri: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let state = WorkspaceState {
        tokens: server.state.tokens.clone(),
        db: server.state.db.clone(),
        panel_origin: PANEL_ORIGIN.into(),
    };
    let resp = workspace::router(state).oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let (status, headers) = (resp.status(), resp.headers().clone());
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn the_session_mints_a_token_the_main_api_accepts_for_each_demo_tenant() {
    let server = TestServer::new().await;
    for tenant in ["demo", "demo-identity", "demo-no-pop"] {
        let (status, headers, body) = get(&server, &format!("/demo/workspace/session?tenantId={tenant}")).await;
        assert_eq!(status, StatusCode::OK, "{tenant}: {body}");
        assert_eq!(headers["cache-control"], "no-store");
        let session: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(session["tenantId"], tenant);
        assert_eq!(session["panelOrigin"], PANEL_ORIGIN);
        assert_eq!(session["panelUrl"], format!("{PANEL_ORIGIN}/?tenantId={tenant}"));
        assert_eq!(session["internalNumber"], INTERNAL_NUMBER);
        assert_eq!(session["unknownNumber"], UNKNOWN_NUMBER);
        let customers = session["customers"].as_array().unwrap();
        assert!(customers.len() >= 3);
        assert!(customers.iter().any(|c| c["phone"] == "+14155550100"));
        assert!(customers.iter().any(|c| c["name"] == "Maria Gonzalez" && c["email"] == "maria.gonzalez@example.com"));

        let auth = bearer(session["token"].as_str().unwrap());
        let insight = |who: &str| format!("/v1/public/tenants/{tenant}/interactions-insight?phoneNumber={who}");
        let known = server.get(&insight("%2B14155550100"), &[("authorization", &auth)]).await;
        assert_eq!(known.status, StatusCode::OK, "{tenant}");
        assert!(!known.json["interactions"].as_array().unwrap().is_empty(), "{tenant} has the demo history");
        for nobody in [INTERNAL_NUMBER, UNKNOWN_NUMBER] {
            let reply = server.get(&insight(&nobody.replace('+', "%2B")), &[("authorization", &auth)]).await;
            assert_eq!(reply.status, StatusCode::OK, "{nobody} is a valid number");
            assert_eq!(reply.json["interactions"], serde_json::json!([]), "{nobody} has no history");
        }
        // The native CRM callers: offered in `demo` only; each has history in every demo tenant.
        let crm = tenant == "demo";
        let offered = |key: &str| session[key].as_str().map(str::to_owned);
        assert_eq!(offered("multiMatchNumber").as_deref(), crm.then_some(HOUSEHOLD_LANDLINE), "{tenant}");
        assert_eq!(offered("newCallerNumber").as_deref(), crm.then_some(NEW_CALLER), "{tenant}");
        for caller in [HOUSEHOLD_LANDLINE, NEW_CALLER] {
            let reply = server.get(&insight(&caller.replace('+', "%2B")), &[("authorization", &auth)]).await;
            let calls = reply.json["interactions"].as_array().unwrap();
            assert!(!calls.is_empty(), "{tenant}: {caller} has called before");
            assert!(calls.iter().all(|i| i.get("contactId").is_none_or(|c| c.is_null())), "linked to nobody");
        }
        let config = server.get(&format!("/v1/panel/tenants/{tenant}/config"), &[("authorization", &auth)]).await;
        assert_eq!(config.json["nativeCrm"], tenant != "demo-identity");
        assert_eq!(config.json["screenPop"], tenant != "demo-no-pop");
    }
}

#[tokio::test]
async fn the_session_refuses_every_other_tenant() {
    let server = TestServer::new().await;
    for query in ["?tenantId=other", "?tenantId=basic", "?tenantId=demo2", "", "?tenantId=demo&tenantId=demo"] {
        let (status, _, body) = get(&server, &format!("/demo/workspace/session{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        let problem: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(problem["status"], 400);
        assert!(!body.contains("v1."), "no token in a refusal");
    }
}

#[tokio::test]
async fn page_script_style_and_rogue_page_are_served_with_the_workspace_policy() {
    let server = TestServer::new().await;
    for (path, content_type) in [
        ("/demo/workspace", "text/html"),
        ("/demo/workspace.js", "text/javascript"),
        ("/demo/workspace.css", "text/css"),
        ("/demo/rogue", "text/html"),
        ("/demo/rogue.js", "text/javascript"),
    ] {
        let (status, headers, body) = get(&server, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(headers["content-type"].to_str().unwrap().starts_with(content_type), "{path}");
        assert_eq!(headers["content-security-policy"], POLICY, "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert!(!headers.contains_key("x-frame-options") && !headers.contains_key("set-cookie"));
        // The policy allows no inline script or style: the files must need none.
        assert!(!body.contains("<script>") && !body.contains(" style=") && !body.contains("innerHTML"), "{path}");
    }
    let (_, _, page) = get(&server, "/demo/workspace").await;
    assert!(page.contains("<title>Demo agent workspace</title>") && page.contains("<main"));
    assert!(page.contains(r#"<iframe id="panel" name="c360-panel" title="Customer 360 panel">"#));
    assert!(page.contains(r#"<ol id="log" class="log" aria-live="off""#));
    let (_, _, script) = get(&server, "/demo/workspace.js").await;
    assert!(!script.contains("postMessage(msg, '*')") && script.contains("state.session.panelOrigin"));
    let (_, _, rogue) = get(&server, "/demo/rogue.js").await;
    assert!(rogue.contains("parent.frames[i].postMessage(msg, '*')") && rogue.contains("+14155550123"));
    let (status, _, _) = get(&server, "/v1/public/tenants/demo/interactions-insight").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "the workspace serves nothing of the main API");
}

#[test]
fn the_internal_unknown_and_new_caller_numbers_belong_to_no_demo_customer() {
    let personas = c360_server::demo::personas();
    for p in &personas {
        assert_ne!(p.phone, INTERNAL_NUMBER);
        assert_ne!(p.phone, UNKNOWN_NUMBER);
        assert_ne!(p.phone, NEW_CALLER);
    }
    for c in c360_server::demo::contacts::demo_contacts(&personas) {
        for nobody in [INTERNAL_NUMBER, UNKNOWN_NUMBER, NEW_CALLER] {
            assert!(!c.details.phones.iter().any(|p| p == nobody), "{nobody} is {}'s", c.details.full_name());
        }
    }
    assert_eq!(c360_wire::normalize_phone(UNKNOWN_NUMBER).as_deref(), Some(UNKNOWN_NUMBER));
}
