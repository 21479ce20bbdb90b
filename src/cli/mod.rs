//! The native command line, `province-targets`: checks a dataset file for a data editor and exports it.
//!
//! Each subcommand is one function that gets its parsed `Options` and returns `Result<(), Failure>`; `main`
//! turns a failure into messages on stderr and an exit code (1: the data has problems, 2: the command could
//! not run). A new subcommand is a line in `run`'s `match`, a function, and a paragraph in `USAGE`.
//! The chart exports (`svg`, `png`, `static`) live in `export`; rasterising with the bundled fonts in `raster`.

mod export;
mod import;
mod raster;

use province_targets::chart::{embed, framing};
use province_targets::data::model::Qualifier;
use province_targets::data::read as json;
use province_targets::export::csv;
use province_targets::{Dataset, Lang, Problem};
use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
province-targets: Vietnamese provinces' digital-transformation targets

Usage:
  province-targets check [FILE] [--lang vi|en] [--strict]
      Validates FILE (default: the bundled dataset). Prints a summary and every warning (a short label
      over its length, shown cut with \"…\"), or every error and warning found. Exits 1 only on an error;
      with --strict (for CI) a warning is an error too.
  province-targets csv [FILE] [--lang vi|en]
      Writes the dataset as CSV (RFC 4180, UTF-8 with a byte-order mark) to stdout: one row per target,
      then the national targets, pillars, provinces, indicators and sources (the record column).
  province-targets import SHEET.csv [--lang vi|en]
      Builds a dataset from a sheet in the form csv writes and prints it as JSON to stdout. Every problem
      names its row and column. csv then import gives back the same file.
  province-targets svg [FILE] [--indicator ID] [--year Y|all] [--provinces a,b] [--lang vi|en]
                       [--highlight a,b] [--theme light|dark] [--width N] [--national on|off] [--title T]
                       [--subtitle T] [--note T] [--credit T]
      Writes the chart of one view as a standalone SVG file to stdout: the same SVG the widget
      exports at that width. Defaults: the default indicator, every year and province, vi, light, 640,
      and the national targets drawn as reference lines. --title, --subtitle, --note and --credit (at
      most 120, 280, 400 and 100 characters) replace the indicator's label and definition, add a note
      and the outlet's credit under the source line, as the embed's options of those names do.
  province-targets png [FILE] (the svg options) [--scale S] [--out FILE.png]
      Rasterises that SVG (fonts bundled: DejaVu Sans). The PNG is width*S pixels wide (default S: 2).
      Without --out it goes to stdout, never to a terminal.
  province-targets static [FILE] --out-dir DIR [--lang vi|en] [--theme light|dark] [--width N] [--scale S]
      Writes DIR/<indicator-id>.svg and .png for the default view of every indicator, and DIR/index.json
      listing them with each chart's title, one-sentence summary and source line (no-JavaScript fallbacks).
  province-targets embed-contract
      Prints the embed contract as JSON: the version, the element, the options an embed sets and the
      values they accept. The build injects it into the loader (scripts/build-dist.mjs).
  province-targets --help
      Prints this help.

Options:
  --lang vi|en   Language of problem messages (default: en) and of names in the CSV and charts (default: vi).

Every command that reads a dataset prints its warnings on stderr and goes on; an error stops it.
Exit status: 0 on success, 1 when the dataset has errors, 2 when the command could not run
(unknown option or value, unreadable file).
";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

/// Dispatches to one function per subcommand.
fn run(args: &[String]) -> Result<(), Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::Usage("no command given".to_string()));
    };
    if command == "help" || args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return Ok(());
    }
    match command.as_str() {
        "check" => check(&Options::parse("check", rest, &["--lang", "--strict"])?),
        "csv" => write_csv(&Options::parse("csv", rest, &["--lang"])?),
        "import" => import_sheet(&Options::parse("import", rest, &["--lang"])?),
        "svg" => export::svg(&Options::parse("svg", rest, export::SVG_OPTIONS)?),
        "png" => export::png(&Options::parse("png", rest, &export::PNG_OPTIONS)?),
        "static" => export::static_files(&Options::parse("static", rest, export::STATIC_OPTIONS)?),
        "embed-contract" => embed_contract(&Options::parse("embed-contract", rest, &[])?),
        other => Err(Failure::Usage(format!(
            "unknown command {other}. Valid commands: check, csv, import, svg, png, static, embed-contract"
        ))),
    }
}

/// `check`: a summary of a valid dataset and its warnings, or every problem in an invalid one. Under
/// `--strict` a warning is an error.
fn check(options: &Options) -> Result<(), Failure> {
    let lang = options.lang(Lang::En)?;
    let dataset = options.read_dataset(lang)?;
    if options.flag("--strict") && !dataset.warnings.is_empty() {
        let file = options.file.clone();
        return Err(Failure::Invalid { problems: dataset.warnings, lang, file, strict: true });
    }
    let n_qualitative = dataset.targets.iter().filter(|t| t.qualifier == Qualifier::Qualitative).count();
    println!(
        "ok: {} provinces, {} indicators, {} pillars, {} sources, {} targets ({} numeric, {} qualitative)",
        dataset.provinces.len(),
        dataset.indicators.len(),
        dataset.pillars.len(),
        dataset.sources.len(),
        dataset.targets.len(),
        dataset.targets.len() - n_qualitative,
        n_qualitative,
    );
    for (i, province) in dataset.provinces.iter().enumerate() {
        let n_targets = dataset.targets.iter().filter(|t| t.province == i).count();
        // Named as the chart names it in either language, with its diacritics (`Province::name_vi`).
        let name = &province.name_vi;
        println!("  {}: {n_targets} {} ({name})", province.id, plural(n_targets, "target", "targets"));
    }
    if !dataset.national.is_empty() {
        let mut documents: Vec<&str> = Vec::new();
        for national in &dataset.national {
            if !documents.contains(&national.document.as_str()) {
                documents.push(&national.document);
            }
        }
        let n = dataset.national.len();
        println!("  national: {n} {} ({})", plural(n, "target", "targets"), documents.join(", "));
    }
    if !dataset.warnings.is_empty() {
        let warnings: Vec<String> = dataset.warnings.iter().map(|w| w.message(lang)).collect();
        print_problems(&[], &warnings, lang, &options.file_name(lang));
    }
    Ok(())
}

/// `csv`: the dataset as CSV on stdout.
fn write_csv(options: &Options) -> Result<(), Failure> {
    let csv_lang = options.lang(Lang::Vi)?;
    let dataset = options.dataset(options.lang(Lang::En)?)?;
    write_stdout(csv::write_csv(&dataset, csv_lang).as_bytes())
}

/// `import`: the dataset a sheet makes, as JSON on stdout, or every problem with its row and column.
fn import_sheet(options: &Options) -> Result<(), Failure> {
    let lang = options.lang(Lang::En)?;
    let Some(path) = &options.file else {
        return Err(Failure::Usage("import needs the sheet to read: import SHEET.csv".to_string()));
    };
    let text = std::fs::read_to_string(path)
        .map_err(|error| Failure::Io(format!("cannot read {}: {error}", path.display())))?;
    match import::sheet_to_json(&text, lang) {
        Ok(json) => write_stdout(json.as_bytes()),
        Err(problems) => Err(Failure::Sheet { problems, lang, file: path.clone() }),
    }
}

/// `embed-contract`: `chart::embed` as JSON, what the loader is built with. Takes no FILE: the values a
/// dataset adds are described, not listed, since an embed may name its own dataset.
fn embed_contract(options: &Options) -> Result<(), Failure> {
    if let Some(file) = &options.file {
        return Err(Failure::Usage(format!("embed-contract takes no FILE, got {}", file.display())));
    }
    let values: serde_json::Map<String, serde_json::Value> =
        embed::OPTIONS.iter().map(|o| (o.name.to_string(), serde_json::json!(o.values))).collect();
    let from_dataset: serde_json::Map<String, serde_json::Value> = embed::OPTIONS
        .iter()
        .filter_map(|o| Some((o.name.to_string(), serde_json::json!(o.from_dataset?))))
        .collect();
    let contract = serde_json::json!({
        "version": embed::VERSION,
        "tag": embed::TAG,
        "options": embed::OPTIONS.iter().map(|o| o.name).collect::<Vec<_>>(),
        "attributes": embed::attributes().collect::<Vec<_>>(),
        "values": values,
        "from_dataset": from_dataset,
        "lang_tag": Lang::tag_pattern(),
        "lang_default": Lang::default().as_str(),
        // The editor's own words are cut at these lengths (in characters); the builder's fields stop there.
        "max_chars": {
            "title": framing::TITLE_MAX_CHARS,
            "subtitle": framing::SUBTITLE_MAX_CHARS,
            "note": framing::NOTE_MAX_CHARS,
            "credit": framing::CREDIT_MAX_CHARS,
        },
    });
    let mut json = serde_json::to_string_pretty(&contract).expect("JSON values always serialise");
    json.push('\n');
    write_stdout(json.as_bytes())
}

/// Writes to stdout; a reader that stops early (`| head`) is not an error.
fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Failure::Io(format!("cannot write to stdout: {error}"))),
    }
}

/// Every error and warning on stderr, in that order, then how many of each there are in `name`.
fn print_problems(errors: &[String], warnings: &[String], lang: Lang, name: &str) {
    for message in errors {
        eprintln!("error: {message}");
    }
    for message in warnings {
        eprintln!("warning: {message}");
    }
    let (n_errors, n_warnings) = (errors.len(), warnings.len());
    let mut counts = Vec::new();
    match lang {
        Lang::En => {
            if n_errors > 0 {
                counts.push(format!("{n_errors} {}", plural(n_errors, "error", "errors")));
            }
            if n_warnings > 0 {
                counts.push(format!("{n_warnings} {}", plural(n_warnings, "warning", "warnings")));
            }
            eprintln!("{} in {name}", counts.join(", "));
        }
        Lang::Vi => {
            if n_errors > 0 {
                counts.push(format!("{n_errors} lỗi"));
            }
            if n_warnings > 0 {
                counts.push(format!("{n_warnings} cảnh báo"));
            }
            eprintln!("{} trong {name}", counts.join(", "));
        }
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The options that take no value: present or not.
const FLAGS: [&str; 1] = ["--strict"];

/// The arguments of one subcommand: at most one FILE, options that each take a value (`--lang en` or
/// `--lang=en`), and the flags of `FLAGS` (`--strict`).
struct Options {
    file: Option<PathBuf>,
    values: Vec<(&'static str, String)>,
}

impl Options {
    /// Reads `args`, accepting only the options in `valid`; a wrong one is a usage error naming them all.
    fn parse(command: &str, args: &[String], valid: &[&'static str]) -> Result<Options, Failure> {
        let mut options = Options { file: None, values: Vec::new() };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if arg.starts_with('-') {
                let (name, inline_value) = match arg.split_once('=') {
                    Some((name, value)) => (name, Some(value.to_string())),
                    None => (arg.as_str(), None),
                };
                let Some(&flag) = valid.iter().find(|v| **v == name) else {
                    return Err(Failure::Usage(format!(
                        "unknown option {name} for {command}. Valid options: {}",
                        valid.join(", ")
                    )));
                };
                if FLAGS.contains(&flag) {
                    if inline_value.is_some() {
                        return Err(Failure::Usage(format!("option {flag} takes no value")));
                    }
                    options.values.retain(|(f, _)| *f != flag);
                    options.values.push((flag, String::new()));
                    continue;
                }
                let Some(value) = inline_value.or_else(|| args.next().cloned()) else {
                    return Err(Failure::Usage(format!("option {flag} needs a value")));
                };
                options.values.retain(|(f, _)| *f != flag);
                options.values.push((flag, value));
            } else if let Some(file) = &options.file {
                return Err(Failure::Usage(format!(
                    "{command} takes one FILE, got both {} and {arg}",
                    file.display()
                )));
            } else {
                options.file = Some(PathBuf::from(arg));
            }
        }
        Ok(options)
    }

    /// The value given for `flag`, if any.
    fn get(&self, flag: &str) -> Option<&str> {
        self.values.iter().find(|(f, _)| *f == flag).map(|(_, v)| v.as_str())
    }

    /// Whether the flag `flag` (one of `FLAGS`) was given.
    fn flag(&self, flag: &str) -> bool {
        self.get(flag).is_some()
    }

    /// How messages name the dataset read: its path, or the bundled dataset.
    fn file_name(&self, lang: Lang) -> String {
        match &self.file {
            Some(path) => path.display().to_string(),
            None => lang.pick("bộ dữ liệu đi kèm", "the bundled dataset").to_string(),
        }
    }

    /// `--lang`, or `default` when it is not given.
    fn lang(&self, default: Lang) -> Result<Lang, Failure> {
        let Some(text) = self.get("--lang") else {
            return Ok(default);
        };
        Lang::parse(text).ok_or_else(|| {
            Failure::Usage(format!("\"{text}\" is not a language. Choose from: {}", Lang::CHOICES.join(", ")))
        })
    }

    /// The validated dataset from FILE, or the bundled one, its warnings printed on stderr (worded in `lang`)
    /// before the command goes on.
    fn dataset(&self, lang: Lang) -> Result<Dataset, Failure> {
        let dataset = self.read_dataset(lang)?;
        for warning in &dataset.warnings {
            eprintln!("warning: {}", warning.message(lang));
        }
        Ok(dataset)
    }

    /// The validated dataset from FILE, or the bundled one, with its warnings; errors are worded in `lang`.
    fn read_dataset(&self, lang: Lang) -> Result<Dataset, Failure> {
        let text: Cow<str> = match &self.file {
            Some(path) => std::fs::read_to_string(path)
                .map_err(|error| Failure::Io(format!("cannot read {}: {error}", path.display())))?
                .into(),
            None => json::BUNDLED.into(),
        };
        json::dataset_from_json(&text).map_err(|problems| Failure::Invalid {
            problems,
            lang,
            file: self.file.clone(),
            strict: false,
        })
    }
}

/// Why a command did not succeed.
enum Failure {
    /// The command line itself is wrong: exit 2, with the usage.
    Usage(String),
    /// An option names something that does not exist (an indicator, a year, a theme): exit 2, with the
    /// valid values in the message but without the whole usage, so they are the last thing on screen.
    Value(String),
    /// A file could not be read or written: exit 2.
    Io(String),
    /// The dataset has errors (or, under `strict`, warnings, which then count as errors): exit 1, every
    /// problem listed. `file` is `None` for the bundled dataset.
    Invalid { problems: Vec<Problem>, lang: Lang, file: Option<PathBuf>, strict: bool },
    /// A sheet given to `import` has problems, each already worded with its row and column: exit 1.
    Sheet { problems: Vec<String>, lang: Lang, file: PathBuf },
}

impl Failure {
    fn report(self) -> ExitCode {
        match self {
            Failure::Usage(message) => {
                eprintln!("error: {message}\n\n{USAGE}");
                ExitCode::from(2)
            }
            Failure::Value(message) => {
                eprintln!("error: {message}\n(province-targets --help lists the options)");
                ExitCode::from(2)
            }
            Failure::Io(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
            Failure::Invalid { problems, lang, file, strict } => {
                let (errors, warnings): (Vec<&Problem>, Vec<&Problem>) =
                    problems.iter().partition(|p| strict || p.is_error());
                let words = |problems: Vec<&Problem>| -> Vec<String> {
                    problems.iter().map(|p| p.message(lang)).collect()
                };
                let name = Options { file, values: Vec::new() }.file_name(lang);
                print_problems(&words(errors), &words(warnings), lang, &name);
                ExitCode::from(1)
            }
            Failure::Sheet { problems, lang, file } => {
                print_problems(&problems, &[], lang, &file.display().to_string());
                ExitCode::from(1)
            }
        }
    }
}
