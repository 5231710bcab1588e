//! Serving the panel and the fallbacks around the API.

mod common;

use axum::http::{Method, StatusCode};
use common::TestServer;

#[tokio::test]
async fn the_panel_is_served_at_the_root_and_for_unknown_paths_with_safe_headers() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!doctype html><title>Customer 360</title>").unwrap();
    let server = TestServer::with_static(Some(dist.path().to_path_buf())).await;
    for path in ["/", "/?tenantId=demo&phoneNumber=%2B14155550100", "/some/client/route"] {
        let reply = server.get(path, &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert!(reply.json.as_str().unwrap().contains("Customer 360"));
        assert_eq!(reply.headers["x-content-type-options"], "nosniff");
        assert_eq!(reply.headers["referrer-policy"], "strict-origin-when-cross-origin");
    }
}

#[tokio::test]
async fn unknown_api_paths_answer_a_404_problem_not_the_panel() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!doctype html>").unwrap();
    let server = TestServer::with_static(Some(dist.path().to_path_buf())).await;
    let reply = server.get("/v1/public/tenants/demo/nothing-here", &[]).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.json["status"], 404);
}

#[tokio::test]
async fn api_answers_keep_the_api_policy_for_unknown_paths_and_methods_with_or_without_the_panel() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!doctype html>").unwrap();
    for server in [TestServer::with_static(Some(dist.path().to_path_buf())).await, TestServer::new().await] {
        for (method, path, status) in [
            (Method::GET, "/v1", StatusCode::NOT_FOUND),
            (Method::GET, "/v1/nothing/here", StatusCode::NOT_FOUND),
            (Method::POST, "/openapi.json", StatusCode::METHOD_NOT_ALLOWED),
            (Method::DELETE, "/v1/panel/tenants/demo/config", StatusCode::METHOD_NOT_ALLOWED),
        ] {
            let reply = server.request(method.clone(), path, &[]).await;
            assert_eq!(reply.status, status, "{method} {path}");
            assert_eq!(reply.json["status"], status.as_u16(), "{method} {path}: a problem body");
            assert_eq!(reply.headers["content-security-policy"], "default-src 'none'; frame-ancestors 'none'");
        }
    }
}
