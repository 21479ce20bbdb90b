//! The chart as a reader chose it: the view (`view`), values and dates worded (`format`), scales, text
//! measurement, and the layout of a view into a `Scene` of plain primitives in pixel space, and the embed
//! contract (`embed`: the options an embed sets). Depends on `data` and `locale`; knows nothing of SVG or the
//! browser.

pub mod announcement;
pub mod details;
pub mod embed;
pub mod format;
pub mod framing;
pub mod glyph;
pub mod indicator_menu;
pub mod layout;
pub mod navigation;
pub mod opening;
pub mod reference;
pub mod scale;
pub mod scene;
pub mod text;
pub mod view;
pub mod years;
