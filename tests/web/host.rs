//! The host protocol in headless Chromium: strict parsing of what a host posts, and the bridge
//! that only listens to allowed origins.

use c360_panel::host::event::parse;
use c360_panel::host::{HostBridge, HostEvent, InteractionType, Rejected, Theme};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn started(payload: &str) -> String {
    format!(r#"{{"type":"event","name":"aw-interaction-started-v1","payload":{payload}}}"#)
}

const CALL: &str = r#"{"interactionId":"i-1","callId":"c-9","interactionType":"phone","direction":"inbound",
    "queueName":"Support","customerName":"Dana","customerPhone":"+14155550100","agentName":"Jane",
    "schemaVersion":"1.0.0","somethingNew":42}"#;

#[wasm_bindgen_test]
fn a_published_started_event_parses_and_unknown_extra_fields_are_ignored() {
    let HostEvent::Started(s) = parse(&js(&started(CALL))).unwrap() else { panic!("not a start") };
    assert_eq!((s.interaction_id.as_str(), s.interaction_type, s.inbound), ("i-1", InteractionType::Phone, true));
    assert_eq!(s.customer_phone.as_deref(), Some("+14155550100"));
    assert!(s.routed && !s.internal, "absent flags mean a routed external interaction");
    let chat = started(
        r#"{"interactionId":"i-2","interactionType":"chat","direction":"inbound","customerEmail":"a@b.co",
        "internal":true,"routed":false,"schemaVersion":"1.0.0"}"#,
    );
    let HostEvent::Started(s) = parse(&js(&chat)).unwrap() else { panic!("not a start") };
    assert_eq!((s.customer_email.as_deref(), s.internal, s.routed), (Some("a@b.co"), true, false));
}

#[wasm_bindgen_test]
fn anything_off_schema_is_rejected_with_its_reason() {
    let cases = [
        (r#""just text""#.to_owned(), Rejected::Envelope),
        (r#"{"type":"message","name":"aw-interaction-started-v1","payload":{}}"#.to_owned(), Rejected::Envelope),
        (r#"{"type":"event","name":"aw-interaction-started-v1"}"#.to_owned(), Rejected::Envelope),
        (r#"{"type":"event","name":"aw-interaction-hold-v1","payload":{}}"#.to_owned(), Rejected::UnknownEvent),
        (started(&CALL.replace("1.0.0", "2.0.0")), Rejected::SchemaVersion),
        (started(&CALL.replace(r#""schemaVersion":"1.0.0","#, "")), Rejected::SchemaVersion),
        (started(&CALL.replace(r#""phone""#, r#""fax""#)), Rejected::Payload),
        (started(&CALL.replace(r#""inbound""#, r#""sideways""#)), Rejected::Payload),
        (started(&CALL.replace(r#""+14155550100""#, "14155550100")), Rejected::Payload),
        (started(&CALL.replace(r#""i-1""#, r#""  ""#)), Rejected::Payload),
        (started(&CALL.replace("Dana", &"x".repeat(300))), Rejected::Payload),
        // zod's `.optional()`: absent or undefined, never null.
        (started(&CALL.replace(r#""Support""#, "null")), Rejected::Payload),
        (
            r#"{"type":"event","name":"aw-interaction-focus-v3","payload":{"interactionId":"i","isManual":true,"schemaVersion":"3.0.0"}}"#.to_owned(),
            Rejected::Payload,
        ),
        (
            r#"{"type":"event","name":"c360-context-v1","payload":{"theme":"sepia","schemaVersion":"1.0.0"}}"#.to_owned(),
            Rejected::Payload,
        ),
        (
            r##"{"type":"event","name":"c360-context-v1","payload":{"tokens":{"accent":"#ff0000"},"schemaVersion":"1.0.0"}}"##.to_owned(),
            Rejected::Payload,
        ),
        (
            r#"{"type":"event","name":"c360-context-v1","payload":{"locale":"en<script>","schemaVersion":"1.0.0"}}"#.to_owned(),
            Rejected::Payload,
        ),
        (r#"{"type":"event","name":"c360-auth-v1","payload":{"token":"","schemaVersion":"1.0.0"}}"#.to_owned(), Rejected::Payload),
    ];
    for (message, reason) in cases {
        assert_eq!(parse(&js(&message)), Err(reason), "{message}");
    }
}

#[wasm_bindgen_test]
fn focus_context_and_auth_parse() {
    let focus = r#"{"type":"event","name":"aw-interaction-focus-v3","payload":{"interactionId":"i-1",
        "queue":{"id":"1","queueId":"t~~queue~~chat~~1","queueName":"Q"},"isManual":false,"schemaVersion":"3.0.0"}}"#;
    assert_eq!(parse(&js(focus)), Ok(HostEvent::Focus { interaction_id: "i-1".into() }));
    let context = r#"{"type":"event","name":"c360-context-v1","payload":{"theme":"dark","tokens":{"accent":"teal"},
        "locale":"fr-FR","timeZone":"Europe/Paris","schemaVersion":"1.0.0"}}"#;
    let Ok(HostEvent::Context(c)) = parse(&js(context)) else { panic!("not a context") };
    assert_eq!((c.theme, c.accent.as_deref(), c.locale.as_deref()), (Some(Theme::Dark), Some("teal"), Some("fr-FR")));
    assert_eq!(c.time_zone.as_deref(), Some("Europe/Paris"));
    let auth = r#"{"type":"event","name":"c360-auth-v1","payload":{"token":"v1.a.b","schemaVersion":"1.0.0"}}"#;
    assert_eq!(parse(&js(auth)), Ok(HostEvent::Auth { token: "v1.a.b".into() }));
}

#[wasm_bindgen_test]
fn wrap_up_codes_parse_as_their_ids_and_a_malformed_item_rejects_the_message() {
    let codes = |items: &str| {
        js(&format!(
            r#"{{"type":"event","name":"aw-interaction-wrap-up-codes-received-v1","payload":{{"interactionId":"i-1",
            "wrapUpCodes":{items},"schemaVersion":"1.0.0"}}}}"#
        ))
    };
    let two = codes(r#"[{"id":"sale","parentId":"outcome"},{"id":"callback","parentId":"follow-up"}]"#);
    assert_eq!(
        parse(&two),
        Ok(HostEvent::WrapUpCodes { interaction_id: "i-1".into(), codes: vec!["sale".into(), "callback".into()] })
    );
    assert_eq!(parse(&codes("[]")), Ok(HostEvent::WrapUpCodes { interaction_id: "i-1".into(), codes: vec![] }));
    for bad in [r#"[{"id":"sale"}]"#, r#"[{"id":7,"parentId":"x"}]"#, r#"["sale"]"#, r#""sale""#, "null"] {
        assert_eq!(parse(&codes(bad)), Err(Rejected::Payload), "{bad}");
    }
    let many = format!("[{}]", vec![r#"{"id":"a","parentId":"b"}"#; 51].join(","));
    assert_eq!(parse(&codes(&many)), Err(Rejected::Payload), "at most 50");
}

fn post(data: &str, origin: &str) {
    let init = web_sys::MessageEventInit::new();
    init.set_data(&js(data));
    init.set_origin(origin);
    let event = web_sys::MessageEvent::new_with_event_init_dict("message", &init).unwrap();
    window().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
fn the_bridge_hands_over_only_messages_from_allowed_origins_and_counts_the_rest() {
    let owner = Owner::new();
    owner.set();
    let bridge = HostBridge::new();
    let seen = RwSignal::new(Vec::<HostEvent>::new());
    bridge.listen(move |e| seen.update(|s| s.push(e)));
    let call = started(CALL);

    post(&call, "https://agent.example.com");
    assert!(seen.get_untracked().is_empty(), "nobody is trusted before the server says so");
    bridge.allow(vec!["https://agent.example.com".into()]);
    post(&call, "https://evil.example.com");
    post(&call, "https://agent.example.com.evil.example");
    post(&call.replace("1.0.0", "9"), "https://agent.example.com");
    post(&call, "https://agent.example.com"); // dispatch is synchronous: handled on return
    assert_eq!(seen.get_untracked().len(), 1, "only the well-formed message from the allowed origin");
    assert_eq!(bridge.ignored.get_untracked(), 4);
    drop(owner);
}

#[wasm_bindgen_test]
fn the_hosts_language_reaches_assistive_technology_and_a_bad_tag_is_refused() {
    use c360_panel::host::look::use_locale;
    use c360_panel::intl::AgentIntl;
    let owner = Owner::new();
    owner.set();
    let intl = AgentIntl::new();
    // The browser's own language, so the document reads as before for the other tests.
    let browser = web_sys::window().unwrap().navigator().language().unwrap();
    let root = web_sys::window().unwrap().document().unwrap().document_element().unwrap();
    root.set_attribute("lang", "xx").unwrap();
    assert!(!intl.host_chose_locale());
    assert!(use_locale(intl, &browser), "a new language is taken");
    assert!(intl.host_chose_locale(), "and it is the host's choice from now on");
    assert_eq!(root.get_attribute("lang").as_deref(), Some(browser.as_str()), "<html lang> follows it");
    assert!(!use_locale(intl, &browser), "the same language again changes nothing");
    assert!(!use_locale(intl, "not a language tag!"), "a tag the browser refuses is ignored");
    assert_eq!(root.get_attribute("lang").as_deref(), Some(browser.as_str()));
    assert_eq!(intl.with(|f| f.locale().to_owned()), browser);
    drop(owner);
}
