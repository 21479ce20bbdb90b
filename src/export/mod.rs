//! The dataset and the view as something other than a chart: CSV for spreadsheets (the whole dataset, or the
//! view's table), the data table for screen readers. Depends on `chart`, `data` and `locale`.

pub mod csv;
pub mod table;
pub mod view_csv;
