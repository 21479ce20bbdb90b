//! SVG to PNG with resvg, with a font carried in the binary so that text renders on a machine with no fonts.
//!
//! The chart's SVG names a list of families (`svg::FONT_FAMILY`): the reader's system font first, then the
//! common fallbacks, then `sans-serif`. Here the system's fonts are loaded, then DejaVu Sans and DejaVu Sans
//! Bold from the binary (assets/fonts/, Bitstream Vera licence, see LICENSE-DejaVu.txt there); `sans-serif`
//! and the default family resolve to DejaVu Sans. So a family the system has wins, as in a browser, and
//! otherwise every glyph, Vietnamese diacritics included, comes from DejaVu Sans.

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};
use std::sync::Arc;

/// The bundled family, which covers Vietnamese.
pub const BUNDLED_FAMILY: &str = "DejaVu Sans";

static DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The largest side of a PNG, in pixels (a 4000-pixel chart at scale 4, and a bound on memory).
pub const MAX_SIDE: u32 = 16_384;

/// Parses and rasterises SVG text; its font database is built once and shared by every image.
pub struct Rasteriser {
    options: usvg::Options<'static>,
}

impl Rasteriser {
    pub fn new() -> Rasteriser {
        let mut fonts = fontdb::Database::new();
        fonts.load_system_fonts();
        for data in [DEJAVU_SANS, DEJAVU_SANS_BOLD] {
            fonts.load_font_source(fontdb::Source::Binary(Arc::new(data)));
        }
        fonts.set_sans_serif_family(BUNDLED_FAMILY);
        let options = usvg::Options {
            font_family: BUNDLED_FAMILY.to_string(),
            languages: vec!["vi".to_string(), "en".to_string()],
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        };
        Rasteriser { options }
    }

    /// The SVG drawn at `scale` device pixels per SVG pixel, as PNG bytes, with the PNG's size.
    pub fn png(&self, svg: &str, scale: f32) -> Result<(Vec<u8>, u32, u32), String> {
        let tree =
            usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("the SVG does not parse: {e}"))?;
        let size = tree.size();
        let (width, height) = ((size.width() * scale).round(), (size.height() * scale).round());
        if !(width >= 1.0 && height >= 1.0 && width <= MAX_SIDE as f32 && height <= MAX_SIDE as f32) {
            return Err(format!(
                "a {width}×{height} pixel image is out of range (1 to {MAX_SIDE} pixels a side): lower --scale"
            ));
        }
        let (width, height) = (width as u32, height as u32);
        let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or("cannot allocate the image")?;
        resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
        let png = pixmap.encode_png().map_err(|e| format!("cannot encode the PNG: {e}"))?;
        Ok((png, width, height))
    }
}
