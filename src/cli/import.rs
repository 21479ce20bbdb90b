//! `province-targets import SHEET.csv`: the dataset that `data::sheet::read` makes of the spreadsheet form
//! `csv` writes, printed as `data/targets.json` is written. `csv` then `import` gives back the bundled file
//! byte for byte.

use province_targets::data::sheet::read::read_sheet;
use province_targets::Lang;

/// Reads the sheet's text into the dataset's JSON text, or every problem found, worded in `lang`.
pub fn sheet_to_json(text: &str, lang: Lang) -> Result<String, Vec<String>> {
    let value = read_sheet(text, lang)?;
    let mut json = serde_json::to_string_pretty(&value).expect("JSON values always serialise");
    json.push('\n');
    Ok(json)
}
