//! API keys: random, shown once, stored only as a SHA-256 hash.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

/// Prefix that makes a leaked key recognisable (secret scanners, logs).
const PREFIX: &str = "c360k_";

/// Creates a key for `account_id`, stores its hash, and returns the key (the only time it exists).
pub fn create(conn: &Connection, account_id: &str, now_ms: i64) -> rusqlite::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("operating system random source");
    let key = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes));
    conn.execute(
        "INSERT INTO api_keys (account_id, key_hash, created_at) VALUES (?1, ?2, ?3)",
        params![account_id, hash(&key), now_ms],
    )?;
    Ok(key)
}

/// The account a (non-revoked) key belongs to.
pub fn account_for(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT account_id FROM api_keys WHERE key_hash = ?1 AND revoked_at IS NULL", [hash(key)], |r| {
        r.get(0)
    })
    .optional()
}

/// Keys are 256-bit random, so a plain SHA-256 is enough: nothing to brute-force.
fn hash(key: &str) -> String {
    Sha256::digest(key.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
