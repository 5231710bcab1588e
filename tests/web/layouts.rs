//! The LayoutPicker in headless Chromium, over the in-memory CRM: a create form lists the tenant's
//! layouts of its record type with the default chosen, switching shows the other layout's fields
//! (custom ones by their type) and keeps what was typed in the hidden ones without sending it,
//! the server is told which layout the form showed, and the choice holds for the next form of
//! that type this session.

use std::sync::{Arc, Mutex};

use c360_panel::api::{CrmSource, Versioned};
use c360_panel::contact::NewContactForm;
use c360_panel::contact::model::form::prefill;
use c360_panel::intl::AgentIntl;
use c360_wire::crm::{ActivityType, FieldDefinition, Layout, RecordType};
use leptos::prelude::*;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::activities::{Done, input, mount_form};
use crate::crm_memory::{MemoryCrm, person};
use crate::support::{container, find, has, texts, type_into, until, value_of};

fn forget_choices() {
    window().session_storage().unwrap().unwrap().clear().unwrap();
}

fn layout(id: &str, name: &str, record_type: &str, default: bool, fields: &[(&str, &str, bool)]) -> Layout {
    let fields: Vec<Value> = fields
        .iter()
        .map(
            |(field, label, required)| json!({"field": field, "label": label, "required": required, "readOnly": false}),
        )
        .collect();
    serde_json::from_value(json!({"layoutId": id, "name": name, "recordType": record_type, "default": default,
        "fields": fields}))
    .unwrap()
}

/// Dana, two task layouts (Full with two custom fields, the default; Quick) and their fields.
fn crm() -> MemoryCrm {
    let custom: Vec<FieldDefinition> = serde_json::from_value(json!([
        {"field": "visits", "label": "Visits", "type": "number", "custom": true},
        {"field": "tier", "label": "Tier", "type": "select", "options": ["gold", "silver"], "custom": true}]))
    .unwrap();
    MemoryCrm::new()
        .with(&[person("Dana", "Whitfield", "", &["+14155550100"], &[])])
        .with_layout(layout(
            "task-quick",
            "Quick",
            "task",
            false,
            &[("subject", "What", true), ("task.dueAt", "When", true)],
        ))
        .with_layout(layout(
            "task-full",
            "Full",
            "task",
            true,
            &[
                ("subject", "Subject", true),
                ("task.dueAt", "Due", true),
                ("visits", "Visits", false),
                ("tier", "Tier", false),
            ],
        ))
        .with_fields_of(RecordType::Task, custom)
}

async fn mount_task(crm: MemoryCrm) -> (web_sys::HtmlElement, Done, impl Drop) {
    mount_form(crm, ActivityType::Task, None).await
}

fn picker(root: &web_sys::HtmlElement) -> web_sys::HtmlSelectElement {
    find(root, "[data-testid=layout-picker]").unchecked_into()
}

fn labels(root: &web_sys::HtmlElement) -> Vec<String> {
    texts(root, ".form-field > label").into_iter().map(|l| l.trim_end_matches(" *").to_owned()).collect()
}

#[wasm_bindgen_test]
async fn a_task_form_switches_layout_keeps_what_was_typed_and_sends_only_what_it_shows() {
    forget_choices();
    let crm = crm();
    let (root, done, handle) = mount_task(crm.clone()).await;
    until("the form shows", || has(&root, "[data-testid=layout-picker]")).await;
    assert_eq!(texts(&root, "[data-testid=layout-picker] option"), ["Quick", "Full"]);
    assert_eq!(picker(&root).value(), "task-full", "the tenant's default is chosen");
    assert_eq!(labels(&root), ["Subject", "Due", "Visits", "Tier", "Layout"]);
    assert_eq!(input(&root, "custom-visits").get_attribute("type").as_deref(), Some("number"));
    assert_eq!(texts(&root, "[data-testid=input-custom-tier] option"), ["—", "Gold", "Silver"]);
    let label = find(&root, "label[for$=-layout]");
    assert_eq!(label.text_content().as_deref(), Some("Layout"), "the picker is labelled");

    type_into(&input(&root, "subject"), "Call back");
    type_into(&input(&root, "task-dueAt"), "2026-03-02T17:00");
    type_into(&input(&root, "custom-visits"), "3");
    type_into(&picker(&root).unchecked_into(), "task-quick");
    until("the quick layout shows", || !has(&root, "[data-testid=input-custom-visits]")).await;
    assert_eq!(labels(&root), ["What", "When", "Layout"]);
    assert_eq!(value_of(&input(&root, "subject")), "Call back", "a field both layouts show keeps its value");
    type_into(&picker(&root).unchecked_into(), "task-full");
    until("the full layout is back", || has(&root, "[data-testid=input-custom-visits]")).await;
    assert_eq!(value_of(&input(&root, "custom-visits")), "3", "a hidden value is kept");
    type_into(&picker(&root).unchecked_into(), "task-quick");
    until("the quick layout shows", || !has(&root, "[data-testid=input-custom-visits]")).await;

    find(&root, "[data-testid=activity-save]").click();
    until("the task is saved", || !done.lock().unwrap().is_empty()).await;
    let created = crm.calls().into_iter().find(|c| c.starts_with("create task")).unwrap();
    assert!(created.ends_with(" in task-quick"), "the server is told the layout: {created}");
    let task = crm.activities(|a| a.get("a-1")).unwrap();
    assert!(task.details.custom_fields.is_empty(), "the hidden value was not sent: {:?}", task.details.custom_fields);
    drop(handle);

    let (root, _done, _handle) = mount_task(crm.clone()).await;
    until("the next form shows", || has(&root, "[data-testid=layout-picker]")).await;
    assert_eq!(picker(&root).value(), "task-quick", "the choice holds for the next task this session");
    assert_eq!(labels(&root), ["What", "When", "Layout"]);
    forget_choices();
}

#[wasm_bindgen_test]
async fn a_custom_choice_is_stored_as_chosen() {
    forget_choices();
    let crm = crm();
    let (root, done, _handle) = mount_task(crm.clone()).await;
    until("the form shows", || has(&root, "[data-testid=layout-picker]")).await;
    type_into(&input(&root, "subject"), "Call back");
    type_into(&input(&root, "task-dueAt"), "2026-03-02T17:00");
    type_into(&input(&root, "custom-tier"), "gold");
    find(&root, "[data-testid=activity-save]").click();
    until("the task is saved", || !done.lock().unwrap().is_empty()).await;
    let task = crm.activities(|a| a.get("a-1")).unwrap();
    assert_eq!(task.details.custom_fields.get("tier"), Some(&json!("gold")), "a custom choice is stored");
}

type Asked = Arc<Mutex<Vec<String>>>;

fn mount_contact(crm: MemoryCrm) -> (web_sys::HtmlElement, Asked, impl Drop) {
    let root = container();
    let asked: Asked = Arc::default();
    let created = Arc::clone(&asked);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(CrmSource::new(crm));
        provide_context(AgentIntl::new());
        let on_created = Callback::new(move |v: Versioned| {
            created.lock().unwrap().push(format!("created {}", v.contact.contact_id))
        });
        let (on_open, on_cancel) = (Callback::new(|_: String| {}), Callback::new(|()| {}));
        view! { <NewContactForm start=prefill(None, "") key="c360.draft.demo.new.layouts".to_owned() on_created on_open on_cancel/> }
    });
    (root, asked, handle)
}

#[wasm_bindgen_test]
async fn a_contact_in_the_quick_layout_needs_only_what_it_shows() {
    forget_choices();
    let crm = MemoryCrm::new()
        .with_layout(layout(
            "contact-full",
            "Full",
            "contact",
            true,
            &[
                ("firstName", "First name", true),
                ("lastName", "Last name", true),
                ("company", "Company", false),
                ("phones", "Phone", false),
            ],
        ))
        .with_layout(layout(
            "contact-quick",
            "Quick",
            "contact",
            false,
            &[("firstName", "First name", true), ("phones", "Phone", false)],
        ));
    let (root, asked, _handle) = mount_contact(crm.clone());
    until("the form shows", || has(&root, "[data-testid=layout-picker]")).await;
    assert_eq!(picker(&root).value(), "contact-full");
    type_into(&input(&root, "firstName"), "Zoe");
    type_into(&input(&root, "company"), "Quinn Books");
    type_into(&input(&root, "phones-0"), "+14155550123");
    type_into(&picker(&root).unchecked_into(), "contact-quick");
    until("the quick layout shows", || !has(&root, "[data-testid=input-lastName]")).await;
    assert_eq!(value_of(&input(&root, "firstName")), "Zoe");
    find(&root, "[data-testid=create]").click();
    until("it is created", || !asked.lock().unwrap().is_empty()).await;
    let created = crm.calls().into_iter().find(|c| c.starts_with("create")).unwrap();
    assert_eq!(created, "create Zoe in contact-quick", "no last name needed, no company sent");
    let contact = crm.contact("c-1");
    assert_eq!((contact.details.company.as_str(), contact.details.phones.len()), ("", 1));
    forget_choices();
}
