//! A private PostgreSQL cluster under `target/`: `initdb` and `postgres` from Debian's package on a
//! free loopback port, its socket in its own folder, never the system service. PostgreSQL refuses
//! to run as root, so as root every PostgreSQL program runs as the `postgres` user (`runuser`), on a
//! folder that user may write.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::cmd::output;

/// The role the clusters are created with (trust authentication, loopback only).
pub const USER: &str = "c360";

/// A running cluster; stopped (and removed, if temporary) when dropped.
pub struct Cluster {
    dir: PathBuf,
    port: u16,
    child: Child,
    temporary: bool,
}

/// How a cluster is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Created empty, removed when stopped (tests).
    Temporary,
    /// Created once, its data kept between runs (the cluster, the benchmark).
    Persistent,
}

impl Cluster {
    /// Starts a cluster in `dir` (created with `initdb` when it has none) with extra `settings`
    /// (`name=value`) and waits until it accepts connections.
    pub fn start(dir: &Path, keep: Keep, settings: &[&str]) -> Result<Self, String> {
        // PostgreSQL runs in its data folder: every path it is given must be absolute.
        let dir = &std::path::absolute(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let bin = bin_dir()?;
        stop_stale(dir);
        if keep == Keep::Temporary {
            let _ = std::fs::remove_dir_all(dir);
        }
        let data = dir.join("data");
        if !data.join("PG_VERSION").exists() {
            let _ = std::fs::remove_dir_all(&data);
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            open_to_postgres(dir)?;
            eprintln!("\n==> initdb {}", data.display());
            let out = as_postgres(&bin.join("initdb"))
                .args(["-D", &data.display().to_string(), "-U", USER, "--auth=trust", "-E", "UTF8"])
                .args(["--locale=C", "--no-sync", "--no-instructions"])
                .output()
                .map_err(|e| format!("cannot run initdb: {e}"))?;
            if !out.status.success() {
                return Err(format!("initdb failed: {}", String::from_utf8_lossy(&out.stderr)));
            }
        }
        let port = free_port()?;
        let log = std::fs::File::create(dir.join("postgres.log")).map_err(|e| format!("postgres.log: {e}"))?;
        let child = as_postgres(&bin.join("postgres"))
            .args(["-D", &data.display().to_string(), "-p", &port.to_string(), "-k", &dir.display().to_string()])
            // Loopback only; a throwaway cluster needs no durability (crash = start again).
            .args(["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"])
            .args(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"])
            .args(settings.iter().flat_map(|s| ["-c", s]))
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot start postgres: {e}"))?;
        let mut cluster = Self { dir: dir.to_path_buf(), port, child, temporary: keep == Keep::Temporary };
        cluster.wait_ready(&bin)?;
        eprintln!("postgres: {} (data in {})", cluster.url("postgres"), data.display());
        Ok(cluster)
    }

    /// The URL of database `db` on this cluster.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://{USER}@127.0.0.1:{}/{db}", self.port)
    }

    /// Creates database `db` unless it exists.
    pub fn create_database(&self, db: &str) -> Result<(), String> {
        let exists = self.psql("postgres", &format!("SELECT 1 FROM pg_database WHERE datname = '{db}'"))?;
        if exists.is_empty() {
            self.psql("postgres", &format!("CREATE DATABASE {db}"))?;
        }
        Ok(())
    }

    /// Runs `psql -c sql` against database `db`.
    pub fn psql(&self, db: &str, sql: &str) -> Result<String, String> {
        let psql = bin_dir()?.join("psql");
        let out = Command::new(psql)
            .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", &self.url(db), "-c", sql])
            .output()
            .map_err(|e| format!("cannot run psql: {e}"))?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
        } else {
            Err(format!("psql -c {sql:?}: {}", String::from_utf8_lossy(&out.stderr).trim()))
        }
    }

    fn wait_ready(&mut self, bin: &Path) -> Result<(), String> {
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                let log = std::fs::read_to_string(self.dir.join("postgres.log")).unwrap_or_default();
                return Err(format!("postgres exited at start-up ({status}):\n{log}"));
            }
            let ready = Command::new(bin.join("pg_isready"))
                .args(["-q", "-h", "127.0.0.1", "-p", &self.port.to_string()])
                .status()
                .is_ok_and(|s| s.success());
            if ready {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err("postgres did not accept connections within 60 s".into())
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        // SIGINT: PostgreSQL's fast shutdown (ends sessions, checkpoints, exits).
        if let Some(pid) = postmaster_pid(&self.dir) {
            let _ = Command::new("kill").args(["-INT", &pid.to_string()]).status();
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline && matches!(self.child.try_wait(), Ok(None)) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        if self.temporary {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The folder of PostgreSQL's programs: the newest `/usr/lib/postgresql/<version>/bin`.
pub fn bin_dir() -> Result<PathBuf, String> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|_| "PostgreSQL is not installed (cargo xtask setup installs it)".to_owned())?
        .filter_map(|e| {
            let e = e.ok()?;
            let version = e.file_name().to_str()?.parse().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, bin)| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).ok_or_else(|| "no PostgreSQL initdb under /usr/lib/postgresql".into())
}

fn running_as_root() -> bool {
    output("id", &["-u"]).as_deref() == Some("0")
}

/// A command running `program` as the `postgres` user when we are root, as ourselves otherwise.
fn as_postgres(program: &Path) -> Command {
    if running_as_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

/// As root, lets the `postgres` user create its data folder and socket in `dir` — and reach it:
/// a folder above it that others may not pass through (a clone in a `mktemp -d` folder, 0700)
/// gets search permission for others (`o+x`: pass through, not list), nothing more.
fn open_to_postgres(dir: &Path) -> Result<(), String> {
    if running_as_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).map_err(|e| e.to_string())?;
        for above in dir.ancestors().skip(1) {
            let mode = std::fs::metadata(above).map_err(|e| format!("{}: {e}", above.display()))?.permissions().mode();
            if mode & 0o001 == 0 {
                std::fs::set_permissions(above, std::fs::Permissions::from_mode(mode | 0o001))
                    .map_err(|e| format!("{}: {e}", above.display()))?;
            }
        }
    }
    Ok(())
}

fn postmaster_pid(dir: &Path) -> Option<u32> {
    std::fs::read_to_string(dir.join("data/postmaster.pid")).ok()?.lines().next()?.trim().parse().ok()
}

/// Stops a cluster an interrupted run left running in `dir`, if any.
fn stop_stale(dir: &Path) {
    let Some(pid) = postmaster_pid(dir) else { return };
    let cmdline = std::fs::read_to_string(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    if !cmdline.contains("postgres") {
        return;
    }
    eprintln!("stopping the postgres (pid {pid}) an earlier run left in {}", dir.display());
    let _ = Command::new("kill").args(["-INT", &pid.to_string()]).status();
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline && Path::new(&format!("/proc/{pid}")).exists() {
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A loopback port nothing listens on now.
pub fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}
