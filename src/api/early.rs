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
/// a retry or a later read asks the network — and the script drops them all after 10 s, so none
/// is stale. While the script is still choosing reads that wait on others' answers (the history
/// waits on the match), this waits for it rather than ask the network for the same thing twice:
/// a few milliseconds, and only while the panel starts. `None` when there is none.
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
