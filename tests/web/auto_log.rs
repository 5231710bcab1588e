//! Auto log at wrap-up: an interaction is recorded against the contact open for it once its
//! wrap-up codes come, the agent reads where it went, a failure offers Retry (one record however
//! often it is sent), and internal calls are never sent.

use c360_panel::api::{ApiError, CrmSource};
use c360_panel::crm::auto_log;
use c360_panel::host::{Desk, InteractionType, Started};
use leptos::prelude::*;
use wasm_bindgen_test::*;

use crate::crm_memory::{MemoryCrm, person};
use crate::support::{container, find, has, sleep, texts, until};

fn call(id: &str, internal: bool) -> Started {
    Started {
        interaction_id: id.into(),
        interaction_type: InteractionType::Phone,
        inbound: true,
        queue_name: Some("Support".into()),
        customer_phone: Some("+14155550100".into()),
        customer_email: None,
        routed: true,
        internal,
    }
}

fn dana() -> MemoryCrm {
    MemoryCrm::new().with(&[person("Dana", "Whitfield", "", &["+14155550100"], &[])])
}

fn mount(crm: MemoryCrm, desk: RwSignal<Desk>) -> (web_sys::HtmlElement, impl Drop) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(CrmSource::new(crm));
        auto_log::watch(desk).status(|| "int-1".to_owned())
    });
    (root, handle)
}

fn wrap_ups(crm: &MemoryCrm) -> usize {
    crm.calls().iter().filter(|c| c.starts_with("wrap-up")).count()
}

fn said(root: &web_sys::HtmlElement) -> String {
    texts(root, "[data-testid=auto-log]").concat()
}

#[wasm_bindgen_test]
async fn the_call_is_logged_to_the_open_contact_when_its_codes_come_and_only_once() {
    let crm = dana();
    let desk = RwSignal::new(Desk::default());
    let (root, _handle) = mount(crm.clone(), desk);
    let now = js_sys::Date::now() as i64;
    desk.update(|d| {
        d.start(&call("int-1", false));
        d.started_at("int-1", now - 300_000);
        d.open_contact("c-1");
        d.queue_ended("int-1", now);
        d.end("int-1");
    });
    sleep(50).await;
    assert_eq!(wrap_ups(&crm), 0, "an ended call waits for its wrap-up codes");
    desk.update(|d| {
        d.queue_codes("int-1", vec!["sale".into()], now + 1_000);
    });
    until("it is logged", || said(&root) == "Logged to Dana Whitfield").await;
    assert_eq!(crm.activities(|a| a.wrapped_up()), ["int-1"]);
    let auto = crm.activities(|a| a.related("c-1", Some("int-1")));
    assert!(auto.records[0].activity.auto, "an auto record, New to the interaction");
    desk.update(|d| {
        d.queue_codes("int-1", vec!["sale".into()], now + 2_000);
    });
    sleep(50).await;
    assert_eq!(wrap_ups(&crm), 1, "the host repeating itself sends nothing more");
}

#[wasm_bindgen_test]
async fn a_failed_log_says_so_and_retry_records_it_once() {
    let crm = dana();
    crm.fail_next(ApiError::Network("the request did not complete".into()));
    let desk = RwSignal::new(Desk::default());
    let (root, _handle) = mount(crm.clone(), desk);
    desk.update(|d| {
        d.start(&call("int-1", false));
        d.open_contact("c-1");
        d.queue_codes("int-1", vec![], 1_000);
    });
    until("the failure shows", || has(&root, "[data-testid=auto-log-retry]")).await;
    assert_eq!(said(&root), "Not logged");
    find(&root, "[data-testid=auto-log-retry]").click();
    until("it is logged", || said(&root) == "Logged to Dana Whitfield").await;
    assert!(!has(&root, "[data-testid=auto-log-retry]"));
    assert_eq!(crm.activities(|a| a.wrapped_up()), ["int-1"]);
}

#[wasm_bindgen_test]
async fn internal_calls_and_calls_without_a_contact_send_nothing() {
    let crm = dana();
    let desk = RwSignal::new(Desk::default());
    let (root, _handle) = mount(crm.clone(), desk);
    desk.update(|d| {
        d.start(&call("int-0", true));
        d.queue_codes("int-0", vec![], 1_000);
        d.start(&call("int-1", false));
        d.queue_codes("int-1", vec![], 1_000);
    });
    until("it says why", || said(&root) == "Not logged: no contact was open for this interaction").await;
    assert_eq!(wrap_ups(&crm), 0);
}
