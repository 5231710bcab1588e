//! Reads a value made by the browser's `JSON.parse` into a serde type.
//!
//! It replaces `serde-wasm-bindgen`, whose error messages (`invalid type: floating point 1.5,
//! expected …`) pull in `f64` and string `Debug` formatting: 13.5 KB of the 200 KB gzip budget
//! for text the panel never shows (a body that does not decode is simply "not the expected JSON").
//! The rules are the same for every value `JSON.parse` can produce: `null` is `None` or `()`,
//! integral numbers within the safe range are integers, a struct is read field by field from an
//! object (absent fields are missing, unknown ones ignored), and a sequence is an array.

use js_sys::{Array, Number, Object};
use serde::de::{self, DeserializeOwned, Visitor};
use wasm_bindgen::{JsCast, JsValue};

mod access;

use access::{Elements, Entries, Fields};

/// Decodes `value` as `T`; `None` if it does not have `T`'s shape.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Option<T> {
    T::deserialize(JsDeserializer(value)).ok()
}

/// Why a value did not decode. Deliberately without a message: see the module docs.
#[derive(Debug)]
pub struct Mismatch;

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the value does not have the expected shape")
    }
}

impl std::error::Error for Mismatch {}

impl de::Error for Mismatch {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Mismatch
    }
}

type Result<T> = std::result::Result<T, Mismatch>;

struct JsDeserializer(JsValue);

/// Narrower numbers are read as their widest kind; the visitor checks the range.
macro_rules! narrower {
    ($($($narrow:ident)+ => $wide:ident;)+) => {$($(
        fn $narrow<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.$wide(visitor)
        }
    )+)+};
}

impl JsDeserializer {
    /// `null` (and `undefined`, which `JSON.parse` never produces).
    fn is_nullish(&self) -> bool {
        self.0.loose_eq(&JsValue::NULL)
    }

    fn safe_integer(&self) -> Option<i64> {
        Number::is_safe_integer(&self.0).then(|| self.0.unchecked_into_f64() as i64)
    }
}

impl<'de> de::Deserializer<'de> for JsDeserializer {
    type Error = Mismatch;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.is_nullish() {
            visitor.visit_unit()
        } else if let Some(b) = self.0.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = self.0.as_f64() {
            match self.safe_integer() {
                Some(i) => visitor.visit_i64(i),
                None => visitor.visit_f64(n),
            }
        } else if let Some(s) = self.0.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(&self.0) {
            self.deserialize_seq(visitor)
        } else if self.0.is_object() {
            let entries = Object::entries(self.0.unchecked_ref());
            visitor.visit_map(Entries::new(entries))
        } else {
            Err(Mismatch)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_bool(self.0.as_bool().ok_or(Mismatch)?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.safe_integer().ok_or(Mismatch)?)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.safe_integer() {
            Some(i) if i >= 0 => visitor.visit_u64(i as u64),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.0.as_f64().ok_or(Mismatch)?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_string(self.0.as_string().ok_or(Mismatch)?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_string(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.is_nullish() { visitor.visit_none() } else { visitor.visit_some(self) }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.is_nullish() { visitor.visit_unit() } else { Err(Mismatch) }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let array = self.0.dyn_into::<Array>().map_err(|_| Mismatch)?;
        visitor.visit_seq(Elements::new(array))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if !self.0.is_object() {
            return Err(Mismatch);
        }
        visitor.visit_map(Fields::new(self.0, fields))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    /// Unknown fields are skipped without looking at them.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }

    narrower! {
        deserialize_i8 deserialize_i16 deserialize_i32 => deserialize_i64;
        deserialize_u8 deserialize_u16 deserialize_u32 => deserialize_u64;
        deserialize_f32 => deserialize_f64;
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char bytes byte_buf unit_struct tuple tuple_struct map enum
    }
}
