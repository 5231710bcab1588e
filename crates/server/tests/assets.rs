//! Serving the panel's files like a production asset server, through the real router over a
//! dist/ laid out as trunk and `cargo xtask compress` leave it: hashed assets answered from their
//! brotli or gzip copy as the browser accepts, varying by `Accept-Encoding` and kept a year; the
//! document (at `/`, by name and as the fallback for client routes) and files under their own names
//! revalidated on every use.

mod common;

use axum::http::StatusCode;
use common::{Reply, TestServer};

const CHROMIUM_ACCEPTS: &str = "gzip, deflate, br, zstd";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const DOCUMENT: &str = "<!doctype html><title>Customer 360</title>";

/// The hashed assets of the fixture: path, content type.
const HASHED: [(&str, &str); 3] = [
    ("/c360-panel-7f3a9c2e51b8d046_bg.wasm", "application/wasm"),
    ("/c360-panel-7f3a9c2e51b8d046.js", "text/javascript"),
    ("/main-e0c1b2a3d4f59687.css", "text/css"),
];

/// A dist/ with each hashed asset beside its `.br` and `.gz` (each file's text says which it is,
/// so an answer shows which file was sent), a copied file and the document.
fn dist() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dist.path().join(name.trim_start_matches('/'));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    for (path, _) in HASHED {
        write(path, &format!("identity {path}"));
        write(&format!("{path}.br"), &format!("br {path}"));
        write(&format!("{path}.gz"), &format!("gzip {path}"));
    }
    write("/public/favicon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
    write("/index.html", DOCUMENT);
    dist
}

fn header<'a>(reply: &'a Reply, name: &str) -> Option<&'a str> {
    reply.headers.get(name).map(|v| v.to_str().unwrap())
}

#[tokio::test]
async fn hashed_assets_are_answered_precompressed_as_accepted_and_kept_a_year() {
    let dist = dist();
    let server = TestServer::with_static(Some(dist.path().to_path_buf())).await;
    for (path, content_type) in HASHED {
        for (accepts, encoding, sent) in [
            (Some(CHROMIUM_ACCEPTS), Some("br"), "br"),
            (Some("gzip, deflate"), Some("gzip"), "gzip"),
            (Some("br;q=0, gzip;q=1"), Some("gzip"), "gzip"),
            (None, None, "identity"),
        ] {
            let headers: Vec<(&str, &str)> = accepts.map(|a| ("accept-encoding", a)).into_iter().collect();
            let reply = server.get(path, &headers).await;
            let asked = format!("{path} accepting {accepts:?}");
            assert_eq!(reply.status, StatusCode::OK, "{asked}");
            assert_eq!(reply.json, format!("{sent} {path}"), "{asked}: the file sent");
            assert_eq!(header(&reply, "content-encoding"), encoding, "{asked}");
            assert_eq!(header(&reply, "content-type"), Some(content_type), "{asked}: the asset's own type");
            assert_eq!(header(&reply, "vary").map(str::to_ascii_lowercase).as_deref(), Some("accept-encoding"));
            assert_eq!(header(&reply, "cache-control"), Some(IMMUTABLE), "{asked}");
        }
    }
}

#[tokio::test]
async fn the_document_client_routes_and_files_under_their_own_names_are_revalidated() {
    let dist = dist();
    // Even a compressed copy of the document beside it is never sent: the CSP hashes the file itself.
    std::fs::write(dist.path().join("index.html.br"), "stale").unwrap();
    let server = TestServer::with_static(Some(dist.path().to_path_buf())).await;
    let accepts = [("accept-encoding", CHROMIUM_ACCEPTS)];
    for path in [
        "/",
        "/?tenantId=demo&phoneNumber=%2B14155550100",
        "/index.html",
        "/some/client/route",
        "/c360-panel-0000000011111111.js",
    ] {
        let reply = server.get(path, &accepts).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.json, DOCUMENT, "{path}: the document");
        assert_eq!(header(&reply, "content-encoding"), None, "{path}");
        assert_eq!(header(&reply, "cache-control"), Some("no-cache"), "{path}");
        assert!(header(&reply, "content-security-policy").unwrap().contains("'wasm-unsafe-eval'"), "{path}");
    }
    let icon = server.get("/public/favicon.svg", &accepts).await;
    assert_eq!(icon.status, StatusCode::OK);
    assert_eq!(header(&icon, "content-type"), Some("image/svg+xml"));
    assert_eq!(header(&icon, "cache-control"), Some("no-cache"), "copied under its own name: it may change");
}

#[tokio::test]
async fn no_path_redirects_to_another_host() {
    let dist = dist();
    let server = TestServer::with_static(Some(dist.path().to_path_buf())).await;
    // A browser follows `Location: //public/` (or `/\\public/`) to the host `public`.
    for path in [
        "/public",
        "/public/",
        "//public",
        "///public",
        "//./public",
        "/./public",
        "//public/",
        "//public?tenantId=demo",
        "//example.com",
        "//example.com/public",
        "/%2F/public",
        "/%2fexample.com",
        "/%5Cpublic",
        "/.//public",
        "//%2e/public",
    ] {
        let reply = server.get(path, &[]).await;
        assert!(!reply.status.is_redirection(), "{path}: {}", reply.status);
        assert_eq!(header(&reply, "location"), None, "{path}");
        assert!([StatusCode::OK, StatusCode::NOT_FOUND].contains(&reply.status), "{path}: {}", reply.status);
    }
    // A directory is a client route like any other: the document, not a redirect.
    for path in ["//public", "///public", "//./public", "/public"] {
        assert_eq!(server.get(path, &[]).await.json, DOCUMENT, "{path}");
    }
}
