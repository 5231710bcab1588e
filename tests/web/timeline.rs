//! Timeline and error notice in headless Chromium.

use c360_panel::api::ApiError;
use c360_panel::history::model::TimelineFilter;
use c360_panel::history::{ListedIds, SummaryStore, Timeline, TimelineFilters};
use c360_panel::ui::ErrorNotice;
use c360_wire::{Interaction, TranscriptSummariesResponse};
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
    let headings = texts(&root, "[data-testid=day-heading]");
    assert_eq!(headings.len(), 2, "one heading per day: {headings:?}");
    assert!(headings.iter().all(|h| h.contains("2024") && h.contains("Aug")), "dates of another year: {headings:?}");
    assert_eq!(texts(&root, "[data-testid=row-time]").len(), 2);
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
        let on_retry = Callback::new(move |()| retried.update(|n| *n += 1));
        view! { <section data-testid="history"><ErrorNotice error what="interaction history" on_retry/></section> }
    });
    tick().await;
    assert!(texts(&root, "[data-testid=error-notice]").concat().contains("Could not load the interaction history"));
    let button: web_sys::HtmlElement = root.query_selector("[data-testid=retry]").unwrap().unwrap().unchecked_into();
    button.focus().unwrap();
    button.click();
    assert_eq!(retried.get_untracked(), 1);
    let focused = document().active_element().and_then(|e| e.get_attribute("data-testid"));
    assert_eq!(focused.as_deref(), Some("history"), "the focus waits on the section, not on <body>");
}

fn at(ms: i64, id: &str, media: &str) -> serde_json::Value {
    serde_json::json!({"interactionId": id, "mediaType": media, "direction": "INBOUND", "startedAt": ms, "title": id})
}

#[wasm_bindgen_test]
async fn rows_sit_under_today_yesterday_weekday_and_date_headings() {
    use chrono::{Datelike, Duration, Local, TimeZone};
    let root = container();
    let today = Local::now().date_naive();
    let local_ms = |days_ago: i64, hour: u32| {
        let day = today - Duration::days(days_ago);
        Local.from_local_datetime(&day.and_hms_opt(hour, 0, 0).unwrap()).earliest().unwrap().timestamp_millis()
    };
    let list: Vec<Interaction> = serde_json::from_value(serde_json::json!([
        at(local_ms(0, 0), "a", "PHONE"),
        at(local_ms(1, 12), "b", "EMAIL"),
        at(local_ms(1, 9), "c", "PHONE"),
        at(local_ms(3, 12), "d", "PHONE"),
        at(local_ms(400, 12), "e", "PHONE"),
    ]))
    .unwrap();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <Timeline interactions=list/> });
    tick().await;
    let headings = texts(&root, "[data-testid=day-heading]");
    assert_eq!(headings.len(), 4, "two interactions of yesterday share a heading: {headings:?}");
    assert_eq!(&headings[..2], ["Today", "Yesterday"]);
    let weekday = (today - Duration::days(3)).weekday();
    let long_names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    assert_eq!(headings[2], long_names[weekday.num_days_from_monday() as usize]);
    let old_year = (today - Duration::days(400)).year().to_string();
    assert!(headings[3].contains(&old_year), "an older date carries its year: {}", headings[3]);
}

/// A scripted summaries endpoint: records each batch asked for and answers from a closure.
fn scripted_store(
    calls: RwSignal<Vec<Vec<String>>>,
    answer: impl Fn(&[String], usize) -> TranscriptSummariesResponse + 'static,
) -> SummaryStore {
    let answer = std::rc::Rc::new(answer);
    SummaryStore::new(std::rc::Rc::new(move |ids: Vec<String>, _abort| {
        let n = calls.with_untracked(Vec::len);
        calls.update(|c| c.push(ids.clone()));
        let response = answer(&ids, n);
        Box::pin(async move { Ok::<_, ApiError>(response) })
    }))
}

fn summary(id: &str, text: &str) -> serde_json::Value {
    serde_json::json!({"interactionId": id, "summaryObjectId": "o", "content": {"id": "s", "result": text,
        "status": "success", "type": "summary"}, "metadata": {"createdAt": "2025-01-01T00:00:00", "sizeBytes": 1}})
}

#[wasm_bindgen_test]
async fn expanding_a_row_fetches_every_listed_summary_in_one_request_and_retry_works() {
    let root = container();
    let calls = RwSignal::new(Vec::<Vec<String>>::new());
    let list: Vec<Interaction> = serde_json::from_value(serde_json::json!([
        at(3_000, "found", "PHONE"),
        at(2_000, "later", "PHONE"),
        at(1_000, "none", "EMAIL")
    ]))
    .unwrap();
    let ids: Vec<String> = list.iter().map(|i| i.interaction_id.clone()).collect();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(scripted_store(calls, |_, call| {
            let later = if call == 0 {
                serde_json::json!({"summaries": [summary("found", "Billing question answered.")],
                    "partialFailures": [{"interactionId": "later", "reason": "Summary not available"},
                                        {"interactionId": "none", "reason": "Summary not found"}]})
            } else {
                serde_json::json!({"summaries": [summary("later", "Refund issued after retry.")], "partialFailures": []})
            };
            serde_json::from_value(later).unwrap()
        }));
        provide_context(ListedIds(Signal::stored(ids)));
        view! { <Timeline interactions=list/> }
    });
    tick().await;
    assert!(calls.get_untracked().is_empty(), "nothing is fetched until a row is opened");
    let toggles = root.query_selector_all("[data-testid=row-toggle]").unwrap();
    let toggle = |i: u32| toggles.item(i).unwrap().unchecked_into::<web_sys::HtmlElement>();
    toggle(0).click();
    tick().await;
    tick().await;
    assert_eq!(calls.get_untracked(), [vec!["found".to_owned(), "later".to_owned(), "none".to_owned()]], "one batch");
    assert_eq!(toggle(0).get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(texts(&root, "[data-testid=summary-text]"), ["Billing question answered."]);

    toggle(1).click();
    toggle(2).click();
    tick().await;
    assert_eq!(calls.get_untracked().len(), 1, "opening more rows reuses what was fetched");
    assert_eq!(texts(&root, "[data-testid=summary-missing]"), ["No summary for this interaction"]);
    assert_eq!(texts(&root, "[data-testid=summary-unavailable]"), ["The summary is not available yet."]);

    let retry: web_sys::HtmlElement =
        root.query_selector("[data-testid=summary-retry]").unwrap().unwrap().unchecked_into();
    retry.click();
    tick().await;
    tick().await;
    assert_eq!(calls.get_untracked()[1], ["later".to_owned()], "the retry asks only for what was unavailable");
    assert_eq!(
        texts(&root, "[data-testid=summary-text]"),
        ["Billing question answered.", "Refund issued after retry."]
    );
    let focused = document().active_element().and_then(|e| e.get_attribute("data-testid"));
    assert_eq!(focused.as_deref(), Some("row-summary"), "after the retry the focus is on the summary it brought");

    let summary: web_sys::HtmlElement = document().active_element().unwrap().unchecked_into();
    crate::support::press(&summary, "Escape");
    tick().await;
    assert_eq!(toggle(1).get_attribute("aria-expanded").as_deref(), Some("false"), "Escape closes the open row");
    assert!(document().active_element().unwrap().is_same_node(Some(&toggle(1))), "focus back on its toggle");
}

#[wasm_bindgen_test]
async fn filters_narrow_the_timeline_and_say_how_many_of_how_many() {
    let root = container();
    let list: Vec<Interaction> = serde_json::from_value(serde_json::json!([
        at(3_000, "call", "PHONE"),
        {"interactionId": "wa", "mediaType": "CHAT", "chatType": "WHATSAPP", "direction": "OUTBOUND", "startedAt": 2_000,
         "title": "wa", "topics": [{"topic": "billing"}]},
        at(1_000, "mail", "EMAIL"),
    ]))
    .unwrap();
    let filter = RwSignal::new(TimelineFilter::default());
    let all = list.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let all = Signal::stored(all);
        let shown = Signal::derive(move || {
            let f = filter.get();
            all.get().into_iter().filter(|i| f.matches(i)).collect::<Vec<_>>()
        });
        view! { <TimelineFilters interactions=all filter/> <Timeline interactions=shown/> }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=timeline-count]"), ["Showing 3 of 3 · last 12 months"]);
    let select: web_sys::HtmlSelectElement =
        root.query_selector("[data-testid=filter-channel]").unwrap().unwrap().unchecked_into();
    let options: Vec<String> = (0..select.length()).map(|i| select.item(i).unwrap().text_content().unwrap()).collect();
    assert_eq!(options, ["All channels", "Call", "Email", "WhatsApp"]);
    select.set_value("whatsapp");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    assert_eq!(texts(&root, "[data-testid=row-title]"), ["wa"]);
    assert_eq!(texts(&root, "[data-testid=timeline-count]"), ["Showing 1 of 3 · last 12 months"]);

    filter.update(|f| {
        f.channel = None;
        f.topic = Some("billing".into());
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=row-title]"), ["wa"]);
    let chip: web_sys::HtmlElement =
        root.query_selector("[data-testid=filter-topic]").unwrap().unwrap().unchecked_into();
    assert!(chip.text_content().unwrap().contains("billing"));
    chip.click();
    tick().await;
    assert_eq!(texts(&root, "[data-testid=row-title]").len(), 3, "clearing the topic shows everything again");
    assert!(document().active_element().unwrap().is_same_node(Some(&select)), "the focus stays in the filters");
    let count = root.query_selector("[data-testid=timeline-count]").unwrap().unwrap();
    assert_eq!(count.get_attribute("aria-live").as_deref(), Some("polite"), "the count is announced as it changes");
}

#[wasm_bindgen_test]
async fn the_loading_skeleton_has_row_sized_placeholders_hidden_from_screen_readers() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || view! { <c360_panel::history::TimelineSkeleton rows=4/> });
    tick().await;
    let skeleton = root.query_selector("[data-testid=timeline-loading]").unwrap().unwrap();
    assert_eq!(
        skeleton.get_attribute("aria-hidden").as_deref(),
        Some("true"),
        "the live region announces loading instead"
    );
    assert_eq!(root.query_selector_all(".timeline-row").unwrap().length(), 4);
    assert!(texts(&root, "[data-testid=timeline-loading]").concat().trim().is_empty(), "no fake text");
}

#[wasm_bindgen_test]
async fn rows_read_as_words_without_repeats_or_message_durations() {
    let root = container();
    let interactions: Vec<Interaction> = serde_json::from_str(
        r#"[{"interactionId":"s","mediaType":"CHAT","chatType":"SMS","direction":"INBOUND","startedAt":1724400000000,
             "endedAt":1724401980000,"outcomeLabel":"Handled","wrapUpCodes":["follow-up-required","handled"],
             "interactionLabels":["Handled","VIP"]}]"#,
    )
    .unwrap();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <Timeline interactions=interactions/> });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=row-tag]"), ["Follow up required", "VIP"], "the outcome is not repeated");
    let code = root.query_selector("[data-testid=row-tag]").unwrap().unwrap();
    assert_eq!(code.get_attribute("title").as_deref(), Some("follow-up-required"), "the raw code one hover away");
    assert!(root.query_selector(".timeline-duration").unwrap().is_none(), "a message thread has no duration");
}

#[wasm_bindgen_test]
async fn the_first_screenful_shows_at_once_and_the_older_rows_on_demand_with_the_focus_on_the_first() {
    let root = container();
    let list: Vec<Interaction> = serde_json::from_value(serde_json::Value::Array(
        (0..14).map(|n| at(100_000 - n * 1_000, &format!("i{n}"), "PHONE")).collect(),
    ))
    .unwrap();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(scripted_store(RwSignal::new(Vec::new()), |_, _| {
            serde_json::from_value(serde_json::json!({"summaries": [], "partialFailures": []})).unwrap()
        }));
        view! { <Timeline interactions=list/> }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=timeline-row]").len(), 10, "the newest ten");
    let older: web_sys::HtmlElement =
        root.query_selector("[data-testid=show-older]").unwrap().unwrap().unchecked_into();
    assert_eq!(older.text_content().unwrap(), "Show 4 older");
    older.click();
    tick().await;
    crate::support::until("the focus moves to the first older row", || {
        document().active_element().and_then(|e| e.get_attribute("id")).as_deref() == Some("toggle-i10")
    })
    .await;
    assert_eq!(texts(&root, "[data-testid=timeline-row]").len(), 14);
    assert!(root.query_selector("[data-testid=show-older]").unwrap().is_none(), "nothing more to show");
}

#[wasm_bindgen_test]
async fn a_filtered_row_names_the_topic_it_matched_and_an_empty_filter_offers_to_clear() {
    let root = container();
    let list: Vec<Interaction> = serde_json::from_value(serde_json::json!([
        {"interactionId": "a", "mediaType": "PHONE", "startedAt": 2_000, "title": "a", "topics": [{"topic": "billing"}]},
        at(1_000, "b", "EMAIL"),
    ]))
    .unwrap();
    let filter = RwSignal::new(TimelineFilter { topic: Some("billing".into()), ..Default::default() });
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let all = Signal::stored(list);
        let shown = Signal::derive(move || {
            let f = filter.get();
            all.get().into_iter().filter(|i| f.matches(i)).collect::<Vec<_>>()
        });
        let topic = Signal::derive(move || filter.with(|f| f.topic.clone()));
        let clear = Callback::new(move |()| filter.set(TimelineFilter::default()));
        view! { <Timeline interactions=shown topic on_clear=clear/> }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=row-matched-topic]"), ["Matched topic: billing"]);
    filter.update(|f| f.channel = Some(c360_panel::ui::channel::ChannelKind::Sms));
    tick().await;
    assert_eq!(texts(&root, "[data-testid=timeline-empty]"), ["No interactions match these filters"]);
    let clear: web_sys::HtmlElement =
        root.query_selector("[data-testid=clear-filters]").unwrap().unwrap().unchecked_into();
    clear.click();
    tick().await;
    assert_eq!(texts(&root, "[data-testid=timeline-row]").len(), 2, "cleared: everything again");
    assert!(texts(&root, "[data-testid=row-matched-topic]").is_empty());
}
