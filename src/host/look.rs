//! Applies `c360-context-v1`: colour scheme, accent preset, language and time zone.

use super::event::{HostContext, Theme};
use crate::intl::prefs;

/// Applies a host context to the document; answers whether dates must be formatted again
/// (language or time zone changed).
pub fn apply(context: &HostContext) -> bool {
    let Some(root) = root() else { return false };
    let _ = match context.theme {
        Some(Theme::Light) => root.set_attribute("data-theme", "light"),
        Some(Theme::Dark) => root.set_attribute("data-theme", "dark"),
        None => root.remove_attribute("data-theme"),
    };
    let _ = match &context.accent {
        Some(accent) => root.set_attribute("data-accent", accent),
        None => root.remove_attribute("data-accent"),
    };
    let mut changed = context.locale.as_deref().is_some_and(use_locale);
    if let Some(zone) = &context.time_zone {
        changed |= prefs::set_time_zone(zone);
    }
    changed
}

/// Reads and formats in `locale` from now on, and tells assistive technology through `<html lang>`;
/// answers whether anything changed (the browser must accept the tag).
pub fn use_locale(locale: &str) -> bool {
    let changed = prefs::set_locale(locale);
    if changed && let Some(root) = root() {
        let _ = root.set_attribute("lang", locale);
    }
    changed
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}
