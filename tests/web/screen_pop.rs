//! Screen pop in a native-CRM tenant, in headless Chromium over the in-memory CRM: one match opens
//! the contact, several show a count badge and a picker, none offers "Create contact", and the
//! contact open for an interaction comes back with it.

use c360_panel::api::{ApiClient, CrmSource};
use c360_panel::crm::screen_pop::MatchCache;
use c360_panel::host::{Desk, InteractionType, Started};
use c360_panel::intl::AgentIntl;
use c360_panel::shell::ShownInteraction;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::crm_memory::{MemoryCrm, person};
use crate::support::{container, find, has, texts, type_into, until};

const LANDLINE: &str = "+14155550123";

fn crm() -> MemoryCrm {
    MemoryCrm::new().with(&[
        person("Dana", "Whitfield", "Whitfield Bakery", &["+14155550100", LANDLINE], &["dana@example.com"]),
        person("Sam", "Whitfield", "", &[LANDLINE], &["sam@example.com"]),
    ])
}

fn call(id: &str, phone: &str) -> Started {
    Started {
        interaction_id: id.into(),
        interaction_type: InteractionType::Phone,
        inbound: true,
        queue_name: None,
        customer_phone: Some(phone.into()),
        customer_email: None,
        routed: true,
        internal: false,
    }
}

/// The shown interaction of a native-CRM tenant with screen pop on, as SignedIn and App set it up.
fn mount(crm: MemoryCrm) -> (web_sys::HtmlElement, RwSignal<Desk>, impl Drop) {
    window().session_storage().unwrap().unwrap().clear().unwrap();
    let root = container();
    let desk = RwSignal::new(Desk::default());
    desk.update(|d| {
        d.set_screen_pop(true);
    });
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(AgentIntl::new());
        provide_context(MatchCache::new());
        provide_context(ApiClient::new("", "demo", "token"));
        provide_context(CrmSource::new(crm));
        view! { <ShownInteraction desk limited=false/> }
    });
    (root, desk, handle)
}

fn matches_asked(crm: &MemoryCrm) -> usize {
    crm.calls().iter().filter(|c| c.starts_with("match")).count()
}

#[wasm_bindgen_test]
async fn a_single_match_opens_its_card_above_the_contact_s_history() {
    let crm = crm();
    let (root, desk, _handle) = mount(crm.clone());
    desk.update(|d| d.start(&call("int-1", "+14155550100")));
    until("Dana's card", || texts(&root, "[data-testid=contact-name]") == ["Dana Whitfield"]).await;
    assert_eq!(texts(&root, "[data-testid=customer-identity]"), ["+1 415 555 0100"], "the caller, above");
    assert!(!has(&root, "[data-testid=match-badge]"), "one contact, no badge");
    assert_eq!(desk.with_untracked(|d| d.recorded_contact("int-1").map(str::to_owned)), Some("c-1".into()));
    assert!(has(&root, "[data-testid=history-status]"), "the contact's history below the card");
}

#[wasm_bindgen_test]
async fn the_header_keeps_the_open_contact_s_name_in_view_and_follows_a_rename() {
    let crm = crm();
    let (root, desk, _handle) = mount(crm.clone());
    desk.update(|d| d.start(&call("int-1", "+14155550100")));
    until("the name in the header", || texts(&root, "[data-testid=customer-name]") == ["Dana Whitfield"]).await;
    assert_eq!(texts(&root, "[data-testid=customer-identity]"), ["+1 415 555 0100"], "and the number under it");

    // Renamed in the card: the header says what the card now says.
    until("the card", || has(&root, "[data-testid=contact-edit]")).await;
    find(&root, "[data-testid=contact-edit]").click();
    until("the form shows", || has(&root, "[data-testid=contact-form]")).await;
    type_into(&find(&root, "[data-testid=input-firstName]"), "Danielle");
    find(&root, "[data-testid=save]").click();
    until("the new name in the header", || texts(&root, "[data-testid=customer-name]") == ["Danielle Whitfield"]).await;

    // A caller nobody holds: no name, only the number.
    desk.update(|d| d.start(&call("int-2", "+14155550999")));
    until("the new caller", || texts(&root, "[data-testid=customer-identity]") == ["+1 415 555 0999"]).await;
    until("no contact yet", || has(&root, "[data-testid=no-match]")).await;
    assert_eq!(texts(&root, "[data-testid=customer-name]"), [""], "no contact, no name");
}

#[wasm_bindgen_test]
async fn a_new_call_s_header_keeps_the_name_s_line_while_the_contact_loads() {
    let crm = crm();
    crm.slow(300);
    let (root, desk, _handle) = mount(crm.clone());
    desk.update(|d| d.start(&call("int-1", "+14155550100")));
    until("the caller", || texts(&root, "[data-testid=customer-identity]") == ["+1 415 555 0100"]).await;
    let header = || find(&root, ".customer-header").unchecked_into::<web_sys::HtmlElement>().offset_height();
    let waiting = header();
    assert_eq!(texts(&root, "[data-testid=customer-name]"), ["\u{a0}"], "the name's line is kept, blank");
    until("the name in the header", || texts(&root, "[data-testid=customer-name]") == ["Dana Whitfield"]).await;
    assert_eq!(header(), waiting, "the header did not grow when the name came: nothing below moved");
}

#[wasm_bindgen_test]
async fn several_matches_show_a_count_badge_and_a_picker_and_choosing_opens_one() {
    let crm = crm();
    let (root, desk, _handle) = mount(crm.clone());
    desk.update(|d| d.start(&call("int-1", LANDLINE)));
    until("the picker", || has(&root, "[data-testid=match-picker]")).await;
    assert_eq!(texts(&root, "[data-testid=match-badge]"), ["2 contacts share this number"]);
    assert_eq!(
        texts(&root, "[data-testid=match-option]"),
        ["Dana Whitfielddana@example.com · Whitfield Bakery", "Sam Whitfieldsam@example.com"]
    );
    assert_eq!(desk.with_untracked(|d| d.recorded_contact("int-1").map(str::to_owned)), None, "nobody until picked");
    assert!(has(&root, "[data-testid=history-status]"), "the number's history meanwhile");

    let sam: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(
        root.query_selector_all("[data-testid=match-option]").unwrap().item(1).unwrap(),
    );
    sam.click();
    until("Sam's card", || texts(&root, "[data-testid=contact-name]") == ["Sam Whitfield"]).await;
    assert!(!has(&root, "[data-testid=match-picker]"), "the picker closes");
    until("focus follows the pick", || document().active_element().is_some_and(|e| e.class_name() == "customer-body"))
        .await;
    assert_eq!(desk.with_untracked(|d| d.recorded_contact("int-1").map(str::to_owned)), Some("c-2".into()));

    // The badge stays, and brings the picker back to change one's mind.
    let badge = find(&root, "button[data-testid=match-badge]");
    assert_eq!(badge.get_attribute("aria-expanded").as_deref(), Some("false"));
    badge.click();
    tick().await;
    assert_eq!(badge.get_attribute("aria-expanded").as_deref(), Some("true"));
    let picker = badge.get_attribute("aria-controls").unwrap();
    assert!(has(&root, &format!("#{picker}")), "it controls the picker");
    assert_eq!(texts(&root, "[data-testid=match-option][aria-current=true] .match-option-name"), ["Sam Whitfield"]);

    // The next call from the same number is matched afresh: choosing did not re-link it.
    desk.update(|d| d.start(&call("int-2", LANDLINE)));
    until("a picker again", || has(&root, "[data-testid=match-picker]") && !has(&root, "[data-testid=contact-card]"))
        .await;
    assert_eq!(desk.with_untracked(|d| d.recorded_contact("int-2").map(str::to_owned)), None);
}

#[wasm_bindgen_test]
async fn the_open_contact_comes_back_with_its_interaction_without_asking_again() {
    let crm = crm();
    let (root, desk, _handle) = mount(crm.clone());
    desk.update(|d| d.start(&call("int-1", LANDLINE)));
    until("the picker", || has(&root, "[data-testid=match-option]")).await;
    let sam: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(
        root.query_selector_all("[data-testid=match-option]").unwrap().item(1).unwrap(),
    );
    sam.click();
    until("Sam's card", || texts(&root, "[data-testid=contact-name]") == ["Sam Whitfield"]).await;
    desk.update(|d| d.start(&call("int-2", "+14155550100")));
    until("Dana's card", || texts(&root, "[data-testid=contact-name]") == ["Dana Whitfield"]).await;
    let asked = matches_asked(&crm);

    desk.update(|d| {
        d.focus("int-1");
    });
    tick().await;
    assert!(!has(&root, "[data-testid=matching]"), "no lookup flash on the way back");
    until("Sam again", || texts(&root, "[data-testid=contact-name]") == ["Sam Whitfield"]).await;
    assert_eq!(texts(&root, "[data-testid=match-badge]"), ["2 contacts share this number"]);
    assert_eq!(matches_asked(&crm), asked, "the match was kept");
}

#[wasm_bindgen_test]
async fn nobody_with_the_number_shows_its_history_and_a_create_prompt_that_opens_the_new_contact() {
    let crm = crm();
    let (root, desk, _handle) = mount(crm.clone());
    desk.update(|d| d.start(&call("int-1", "+14155550199")));
    until("the prompt", || has(&root, "[data-testid=no-match]")).await;
    assert_eq!(texts(&root, "[data-testid=no-match] .notice-headline"), ["No contact has this number yet."]);
    assert!(has(&root, "[data-testid=history-status]"), "the number's history below");

    find(&root, "[data-testid=create-contact]").click();
    until("the form", || has(&root, "[data-testid=new-contact-form]")).await;
    let phone = find(&root, "[data-testid=input-phones-0]");
    assert_eq!(crate::support::value_of(&phone), "+14155550199", "pre-filled with the caller's number");
    type_into(&find(&root, "[data-testid=input-firstName]"), "Zoe");
    type_into(&find(&root, "[data-testid=input-lastName]"), "Quinn");
    find(&root, "[data-testid=create]").click();
    until("Zoe's card", || texts(&root, "[data-testid=contact-name]") == ["Zoe Quinn"]).await;
    assert_eq!(desk.with_untracked(|d| d.recorded_contact("int-1").map(str::to_owned)), Some("c-3".into()));
}

#[wasm_bindgen_test]
async fn with_no_interaction_a_contact_found_by_search_opens_on_its_own() {
    let crm = crm();
    let (root, desk, _handle) = mount(crm.clone());
    tick().await;
    assert!(has(&root, "[data-testid=idle-notice]"));
    desk.update(|d| {
        d.open_contact("c-2");
    });
    until("Sam's card", || texts(&root, "[data-testid=contact-name]") == ["Sam Whitfield"]).await;
    assert!(!has(&root, "[data-testid=idle-notice]"));
    desk.update(|d| {
        d.create_contact("Zoe Quinn");
    });
    until("the form", || has(&root, "[data-testid=new-contact-form]")).await;
    assert_eq!(crate::support::value_of(&find(&root, "[data-testid=input-lastName]")), "Quinn");
}

#[wasm_bindgen_test]
async fn with_screen_pop_off_a_contact_the_agent_opens_shows_at_once() {
    let crm = crm();
    let (root, desk, _handle) = mount(crm.clone());
    desk.update(|d| {
        d.set_screen_pop(false);
        d.start(&call("int-1", LANDLINE));
    });
    tick().await;
    assert!(has(&root, "[data-testid=screen-pop-off]"));
    assert_eq!(matches_asked(&crm), 0, "nothing looked up before the agent acts");
    desk.update(|d| {
        d.open_contact("c-2");
    });
    until("Sam's card", || texts(&root, "[data-testid=contact-name]") == ["Sam Whitfield"]).await;
    assert!(!has(&root, "[data-testid=screen-pop-off]"));
}
