//! The host's language and time-zone choices (`c360-context-v1`, `global-user-details-v1`), which
//! override the browser's. Checked with the browser's own `Intl` before they are kept, so a bad
//! value from a host can never make a formatter throw.

use std::cell::RefCell;

thread_local! {
    static LOCALE: RefCell<Option<String>> = const { RefCell::new(None) };
    static TIME_ZONE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The locale the host chose, if any.
pub fn locale() -> Option<String> {
    LOCALE.with_borrow(Clone::clone)
}

/// The time zone the host chose, if any.
pub fn time_zone() -> Option<String> {
    TIME_ZONE.with_borrow(Clone::clone)
}

/// Uses `locale` from now on if the browser accepts it; answers whether anything changed.
pub fn set_locale(locale: &str) -> bool {
    accepts(locale, None) && LOCALE.with_borrow_mut(|l| l.replace(locale.to_owned()).as_deref() != Some(locale))
}

/// Uses `zone` from now on if the browser knows it; answers whether anything changed.
pub fn set_time_zone(zone: &str) -> bool {
    accepts("en", Some(zone)) && TIME_ZONE.with_borrow_mut(|z| z.replace(zone.to_owned()).as_deref() != Some(zone))
}

/// Whether `Intl.DateTimeFormat(locale, { timeZone })` constructs (it throws a `RangeError` for
/// a malformed tag or an unknown zone).
#[cfg(target_arch = "wasm32")]
fn accepts(locale: &str, zone: Option<&str>) -> bool {
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::JsValue;
    let opts = Object::new();
    if let Some(zone) = zone
        && Reflect::set(&opts, &"timeZone".into(), &JsValue::from_str(zone)).is_err()
    {
        return false;
    }
    let ctor: js_sys::Function = js_sys::Intl::DateTimeFormat::new(&Array::new(), &Object::new()).constructor();
    Reflect::construct(&ctor, &Array::of2(&JsValue::from_str(locale), &opts)).is_ok()
}

#[cfg(not(target_arch = "wasm32"))]
fn accepts(locale: &str, zone: Option<&str>) -> bool {
    !locale.is_empty() && zone.is_none_or(|z| !z.is_empty())
}
