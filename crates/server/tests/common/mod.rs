//! Test harness: the real router over a real temporary SQLite file, driven in-process.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use c360_server::auth::{keys, token};
use c360_server::db::Db;
use c360_server::tenants::{self, Tenant};
use c360_server::{AppState, app, demo};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A server over a fresh database seeded with the demo tenants (`demo`, `demo-identity`) plus `other`
/// (another account) and `basic` (demo account, no Speech Analytics, native CRM off).
pub struct TestServer {
    pub state: AppState,
    pub _dir: tempfile::TempDir,
    pub now_ms: i64,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub json: serde_json::Value,
}

impl TestServer {
    pub fn new() -> Self {
        Self::with_static(None)
    }

    pub fn with_static(static_dir: Option<std::path::PathBuf>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path().join("c360.sqlite")).unwrap();
        let now_ms = chrono::Utc::now().timestamp_millis();
        db.with(|conn| demo::seed_demo(conn, now_ms)).unwrap();
        db.with(|conn| {
            tenants::create(
                conn,
                &Tenant {
                    id: "other".into(),
                    account_id: "other-account".into(),
                    speech_analytics: true,
                    native_crm: true,
                    screen_pop: true,
                },
                now_ms,
            )?;
            tenants::create(
                conn,
                &Tenant {
                    id: "basic".into(),
                    account_id: demo::DEMO_ACCOUNT.into(),
                    speech_analytics: false,
                    native_crm: false,
                    screen_pop: true,
                },
                now_ms,
            )
        })
        .unwrap();
        let tokens = db.with(|conn| Ok(token::TokenSigner::for_database(conn, None))).unwrap().unwrap();
        Self { state: AppState { static_dir, ..AppState::new(db, tokens) }, _dir: dir, now_ms }
    }

    /// A server whose database has the tenants but no interactions (a forwarding front).
    pub fn bare() -> Self {
        let server = Self::new();
        server.state.db.with(|conn| conn.execute_batch("DELETE FROM interactions; DELETE FROM summaries;")).unwrap();
        server
    }

    /// Serves this server's router on a free loopback port, for as long as the test runs.
    pub async fn listen(&self) -> std::net::SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let router = app(self.state.clone());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        addr
    }

    /// Gives `basic` (demo account, no Speech Analytics) the demo customer's `n` latest interactions.
    pub fn fill_basic_tenant(&self, n: usize) {
        self.state
            .db
            .with(|conn| {
                for s in demo::history(&demo::personas()[0], 0, self.now_ms).iter().take(n) {
                    c360_server::insights::insert_interaction(conn, "basic", s)?;
                }
                Ok(())
            })
            .unwrap();
    }

    pub fn key_for(&self, tenant: &str) -> String {
        self.state
            .db
            .with(|conn| {
                let t = tenants::find(conn, tenant)?.unwrap();
                keys::create(conn, &t.account_id, self.now_ms)
            })
            .unwrap()
    }

    /// Sets a tenant's own allowed host origins.
    pub fn set_origins(&self, tenant: &str, origins: &[&str]) {
        self.state
            .db
            .with(|conn| {
                let mut settings = tenants::settings(conn, tenant)?.unwrap();
                settings.allowed_origins = origins.iter().map(|o| (*o).to_owned()).collect();
                tenants::save(conn, &settings)
            })
            .unwrap();
    }

    pub fn token_for(&self, tenant: &str, ttl_secs: i64) -> String {
        let iat = self.now_ms / 1000;
        self.state.tokens.sign(&token::Claims {
            tid: tenant.into(),
            sub: "Test Agent".into(),
            iat,
            exp: iat + ttl_secs,
        })
    }

    pub async fn get(&self, uri: &str, headers: &[(&str, &str)]) -> Reply {
        self.request(Method::GET, uri, headers).await
    }

    /// Any method, empty body.
    pub async fn request(&self, method: Method, uri: &str, headers: &[(&str, &str)]) -> Reply {
        let mut req = Request::builder().method(method).uri(uri);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let resp = app(self.state.clone()).oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        let json = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        Reply { status, headers, json }
    }
}

pub fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}
