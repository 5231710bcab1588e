//! The identity-only limited profile, the customer header, the no-customer states and screen pop
//! off.

use c360_panel::api::{ApiClient, CrmSource};
use c360_panel::contact::{CustomerHeader, LimitedProfile};
use c360_panel::host::{Desk, InteractionType, Started};
use c360_panel::shell::ShownInteraction;
use c360_wire::{Identity, Interaction};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::crm_memory::MemoryCrm;
use crate::support::{container, published_example, texts, until};

fn phone() -> Identity {
    Identity::Phone { phone_number: "+442079460958".into() }
}

#[wasm_bindgen_test]
async fn limited_profile_reads_the_history_and_says_why_there_is_no_more() {
    let root = container();
    let interactions = RwSignal::new(Vec::<Interaction>::new());
    let loaded = RwSignal::new(None::<bool>);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <LimitedProfile identity=Signal::stored(phone()) interactions loaded/> }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=profile-counts]"), ["Loading…"]);
    assert!(texts(&root, "[data-testid=profile-first]").is_empty());

    interactions.set(published_example());
    loaded.set(Some(true));
    tick().await;
    assert_eq!(texts(&root, "[data-testid=profile-counts]"), ["1 email · 1 chat"]);
    let first = texts(&root, "[data-testid=profile-first]");
    let last = texts(&root, "[data-testid=profile-last]");
    assert!(first[0].contains("2024") && last[0].contains("2024"), "{first:?} {last:?}");
    let note = texts(&root, "[data-testid=identity-only-note]").join("");
    assert!(note.contains("no native CRM") && note.contains("this phone number alone"), "{note}");
    assert!(root.query_selector("button, input, a").unwrap().is_none(), "nothing to create or edit");

    interactions.set(Vec::new());
    tick().await;
    assert!(
        texts(&root, "[data-testid=profile-counts]").is_empty(),
        "with no history the history's own empty state says so, once"
    );
    assert_eq!(texts(&root, "[data-testid=identity-only-note]").len(), 1, "the why stays");
    loaded.set(Some(false));
    tick().await;
    assert_eq!(texts(&root, "[data-testid=profile-counts]"), ["Not available right now"]);
}

#[wasm_bindgen_test]
async fn the_header_groups_the_number_names_the_country_and_marks_the_end() {
    let root = container();
    let ended = RwSignal::new(false);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <CustomerHeader identity=Signal::stored(phone()) context=Signal::stored("Call · inbound".to_owned()) ended/> }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=customer-identity]"), ["+44 20 7946 0958"]);
    assert_eq!(texts(&root, "[data-testid=customer-region]"), ["United Kingdom"]);
    assert!(texts(&root, "[data-testid=interaction-ended]").is_empty());
    ended.set(true);
    tick().await;
    assert_eq!(texts(&root, "[data-testid=interaction-ended]"), ["■ Interaction ended"]);
}

fn start(id: &str, phone: Option<&str>, internal: bool) -> Started {
    Started {
        interaction_id: id.into(),
        interaction_type: InteractionType::Phone,
        inbound: true,
        queue_name: None,
        customer_phone: phone.map(str::to_owned),
        customer_email: None,
        routed: !internal,
        internal,
    }
}

#[wasm_bindgen_test]
async fn internal_and_unidentified_interactions_say_why_there_is_no_customer() {
    let root = container();
    let desk = RwSignal::new(Desk::default());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(ApiClient::new("", "demo", "token"));
        provide_context(CrmSource::new(MemoryCrm::new()));
        view! { <ShownInteraction desk limited=false/> }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=idle-notice] .notice-headline"), ["No customer yet"]);
    desk.update(|d| d.start(&start("i", Some("+14155550999"), true)));
    tick().await;
    assert_eq!(texts(&root, ".notice-headline"), ["No customer context for internal calls"]);
    desk.update(|d| d.start(&start("j", None, false)));
    tick().await;
    assert_eq!(texts(&root, ".notice-headline"), ["No customer details for this interaction"]);
}

#[wasm_bindgen_test]
async fn with_screen_pop_off_the_history_opens_when_the_agent_asks() {
    let root = container();
    let desk = RwSignal::new(Desk::default());
    desk.update(|d| {
        d.set_screen_pop(false);
    });
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(ApiClient::new("", "demo", "token"));
        provide_context(CrmSource::new(MemoryCrm::new()));
        view! { <ShownInteraction desk limited=false/> }
    });
    desk.update(|d| d.start(&start("a", Some("+14155550100"), false)));
    tick().await;
    assert_eq!(texts(&root, "[data-testid=customer-identity]"), ["+1 415 555 0100"], "who it is with, at once");
    assert_eq!(texts(&root, "[data-testid=screen-pop-off] .notice-headline"), ["Screen pop is off in this workspace"]);
    assert!(texts(&root, "[data-testid=history-status]").is_empty(), "no history is requested before the agent asks");

    let button: web_sys::HtmlElement =
        root.query_selector("[data-testid=show-history]").unwrap().unwrap().unchecked_into();
    assert_eq!(button.text_content().unwrap().trim(), "Show history");
    button.click();
    tick().await;
    assert!(texts(&root, "[data-testid=screen-pop-off]").is_empty());
    // Native CRM: the identity match first (nobody in this CRM), then the number's history.
    until("the history is on its way", || texts(&root, "[data-testid=history-status]").len() == 1).await;
    let focused = document().active_element().unwrap();
    assert!(
        focused.class_name().split_whitespace().any(|c| c == "customer-body"),
        "focus moves to where the history appears"
    );

    desk.update(|d| d.start(&start("b", Some("+14155550101"), false)));
    tick().await;
    assert_eq!(texts(&root, "[data-testid=screen-pop-off]").len(), 1, "the next interaction waits again");
    desk.update(|d| {
        d.focus("a");
    });
    tick().await;
    assert!(texts(&root, "[data-testid=screen-pop-off]").is_empty(), "switching back keeps it open");
}
