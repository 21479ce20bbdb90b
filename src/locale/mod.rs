//! The bottom layer: the reader's language, the interface's words in Vietnamese and English, and numbers
//! written the way each language writes them, and text cut to a length with "…". It depends on nothing else in
//! the crate.

pub mod cut;
pub mod i18n;
pub mod number;
