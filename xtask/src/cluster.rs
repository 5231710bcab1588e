//! `cargo xtask cluster`: the production layout on one machine. A private PostgreSQL, two (or
//! `--instances N`) stateless `c360-server` instances on it, and nginx in front of them as the load
//! balancer, both for the panel's origin and for the demo workspace's; the demo seeded; links
//! printed as `cargo xtask demo` prints them. Everything lives under `target/cluster` (or `--dir`);
//! the database is kept between runs. Ctrl-C or SIGTERM stops it all, in order: the instances
//! (graceful), nginx, then PostgreSQL.
//!
//! An instance that stops (say, SIGTERM to the pid printed) is reported and the rest serve on:
//! nginx retries what it could not hand to it on another (`proxy_next_upstream`).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::cmd::{command, exec, output, root, target_dir};
use crate::demo::wait_until_listening;
use crate::postgres::{self, Cluster, Keep};
use crate::setup::{self, Need};

/// What `cargo xtask cluster` runs.
struct Options {
    listen: SocketAddr,
    workspace: SocketAddr,
    instances: usize,
    dir: PathBuf,
    /// A built server and panel to use as they are (the end-to-end test's), else both are built.
    prebuilt: Option<(PathBuf, PathBuf)>,
}

const USAGE: &str = "usage: cargo xtask cluster [--listen ADDR] [--workspace ADDR] [--instances N] [--dir DIR] \
                     [--server BIN --static DIST]";

/// Parses the options and runs the cluster until Ctrl-C.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut o = Options {
        listen: "127.0.0.1:8090".parse().expect("valid"),
        workspace: "127.0.0.1:8092".parse().expect("valid"),
        instances: 2,
        dir: root().join("target/cluster"),
        prebuilt: None,
    };
    let (mut server, mut dist) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let value = it.next().ok_or_else(|| format!("{arg} needs a value; {USAGE}"))?;
        let address =
            || value.parse::<SocketAddr>().map_err(|_| format!("{arg} {value}: not an address like 127.0.0.1:8090"));
        match arg.as_str() {
            "--listen" => o.listen = address()?,
            "--workspace" => o.workspace = address()?,
            "--instances" => o.instances = value.parse().ok().filter(|n| *n >= 1).ok_or("--instances: 1 or more")?,
            "--dir" => o.dir = std::path::absolute(value).map_err(|e| format!("--dir {value}: {e}"))?,
            "--server" => server = Some(PathBuf::from(value)),
            "--static" => dist = Some(PathBuf::from(value)),
            other => return Err(format!("unknown argument {other}; {USAGE}")),
        }
    }
    o.prebuilt = match (server, dist) {
        (Some(s), Some(d)) => Some((s, d)),
        (None, None) => None,
        _ => return Err("--server and --static go together (a built server and panel)".into()),
    };
    for addr in [&mut o.listen, &mut o.workspace] {
        if addr.port() == 0 {
            addr.set_port(postgres::free_port()?);
        }
    }
    if o.listen == o.workspace {
        return Err("--listen and --workspace need different addresses: the workspace is a second origin".into());
    }
    run_cluster(o)
}

fn run_cluster(o: Options) -> Result<(), String> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, stop.clone()).map_err(|e| format!("cannot handle signals: {e}"))?;
    }
    let (server, dist) = match &o.prebuilt {
        Some((server, dist)) => {
            setup::postgres()?;
            setup::nginx()?;
            (server.clone(), dist.clone())
        }
        None => {
            setup::run_setup(Need::Cluster)?;
            exec("trunk", &["build", "--release"])?;
            exec("cargo", &["build", "-p", "c360-server", "--profile", "server"])?;
            (target_dir().join("server/c360-server"), root().join("dist"))
        }
    };
    std::fs::create_dir_all(&o.dir).map_err(|e| format!("{}: {e}", o.dir.display()))?;
    // PostgreSQL runs as its own user when we are root: it must be able to reach its folder.
    std::fs::set_permissions(&o.dir, std::os::unix::fs::PermissionsExt::from_mode(0o755)).map_err(|e| e.to_string())?;

    let pg = Cluster::start(&o.dir.join("postgres"), Keep::Persistent, &[])?;
    pg.create_database("c360")?;
    let db = pg.url("c360");
    let panel_origin = format!("http://{}", o.listen);
    let workspace_origin = format!("http://{}", o.workspace);

    let mut instances: Vec<Instance> = Vec::new();
    let started = (|| -> Result<(), String> {
        for n in 1..=o.instances {
            // One after the other: the first seeds the demo, the others find it there.
            let instance = Instance::start(n, &server, &dist, &db, &o.dir, &panel_origin, &workspace_origin)?;
            instances.push(instance);
            let last = instances.last_mut().expect("pushed");
            wait_until_listening(last.api, &mut last.child)?;
            wait_until_listening(last.workspace, &mut last.child)?;
        }
        Ok(())
    })();
    if let Err(e) = started {
        stop_all(&mut instances, None);
        return Err(e);
    }
    let mut nginx = match start_nginx(&o, &instances) {
        Ok(nginx) => nginx,
        Err(e) => {
            stop_all(&mut instances, None);
            return Err(e);
        }
    };
    if let Err(e) =
        wait_until_listening(o.listen, &mut nginx).and_then(|()| wait_until_listening(o.workspace, &mut nginx))
    {
        stop_all(&mut instances, Some(&mut nginx));
        return Err(format!("nginx: {e} (see {})", o.dir.join("nginx/error.log").display()));
    }
    let token = output(
        server.to_str().unwrap_or_default(),
        &["token", "--db", &db, "--tenant", "demo", "--agent", "Demo Agent", "--ttl", "8h"],
    )
    .ok_or("could not issue a demo panel token")?;

    println!();
    println!(
        "Customer 360 cluster is running (Ctrl-C to stop): PostgreSQL, {} c360-server instances, nginx in front.",
        instances.len()
    );
    println!("Panel: {panel_origin}/?tenantId=demo&phoneNumber=%2B14155550100#token={token}");
    println!("Workspace: {workspace_origin}/demo/workspace");
    for i in &instances {
        println!(
            "Instance {}: http://{} (pid {}, workspace http://{}, log {})",
            i.n,
            i.api,
            i.child.id(),
            i.workspace,
            i.log.display()
        );
    }
    println!("PostgreSQL: {db} (data in {})", o.dir.join("postgres").display());
    println!("nginx: {} (log {})", o.dir.join("nginx/nginx.conf").display(), o.dir.join("nginx/error.log").display());

    let outcome = supervise(&mut instances, &mut nginx, &stop);
    stop_all(&mut instances, Some(&mut nginx));
    drop(pg);
    outcome
}

/// Watches the parts until something the cluster cannot do without stops.
fn supervise(instances: &mut [Instance], nginx: &mut Child, stop: &AtomicBool) -> Result<(), String> {
    loop {
        std::thread::sleep(Duration::from_millis(200));
        if stop.load(Ordering::SeqCst) {
            println!("Stopping the cluster.");
            return Ok(());
        }
        if let Ok(Some(status)) = nginx.try_wait() {
            return Err(format!("nginx stopped ({status})"));
        }
        for i in instances.iter_mut().filter(|i| i.running) {
            if let Ok(Some(status)) = i.child.try_wait() {
                i.running = false;
                println!("Instance {} stopped ({status}); the others serve on.", i.n);
            }
        }
        if instances.iter().all(|i| !i.running) {
            return Err("every instance has stopped".into());
        }
    }
}

/// Stops the instances (SIGTERM: a graceful stop) and nginx (SIGQUIT: a graceful quit).
fn stop_all(instances: &mut [Instance], nginx: Option<&mut Child>) {
    let signal = |child: &Child, sig: &str| {
        let _ = Command::new("kill").args([sig, &child.id().to_string()]).status();
    };
    for i in instances.iter() {
        signal(&i.child, "-TERM");
    }
    if let Some(nginx) = nginx {
        signal(nginx, "-QUIT");
        let _ = nginx.wait();
    }
    for i in instances.iter_mut() {
        let _ = i.child.wait();
    }
}

/// One `c360-server` instance.
struct Instance {
    n: usize,
    api: SocketAddr,
    workspace: SocketAddr,
    child: Child,
    log: PathBuf,
    running: bool,
}

impl Instance {
    fn start(
        n: usize,
        server: &Path,
        dist: &Path,
        db: &str,
        dir: &Path,
        panel_origin: &str,
        workspace_origin: &str,
    ) -> Result<Self, String> {
        let api: SocketAddr = format!("127.0.0.1:{}", postgres::free_port()?).parse().expect("valid");
        let workspace: SocketAddr = format!("127.0.0.1:{}", postgres::free_port()?).parse().expect("valid");
        let log = dir.join(format!("instance-{n}.log"));
        let log_file = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let child = command(server.to_str().ok_or("non-UTF-8 path")?, &[])
            .args(["serve", "--db", db, "--demo", "--static"])
            .arg(dist)
            .args(["--listen", &api.to_string(), "--workspace-listen", &workspace.to_string()])
            // Browsers reach both through nginx: the workspace frames the panel from nginx's
            // origin, and the tenants accept nginx's workspace origin as a host.
            .args(["--public-origin", panel_origin, "--allow-host-origin", workspace_origin])
            .env("C360_LOG", "info")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .map_err(|e| format!("cannot start instance {n}: {e}"))?;
        Ok(Self { n, api, workspace, child, log, running: true })
    }
}

/// Writes nginx's configuration under `<dir>/nginx` and starts it in the foreground.
fn start_nginx(o: &Options, instances: &[Instance]) -> Result<Child, String> {
    let prefix = o.dir.join("nginx");
    std::fs::create_dir_all(prefix.join("tmp")).map_err(|e| format!("{}: {e}", prefix.display()))?;
    let conf = prefix.join("nginx.conf");
    std::fs::write(&conf, nginx_conf(&prefix, o.listen, o.workspace, instances)).map_err(|e| e.to_string())?;
    let error_log = prefix.join("error.log");
    Command::new("/usr/sbin/nginx")
        .arg("-p")
        .arg(&prefix)
        .arg("-c")
        .arg(&conf)
        .arg("-e")
        .arg(&error_log)
        .stdin(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start nginx: {e}"))
}

/// The load balancer: round robin over the instances, for the panel's origin and the workspace's.
/// A connection refused, reset or timed out goes to the next instance (`proxy_next_upstream`), so
/// an instance that stops loses no request; a failed one is left alone for 10 s.
fn nginx_conf(prefix: &Path, listen: SocketAddr, workspace: SocketAddr, instances: &[Instance]) -> String {
    let p = prefix.display();
    let upstream = |pick: fn(&Instance) -> SocketAddr| -> String {
        instances.iter().map(|i| format!("        server {} max_fails=1 fail_timeout=10s;\n", pick(i))).collect()
    };
    format!(
        "# Generated by `cargo xtask cluster`; rewritten on every run.
daemon off;
worker_processes 1;
pid {p}/nginx.pid;
error_log {p}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {p}/access.log;
    client_body_temp_path {p}/tmp/body;
    proxy_temp_path {p}/tmp/proxy;
    fastcgi_temp_path {p}/tmp/fastcgi;
    uwsgi_temp_path {p}/tmp/uwsgi;
    scgi_temp_path {p}/tmp/scgi;
    proxy_max_temp_file_size 0;
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_next_upstream error timeout http_502 http_503;
    proxy_connect_timeout 2s;
    upstream c360 {{
{api}    }}
    upstream c360_workspace {{
{ws}    }}
    server {{
        listen {listen};
        location / {{
            proxy_pass http://c360;
            # Which instance answered: lets a test see both serve.
            add_header X-C360-Instance $upstream_addr always;
        }}
    }}
    server {{
        listen {workspace};
        location / {{
            proxy_pass http://c360_workspace;
        }}
    }}
}}
",
        api = upstream(|i| i.api),
        ws = upstream(|i| i.workspace),
    )
}
