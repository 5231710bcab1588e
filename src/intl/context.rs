//! [`AgentIntl`]: the agent's language and time zone, and the formatters built for them, as one
//! typed context. `App` provides it; a host's new choice replaces the formatters (built anew, once)
//! and every text that reads them re-renders in place — nothing is remounted, so filters, open rows
//! and scroll positions stay.

use leptos::prelude::*;

use super::{Formatters, accepts, browser_locale};

/// The locale when neither the host nor the browser names one.
const FALLBACK_LOCALE: &str = "en-US";

/// The agent's language and time zone: the host's choices (`c360-context-v1`,
/// `global-user-details-v1`), else the browser's.
#[derive(Clone, Copy)]
pub struct AgentIntl {
    formatters: RwSignal<Formatters, LocalStorage>,
    /// The language the host chose, if it chose one.
    host_locale: StoredValue<Option<String>>,
}

impl AgentIntl {
    /// The browser's language and time zone.
    pub fn new() -> Self {
        let locale = browser_locale().unwrap_or_else(|| FALLBACK_LOCALE.to_owned());
        Self { formatters: RwSignal::new_local(Formatters::new(&locale, None)), host_locale: StoredValue::new(None) }
    }

    /// Formats with the current formatters (tracked: the caller re-runs when they change).
    pub fn with<U>(&self, f: impl FnOnce(&Formatters) -> U) -> U {
        self.formatters.with(f)
    }

    /// Formats with the current formatters, without subscribing to their changes (a value
    /// computed once, when a component is built).
    pub fn with_untracked<U>(&self, f: impl FnOnce(&Formatters) -> U) -> U {
        self.formatters.with_untracked(f)
    }

    /// Reads and formats in `locale` from now on, if the browser accepts the tag; answers whether
    /// the host's choice changed.
    pub fn set_locale(&self, locale: &str) -> bool {
        if !accepts(locale, None) || self.host_locale.with_value(|l| l.as_deref() == Some(locale)) {
            return false;
        }
        self.host_locale.set_value(Some(locale.to_owned()));
        self.formatters.update(|f| *f = Formatters::new(locale, f.zone()));
        true
    }

    /// Uses the time zone `zone` from now on, if the browser knows it; answers whether it changed.
    pub fn set_time_zone(&self, zone: &str) -> bool {
        if !accepts(FALLBACK_LOCALE, Some(zone)) || self.formatters.with_untracked(|f| f.zone() == Some(zone)) {
            return false;
        }
        self.formatters.update(|f| *f = Formatters::new(f.locale(), Some(zone)));
        true
    }

    /// Whether the host has chosen a language (which then wins over the agent's user details).
    pub fn host_chose_locale(&self) -> bool {
        self.host_locale.with_value(Option::is_some)
    }
}

impl Default for AgentIntl {
    fn default() -> Self {
        Self::new()
    }
}

/// The [`AgentIntl`] in context. A component mounted on its own (as in component tests) gets the
/// browser's, provided for its children so they share it.
pub fn use_intl() -> AgentIntl {
    use_context().unwrap_or_else(|| {
        let intl = AgentIntl::new();
        provide_context(intl);
        intl
    })
}
