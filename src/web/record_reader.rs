//! How the reader's module reads one dataset record (`Record`) from what the page's `JSON.parse` made.
//! serde-wasm-bindgen hands the record's JavaScript value over as it is (`preserve`), its members are read
//! through the one map below, and each member's value goes back through serde-wasm-bindgen's deserializer.
//! Through serde-wasm-bindgen's `deserialize_any`, every record type's derived reader would be compiled twice:
//! once for plain objects and once for JavaScript `Map`s, which `JSON.parse` never makes (about 16 KB of the
//! module). A value no JSON text makes (a `Map`, a `Set`, a typed array, a function) is unreadable, as it is
//! for `Field`. The builder's sheet module and native code read records through `field`'s generic reader.

use crate::data::field::{kind, Record, RecordVisitor};
use js_sys::{Array, ArrayBuffer, Object, Symbol};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor,
};
use serde::Deserialize;
use serde_wasm_bindgen::Error;
use wasm_bindgen::{JsCast, JsValue};

impl<'de, T: DeserializeOwned> Deserialize<'de> for Record<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value: JsValue = serde_wasm_bindgen::preserve::deserialize(deserializer)?;
        match shape(&value) {
            Shape::Object(entries) => RecordVisitor::new()
                .visit_map(Members { entries, next: 0, value: JsValue::UNDEFINED })
                .map_err(de::Error::custom),
            Shape::NotObject(found) => Ok(Record::NotObject { found }),
            Shape::Unreadable => Err(de::Error::custom("not a JSON value")),
        }
    }
}

/// What a record's value is, decided once for every record type.
enum Shape {
    /// An object's members, as `Object.entries` lists them: `[key, value]` pairs in the object's key order.
    Object(Array),
    /// Another JSON value; one of `kind`'s constants.
    NotObject(&'static str),
    Unreadable,
}

// Each test below goes through glue the module already imports for serde-wasm-bindgen (`loose_eq` for null and
// undefined, `as_string` for text) rather than one more import each.
fn shape(value: &JsValue) -> Shape {
    if value.loose_eq(&JsValue::NULL) {
        Shape::NotObject(kind::NULL)
    } else if value.as_bool().is_some() {
        Shape::NotObject(kind::BOOL)
    } else if value.as_f64().is_some() {
        Shape::NotObject(kind::NUMBER)
    } else if value.as_string().is_some() {
        Shape::NotObject(kind::TEXT)
    } else if Array::is_array(value) {
        Shape::NotObject(kind::LIST)
    } else if value.is_object() && !Symbol::iterator().js_in(value) && !value.is_instance_of::<ArrayBuffer>()
    {
        Shape::Object(Object::entries(value.unchecked_ref()))
    } else {
        Shape::Unreadable
    }
}

/// An object's members as a serde map: each key as text, each value read by serde-wasm-bindgen.
struct Members {
    entries: Array,
    next: u32,
    /// The value of the key last handed out.
    value: JsValue,
}

impl<'de> MapAccess<'de> for Members {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if self.next >= self.entries.length() {
            return Ok(None);
        }
        let entry: Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.value = entry.get(1);
        // `Object.entries` lists string keys only.
        let key = entry.get(0).as_string().unwrap_or_default();
        seed.deserialize(IntoDeserializer::<Error>::into_deserializer(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = std::mem::replace(&mut self.value, JsValue::UNDEFINED);
        seed.deserialize(serde_wasm_bindgen::Deserializer::from(value))
    }
}
