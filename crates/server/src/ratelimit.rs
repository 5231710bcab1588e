//! An optional per-credential request limit (fixed one-minute windows), answering 429 with
//! `Retry-After` as the contract's gateways do. The counts live in the database (`rate_limits`),
//! so every instance on it enforces one limit: N instances behind a load balancer allow a
//! credential `per_minute` requests in all, not N × `per_minute`.
//!
//! The price is one write per limited request (an upsert returning the new count), which on SQLite
//! waits its turn with every other write; the limit is off unless configured.

use sqlx::AnyConnection;

/// Requests allowed per credential per minute.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
}

impl RateLimiter {
    /// A limiter allowing `per_minute` requests per credential per minute.
    pub fn new(per_minute: u32) -> Self {
        Self { per_minute: per_minute.max(1) }
    }

    /// Counts one request by `who` at `now_secs`; `Ok(Err(seconds))` to wait when over the limit.
    pub async fn check(&self, conn: &mut AnyConnection, who: &str, now_secs: i64) -> sqlx::Result<Result<(), u64>> {
        let window = now_secs.div_euclid(60);
        let requests: i64 = sqlx::query_scalar(
            "INSERT INTO rate_limits (credential, window_start, requests) VALUES ($1, $2, 1)
             ON CONFLICT (credential, window_start) DO UPDATE SET requests = rate_limits.requests + 1
             RETURNING requests",
        )
        .bind(who)
        .bind(window)
        .fetch_one(&mut *conn)
        .await?;
        if requests == 1 {
            // A credential's first request of a minute clears its earlier minutes.
            sqlx::query("DELETE FROM rate_limits WHERE credential = $1 AND window_start < $2")
                .bind(who)
                .bind(window)
                .execute(&mut *conn)
                .await?;
        }
        Ok(if requests > i64::from(self.per_minute) { Err((60 - now_secs.rem_euclid(60)) as u64) } else { Ok(()) })
    }
}
