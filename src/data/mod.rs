//! The dataset: the file format as serde types (`raw`, read through the never-failing wrappers of
//! `field`), the problems a file can have (`problem`), the validation that turns one into the other or into
//! the trusted `Dataset` (`validate`, `model`), reading JSON text natively (`read`), and the spreadsheet
//! form's columns and its reading (`sheet`).
//! Depends only on `locale`.

pub mod browser_syntax;
pub mod field;
pub mod model;
pub mod order;
pub mod problem;
pub mod raw;
#[cfg(not(target_arch = "wasm32"))]
pub mod read;
pub mod sheet;
pub mod validate;
