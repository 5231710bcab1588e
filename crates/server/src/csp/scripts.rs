//! The hashes of the served `index.html`'s inline scripts. They are computed when the router is
//! built and again only when the file changes (a rebuild of the panel while the server runs), so the
//! policy never names a script the served document no longer has.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use super::policy::inline_script_hashes;

/// The document's inline-script hashes, refreshed when the file's modification time or size changes.
#[derive(Clone, Default)]
pub struct ScriptHashes {
    index: Option<PathBuf>,
    cached: Arc<Mutex<Cached>>,
}

#[derive(Default)]
struct Cached {
    /// Modification time and size of the file the hashes are of.
    stamp: Option<(SystemTime, u64)>,
    hashes: Arc<[String]>,
}

impl ScriptHashes {
    /// Hashes `index` now, if there is one.
    pub fn new(index: Option<PathBuf>) -> Self {
        let this = Self { index, cached: Arc::default() };
        if let Some(index) = &this.index {
            let stamp = std::fs::metadata(index).ok().and_then(|m| Some((m.modified().ok()?, m.len())));
            match std::fs::read_to_string(index) {
                Ok(html) => this.store(stamp, inline_script_hashes(&html)),
                Err(e) => tracing::warn!(error = %e, "cannot read index.html: its inline scripts will not run"),
            }
        }
        this
    }

    /// The hashes as last computed.
    pub fn cached(&self) -> Arc<[String]> {
        self.cached.lock().unwrap_or_else(|e| e.into_inner()).hashes.clone()
    }

    /// The hashes of the file as it is now, recomputed if it changed since last time.
    pub async fn current(&self) -> Arc<[String]> {
        let Some(index) = &self.index else { return self.cached() };
        let Ok(meta) = tokio::fs::metadata(index).await else { return self.cached() };
        let stamp = meta.modified().ok().map(|t| (t, meta.len()));
        if stamp.is_some() && self.cached.lock().unwrap_or_else(|e| e.into_inner()).stamp == stamp {
            return self.cached();
        }
        match tokio::fs::read_to_string(index).await {
            Ok(html) => {
                tracing::info!("index.html changed: hashing its inline scripts again");
                self.store(stamp, inline_script_hashes(&html));
            }
            Err(e) => tracing::warn!(error = %e, "cannot read index.html"),
        }
        self.cached()
    }

    fn store(&self, stamp: Option<(SystemTime, u64)>, hashes: Vec<String>) {
        *self.cached.lock().unwrap_or_else(|e| e.into_inner()) = Cached { stamp, hashes: hashes.into() };
    }
}
