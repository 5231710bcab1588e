//! Applies `c360-context-v1`: colour scheme, accent preset, language and time zone.

use super::event::{HostContext, Theme};
use crate::intl::prefs;

/// Applies a host context to the document; answers whether dates must be formatted again
/// (language or time zone changed).
pub fn apply(context: &HostContext) -> bool {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return false;
    };
    let _ = match context.theme {
        Some(Theme::Light) => root.set_attribute("data-theme", "light"),
        Some(Theme::Dark) => root.set_attribute("data-theme", "dark"),
        None => root.remove_attribute("data-theme"),
    };
    let _ = match &context.accent {
        Some(accent) => root.set_attribute("data-accent", accent),
        None => root.remove_attribute("data-accent"),
    };
    let mut changed = false;
    if let Some(locale) = &context.locale
        && prefs::set_locale(locale)
    {
        let _ = root.set_attribute("lang", locale);
        changed = true;
    }
    if let Some(zone) = &context.time_zone {
        changed |= prefs::set_time_zone(zone);
    }
    changed
}
