//! Panel tokens: `v1.<payload>.<signature>`, base64url, HMAC-SHA256 over `v1.<payload>`.
//!
//! The payload names one tenant and one agent and expires; the signing secret never leaves the
//! server (generated and stored in the database on first use, or given by `C360_TOKEN_SECRET`).

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use sqlx::AnyConnection;

type HmacSha256 = Hmac<Sha256>;

/// Longest lifetime a panel token may be given.
pub const MAX_TTL_SECS: i64 = 24 * 3600;

/// What a panel token says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Tenant id.
    pub tid: String,
    /// Agent id: what revocation names.
    pub sub: String,
    /// Agent name, as audit records show it; absent in older tokens, whose `sub` is the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Issued at, epoch seconds.
    pub iat: i64,
    /// Expires at, epoch seconds.
    pub exp: i64,
}

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Well-signed but past its expiry.
    #[error("token expired")]
    Expired,
    /// Malformed or not signed by us.
    #[error("invalid token")]
    Invalid,
}

/// Signs and verifies panel tokens with one secret.
#[derive(Clone)]
pub struct TokenSigner {
    /// Shared, so the per-request copy the `Caller` extractor takes is a reference count.
    secret: Arc<[u8]>,
}

impl std::fmt::Debug for TokenSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenSigner(..)")
    }
}

impl TokenSigner {
    /// A signer over `secret` (at least 32 bytes).
    pub fn new(secret: Vec<u8>) -> Self {
        assert!(secret.len() >= 32, "token secret must be at least 32 bytes");
        Self { secret: secret.into() }
    }

    /// The signer for this database: `C360_TOKEN_SECRET` when set, else the stored secret, created
    /// on first use. Every instance on one database reads the same secret, so a token minted by any
    /// of them (or by the `token` command) is good on all.
    pub async fn for_database(conn: &mut AnyConnection, env_secret: Option<&str>) -> Result<Self, String> {
        if let Some(s) = env_secret {
            if s.len() < 32 {
                return Err("C360_TOKEN_SECRET must be at least 32 characters".into());
            }
            return Ok(Self::new(s.as_bytes().to_vec()));
        }
        const STORED: &str = "SELECT value FROM server_secrets WHERE name = 'panel_token'";
        let stored: Option<Vec<u8>> =
            sqlx::query_scalar(STORED).fetch_optional(&mut *conn).await.map_err(|e| e.to_string())?;
        if let Some(secret) = stored {
            return Ok(Self::new(secret));
        }
        let mut secret = vec![0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| e.to_string())?;
        sqlx::query("INSERT INTO server_secrets (name, value) VALUES ('panel_token', $1) ON CONFLICT DO NOTHING")
            .bind(secret)
            .execute(&mut *conn)
            .await
            .map_err(|e| e.to_string())?;
        // Another process may have won the race: use whatever is stored now.
        let secret: Vec<u8> = sqlx::query_scalar(STORED).fetch_one(conn).await.map_err(|e| e.to_string())?;
        Ok(Self::new(secret))
    }

    /// Issues a token.
    pub fn sign(&self, claims: &Claims) -> String {
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).expect("claims serialise"));
        let signed = format!("v1.{payload}");
        let sig = URL_SAFE_NO_PAD.encode(self.mac(&signed).finalize().into_bytes());
        format!("{signed}.{sig}")
    }

    /// Checks signature, then expiry, at `now` (epoch seconds).
    pub fn verify(&self, token: &str, now: i64) -> Result<Claims, TokenError> {
        let (signed, sig) = token.rsplit_once('.').ok_or(TokenError::Invalid)?;
        let payload = signed.strip_prefix("v1.").ok_or(TokenError::Invalid)?;
        let sig = URL_SAFE_NO_PAD.decode(sig).map_err(|_| TokenError::Invalid)?;
        self.mac(signed).verify_slice(&sig).map_err(|_| TokenError::Invalid)?;
        let claims: Claims = URL_SAFE_NO_PAD
            .decode(payload)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .ok_or(TokenError::Invalid)?;
        if now >= claims.exp { Err(TokenError::Expired) } else { Ok(claims) }
    }

    fn mac(&self, data: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.secret).expect("HMAC takes any key length");
        mac.update(data.as_bytes());
        mac
    }
}

/// Parses a lifetime such as `90s`, `30m`, `8h` or `1d` into seconds (at most 24 hours).
pub fn parse_ttl(s: &str) -> Result<i64, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: i64 = num.parse().map_err(|_| format!("invalid TTL {s:?}: use e.g. 30m, 8h, 1d"))?;
    let secs = match unit {
        "s" => n,
        "m" | "" => n * 60,
        "h" => n * 3600,
        "d" => n * 86400,
        _ => return Err(format!("invalid TTL unit in {s:?}: use s, m, h or d")),
    };
    if secs <= 0 || secs > MAX_TTL_SECS {
        return Err(format!("TTL {s:?} must be between 1s and 24h: panel tokens are short-lived"));
    }
    Ok(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer() -> TokenSigner {
        TokenSigner::new(vec![7; 32])
    }

    fn claims(exp: i64) -> Claims {
        Claims { tid: "demo".into(), sub: "Ana".into(), name: None, iat: 0, exp }
    }

    #[test]
    fn a_signed_token_verifies_until_it_expires() {
        let token = signer().sign(&claims(100));
        assert_eq!(signer().verify(&token, 99).unwrap().tid, "demo");
        assert_eq!(signer().verify(&token, 100), Err(TokenError::Expired));
    }

    #[test]
    fn a_tampered_or_foreign_token_is_invalid() {
        let token = signer().sign(&claims(100));
        let forged_payload = URL_SAFE_NO_PAD.encode(br#"{"tid":"other","sub":"Ana","iat":0,"exp":100}"#);
        let sig = token.rsplit_once('.').unwrap().1;
        assert_eq!(signer().verify(&format!("v1.{forged_payload}.{sig}"), 1), Err(TokenError::Invalid));
        assert_eq!(TokenSigner::new(vec![8; 32]).verify(&token, 1), Err(TokenError::Invalid));
        assert_eq!(signer().verify("garbage", 1), Err(TokenError::Invalid));
    }

    #[test]
    fn ttl_parsing() {
        assert_eq!(parse_ttl("8h"), Ok(8 * 3600));
        assert_eq!(parse_ttl("90s"), Ok(90));
        assert!(parse_ttl("2d").is_err());
        assert!(parse_ttl("0h").is_err());
        assert!(parse_ttl("eight").is_err());
    }
}
