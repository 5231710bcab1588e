//! The state every handler shares.

use std::path::PathBuf;

use crate::auth::token::TokenSigner;
use crate::db::Db;

/// Shared by all handlers; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Verifies panel tokens.
    pub tokens: TokenSigner,
    /// Built panel to serve at `/`, if any.
    pub static_dir: Option<PathBuf>,
}
