//! Running commands: echo them, fail loudly, and (for test runners) count results as they stream.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The temporary directory every command of this run is given (`TMPDIR`), when one is set.
static TEMP_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Gives every later command `dir` as its `TMPDIR`, emptied first. Browsers, chromedriver and the
/// test servers leave profiles and databases behind when they are killed; in one directory under
/// target/ they are removed by [`remove_temp_dir`] instead of filling the machine's /tmp.
pub fn use_temp_dir(dir: PathBuf) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    TEMP_DIR.set(dir).map_err(|_| "the temporary directory is already set".to_owned())
}

/// Removes the directory given by [`use_temp_dir`], with whatever the commands left in it.
pub fn remove_temp_dir() {
    if let Some(dir) = TEMP_DIR.get() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// The repository root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask is inside the repository").to_path_buf()
}

/// Cargo's target directory: `CARGO_TARGET_DIR` when set (relative to the repository root, as
/// cargo reads it), else target/ in the repository.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// A command started from the repository root with the project's tool environment.
pub fn command(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root());
    c.env("PATH", tool_path());
    c.env("TRUNK_SKIP_VERSION_CHECK", "true");
    c.env("CHROMEDRIVER", "/usr/bin/chromedriver");
    if let Some(dir) = TEMP_DIR.get() {
        c.env("TMPDIR", dir);
    }
    c
}

/// PATH with the project's npm tools (wasm-opt 132) and cargo's bin directory first.
pub fn tool_path() -> String {
    let npm_bin = root().join("tests/e2e/node_modules/.bin");
    let cargo_bin = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"))
        .join("bin");
    let rest = std::env::var("PATH").unwrap_or_default();
    format!("{}:{}:{rest}", npm_bin.display(), cargo_bin.display())
}

/// Runs a command, echoing it; an unsuccessful exit is an error naming it.
pub fn exec(program: &str, args: &[&str]) -> Result<(), String> {
    announce(program, args);
    let status = command(program, args).status().map_err(|e| format!("cannot run {program}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{program} {}` failed ({status})", args.join(" "))) }
}

/// Runs a command and returns its trimmed stdout, or `None` if it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = command(program, args).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn announce(program: &str, args: &[&str]) {
    eprintln!("\n==> {program} {}", args.join(" "));
}

/// Passed and failed tests, summed over every runner.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
}

impl Tally {
    /// Reads a runner's summary line: cargo's `test result: ok. N passed; M failed` and node's
    /// TAP `# pass N` / `# fail N`.
    pub fn read_line(&mut self, line: &str) {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("test result: ") {
            for part in rest.split(';') {
                let mut words = part.split_whitespace().rev();
                let (Some(label), Some(n)) = (words.next(), words.next()) else { continue };
                let n: u64 = n.parse().unwrap_or(0);
                match label {
                    "passed" => self.passed += n,
                    "failed" => self.failed += n,
                    _ => {}
                }
            }
        } else if let Some(n) = line.strip_prefix("# pass ") {
            self.passed += n.trim().parse::<u64>().unwrap_or(0);
        } else if let Some(n) = line.strip_prefix("# fail ") {
            self.failed += n.trim().parse::<u64>().unwrap_or(0);
        }
    }
}

/// Runs a test runner, streaming its stdout while counting results into `tally`.
pub fn run_counted(program: &str, args: &[&str], envs: &[(&str, String)], tally: &mut Tally) -> Result<(), String> {
    run_counted_in(&root(), program, args, envs, tally)
}

/// [`run_counted`] in the folder `dir` (a test binary runs where cargo would run it: its package).
pub fn run_counted_in(
    dir: &Path,
    program: &str,
    args: &[&str],
    envs: &[(&str, String)],
    tally: &mut Tally,
) -> Result<(), String> {
    announce(program, args);
    let mut c = command(program, args);
    c.current_dir(dir).stdout(Stdio::piped());
    for (k, v) in envs {
        c.env(k, v);
    }
    let mut child = c.spawn().map_err(|e| format!("cannot run {program}: {e}"))?;
    let stdout = child.stdout.take().expect("piped");
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        println!("{line}");
        tally.read_line(&line);
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() { Ok(()) } else { Err(format!("`{program} {}` failed ({status})", args.join(" "))) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_and_node_summaries() {
        let mut t = Tally::default();
        t.read_line("test result: ok. 9 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s");
        t.read_line("test result: FAILED. 5 passed; 1 failed; 0 ignored; 0 filtered out; finished in 0.07s");
        t.read_line("# pass 4");
        t.read_line("# fail 0");
        t.read_line("unrelated output 3 passed");
        assert_eq!((t.passed, t.failed), (18, 1));
    }
}
