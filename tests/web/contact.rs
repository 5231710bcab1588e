//! The native ContactCard in headless Chromium, over the in-memory CRM: the record in the tenant
//! layout's order, editing with only the changed fields sent, invalid fields marked, both kinds of
//! 412, a failed save kept, and a draft that survives the card going away.

use c360_panel::api::{ApiError, CrmSource};
use c360_panel::contact::ContactCard;
use c360_panel::intl::AgentIntl;
use c360_wire::crm::{FieldDefinition, Layout, NewContact};
use leptos::prelude::*;
use leptos::task::tick;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::crm_memory::{MemoryCrm, person};
use crate::support::{container, find, has, texts, type_into, until, value_of};

fn dana() -> NewContact {
    let mut dana = person("Dana", "Whitfield", "Whitfield Bakery", &["+14155550100"], &["dana@example.com"]);
    dana.title = "Owner".into();
    dana.address.city = "Springfield".into();
    dana.address.country = "US".into();
    dana.custom_fields.insert("loyaltyTier".into(), json!("gold"));
    dana
}

fn tenant_layout() -> Layout {
    serde_json::from_value(json!({"layoutId": "contact-desk", "name": "Desk", "recordType": "contact", "default": true,
    "fields": [
        {"field": "firstName", "label": "First name", "required": true},
        {"field": "lastName", "label": "Last name", "required": true},
        {"field": "company", "label": "Company", "required": true},
        {"field": "loyaltyTier", "label": "Loyalty tier"},
        {"field": "phones", "label": "Phone"},
        {"field": "emails", "label": "Email"},
        {"field": "title", "label": "Job title"},
        {"field": "address.city", "label": "City"},
        {"field": "address.country", "label": "Country"}
    ]}))
    .unwrap()
}

fn tiers() -> Vec<FieldDefinition> {
    serde_json::from_value(json!([
        {"field": "loyaltyTier", "label": "Loyalty tier", "type": "select", "options": ["silver", "gold"], "custom": true}
    ]))
    .unwrap()
}

fn crm() -> MemoryCrm {
    MemoryCrm::new().with_layout(tenant_layout()).with_custom_fields(tiers()).with(&[dana()])
}

fn forget_drafts() {
    window().session_storage().unwrap().unwrap().clear().unwrap();
}

fn mount(crm: MemoryCrm) -> (web_sys::HtmlElement, impl Drop) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(CrmSource::new(crm));
        provide_context(AgentIntl::new());
        view! { <ContactCard contact_id="c-1".to_owned()/> }
    });
    (root, handle)
}

async fn card(root: &web_sys::HtmlElement) {
    until("the card shows", || has(root, "[data-testid=contact-card]")).await;
}

async fn edit(root: &web_sys::HtmlElement) {
    find(root, "[data-testid=contact-edit]").click();
    until("the form shows", || has(root, "[data-testid=contact-form]")).await;
}

fn input(root: &web_sys::HtmlElement, key: &str) -> web_sys::HtmlElement {
    find(root, &format!("[data-testid=input-{key}]"))
}

fn field_values(root: &web_sys::HtmlElement) -> Vec<(String, String)> {
    let nodes = root.query_selector_all("[data-testid=contact-field]").unwrap();
    (0..nodes.length())
        .map(|i| {
            let el: web_sys::Element = nodes.item(i).unwrap().unchecked_into();
            let dt = el.query_selector("dt").unwrap().unwrap().text_content().unwrap();
            let dd = el.query_selector("dd").unwrap().unwrap().text_content().unwrap();
            (dt, dd)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_card_shows_the_record_in_the_tenant_layout_s_order() {
    forget_drafts();
    let crm = crm().with(&[person("<img src=x>", "Lee", "<b>Acme</b>", &["+442079460001"], &[])]);
    let (root, _handle) = mount(crm.clone());
    card(&root).await;
    assert_eq!(texts(&root, "[data-testid=contact-name]"), ["Dana Whitfield"]);
    let labels: Vec<String> = field_values(&root).into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["Company", "Loyalty tier", "Phone", "Email", "Job title", "Address"]);
    assert_eq!(texts(&root, "[data-testid=contact-phone]"), ["+1 415 555 0100"], "grouped for reading");
    assert_eq!(texts(&root, "[data-testid=contact-email]"), ["dana@example.com"]);
    let address = field_values(&root).pop().unwrap().1;
    assert_eq!(address, "SpringfieldUnited States");

    let link = find(&root, "[data-testid=open-in-crm]");
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://crm.example.com/contacts/c-1"));
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(link.get_attribute("aria-label").as_deref(), Some("Open Dana Whitfield in the CRM (new tab)"));
    assert_eq!(
        find(&root, "[data-testid=contact-edit]").get_attribute("aria-label").as_deref(),
        Some("Edit Dana Whitfield")
    );

    let time = texts(&root, "[data-testid=local-time]").join("");
    assert!(time.starts_with("Local time "), "{time}");
    assert!(time.contains("Eastern"), "the zone is named: {time}");
    assert!(time.contains("New York, one of several time zones in United States"), "{time}");

    find(&root, "[data-testid=copy]").click();
    until("the copy is announced", || !texts(&root, "[data-testid=contact-status]")[0].is_empty()).await;
    assert_eq!(texts(&root, "[data-testid=contact-status]"), ["Copied +1 415 555 0100"]);
    let pasted = wasm_bindgen_futures::JsFuture::from(window().navigator().clipboard().read_text()).await.unwrap();
    assert_eq!(pasted.as_string().as_deref(), Some("+14155550100"), "the number as stored, ready to dial");
}

#[wasm_bindgen_test]
async fn markup_in_any_field_is_shown_as_text() {
    forget_drafts();
    let crm =
        MemoryCrm::new().with(&[person("<img src=x onerror=alert(1)>", "Lee", "<b>Acme</b>", &["+442079460001"], &[])]);
    let (root, _handle) = mount(crm);
    card(&root).await;
    assert_eq!(texts(&root, "[data-testid=contact-name]"), ["<img src=x onerror=alert(1)> Lee"]);
    assert!(field_values(&root).contains(&("Company".to_owned(), "<b>Acme</b>".to_owned())));
    assert!(!has(&root, "img, b"));
    let time = texts(&root, "[data-testid=local-time]").join("");
    assert!(time.contains("from the phone number (United Kingdom)"), "{time}");
}

#[wasm_bindgen_test]
async fn save_sends_only_the_changed_fields_with_the_version_it_edited() {
    forget_drafts();
    let crm = crm();
    let (root, _handle) = mount(crm.clone());
    card(&root).await;
    edit(&root).await;
    tick().await;
    let first = input(&root, "firstName");
    assert_eq!(document().active_element().unwrap().id(), first.id(), "focus goes to the first field");
    let label = find(&root, &format!("label[for='{}']", first.id()));
    assert!(label.text_content().unwrap().starts_with("First name"), "inputs are labelled");
    assert_eq!(first.get_attribute("aria-required").as_deref(), Some("true"));
    assert_eq!(value_of(&input(&root, "company")), "Whitfield Bakery");
    assert!(has(&root, "select[data-testid=input-custom-loyaltyTier]"), "a select field is a select");

    type_into(&input(&root, "company"), "Whitfield & Sons");
    find(&root, "[data-testid=add-phone]").click();
    tick().await;
    type_into(&input(&root, "phones-1"), "+1 415 555 0199");
    find(&root, "[data-testid=save]").click();
    card(&root).await;
    assert_eq!(
        crm.calls().last().unwrap(),
        r#"update c-1 {"company":"Whitfield & Sons","phones":["+14155550100","+1 415 555 0199"]} @1"#
    );
    assert_eq!(texts(&root, "[data-testid=contact-phone]"), ["+1 415 555 0100", "+1 415 555 0199"], "as stored");
    assert!(field_values(&root).contains(&("Company".to_owned(), "Whitfield & Sons".to_owned())));
    assert_eq!(texts(&root, "[data-testid=contact-status]"), ["Saved."]);
    assert_eq!(crm.contact("c-1").version, 2);
    assert!(window().session_storage().unwrap().unwrap().length().unwrap() == 0, "the draft is gone once saved");
}

#[wasm_bindgen_test]
async fn invalid_fields_are_marked_with_the_reason_and_focus_goes_to_the_first() {
    forget_drafts();
    let crm = crm();
    let (root, _handle) = mount(crm.clone());
    card(&root).await;
    edit(&root).await;
    type_into(&input(&root, "lastName"), "  ");
    type_into(&input(&root, "emails-0"), "dana at example");
    find(&root, "[data-testid=save]").click();
    until("errors show", || has(&root, "[data-testid=field-error]")).await;
    tick().await;
    assert_eq!(crm.contact("c-1").version, 1, "the server refused it: nothing was saved");
    let last = input(&root, "lastName");
    assert_eq!(last.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = last.get_attribute("aria-describedby").unwrap();
    assert_eq!(find(&root, &format!("#{described}")).text_content().unwrap(), "Last name is required.");
    let email = input(&root, "emails-0");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        find(&root, &format!("#{}", email.get_attribute("aria-describedby").unwrap())).text_content().unwrap(),
        "“dana at example” is not an email address."
    );
    // The focus moves in the frame after the errors show (after the server's answer, now).
    until("focus on the first invalid field", || document().active_element().unwrap().id() == last.id()).await;
    assert_eq!(value_of(&email), "dana at example", "what was typed stays");
    assert!(texts(&root, "[data-testid=form-note]")[0].starts_with("Not saved: 2 fields to fix"));

    // What only the server can judge comes back on the very row: a national number it cannot read.
    type_into(&input(&root, "lastName"), "Whitfield");
    type_into(&input(&root, "emails-0"), "dana@example.com");
    find(&root, "[data-testid=add-phone]").click();
    tick().await;
    type_into(&input(&root, "phones-1"), "555-0100");
    find(&root, "[data-testid=save]").click();
    until("the server's error shows", || input(&root, "phones-1").get_attribute("aria-invalid").is_some()).await;
    assert!(crm.calls().last().unwrap().starts_with("update c-1"), "sent: the panel cannot read national numbers");
    assert!(texts(&root, "[data-testid=field-error]")[0].contains("555-0100"));
    assert_eq!(input(&root, "phones-0").get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn a_number_typed_without_its_country_code_is_read_by_the_server() {
    forget_drafts();
    let crm = crm().with_default_country("US");
    let (root, _handle) = mount(crm.clone());
    card(&root).await;
    edit(&root).await;
    find(&root, "[data-testid=add-phone]").click();
    tick().await;
    type_into(&input(&root, "phones-1"), "(415) 555-0101");
    find(&root, "[data-testid=save]").click();
    card(&root).await;
    assert_eq!(crm.contact("c-1").details.phones, ["+14155550100", "+14155550101"], "with the tenant's country");
    assert_eq!(texts(&root, "[data-testid=contact-phone]"), ["+1 415 555 0100", "+1 415 555 0101"]);
}

#[wasm_bindgen_test]
async fn another_agent_s_change_to_other_fields_is_merged_by_itself() {
    forget_drafts();
    let crm = crm();
    let (root, _handle) = mount(crm.clone());
    card(&root).await;
    edit(&root).await;
    find(&root, "[data-testid=add-phone]").click();
    tick().await;
    type_into(&input(&root, "phones-1"), "+14155550199");
    crm.change_behind("c-1", json!({"company": "Whitfield Bakery & Café"}));
    find(&root, "[data-testid=save]").click();
    card(&root).await;
    let calls = crm.calls();
    assert_eq!(calls[calls.len() - 2], r#"update c-1 {"phones":["+14155550100","+14155550199"]} @1"#);
    assert_eq!(
        calls[calls.len() - 1],
        r#"update c-1 {"phones":["+14155550100","+14155550199"]} @2"#,
        "again, on theirs"
    );
    assert!(field_values(&root).contains(&("Company".to_owned(), "Whitfield Bakery & Café".to_owned())), "theirs kept");
    assert_eq!(texts(&root, "[data-testid=contact-phone]").len(), 2, "mine applied");
    let said = texts(&root, "[data-testid=contact-status]").join("");
    assert!(
        said.contains("Sam Rivera changed this contact while you were editing; your changes to Phone were applied"),
        "{said}"
    );
}

#[wasm_bindgen_test]
async fn the_same_field_changed_by_both_shows_theirs_beside_yours_to_choose() {
    forget_drafts();
    let crm = crm();
    let (root, _handle) = mount(crm.clone());
    card(&root).await;
    edit(&root).await;
    type_into(&input(&root, "company"), "Whitfield & Sons");
    type_into(&input(&root, "title"), "Founder");
    crm.change_behind("c-1", json!({"company": "Whitfield Bakery & Café"}));
    find(&root, "[data-testid=save]").click();
    until("the conflict shows", || has(&root, "[data-testid=conflict]")).await;
    assert_eq!(texts(&root, "[data-testid=conflict] .conflict-field"), ["Company"]);
    assert_eq!(texts(&root, "[data-testid=conflict-mine]"), ["Whitfield & Sons"]);
    assert_eq!(texts(&root, "[data-testid=conflict-theirs]"), ["Whitfield Bakery & Café"]);
    assert!(texts(&root, "[data-testid=conflicts]")[0].contains("Sam Rivera saved a change to the same field"));
    assert!(find(&root, "[data-testid=save]").has_attribute("disabled"), "nothing saves until the agent chooses");

    find(&root, "[data-testid=keep-mine]").click();
    tick().await;
    assert!(!has(&root, "[data-testid=conflict]"));
    assert_eq!(value_of(&input(&root, "company")), "Whitfield & Sons");
    assert_eq!(value_of(&input(&root, "title")), "Founder", "the other change is still there");
    find(&root, "[data-testid=save]").click();
    card(&root).await;
    assert_eq!(crm.calls().last().unwrap(), r#"update c-1 {"company":"Whitfield & Sons","title":"Founder"} @2"#);
    assert_eq!(crm.contact("c-1").details.company, "Whitfield & Sons");
}

#[wasm_bindgen_test]
async fn a_failed_save_keeps_the_form_and_try_again_saves() {
    forget_drafts();
    let crm = crm();
    let (root, _handle) = mount(crm.clone());
    card(&root).await;
    edit(&root).await;
    type_into(&input(&root, "company"), "Whitfield & Sons");
    crm.fail_next(ApiError::Network("offline".into()));
    find(&root, "[data-testid=save]").click();
    until("the failure shows", || has(&root, "[data-testid=save-failure]")).await;
    assert_eq!(
        texts(&root, "[data-testid=save-failure] p"),
        ["Not saved: the service cannot be reached (are you offline?). Your changes are still here."]
    );
    assert_eq!(value_of(&input(&root, "company")), "Whitfield & Sons");
    find(&root, "[data-testid=save-retry]").click();
    card(&root).await;
    assert_eq!(crm.contact("c-1").details.company, "Whitfield & Sons");
}

#[wasm_bindgen_test]
async fn an_unsaved_edit_comes_back_when_the_card_returns_and_cancel_drops_it() {
    forget_drafts();
    let crm = crm();
    let (root, handle) = mount(crm.clone());
    card(&root).await;
    edit(&root).await;
    type_into(&input(&root, "company"), "Whitfield & Sons");
    tick().await;
    drop(handle); // a reload, a new token, another interaction: the card goes away

    let (root, _handle) = mount(crm.clone());
    until("the form comes back", || has(&root, "[data-testid=contact-form]")).await;
    assert_eq!(value_of(&input(&root, "company")), "Whitfield & Sons", "nothing typed is lost");
    find(&root, "[data-testid=cancel]").click();
    card(&root).await;
    assert!(field_values(&root).contains(&("Company".to_owned(), "Whitfield Bakery".to_owned())));
    assert_eq!(window().session_storage().unwrap().unwrap().length().unwrap(), 0, "cancel drops the draft");
    assert!(!crm.calls().iter().any(|c| c.starts_with("update")));
}
