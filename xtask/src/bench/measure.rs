//! How the benchmark measures: wrk runs, the server's CPU time and peak memory from /proc, and
//! the database files read into the page cache first.

use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use crate::cmd::command;

/// A process's CPU time so far (user + system), in milliseconds.
pub fn cpu_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and
    // 13th, in clock ticks of 10 ms.
    let fields: Vec<&str> =
        stat.rsplit_once(')').map(|(_, rest)| rest.split_whitespace().collect()).unwrap_or_default();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) * 10.0
}

/// A process's peak resident set (VmHWM), in kB; 0 if unknown.
pub fn peak_rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM"))?.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

pub fn wrk(script: &str, secs: &str, connections: &str, base: &str, envs: &[(&str, String)]) -> Result<String, String> {
    let mut c =
        command("wrk", &["-t1", &format!("-c{connections}"), &format!("-d{secs}s"), "--latency", "-s", script, base]);
    for (k, v) in envs {
        c.env(k, v);
    }
    let out = c.output().map_err(|e| format!("cannot run wrk: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .find_map(|l| l.strip_prefix("RESULT ").map(str::to_owned))
        .ok_or_else(|| format!("wrk gave no result:\n{text}{}", String::from_utf8_lossy(&out.stderr)))
}

/// Reads a database file (and its WAL, if any), or every file of a PostgreSQL data folder, so
/// they are in the page cache.
pub fn warm_page_cache(path: &Path) -> Result<(), String> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?.flatten() {
            warm_page_cache(&entry.path())?;
        }
        return Ok(());
    }
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    for file in [path.as_os_str(), wal.as_os_str()] {
        if let Ok(mut f) = std::fs::File::open(file) {
            std::io::copy(&mut f, &mut std::io::sink()).map_err(|e| format!("reading {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

pub fn wait_for(addr: &str) -> Result<(), String> {
    for _ in 0..300 {
        if TcpStream::connect(addr).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("the server did not listen on {addr}"))
}
