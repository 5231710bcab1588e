//! `c360-server` as a real process: started on a test database, read through its log, stopped
//! with SIGTERM as a service manager or load balancer would.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::TestDb;

/// A running server, killed when dropped.
pub struct Running {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Running {
    /// The text after `marker` in the first log line containing it, up to the next space.
    pub fn wait_for(&self, marker: &str) -> String {
        loop {
            let line = self.lines.recv_timeout(Duration::from_secs(60)).expect("log line before timeout");
            if let Some((_, rest)) = line.split_once(marker) {
                return rest.split_whitespace().next().unwrap_or_default().to_owned();
            }
        }
    }

    /// The log lines that came since the last read, without waiting.
    pub fn lines_so_far(&self) -> Vec<String> {
        self.lines.try_iter().collect()
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The base URL the server listens on (`http://127.0.0.1:PORT`).
    pub fn base(&self) -> String {
        self.wait_for("listening on ")
    }

    /// Sends SIGTERM.
    pub fn terminate(&self) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    }

    /// Waits for the process to exit, at most `limit`.
    pub fn exit_within(&mut self, limit: Duration) -> ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit within {limit:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// `c360-server serve` on `db`, a free loopback port, and `extra` options; logging at info.
pub fn serve(db: &TestDb, extra: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_c360-server"));
    cmd.args(["serve", "--db", &db.arg(), "--listen", "127.0.0.1:0"])
        .args(extra)
        .env("C360_LOG", "info")
        .env("NO_COLOR", "1")
        .env_remove("C360_TOKEN_SECRET")
        .env_remove("C360_ALLOW_HOST_ORIGINS")
        .env_remove("C360_STATIC")
        .env_remove("C360_AUTH_FAILURE_LIMIT");
    cmd
}

/// `cmd` run by `sh` after `ulimit {limit}` (`-n 128`: soft and hard; `-Sn 256`: soft only).
#[cfg(unix)]
pub fn under_ulimit(cmd: &Command, limit: &str) -> Command {
    let mut wrapped = Command::new("sh");
    wrapped.arg("-c").arg(format!("ulimit {limit} && exec \"$0\" \"$@\"")).arg(cmd.get_program()).args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(value) => wrapped.env(key, value),
            None => wrapped.env_remove(key),
        };
    }
    wrapped
}

/// Starts `cmd`, reading its log.
pub fn start(mut cmd: Command) -> Running {
    let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    Running { child, lines }
}

/// Runs another `c360-server` command (`token`, `key create`, …) to its end.
pub fn c360(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_c360-server")).args(args).env_remove("C360_TOKEN_SECRET").output().unwrap()
}

/// What a successful command printed on stdout.
pub fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}
