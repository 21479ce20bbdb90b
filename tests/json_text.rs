//! `json::parse`, the one JSON reader of the crate (natively and in the module), against serde_json as the
//! oracle: the same values for everything serde_json writes, and the same verdict on arbitrary text.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use province_targets::data::json::{parse, std_number, MAX_DEPTH};
use province_targets::data::raw::Json;
use serde_json::Value;

fn from_serde(value: &Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Number(n.as_f64().unwrap()),
        Value::String(s) => Json::String(s.clone()),
        Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
        Value::Object(members) => {
            Json::Object(members.iter().map(|(k, v)| (k.clone(), from_serde(v))).collect())
        }
    }
}

/// What serde_json's map keeps of an object: members sorted by key, the last of duplicates.
fn like_serde(json: Json) -> Json {
    match json {
        Json::Array(items) => Json::Array(items.into_iter().map(like_serde).collect()),
        Json::Object(members) => {
            let mut kept = std::collections::BTreeMap::new();
            for (key, value) in members {
                kept.insert(key, like_serde(value));
            }
            Json::Object(kept.into_iter().collect())
        }
        other => other,
    }
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        (0u32..100_000, 0u32..4).prop_map(|(n, d)| Value::from(n as f64 / 10f64.powi(d as i32))),
        any::<String>().prop_map(Value::String),
        "[a-zA-Zàáạảãăâđêôơư0-9 ,.:%\"\\\\/\n\t\u{1}-]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{0,6}", inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reads_what_serde_json_writes(value in value()) {
        let expected = from_serde(&value);
        for text in [serde_json::to_string(&value).unwrap(), serde_json::to_string_pretty(&value).unwrap()] {
            let read = parse(&text, std_number).unwrap_or_else(|e| panic!("{e:?} in {text}"));
            prop_assert_eq!(&read, &expected, "{}", text);
        }
    }

    #[test]
    fn accepts_exactly_what_serde_json_accepts(text in "[{}\\[\\]\",:0-9.eE+ tfrunlsa\\\\n-]{0,24}") {
        // Two documented differences are kept out of the comparison: `\u` escapes (a lone surrogate is read
        // as U+FFFD here, refused by serde_json) and nesting depth (64 here, 128 there).
        prop_assume!(!text.contains("\\u"));
        let ours = parse(&text, std_number);
        let theirs = serde_json::from_str::<Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{} ours {:?} theirs {:?}", text, ours, theirs.err());
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            prop_assert_eq!(like_serde(ours), from_serde(&theirs));
        }
    }

    #[test]
    fn numbers_match_the_standard_library_bit_for_bit(
        int in "-?(0|[1-9][0-9]{0,20})",
        frac in "(\\.[0-9]{1,20})?",
        exp in "([eE][+-]?[0-9]{1,3})?",
    ) {
        let text = format!("{int}{frac}{exp}");
        let Ok(Json::Number(n)) = parse(&text, std_number) else { panic!("{text}") };
        let expected: f64 = text.parse().unwrap();
        prop_assert_eq!(n.to_bits(), expected.to_bits(), "{}", text);
    }
}

#[test]
fn the_depth_limit_is_the_documented_one() {
    let at_limit = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&at_limit, std_number).is_ok());
    let beyond = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert!(parse(&beyond, std_number).is_err());
}
