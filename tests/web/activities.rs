//! The "+" menu and its create forms in headless Chromium, over the in-memory CRM: the menu by
//! keyboard, a call log pre-filled from the interaction, the server's messages beside the fields
//! before anything is sent, one record for a double click and for a retry.

use std::sync::{Arc, Mutex};

use c360_panel::api::{ApiError, CrmSource};
use c360_panel::crm::activities::model::InteractionFacts;
use c360_panel::crm::activities::{ActivityForm, AddMenu};
use c360_panel::intl::AgentIntl;
use c360_wire::crm::ActivityType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::crm_memory::{MemoryCrm, person};
use crate::support::{container, find, has, press, texts, type_into, until, value_of};

fn active_text() -> String {
    document().active_element().and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_menu_opens_moves_and_closes_by_keyboard_and_focus_returns_to_its_button() {
    let root = container();
    let picked = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&picked);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let on_pick = Callback::new(move |k: Option<ActivityType>| record.lock().unwrap().push(k));
        view! { <AddMenu on_pick/> }
    });
    let button = find(&root, "[data-testid=add-menu-button]");
    let menu = find(&root, "[role=menu]");
    assert_eq!(button.get_attribute("aria-haspopup").as_deref(), Some("menu"));
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(menu.hidden());
    assert_eq!(
        texts(&root, "[role=menuitem]"),
        ["Log a Call", "Create Task", "Create Event", "Add Note", "Create Case", "New contact"]
    );

    button.focus().unwrap();
    press(&button, "ArrowDown");
    until("the first item has focus", || active_text() == "Log a Call").await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!menu.hidden());
    let focused = || document().active_element().unwrap().unchecked_into::<web_sys::HtmlElement>();
    press(&focused(), "ArrowUp");
    assert_eq!(active_text(), "New contact", "up from the first wraps to the last");
    press(&focused(), "Home");
    assert_eq!(active_text(), "Log a Call");
    press(&focused(), "End");
    press(&focused(), "ArrowDown");
    assert_eq!(active_text(), "Log a Call", "down from the last wraps to the first");
    press(&focused(), "Escape");
    until("the menu closes", || menu.hidden()).await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(document().active_element().unwrap().get_attribute("data-testid").as_deref(), Some("add-menu-button"));

    press(&button, "ArrowDown");
    until("the menu is open", || active_text() == "Log a Call").await;
    press(&focused(), "ArrowDown");
    press(&focused(), "Enter");
    assert_eq!(*picked.lock().unwrap(), [Some(ActivityType::Task)]);
    until("the menu closes", || menu.hidden()).await;
    assert_eq!(document().active_element().unwrap().get_attribute("data-testid").as_deref(), Some("add-menu-button"));
}

fn facts() -> InteractionFacts {
    InteractionFacts {
        id: "int-1".into(),
        inbound: true,
        channel: "call",
        phone: Some("+14155550100".into()),
        queue: Some("Billing Support".into()),
        started_ms: Some(js_sys::Date::now() as i64 - 185_000),
    }
}

pub type Done = Arc<Mutex<Vec<Option<String>>>>;

/// The form of `kind`, once its layouts are read.
pub async fn mount_form(
    crm: MemoryCrm,
    kind: ActivityType,
    facts: Option<InteractionFacts>,
) -> (web_sys::HtmlElement, Done, impl Drop) {
    let root = container();
    let done: Done = Arc::default();
    let record = Arc::clone(&done);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(CrmSource::new(crm));
        provide_context(AgentIntl::new());
        let on_done = Callback::new(move |said: Option<String>| record.lock().unwrap().push(said));
        view! { <ActivityForm kind contact_id="c-1".to_owned() facts on_done/> }
    });
    until("the form opens", || has(&root, "[data-testid=activity-form]")).await;
    (root, done, handle)
}

fn dana() -> MemoryCrm {
    MemoryCrm::new().with(&[person("Dana", "Whitfield", "", &["+14155550100"], &[])])
}

pub fn input(root: &web_sys::HtmlElement, key: &str) -> web_sys::HtmlElement {
    find(root, &format!("[data-testid=input-{key}]"))
}

#[wasm_bindgen_test]
async fn a_call_log_starts_from_the_interaction_and_a_double_click_saves_one_record() {
    let crm = dana();
    let (root, done, _handle) = mount_form(crm.clone(), ActivityType::Call, Some(facts())).await;
    until("the form is filled in", || !value_of(&input(&root, "subject")).is_empty()).await;
    assert_eq!(value_of(&input(&root, "subject")), "Inbound call — Billing Support");
    let duration: u32 = value_of(&input(&root, "call-durationSeconds")).parse().unwrap();
    assert!((185..190).contains(&duration), "{duration}");
    assert_eq!(value_of(&input(&root, "call-startedAt")).len(), 16, "a datetime-local value");
    assert_eq!(value_of(&input(&root, "description")), "Caller: +14155550100");
    let direction: web_sys::HtmlSelectElement = input(&root, "call-direction").unchecked_into();
    assert_eq!(direction.value(), "INBOUND");

    let save = find(&root, "[data-testid=activity-save]");
    save.click();
    save.click();
    until("the form is done", || !done.lock().unwrap().is_empty()).await;
    assert_eq!(*done.lock().unwrap(), [Some("“Inbound call — Billing Support” saved.".to_owned())]);
    let creates: Vec<_> = crm.calls().into_iter().filter(|c| c.starts_with("create call")).collect();
    assert_eq!(creates.len(), 1, "{creates:?}");
    let related = crm.activities(|a| a.related("c-1", Some("int-1")));
    assert_eq!(related.records.len(), 1);
    assert_eq!(related.records[0].relation.as_str(), "new", "made during the interaction");
}

#[wasm_bindgen_test]
async fn what_the_server_refuses_is_named_beside_its_fields_and_nothing_is_stored() {
    let crm = dana();
    let (root, done, _handle) = mount_form(crm.clone(), ActivityType::Task, None).await;
    find(&root, "[data-testid=activity-save]").click();
    until("the errors show", || has(&root, "[data-testid=field-error]")).await;
    assert_eq!(texts(&root, "[data-testid=field-error]"), ["Subject is required.", "Due is required."]);
    assert_eq!(input(&root, "task-dueAt").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(crm.activities(|a| a.get("a-1")).is_none(), "nothing stored");
    assert!(has(&root, "[data-testid=activity-form]"), "the form stays");

    type_into(&input(&root, "subject"), "Send the refund form");
    type_into(&input(&root, "task-dueAt"), "2026-03-02T17:00");
    find(&root, "[data-testid=activity-save]").click();
    until("the task is saved", || !done.lock().unwrap().is_empty()).await;
    let task = crm.activities(|a| a.get("a-1")).unwrap();
    assert_eq!(task.details.subject, "Send the refund form");
    assert_eq!(task.details.task.unwrap().due_at.format("%H:%M").to_string(), "17:00", "the agent's local time");
}

#[wasm_bindgen_test]
async fn a_failed_save_keeps_the_form_and_its_retry_reuses_the_key() {
    let crm = dana();
    let (root, done, _handle) = mount_form(crm.clone(), ActivityType::Note, None).await;
    type_into(&input(&root, "description"), "Prefers email after 5pm");
    crm.fail_next(ApiError::Network("offline".into()));
    find(&root, "[data-testid=activity-save]").click();
    until("the failure shows", || has(&root, "[data-testid=save-failure]")).await;
    assert_eq!(value_of(&input(&root, "description")), "Prefers email after 5pm", "nothing typed is lost");
    find(&root, "[data-testid=save-retry]").click();
    until("the note is saved", || !done.lock().unwrap().is_empty()).await;
    let keys: Vec<String> = crm
        .calls()
        .iter()
        .filter(|c| c.starts_with("create note"))
        .map(|c| c.rsplit('#').next().unwrap().to_owned())
        .collect();
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0], keys[1], "the retry sends the same Idempotency-Key");
    assert_eq!(crm.activities(|a| a.related("c-1", None)).records.len(), 1);
}

#[wasm_bindgen_test]
async fn an_activity_changed_after_a_failed_save_is_sent_with_a_new_key() {
    let crm = dana();
    let (root, done, _handle) = mount_form(crm.clone(), ActivityType::Note, None).await;
    type_into(&input(&root, "description"), "Prefers email");
    crm.fail_next(ApiError::Network("offline".into()));
    find(&root, "[data-testid=activity-save]").click();
    until("the failure shows", || has(&root, "[data-testid=save-failure]")).await;
    // The server refuses a key sent again with another body: a changed note is a new request.
    type_into(&input(&root, "description"), "Prefers email after 5pm");
    find(&root, "[data-testid=activity-save]").click();
    until("the note is saved", || !done.lock().unwrap().is_empty()).await;
    let keys: Vec<String> = crm
        .calls()
        .iter()
        .filter(|c| c.starts_with("create note"))
        .map(|c| c.rsplit('#').next().unwrap().to_owned())
        .collect();
    assert_eq!(keys.len(), 2);
    assert_ne!(keys[0], keys[1], "another activity, another Idempotency-Key");
}
