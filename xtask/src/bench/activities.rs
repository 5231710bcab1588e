//! The activities part of `cargo xtask bench` (`--suite activities`): related records and
//! activity create over the 5,000,000 activities of `seed --activities` on the 1,000,000
//! contacts.
//!
//! The contacts are drawn from the stored data itself (the engine's own client, read-only): one
//! in 400 of the contacts that have activities, in contact order — what opening a random
//! customer's card gives — and every contact with more than 150 records (the heavy ones, whose
//! list the server caps at 200). Each is asked about an interaction one of its records was made
//! during, when there is one, so `new`, `linked` and `suggested` are all computed.

use std::path::Path;

use crate::cmd::output;
use crate::postgres::Cluster;

/// How many activities the benchmark tenant has.
pub const ACTIVITIES: u64 = 5_000_000;
/// Contacts with more records than this are the heavy ones.
const HEAVY: u64 = 150;
/// One in this many contacts with activities goes into the typical sample.
const EVERY: usize = 400;

/// A sampled contact: its id, how many records it has, and an interaction of one of them.
pub struct Sampled {
    pub contact_id: String,
    pub records: u64,
    pub interaction_id: Option<String>,
}

/// The typical and the heavy contacts.
pub struct Sample {
    pub typical: Vec<Sampled>,
    pub heavy: Vec<Sampled>,
}

impl Sample {
    /// Related-records paths: `typical` alone, `heavy` alone, and the mix (one heavy in ten).
    pub fn paths(&self, fallback_interaction: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
        let path = |s: &Sampled| {
            let interaction = s.interaction_id.as_deref().unwrap_or(fallback_interaction);
            format!("/v1/crm/tenants/bench/contacts/{}/related?interactionId={interaction}", s.contact_id)
        };
        let typical: Vec<String> = self.typical.iter().map(path).collect();
        let heavy: Vec<String> = self.heavy.iter().map(path).collect();
        let mut mix = Vec::new();
        for (i, p) in typical.iter().enumerate() {
            mix.push(p.clone());
            if i % 9 == 8 {
                mix.push(heavy[(i / 9) % heavy.len()].clone());
            }
        }
        (typical, heavy, mix)
    }

    /// `records` per contact of a list: p50 / p90 / p99 / max.
    pub fn spread(list: &[Sampled]) -> String {
        let mut n: Vec<u64> = list.iter().map(|s| s.records).collect();
        n.sort_unstable();
        let at = |q: f64| n[((q * n.len() as f64) as usize).min(n.len() - 1)];
        format!(
            "{} contacts, records each p50 {} / p90 {} / p99 {} / max {}",
            n.len(),
            at(0.5),
            at(0.9),
            at(0.99),
            n.last().unwrap_or(&0)
        )
    }
}

/// Reads the sample from the database (`db`, a SQLite file, or `cluster`'s `bench` database).
pub fn sample(db: &str, cluster: Option<&Cluster>) -> Result<Sample, String> {
    let query = |sql: &str| -> Result<Vec<Vec<String>>, String> {
        let text = match cluster {
            Some(c) => c.psql("bench", sql)?,
            None => output("sqlite3", &["-readonly", db, sql]).ok_or("sqlite3 failed (is it installed?)")?,
        };
        Ok(text.lines().filter(|l| !l.is_empty()).map(|l| l.split('|').map(str::to_owned).collect()).collect())
    };
    let counts = query("SELECT contact_id, COUNT(*) FROM activities WHERE tenant_id = 'bench' GROUP BY contact_id")?;
    let mut typical = Vec::new();
    let mut heavy = Vec::new();
    for (i, row) in counts.iter().enumerate() {
        let records: u64 = row.get(1).and_then(|n| n.parse().ok()).unwrap_or(0);
        let sampled = || Sampled { contact_id: row[0].clone(), records, interaction_id: None };
        if records > HEAVY {
            heavy.push(sampled());
        }
        if i % EVERY == 0 {
            typical.push(sampled());
        }
    }
    if typical.len() < 100 || heavy.is_empty() {
        return Err(format!(
            "only {} typical and {} heavy contacts: are the activities seeded?",
            typical.len(),
            heavy.len()
        ));
    }
    for list in [&mut typical, &mut heavy] {
        let ids: Vec<String> = list.iter().map(|s| format!("'{}'", s.contact_id)).collect();
        let rows = query(&format!(
            "SELECT contact_id, MAX(interaction_id) FROM activities WHERE tenant_id = 'bench' AND contact_id IN ({})
             GROUP BY contact_id",
            ids.join(", ")
        ))?;
        let found: std::collections::HashMap<&str, &str> =
            rows.iter().filter(|r| r.len() == 2 && !r[1].is_empty()).map(|r| (r[0].as_str(), r[1].as_str())).collect();
        for s in list.iter_mut() {
            s.interaction_id = found.get(s.contact_id.as_str()).map(|i| (*i).to_owned());
        }
    }
    Ok(Sample { typical, heavy })
}

/// Writes `lines` one per line to `file` (the wrk scripts read it).
pub fn write(file: &Path, lines: &[String]) -> Result<(), String> {
    std::fs::write(file, lines.join("\n")).map_err(|e| format!("{}: {e}", file.display()))
}
