//! Early reads. A panel opened by link (`?tenantId=…&phoneNumber=…` or `&email=…`, its token in
//! the fragment or, after a reload, in session storage) can show nothing before three reads, one
//! after another: the tenant's settings, the identity match (native CRM), the customer's history.
//! `early.js`, inlined into index.html, sends them while the WebAssembly is still downloading and
//! compiling, so they are answered by the time the panel starts (docs/performance.md, issue 14).
//! It decides nothing: the panel's client takes an answer when it asks for the very same URL
//! ([`take`], from [`send`](super::request::send)); a read it guessed and the panel never asks for
//! costs one request. Embedded, the host hands the token over by message later: nothing is read
//! early. A departure from "the one HTTP client" for a measured reason, kept to what it must be.

use js_sys::{Map, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The early read of exactly `url` (absolute, as a request names it), taken: each is used once —
/// a retry or a later read asks the network — and after 10 s the script drops them and
/// `window.c360Early` itself, so none is stale and a later request costs one failed lookup.
/// While the script is still choosing reads that wait on others' answers (the history waits on
/// the match), this waits for it rather than ask the network for the same thing twice: a few
/// milliseconds, and only while the panel starts. `None` when there is none.
pub async fn take(url: &str) -> Option<Promise> {
    let early = Reflect::get(&js_sys::global(), &JsValue::from_str("c360Early")).ok().filter(JsValue::is_object)?;
    let reads: Map = Reflect::get(&early, &JsValue::from_str("reads")).ok()?.dyn_into().ok()?;
    let key = JsValue::from_str(url);
    if !reads.has(&key)
        && let Some(settled) =
            Reflect::get(&early, &JsValue::from_str("settled")).ok().and_then(|p| p.dyn_into::<Promise>().ok())
    {
        let _ = JsFuture::from(settled).await;
    }
    let answer = reads.get(&key);
    reads.delete(&key);
    answer.dyn_into().ok()
}

#[cfg(test)]
mod tests {
    //! `early.js` runs before the WebAssembly, so it cannot use the routes and query order the
    //! client's requests are built from; it writes them again. An answer is taken only for the very
    //! same URL, so a copy that drifts costs a wasted read on every load: these say which copy.
    use c360_wire::{Identity, InsightQuery, routes};

    const SCRIPT: &str = include_str!("early.js");

    /// A route template as the script writes it (its tenant id is `t`, already encoded).
    fn in_script(template: &str) -> String {
        format!("`{}", template.replace("{tenantId}", "${t}"))
    }

    #[test]
    fn the_script_reads_the_paths_the_client_asks_for() {
        for template in [routes::PANEL_CONFIG, routes::CRM_CONTACTS, routes::INTERACTIONS_INSIGHT] {
            assert!(SCRIPT.contains(&in_script(template)), "early.js no longer reads {template}");
        }
    }

    #[test]
    fn the_script_names_the_histories_parameters_in_the_clients_order() {
        // The matched contact's history: `{ contactId: …, crmId: 'native' }`, in that order.
        let contact = InsightQuery::for_identity(&Identity::Contact { contact_id: "c".into() });
        assert_eq!(contact.pairs(), [("contactId", "c"), ("crmId", "native")]);
        let at = |needle: &str| SCRIPT.find(needle).unwrap_or_else(|| panic!("early.js has no {needle}"));
        assert!(at("{ contactId: ") < at(", crmId: 'native' }"));
        // An identifier's history and match: the one parameter the link carries, under its name.
        for (identity, shorthand) in [
            (Identity::Phone { phone_number: "+1".into() }, "{ phoneNumber }"),
            (Identity::Email { email: "a@b.c".into() }, "{ email }"),
        ] {
            assert_eq!(InsightQuery::for_identity(&identity).pairs(), [identity.query_pair()]);
            assert!(SCRIPT.contains(shorthand), "early.js no longer sends {shorthand}");
        }
    }
}
