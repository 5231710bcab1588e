//! `cargo xtask bench`: the server under load on a large data set, measured with wrk over loopback,
//! on either engine (`--db sqlite`, the default, or `--db postgres`).
//!
//! Seeds 1,000,000 interactions over 100,000 identities and 1,000,000 native-CRM contacts once
//! (`target/bench/`: a SQLite file, or a private PostgreSQL cluster kept there), reads the data
//! into the page cache, starts the release server, drives interactions-insight and 50-id
//! transcript-summaries batches (`--suite interactions`), and contact search as you type and
//! identity match (`--suite contacts`; [`contacts`]), and related records and activity create over
//! 5,000,000 activities (`--suite activities`; [`activities`]) at a fixed concurrency, and reports latency
//! percentiles, throughput, the server's peak memory and the query plans. Numbers go to
//! docs/performance.md by hand, with this command. `--server BIN` measures another build on the
//! same data (an A/B comparison); `--seed-with BIN` seeds with it.

mod activities;
mod contacts;
mod measure;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Stdio;

use crate::cmd::{command, exec, output, root};
use crate::postgres::{Cluster, Keep};
use measure::{cpu_ms, peak_rss_kb, wait_for, warm_page_cache, wrk};

const IDENTITIES: usize = 100_000;
const INTERACTIONS: usize = 1_000_000;
const LISTEN: &str = "127.0.0.1:18080";

/// Runs the benchmark (`--db sqlite|postgres`, `--suite interactions|contacts|activities|all`,
/// `--duration SECS`, `--connections N`, `--server BIN`, `--seed-with BIN`).
pub fn run(args: &[String]) -> Result<(), String> {
    let mut duration = "30".to_owned();
    let mut connections = "8".to_owned();
    let mut engine = "sqlite".to_owned();
    let mut suite = "all".to_owned();
    let (mut server, mut seeder) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--duration" => duration = value()?,
            "--connections" => connections = value()?,
            "--db" => engine = value()?,
            "--suite" => suite = value()?,
            "--server" => server = Some(value()?),
            "--seed-with" => seeder = Some(value()?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let (interactions, crm, acts) = match suite.as_str() {
        "all" => (true, true, true),
        "interactions" => (true, false, false),
        "contacts" => (false, true, false),
        "activities" => (false, false, true),
        other => return Err(format!("--suite {other}: interactions, contacts, activities or all")),
    };
    if output("wrk", &["-v"]).is_none() && !Path::new("/usr/bin/wrk").exists() {
        exec("apt-get", &["install", "-y", "-qq", "wrk"])?;
    }
    let server = match server {
        Some(bin) => bin,
        None => {
            exec("cargo", &["build", "-p", "c360-server", "--profile", "server"])?;
            // Where cargo put it: CARGO_TARGET_DIR when set (the bench data stays in target/bench).
            let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), Into::into);
            target.join("server/c360-server").display().to_string()
        }
    };
    let seeder = seeder.unwrap_or_else(|| server.clone());
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;

    // The database, seeded once: a file, or a cluster whose data stays in target/bench/postgres.
    let (db, cluster, marker) = match engine.as_str() {
        "sqlite" => {
            let db = dir.join("bench.sqlite").display().to_string();
            (db, None, dir.join(format!("seeded-{INTERACTIONS}")))
        }
        "postgres" => {
            crate::setup::postgres()?;
            // Room for the whole data set in PostgreSQL's own cache, as a dedicated database
            // server would have; the rest as installed.
            let cluster = Cluster::start(&dir.join("postgres"), Keep::Persistent, &["shared_buffers=1GB"])?;
            cluster.create_database("bench")?;
            let marker = dir.join(format!("postgres/seeded-{INTERACTIONS}"));
            (cluster.url("bench"), Some(cluster), marker)
        }
        other => return Err(format!("--db {other}: sqlite or postgres")),
    };
    if !marker.exists() {
        if cluster.is_none() {
            let _ = std::fs::remove_file(&db);
            let _ = std::fs::remove_file(contacts_marker(&marker));
        }
        let (identities, interactions) = (IDENTITIES.to_string(), INTERACTIONS.to_string());
        let args = ["seed", "--db", &db, "--tenant", "bench", "--identities", &identities];
        seed(&seeder, &[&args[..], &["--interactions", &interactions]].concat(), cluster.as_ref())?;
        std::fs::write(&marker, "").map_err(|e| e.to_string())?;
    }
    if (crm || acts) && !contacts_marker(&marker).exists() {
        let count = contacts::CONTACTS.to_string();
        seed(&seeder, &["seed", "--db", &db, "--tenant", "bench", "--contacts", &count], cluster.as_ref())?;
        std::fs::write(contacts_marker(&marker), "").map_err(|e| e.to_string())?;
    }
    if acts && !activities_marker(&marker).exists() {
        let count = activities::ACTIVITIES.to_string();
        seed(&seeder, &["seed", "--db", &db, "--tenant", "bench", "--activities", &count], cluster.as_ref())?;
        std::fs::write(activities_marker(&marker), "").map_err(|e| e.to_string())?;
    }
    let size = match &cluster {
        None => std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0),
        Some(c) => c.psql("bench", "SELECT pg_database_size('bench')")?.parse().unwrap_or(0),
    };
    let key = output(&server, &["key", "create", "--db", &db, "--tenant", "bench"]).ok_or("cannot create a key")?;
    let plans = output(&server, &["plans", "--db", &db, "--tenant", "bench"]).unwrap_or_default();

    // Measure the server, not the disk: this machine reclaims cold page cache proactively, and
    // random lookups over a 662 MB file that was evicted go to disk (p99 ≈ 1 s instead of ≈ 5 ms;
    // docs/performance.md). Reading the files once puts them back in the cache.
    match &cluster {
        None => warm_page_cache(Path::new(&db))?,
        Some(_) => warm_page_cache(&dir.join("postgres/data"))?,
    }
    // Drawn before the server starts: the engine's own client reads the data, read-only.
    let sample = if acts { Some(activities::sample(&db, cluster.as_ref())?) } else { None };
    let mut child = command(&server, &["serve", "--db", &db, "--listen", LISTEN])
        .env("C360_LOG", "warn")
        .stdin(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let pid = child.id();
    let result = (|| -> Result<String, String> {
        wait_for(LISTEN)?;
        let ids = collect_ids(&key)?;
        let ids_file = dir.join("ids.txt");
        std::fs::write(&ids_file, ids.join("\n")).map_err(|e| e.to_string())?;
        let envs = [
            ("C360_BENCH_KEY", key.clone()),
            ("C360_BENCH_IDS", ids_file.display().to_string()),
            ("C360_BENCH_IDENTITIES", IDENTITIES.to_string()),
            ("C360_BENCH_DIR", root().join("xtask/bench").display().to_string()),
        ];
        let base = format!("http://{LISTEN}");
        let mut report = String::new();
        let mut runs: Vec<(&str, &str, Option<std::path::PathBuf>)> = Vec::new();
        if interactions {
            runs.push(("interactions-insight", "insight.lua", None));
            runs.push(("transcript-summaries (50 ids)", "summaries.lua", None));
        }
        let mut by_kind = String::new();
        if crm {
            let queries = contacts::queries(LISTEN, &key)?;
            let (mix, identity) = (dir.join("contact-search.txt"), dir.join("contact-identity.txt"));
            contacts::write(&mix, &queries.mix())?;
            contacts::write(&identity, &queries.identity)?;
            runs.push(("contacts: search as you type (mix)", "contacts.lua", Some(mix)));
            runs.push(("contacts: identity match", "contacts.lua", Some(identity)));
            by_kind = contacts::by_kind(LISTEN, &key, &queries, 300)?;
        }
        let mut retry = None;
        if let Some(sample) = &sample {
            let fallback = ids.first().cloned().unwrap_or_default();
            let (typical, heavy, mix) = sample.paths(&fallback);
            let files = ["related-typical.txt", "related-heavy.txt", "related-mix.txt", "activity-contacts.txt"];
            let contacts: Vec<String> = sample.typical.iter().map(|s| s.contact_id.clone()).collect();
            for (file, lines) in files.iter().zip([&typical, &heavy, &mix, &contacts]) {
                activities::write(&dir.join(file), lines)?;
            }
            report.push_str(&format!(
                "related: typical sample {}; heavy {}\n",
                activities::Sample::spread(&sample.typical),
                activities::Sample::spread(&sample.heavy)
            ));
            runs.push(("related records: the mix (1 heavy in 10)", "contacts.lua", Some(dir.join(files[2]))));
            runs.push(("related records: typical contacts", "contacts.lua", Some(dir.join(files[0]))));
            runs.push(("related records: heavy contacts (>150)", "contacts.lua", Some(dir.join(files[1]))));
            runs.push(("activity create, a new Idempotency-Key each", "activities.lua", Some(dir.join(files[3]))));
            retry = Some(runs.len());
            runs.push((
                "activity create retried (same key: the first record)",
                "activities.lua",
                Some(dir.join(files[3])),
            ));
        }
        for (run, (name, script, queries)) in runs.into_iter().enumerate() {
            let script = root().join("xtask/bench").join(script).display().to_string();
            let mut envs = envs.to_vec();
            envs.extend(queries.map(|q| ("C360_BENCH_QUERIES", q.display().to_string())));
            if retry == Some(run) {
                envs.push(("C360_BENCH_RETRY", "1".to_owned()));
            }
            // Warm-up (page cache, statement caches), then the measured run.
            wrk(&script, "5", &connections, &base, &envs)?;
            let cpu_before = cpu_ms(pid);
            let line = wrk(&script, &duration, &connections, &base, &envs)?;
            // CPU time per request: what the server spends, whatever else shares the machine.
            let cpu = cpu_ms(pid) - cpu_before;
            let requests: f64 =
                line.split_whitespace().find_map(|kv| kv.strip_prefix("requests=")?.parse().ok()).unwrap_or(f64::NAN);
            report.push_str(&format!("{name}: {line} server_cpu_us_per_request={:.0}\n", cpu * 1000.0 / requests));
        }
        if !by_kind.is_empty() {
            report.push_str(&format!("contacts: each kind of search alone, one request at a time:\n{by_kind}"));
        }
        Ok(report)
    })();
    let peak = peak_rss_kb(child.id());
    let _ = child.kill();
    let _ = child.wait();
    let report = result?;
    println!(
        "\n== c360-server benchmark on {engine}: {INTERACTIONS} interactions over {IDENTITIES} identities{}, database {:.0} MB",
        match (contacts_marker(&marker).exists(), activities_marker(&marker).exists()) {
            (true, true) => format!(", {} contacts, {} activities", contacts::CONTACTS, activities::ACTIVITIES),
            (true, false) => format!(", {} contacts", contacts::CONTACTS),
            _ => String::new(),
        },
        size as f64 / 1e6
    );
    println!("server: {server}");
    println!("wrk -t1 -c{connections} -d{duration}s, loopback, 2 cores shared by wrk, the server and the database");
    print!("{report}");
    println!("server peak RSS (VmHWM): {:.1} MB", peak as f64 / 1024.0);
    if cluster.is_some() {
        println!("postgres: shared_buffers 1 GB; its processes are not counted above");
    }
    println!("query plans:\n{plans}");
    Ok(())
}

/// Runs one `seed` command and says how long it took; PostgreSQL then gathers statistics.
fn seed(seeder: &str, args: &[&str], cluster: Option<&Cluster>) -> Result<(), String> {
    let started = std::time::Instant::now();
    exec(seeder, args)?;
    eprintln!("seeded in {:.0} s", started.elapsed().as_secs_f32());
    if let Some(cluster) = cluster {
        cluster.psql("bench", "VACUUM ANALYZE")?;
    }
    Ok(())
}

/// The marker saying the contacts are seeded too, beside the interactions' `marker`.
fn contacts_marker(marker: &Path) -> std::path::PathBuf {
    marker.with_file_name(format!("seeded-contacts-{}", contacts::CONTACTS))
}

/// The marker saying the activities are seeded too, beside the interactions' `marker`.
fn activities_marker(marker: &Path) -> std::path::PathBuf {
    marker.with_file_name(format!("seeded-activities-{}", activities::ACTIVITIES))
}

/// Real interaction ids, from the API itself, for the summaries batches.
fn collect_ids(key: &str) -> Result<Vec<String>, String> {
    let mut ids = Vec::new();
    for i in (0..IDENTITIES).step_by(IDENTITIES / 500) {
        let path = format!("/v1/public/tenants/bench/interactions-insight?phoneNumber=%2B1{}", 2_000_000_000 + i);
        let mut stream = TcpStream::connect(LISTEN).map_err(|e| e.to_string())?;
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {LISTEN}\r\nx-api-key: {key}\r\nConnection: close\r\n\r\n")
            .map_err(|e| e.to_string())?;
        let mut response = String::new();
        stream.read_to_string(&mut response).map_err(|e| e.to_string())?;
        let body = response.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or_default();
        let json: serde_json::Value = serde_json::from_str(body).map_err(|e| format!("bad answer for {path}: {e}"))?;
        ids.extend(
            json["interactions"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|i| i["interactionId"].as_str().map(str::to_owned)),
        );
    }
    if ids.len() < 100 { Err(format!("only {} interaction ids found", ids.len())) } else { Ok(ids) }
}
