//! The window end of the host protocol: who may talk to the panel, listening to them, and the
//! panel's own messages to the host (`c360-ready-v1`, `c360-resize-v1`, `c360-identity-shown-v1`).

use js_sys::{Object, Reflect};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::event::{HostEvent, Rejected, parse};

/// The schema version of every `c360-*` message the panel sends.
pub const SCHEMA_VERSION: &str = "1.0.0";

/// The panel's link to its host: allowed origins (from the server, never from the URL), the
/// origin that proved itself, and how many messages were ignored.
#[derive(Clone, Copy)]
pub struct HostBridge {
    allowed: StoredValue<Vec<String>>,
    host: StoredValue<Option<String>>,
    logged: StoredValue<Vec<Rejected>>,
    /// Messages ignored so far (exposed as `data-ignored-messages` for diagnosis and tests).
    pub ignored: RwSignal<u32>,
}

impl HostBridge {
    /// A bridge that trusts nobody yet.
    pub fn new() -> Self {
        Self {
            allowed: StoredValue::new(Vec::new()),
            host: StoredValue::new(None),
            logged: StoredValue::new(Vec::new()),
            ignored: RwSignal::new(0),
        }
    }

    /// Trusts exactly these origins from now on.
    pub fn allow(&self, origins: Vec<String>) {
        self.allowed.set_value(origins);
    }

    /// Listens to `message` events for as long as the calling owner lives; hands every accepted
    /// event to `on_event`.
    pub fn listen(self, on_event: impl Fn(HostEvent) + 'static) {
        let handle = window_event_listener(ev::message, move |e: web_sys::MessageEvent| {
            let origin = e.origin();
            let result =
                if self.allowed.with_value(|a| a.contains(&origin)) { parse(&e.data()) } else { Err(Rejected::Origin) };
            match result {
                Ok(event) => {
                    self.host.set_value(Some(origin));
                    on_event(event);
                }
                Err(reason) => self.reject(reason, &origin),
            }
        });
        on_cleanup(move || handle.remove());
    }

    fn reject(&self, reason: Rejected, origin: &str) {
        self.ignored.update(|n| *n += 1);
        if !self.logged.with_value(|l| l.contains(&reason)) {
            self.logged.update_value(|l| l.push(reason));
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "Customer 360 panel: ignored {} (from {origin}); further ones are only counted.",
                reason.describe()
            )));
        }
    }

    /// Sends `{ type: "event", name, payload }` to the host: to the origin that has spoken, or
    /// before that to each allowed origin (the browser delivers it only where the origin matches,
    /// so nothing reaches a page that is not allowed).
    pub fn post(&self, name: &str, fields: &[(&str, JsValue)]) {
        let Some(parent) = parent_window() else { return };
        let payload = object(fields);
        let _ = Reflect::set(&payload, &"schemaVersion".into(), &SCHEMA_VERSION.into());
        let message = object(&[("type", "event".into()), ("name", name.into()), ("payload", payload.into())]);
        let targets = match self.host.get_value() {
            Some(host) => vec![host],
            None => self.allowed.get_value(),
        };
        for origin in targets {
            let _ = parent.post_message(&message, &origin);
        }
    }

    /// Tells the host the panel's preferred height (`c360-resize-v1`). A host may
    /// size the iframe to it up to the room it has; the panel keeps its header in view and
    /// scrolls inside whatever height it gets.
    pub fn report_height(self, height: i32) {
        if parent_window().is_some() {
            self.post("c360-resize-v1", &[("height", height.into())]);
        }
    }
}

impl Default for HostBridge {
    fn default() -> Self {
        Self::new()
    }
}

/// The embedding window, if the panel is in a frame.
pub fn parent_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!Object::is(&parent, &window)).then_some(parent)
}

/// A plain object from key/value pairs.
pub fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}
