//! Related records in headless Chromium, over the in-memory CRM: relations read as words, chain
//! buttons only during a live interaction, link and unlink announced, an open task completed, a
//! stale one reloaded and said so, a failed change offered again.

use c360_panel::api::{ApiError, CrmSource};
use c360_panel::crm::related::RelatedRecords;
use c360_panel::intl::AgentIntl;
use c360_wire::crm::{ActivityType, NewActivity, TaskPart};
use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen_test::*;

use crate::crm_memory::{MemoryCrm, person};
use crate::support::{container, find, has, texts, until};

fn activity(kind: ActivityType, subject: &str, during: Option<&str>) -> serde_json::Value {
    serde_json::to_value(NewActivity {
        interaction_id: during.map(str::to_owned),
        subject: subject.into(),
        description: if kind == ActivityType::Note { subject.into() } else { String::new() },
        task: (kind == ActivityType::Task).then(|| TaskPart {
            due_at: "2026-03-02T17:00:00+01:00".parse().unwrap(),
            status: Default::default(),
            priority: Default::default(),
        }),
        ..NewActivity::about(kind.clone(), "c-1".into())
    })
    .unwrap()
}

/// Dana (c-1) with: a suggested note (a-1), a task from an earlier call linked to int-1 (a-2),
/// and a note made during int-1 (a-3).
fn crm() -> MemoryCrm {
    let crm = MemoryCrm::new().with(&[person("Dana", "Whitfield", "", &["+14155550100"], &[])]);
    crm.activities(|a| {
        a.create(&activity(ActivityType::Note, "Prefers email", None), None, true).unwrap();
        a.create(&activity(ActivityType::Task, "Send the refund form", Some("int-0")), None, true).unwrap();
        a.set_link("int-1", "a-2", true).unwrap();
        a.create(&activity(ActivityType::Note, "Asked about billing", Some("int-1")), None, true).unwrap();
    });
    crm
}

fn mount(crm: MemoryCrm, interaction: RwSignal<Option<String>>) -> (web_sys::HtmlElement, impl Drop) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(CrmSource::new(crm));
        provide_context(AgentIntl::new());
        view! { <RelatedRecords contact_id="c-1".to_owned() interaction/> }
    });
    (root, handle)
}

fn labels(root: &web_sys::HtmlElement, selector: &str, attribute: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| {
            let el: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(nodes.item(i).unwrap());
            el.get_attribute(attribute).unwrap_or_default()
        })
        .collect()
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    find(root, selector).click();
}

#[wasm_bindgen_test]
async fn relations_read_as_words_and_chain_buttons_show_only_during_an_interaction() {
    let interaction = RwSignal::new(Some("int-1".to_owned()));
    let (root, _handle) = mount(crm(), interaction);
    until("the list shows", || has(&root, "[data-testid=related-list]")).await;
    assert_eq!(texts(&root, "[data-testid=related-relation]"), ["New", "Linked", "Suggested"]);
    assert_eq!(
        texts(&root, "[data-testid=related-subject]"),
        ["Asked about billing", "Send the refund form", "Prefers email"]
    );
    assert_eq!(texts(&root, ".related-type"), ["Note", "Task", "Note"], "the type is written beside its icon");
    assert!(labels(&root, ".activity-icon", "aria-hidden").iter().all(|h| h == "true"));
    assert_eq!(texts(&root, "[data-testid=related-state]"), ["Open"]);
    assert_eq!(
        labels(&root, ".related-chain", "aria-label"),
        ["Unlink “Send the refund form” from this interaction", "Link “Prefers email” to this interaction"]
    );
    assert!(texts(&root, ".related-meta")[0].contains("E2E Agent"), "the author is shown");

    interaction.set(None);
    until("every record is suggested", || {
        texts(&root, "[data-testid=related-relation]") == ["Suggested", "Suggested", "Suggested"]
    })
    .await;
    assert!(!has(&root, ".related-chain"), "no interaction, nothing to link to");
}

#[wasm_bindgen_test]
async fn link_and_unlink_change_the_label_and_are_announced() {
    let crm = crm();
    let (root, _handle) = mount(crm.clone(), RwSignal::new(Some("int-1".to_owned())));
    until("the list shows", || has(&root, "[data-testid=related-link]")).await;
    click(&root, "[data-testid=related-link]");
    until("the note is linked", || texts(&root, "[data-testid=related-relation]") == ["New", "Linked", "Linked"]).await;
    let status = find(&root, "[data-testid=related-status]");
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(status.text_content().unwrap(), "“Prefers email” is linked to this interaction.");

    click(&root, "[aria-label=\"Unlink “Send the refund form” from this interaction\"]");
    until("the task is suggested", || texts(&root, "[data-testid=related-relation]") == ["New", "Suggested", "Linked"])
        .await;
    assert_eq!(status.text_content().unwrap(), "“Send the refund form” is no longer linked to this interaction.");
    assert!(crm.calls().iter().any(|c| c == "unlink a-2 int-1"), "{:?}", crm.calls());
}

#[wasm_bindgen_test]
async fn a_failed_link_reads_as_a_sentence_and_try_again_links_it() {
    let crm = crm();
    let (root, _handle) = mount(crm.clone(), RwSignal::new(Some("int-1".to_owned())));
    until("the list shows", || has(&root, "[data-testid=related-link]")).await;
    crm.fail_next(ApiError::Network("offline".into()));
    click(&root, "[data-testid=related-link]");
    until("the failure shows", || has(&root, "[data-testid=related-failed]")).await;
    assert_eq!(
        texts(&root, "[data-testid=related-failed] p"),
        ["Could not link “Prefers email”: the service cannot be reached (are you offline?)."]
    );
    click(&root, "[data-testid=related-retry]");
    until("the note is linked", || texts(&root, "[data-testid=related-relation]") == ["New", "Linked", "Linked"]).await;
    assert!(!has(&root, "[data-testid=related-failed]"));
}

#[wasm_bindgen_test]
async fn an_open_task_is_completed_and_a_stale_one_is_reloaded_and_said_so() {
    let crm = crm();
    let (root, _handle) = mount(crm.clone(), RwSignal::new(Some("int-1".to_owned())));
    until("the step shows", || has(&root, "[data-testid=related-step]")).await;
    let step = find(&root, "[data-testid=related-step]");
    assert_eq!(step.get_attribute("aria-label").as_deref(), Some("Mark done: Send the refund form"));

    crm.activities(|a| a.change_behind("a-2", &json!({"subject": "Send the refund form today"})));
    click(&root, "[data-testid=related-step]");
    until("the stale change is explained", || has(&root, "[data-testid=related-failed]")).await;
    let said = texts(&root, "[data-testid=related-failed] p").concat();
    assert!(
        said.starts_with("Someone else changed “Send the refund form” meanwhile") && said.contains("reloaded"),
        "{said}"
    );
    until("the list shows their change", || {
        texts(&root, "[data-testid=related-subject]").contains(&"Send the refund form today".to_owned())
    })
    .await;
    assert_eq!(crm.activities(|a| a.get("a-2").unwrap().details.task.unwrap().status.as_str().to_owned()), "open");

    click(&root, "[data-testid=related-retry]");
    until("the task is done", || texts(&root, "[data-testid=related-state]") == ["Done"]).await;
    assert!(!has(&root, "[data-testid=related-step]"), "a done task has no next step");
    assert_eq!(
        find(&root, "[data-testid=related-status]").text_content().unwrap(),
        "“Send the refund form today” is done."
    );
}

#[wasm_bindgen_test]
async fn details_show_a_record_in_the_chosen_layout_and_escape_closes_them() {
    let crm = crm();
    let interaction = RwSignal::new(Some("int-1".to_owned()));
    let (root, _handle) = mount(crm.clone(), interaction);
    until("the list shows", || has(&root, "[data-testid=related-list]")).await;
    assert!(!has(&root, "[data-testid=record-view]"), "closed at first");
    let task = root.query_selector_all("[data-testid=related-details]").unwrap().item(1).unwrap();
    let task: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(task);
    assert_eq!(task.get_attribute("aria-label").as_deref(), Some("Details of “Send the refund form”"));
    assert_eq!(task.get_attribute("aria-expanded").as_deref(), Some("false"));
    task.click();
    until("the record shows", || has(&root, "[data-testid=record-fields]")).await;
    assert_eq!(task.get_attribute("aria-expanded").as_deref(), Some("true"));
    let view = find(&root, "[data-testid=record-view]");
    assert_eq!(task.get_attribute("aria-controls"), Some(view.id()), "the button names what it opens");
    assert_eq!(texts(&view, "dt"), ["Subject", "Description", "Due", "Status", "Priority"]);
    let values = texts(&view, "dd");
    assert_eq!(values[0], "Send the refund form");
    assert_eq!(values[1], "Not set", "an empty field says so in words");
    assert!(values[2].contains("2026"), "a time in the agent's words: {}", values[2]);
    assert_eq!(&values[3..], ["Open", "Normal"]);
    assert!(has(&view, "[data-testid=layout-picker]"), "the record view has its layout picker");

    crate::support::press(&find(&view, "[data-testid=layout-picker]"), "Escape");
    until("Escape closes it", || !has(&root, "[data-testid=record-view]")).await;
    assert_eq!(task.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(document().active_element().map(|e| e.is_same_node(Some(&task))), Some(true), "focus back on Details");
}

#[wasm_bindgen_test]
async fn a_record_wrap_up_logged_says_auto_in_words() {
    let crm = crm();
    let wrap_up: c360_wire::crm::WrapUp = serde_json::from_value(json!({"contactId": "c-1", "mediaType": "VOICE",
        "direction": "INBOUND", "startedAt": "2026-03-01T09:00:00Z", "endedAt": "2026-03-01T09:05:00Z",
        "wrapUpCodes": ["resolved"]}))
    .unwrap();
    crm.activities(|a| a.wrap_up("int-1", &wrap_up, true)).unwrap();
    let (root, _handle) = mount(crm, RwSignal::new(Some("int-1".to_owned())));
    until("the list shows", || has(&root, "[data-testid=related-list]")).await;
    assert_eq!(texts(&root, "[data-testid=related-auto]"), ["Auto"], "only the wrap-up's record");
    let auto = find(&root, "[data-testid=related-auto]");
    assert_eq!(auto.get_attribute("title").as_deref(), Some("Logged automatically at wrap-up"));
}
