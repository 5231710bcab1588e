//! `cargo xtask test`: every check and test, in the order that fails fastest, then one line that
//! counts them all.

use crate::cmd::{
    Tally, command, exec, output, remove_temp_dir, root, run_counted, run_counted_in, target_dir, use_temp_dir,
};
use crate::fuzz;
use crate::postgres::{Cluster, Keep};
use crate::setup::{self, Need};

const WASM: &str = "wasm32-unknown-unknown";

/// Runs formatting, lints, native tests (property tests included), the server tests on PostgreSQL,
/// schema-driven fuzzing, browser component tests and the end-to-end tests.
pub fn run() -> Result<(), String> {
    let started = std::time::Instant::now();
    setup::run_setup(Need::Everything)?;
    report_free_disk();
    use_temp_dir(root().join("target/test-tmp"))?;
    let mut tally = Tally::default();

    let result = (|| {
        exec("cargo", &["fmt", "--all", "--", "--check"])?;
        exec("cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
        exec(
            "cargo",
            &[
                "clippy",
                "-p",
                "c360-panel",
                "-p",
                "c360-wire",
                "--target",
                WASM,
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        )?;
        run_counted("cargo", &["test", "--workspace"], &[], &mut tally)?;
        server_tests_on_postgres(&mut tally)?;
        fuzz::run_passes(fuzz::EXAMPLES, fuzz::SEED, &mut tally)?;
        run_counted("cargo", &["test", "-p", "c360-panel", "--target", WASM, "--test", "web"], &[], &mut tally)?;
        exec("trunk", &["build", "--release"])?;
        let root = root();
        let envs = [
            ("C360_SERVER_BIN", target_dir().join("debug/c360-server").display().to_string()),
            ("C360_DIST", root.join("dist").display().to_string()),
            // The cluster's end-to-end test runs `cargo xtask cluster` with this very binary.
            ("C360_XTASK_BIN", std::env::current_exe().map_err(|e| e.to_string())?.display().to_string()),
        ];
        let mut args = vec!["--test".to_owned(), "--test-concurrency=1".to_owned()];
        args.extend(e2e_files()?);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_counted("node", &args, &envs, &mut tally)
    })();

    remove_temp_dir();
    let minutes = started.elapsed().as_secs_f32() / 60.0;
    println!("\ntests: {} passed, {} failed", tally.passed, tally.failed);
    eprintln!("xtask test: {} in {minutes:.1} min", if result.is_ok() { "all green" } else { "FAILED" });
    result
}

/// Runs the server's test binaries again (built once, by the pass before) on a private PostgreSQL
/// cluster: each test creates its own database there (`C360_TEST_DATABASE_URL`), so they stay
/// parallel. The cluster lives under target/ and is removed afterwards, whatever the outcome.
fn server_tests_on_postgres(tally: &mut Tally) -> Result<(), String> {
    let binaries = server_test_binaries()?;
    let cluster = Cluster::start(&root().join("target/test-postgres"), Keep::Temporary, &[])?;
    let envs = [("C360_TEST_DATABASE_URL", cluster.url("postgres"))];
    let server_dir = root().join("crates/server");
    for binary in &binaries {
        run_counted_in(&server_dir, binary, &[], &envs, tally).map_err(|e| format!("on PostgreSQL: {e}"))?;
    }
    Ok(())
}

/// The executables `cargo test` built for the c360-server package (its unit and integration
/// tests), as cargo reports them; listing them rebuilds nothing.
fn server_test_binaries() -> Result<Vec<String>, String> {
    let out = command("cargo", &["test", "--workspace", "--no-run", "--message-format=json"])
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !out.status.success() {
        return Err("`cargo test --no-run` failed".into());
    }
    let binaries: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["profile"]["test"] == true)
        .filter(|m| m["package_id"].as_str().is_some_and(|id| id.contains("c360-server")))
        .filter_map(|m| m["executable"].as_str().map(str::to_owned))
        .collect();
    if binaries.is_empty() { Err("cargo built no c360-server test binaries".into()) } else { Ok(binaries) }
}

/// A clean build and test run writes about 2.2 GB under target/ (measured; `GB_NEEDED` leaves
/// room). Says so up front when the disk has less free, so a run that dies of "No space left on
/// device" is explained at the top.
fn report_free_disk() {
    const GB_NEEDED: u64 = 4;
    let target = root().join("target");
    let _ = std::fs::create_dir_all(&target);
    let Some(df) = output("df", &["-Pk", &target.display().to_string()]) else { return };
    let Some(free_kb) = df.lines().nth(1).and_then(|l| l.split_whitespace().nth(3)?.parse::<u64>().ok()) else {
        return;
    };
    let free_gb = free_kb / (1024 * 1024);
    eprintln!("disk: {free_gb} GB free for target/");
    if free_gb < GB_NEEDED {
        eprintln!("warning: a clean build and test run needs about {GB_NEEDED} GB under target/");
    }
}

/// The end-to-end test files (`tests/e2e/*.test.mjs`), sorted.
fn e2e_files() -> Result<Vec<String>, String> {
    let dir = root().join("tests/e2e");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".test.mjs"))
        .map(|name| format!("tests/e2e/{name}"))
        .collect();
    files.sort();
    if files.is_empty() { Err("no end-to-end tests found in tests/e2e".into()) } else { Ok(files) }
}
