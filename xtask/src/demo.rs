//! `cargo xtask demo`: build the panel (release) and the server, start the server on the demo
//! database with the panel on the same origin and the demo agent workspace on a second one, and
//! print links that open the demo customer and the workspace.

use std::io::Read;
use std::net::{SocketAddr, TcpStream};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::cmd::{command, exec, output, root};
use crate::setup::{self, Need};

/// Runs the demo until Ctrl-C: the panel and API on `listen`, the agent workspace on `workspace`.
pub fn run_demo(listen: SocketAddr, workspace: SocketAddr) -> Result<(), String> {
    setup::run_setup(Need::Build)?;
    exec("trunk", &["build", "--release"])?;
    exec("cargo", &["build", "-p", "c360-server", "--profile", "server"])?;

    let root = root();
    let server = crate::cmd::target_dir().join("server/c360-server");
    let server = server.to_str().ok_or("non-UTF-8 path")?;
    let db_dir = root.join("target/demo");
    std::fs::create_dir_all(&db_dir).map_err(|e| e.to_string())?;
    let db = db_dir.join("c360-demo.sqlite");
    let db = db.to_str().ok_or("non-UTF-8 path")?;
    let dist = root.join("dist");
    let listen_text = listen.to_string();
    let workspace_text = workspace.to_string();

    let mut child = command(
        server,
        &[
            "serve",
            "--db",
            db,
            "--demo",
            "--static",
            dist.to_str().unwrap_or("dist"),
            "--listen",
            &listen_text,
            "--workspace-listen",
            &workspace_text,
        ],
    )
    .stdin(Stdio::null())
    .spawn()
    .map_err(|e| format!("cannot start the server: {e}"))?;
    if let Err(e) = wait_until_listening(listen, &mut child).and_then(|()| wait_until_listening(workspace, &mut child))
    {
        let _ = child.kill();
        return Err(e);
    }
    let token = output(server, &["token", "--db", db, "--tenant", "demo", "--agent", "Demo Agent", "--ttl", "8h"])
        .ok_or("could not issue a demo panel token")?;
    let base = format!("http://{listen}");
    println!();
    println!("Customer 360 demo is running (Ctrl-C to stop).");
    println!("Panel: {base}/?tenantId=demo&phoneNumber=%2B14155550100#token={token}");
    println!("Also try: {base}/?tenantId=demo&email=maria.gonzalez%40example.com#token={token}");
    println!("API:   {base}/v1/public/tenants/demo/interactions-insight  (Authorization: Bearer <token>)");
    println!("Workspace: {}/demo/workspace", workspace_origin(workspace));
    println!("The token is valid for 8 hours; run `cargo xtask demo` again for a new one.");
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() { Ok(()) } else { Err(format!("the server stopped ({status})")) }
}

/// Parses `[--listen ADDR] [--workspace ADDR]` and runs the demo.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut listen: SocketAddr = "127.0.0.1:8080".parse().expect("valid default");
    let mut workspace: SocketAddr = "127.0.0.1:8082".parse().expect("valid default");
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let target = match arg.as_str() {
            "--listen" => &mut listen,
            "--workspace" => &mut workspace,
            other => {
                return Err(format!(
                    "unknown argument {other}; usage: cargo xtask demo [--listen ADDR] [--workspace ADDR]"
                ));
            }
        };
        let value = it.next().ok_or_else(|| format!("{arg} needs an address, e.g. 127.0.0.1:8080"))?;
        *target = value.parse().map_err(|_| format!("{arg} {value}: not an address like 127.0.0.1:8080"))?;
    }
    if listen == workspace {
        return Err("--listen and --workspace need different addresses: the workspace is a second origin".into());
    }
    run_demo(listen, workspace)
}

/// Where a browser on this machine opens a listener bound to `addr`.
fn workspace_origin(addr: SocketAddr) -> String {
    if addr.ip().is_unspecified() { format!("http://127.0.0.1:{}", addr.port()) } else { format!("http://{addr}") }
}

pub fn wait_until_listening(addr: SocketAddr, child: &mut std::process::Child) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            return Err(format!("the server exited at start-up ({status}); is {addr} already in use?{err}"));
        }
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("the server did not start listening on {addr} within 60 s"))
}
