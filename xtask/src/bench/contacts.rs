//! The native CRM part of `cargo xtask bench`: what agents type into the search box, and the
//! identity match of screen pop, over the 1,000,000 contacts of `seed --contacts`.
//!
//! The queries are drawn from real contacts, found through the API itself (a search for each
//! consonant-vowel pair), so they hit the data as agents' queries do: name prefixes of 2–6
//! letters (half typed without accents), company prefixes (one word, or a word and the start of
//! the next), email prefixes, 4-digit phone tails and full E.164 numbers; and, measured alone,
//! full names as agents type them (`dana wh`).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Instant;

use c360_wire::crm::fold;
use c360_wire::urlencoding::encode;

/// How many contacts the benchmark tenant has.
pub const CONTACTS: u64 = 1_000_000;
/// The kinds of search query, and how many of every 20 queries of the mix are of each: the mix
/// the issue names. The last kind, a first name and the start of the last, is measured alone only.
pub const KINDS: [(&str, usize); 6] = [
    ("name prefix", 8),
    ("company prefix", 3),
    ("email prefix", 3),
    ("4-digit phone tail", 3),
    ("full E.164", 3),
    ("first name + start of last", 0),
];

/// Search paths by kind (in [`KINDS`] order) and identity-match paths.
pub struct Queries {
    /// `/v1/crm/…/contacts?q=…` paths, one list per kind.
    pub search: Vec<Vec<String>>,
    /// `/v1/crm/…/contacts?phoneNumber=…` (and `?email=…`) paths.
    pub identity: Vec<String>,
}

impl Queries {
    /// The search mix in [`KINDS`]' proportions, kinds interleaved.
    pub fn mix(&self) -> Vec<String> {
        let in_mix = || self.search.iter().zip(KINDS).filter(|(_, (_, n))| *n > 0);
        let rounds = in_mix().map(|(list, (_, n))| list.len() / n).min().unwrap_or(0);
        let mut out = Vec::new();
        for round in 0..rounds {
            for (list, (_, n)) in in_mix() {
                out.extend(list[round * n..(round + 1) * n].iter().cloned());
            }
        }
        out
    }
}

/// A contact as a search result shows it.
struct Sampled {
    first: String,
    last: String,
    company: String,
    emails: Vec<String>,
    phones: Vec<String>,
}

/// Samples contacts through the API on `listen` with `key` and derives the queries from them.
pub fn queries(listen: &str, key: &str) -> Result<Queries, String> {
    let base = "/v1/crm/tenants/bench/contacts";
    let mut sample: Vec<Sampled> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for c in "bcdfghjklmnprstvwz".chars() {
        for v in "aeiou".chars() {
            let (status, body) = get(listen, key, &format!("{base}?q={c}{v}&limit=50"))?;
            if status != 200 {
                return Err(format!("search {c}{v}: {status} {body}"));
            }
            let json: serde_json::Value = serde_json::from_str(&body).map_err(|e| e.to_string())?;
            for c in json["contacts"].as_array().into_iter().flatten() {
                if seen.insert(c["contactId"].as_str().unwrap_or_default().to_owned()) {
                    let list = |k: &str| {
                        c[k].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect()
                    };
                    let text = |k: &str| c[k].as_str().unwrap_or_default().to_owned();
                    sample.push(Sampled {
                        first: text("firstName"),
                        last: text("lastName"),
                        company: text("company"),
                        emails: list("emails"),
                        phones: list("phones"),
                    });
                }
            }
        }
    }
    if sample.len() < 500 {
        return Err(format!("only {} contacts found: is the tenant seeded?", sample.len()));
    }
    let q = |text: &str| format!("{base}?q={}", encode(text));
    let chars = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let mut search = vec![Vec::new(); KINDS.len()];
    let mut identity = Vec::new();
    for (i, c) in sample.iter().enumerate() {
        let word = if i % 2 == 0 { &c.first } else { &c.last };
        let typed = chars(word, 2 + i % 5);
        search[0].push(q(&if i % 4 < 2 { fold(&typed) } else { typed }));
        if !c.first.is_empty() && !c.last.is_empty() {
            search[5].push(q(&format!("{} {}", fold(&c.first), fold(&chars(&c.last, 2)))));
        }
        let mut words = c.company.split_whitespace();
        if let Some(first) = words.next() {
            let text = match words.next() {
                Some(second) if i % 3 == 0 => format!("{first} {}", chars(second, 2)),
                _ => chars(first, 3 + i % 4),
            };
            search[1].push(q(&text));
        }
        if let Some(email) = c.emails.first() {
            search[2].push(q(&chars(email, 3 + i % 6)));
            if i % 5 == 0 {
                identity.push(format!("{base}?email={}", encode(email)));
            }
        }
        if let Some(phone) = c.phones.first() {
            search[3].push(q(&phone[phone.len() - 4..]));
            search[4].push(q(phone));
            identity.push(format!("{base}?phoneNumber={}", encode(phone)));
        }
    }
    Ok(Queries { search, identity })
}

/// Writes `paths` one per line to `file` (the wrk script reads it).
pub fn write(file: &Path, paths: &[String]) -> Result<(), String> {
    std::fs::write(file, paths.join("\n")).map_err(|e| format!("{}: {e}", file.display()))
}

/// Each kind of search alone, one request at a time (a new connection each, as measured here:
/// it adds the loopback connect to every figure): `kind: p50 … p95 … p99 … (n, results on average)`.
pub fn by_kind(listen: &str, key: &str, queries: &Queries, per_kind: usize) -> Result<String, String> {
    let mut out = String::new();
    for (list, (kind, _)) in queries.search.iter().zip(KINDS) {
        let mut times = Vec::new();
        let mut found = 0usize;
        for path in list.iter().take(per_kind) {
            let started = Instant::now();
            let (status, body) = get(listen, key, path)?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            if status != 200 {
                return Err(format!("{path}: {status} {body}"));
            }
            found += body.matches("\"contactId\"").count();
        }
        times.sort_by(f64::total_cmp);
        let pick = |q: f64| times[((q * times.len() as f64) as usize).min(times.len() - 1)];
        out.push_str(&format!(
            "  {kind}: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} queries, {:.1} results each)\n",
            pick(0.5),
            pick(0.95),
            pick(0.99),
            times.last().copied().unwrap_or(0.0),
            times.len(),
            found as f64 / times.len().max(1) as f64
        ));
    }
    Ok(out)
}

/// `GET path` with the API key: (status, body).
fn get(listen: &str, key: &str, path: &str) -> Result<(u16, String), String> {
    let mut stream = TcpStream::connect(listen).map_err(|e| e.to_string())?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {listen}\r\nx-api-key: {key}\r\nConnection: close\r\n\r\n")
        .map_err(|e| e.to_string())?;
    let mut response = String::new();
    stream.read_to_string(&mut response).map_err(|e| e.to_string())?;
    let status = response.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    Ok((status, body))
}
