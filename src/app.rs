//! `App`: the panel's starting point. It reads the tenant (and, opened by link, a token and a
//! customer) from the URL; embedded in a host it learns from the server whose messages to trust,
//! announces itself, and then follows the host's interactions.

use c360_wire::Identity;
use leptos::html::Main;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::api::{ApiClient, Lookup, TokenRefused, get_host_origins};
use crate::crm::screen_pop::MatchCache;
use crate::history::InsightsCache;
use crate::host::{Desk, HostBridge, HostEvent, Subject, bridge, look};
use crate::intl::AgentIntl;
use crate::intl::phone::readable_identity;
use crate::perf;
use crate::shell::SignedIn;
use crate::shell::session::Session;
use crate::ui::Notice;

/// Where the panel stands with its host before it has a token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HostState {
    /// Not in a frame: opened by link.
    Standalone,
    /// Reading the allowed host origins.
    Connecting,
    /// Listening to these many allowed origins.
    Listening(usize),
    /// The allowed host origins could not be read.
    Unreachable,
}

/// The whole panel.
#[component]
pub fn App() -> impl IntoView {
    let session = Session::from_location();
    let main_ref = NodeRef::<Main>::new();
    let bridge = HostBridge::new();
    let token = RwSignal::new(session.token.clone());
    let desk = RwSignal::new(Desk::default());
    let cache = InsightsCache::new();
    provide_context(cache);
    let matches = MatchCache::new();
    provide_context(matches);
    let intl = AgentIntl::new();
    provide_context(intl);
    if let Some(identity) = session.identity.clone() {
        desk.update(|d| d.open_link(identity));
    }
    if let Some(contact_id) = session.contact_id.clone() {
        desk.update(|d| {
            d.open_contact(&contact_id);
        });
    }

    let embedded = bridge::parent_window().is_some();
    // Embedded, the server says whose messages to trust (never the URL).
    let origins = match (embedded, session.tenant_id.clone()) {
        (true, Some(tenant_id)) => Some(Lookup::new(
            || (),
            move |(), abort| {
                let tenant_id = tenant_id.clone();
                async move { get_host_origins(&tenant_id, abort.as_ref()).await }
            },
        )),
        _ => None,
    };
    let host = move || match origins {
        None => HostState::Standalone,
        Some(origins) => origins.with(|answer| match answer {
            None => HostState::Connecting,
            Some(Ok(origins)) => HostState::Listening(origins.allowed_host_origins.len()),
            Some(Err(_)) => HostState::Unreachable,
        }),
    };
    if let (Some(origins), Some(tenant_id)) = (origins, session.tenant_id.clone()) {
        // Once they are known: trust them, and tell the host the panel is ready.
        Effect::new(move || {
            origins.with(|answer| {
                if let Some(Ok(origins)) = answer {
                    bridge.allow(origins.allowed_host_origins.clone());
                    bridge.post("c360-ready-v1", &[("tenantId", JsValue::from_str(&tenant_id))]);
                }
            })
        });
        bridge.listen(move |event| match event {
            HostEvent::Started(started) => {
                perf::mark(perf::HOST_STARTED);
                if let Subject::Customer(identity) = crate::host::desk::subject_of(&started) {
                    // A new interaction makes the customer's history stale, whichever key it was
                    // kept under: the identifier, or (native CRM) each contact it matched.
                    if let Some(Ok(list)) = matches.get(&identity) {
                        for contact in list.contacts {
                            cache.forget(&Identity::Contact { contact_id: contact.contact_id });
                        }
                    }
                    cache.forget(&identity);
                    matches.forget(&identity);
                }
                desk.update(|d| {
                    d.start(&started);
                    d.started_at(&started.interaction_id, js_sys::Date::now() as i64);
                });
            }
            // Only a real change notifies: a repeated focus or end re-renders nothing.
            HostEvent::Focus { interaction_id } => desk.maybe_update(|d| d.focus(&interaction_id)),
            // Auto log hears of the end before the desk lets the interaction go.
            HostEvent::Ended { interaction_id } => desk.maybe_update(|d| {
                let queued = d.queue_ended(&interaction_id, js_sys::Date::now() as i64);
                d.end(&interaction_id) || queued
            }),
            HostEvent::WrapUpCodes { interaction_id, codes } => {
                desk.maybe_update(|d| d.queue_codes(&interaction_id, codes, js_sys::Date::now() as i64))
            }
            // The agent's own language applies unless the host chose one for the panel.
            HostEvent::UserDetails { language: Some(language), .. } if !intl.host_chose_locale() => {
                look::use_locale(intl, &language);
            }
            HostEvent::UserDetails { .. } => {}
            HostEvent::Context(context) => look::apply(&context, intl),
            HostEvent::Auth { token: new } => {
                if token.with_untracked(|t| t.as_deref() != Some(new.as_str())) {
                    token.set(Some(new));
                }
            }
        });
        // The preferred height, each time it changes: at once when it grows, and when it shrinks
        // only once it has held for a moment. A new interaction shows skeletons shorter than what
        // follows a moment later: reported at once, the host would shrink its frame and grow it
        // again, each time laying out and restyling the whole panel (across its height
        // breakpoints) on the way to the first screenful (docs/performance.md, issue 14).
        Effect::new(move |_| {
            if let Some(main) = main_ref.get() {
                let el: web_sys::Element = main.into();
                let target = el.clone();
                let last = std::rc::Rc::new(std::cell::Cell::new(0));
                let mut shrink = None::<TimeoutHandle>;
                crate::ui::measure::observe_size(&el, move || {
                    let height = target.scroll_height();
                    if let Some(pending) = shrink.take() {
                        pending.clear();
                    }
                    if height > last.get() {
                        last.set(height);
                        bridge.report_height(height);
                    } else if height < last.get() {
                        let last = last.clone();
                        let report = move || {
                            last.set(height);
                            bridge.report_height(height);
                        };
                        shrink = set_timeout_with_handle(report, std::time::Duration::from_secs(1)).ok();
                    }
                });
            }
        });
    }

    // Tell the host whose profile is on screen (with screen pop off, once the agent opened it),
    // and screen readers whom the interaction is with.
    let shown = move || desk.with(|d| d.shown().map(|l| (l.id.clone(), l.subject.clone(), l.label(), l.ended)));
    let waiting = move || desk.with(Desk::waits_for_agent);
    let profile = move || desk.with(|d| d.looked_up().map(|(l, identity)| (l.id.clone(), identity.clone(), l.ended)));
    let announced = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        if let Some((id, identity, false)) = profile()
            && announced.with_value(|a| a.as_deref() != Some(id.as_str()))
        {
            announced.set_value(Some(id.clone()));
            let (key, value) = identity.query_pair();
            let who = bridge::object(&[(key, JsValue::from_str(value))]);
            bridge.post("c360-identity-shown-v1", &[("interactionId", id.into()), ("identity", who.into())]);
        }
    });
    let announcement = move || match shown() {
        None => String::new(),
        Some((_, Subject::Internal, _, _)) => "Internal call: no customer context".to_owned(),
        Some((_, Subject::Unrouted, _, _)) => "Direct call, not through a queue: not looked up".to_owned(),
        Some((_, Subject::Unidentified, label, _)) => format!("{label}: no customer details shared"),
        Some((_, Subject::Customer(identity), label, ended)) => {
            let who = readable_identity(&identity).text;
            let state = match (ended, waiting()) {
                (true, _) => ". Interaction ended",
                (false, true) => ". Screen pop is off: choose Show history to open it",
                (false, false) => "",
            };
            format!("{label}: {who}{state}")
        }
    };

    let tenant_id = session.tenant_id.clone();
    let body = move || match (tenant_id.clone(), token.get(), host()) {
        (None, _, _) | (Some(_), None, HostState::Standalone) => view! {
            <Notice
                headline="This panel link is incomplete"
                advice="Open the panel from your agent workspace, or use a link with tenantId and a token."
                testid="setup-notice"
            />
        }
        .into_any(),
        (Some(_), None, HostState::Listening(0)) => view! {
            <Notice
                headline="This workspace is not allowed to show the panel"
                advice="Ask an administrator to add the workspace's address to the tenant's allowed host origins."
                testid="untrusted-host-notice"
            />
        }
        .into_any(),
        (Some(_), None, HostState::Unreachable) => view! {
            <Notice
                headline="Cannot reach the Customer 360 service"
                advice="The panel will connect when the page is reloaded."
                testid="unreachable-notice"
            />
        }
        .into_any(),
        (Some(_), None, _) => view! {
            <Notice
                headline="Waiting for the agent workspace"
                advice="The panel signs in as soon as your workspace hands it a session."
                testid="waiting-notice"
            />
        }
        .into_any(),
        (Some(tenant_id), Some(token), _) => {
            let mut client = ApiClient::new("", tenant_id, token);
            if embedded {
                // A refused token: ask the host for a fresh one, once per token it handed over
                // (this branch runs again, with a new `asked`, for each token).
                let asked = StoredValue::new(false);
                client = client.on_token_refused(Callback::new(move |refused: TokenRefused| {
                    if !asked.get_value() {
                        asked.set_value(true);
                        bridge.post("c360-auth-required-v1", &[("reason", JsValue::from_str(refused.reason()))]);
                    }
                }));
            }
            view! { <SignedIn client desk/> }.into_any()
        }
    };

    view! {
        <main class="panel" node_ref=main_ref data-ignored-messages=move || bridge.ignored.get().to_string()>
            <h1 class="visually-hidden">"Customer 360"</h1>
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="panel-status">{announcement}</p>
            {body}
        </main>
    }
}
