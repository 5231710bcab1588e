//! `serve`'s timeouts for slow or idle clients, each a whole number or fraction of seconds: how
//! long a connection may take to send a request's head, to wait with no request, and how long a
//! request may take from its head to its answer.

use std::time::Duration;

/// The timeouts of `serve`.
#[derive(Debug, clap::Args)]
pub struct TimeoutArgs {
    /// Seconds a connection gets to send a request's head (request line and headers), counted from
    /// when it opened or its previous answer was sent; then it is closed.
    #[arg(long, env = "C360_HEADER_READ_TIMEOUT", default_value_t = 10.0, value_name = "SECS")]
    pub header_read_timeout: f64,
    /// Seconds a connection stays open with no request in progress (keep-alive); at most
    /// --header-read-timeout, as waiting for a request is waiting for its head.
    #[arg(long, env = "C360_IDLE_TIMEOUT", default_value_t = 5.0, value_name = "SECS")]
    pub idle_timeout: f64,
    /// Seconds a request gets from its head to its answer, reading its body included; then it is
    /// answered 408 and its connection closed.
    #[arg(long, env = "C360_REQUEST_TIMEOUT", default_value_t = 30.0, value_name = "SECS")]
    pub request_timeout: f64,
}

/// What the listener enforces on each connection (the request timeout is the router's).
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    /// To deliver a request's head, from when the connection opened or its previous answer went out.
    pub header_read: Duration,
    /// With no request in progress.
    pub idle: Duration,
}

impl TimeoutArgs {
    /// The listener's timeouts and the request timeout, or which option is out of range.
    pub fn parse(&self) -> Result<(Timeouts, Duration), String> {
        let header_read = seconds("--header-read-timeout", self.header_read_timeout)?;
        let idle = seconds("--idle-timeout", self.idle_timeout)?;
        let request = seconds("--request-timeout", self.request_timeout)?;
        if idle > header_read {
            return Err("--idle-timeout must not exceed --header-read-timeout: waiting for a request is \
                        waiting for its head"
                .into());
        }
        Ok((Timeouts { header_read, idle }, request))
    }
}

fn seconds(option: &str, value: f64) -> Result<Duration, String> {
    if value > 0.0 && value <= 3600.0 {
        Ok(Duration::from_secs_f64(value))
    } else {
        Err(format!("{option} must be more than 0 and at most 3600 seconds"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(header_read_timeout: f64, idle_timeout: f64, request_timeout: f64) -> TimeoutArgs {
        TimeoutArgs { header_read_timeout, idle_timeout, request_timeout }
    }

    #[test]
    fn defaults_and_fractions_are_taken() {
        let (timeouts, request) = args(10.0, 5.0, 30.0).parse().unwrap();
        assert_eq!(
            (timeouts.header_read, timeouts.idle, request.as_secs()),
            (Duration::from_secs(10), Duration::from_secs(5), 30)
        );
        assert_eq!(args(0.5, 0.25, 1.5).parse().unwrap().1, Duration::from_millis(1500));
    }

    #[test]
    fn out_of_range_and_an_idle_longer_than_the_header_read_are_refused() {
        for (bad, option) in [
            (args(0.0, 0.0, 30.0), "--header-read-timeout"),
            (args(10.0, -1.0, 30.0), "--idle-timeout"),
            (args(10.0, 5.0, 3601.0), "--request-timeout"),
            (args(10.0, 5.0, f64::NAN), "--request-timeout"),
            (args(5.0, 10.0, 30.0), "--idle-timeout"),
        ] {
            assert!(bad.parse().unwrap_err().starts_with(option), "{bad:?}");
        }
    }
}
