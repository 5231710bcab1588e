//! Timeline and error notice in headless Chromium.

use c360_panel::api::ApiError;
use c360_panel::components::{ErrorNotice, Timeline};
use c360_wire::Interaction;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::{container, published_example, texts};

#[wasm_bindgen_test]
async fn timeline_lists_interactions_newest_first_with_channel_direction_and_title() {
    let root = container();
    let interactions = published_example(); // oldest (email) first in the fixture
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <Timeline interactions=interactions/> });
    tick().await;

    assert_eq!(texts(&root, "[data-testid=row-title]"), ["Account upgrade request", "Billing inquiry"]);
    assert_eq!(texts(&root, "[data-testid=row-channel]"), ["Web chat", "Email"]);
    assert_eq!(texts(&root, "[data-testid=row-direction]"), ["Inbound", "Inbound"]);
    let times = texts(&root, "[data-testid=row-time]");
    assert!(times[0].contains("2024") && times[0].contains("Aug"), "local date-time shown: {times:?}");
    let row = root.query_selector("[data-testid=timeline-row]").unwrap().unwrap();
    assert!(row.text_content().unwrap().contains("1 h 00 min"), "duration shown");
}

#[wasm_bindgen_test]
async fn timeline_shows_unknown_channels_generically_and_falls_back_when_untitled() {
    let root = container();
    let interactions: Vec<Interaction> = serde_json::from_str(
        r#"[{"interactionId":"a","mediaType":"VIDEO_CALL","direction":"INBOUND","startedAt":1724400000000},
            {"interactionId":"b","mediaType":"PHONE","direction":"OUTBOUND","startedAt":1724300000000,"title":null}]"#,
    )
    .unwrap();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <Timeline interactions=interactions/> });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=row-channel]"), ["Video call", "Call"]);
    assert_eq!(texts(&root, "[data-testid=row-title]"), ["Inbound video call", "Outbound call"]);
}

#[wasm_bindgen_test]
async fn empty_timeline_says_there_is_no_history() {
    let root = container();
    let _handle =
        leptos::mount::mount_to(root.clone(), || view! { <Timeline interactions={Vec::<Interaction>::new()}/> });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=timeline-empty]"), ["No interactions in the last 12 months"]);
    assert!(root.query_selector("[data-testid=timeline-row]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn timeline_follows_its_signal() {
    let root = container();
    let (list, set_list) = signal(Vec::<Interaction>::new());
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <Timeline interactions=list/> });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=row-title]").len(), 0);
    set_list.set(published_example());
    tick().await;
    assert_eq!(texts(&root, "[data-testid=row-title]").len(), 2);
}

#[wasm_bindgen_test]
async fn expired_token_tells_the_agent_to_reopen_and_offers_no_retry() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! { <ErrorNotice error=ApiError::TokenExpired what="interaction history" on_retry=Callback::new(|()| {})/> }
    });
    tick().await;
    let text = texts(&root, "[data-testid=error-notice]").concat();
    assert!(text.contains("Your session has expired") && text.contains("Reopen the panel"), "{text}");
    assert!(root.query_selector("[data-testid=retry]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_server_failure_offers_a_retry_that_calls_back() {
    let root = container();
    let retried = RwSignal::new(0);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let error = ApiError::Server { status: 502, detail: "upstream".into() };
        view! { <ErrorNotice error what="interaction history" on_retry=Callback::new(move |()| retried.update(|n| *n += 1))/> }
    });
    tick().await;
    assert!(texts(&root, "[data-testid=error-notice]").concat().contains("Could not load the interaction history"));
    let button: web_sys::HtmlElement = root.query_selector("[data-testid=retry]").unwrap().unwrap().unchecked_into();
    button.click();
    assert_eq!(retried.get_untracked(), 1);
}
