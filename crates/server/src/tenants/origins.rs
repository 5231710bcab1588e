//! Host origins: which origins may embed and message a tenant's panel (the tenant's own, stored
//! with its settings, and the server-level ones given at start-up), and the one rule that checks
//! and normalises an origin on its way in.

use std::sync::Arc;

use sqlx::AnyConnection;

use crate::db::Db;
use crate::http::ApiError;

/// The origins allowed to embed and message `tenant_id`'s panel: the tenant's own and the
/// server-level ones, sorted and deduplicated. An unknown tenant has only the server-level ones.
pub async fn allowed_host_origins(
    conn: &mut AnyConnection,
    tenant_id: &str,
    server_level: &[String],
) -> sqlx::Result<Vec<String>> {
    let mut origins = super::origins(conn, tenant_id).await?;
    origins.extend(server_level.iter().cloned());
    origins.sort_unstable();
    origins.dedup();
    Ok(origins)
}

/// [`allowed_host_origins`] for a request.
pub async fn host_origins(db: &Db, tenant_id: String, server_level: Arc<[String]>) -> Result<Vec<String>, ApiError> {
    Ok(allowed_host_origins(&mut *db.acquire().await?, &tenant_id, &server_level).await?)
}

/// Checks and normalises a host origin: `https://host[:port]` (or `http://` for loopback and
/// development), no path, query or trailing slash.
pub fn parse_origin(s: &str) -> Result<String, String> {
    let s = s.trim();
    let (scheme, rest) = s.split_once("://").ok_or_else(|| format!("{s:?} is not an origin like https://host"))?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return Err(format!("{s:?}: an origin's scheme is http or https"));
    }
    if rest.is_empty() || rest.contains(['/', '?', '#', '@', ' ']) {
        return Err(format!("{s:?}: an origin is scheme://host[:port] with no path, query or user"));
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || rest.starts_with('[') => (h, Some(p)),
        _ => (rest, None),
    };
    if host.is_empty() || port.is_some_and(|p| p.parse::<u16>().is_err()) {
        return Err(format!("{s:?}: bad host or port"));
    }
    Ok(format!("{scheme}://{}", rest.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_checked_and_normalised() {
        assert_eq!(parse_origin("https://Agent.Example.com").unwrap(), "https://agent.example.com");
        assert_eq!(parse_origin("http://127.0.0.1:8082").unwrap(), "http://127.0.0.1:8082");
        for bad in [
            "agent.example.com",
            "ftp://x.com",
            "https://x.com/",
            "https://x.com/path",
            "https://x.com:99999",
            "https://",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad}");
        }
    }
}
