//! Performance marks the benchmarks read (`performance.getEntriesByName`): when the insights
//! response arrived and when the timeline it feeds was rendered.

/// The host's `aw-interaction-started-v1` has been accepted.
pub const HOST_STARTED: &str = "c360:host-started";
/// The insights response has been received and parsed.
pub const INSIGHTS_RECEIVED: &str = "c360:insights-received";
/// The timeline's first screenful for that response (mood, topics, filters and the newest rows)
/// is in the DOM (next animation frame).
pub const TIMELINE_RENDERED: &str = "c360:timeline-rendered";

/// Records a mark (no-op outside a browser).
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Records `name` on the next animation frame, i.e. once what was just mounted is laid out.
pub fn mark_next_frame(name: &'static str) {
    #[cfg(target_arch = "wasm32")]
    leptos::prelude::request_animation_frame(move || mark(name));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}
