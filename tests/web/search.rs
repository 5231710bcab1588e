//! The contact SearchBox in headless Chromium, over the in-memory CRM: the combobox keyboard, the
//! marks, no match, a failure and its retry, and superseded searches aborted.

use std::sync::{Arc, Mutex};

use c360_panel::api::{ApiError, CrmSource};
use c360_panel::crm::search::SearchBox;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen_test::*;

use crate::crm_memory::{MemoryCrm, person};
use crate::support::{container, find, has, press, sleep, texts, type_into, until, value_of};

fn crm() -> MemoryCrm {
    MemoryCrm::new().with(&[
        person("Dana", "Whitfield", "Whitfield Bakery", &["+14155550100", "+14155550123"], &["dana@example.com"]),
        person("Sam", "Whitfield", "", &["+14155550123"], &[]),
        person("María", "González", "Acme", &[], &["maria.gonzalez@example.com"]),
    ])
}

/// Mounts a SearchBox over `crm`; answers the root and what it asked to open or create.
fn mount(crm: MemoryCrm) -> (web_sys::HtmlElement, Arc<Mutex<Vec<String>>>, impl Drop) {
    let root = container();
    let asked = Arc::new(Mutex::new(Vec::new()));
    let (opened, created) = (Arc::clone(&asked), Arc::clone(&asked));
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(CrmSource::new(crm));
        let on_open = Callback::new(move |id: String| opened.lock().unwrap().push(format!("open {id}")));
        let on_create = Callback::new(move |seed: String| created.lock().unwrap().push(format!("create {seed}")));
        view! { <SearchBox on_open on_create/> }
    });
    (root, asked, handle)
}

fn names(root: &web_sys::HtmlElement) -> Vec<String> {
    texts(root, "[data-testid=result-name]")
}

#[wasm_bindgen_test]
async fn arrows_home_end_and_enter_work_from_the_box_which_keeps_focus() {
    let (root, asked, _handle) = mount(crm());
    let input = find(&root, "[data-testid=search-input]");
    input.focus().unwrap();
    assert_eq!(input.get_attribute("role").as_deref(), Some("combobox"));
    assert_eq!(input.get_attribute("aria-expanded").as_deref(), Some("false"));
    let listbox = input.get_attribute("aria-controls").unwrap();
    assert!(has(&root, &format!("#{listbox}[role=listbox]")), "it controls the listbox");

    type_into(&input, "whit");
    until("both Whitfields are listed", || names(&root).len() == 2).await;
    assert_eq!(names(&root), ["Dana Whitfield", "Sam Whitfield"], "ranked, then by name");
    assert_eq!(input.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(texts(&root, "[data-testid=search-status]"), ["2 contacts found"]);

    let active = || {
        let id = input.get_attribute("aria-activedescendant")?;
        let option = find(&root, &format!("#{id}"));
        assert_eq!(option.get_attribute("aria-selected").as_deref(), Some("true"));
        Some(option.query_selector("[data-testid=result-name]").unwrap().unwrap().text_content().unwrap())
    };
    assert_eq!(active(), None);
    press(&input, "ArrowDown");
    tick().await;
    assert_eq!(active().as_deref(), Some("Dana Whitfield"));
    press(&input, "ArrowDown");
    tick().await;
    assert_eq!(active().as_deref(), Some("Sam Whitfield"));
    press(&input, "ArrowDown");
    tick().await;
    assert_eq!(active().as_deref(), Some("Dana Whitfield"), "wraps around");
    press(&input, "End");
    tick().await;
    assert_eq!(active().as_deref(), Some("Sam Whitfield"));
    press(&input, "Home");
    tick().await;
    assert_eq!(active().as_deref(), Some("Dana Whitfield"));
    press(&input, "ArrowUp");
    tick().await;
    assert_eq!(active().as_deref(), Some("Sam Whitfield"));
    assert_eq!(document().active_element().unwrap().id(), input.id(), "focus never left the box");

    press(&input, "Escape");

    tick().await;
    assert_eq!(input.get_attribute("aria-expanded").as_deref(), Some("false"), "Escape closes the list");
    assert_eq!(value_of(&input), "whit", "and keeps the text");
    press(&input, "ArrowDown");
    tick().await;
    assert_eq!(input.get_attribute("aria-expanded").as_deref(), Some("true"), "↓ opens it again");
    press(&input, "Enter");
    tick().await;
    let sam = crm_id_of(&asked.lock().unwrap(), 0);
    assert!(sam.starts_with("open c-"), "{sam}");
    assert_eq!(value_of(&input), "", "the box is cleared once a contact opens");
    assert_eq!(input.get_attribute("aria-expanded").as_deref(), Some("false"));
}

fn crm_id_of(asked: &[String], i: usize) -> String {
    asked.get(i).cloned().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_matched_parts_are_marked_and_markup_stays_text() {
    let crm = crm().with(&[person("<b>Eve</b>", "Whitfield", "<script>x</script>", &["+442079460001"], &[])]);
    let (root, _asked, _handle) = mount(crm);
    let input = find(&root, "[data-testid=search-input]");
    type_into(&input, "0123");
    until("the shared number lists two", || names(&root).len() == 2).await;
    assert_eq!(texts(&root, "[data-testid=result-detail]"), ["+1 415 555 0123", "+1 415 555 0123"]);
    assert_eq!(texts(&root, "[data-testid=result-detail] mark"), ["0123", "0123"]);

    type_into(&input, "gonz mar");
    until("María is listed", || names(&root) == ["María González"]).await;
    assert_eq!(texts(&root, "[data-testid=result-name] mark"), ["Mar", "Gonz"]);
    assert_eq!(texts(&root, "[data-testid=result-company]"), ["Acme"]);

    type_into(&input, "<b>eve");
    until("Eve is listed", || names(&root).len() == 1 && names(&root)[0].contains("Eve")).await;
    assert_eq!(names(&root), ["<b>Eve</b> Whitfield"], "shown as typed, as text");
    assert!(!has(&root, "b, script"), "no markup made it into the page");
}

#[wasm_bindgen_test]
async fn no_match_offers_a_new_contact_seeded_with_the_text() {
    let (root, asked, _handle) = mount(crm());
    let input = find(&root, "[data-testid=search-input]");
    type_into(&input, "w");
    sleep(300).await;
    assert!(!has(&root, "[data-testid=search-result]"), "one character searches nothing");
    type_into(&input, "Zoe Quinn");
    until("no match is said", || has(&root, "[data-testid=search-empty]")).await;
    assert_eq!(texts(&root, "[data-testid=search-empty] p"), ["No contacts match"]);
    assert_eq!(texts(&root, "[data-testid=search-status]"), ["No contacts match"]);
    find(&root, "[data-testid=search-create]").click();
    assert_eq!(*asked.lock().unwrap(), ["create Zoe Quinn"]);
}

#[wasm_bindgen_test]
async fn a_failed_search_says_so_and_try_again_asks_again() {
    let crm = crm();
    crm.fail_next(ApiError::Server { status: 503, detail: "down".into() });
    let (root, _asked, _handle) = mount(crm.clone());
    let input = find(&root, "[data-testid=search-input]");
    type_into(&input, "dana");
    until("the failure is said", || has(&root, "[data-testid=search-error]")).await;
    let sentence = texts(&root, "[data-testid=search-error] p").join("");
    assert!(sentence.starts_with("Could not load the search results."), "{sentence}");
    find(&root, "[data-testid=search-retry]").click();
    until("Dana is listed", || names(&root) == ["Dana Whitfield"]).await;
    assert!(!has(&root, "[data-testid=search-error]"));
    assert_eq!(crm.calls(), ["search dana", "search dana"]);
}

#[wasm_bindgen_test]
async fn typing_waits_for_a_pause_and_a_superseded_search_is_aborted() {
    let crm = crm();
    let (root, _asked, _handle) = mount(crm.clone());
    let input = find(&root, "[data-testid=search-input]");
    type_into(&input, "wh");
    type_into(&input, "whi");
    until("one search went out", || crm.calls().len() == 1).await;
    assert_eq!(crm.calls(), ["search whi"], "the keystrokes before the pause asked nothing");
    until("results", || names(&root).len() == 2).await;

    crm.slow(400);
    type_into(&input, "whitf");
    until("the next search went out", || crm.calls().len() == 2).await;
    assert_eq!(names(&root).len(), 2, "the last results stay while the next search runs");
    type_into(&input, "dana w");
    until("a third search went out", || crm.calls().len() == 3).await;
    assert!(crm.aborted("search whitf"), "the superseded search was aborted");
    until("Dana alone", || names(&root) == ["Dana Whitfield"]).await;
}
