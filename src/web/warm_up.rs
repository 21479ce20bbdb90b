//! Drawing a dataset's first view once, into nothing, before any widget mounts it: the browser compiles
//! each WebAssembly function the first time it runs, and on a large dataset the first mount would otherwise
//! pay for compiling the whole drawing pipeline inside the frame that shows the chart. The loader calls this
//! in a task of its own after reading a large dataset (never for a small one, which mounts sooner without).

use super::speech;
use crate::chart::details::details;
use crate::chart::framing::{self, EditorWords, Standing};
use crate::chart::indicator_menu::indicator_menu;
use crate::chart::layout;
use crate::chart::navigation::MarkGrid;
use crate::chart::opening::opening_target;
use crate::chart::view::{ChartConfig, Requested, View};
use crate::chart::years::empty_year;
use crate::data::model::Dataset;
use crate::render::svg::{self, Palette};
use crate::render::theme::ThemeName;
use crate::render::tree::{self, Tree};

/// A width between a phone's and a desktop's: the code that runs is the same at any width.
const WIDTH: f64 = 640.0;

/// Lays out, words and draws the default view of `dataset` as a mount would, and drops the result.
pub(super) fn warm_up(dataset: &Dataset) {
    let (config, _) = ChartConfig::resolve(dataset, &Requested::default());
    let words = EditorWords::default();
    let view = View::new(dataset, &config);
    let mut kept = indicator_menu(dataset, config.lang).len() + dataset.years().len();
    kept += framing::title(dataset, &config, &words).len();
    kept += framing::description(dataset, &config, &words).map_or(0, |d| d.len());
    kept += framing::source_line(dataset, &view, config.lang).map_or(0, |s| s.len());
    kept += empty_year(dataset, &config).map_or(0, |e| e.years.len());
    if let Some(target) = opening_target(dataset, &view) {
        kept += details(dataset, target, config.lang).len();
    }
    let scene = layout::layout_with(dataset, &config, WIDTH, &words, Standing::InPage);
    kept += usize::from(MarkGrid::of(&scene).first().is_some());
    let mut drawn = Tree::default();
    svg::emit(&scene, &Palette::of(ThemeName::Light), &mut drawn);
    speech::for_speech(&mut drawn, config.lang);
    kept += tree::diff(&Tree::default(), &drawn).changes.len();
    // The results are dropped: only the compiled code stays. `black_box` keeps the optimiser from
    // dropping the work with them.
    std::hint::black_box(kept);
}
