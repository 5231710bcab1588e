//! Creating a contact in headless Chromium, over the in-memory CRM: pre-filled from the
//! interaction or the search, required fields marked, duplicates named while typing and on the
//! server's 409, one contact for a double click, and the draft kept.

use std::sync::{Arc, Mutex};

use c360_panel::api::{CrmSource, Versioned};
use c360_panel::contact::NewContactForm;
use c360_panel::contact::model::form::prefill;
use c360_panel::intl::AgentIntl;
use c360_wire::Identity;
use c360_wire::crm::NewContact;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen_test::*;

use crate::crm_memory::{MemoryCrm, person};
use crate::support::{container, find, has, sleep, texts, type_into, until, value_of};

type Asked = Arc<Mutex<Vec<String>>>;

fn crm() -> MemoryCrm {
    MemoryCrm::new().with(&[person("Dana", "Whitfield", "Whitfield Bakery", &["+14155550100"], &["dana@example.com"])])
}

fn caller() -> Identity {
    Identity::Phone { phone_number: "+14155550199".into() }
}

fn forget_drafts() {
    window().session_storage().unwrap().unwrap().clear().unwrap();
}

fn mount(crm: MemoryCrm, start: NewContact) -> (web_sys::HtmlElement, Asked, impl Drop) {
    let root = container();
    let asked: Asked = Arc::default();
    let (created, opened, cancelled) = (Arc::clone(&asked), Arc::clone(&asked), Arc::clone(&asked));
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(CrmSource::new(crm));
        provide_context(AgentIntl::new());
        let on_created = Callback::new(move |v: Versioned| {
            created.lock().unwrap().push(format!("created {}", v.contact.contact_id))
        });
        let on_open = Callback::new(move |id: String| opened.lock().unwrap().push(format!("open {id}")));
        let on_cancel = Callback::new(move |()| cancelled.lock().unwrap().push("cancel".to_owned()));
        view! { <NewContactForm start key="c360.draft.demo.new.int-1".to_owned() on_created on_open on_cancel/> }
    });
    (root, asked, handle)
}

fn input(root: &web_sys::HtmlElement, key: &str) -> web_sys::HtmlElement {
    find(root, &format!("[data-testid=input-{key}]"))
}

async fn form(root: &web_sys::HtmlElement) {
    until("the form shows", || has(root, "[data-testid=new-contact-form]")).await;
}

#[wasm_bindgen_test]
async fn the_form_starts_from_the_caller_and_marks_what_is_required() {
    forget_drafts();
    let crm = crm();
    let (root, asked, _handle) = mount(crm.clone(), prefill(Some(&caller()), "Zoe Quinn"));
    form(&root).await;
    assert_eq!(value_of(&input(&root, "phones-0")), "+14155550199", "the caller's number");
    assert_eq!(
        (value_of(&input(&root, "firstName")), value_of(&input(&root, "lastName"))),
        ("Zoe".into(), "Quinn".into())
    );
    for key in ["firstName", "lastName"] {
        assert_eq!(input(&root, key).get_attribute("aria-required").as_deref(), Some("true"), "{key}");
    }
    assert_eq!(input(&root, "company").get_attribute("aria-required"), None);
    assert_eq!(texts(&root, "label .required-mark").len(), 2, "the layout's two required names are marked");
    sleep(50).await;
    assert!(!has(&root, "[data-testid=duplicate]"), "nobody else has the caller's number");

    type_into(&input(&root, "company"), "Quinn & Co");
    find(&root, "[data-testid=create]").click();
    until("it is created", || !asked.lock().unwrap().is_empty()).await;
    assert_eq!(*asked.lock().unwrap(), ["created c-2"]);
    let zoe = crm.contact("c-2");
    assert_eq!((zoe.details.full_name(), zoe.details.company.as_str()), ("Zoe Quinn".to_owned(), "Quinn & Co"));
    assert_eq!(zoe.details.phones, ["+14155550199"]);
    assert_eq!(window().session_storage().unwrap().unwrap().length().unwrap(), 0, "no draft left behind");
}

#[wasm_bindgen_test]
async fn a_chat_starts_from_the_email_and_a_search_from_what_was_typed() {
    forget_drafts();
    let chat = Identity::Email { email: "zoe@example.com".into() };
    let (root, _asked, _handle) = mount(crm(), prefill(Some(&chat), "+44 20 7946 0001"));
    form(&root).await;
    assert_eq!(value_of(&input(&root, "emails-0")), "zoe@example.com");
    assert_eq!(value_of(&input(&root, "phones-0")), "+44 20 7946 0001");
    assert_eq!(value_of(&input(&root, "firstName")), "");
}

#[wasm_bindgen_test]
async fn typing_a_number_someone_has_names_them_and_offers_open_or_create_anyway() {
    forget_drafts();
    let crm = crm();
    let (root, asked, _handle) = mount(crm.clone(), prefill(None, "Sam Whitfield"));
    form(&root).await;
    type_into(&input(&root, "phones-0"), "+1 415 555 0100");
    until("the holder is named", || has(&root, "[data-testid=duplicate]")).await;
    assert_eq!(texts(&root, ".duplicate-sentence"), ["Dana Whitfield already has this number (Whitfield Bakery)"]);
    assert_eq!(texts(&root, "[data-testid=open-duplicate]"), ["Open Dana"]);
    assert!(crm.calls().contains(&"match +14155550100".to_owned()), "{:?}", crm.calls());

    find(&root, "[data-testid=create-anyway]").click();
    until("it is created", || !asked.lock().unwrap().is_empty()).await;
    assert_eq!(*asked.lock().unwrap(), ["created c-2"]);
    assert_eq!(crm.calls().last().unwrap(), "create Sam Whitfield anyway");
    assert_eq!(crm.contact("c-2").details.phones, ["+14155550100"], "two contacts share the household line now");
}

#[wasm_bindgen_test]
async fn the_server_s_duplicate_answer_reads_the_same_and_open_leads_there() {
    forget_drafts();
    // A national number cannot be checked while typing (the panel does not know the tenant's
    // country); the server reads it, and answers 409.
    let crm = crm().with_default_country("US");
    let (root, asked, _handle) = mount(crm.clone(), prefill(None, "Sam Whitfield"));
    form(&root).await;
    type_into(&input(&root, "phones-0"), "(415) 555-0100");
    sleep(500).await;
    assert!(!has(&root, "[data-testid=duplicate]"));
    find(&root, "[data-testid=create]").click();
    until("the 409 is shown", || has(&root, "[data-testid=duplicate]")).await;
    assert_eq!(texts(&root, ".duplicate-sentence"), ["Dana Whitfield already has this number (Whitfield Bakery)"]);
    assert_eq!(texts(&root, "[data-testid=form-note]"), ["Not created: another contact already has these details."]);
    find(&root, "[data-testid=open-duplicate]").click();
    assert_eq!(*asked.lock().unwrap(), ["open c-1"]);
}

#[wasm_bindgen_test]
async fn a_double_click_creates_one_contact() {
    forget_drafts();
    let crm = crm();
    crm.slow(200);
    let (root, asked, _handle) = mount(crm.clone(), prefill(Some(&caller()), "Zoe Quinn"));
    form(&root).await;
    let button = find(&root, "[data-testid=create]");
    button.click();
    tick().await;
    assert!(button.has_attribute("disabled"), "disabled while the create runs");
    assert_eq!(button.text_content().unwrap(), "Creating…");
    button.click();
    until("it is created", || !asked.lock().unwrap().is_empty()).await;
    sleep(300).await;
    assert_eq!(crm.calls().iter().filter(|c| c.starts_with("create")).count(), 1);
    assert_eq!(*asked.lock().unwrap(), ["created c-2"]);
}

#[wasm_bindgen_test]
async fn invalid_fields_are_marked_and_a_draft_survives_the_form_going_away() {
    forget_drafts();
    let crm = crm();
    let (root, asked, handle) = mount(crm.clone(), prefill(None, ""));
    form(&root).await;
    find(&root, "[data-testid=create]").click();
    until("errors show", || has(&root, "[data-testid=field-error]")).await;
    assert!(asked.lock().unwrap().is_empty(), "the server refused it: nothing created");
    tick().await;
    assert_eq!(
        texts(&root, "[data-testid=field-error]"),
        ["First name is required.", "Last name is required.", "A phone number or an email address is required."]
    );
    // The focus moves in the frame after the errors show (after the server's answer, now).
    let first = input(&root, "firstName").id();
    until("focus on the first invalid field", || document().active_element().unwrap().id() == first).await;
    assert_eq!(input(&root, "phones-0").get_attribute("aria-invalid").as_deref(), Some("true"));
    type_into(&input(&root, "firstName"), "Zoe");
    tick().await;
    drop(handle);

    let (root, _asked, _handle) = mount(crm.clone(), prefill(None, ""));
    form(&root).await;
    assert_eq!(value_of(&input(&root, "firstName")), "Zoe", "the draft came back");
    find(&root, "[data-testid=cancel]").click();
    assert_eq!(window().session_storage().unwrap().unwrap().length().unwrap(), 0);
    assert_eq!(crm.calls().iter().filter(|c| c.starts_with("create")).count(), 1, "the one the server refused");
}
