//! Applies `c360-context-v1`: colour scheme, accent preset, language and time zone.

use super::event::{HostContext, Theme};
use crate::intl::AgentIntl;

/// Applies a host context: the colour scheme and accent to the document, the language and time
/// zone to `intl` (text re-renders where it stands).
pub fn apply(context: &HostContext, intl: AgentIntl) {
    if let Some(root) = root() {
        let _ = match context.theme {
            Some(Theme::Light) => root.set_attribute("data-theme", "light"),
            Some(Theme::Dark) => root.set_attribute("data-theme", "dark"),
            None => root.remove_attribute("data-theme"),
        };
        let _ = match &context.accent {
            Some(accent) => root.set_attribute("data-accent", accent),
            None => root.remove_attribute("data-accent"),
        };
    }
    if let Some(locale) = &context.locale {
        use_locale(intl, locale);
    }
    if let Some(zone) = &context.time_zone {
        intl.set_time_zone(zone);
    }
}

/// Reads and formats in `locale` from now on, and tells assistive technology through `<html lang>`;
/// answers whether anything changed (the browser must accept the tag).
pub fn use_locale(intl: AgentIntl, locale: &str) -> bool {
    let changed = intl.set_locale(locale);
    if changed && let Some(root) = root() {
        let _ = root.set_attribute("lang", locale);
    }
    changed
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}
