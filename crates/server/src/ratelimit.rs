//! Request limits kept in the database (`rate_limits`, fixed one-minute windows), so every
//! instance on it enforces one limit: N instances behind a load balancer allow `per_minute` in
//! all, not N × `per_minute`. Both answer 429 with `Retry-After`, as the contract's gateways do.
//!
//! - [`RateLimiter`]: requests per credential (`key:<account>`, `panel:<tenant>:<agent>`), off
//!   unless configured. The price is one write per limited request (an upsert returning the new
//!   count), which on SQLite waits its turn with every other write.
//! - [`AuthFailureLimiter`]: failed authentications per client address (`addr:<ip>`; IPv6 by /64,
//!   what one host is usually given), on by default. Once an address has used up its minute,
//!   every request from it that needs a credential is refused before the credential is checked,
//!   a valid one too: otherwise a right guess would still be told apart from a wrong one. The price
//!   is one read per authenticated request and one write per failed one.

use std::net::IpAddr;
use std::sync::atomic::{AtomicI64, Ordering};

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
        let requests = count_one(conn, who, now_secs).await?;
        Ok(if requests > i64::from(self.per_minute) { Err(retry_after(now_secs)) } else { Ok(()) })
    }
}

/// Failed authentications allowed per client address per minute.
#[derive(Debug)]
pub struct AuthFailureLimiter {
    per_minute: u32,
    /// The last minute this instance cleared every older window (addresses that never come back
    /// would otherwise keep their rows).
    swept: AtomicI64,
}

impl AuthFailureLimiter {
    /// The default: far above what agents and machine clients with their own credentials ever
    /// fail (an expired panel token is not counted), far below guessing at line speed.
    pub const DEFAULT_PER_MINUTE: u32 = 100;

    /// A limiter allowing `per_minute` failed authentications per client address per minute.
    pub fn new(per_minute: u32) -> Self {
        Self { per_minute: per_minute.max(1), swept: AtomicI64::new(i64::MIN) }
    }

    /// `Some(seconds to wait)` when `addr` has used up its failures of the minute `now_secs` is in.
    pub async fn blocked(&self, conn: &mut AnyConnection, addr: IpAddr, now_secs: i64) -> sqlx::Result<Option<u64>> {
        let failures: Option<i64> =
            sqlx::query_scalar("SELECT requests FROM rate_limits WHERE credential = $1 AND window_start = $2")
                .bind(address_key(addr))
                .bind(now_secs.div_euclid(60))
                .fetch_optional(&mut *conn)
                .await?;
        Ok(failures.filter(|n| *n >= i64::from(self.per_minute)).map(|_| retry_after(now_secs)))
    }

    /// Counts one failed authentication by `addr`; `Some(seconds to wait)` when it was one too many.
    pub async fn failed(&self, conn: &mut AnyConnection, addr: IpAddr, now_secs: i64) -> sqlx::Result<Option<u64>> {
        let window = now_secs.div_euclid(60);
        if self.swept.swap(window, Ordering::Relaxed) != window {
            sqlx::query("DELETE FROM rate_limits WHERE window_start < $1").bind(window).execute(&mut *conn).await?;
        }
        let failures = count_one(conn, &address_key(addr), now_secs).await?;
        if failures == i64::from(self.per_minute) {
            // Once per address and minute (later requests are refused before they can fail).
            tracing::warn!(client = %addr, failures, "failed authentications: refusing this address until the minute ends");
        }
        Ok((failures > i64::from(self.per_minute)).then(|| retry_after(now_secs)))
    }
}

/// The key an address is counted under: an IPv4 address (an IPv4-mapped IPv6 one too) as it is,
/// an IPv6 address by its /64.
pub fn address_key(addr: IpAddr) -> String {
    match addr {
        IpAddr::V4(v4) => format!("addr:{v4}"),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => format!("addr:{v4}"),
            None => format!("addr:{}/64", std::net::Ipv6Addr::from(u128::from(v6) & !u128::from(u64::MAX))),
        },
    }
}

/// Counts one more request by `who` in the minute `now_secs` is in and returns the minute's count.
async fn count_one(conn: &mut AnyConnection, who: &str, now_secs: i64) -> sqlx::Result<i64> {
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
        // The first request of a minute clears the same key's earlier minutes.
        sqlx::query("DELETE FROM rate_limits WHERE credential = $1 AND window_start < $2")
            .bind(who)
            .bind(window)
            .execute(&mut *conn)
            .await?;
    }
    Ok(requests)
}

/// Seconds from `now_secs` to the next minute.
fn retry_after(now_secs: i64) -> u64 {
    (60 - now_secs.rem_euclid(60)) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_host_is_counted_by_its_64_and_a_mapped_ipv4_as_ipv4() {
        let key = |s: &str| address_key(s.parse().unwrap());
        assert_eq!(key("203.0.113.7"), "addr:203.0.113.7");
        assert_eq!(key("::ffff:203.0.113.7"), "addr:203.0.113.7");
        assert_eq!(key("2001:db8:1:2:aaaa::1"), "addr:2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:bbbb::9"), key("2001:db8:1:2:aaaa::1"));
        assert_ne!(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
    }
}
