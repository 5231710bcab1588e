//! The soft limit on open files raised to the hard one at start-up. Every connection is a file
//! descriptor, and many systems start processes at 1,024 while allowing far more: at the soft limit
//! accepting fails (`EMFILE`) and every client waits, however few of the open connections are busy.

/// Raises the soft open-file limit to the hard one (or to 2²⁰ when the hard one is unlimited),
/// saying so in the log; only logs when it cannot.
#[cfg(unix)]
pub fn raise_open_files_limit() {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};

    let limit = getrlimit(Resource::Nofile);
    let Some(soft) = limit.current else { return };
    let target = limit.maximum.unwrap_or(1 << 20);
    if target <= soft {
        tracing::info!(limit = soft, "open-file limit");
        return;
    }
    match setrlimit(Resource::Nofile, Rlimit { current: Some(target), maximum: limit.maximum }) {
        Ok(()) => tracing::info!("open-file limit raised from {soft} to {target}"),
        Err(e) => tracing::warn!(limit = soft, error = %e, "cannot raise the open-file limit"),
    }
}

/// Elsewhere the limit is left as it is.
#[cfg(not(unix))]
pub fn raise_open_files_limit() {}
