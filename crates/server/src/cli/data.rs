//! `c360-server import` and `c360-server seed`.

use std::path::Path;

use super::open;
use crate::db::Location;
use crate::{demo, import, tenants};

/// Reads the file as it loads it, in one transaction; if any record is rejected, the first rejects
/// are listed and nothing is loaded.
pub async fn import(db: &Location, tenant: &str, file: &Path) -> Result<String, String> {
    let input = std::fs::File::open(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let (db, _) = open(db).await?;
    let mut conn = db.acquire().await.map_err(|e| e.to_string())?;
    if tenants::find(&mut conn, tenant).await.map_err(|e| e.to_string())?.is_none() {
        return Err(format!("unknown tenant {tenant:?}: create it with `tenant create` first"));
    }
    let n = import::import(&mut conn, tenant, std::io::BufReader::new(input)).await.map_err(|e| match e {
        import::Failure::Rejected(rejects) => {
            let lines: Vec<String> = rejects.first.iter().map(ToString::to_string).collect();
            let more = rejects.total - rejects.first.len();
            let tail = if more > 0 { format!("\n… and {more} more") } else { String::new() };
            format!(
                "{} rejected record(s) in {}; nothing was loaded:\n{}{tail}",
                rejects.total,
                file.display(),
                lines.join("\n")
            )
        }
        other => format!("{}: {other}", file.display()),
    })?;
    Ok(format!("imported {n} interactions into tenant {tenant}"))
}

/// Generates the deterministic scale data sets: `history` as (identities, interactions), and
/// `contacts` more native-CRM contacts, then `activities` more activities over them.
pub async fn seed(
    db: &Location,
    tenant: &str,
    history: Option<(usize, usize)>,
    contacts: Option<u64>,
    activities: Option<u64>,
    now_ms: i64,
) -> Result<String, String> {
    if history.is_some_and(|(identities, interactions)| identities == 0 || interactions == 0) {
        return Err("--identities and --interactions must be at least 1".into());
    }
    if contacts == Some(0) || activities == Some(0) {
        return Err("--contacts and --activities must be at least 1".into());
    }
    let (db, _) = open(db).await?;
    let mut conn = db.acquire().await.map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let mut said = Vec::new();
    if let Some((identities, interactions)) = history {
        let n = demo::seed_scale(&mut conn, tenant, identities, interactions, now_ms, |done| {
            eprintln!("seeded {done} interactions ({:.0} s)", started.elapsed().as_secs_f32());
        })
        .await
        .map_err(|e| e.to_string())?;
        said.push(format!("seeded {n} interactions over {identities} identities into tenant {tenant}"));
    }
    if let Some(count) = contacts {
        let from = std::time::Instant::now();
        let n = demo::seed_scale_contacts(&mut conn, tenant, count, now_ms, |done| {
            if done % 100_000 == 0 || done == count {
                eprintln!("seeded {done} contacts ({:.0} s)", from.elapsed().as_secs_f32());
            }
        })
        .await
        .map_err(|e| e.to_string())?;
        let secs = from.elapsed().as_secs_f32();
        said.push(format!("seeded {n} contacts into tenant {tenant} in {secs:.0} s"));
    }
    if let Some(count) = activities {
        let from = std::time::Instant::now();
        let n = demo::seed_scale_activities(&mut conn, tenant, count, now_ms, |done| {
            if done % 500_000 < 10_000 || done == count {
                eprintln!("seeded {done} activities ({:.0} s)", from.elapsed().as_secs_f32());
            }
        })
        .await
        .map_err(|e| e.to_string())?;
        let secs = from.elapsed().as_secs_f32();
        said.push(format!("seeded {n} activities into tenant {tenant} in {secs:.0} s"));
    }
    Ok(said.join("\n"))
}
