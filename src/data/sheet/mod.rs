//! The spreadsheet form of a dataset: its columns (`columns`, shared with the writer in `export::csv`, so
//! in every build), and reading it back (`read`, into a `value::JsonValue`), which only the command line
//! and the builder's module carry: the reader's module never reads CSV (the `sheet` feature).

pub mod columns;
#[cfg(any(not(target_arch = "wasm32"), feature = "sheet"))]
pub mod read;
#[cfg(any(not(target_arch = "wasm32"), feature = "sheet"))]
pub mod value;
