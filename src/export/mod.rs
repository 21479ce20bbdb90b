//! The dataset and the view as something other than a chart: CSV for spreadsheets, the data table for
//! screen readers. Depends on `chart`, `data` and `locale`.

pub mod csv;
pub mod table;
