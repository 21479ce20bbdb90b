//! Draws a `Scene` on a 2D canvas, for the widget's PNG download.
//!
//! A third back end beside SVG text and live SVG nodes, and for a reason: the usual way (drawing the SVG as
//! an image onto a canvas) loads a `data:` or `blob:` image, which a strict `img-src 'self'` policy forbids.
//! Drawing the same primitives directly needs no image at all.

use crate::chart::scene::{Anchor, Scene, Shape, Weight};
use crate::render::svg::{Palette, FONT_FAMILY};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement};

/// The scene as a PNG `data:` URL, `scale` device pixels per scene pixel.
pub fn png_data_url(
    document: &Document,
    scene: &Scene,
    palette: &Palette,
    scale: f64,
) -> Result<String, JsValue> {
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width((scene.width * scale).ceil() as u32);
    canvas.set_height((scene.height * scale).ceil() as u32);
    let ctx: CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or("province-targets: no 2D canvas")?.dyn_into()?;
    ctx.scale(scale, scale)?;
    ctx.set_fill_style_str(&palette.background);
    ctx.fill_rect(0.0, 0.0, scene.width, scene.height);
    for shape in scene.shapes() {
        draw(&ctx, shape, palette)?;
    }
    canvas.to_data_url_with_type("image/png")
}

/// Fills, or for drafts strokes on the background, the path just built.
fn fill_path(ctx: &CanvasRenderingContext2d, colour: &str, hollow: bool, palette: &Palette) {
    if hollow {
        ctx.set_fill_style_str(&palette.background);
        ctx.fill();
        ctx.set_stroke_style_str(colour);
        ctx.set_line_width(2.0);
        ctx.stroke();
    } else {
        ctx.set_fill_style_str(colour);
        ctx.fill();
    }
}

fn draw(ctx: &CanvasRenderingContext2d, shape: &Shape, palette: &Palette) -> Result<(), JsValue> {
    let no_dash = js_sys::Array::new();
    match shape {
        Shape::Rect { x, y, width, height, paint } => {
            ctx.set_fill_style_str(&palette.color(*paint));
            ctx.fill_rect(*x, *y, *width, *height);
        }
        Shape::Line { x1, y1, x2, y2, paint, stroke_width, dashed } => {
            ctx.begin_path();
            ctx.move_to(*x1, *y1);
            ctx.line_to(*x2, *y2);
            ctx.set_line_width(*stroke_width);
            ctx.set_line_cap("round");
            ctx.set_stroke_style_str(&palette.color(*paint));
            if *dashed {
                ctx.set_line_dash(&js_sys::Array::of2(&3.0.into(), &3.0.into()))?;
            }
            ctx.stroke();
            ctx.set_line_dash(&no_dash)?;
        }
        Shape::Circle { cx, cy, r, paint, hollow, dashed } => {
            ctx.begin_path();
            ctx.arc(*cx, *cy, *r, 0.0, std::f64::consts::TAU)?;
            if *dashed {
                ctx.set_line_dash(&js_sys::Array::of2(&2.5.into(), &2.5.into()))?;
                ctx.set_line_width(1.5);
                ctx.set_stroke_style_str(&palette.color(*paint));
                ctx.stroke();
                ctx.set_line_dash(&no_dash)?;
            } else {
                fill_path(ctx, &palette.color(*paint), *hollow, palette);
            }
        }
        Shape::Polygon { points, paint: colour, hollow } => {
            ctx.begin_path();
            for (i, (x, y)) in points.iter().enumerate() {
                if i == 0 {
                    ctx.move_to(*x, *y);
                } else {
                    ctx.line_to(*x, *y);
                }
            }
            ctx.close_path();
            fill_path(ctx, &palette.color(*colour), *hollow, palette);
        }
        Shape::Text { x, y, text, anchor, size, weight, paint, italic, .. } => {
            let style = if *italic { "italic " } else { "" };
            let weight = if *weight == Weight::Bold { "700 " } else { "" };
            ctx.set_font(&format!(
                "{style}{weight}{}px {FONT_FAMILY}",
                crate::locale::number::plain(*size, 1)
            ));
            ctx.set_text_align(match anchor {
                Anchor::Start => "start",
                Anchor::Middle => "center",
                Anchor::End => "end",
            });
            ctx.set_fill_style_str(&palette.color(*paint));
            ctx.fill_text(text, *x, *y)?;
        }
    }
    Ok(())
}
