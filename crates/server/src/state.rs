//! The state every handler shares, and the pieces extractors take from it (`FromRef`), so that
//! helpers such as the `Caller` extractor never name [`AppState`]. Only the resources' routers and
//! handlers, the crate root that assembles them and the CLI that builds the state import it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::FromRef;

use crate::auth::token::TokenSigner;
use crate::db::Db;
use crate::http::DEFAULT_REQUEST_TIMEOUT;
use crate::ratelimit::{AuthFailureLimiter, RateLimiter};
use crate::upstream::Upstream;

/// Shared by all handlers; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Verifies panel tokens.
    pub tokens: TokenSigner,
    /// Built panel to serve at `/`, if any.
    pub static_dir: Option<PathBuf>,
    /// Forwarding mode: the contract endpoints go to this upstream instead of the database.
    pub upstream: Option<Upstream>,
    /// Per-credential request limit, if any.
    pub limiter: Option<Arc<RateLimiter>>,
    /// Failed-authentication limit per client address, if any.
    pub auth_failures: Option<Arc<AuthFailureLimiter>>,
    /// Host origins allowed to embed every tenant's panel, besides each tenant's own (normalised
    /// with [`crate::tenants::parse_origin`]).
    pub host_origins: Arc<[String]>,
    /// How long a request may take from its head to its answer (`serve --request-timeout`).
    pub request_timeout: Duration,
}

impl AppState {
    /// A state over `db` with no static files, no upstream, no limits (`serve` sets the
    /// failed-authentication one by default), no server-level host origins and the default request
    /// timeout.
    pub fn new(db: Db, tokens: TokenSigner) -> Self {
        Self {
            db,
            tokens,
            static_dir: None,
            upstream: None,
            limiter: None,
            auth_failures: None,
            host_origins: Arc::from([]),
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
        }
    }
}

impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}

impl FromRef<AppState> for TokenSigner {
    fn from_ref(state: &AppState) -> Self {
        state.tokens.clone()
    }
}

impl FromRef<AppState> for Option<Arc<RateLimiter>> {
    fn from_ref(state: &AppState) -> Self {
        state.limiter.clone()
    }
}

impl FromRef<AppState> for Option<Arc<AuthFailureLimiter>> {
    fn from_ref(state: &AppState) -> Self {
        state.auth_failures.clone()
    }
}
