//! Search as you type over the index: the query's probes ([`super::plan`]) run best rank first,
//! each a range scan of one kind of term in index order with a LIMIT, until a page and one more
//! contact are found; the page is then ranked by the wire's rules and cut.

use c360_wire::crm::{ContactList, ContactSearch};
use sqlx::{AnyConnection, AssertSqlSafe};

use super::plan::{Probe, pairs_apply, probes, walks};
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

/// Most contacts a walk of one word's range checks for a query's other words (its driving word
/// is the one with the shortest range). Whole words typed in order never come here (the pair
/// index answers them at once), so this bounds only two common word starts (`jon ba`): walked
/// that far, the page says "more" (keep typing) rather than hold a connection for a second.
pub const WALK_CAP: i64 = 1_000;

/// How many terms of `kinds` start with `word` (longer ones only when `strict`), counting no
/// further than `cap`.
async fn count_capped(
    conn: &mut AnyConnection,
    tenant_id: &str,
    kinds: &[Kind],
    word: &str,
    strict: bool,
    cap: i64,
) -> sqlx::Result<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM contact_terms WHERE tenant_id = $1 AND kind IN ({}) AND term {} $2
         AND term < $3 LIMIT {cap}) c",
        kinds_sql(kinds),
        if strict { ">" } else { ">=" }
    );
    sqlx::query_scalar(AssertSqlSafe(sql)).bind(tenant_id).bind(word).bind(range_end(word)).fetch_one(conn).await
}

/// A probe of several words driven by the word whose walk is shortest, and whether that walk is
/// longer than [`WALK_CAP`]; `None` when a word starts no term at all (so nothing can match).
async fn rarest_first(conn: &mut AnyConnection, tenant_id: &str, probe: &Probe) -> sqlx::Result<Option<(Probe, bool)>> {
    if probe.also.is_empty() {
        return Ok(Some((probe.clone(), false)));
    }
    // With pairs, the walk is of the longer words of the kind only. Without (words spread over
    // name and company), the walks of every kind in `among` must share their word, each taking
    // the contacts where it is of its kind: the word is chosen by its range over all of them.
    let strict = pairs_apply(probe);
    let mut rarest: Option<(i64, &str)> = None;
    for word in probe.words() {
        if count_capped(conn, tenant_id, probe.among, word, false, 1).await? == 0 {
            return Ok(None);
        }
        let count = count_capped(conn, tenant_id, probe.among, word, strict, WALK_CAP + 1).await?;
        if rarest.is_none_or(|(least, _)| count < least) {
            rarest = Some((count, word));
        }
    }
    Ok(rarest.map(|(count, word)| (probe.driven_by(word), count > WALK_CAP)))
}

/// Whether a walk of `probe` reads at most [`WALK_CAP`] entries: one checking other words
/// contact by contact, but for a walk of pairs (narrow by construction).
fn capped(probe: &Probe) -> bool {
    !probe.also.is_empty() && !matches!(probe.kind, Kind::NamePair | Kind::CompanyPair)
}

/// The SQL of `probe` excluding `excluded` contacts, and its parameters after the tenant ($1).
fn probe_sql(probe: &Probe, excluded: usize, limit: usize) -> (String, Vec<String>) {
    let mut params = Vec::new();
    let mut next = |value: String| {
        params.push(value);
        format!("${}", params.len() + 1)
    };
    let range = |alias: &str, params: &mut dyn FnMut(String) -> String| {
        let mut range = format!("{alias}tenant_id = $1 AND {alias}kind = '{}'", probe.kind.code());
        if probe.prefix {
            let (from, to) = (params(probe.text.clone()), params(range_end(&probe.text)));
            let above = if probe.strict { ">" } else { ">=" };
            range.push_str(&format!(" AND {alias}term {above} {from} AND {alias}term < {to}"));
        } else {
            range.push_str(&format!(" AND {alias}term = {}", params(probe.text.clone())));
        }
        range
    };
    // A capped walk reads its first WALK_CAP entries in index order: a derived table with its
    // own LIMIT, which neither engine flattens into the outer query.
    let mut conditions = Vec::new();
    let from = if capped(probe) {
        format!(
            "(SELECT tenant_id, contact_id, term FROM contact_terms WHERE {} ORDER BY term, contact_id
             LIMIT {WALK_CAP}) t",
            range("", &mut next)
        )
    } else {
        conditions.push(range("t.", &mut next));
        "contact_terms t".to_owned()
    };
    // A scalar subquery with LIMIT 1, never turned into a join: each contact the walk meets is
    // checked by its own terms (`contact_terms_by_contact`), so the walk stops at its LIMIT.
    let among = kinds_sql(probe.among);
    for word in &probe.also {
        let (from, to) = (next(word.clone()), next(range_end(word)));
        conditions.push(format!(
            "(SELECT 1 FROM contact_terms x WHERE x.tenant_id = t.tenant_id AND x.contact_id = t.contact_id
              AND x.kind IN ({among}) AND x.term >= {from} AND x.term < {to} LIMIT 1) IS NOT NULL"
        ));
    }
    if excluded > 0 {
        conditions.push(format!("t.contact_id NOT IN ({})", placeholders(params.len() + 2, excluded)));
    }
    let mut sql = format!("SELECT t.contact_id FROM {from}");
    if !conditions.is_empty() {
        sql.push_str(&format!(" WHERE {}", conditions.join(" AND ")));
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
    // Whether a walk stopped at WALK_CAP with the page still short: more may match.
    let mut cut_short = false;
    'probes: for probe in probes(&search.query) {
        let Some((probe, long)) = rarest_first(conn, tenant_id, &probe).await? else { continue };
        for walk in walks(&probe) {
            // A walk goes again only when a contact came twice (two name words starting alike)
            // and the page is still short; each pass adds at least one contact or ends the walk.
            loop {
                let need = wanted - found.len();
                if need == 0 {
                    break 'probes;
                }
                let rows = run_probe(conn, tenant_id, &walk, &found, need).await?;
                let exhausted = rows.len() < need;
                for id in rows {
                    if !found.contains(&id) {
                        found.push(id);
                    }
                }
                if exhausted {
                    cut_short |= long && capped(&walk);
                    break;
                }
            }
        }
    }
    let summaries = find_many(conn, tenant_id, &found).await?.iter().map(|c| c.summary()).collect();
    let mut contacts = search.query.rank(summaries);
    let more = contacts.len() > search.limit || cut_short;
    contacts.truncate(search.limit);
    Ok(ContactList { contacts, more })
}

/// A realistic mix of what agents type (name prefixes of 2–6 letters, two words, a company, an
/// email and a domain start, a phone's last four digits, a whole number in two formats).
pub const TYPICAL_QUERIES: &[&str] = &[
    "da",
    "gonzal",
    "dana whit",
    "jones ba",
    "acme",
    "customer12@",
    "@example.n",
    "0100",
    "+14155550100",
    "(415) 555-0100",
];

/// Each statement a search for each of [`TYPICAL_QUERIES`] starts with (one per probe, nothing
/// excluded yet), named, with its parameters after the tenant's ($1): what `plans` explains.
pub fn typical_statements(limit: usize) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for q in TYPICAL_QUERIES {
        let Ok(query) = c360_wire::crm::SearchQuery::parse(q) else { continue };
        for walk in probes(&query).iter().flat_map(walks) {
            let (sql, params) = probe_sql(&walk, 0, limit + 1);
            let how = match (walk.prefix, walk.strict) {
                (false, _) => "term",
                (true, false) => "prefix",
                (true, true) => "longer words",
            };
            out.push((format!("search {q:?}: {:?} {how}", walk.kind), sql, params));
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
        for probe in probes(&query).iter().flat_map(walks) {
            let (sql, params) = probe_sql(&probe, 2, 11);
            assert!(!sql.contains("drop") && !sql.contains("gonz"), "{sql}");
            let count = sql.matches('$').count();
            assert_eq!(count, 1 + params.len() + 2, "{sql}");
        }
    }
}
