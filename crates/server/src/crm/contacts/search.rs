//! Search as you type over the index: the query's probes ([`super::plan`]) run best rank first,
//! each a range scan of one kind of term in index order with a LIMIT, until a page and one more
//! contact are found; the page is then ranked by the wire's rules and cut.

use c360_wire::crm::{ContactList, ContactSearch};
use sqlx::{AnyConnection, AssertSqlSafe};

use super::plan::{Probe, probes};
use super::store::find_many;
use super::terms::Kind;
use crate::db::placeholders;

/// The end of a prefix range: every string starting with `prefix` sorts below it (byte order,
/// which both engines use for these columns), as no term holds U+10FFFF.
fn range_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// `'n', 'c'`: kind codes as SQL literals (never input).
fn kinds_sql(kinds: &[Kind]) -> String {
    kinds.iter().map(|k| format!("'{}'", k.code())).collect::<Vec<_>>().join(", ")
}

/// Most terms counted to tell which word of a query is rarest.
const COUNT_CAP: usize = 500;

/// How many terms of `kinds` start with `word`, counting no further than [`COUNT_CAP`].
async fn count_capped(conn: &mut AnyConnection, tenant_id: &str, kinds: &[Kind], word: &str) -> sqlx::Result<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM contact_terms WHERE tenant_id = $1 AND kind IN ({}) AND term >= $2
         AND term < $3 LIMIT {COUNT_CAP}) c",
        kinds_sql(kinds)
    );
    sqlx::query_scalar(AssertSqlSafe(sql)).bind(tenant_id).bind(word).bind(range_end(word)).fetch_one(conn).await
}

/// A probe of several words driven by the rarest of them, or `None` when a word starts no term at
/// all (so nothing can match).
async fn rarest_first(conn: &mut AnyConnection, tenant_id: &str, probe: &Probe) -> sqlx::Result<Option<Probe>> {
    if probe.also.is_empty() {
        return Ok(Some(probe.clone()));
    }
    let mut rarest: Option<(i64, &str)> = None;
    for word in probe.words() {
        let count = count_capped(conn, tenant_id, probe.among, word).await?;
        if count == 0 {
            return Ok(None);
        }
        if rarest.is_none_or(|(least, _)| count < least) {
            rarest = Some((count, word));
        }
    }
    Ok(rarest.map(|(_, word)| probe.driven_by(word)))
}

/// The SQL of `probe` excluding `excluded` contacts, and its parameters after the tenant ($1).
fn probe_sql(probe: &Probe, excluded: usize, limit: usize) -> (String, Vec<String>) {
    let mut params = Vec::new();
    let mut next = |value: String| {
        params.push(value);
        format!("${}", params.len() + 1)
    };
    let mut sql =
        format!("SELECT t.contact_id FROM contact_terms t WHERE t.tenant_id = $1 AND t.kind = '{}'", probe.kind.code());
    if probe.prefix {
        let (from, to) = (next(probe.text.clone()), next(range_end(&probe.text)));
        sql.push_str(&format!(" AND t.term >= {from} AND t.term < {to}"));
    } else {
        sql.push_str(&format!(" AND t.term = {}", next(probe.text.clone())));
    }
    // A scalar subquery with LIMIT 1, never turned into a join: each contact the walk meets is
    // checked by its own terms (`contact_terms_by_contact`), so the walk stops at its LIMIT.
    let among = kinds_sql(probe.among);
    for word in &probe.also {
        let (from, to) = (next(word.clone()), next(range_end(word)));
        sql.push_str(&format!(
            " AND (SELECT 1 FROM contact_terms x WHERE x.tenant_id = t.tenant_id AND x.contact_id = t.contact_id
              AND x.kind IN ({among}) AND x.term >= {from} AND x.term < {to} LIMIT 1) IS NOT NULL"
        ));
    }
    if excluded > 0 {
        sql.push_str(&format!(" AND t.contact_id NOT IN ({})", placeholders(params.len() + 2, excluded)));
    }
    sql.push_str(&format!(" ORDER BY t.term, t.contact_id LIMIT {limit}"));
    (sql, params)
}

/// The contact ids `probe` finds besides `found`, at most `limit` rows (a contact may come twice).
async fn run_probe(
    conn: &mut AnyConnection,
    tenant_id: &str,
    probe: &Probe,
    found: &[String],
    limit: usize,
) -> sqlx::Result<Vec<String>> {
    let (sql, params) = probe_sql(probe, found.len(), limit);
    let mut query = sqlx::query_scalar(AssertSqlSafe(sql)).bind(tenant_id.to_owned());
    for value in params.into_iter().chain(found.iter().cloned()) {
        query = query.bind(value);
    }
    query.fetch_all(conn).await
}

/// The page of contacts `search` finds in tenant `tenant_id`, best first, each with `matched`.
pub async fn search(conn: &mut AnyConnection, tenant_id: &str, search: &ContactSearch) -> sqlx::Result<ContactList> {
    let wanted = search.limit + 1;
    let mut found: Vec<String> = Vec::with_capacity(wanted);
    'probes: for probe in probes(&search.query) {
        let Some(probe) = rarest_first(conn, tenant_id, &probe).await? else { continue };
        // A probe walks again only when a contact came twice (two name words starting alike)
        // and the page is still short; each walk adds at least one contact or ends the probe.
        loop {
            let need = wanted - found.len();
            if need == 0 {
                break 'probes;
            }
            let rows = run_probe(conn, tenant_id, &probe, &found, need).await?;
            let exhausted = rows.len() < need;
            for id in rows {
                if !found.contains(&id) {
                    found.push(id);
                }
            }
            if exhausted {
                break;
            }
        }
    }
    let summaries = find_many(conn, tenant_id, &found).await?.iter().map(|c| c.summary()).collect();
    let mut contacts = search.query.rank(summaries);
    let more = contacts.len() > search.limit;
    contacts.truncate(search.limit);
    Ok(ContactList { contacts, more })
}

/// A realistic mix of what agents type (name prefixes of 2–6 letters, two words, a company, an
/// email and a domain start, a phone's last four digits, a whole number in two formats).
pub const TYPICAL_QUERIES: &[&str] =
    &["da", "gonzal", "dana whit", "acme", "customer12@", "@example.n", "0100", "+14155550100", "(415) 555-0100"];

/// Each statement a search for each of [`TYPICAL_QUERIES`] starts with (one per probe, nothing
/// excluded yet), named, with its parameters after the tenant's ($1): what `plans` explains.
pub fn typical_statements(limit: usize) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for q in TYPICAL_QUERIES {
        let Ok(query) = c360_wire::crm::SearchQuery::parse(q) else { continue };
        for probe in probes(&query) {
            let (sql, params) = probe_sql(&probe, 0, limit + 1);
            let name = format!("search {q:?}: {:?} {}", probe.kind, if probe.prefix { "prefix" } else { "term" });
            out.push((name, sql, params));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use c360_wire::crm::SearchQuery;

    use super::*;

    #[test]
    fn a_probe_binds_every_word_and_never_inlines_the_query() {
        let query = SearchQuery::parse("gonz O'Ma'; DROP TABLE x").unwrap();
        for probe in probes(&query) {
            let (sql, params) = probe_sql(&probe, 2, 11);
            assert!(!sql.contains("drop") && !sql.contains("gonz"), "{sql}");
            let count = sql.matches('$').count();
            assert_eq!(count, 1 + params.len() + 2, "{sql}");
        }
    }
}
