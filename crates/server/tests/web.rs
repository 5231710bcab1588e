//! Serving the panel and the fallbacks around the API.

mod common;

use axum::http::StatusCode;
use common::TestServer;

#[tokio::test]
async fn the_panel_is_served_at_the_root_and_for_unknown_paths_with_safe_headers() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!doctype html><title>Customer 360</title>").unwrap();
    let server = TestServer::with_static(Some(dist.path().to_path_buf()));
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
    let server = TestServer::with_static(Some(dist.path().to_path_buf()));
    let reply = server.get("/v1/public/tenants/demo/nothing-here", &[]).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.json["status"], 404);
}
