//! An optional per-credential request limit (fixed one-minute windows), answering 429 with
//! `Retry-After` as the contract's gateways do.

use std::collections::HashMap;
use std::sync::Mutex;

/// Requests allowed per credential per minute.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
    windows: Mutex<HashMap<String, (i64, u32)>>,
}

impl RateLimiter {
    /// A limiter allowing `per_minute` requests per credential per minute.
    pub fn new(per_minute: u32) -> Self {
        Self { per_minute: per_minute.max(1), windows: Mutex::new(HashMap::new()) }
    }

    /// Counts one request by `who` at `now_secs`; `Err(seconds)` to wait when over the limit.
    pub fn check(&self, who: &str, now_secs: i64) -> Result<(), u64> {
        let window = now_secs.div_euclid(60);
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > 100_000 {
            windows.retain(|_, (w, _)| *w == window);
        }
        let entry = windows.entry(who.to_owned()).or_insert((window, 0));
        if entry.0 != window {
            *entry = (window, 0);
        }
        if entry.1 >= self.per_minute {
            return Err((60 - now_secs.rem_euclid(60)) as u64);
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_the_limit_then_says_how_long_to_wait() {
        let limiter = RateLimiter::new(2);
        assert_eq!(limiter.check("a", 120), Ok(()));
        assert_eq!(limiter.check("a", 130), Ok(()));
        assert_eq!(limiter.check("a", 135), Err(45));
        assert_eq!(limiter.check("b", 135), Ok(()), "per credential");
        assert_eq!(limiter.check("a", 180), Ok(()), "a new minute");
    }
}
