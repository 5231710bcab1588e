//! Embedding the panel safely: who may frame the document (CSP `frame-ancestors`), which inline
//! script may run (its hash), the headers every answer carries, and the public host-origins list.

mod common;

use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use common::{Reply, TestServer, bearer};
use sha2::{Digest, Sha256};

/// trunk's shape: one inline module script that starts the app, besides scripts loaded by `src`.
const INLINE: &str = "import init from '/app-123.js';\nconst wasm = await init({ module_or_path: '/app_bg.wasm' });\n";
const WORKSPACE: &str = "http://127.0.0.1:8082";
const AGENT: &str = "https://agent.example.com";

/// A server over a fixture dist/ whose `demo` tenant allows [`AGENT`]; the temp dir lives as long.
async fn server(server_level: &[&str]) -> (TestServer, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    let index = format!(
        "<!doctype html><html lang=en><title>Customer 360</title><script type=module>{INLINE}</script>\
         <script src=/vendor.js defer></script><link href=/app-123.js rel=modulepreload></head><body></body></html>"
    );
    std::fs::write(dist.path().join("index.html"), index).unwrap();
    std::fs::write(dist.path().join("app-123.js"), "export default function init() {}").unwrap();
    let mut server = TestServer::with_static(Some(dist.path().to_path_buf())).await;
    server.state.host_origins = server_level.iter().map(|o| (*o).to_owned()).collect::<Vec<_>>().into();
    server.set_origins("demo", &[AGENT]).await;
    (server, dist)
}

fn csp(reply: &Reply) -> &str {
    reply.headers["content-security-policy"].to_str().unwrap()
}

fn frame_ancestors(reply: &Reply) -> &str {
    csp(reply).split("; ").find_map(|d| d.strip_prefix("frame-ancestors ")).expect("frame-ancestors")
}

#[tokio::test]
async fn the_document_may_be_framed_by_the_tenant_s_origins_and_the_server_level_ones() {
    let (server, _dist) = server(&[WORKSPACE]).await;
    for path in ["/?tenantId=demo", "/?tenantId=demo&phoneNumber=%2B14155550100", "/client/route?tenantId=demo"] {
        let reply = server.get(path, &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(frame_ancestors(&reply), format!("'self' {WORKSPACE} {AGENT}"), "{path}");
        for directive in [
            "default-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ] {
            assert!(csp(&reply).split("; ").any(|d| d == directive), "{directive} missing: {}", csp(&reply));
        }
    }
    // Another tenant's document, or none named, is framed by the server-level origins only.
    for path in ["/?tenantId=other", "/?tenantId=no-such-tenant", "/"] {
        assert_eq!(frame_ancestors(&server.get(path, &[]).await), format!("'self' {WORKSPACE}"), "{path}");
    }
}

#[tokio::test]
async fn without_configuration_only_the_panel_itself_may_frame_its_document() {
    let (server, _dist) = server(&[]).await;
    for path in ["/", "/?tenantId=other", "/?tenantId=nobody"] {
        assert_eq!(frame_ancestors(&server.get(path, &[]).await), "'self'", "{path}");
    }
}

#[tokio::test]
async fn the_script_hash_in_the_policy_is_the_sha256_of_the_served_inline_script() {
    let (server, _dist) = server(&[]).await;
    let reply = server.get("/?tenantId=demo", &[]).await;
    let html = reply.json.as_str().unwrap();
    let start = html.find("<script type=module>").unwrap() + "<script type=module>".len();
    let served = &html[start..start + html[start..].find("</script>").unwrap()];
    assert_eq!(served, INLINE);
    let expected = format!("'sha256-{}'", STANDARD.encode(Sha256::digest(served.as_bytes())));
    let script_src = csp(&reply).split("; ").find(|d| d.starts_with("script-src ")).unwrap();
    assert_eq!(script_src, format!("script-src 'self' 'wasm-unsafe-eval' {expected}"), "one hash: only inline scripts");
}

#[tokio::test]
async fn a_rebuilt_index_is_hashed_again_by_the_running_router() {
    let (server, dist) = server(&[]).await;
    let router = c360_server::app(server.state.clone());
    let script_src = |router: axum::Router| async move {
        let request = axum::http::Request::get("/").body(axum::body::Body::empty()).unwrap();
        let reply = tower::ServiceExt::oneshot(router, request).await.unwrap();
        let policy = reply.headers()["content-security-policy"].to_str().unwrap().to_owned();
        policy.split("; ").find(|d| d.starts_with("script-src ")).unwrap().to_owned()
    };
    let sha = |text: &str| STANDARD.encode(Sha256::digest(text.as_bytes()));
    assert!(script_src(router.clone()).await.contains(&sha(INLINE)));
    let rebuilt = "import init from '/app-456.js'; await init();";
    std::fs::write(dist.path().join("index.html"), format!("<script type=module>{rebuilt}</script>")).unwrap();
    assert_eq!(script_src(router).await, format!("script-src 'self' 'wasm-unsafe-eval' 'sha256-{}'", sha(rebuilt)));
}

#[tokio::test]
async fn assets_and_api_answers_get_their_own_policies_and_no_answer_frames_or_cookies_differently() {
    let (server, _dist) = server(&[WORKSPACE]).await;
    let token = server.token_for("demo", 600);
    let auth = bearer(&token);
    let asset = server.get("/app-123.js?tenantId=demo", &[]).await;
    assert_eq!(asset.status, StatusCode::OK);
    assert!(csp(&asset).contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{}", csp(&asset));
    assert_eq!(frame_ancestors(&asset), format!("'self' {WORKSPACE}"), "no tenant origins on assets");
    for path in ["/v1/panel/tenants/demo/host-origins", "/v1/panel/tenants/demo/config", "/openapi.json", "/v1/nothing"]
    {
        assert_eq!(csp(&server.get(path, &[]).await), "default-src 'none'; frame-ancestors 'none'", "{path}");
    }
    let mut replies = vec![asset];
    for path in ["/", "/?tenantId=demo", "/deep/link", "/v1/panel/tenants/demo/config", "/v1/public/tenants/demo/x"] {
        replies.push(server.get(path, &[("authorization", &auth)]).await);
        replies.push(server.get(path, &[]).await);
    }
    for reply in &replies {
        assert!(!reply.headers.contains_key("x-frame-options"));
        assert!(!reply.headers.contains_key("set-cookie"));
        assert!(reply.headers.contains_key("content-security-policy"));
        assert_eq!(reply.headers["x-content-type-options"], "nosniff");
        assert_eq!(reply.headers["referrer-policy"], "strict-origin-when-cross-origin");
    }
}

#[tokio::test]
async fn host_origins_are_public_and_a_tenant_without_its_own_answers_exactly_like_an_unknown_one() {
    let (server, _dist) = server(&[WORKSPACE, AGENT]).await;
    server.set_origins("other", &["https://other.example.net"]).await;
    let reply = server.get("/v1/panel/tenants/demo/host-origins", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers["cache-control"], "no-store");
    assert_eq!(reply.json, serde_json::json!({ "allowedHostOrigins": [WORKSPACE, AGENT] }), "sorted, no duplicates");
    // What a tenant with its own origins discloses, to anyone, as a browser needs it before any
    // credential exists: those origins (docs/api.md says why that is accepted), nothing else.
    let other = server.get("/v1/panel/tenants/other/host-origins", &[]).await;
    assert_eq!(
        other.json,
        serde_json::json!({ "allowedHostOrigins": [WORKSPACE, AGENT, "https://other.example.net"] })
    );
    // A tenant without its own origins (`basic`) cannot be told from one that does not exist: the
    // same status, headers and bytes, for the list and for the document and its policy.
    let key = server.key_for("other").await;
    let same = |uri: &str| {
        let uri = uri.to_owned();
        let (server, key) = (&server, &key);
        async move {
            let headers: &[(&str, &str)] = if uri.ends_with("config") { &[("x-api-key", key)] } else { &[] };
            let reply = server.get(&uri, headers).await;
            let mut headers = reply.headers.clone();
            headers.remove("date");
            (reply.status, headers, reply.json)
        }
    };
    for unknown in ["no-such-tenant", "%E2%9C%93"] {
        for uri in ["/v1/panel/tenants/{}/host-origins", "/?tenantId={}", "/v1/panel/tenants/{}/config"] {
            let known = same(&uri.replace("{}", "basic")).await;
            assert_eq!(known, same(&uri.replace("{}", unknown)).await, "{uri}: basic and {unknown}");
        }
    }
}

#[tokio::test]
async fn with_no_origins_configured_the_list_is_empty() {
    let server = TestServer::new().await;
    let reply = server.get("/v1/panel/tenants/demo/host-origins", &[]).await;
    assert_eq!(reply.json, serde_json::json!({ "allowedHostOrigins": [] }));
}
