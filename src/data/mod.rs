//! The dataset: the file format as serde types (`raw`), the problems a file can have (`problem`), the
//! validation that turns one into the other or into the trusted `Dataset` (`validate`, `model`).
//! Depends only on `locale`.

pub mod json;
pub mod model;
pub mod order;
pub mod problem;
pub mod raw;
pub mod validate;
