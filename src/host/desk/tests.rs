//! The desk's rules, one behaviour per test.

use super::*;

fn call(id: &str, phone: &str) -> Started {
    Started {
        interaction_id: id.into(),
        interaction_type: InteractionType::Phone,
        inbound: true,
        queue_name: Some("Support".into()),
        customer_phone: Some(phone.into()),
        customer_email: None,
        routed: true,
        internal: false,
    }
}

fn phone(p: &str) -> Subject {
    Subject::Customer(Identity::Phone { phone_number: p.into() })
}

#[test]
fn a_started_call_is_shown_with_its_e164_number() {
    let mut desk = Desk::default();
    desk.start(&call("a", "+1 (415) 555-0100"));
    assert_eq!(desk.shown().unwrap().subject, phone("+14155550100"));
}

#[test]
fn chats_and_emails_use_the_email_and_fall_back_to_the_phone() {
    let chat = Started {
        interaction_type: InteractionType::Chat,
        customer_email: Some(" Maria.Gonzalez@Example.com ".into()),
        ..call("c", "+14155550100")
    };
    assert_eq!(subject_of(&chat), Subject::Customer(Identity::Email { email: "maria.gonzalez@example.com".into() }));
    let no_email = Started { customer_email: None, ..chat.clone() };
    assert_eq!(subject_of(&no_email), phone("+14155550100"));
    let nothing = Started { customer_phone: None, ..no_email };
    assert_eq!(subject_of(&nothing), Subject::Unidentified);
    let bad_phone = call("d", "ext. 12");
    assert_eq!(subject_of(&bad_phone), Subject::Unidentified);
}

#[test]
fn a_link_identity_is_shown_until_a_host_interaction_starts() {
    let mut desk = Desk::default();
    desk.open_link(Identity::Email { email: "a@b.co".into() });
    assert_eq!(desk.shown().unwrap().label(), "Customer");
    desk.start(&call("a", "+14155550100"));
    assert_eq!(desk.shown().unwrap().label(), "Call · inbound");
    let chat = Started { interaction_type: InteractionType::Chat, inbound: false, ..call("b", "+14155550100") };
    desk.start(&chat);
    assert_eq!(desk.shown().unwrap().label(), "Chat · outbound", "a chat says its direction too");
}

#[test]
fn internal_and_unrouted_interactions_get_no_lookup() {
    assert_eq!(subject_of(&Started { internal: true, ..call("a", "+14155550100") }), Subject::Internal);
    assert_eq!(subject_of(&Started { routed: false, ..call("a", "+14155550100") }), Subject::Unrouted);
    let directory = Started { internal: true, routed: false, ..call("a", "+14155550100") };
    assert_eq!(subject_of(&directory), Subject::Internal, "internal wins: it says who is calling");
}

#[test]
fn focus_switches_between_live_interactions_and_ignores_unknown_ids() {
    let mut desk = Desk::default();
    desk.start(&call("a", "+14155550100"));
    desk.start(&call("b", "+14155550101"));
    assert_eq!(desk.shown().unwrap().id, "b");
    assert!(desk.focus("a"));
    assert_eq!(desk.shown().unwrap().subject, phone("+14155550100"));
    assert!(!desk.focus("a"), "already shown");
    assert!(!desk.focus("zzz"));
    assert_eq!(desk.shown().unwrap().id, "a");
}

#[test]
fn an_ended_interaction_stays_shown_until_the_next_one() {
    let mut desk = Desk::default();
    desk.start(&call("a", "+14155550100"));
    assert!(desk.end("a"));
    assert!(!desk.end("a"), "ending twice changes nothing");
    assert!(desk.shown().unwrap().ended);
    desk.start(&call("b", "+14155550101"));
    assert_eq!(desk.live().iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["b"], "the ended one left");
}

#[test]
fn a_repeated_start_replaces_and_the_desk_stays_bounded() {
    let mut desk = Desk::default();
    for n in 0..20 {
        desk.start(&call(&format!("i{n}"), "+14155550100"));
    }
    desk.start(&call("i19", "+14155550199"));
    assert_eq!(desk.live().len(), MAX_LIVE);
    assert_eq!(desk.live().iter().filter(|l| l.id == "i19").count(), 1);
    assert_eq!(desk.shown().unwrap().subject, phone("+14155550199"));
}

#[test]
fn nobody_is_looked_up_until_the_screen_pop_setting_is_known() {
    let mut desk = Desk::default();
    desk.start(&call("a", "+14155550100"));
    assert!(desk.looked_up().is_none(), "the tenant's setting is not read yet");
    assert!(!desk.waits_for_agent(), "nor is the agent told to ask");
    assert!(desk.set_screen_pop(true));
    assert!(!desk.set_screen_pop(true), "the same setting again changes nothing");
    let (live, identity) = desk.looked_up().unwrap();
    assert_eq!((live.id.as_str(), identity), ("a", &Identity::Phone { phone_number: "+14155550100".into() }));
}

#[test]
fn with_screen_pop_off_a_customer_waits_until_the_agent_asks() {
    let mut desk = Desk::default();
    desk.set_screen_pop(false);
    desk.start(&call("a", "+14155550100"));
    assert_eq!(desk.shown().unwrap().subject, phone("+14155550100"), "who it is with is shown at once");
    assert!(desk.looked_up().is_none() && desk.waits_for_agent());
    assert!(desk.ask_for_shown());
    assert!(!desk.waits_for_agent());
    assert!(!desk.ask_for_shown(), "asking twice changes nothing");
    assert_eq!(desk.looked_up().unwrap().0.id, "a");

    desk.start(&call("b", "+14155550101"));
    assert!(desk.looked_up().is_none(), "each interaction is asked for on its own");
    desk.focus("a");
    assert_eq!(desk.looked_up().unwrap().0.id, "a", "switching back keeps what the agent asked for");
    desk.start(&call("a", "+14155550100"));
    assert!(desk.looked_up().is_some(), "a re-announced interaction keeps it");
    desk.start(&call("a", "+14155550199"));
    assert!(desk.looked_up().is_none(), "but not for another customer");
}

#[test]
fn a_customer_opened_by_link_is_looked_up_whatever_the_setting() {
    let mut desk = Desk::default();
    desk.set_screen_pop(false);
    desk.open_link(Identity::Email { email: "a@b.co".into() });
    assert!(desk.looked_up().is_some());
}

#[test]
fn internal_calls_are_never_looked_up() {
    let mut desk = Desk::default();
    desk.set_screen_pop(true);
    desk.start(&Started { internal: true, ..call("a", "+14155550100") });
    desk.ask_for_shown();
    assert!(desk.looked_up().is_none(), "even when asked for, an internal call has no customer");
}

#[test]
fn a_contact_opened_for_an_interaction_comes_back_with_it() {
    let mut desk = Desk::default();
    desk.start(&call("a", "+14155550100"));
    assert_eq!(desk.record(), &Record::Matched);
    assert!(desk.open_contact("c-1"));
    assert!(!desk.open_contact("c-1"), "the same contact again changes nothing");
    desk.start(&call("b", "+14155550101"));
    assert_eq!(desk.record(), &Record::Matched, "each interaction has its own");
    desk.create_contact("Zoe");
    desk.focus("a");
    assert_eq!(desk.record(), &Record::Contact("c-1".into()), "switching back restores it");
    assert_eq!(desk.recorded_contact("a"), Some("c-1"));
    assert_eq!(desk.recorded_contact("b"), None, "a contact being created is not recorded against yet");
    desk.start(&call("a", "+14155550100"));
    assert_eq!(desk.record(), &Record::Contact("c-1".into()), "a re-announcement keeps it");
}

#[test]
fn a_single_match_opens_unless_the_agent_opened_something_else() {
    let mut desk = Desk::default();
    desk.start(&call("a", "+14155550100"));
    assert!(desk.matched_one("a", "c-1"));
    assert_eq!(desk.recorded_contact("a"), Some("c-1"));
    desk.start(&call("b", "+14155550101"));
    desk.open_contact("c-7");
    assert!(!desk.matched_one("b", "c-2"), "a late match does not replace the agent's choice");
    assert_eq!(desk.recorded_contact("b"), Some("c-7"));
    desk.close_record();
    assert_eq!(desk.record(), &Record::Matched);
}

#[test]
fn with_no_interaction_the_desk_keeps_its_own_record() {
    let mut desk = Desk::default();
    assert!(desk.open_contact("c-1"));
    assert_eq!(desk.record(), &Record::Contact("c-1".into()));
    desk.start(&call("a", "+14155550100"));
    assert_eq!(desk.record(), &Record::Matched, "a new interaction starts from its own match");
}

#[test]
fn opening_a_contact_with_screen_pop_off_is_asking_for_the_customer() {
    let mut desk = Desk::default();
    desk.set_screen_pop(false);
    desk.start(&call("a", "+14155550100"));
    assert!(desk.waits_for_agent());
    assert!(desk.open_contact("c-1"));
    assert!(!desk.waits_for_agent(), "the agent opened a contact for it");
    assert_eq!(desk.looked_up().unwrap().0.id, "a");
    desk.start(&call("b", "+14155550101"));
    desk.create_contact("Zoe");
    assert!(desk.looked_up().is_some(), "so is starting a new one");
}

#[test]
fn a_re_announced_interaction_keeps_its_queue_and_first_start_time() {
    let mut desk = Desk::default();
    desk.start(&call("a", "+14155550100"));
    desk.started_at("a", 1_000);
    desk.start(&call("a", "+14155550100"));
    desk.started_at("a", 9_000);
    let live = desk.shown().unwrap();
    assert_eq!((live.queue.as_deref(), live.started_ms), (Some("Support"), Some(1_000)));
}

#[test]
fn an_ended_call_waits_for_its_wrap_up_codes_then_is_due_with_the_contact_open_for_it() {
    let mut desk = Desk::default();
    desk.start(&call("a", "+14155550100"));
    desk.started_at("a", 1_000);
    desk.open_contact("c-1");
    assert!(desk.queue_ended("a", 60_000));
    desk.end("a");
    let due = &desk.wrap_ups()[0];
    assert_eq!((due.contact_id.as_deref(), due.ended_ms), (Some("c-1"), Some(60_000)));
    assert_eq!(due.due_ms(), Some(60_000 + WRAP_UP_WAIT_MS), "codes may still come");
    assert!(desk.queue_codes("a", vec!["sale".into()], 70_000));
    assert_eq!(desk.wrap_ups()[0].due_ms(), Some(i64::MIN), "due at once with its codes");
    assert_eq!(desk.wrap_ups()[0].codes.as_deref(), Some(&["sale".to_owned()][..]));
    assert_eq!(desk.wrap_ups()[0].ended_ms, Some(60_000), "the end stays when it was");
}

#[test]
fn an_interaction_is_handed_to_auto_log_once_even_if_the_host_repeats_itself() {
    let mut desk = Desk::default();
    desk.start(&call("a", "+14155550100"));
    desk.open_contact("c-1");
    desk.queue_codes("a", vec![], 5);
    assert!(desk.take_wrap_up("a").is_some());
    assert!(desk.take_wrap_up("a").is_none());
    assert!(!desk.queue_ended("a", 9), "already taken");
    assert!(!desk.queue_codes("a", vec!["x".into()], 9));
    assert_eq!(desk.wrap_ups().len(), 1);
}

#[test]
fn internal_calls_and_unknown_interactions_are_never_queued() {
    let mut desk = Desk::default();
    desk.start(&Started { internal: true, ..call("i", "+14155550100") });
    assert!(!desk.queue_ended("i", 1));
    assert!(!desk.queue_codes("nobody", vec![], 1));
    assert!(desk.wrap_ups().is_empty());
}

#[test]
fn the_contact_open_when_auto_log_takes_it_counts_even_if_picked_after_the_end() {
    let mut desk = Desk::default();
    desk.start(&call("a", "+14155550100"));
    desk.queue_ended("a", 1);
    desk.end("a");
    assert_eq!(desk.wrap_ups()[0].contact_id, None, "nothing open at the end");
    desk.open_contact("c-9");
    assert_eq!(desk.take_wrap_up("a").unwrap().contact_id.as_deref(), Some("c-9"));
}

#[test]
fn the_queue_outlives_the_interaction_leaving_the_desk() {
    let mut desk = Desk::default();
    desk.start(&call("a", "+14155550100"));
    desk.open_contact("c-1");
    desk.queue_ended("a", 1);
    desk.end("a");
    desk.start(&call("b", "+14155550101"));
    assert!(desk.live().iter().all(|l| l.id != "a"), "ended and no longer shown");
    assert_eq!(desk.take_wrap_up("a").unwrap().contact_id.as_deref(), Some("c-1"));
}
