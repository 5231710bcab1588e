//! API keys: random, shown once, stored only as a SHA-256 hash.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

/// Prefix that makes a leaked key recognisable (secret scanners, logs).
const PREFIX: &str = "c360k_";

/// Creates a key for `account_id`, stores its hash, and returns the key (the only time it exists).
pub async fn create(conn: &mut AnyConnection, account_id: &str, now_ms: i64) -> sqlx::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("operating system random source");
    let key = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes));
    sqlx::query("INSERT INTO api_keys (account_id, key_hash, created_at) VALUES ($1, $2, $3)")
        .bind(account_id)
        .bind(hash(&key))
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(key)
}

/// The account a (non-revoked) key belongs to.
pub async fn account_for(conn: &mut AnyConnection, key: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT account_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL")
        .bind(hash(key))
        .fetch_optional(conn)
        .await
}

/// Keys are 256-bit random, so a plain SHA-256 is enough: nothing to brute-force.
fn hash(key: &str) -> String {
    Sha256::digest(key.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
