//! The sequence and map readers of [`super::JsDeserializer`]: array elements, a struct's fields
//! read by name, and an object's entries for maps.

use js_sys::{Array, Reflect};
use serde::de::value::StrDeserializer;
use serde::de::{self, IntoDeserializer};
use wasm_bindgen::{JsCast, JsValue};

use super::{JsDeserializer, Mismatch, Result};

/// An array's elements, in order.
pub(super) struct Elements {
    array: Array,
    next: u32,
}

impl Elements {
    pub(super) fn new(array: Array) -> Self {
        Self { array, next: 0 }
    }
}

impl<'de> de::SeqAccess<'de> for Elements {
    type Error = Mismatch;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.next >= self.array.length() {
            return Ok(None);
        }
        let value = self.array.get(self.next);
        self.next += 1;
        seed.deserialize(JsDeserializer(value)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.array.length() - self.next) as usize)
    }
}

/// A struct's declared fields, read from an object; absent ones are left to serde (missing or
/// default). `JSON.parse` never makes an `undefined` property, so `undefined` means absent.
pub(super) struct Fields {
    object: JsValue,
    fields: std::slice::Iter<'static, &'static str>,
    value: JsValue,
}

impl Fields {
    pub(super) fn new(object: JsValue, fields: &'static [&'static str]) -> Self {
        Self { object, fields: fields.iter(), value: JsValue::UNDEFINED }
    }
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = Mismatch;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        for field in &mut self.fields {
            let value = Reflect::get(&self.object, &JsValue::from_str(field)).unwrap_or(JsValue::UNDEFINED);
            if !value.is_undefined() {
                self.value = value;
                let key: StrDeserializer<'_, Mismatch> = field.into_deserializer();
                return seed.deserialize(key).map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(JsDeserializer(std::mem::replace(&mut self.value, JsValue::UNDEFINED)))
    }
}

/// An object's own `[key, value]` entries (for map-shaped types).
pub(super) struct Entries {
    entries: Array,
    next: u32,
    value: JsValue,
}

impl Entries {
    pub(super) fn new(entries: Array) -> Self {
        Self { entries, next: 0, value: JsValue::UNDEFINED }
    }
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = Mismatch;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.next >= self.entries.length() {
            return Ok(None);
        }
        let pair: Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.value = pair.get(1);
        seed.deserialize(JsDeserializer(pair.get(0))).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(JsDeserializer(std::mem::replace(&mut self.value, JsValue::UNDEFINED)))
    }
}
