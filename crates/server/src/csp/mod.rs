//! `Content-Security-Policy`, as one layer on each router. API answers ([`api`]) may be neither
//! loaded from nor framed. The panel's files ([`document`]): its document may be framed only by
//! itself, the requesting tenant's allowed host origins (its `tenantId` query parameter) and the
//! server-level ones, and its inline start-up script runs by hash; other files get the same policy
//! without tenant origins.

pub mod policy;
mod scripts;

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use c360_wire::routes::params;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::db::Db;
use crate::http::QueryPairs;
use crate::tenants;
use scripts::ScriptHashes;

/// `router` with the API policy on every answer (replacing any).
pub fn api<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router.layer(SetResponseHeaderLayer::overriding(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(policy::API),
    ))
}

/// `router` (the panel's files) with the document policy on every answer (replacing any).
pub fn document<S: Clone + Send + Sync + 'static>(router: Router<S>, policy: DocumentPolicy) -> Router<S> {
    router.layer(middleware::from_fn_with_state(policy, set_document_policy))
}

/// What the document policy needs: where to look up a tenant's host origins, the server-level
/// ones, and the served document's inline-script hashes.
#[derive(Clone)]
pub struct DocumentPolicy {
    db: Db,
    server_level: Arc<[String]>,
    scripts: ScriptHashes,
}

impl DocumentPolicy {
    /// Hashes the inline scripts of `index` (the served `index.html`, if any) now.
    pub fn new(db: Db, server_level: Arc<[String]>, index: Option<PathBuf>) -> Self {
        Self { db, server_level, scripts: ScriptHashes::new(index) }
    }

    /// The tenant's allowed host origins with the server-level ones; only the server-level ones if
    /// they cannot be read (framing is then refused rather than widened).
    async fn ancestors(&self, tenant_id: String) -> Vec<String> {
        match tenants::host_origins(&self.db, tenant_id, self.server_level.clone()).await {
            // Stored origins were checked on the way in; checking again keeps the header well-formed.
            Ok(origins) => origins.into_iter().filter(|o| tenants::parse_origin(o).as_ref() == Ok(o)).collect(),
            Err(e) => {
                tracing::error!(error = %e, "cannot read a tenant's host origins");
                self.server_level.to_vec()
            }
        }
    }
}

/// Sets the document policy on the response: for an HTML answer with the requesting tenant's
/// ancestors and the document's current script hashes, for any other file with the server-level
/// ancestors.
async fn set_document_policy(State(csp): State<DocumentPolicy>, request: Request, next: Next) -> Response {
    let tenant_id =
        QueryPairs::parse(request.uri().query()).ok().and_then(|q| q.single(params::TENANT_ID).ok().flatten());
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let value = if html {
        let ancestors = match tenant_id {
            Some(tenant_id) => csp.ancestors(tenant_id).await,
            None => csp.server_level.to_vec(),
        };
        policy::document(&csp.scripts.current().await, &ancestors)
    } else {
        policy::document(&csp.scripts.cached(), &csp.server_level)
    };
    let value = HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(policy::API));
    response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, value);
    response
}
