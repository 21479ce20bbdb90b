//! Two serde wrappers whose `Deserialize` never fails on the data itself, so that one wrong value in one
//! record is one problem with its record and field, reported with every other problem, instead of a failed
//! parse that stops at the first one.
//!
//! - `Field<T>` is one field: absent, null, a value of the right type, or a value of the wrong type (with
//!   the kind of value found, for the message).
//! - `Record<T>` is one record: an object read into `T` (a serde-derived struct of `Field`s), together with
//!   the keys `T` does not have and the keys written twice; or something that is not an object.
//!
//! Both work with any self-describing serde deserializer: serde_json over the text natively, and
//! serde-wasm-bindgen over the browser's own `JSON.parse` result in the module. They only ask for
//! `deserialize_any`, so neither format needs to know the dataset's shape. (The reader's module reads a
//! `Record`'s members through `web::record_reader`, so each record type's reader is compiled once.)

use serde::de::DeserializeOwned;
use serde::de::{
    self, DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// How a data editor calls each kind of JSON value, for "expected …, found …" messages (`problem::vi_kind`
/// has the Vietnamese).
pub mod kind {
    pub const NULL: &str = "null";
    pub const BOOL: &str = "true/false";
    pub const NUMBER: &str = "a number";
    pub const TEXT: &str = "text";
    pub const LIST: &str = "a list";
    pub const OBJECT: &str = "an object";
}

/// One field of a record, as the file has it.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Field<T> {
    #[default]
    Absent,
    Null,
    Value(T),
    /// The field holds another kind of value than `T`; `found` is one of `kind`'s constants.
    WrongType {
        found: &'static str,
    },
}

impl<T> Field<T> {
    /// The value, if the field holds one of the right type.
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(value) => Some(value),
            _ => None,
        }
    }
}

/// A type a `Field` can hold: what it accepts, and its name in messages.
pub trait FieldValue: Sized {
    /// One of `kind`'s constants.
    const EXPECTED: &'static str;

    fn from_text(_text: String) -> Option<Self> {
        None
    }

    fn from_number(_number: f64) -> Option<Self> {
        None
    }

    /// Reads a list; the default skips its items (the field wanted something else).
    fn from_list<'de, A: SeqAccess<'de>>(mut list: A) -> Result<Option<Self>, A::Error> {
        while list.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl FieldValue for String {
    const EXPECTED: &'static str = kind::TEXT;

    fn from_text(text: String) -> Option<Self> {
        Some(text)
    }
}

impl FieldValue for f64 {
    const EXPECTED: &'static str = kind::NUMBER;

    fn from_number(number: f64) -> Option<Self> {
        Some(number)
    }
}

impl<R: DeserializeOwned> FieldValue for Vec<Record<R>> {
    const EXPECTED: &'static str = kind::LIST;

    fn from_list<'de, A: SeqAccess<'de>>(mut list: A) -> Result<Option<Self>, A::Error> {
        let mut records = Vec::with_capacity(list.size_hint().unwrap_or(0));
        while let Some(record) = list.next_element::<Record<R>>()? {
            records.push(record);
        }
        Ok(Some(records))
    }
}

impl<'de, T: FieldValue> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor(PhantomData))
    }
}

struct FieldVisitor<T>(PhantomData<T>);

impl<T: FieldValue> FieldVisitor<T> {
    fn accepted(value: Option<T>, found: &'static str) -> Field<T> {
        value.map_or(Field::WrongType { found }, Field::Value)
    }
}

impl<'de, T: FieldValue> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTED)
    }

    fn visit_unit<E>(self) -> Result<Field<T>, E> {
        Ok(Field::Null)
    }

    fn visit_none<E>(self) -> Result<Field<T>, E> {
        Ok(Field::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Field<T>, D::Error> {
        inner.deserialize_any(self)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Field<T>, E> {
        Ok(Field::WrongType { found: kind::BOOL })
    }

    fn visit_f64<E>(self, number: f64) -> Result<Field<T>, E> {
        Ok(Self::accepted(T::from_number(number), kind::NUMBER))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Field<T>, E> {
        self.visit_f64(number as f64)
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Field<T>, E> {
        self.visit_f64(number as f64)
    }

    fn visit_str<E>(self, text: &str) -> Result<Field<T>, E> {
        Ok(Self::accepted(T::from_text(text.to_string()), kind::TEXT))
    }

    fn visit_string<E>(self, text: String) -> Result<Field<T>, E> {
        Ok(Self::accepted(T::from_text(text), kind::TEXT))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, list: A) -> Result<Field<T>, A::Error> {
        Ok(Self::accepted(T::from_list(list)?, kind::LIST))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<T>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Field::WrongType { found: kind::OBJECT })
    }
}

/// One record of a list (or the file as a whole), as the file has it.
#[derive(Debug, Clone, PartialEq)]
pub enum Record<T> {
    Object {
        fields: T,
        /// Keys that `T` does not have (often typos), in file order.
        unknown: Vec<String>,
        /// Keys written more than once, at each repeat. serde_json keeps them in the text; a browser's
        /// `JSON.parse` has already kept only the last, so the module never sees one.
        repeated: Vec<String>,
        /// `T`'s field names, for the message listing the valid ones.
        valid: &'static [&'static str],
    },
    NotObject {
        found: &'static str,
    },
}

/// Records own everything they read (`T: DeserializeOwned`): nothing borrows from the input. The reader's
/// module has its own, compiled once per record type (`web::record_reader`).
#[cfg(not(all(target_arch = "wasm32", not(feature = "sheet"))))]
impl<'de, T: DeserializeOwned> Deserialize<'de> for Record<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RecordVisitor::new())
    }
}

/// Reads one record from any deserializer's value: an object's members through `visit_map`, anything else
/// as `Record::NotObject`.
pub(crate) struct RecordVisitor<T>(PhantomData<T>);

impl<T> RecordVisitor<T> {
    pub(crate) fn new() -> Self {
        RecordVisitor(PhantomData)
    }

    fn not_object<E>(found: &'static str) -> Result<Record<T>, E> {
        Ok(Record::NotObject { found })
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for RecordVisitor<T> {
    type Value = Record<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(kind::OBJECT)
    }

    fn visit_unit<E>(self) -> Result<Record<T>, E> {
        Self::not_object(kind::NULL)
    }

    fn visit_none<E>(self) -> Result<Record<T>, E> {
        Self::not_object(kind::NULL)
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Record<T>, D::Error> {
        inner.deserialize_any(self)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Record<T>, E> {
        Self::not_object(kind::BOOL)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Record<T>, E> {
        Self::not_object(kind::NUMBER)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Record<T>, E> {
        Self::not_object(kind::NUMBER)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Record<T>, E> {
        Self::not_object(kind::NUMBER)
    }

    fn visit_str<E>(self, _: &str) -> Result<Record<T>, E> {
        Self::not_object(kind::TEXT)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut list: A) -> Result<Record<T>, A::Error> {
        while list.next_element::<IgnoredAny>()?.is_some() {}
        Self::not_object(kind::LIST)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Record<T>, A::Error> {
        let mut record = RecordFields { map, valid: &[], unknown: Vec::new(), repeated: Vec::new() };
        // `T`'s derived `Deserialize` calls `deserialize_struct` on `record`, which learns `T`'s field
        // names there, and then reads `record` as its map.
        let fields = T::deserialize(&mut record)?;
        let RecordFields { valid, unknown, repeated, .. } = record;
        Ok(Record::Object { fields, unknown, repeated, valid })
    }
}

/// The members of one object, handed to a derived `Deserialize` as a map that has only known keys, each
/// once. Unknown and repeated keys are set aside (their values skipped) and reported by validation.
struct RecordFields<A> {
    map: A,
    valid: &'static [&'static str],
    unknown: Vec<String>,
    repeated: Vec<String>,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for &mut RecordFields<A> {
    type Error = A::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.valid = fields;
        visitor.visit_map(KnownKeys { record: self, seen: Vec::new() })
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(KnownKeys { record: self, seen: Vec::new() })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The map a derived `Deserialize` reads: the known keys of one object, each once.
struct KnownKeys<'r, A> {
    record: &'r mut RecordFields<A>,
    /// The known keys met so far, as `valid`'s own strings.
    seen: Vec<&'static str>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for KnownKeys<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(key) = self.record.map.next_key::<String>()? else { return Ok(None) };
            let known = self.record.valid.iter().find(|name| **name == key).copied();
            let set_aside = match known {
                Some(name) if self.seen.contains(&name) => &mut self.record.repeated,
                Some(name) => {
                    self.seen.push(name);
                    return seed.deserialize(IntoDeserializer::<A::Error>::into_deserializer(name)).map(Some);
                }
                None if self.record.unknown.contains(&key) => &mut self.record.repeated,
                None => &mut self.record.unknown,
            };
            set_aside.push(key);
            self.record.map.next_value::<IgnoredAny>()?;
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.record.map.next_value_seed(seed)
    }
}
