//! Installs what the build and the tests need, idempotently: each step checks first and skips in
//! well under a second when the right version is already there.

use std::path::Path;

use crate::cmd::{self, exec, output, root, target_dir};

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
        schemathesis()?;
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

/// Exact versions of schemathesis and everything it pulls in (`pip freeze` of a working
/// environment), so a run tests with what was tested here.
const SCHEMATHESIS_REQUIREMENTS: &str = include_str!("../fuzz/requirements.txt");

/// Where schemathesis lives: a virtual environment under the target directory.
pub fn schemathesis_venv() -> std::path::PathBuf {
    target_dir().join("schemathesis-venv")
}

/// schemathesis (PyPI) in its own virtual environment, at the versions of
/// xtask/fuzz/requirements.txt. The environment keeps a copy of the requirements it was made
/// from: when that matches, nothing runs.
pub fn schemathesis() -> Result<(), String> {
    let venv = schemathesis_venv();
    let stamp = venv.join("c360-requirements.txt");
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == SCHEMATHESIS_REQUIREMENTS)
        && venv.join("bin/schemathesis").exists()
    {
        return Ok(());
    }
    let python = python_for_schemathesis()?;
    let _ = std::fs::remove_dir_all(&venv);
    let venv_text = venv.display().to_string();
    exec(&python, &["-m", "venv", &venv_text])?;
    let requirements = venv.join("requirements.txt");
    std::fs::write(&requirements, SCHEMATHESIS_REQUIREMENTS).map_err(|e| format!("{}: {e}", requirements.display()))?;
    let pip = venv.join("bin/pip").display().to_string();
    let requirements_text = requirements.display().to_string();
    exec(&pip, &["install", "--quiet", "--disable-pip-version-check", "--no-deps", "-r", &requirements_text])?;
    std::fs::write(&stamp, SCHEMATHESIS_REQUIREMENTS).map_err(|e| format!("{}: {e}", stamp.display()))
}

/// A Python for schemathesis: `python3` if it is 3.11.8 or newer, else a python3.12 or newer on
/// PATH or among pyenv's versions. CPython 3.11.0–3.11.7 raise a spurious `SystemError: AST
/// constructor recursion depth mismatch` (CPython issue 106905, fixed in 3.11.8 and 3.12.1) from
/// `ast.parse`, which Hypothesis calls to describe its strategies: schemathesis then reports
/// runtime errors at random (seen here with 3.11.7, the machine's `python3`).
fn python_for_schemathesis() -> Result<String, String> {
    let fixed = |python: &str| {
        let version = output(python, &["-c", "import sys; print(*sys.version_info[:3])"]).unwrap_or_default();
        let v: Vec<u32> = version.split_whitespace().filter_map(|n| n.parse().ok()).collect();
        matches!(v[..], [3, 11, patch] if patch >= 8) || matches!(v[..], [3, minor, _] if minor >= 12)
    };
    let pyenv_root = std::env::var("PYENV_ROOT")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::path::PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".pyenv"));
    let mut pyenv: Vec<String> = std::fs::read_dir(pyenv_root.join("versions"))
        .map(|dir| dir.filter_map(|e| Some(e.ok()?.path().join("bin/python3").display().to_string())).collect())
        .unwrap_or_default();
    pyenv.sort();
    let candidates = ["python3", "python3.13", "python3.12"].into_iter().map(str::to_owned).chain(pyenv);
    candidates.into_iter().find(|p| fixed(p)).ok_or_else(|| {
        "schemathesis needs CPython 3.11.8 or newer (3.11.0–3.11.7 fail at random in ast.parse, CPython issue \
         106905); none found as python3, python3.12, python3.13 or under pyenv"
            .to_owned()
    })
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
