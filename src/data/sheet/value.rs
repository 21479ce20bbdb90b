//! The dataset a sheet makes, as a JSON-shaped value with its fields in the file's order (serde_json's own
//! map would sort them). It is serialised twice over (serde_json's pretty text for `province-targets import`,
//! a JavaScript object through serde-wasm-bindgen for the builder) and read by the `raw` types directly, so
//! the sheet's dataset is validated by the same code as a JSON file without printing and parsing text.

use serde::de::value::{Error, MapDeserializer, SeqDeserializer};
use serde::de::{Deserializer, IntoDeserializer, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// One value of the file.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonValue {
    Null,
    Number(f64),
    Text(String),
    List(Vec<JsonValue>),
    Object(Vec<(&'static str, JsonValue)>),
}

impl JsonValue {
    /// The whole number a number is, where it is one: `2025` is written and read as an integer, as the
    /// file writes it, and not as `2025.0`.
    fn whole(number: f64) -> Option<i64> {
        (number.fract() == 0.0 && number.abs() < 9e15).then_some(number as i64)
    }
}

impl Serialize for JsonValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            JsonValue::Null => serializer.serialize_none(),
            JsonValue::Number(n) => match JsonValue::whole(*n) {
                Some(whole) => serializer.serialize_i64(whole),
                None => serializer.serialize_f64(*n),
            },
            JsonValue::Text(text) => serializer.serialize_str(text),
            JsonValue::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            JsonValue::Object(fields) => {
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (name, value) in fields {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
        }
    }
}

/// Read as any self-describing format is: the `raw` types ask for nothing but `deserialize_any`.
impl<'de> Deserializer<'de> for &'de JsonValue {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            JsonValue::Null => visitor.visit_unit(),
            JsonValue::Number(n) => match JsonValue::whole(*n) {
                Some(whole) => visitor.visit_i64(whole),
                None => visitor.visit_f64(*n),
            },
            JsonValue::Text(text) => visitor.visit_borrowed_str(text),
            JsonValue::List(items) => visitor.visit_seq(SeqDeserializer::new(items.iter())),
            JsonValue::Object(fields) => {
                visitor.visit_map(MapDeserializer::new(fields.iter().map(|(name, value)| (*name, value))))
            }
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, Error> for &'de JsonValue {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

// Natively only: the tests compare with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::raw::DatasetFile;
    use crate::data::validate::validate;
    use serde::Deserialize;

    #[test]
    fn the_raw_types_read_a_value_as_they_read_the_same_json() {
        let value = JsonValue::Object(vec![
            ("schema_version", JsonValue::Number(1.0)),
            ("pillars", JsonValue::List(vec![JsonValue::Object(vec![("id", JsonValue::Text("p".into()))])])),
            ("provinces", JsonValue::Null),
        ]);
        let file = DatasetFile::deserialize(&value).expect("reading never fails on the data");
        let json = r#"{"schema_version": 1, "pillars": [{"id": "p"}], "provinces": null}"#;
        assert_eq!(file, crate::data::read::file_from_json(json).expect("JSON"));
        // The same problems as the JSON file: the pillar's names are missing, provinces is null.
        let problems = validate(&file).expect_err("an incomplete dataset");
        assert!(problems.len() >= 3, "{problems:?}");
    }

    #[test]
    fn whole_numbers_are_written_as_integers_and_others_as_they_are() {
        let value = JsonValue::List(vec![
            JsonValue::Number(2025.0),
            JsonValue::Number(-2.5),
            JsonValue::Null,
            JsonValue::Text("\"a\"".into()),
        ]);
        assert_eq!(serde_json::to_string(&value).unwrap(), r#"[2025,-2.5,null,"\"a\""]"#);
    }
}
