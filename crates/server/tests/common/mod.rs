//! Test harness: the real router over a real database, driven in-process. The database is a
//! temporary SQLite file, or, when `C360_TEST_DATABASE_URL` names a PostgreSQL server
//! (`cargo xtask test` runs every server test once on each engine), a database of its own created
//! on that server for each test, so tests stay parallel.

#![allow(dead_code)]

pub mod activities;
pub mod crm;
pub mod process;
pub mod schema;

use std::sync::atomic::{AtomicUsize, Ordering};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use c360_server::auth::{keys, token};
use c360_server::db::{Db, Location};
use c360_server::tenants::{self, Tenant};
use c360_server::{AppState, app, demo};
use http_body_util::BodyExt;
use sqlx::Connection;
use tower::ServiceExt;

/// A database of this test's own, removed (SQLite) or left to the test cluster (PostgreSQL, whose
/// data directory the test run deletes) when dropped.
pub struct TestDb {
    pub location: Location,
    _dir: tempfile::TempDir,
}

impl TestDb {
    /// A new, empty database on the engine the run asks for.
    pub async fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let location = match std::env::var("C360_TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
            Some(server) if server.starts_with("postgres") => {
                Location::Postgres(fresh_postgres_database(&server).await)
            }
            _ => Location::SqliteFile(dir.path().join("c360.sqlite")),
        };
        Self { location, _dir: dir }
    }

    /// A new, empty SQLite file, whatever engine the run asks for.
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap();
        Self { location: Location::SqliteFile(dir.path().join("c360.sqlite")), _dir: dir }
    }

    /// The location as the command line takes it.
    pub fn arg(&self) -> String {
        match &self.location {
            Location::SqliteFile(path) => path.display().to_string(),
            Location::SqliteUrl(url) | Location::Postgres(url) => url.clone(),
        }
    }

    /// A directory that lives as long as this database, for a test's other files.
    pub fn dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    /// Opens (and migrates) the database.
    pub async fn open(&self) -> Db {
        Db::open(&self.location).await.unwrap()
    }

    /// A new database holding tenant `id` (account `acc`, every licence on), and the handle open
    /// on it.
    pub async fn with_tenant(id: &str) -> (Self, Db) {
        let test_db = Self::new().await;
        let db = test_db.open().await;
        let tenant = Tenant {
            id: id.into(),
            account_id: "acc".into(),
            speech_analytics: true,
            native_crm: true,
            screen_pop: true,
        };
        tenants::create(&mut db.acquire().await.unwrap(), &tenant, 0).await.unwrap();
        (test_db, db)
    }
}

/// One connection to `url`, outside any pool.
pub async fn connect(url: &str) -> sqlx::AnyConnection {
    sqlx::any::install_default_drivers();
    sqlx::AnyConnection::connect(url).await.unwrap()
}

/// Creates a database with a unique name on the server `server_url` names and returns its URL.
async fn fresh_postgres_database(server_url: &str) -> String {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "c360_test_{}_{}_{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed),
        chrono::Utc::now().timestamp_micros() % 1_000_000
    );
    let mut admin = connect(server_url).await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut admin).await.unwrap();
    admin.close().await.unwrap();
    with_database(server_url, &name)
}

/// `url` with its database name replaced by `name` (any query string kept).
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{name}", &base[..host_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A server over a fresh database seeded with the demo tenants (`demo`, `demo-identity`) plus `other`
/// (another account) and `basic` (demo account, no Speech Analytics, native CRM off).
pub struct TestServer {
    pub state: AppState,
    pub db: TestDb,
    pub now_ms: i64,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub json: serde_json::Value,
}

impl TestServer {
    pub async fn new() -> Self {
        Self::with_static(None).await
    }

    pub async fn with_static(static_dir: Option<std::path::PathBuf>) -> Self {
        let server = Self::over(TestDb::new().await).await;
        let mut conn = server.state.db.acquire().await.unwrap();
        demo::seed_demo(&mut conn, server.now_ms).await.unwrap();
        for (id, account_id, speech_analytics, native_crm) in
            [("other", "other-account", true, true), ("basic", demo::DEMO_ACCOUNT, false, false)]
        {
            let tenant =
                Tenant { id: id.into(), account_id: account_id.into(), speech_analytics, native_crm, screen_pop: true };
            tenants::create(&mut conn, &tenant, server.now_ms).await.unwrap();
        }
        drop(conn);
        Self { state: AppState { static_dir, ..server.state }, ..server }
    }

    /// A server over `test_db` as it is: opened (so migrated), nothing added.
    pub async fn over(test_db: TestDb) -> Self {
        let db = test_db.open().await;
        let mut conn = db.acquire().await.unwrap();
        let tokens = token::TokenSigner::for_database(&mut conn, None).await.unwrap();
        drop(conn);
        Self { state: AppState::new(db, tokens), db: test_db, now_ms: chrono::Utc::now().timestamp_millis() }
    }

    /// A server whose database has the tenants but no interactions (a forwarding front).
    pub async fn bare() -> Self {
        let server = Self::new().await;
        server.exec("DELETE FROM summaries").await;
        server.exec("DELETE FROM interactions").await;
        server
    }

    /// Runs one statement on the server's database.
    pub async fn exec(&self, sql: &'static str) {
        sqlx::query(sql).execute(self.state.db.pool()).await.unwrap();
    }

    /// The first column of every row `sql` selects, as text.
    pub async fn strings(&self, sql: &'static str) -> Vec<String> {
        sqlx::query_scalar(sql).fetch_all(self.state.db.pool()).await.unwrap()
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
    pub async fn fill_basic_tenant(&self, n: usize) {
        let latest: Vec<_> = demo::history(&demo::personas()[0], 0, self.now_ms).into_iter().take(n).collect();
        let mut conn = self.state.db.acquire().await.unwrap();
        c360_server::insights::insert_interactions(&mut conn, "basic", &latest).await.unwrap();
    }

    pub async fn key_for(&self, tenant: &str) -> String {
        let mut conn = self.state.db.acquire().await.unwrap();
        let t = tenants::find(&mut conn, tenant).await.unwrap().unwrap();
        keys::create(&mut conn, &t.account_id, self.now_ms).await.unwrap()
    }

    /// Sets a tenant's own allowed host origins.
    pub async fn set_origins(&self, tenant: &str, origins: &[&str]) {
        let mut conn = self.state.db.acquire().await.unwrap();
        let mut settings = tenants::settings(&mut conn, tenant).await.unwrap().unwrap();
        settings.allowed_origins = origins.iter().map(|o| (*o).to_owned()).collect();
        tenants::save(&mut conn, &settings).await.unwrap();
    }

    pub fn token_for(&self, tenant: &str, ttl_secs: i64) -> String {
        let iat = self.now_ms / 1000;
        self.state.tokens.sign(&token::Claims {
            tid: tenant.into(),
            sub: "Test Agent".into(),
            name: None,
            iat,
            exp: iat + ttl_secs,
        })
    }

    pub async fn get(&self, uri: &str, headers: &[(&str, &str)]) -> Reply {
        self.request(Method::GET, uri, headers).await
    }

    /// Any method, empty body.
    pub async fn request(&self, method: Method, uri: &str, headers: &[(&str, &str)]) -> Reply {
        send(&self.state, method, uri, headers).await
    }

    /// Another instance on this server's database: its own pool and state, nothing shared in
    /// memory, as a second process would have.
    pub async fn second_instance(&self) -> AppState {
        let db = self.db.open().await;
        let mut conn = db.acquire().await.unwrap();
        let tokens = token::TokenSigner::for_database(&mut conn, None).await.unwrap();
        drop(conn);
        AppState { static_dir: self.state.static_dir.clone(), ..AppState::new(db, tokens) }
    }
}

/// A request to the router of `state`, empty body.
pub async fn send(state: &AppState, method: Method, uri: &str, headers: &[(&str, &str)]) -> Reply {
    send_json(state, method, uri, None, headers).await
}

/// A request to the router of `state` with an optional body (sent as JSON).
pub async fn send_json(
    state: &AppState,
    method: Method,
    uri: &str,
    body: Option<String>,
    headers: &[(&str, &str)],
) -> Reply {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let body = match body {
        Some(json) => {
            req = req.header("content-type", "application/json");
            Body::from(json)
        }
        None => Body::empty(),
    };
    answer(state, req.body(body).unwrap()).await
}

/// A `GET` to the router of `state` as if over a connection from `peer` (the listener says so in
/// the request's extensions).
pub async fn get_from(state: &AppState, peer: &str, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req =
        Request::get(uri).extension(axum::extract::ConnectInfo(peer.parse::<std::net::SocketAddr>().unwrap()));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    answer(state, req.body(Body::empty()).unwrap()).await
}

/// The router's answer to `req`, its body read as JSON (or as a JSON string when it is not).
async fn answer(state: &AppState, req: Request<Body>) -> Reply {
    let resp = app(state.clone()).oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    Reply { status, headers, json }
}

pub fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}
