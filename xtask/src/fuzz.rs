//! `cargo xtask fuzz`: schema-driven fuzzing. schemathesis reads the document the server serves
//! (`/openapi.json`) and sends what it generates from it — valid and invalid parameters and bodies,
//! sequences that follow the links between operations — to a server on a fresh demo database,
//! once per way of calling it: with an API key, with a panel token, with an API key on the tenant
//! whose native CRM is off, and with no credential at all. Every answer must be no server error
//! (5xx), a status the document declares for the operation, a content type it declares and a body
//! its schema admits. `cargo xtask test` runs this too.

use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::process::{Child, Stdio};

use crate::cmd::{Tally, command, exec, output, target_dir};
use crate::demo::wait_until_listening;
use crate::setup;

/// Generated cases per operation and phase: about 40 s a pass on two cores, four passes.
pub const EXAMPLES: u32 = 40;
/// A fixed seed, so a run tests what the previous one did and a failure reproduces;
/// `--seed` explores others.
pub const SEED: u64 = 15;

/// What each answer is checked for (the document's promises; schemathesis' stricter checks —
/// whether the server refuses everything the schema does — are not ours, see docs/security.md).
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance";

/// One way of calling the API: a tenant and the credential sent (none: the document's security
/// schemes get no value, so every request goes without).
struct Pass {
    name: &'static str,
    tenant: Option<&'static str>,
    auth: Option<&'static str>,
}

const PASSES: &[Pass] = &[
    Pass {
        name: "API key, tenant demo",
        tenant: Some("demo"),
        auth: Some(r#"ApiKeyAuth = { api_key = "${C360_FUZZ_API_KEY}" }"#),
    },
    Pass {
        name: "panel token, tenant demo",
        tenant: Some("demo"),
        auth: Some(r#"PanelToken = { bearer = "${C360_FUZZ_PANEL_TOKEN}" }"#),
    },
    Pass {
        name: "API key, tenant demo-identity (native CRM off)",
        tenant: Some("demo-identity"),
        auth: Some(r#"ApiKeyAuth = { api_key = "${C360_FUZZ_API_KEY}" }"#),
    },
    Pass { name: "no credential, any tenant", tenant: None, auth: None },
];

/// Parses `[--examples N] [--seed N]` and runs every pass, counting each as one test.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut examples = EXAMPLES;
    let mut seed = SEED;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let value = it.next().ok_or_else(|| format!("{arg} needs a number"))?;
        let number = || value.parse::<u64>().map_err(|_| format!("{arg} {value}: not a number"));
        match arg.as_str() {
            "--examples" => examples = u32::try_from(number()?).map_err(|e| e.to_string())?.max(1),
            "--seed" => seed = number()?,
            other => {
                return Err(format!("unknown argument {other}; usage: cargo xtask fuzz [--examples N] [--seed N]"));
            }
        }
    }
    // The server binary exactly as `cargo xtask test` has it: `cargo build -p c360-server` would
    // unify the dependencies' features differently and rebuild them all.
    exec("cargo", &["test", "--workspace", "--no-run"])?;
    let mut tally = Tally::default();
    let result = run_passes(examples, seed, &mut tally);
    println!("\nfuzz: {} passed, {} failed", tally.passed, tally.failed);
    result
}

/// Starts the server (target/debug/c360-server, as `cargo test --workspace` builds it) on a
/// fresh demo database and runs schemathesis once per pass.
pub fn run_passes(examples: u32, seed: u64, tally: &mut Tally) -> Result<(), String> {
    setup::schemathesis()?;
    let dir = target_dir().join("fuzz");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;

    let server = Server::start(&dir)?;
    let db = server.db.as_str();
    let api_key = credential(&["key", "create", "--db", db, "--tenant", "demo"])?;
    let panel_token = credential(&["token", "--db", db, "--tenant", "demo", "--agent", "Fuzz Agent", "--ttl", "8h"])?;
    let schema = format!("http://{}/openapi.json", server.addr);
    let mut failures = Vec::new();
    for (i, pass) in PASSES.iter().enumerate() {
        let config = dir.join(format!("pass-{i}.toml"));
        std::fs::write(&config, pass.config()).map_err(|e| format!("{}: {e}", config.display()))?;
        let started = std::time::Instant::now();
        let ok = schemathesis(
            &dir,
            &config,
            &schema,
            examples,
            seed,
            &[("C360_FUZZ_API_KEY", &api_key), ("C360_FUZZ_PANEL_TOKEN", &panel_token)],
        )?;
        eprintln!(
            "fuzz: {} — {} in {:.0} s",
            pass.name,
            if ok { "ok" } else { "FAILED" },
            started.elapsed().as_secs_f32()
        );
        if ok {
            tally.passed += 1;
        } else {
            tally.failed += 1;
            failures.push(pass.name);
        }
    }
    drop(server);
    if failures.is_empty() {
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    } else {
        Err(format!(
            "schemathesis found failures ({}); each is printed above with a curl line, the server's log is {}",
            failures.join("; "),
            dir.join("server.log").display()
        ))
    }
}

impl Pass {
    /// The pass's schemathesis.toml: the tenant every `{tenantId}` gets, and the credential.
    fn config(&self) -> String {
        let mut toml = String::new();
        if let Some(tenant) = self.tenant {
            toml.push_str(&format!("[parameters]\n\"path.tenantId\" = \"{tenant}\"\n\n"));
        }
        if let Some(auth) = self.auth {
            toml.push_str(&format!("[auth.openapi]\n{auth}\n"));
        }
        toml
    }
}

/// Runs one schemathesis pass in `dir` (where it keeps its cache); whether it found nothing.
fn schemathesis(
    dir: &Path,
    config: &Path,
    schema: &str,
    examples: u32,
    seed: u64,
    envs: &[(&str, &str)],
) -> Result<bool, String> {
    let bin = setup::schemathesis_venv().join("bin/schemathesis").display().to_string();
    let config = config.display().to_string();
    let examples = examples.to_string();
    let seed = seed.to_string();
    let args = [
        "--config-file",
        &config,
        "run",
        schema,
        "--checks",
        CHECKS,
        "--max-examples",
        &examples,
        "--seed",
        &seed,
        "--workers",
        "2",
        "--request-timeout",
        "10",
        "--no-color",
    ];
    eprintln!("\n==> schemathesis {}", args.join(" "));
    let mut c = command(&bin, &args);
    c.current_dir(dir);
    for (k, v) in envs {
        c.env(k, v);
    }
    let status = c.status().map_err(|e| format!("cannot run schemathesis: {e}"))?;
    Ok(status.success())
}

/// Prints a credential the server's CLI issues on the fuzz database.
fn credential(args: &[&str]) -> Result<String, String> {
    let bin = server_bin();
    output(&bin, args).filter(|s| !s.is_empty()).ok_or_else(|| format!("`c360-server {}` failed", args.join(" ")))
}

fn server_bin() -> String {
    target_dir().join("debug/c360-server").display().to_string()
}

/// The server under test, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    db: String,
}

impl Server {
    /// `c360-server serve --demo` on a new SQLite file in `dir`, on a free loopback port. Failed
    /// authentication is not limited (`--auth-failure-limit 0`): the pass without a credential
    /// sends thousands of requests from one address, and would otherwise test the 429 alone.
    fn start(dir: &Path) -> Result<Self, String> {
        let addr =
            TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| format!("no free port: {e}"))?;
        let db = dir.join("fuzz.sqlite").display().to_string();
        let log = std::fs::File::create(dir.join("server.log")).map_err(|e| e.to_string())?;
        let listen = addr.to_string();
        let mut child =
            command(&server_bin(), &["serve", "--db", &db, "--demo", "--listen", &listen, "--auth-failure-limit", "0"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .map_err(|e| format!("cannot start the server: {e}"))?;
        if let Err(e) = wait_until_listening(addr, &mut child) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(e);
        }
        Ok(Self { child, addr, db })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
