//! Installs what the build and the tests need, idempotently: each step checks first and skips in
//! well under a second when the right version is already there.

use std::path::Path;

use crate::cmd::{self, exec, output, root};

/// Trunk's version: 0.22 needs a newer rustc than these machines have.
const TRUNK_VERSION: &str = "0.21.14";

/// What a command needs installed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// Building the panel and the server (the demo).
    Build,
    /// Building, and running the servers on PostgreSQL behind nginx (the cluster).
    Cluster,
    /// Building and testing: PostgreSQL (the server tests' second pass), nginx (the load-balanced
    /// end-to-end test) and the browser.
    Everything,
}

/// Installs what `need` requires.
pub fn run_setup(need: Need) -> Result<(), String> {
    wasm_target()?;
    npm_tools()?;
    trunk()?;
    wasm_bindgen()?;
    if need >= Need::Cluster {
        postgres()?;
        nginx()?;
    }
    if need == Need::Everything {
        browser()?;
    }
    Ok(())
}

/// Entry point of `cargo xtask setup`.
pub fn run(need: Need) -> Result<(), String> {
    let started = std::time::Instant::now();
    run_setup(need)?;
    eprintln!("setup: everything present ({:.1}s)", started.elapsed().as_secs_f32());
    Ok(())
}

fn wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    exec("rustup", &["target", "add", "wasm32-unknown-unknown"])
}

/// The wasm-bindgen version Cargo.lock resolved: the CLI must match it exactly.
pub fn locked_wasm_bindgen() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            let version = lines.next().and_then(|v| v.trim().strip_prefix("version = \"")?.strip_suffix('"'));
            return version.map(str::to_owned).ok_or_else(|| "Cargo.lock: wasm-bindgen has no version".into());
        }
    }
    Err("Cargo.lock has no wasm-bindgen".into())
}

fn trunk() -> Result<(), String> {
    if output("trunk", &["--version"]).is_some_and(|v| v.ends_with(TRUNK_VERSION)) {
        return Ok(());
    }
    exec("cargo", &["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
}

fn wasm_bindgen() -> Result<(), String> {
    let version = locked_wasm_bindgen()?;
    let have = |bin: &str| output(bin, &["--version"]).is_some_and(|v| v.ends_with(&version));
    if have("wasm-bindgen") && have("wasm-bindgen-test-runner") {
        return Ok(());
    }
    // Not --locked: the CLI's own lockfile wants a crate version this registry does not serve.
    exec("cargo", &["install", "wasm-bindgen-cli", "--version", &version, "--force"])
}

/// wasm-opt 132 (npm `binaryen`; Debian's 108 breaks the page) and the end-to-end test packages,
/// each pinned exactly in tests/e2e/package.json.
fn npm_tools() -> Result<(), String> {
    let dir = root().join("tests/e2e");
    let read = |p: &Path| -> Option<serde_json::Value> { serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok() };
    let manifest = read(&dir.join("package.json")).ok_or("tests/e2e/package.json is unreadable")?;
    let pinned = manifest["devDependencies"].as_object().cloned().unwrap_or_default();
    let current = pinned.iter().all(|(name, version)| {
        read(&dir.join("node_modules").join(name).join("package.json"))
            .is_some_and(|installed| installed["version"] == *version)
    });
    if current && dir.join("node_modules/.bin/wasm-opt").exists() {
        return Ok(());
    }
    eprintln!("\n==> npm ci (tests/e2e)");
    let status = cmd::command("npm", &["ci", "--no-audit", "--no-fund"])
        .current_dir(&dir)
        .status()
        .map_err(|e| format!("cannot run npm: {e}"))?;
    if status.success() { Ok(()) } else { Err("npm ci failed in tests/e2e".into()) }
}

/// Debian's Chromium and its matching chromedriver.
fn browser() -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// Debian's PostgreSQL (`initdb`, `postgres`, `psql` under /usr/lib/postgresql/<version>/bin): the
/// server tests' second engine, the cluster's database. Its own service is never used.
pub fn postgres() -> Result<(), String> {
    if crate::postgres::bin_dir().is_ok() {
        return Ok(());
    }
    apt_install(&["postgresql"])
}

/// Debian's nginx: the cluster's load balancer, run on a generated configuration, never as the
/// system service.
pub fn nginx() -> Result<(), String> {
    if Path::new("/usr/sbin/nginx").exists() {
        return Ok(());
    }
    apt_install(&["nginx"])
}

/// `apt-get install` (through sudo unless root), after one `apt-get update` per run.
fn apt_install(packages: &[&str]) -> Result<(), String> {
    static UPDATED: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    let as_root = output("id", &["-u"]).as_deref() == Some("0");
    let apt = |args: &[&str]| -> Result<(), String> {
        let mut c =
            if as_root { cmd::command("apt-get", args) } else { cmd::command("sudo", &[&["apt-get"], args].concat()) };
        eprintln!("\n==> apt-get {}", args.join(" "));
        let status =
            c.env("DEBIAN_FRONTEND", "noninteractive").status().map_err(|e| format!("cannot run apt-get: {e}"))?;
        if status.success() { Ok(()) } else { Err(format!("apt-get {} failed", args.join(" "))) }
    };
    if UPDATED.get().is_none() {
        apt(&["update", "-qq"])?;
        let _ = UPDATED.set(());
    }
    apt(&[&["install", "-y", "-qq"], packages].concat())
}
