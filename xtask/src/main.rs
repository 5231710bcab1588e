//! `cargo xtask …`: the project's set-up, demo and test commands, in Rust.
//!
//! - `cargo xtask setup` installs what is missing (wasm32 target, trunk, wasm-bindgen-cli at the
//!   Cargo.lock version, wasm-opt, Chromium and chromedriver); fast when everything is present.
//! - `cargo xtask demo [--listen ADDR] [--workspace ADDR]` builds the panel and the server and runs
//!   the demo, with the demo agent workspace on a second origin.
//! - `cargo xtask cluster [--listen ADDR] [--workspace ADDR] [--instances N]` runs the production
//!   layout on this machine: PostgreSQL, N server instances, nginx in front (docs/deploy.md).
//! - `cargo xtask test` runs every check and test; `.ci/run` calls exactly this.
//! - `cargo xtask fuzz [--examples N] [--seed N]` runs schemathesis against the served OpenAPI
//!   document, on a fresh demo server (docs/security.md); `cargo xtask test` runs it too.
//! - `cargo xtask bench [--db sqlite|postgres]` measures the server on a million interactions, on
//!   either engine (docs/performance.md).
//! - `cargo xtask compress [DIR]` writes brotli and gzip copies of a built panel's assets; trunk
//!   runs it after every release build (Trunk.toml's `post_build` hook).

mod bench;
mod cluster;
mod cmd;
mod compress;
mod demo;
mod fuzz;
mod postgres;
mod setup;
mod test;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run(setup::Need::Everything).map(|_| ()),
        Some("demo") => demo::run(&args[1..]),
        Some("cluster") => cluster::run(&args[1..]),
        Some("test") => test::run(),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("compress") => compress::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup | demo [--listen ADDR] [--workspace ADDR] | cluster [--listen ADDR] \
                 [--workspace ADDR] [--instances N] | test | fuzz [--examples N] [--seed N] | bench [--db sqlite|postgres] [--duration SECS] \
                 [--connections N] | compress [DIR]>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}
