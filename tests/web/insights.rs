//! SentimentBadge and TopicsCloud in headless Chromium.

use c360_panel::insights::{SentimentBadge, TopicsCloud};
use c360_wire::{Insights, Interaction};
use leptos::prelude::*;
use leptos::task::tick;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::{container, published_example_response, texts};

/// Interactions newest first, one per sentiment (`None` = not analysed), a day apart.
fn interactions(sentiments: &[Option<&str>]) -> Vec<Interaction> {
    sentiments
        .iter()
        .enumerate()
        .map(|(n, sentiment)| {
            serde_json::from_value(json!({
                "interactionId": format!("int-{n}"),
                "mediaType": "PHONE",
                "direction": "INBOUND",
                "startedAt": 1_724_500_000_000_i64 - n as i64 * 86_400_000,
                "sentiment": sentiment,
            }))
            .unwrap()
        })
        .collect()
}

/// Insights as the server sends them: `aggregate` = customer, agent, overall (`None` = fewer than 2
/// analysed), `topics` = topicFrequency entries.
fn insights(total: i32, aggregate: Option<[&str; 3]>, topics: Vec<Value>) -> Insights {
    serde_json::from_value(json!({
        "aggregatedSentiments": {
            "totalInteractions": total,
            "aggregatedSentiment": aggregate.map(|[customer, agent, overall]| json!({
                "aggregatedCustomerSentiment": customer,
                "aggregatedAgentSentiment": agent,
                "aggregatedOverallSentiment": overall,
            })),
        },
        "aggregatedTopics": { "totalInteractions": total, "topicFrequency": topics },
    }))
    .unwrap()
}

fn topic(name: &str, category: Option<&str>, count: i32, percentage: f64) -> Value {
    let mut t = json!({ "topicName": name, "interactionsMatchedCount": count, "percentageMatched": percentage });
    if let Some(category) = category {
        t["categoryName"] = json!(category);
    }
    t
}

fn el(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("{selector} not found")).unchecked_into()
}

fn attr(root: &web_sys::HtmlElement, selector: &str, name: &str) -> Option<String> {
    el(root, selector).get_attribute(name)
}

async fn mount_badge(insights: Option<Insights>, interactions: Vec<Interaction>) -> web_sys::HtmlElement {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <SentimentBadge insights=insights interactions=interactions/> }
    });
    handle.forget();
    tick().await;
    root
}

fn assert_badge(root: &web_sys::HtmlElement, word: &str, tone: &str) {
    assert_eq!(texts(root, "[data-testid=sentiment-label]"), [word]);
    let toggle = el(root, "[data-testid=sentiment-toggle]");
    assert_eq!(toggle.tag_name(), "BUTTON");
    assert!(toggle.class_name().contains(&format!("sentiment--{tone}")), "{}", toggle.class_name());
    assert_eq!(attr(root, "[data-testid=sentiment-toggle] svg", "aria-hidden").as_deref(), Some("true"), "icon");
    assert!(toggle.text_content().unwrap().contains(&format!("Recent sentiment: {word}")), "named for assistive tech");
    assert!(root.query_selector("[data-testid=sentiment-empty]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn badge_reads_positive_for_the_published_example() {
    let response = published_example_response();
    let root = mount_badge(response.insights, response.interactions).await;
    assert_badge(&root, "Positive", "positive");
}

#[wasm_bindgen_test]
async fn badge_reads_negative() {
    let list = interactions(&[Some("NEGATIVE"), Some("NEGATIVE"), Some("POSITIVE")]);
    let root = mount_badge(Some(insights(3, Some(["NEGATIVE", "NEUTRAL", "NEGATIVE"]), vec![])), list).await;
    assert_badge(&root, "Negative", "negative");
}

#[wasm_bindgen_test]
async fn badge_reads_mixed_when_positive_and_negative_average_out() {
    // The published example's shape, with one POSITIVE and one NEGATIVE interaction: overall NEUTRAL.
    let mut response = published_example_response();
    response.interactions[1].sentiment = Some("NEGATIVE".into());
    let mut value = serde_json::to_value(&response).unwrap();
    value["insights"]["aggregatedSentiments"]["aggregatedSentiment"] = json!({
        "aggregatedCustomerSentiment": "NEGATIVE",
        "aggregatedAgentSentiment": "POSITIVE",
        "aggregatedOverallSentiment": "NEUTRAL",
    });
    let response: c360_wire::InteractionsInsight = serde_json::from_value(value).unwrap();
    let root = mount_badge(response.insights, response.interactions).await;
    assert_badge(&root, "Mixed", "mixed");
    // One story: the sentence beside the badge says what Mixed rests on, and describes the badge.
    let why = el(&root, "[data-testid=sentiment-why]");
    assert_eq!(
        why.text_content().unwrap(),
        "1 of the last 2 analysed was negative, 1 positive: overall they balance out."
    );
    assert_eq!(attr(&root, "[data-testid=sentiment-toggle]", "aria-describedby"), why.get_attribute("id"));
    // Each face of the trend names itself on hover.
    let faces: Vec<String> = (0..2)
        .map(|n| {
            let mark = root.query_selector_all(".trend-mark").unwrap().get(n).unwrap();
            mark.unchecked_ref::<web_sys::Element>().get_attribute("title").unwrap()
        })
        .collect();
    assert_eq!(faces, ["Positive", "Negative"]);
}

#[wasm_bindgen_test]
async fn badge_reads_neutral_without_both_extremes() {
    let list = interactions(&[Some("NEUTRAL"), Some("POSITIVE"), Some("NEUTRAL")]);
    let root = mount_badge(Some(insights(3, Some(["NEUTRAL", "NEUTRAL", "NEUTRAL"]), vec![])), list).await;
    assert_badge(&root, "Neutral", "neutral");
}

#[wasm_bindgen_test]
async fn badge_shows_an_unknown_overall_generically() {
    let list = interactions(&[Some("POSITIVE"), Some("NEGATIVE")]);
    let root = mount_badge(Some(insights(2, Some(["NEUTRAL", "NEUTRAL", "VERY_CALM"]), vec![])), list).await;
    assert_badge(&root, "Very calm", "neutral");
}

#[wasm_bindgen_test]
async fn badge_without_speech_analytics_says_so() {
    let root = mount_badge(None, interactions(&[None, None])).await;
    assert_eq!(
        texts(&root, "[data-testid=sentiment-empty]"),
        ["Mood and topics need Speech Analytics, which this workspace does not have."]
    );
    assert!(root.query_selector("[data-testid=sentiment-toggle]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn badge_with_one_analysed_interaction_asks_for_two() {
    let root = mount_badge(Some(insights(1, None, vec![])), interactions(&[Some("POSITIVE"), None])).await;
    assert_eq!(
        texts(&root, "[data-testid=sentiment-empty]"),
        ["Mood and topics appear once 2 recorded interactions are analysed (1 so far)."]
    );
    assert!(root.query_selector("[data-testid=sentiment-toggle]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn clicking_the_badge_reveals_the_breakdown_and_the_trend_oldest_first() {
    // Newest first: NEGATIVE, (not analysed), NEUTRAL, POSITIVE, NEGATIVE, POSITIVE, POSITIVE.
    let list = interactions(&[
        Some("NEGATIVE"),
        None,
        Some("NEUTRAL"),
        Some("POSITIVE"),
        Some("NEGATIVE"),
        Some("POSITIVE"),
        Some("POSITIVE"),
    ]);
    let root = mount_badge(Some(insights(6, Some(["NEGATIVE", "POSITIVE", "NEUTRAL"]), vec![])), list).await;
    assert_badge(&root, "Mixed", "mixed");

    let toggle = el(&root, "[data-testid=sentiment-toggle]");
    let panel = el(&root, "[data-testid=sentiment-breakdown]");
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(toggle.get_attribute("aria-controls"), Some(panel.id()), "the button controls its panel");
    assert!(!panel.id().is_empty());
    assert!(panel.has_attribute("hidden"), "closed at first");

    toggle.click();
    tick().await;
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!panel.has_attribute("hidden"), "open after a click");
    assert_eq!(
        texts(&root, "[data-testid=sentiment-part]"),
        ["Customer: Negative", "Agent: Positive", "Overall: Neutral"]
    );
    let marks: Vec<String> = {
        let nodes = root.query_selector_all("[data-testid=sentiment-trend] li").unwrap();
        (0..nodes.length())
            .map(|i| {
                nodes.item(i).unwrap().unchecked_into::<web_sys::Element>().get_attribute("data-sentiment").unwrap()
            })
            .collect()
    };
    assert_eq!(marks, ["POSITIVE", "POSITIVE", "NEGATIVE", "POSITIVE", "NEUTRAL", "NEGATIVE"], "oldest → newest");
    assert_eq!(
        texts(&root, "[data-testid=sentiment-trend] .visually-hidden"),
        ["Positive", "Positive", "Negative", "Positive", "Neutral", "Negative"],
        "every mark has a text alternative"
    );
    let caption = attr(&root, "[data-testid=sentiment-trend]", "aria-labelledby").unwrap();
    assert_eq!(el(&root, &format!("#{caption}")).text_content().unwrap(), "Last 6 analysed, oldest → newest");

    toggle.click();
    tick().await;
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(panel.has_attribute("hidden"), "closed again");
}

#[wasm_bindgen_test]
async fn badge_follows_its_signals() {
    let root = container();
    let data = RwSignal::new(None::<Insights>);
    let list = RwSignal::new(interactions(&[Some("POSITIVE"), Some("POSITIVE")]));
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <SentimentBadge insights=data interactions=list/> }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=sentiment-empty]").len(), 1);
    data.set(Some(insights(2, Some(["POSITIVE", "POSITIVE", "POSITIVE"]), vec![])));
    tick().await;
    assert_eq!(texts(&root, "[data-testid=sentiment-label]"), ["Positive"]);
}

// ---- TopicsCloud ----

/// Mounts a cloud whose selection is kept in `selected`; every `on_select` call is logged in `calls`.
async fn mount_cloud(
    insights: Option<Insights>,
    selected: RwSignal<Option<String>>,
    calls: RwSignal<Vec<Option<String>>>,
) -> web_sys::HtmlElement {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let on_select = Callback::new(move |topic: Option<String>| {
            calls.update(|c| c.push(topic.clone()));
            selected.set(topic);
        });
        view! { <TopicsCloud insights=insights selected=selected on_select/> }
    });
    handle.forget();
    tick().await;
    root
}

fn five_topics() -> Insights {
    insights(
        5,
        Some(["NEUTRAL", "NEUTRAL", "NEUTRAL"]),
        vec![
            topic("billing", Some("Finance"), 4, 80.0),
            topic("refund", Some("Finance"), 3, 60.0),
            topic("upgrade", Some("Account"), 2, 40.0),
            topic("wifi", None, 1, 20.0),
        ],
    )
}

fn chip(root: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlElement {
    el(root, &format!("[data-testid=topic-chip][data-topic={name}]"))
}

#[wasm_bindgen_test]
async fn topics_are_sized_by_share_and_tinted_by_category() {
    let root = mount_cloud(Some(five_topics()), RwSignal::new(None), RwSignal::new(vec![])).await;
    assert_eq!(texts(&root, "[data-testid=topic-chip]"), ["billing", "refund", "upgrade", "wifi"]);
    let class = |name: &str| chip(&root, name).class_name();
    assert!(class("billing").contains("topic-chip--step-4"), "{}", class("billing"));
    assert!(class("refund").contains("topic-chip--step-3"));
    assert!(class("upgrade").contains("topic-chip--step-2"));
    assert!(class("wifi").contains("topic-chip--step-1"));

    let tint = |name: &str| chip(&root, name).get_attribute("data-tint").unwrap();
    assert_eq!(tint("billing"), tint("refund"), "same category, same tint");
    assert_ne!(tint("billing"), "0");
    assert_ne!(tint("upgrade"), "0");
    assert_eq!(tint("wifi"), "0", "no category: the neutral tint");
    assert!(class("wifi").contains("topic-chip--tint-0"));
    assert!(class("billing").contains(&format!("topic-chip--tint-{}", tint("billing"))));
    for name in ["billing", "refund", "upgrade", "wifi"] {
        assert_eq!(chip(&root, name).tag_name(), "BUTTON");
        assert_eq!(chip(&root, name).get_attribute("type").as_deref(), Some("button"));
    }
}

#[wasm_bindgen_test]
async fn each_topic_describes_its_count_and_share() {
    let root = mount_cloud(Some(five_topics()), RwSignal::new(None), RwSignal::new(vec![])).await;
    let describedby = chip(&root, "refund").get_attribute("aria-describedby").unwrap();
    let detail = el(&root, &format!("#{describedby}"));
    assert_eq!(detail.text_content().unwrap(), "refund · 3 of the last 5 analysed (60%) · Finance");
    assert_eq!(detail.get_attribute("role").as_deref(), Some("tooltip"));
    let wifi = el(&root, &format!("#{}", chip(&root, "wifi").get_attribute("aria-describedby").unwrap()));
    assert_eq!(wifi.text_content().unwrap(), "wifi · 1 of the last 5 analysed (20%)");
    // What size and tint mean, said once, and the list described by it.
    let legend = el(&root, "[data-testid=topics-legend]");
    assert_eq!(legend.text_content().unwrap(), "Size: how often, in the last 5 analysed · Colour: category");
    assert_eq!(attr(&root, ".topics-cloud-list", "aria-describedby"), legend.get_attribute("id"));
    assert_eq!(texts(&root, "[data-testid=topic-detail]").len(), 4, "one tooltip per topic");
    assert_ne!(describedby, chip(&root, "billing").get_attribute("aria-describedby").unwrap(), "ids are unique");
}

#[wasm_bindgen_test]
async fn pressing_a_topic_selects_it_and_pressing_it_again_clears_it() {
    let selected = RwSignal::new(None::<String>);
    let calls = RwSignal::new(Vec::new());
    let root = mount_cloud(Some(five_topics()), selected, calls).await;
    let pressed = |name: &str| chip(&root, name).get_attribute("aria-pressed").unwrap();
    assert_eq!((pressed("billing"), pressed("refund")), ("false".into(), "false".into()));
    assert!(root.query_selector(".topic-check").unwrap().is_none());

    chip(&root, "refund").click();
    tick().await;
    assert_eq!(calls.get_untracked(), [Some("refund".to_owned())]);
    assert_eq!((pressed("billing"), pressed("refund")), ("false".into(), "true".into()));
    assert!(chip(&root, "refund").class_name().contains("topic-chip--active"));
    assert!(root.query_selector("[data-topic=refund] .topic-check").unwrap().is_some(), "check mark, not colour alone");

    chip(&root, "refund").click();
    tick().await;
    assert_eq!(calls.get_untracked(), [Some("refund".to_owned()), None]);
    assert_eq!(pressed("refund"), "false");
    assert!(root.query_selector(".topic-check").unwrap().is_none());

    chip(&root, "billing").click();
    tick().await;
    assert_eq!(calls.get_untracked().last(), Some(&Some("billing".to_owned())));
}

#[wasm_bindgen_test]
async fn aria_pressed_follows_the_selection_from_outside() {
    let selected = RwSignal::new(Some("upgrade".to_owned()));
    let calls = RwSignal::new(Vec::new());
    let root = mount_cloud(Some(five_topics()), selected, calls).await;
    let pressed = |name: &str| chip(&root, name).get_attribute("aria-pressed").unwrap();
    assert_eq!(pressed("upgrade"), "true");
    selected.set(Some("wifi".to_owned()));
    tick().await;
    assert_eq!((pressed("upgrade"), pressed("wifi")), ("false".into(), "true".into()));
    selected.set(None);
    tick().await;
    assert_eq!(texts(&root, "[data-testid=topic-chip][aria-pressed=true]").len(), 0);
    assert!(calls.get_untracked().is_empty(), "no callback for outside changes");
}

#[wasm_bindgen_test]
async fn topics_leave_the_why_to_the_badge_and_say_when_there_are_none() {
    // Without the licence or enough analysed interactions the badge says why, once: the cloud is
    // silent rather than repeating it.
    for data in [None, Some(insights(1, None, vec![])), Some(insights(0, None, vec![]))] {
        let root = mount_cloud(data, RwSignal::new(None), RwSignal::new(vec![])).await;
        assert_eq!(texts(&root, "[data-testid=topics-empty]"), Vec::<String>::new());
        assert!(root.query_selector("[data-testid=topic-chip]").unwrap().is_none());
    }
    let ready = Some(insights(3, Some(["NEUTRAL", "NEUTRAL", "NEUTRAL"]), vec![]));
    let root = mount_cloud(ready, RwSignal::new(None), RwSignal::new(vec![])).await;
    assert_eq!(texts(&root, "[data-testid=topics-empty]"), ["No recurring topics"]);
}

// ---- Styles: the real stylesheets in the page ----

/// Loads ui.css and insights.css into the document once.
fn load_styles() {
    let document = document();
    if document.get_element_by_id("c360-test-styles").is_some() {
        return;
    }
    let style = document.create_element("style").unwrap();
    style.set_id("c360-test-styles");
    style.set_text_content(Some(concat!(include_str!("../../style/ui.css"), include_str!("../../style/insights.css"))));
    document.head().unwrap().append_child(&style).unwrap();
}

/// `rgb(r, g, b)` → relative luminance.
fn luminance(css: &str) -> f64 {
    let channels: Vec<f64> = css
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .take(3)
        .map(|c| c.trim().parse::<f64>().unwrap() / 255.0)
        .map(|c| if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) })
        .collect();
    0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
}

fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn computed(el: &web_sys::Element, property: &str) -> String {
    window().get_computed_style(el).unwrap().unwrap().get_property_value(property).unwrap()
}

#[wasm_bindgen_test]
async fn every_tint_and_tone_keeps_aa_contrast_in_light_and_dark() {
    load_styles();
    let root = container();
    let tints: Vec<Value> = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"]
        .iter()
        .enumerate()
        .map(|(n, c)| topic(&format!("t{n}"), Some(c), 1, 10.0))
        .chain([topic("none", None, 1, 10.0)])
        .collect();
    let data = insights(2, Some(["NEUTRAL"; 3]), tints);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let tones = ["positive", "negative", "neutral", "mixed"];
        let selected: Option<String> = None;
        view! {
            <TopicsCloud insights=Some(data) selected=selected on_select=Callback::new(|_| {})/>
            {tones.map(|t| view! { <span class=format!("trend-mark sentiment--{t}")>"x"</span> })}
        }
    });
    tick().await;
    let html = document().document_element().unwrap();
    for theme in ["light", "dark"] {
        html.set_attribute("data-theme", theme).unwrap();
        let nodes = root.query_selector_all(".topic-chip, .trend-mark").unwrap();
        let mut tints_seen = std::collections::BTreeSet::new();
        for i in 0..nodes.length() {
            let node: web_sys::Element = nodes.item(i).unwrap().unchecked_into();
            let ratio = contrast(&computed(&node, "color"), &computed(&node, "background-color"));
            assert!(ratio >= 4.5, "{theme} {}: {ratio:.2}", node.class_name());
            tints_seen.insert(node.get_attribute("data-tint"));
        }
        assert!(tints_seen.len() >= 5, "several tints checked: {tints_seen:?}");
    }
    html.remove_attribute("data-theme").unwrap();
    drop(handle);
}

#[wasm_bindgen_test]
async fn chips_are_touch_sized_and_the_detail_shows_on_keyboard_focus() {
    load_styles();
    let root = mount_cloud(Some(five_topics()), RwSignal::new(None), RwSignal::new(vec![])).await;
    let wifi = chip(&root, "wifi");
    assert!(
        wifi.offset_height() >= 24 && wifi.offset_width() >= 24,
        "{}×{}",
        wifi.offset_width(),
        wifi.offset_height()
    );
    let detail = el(&root, &format!("#{}", wifi.get_attribute("aria-describedby").unwrap()));
    assert_eq!(computed(&detail, "visibility"), "hidden");
    wifi.focus().unwrap();
    assert!(wifi.matches(":focus-visible").unwrap(), "focus from script after no pointer use counts as keyboard");
    assert_eq!(computed(&detail, "visibility"), "visible", "the detail shows on keyboard focus");
    wifi.blur().unwrap();
}

/// Sends a bubbling `keydown` of `key` to `target`, as a keyboard would.
fn press(target: &web_sys::HtmlElement, key: &str) {
    let make = js_sys::Function::new_with_args("key", "return new KeyboardEvent('keydown', {key, bubbles: true})");
    let event: web_sys::Event = make.call1(&wasm_bindgen::JsValue::NULL, &key.into()).unwrap().unchecked_into();
    target.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn escape_hides_a_topic_detail_and_closes_the_breakdown() {
    load_styles();
    let root = mount_cloud(Some(five_topics()), RwSignal::new(None), RwSignal::new(vec![])).await;
    let billing = chip(&root, "billing");
    let detail = el(&root, &format!("#{}", billing.get_attribute("aria-describedby").unwrap()));
    billing.focus().unwrap();
    press(&billing, "Escape");
    tick().await;
    assert!(billing.parent_element().unwrap().class_name().contains("topic--tip-dismissed"));
    assert_eq!(computed(&detail, "visibility"), "hidden", "dismissed while still focused");
    billing.blur().unwrap();
    tick().await;
    assert!(!billing.parent_element().unwrap().class_name().contains("topic--tip-dismissed"), "back next time");

    let list = interactions(&[Some("POSITIVE"), Some("NEGATIVE")]);
    let root = mount_badge(Some(insights(2, Some(["NEUTRAL"; 3]), vec![])), list).await;
    let toggle = el(&root, "[data-testid=sentiment-toggle]");
    toggle.click();
    tick().await;
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("true"));
    press(&toggle, "Escape");
    tick().await;
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(el(&root, "[data-testid=sentiment-breakdown]").has_attribute("hidden"));
}
