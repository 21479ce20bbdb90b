//! province-targets: an embeddable chart comparing Vietnamese provinces' digital-transformation targets.
//!
//! The crate is one pure core, used natively (tests, the command line, static export) and in the browser.
//! Only `web` touches the DOM; serde's types in `data::raw` are the one definition of the dataset's format,
//! read by serde_json natively and by serde-wasm-bindgen in the browser. See ARCHITECTURE.md for the code map.

// The layers, each depending only on those listed before it (tests/tidy.rs checks this).
pub mod chart;
pub mod data;
pub mod export;
pub mod locale;
pub mod render;
// The reader's module: the widget's browser boundary.
#[cfg(all(target_arch = "wasm32", not(feature = "sheet")))]
pub mod web;
// The builder's sheet module (`--features sheet`, scripts/build.sh's second build) exports the CSV reader
// alone: its `web` is `web/sheet.rs` only, so none of the widget's exports (and the code they keep) is in it.
#[cfg(all(target_arch = "wasm32", feature = "sheet"))]
#[path = "web/sheet.rs"]
pub mod web;

pub use data::model::Dataset;
pub use data::problem::Problem;
pub use locale::i18n::Lang;
