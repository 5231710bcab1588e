//! Drafts in the tab's session storage (see `model::draft` for what is kept and why). Storage that
//! is full or switched off only means the draft does not survive a reload; the form still works.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::model::draft::{decode, encode};

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The draft stored under `key`, if any.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    decode(&storage()?.get_item(key).ok()??)
}

/// Keeps `draft` under `key`.
pub fn save<T: Serialize>(key: &str, draft: &T) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, &encode(draft));
    }
}

/// Forgets the draft under `key`.
pub fn clear(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}
