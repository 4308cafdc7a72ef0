//! The 签到码 of a document: a QR code at the top right of its first page, above the text
//! block (the 版心 stays untouched), with 签到码 under it. The PDF draws it as vector squares;
//! the .docx carries the same modules as a PNG anchored at the same place on the page.

use qrcode::{Color, EcLevel, QrCode};

use super::canvas::{mm, Canvas, TextRun};
use super::{FontRole, PageStyle};
use crate::error::{Error, Result};

/// The light border a reader needs around the modules, in modules (ISO/IEC 18004).
const QUIET: usize = 4;
/// The printed side of the code, quiet zone included.
pub const SIDE_MM: f32 = 20.0;
/// From the paper's top edge to the code's top edge.
pub const TOP_MM: f32 = 9.0;
/// The caption under the code.
pub const CAPTION: &str = "签到码";
const CAPTION_SIZE: f32 = 9.0;

/// The dark and light modules of a code, row by row, quiet zone included.
#[derive(Debug, Clone, PartialEq)]
pub struct Modules {
    pub side: usize,
    dark: Vec<bool>,
}

impl Modules {
    /// The modules of `text` (error correction M: a quarter of the code may be smudged).
    pub fn of(text: &str) -> Result<Modules> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .map_err(|e| Error::Internal(format!("无法生成二维码（{e}）")))?;
        let width = code.width();
        let side = width + 2 * QUIET;
        let colors = code.to_colors();
        let mut dark = vec![false; side * side];
        for y in 0..width {
            for x in 0..width {
                dark[(y + QUIET) * side + x + QUIET] = colors[y * width + x] == Color::Dark;
            }
        }
        Ok(Modules { side, dark })
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.side + x).copied().unwrap_or(false)
    }

    /// Each row's runs of dark modules as (row, first column, length).
    fn runs(&self) -> Vec<(usize, usize, usize)> {
        let mut runs = Vec::new();
        for y in 0..self.side {
            let mut x = 0;
            while x < self.side {
                if self.is_dark(x, y) {
                    let start = x;
                    while x < self.side && self.is_dark(x, y) {
                        x += 1;
                    }
                    runs.push((y, start, x - start));
                } else {
                    x += 1;
                }
            }
        }
        runs
    }

    /// An SVG of the code for the screen: one path of the dark runs on a white square, one
    /// unit a module, sized by whoever shows it.
    pub fn svg(&self) -> String {
        let mut d = String::new();
        for (y, x, len) in self.runs() {
            d.push_str(&format!("M{x} {y}h{len}v1h-{len}z"));
        }
        let side = self.side;
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>"
        )
    }

    /// A greyscale PNG, `px` pixels a module (for the .docx).
    pub fn png(&self, px: usize) -> Result<Vec<u8>> {
        let n = self.side * px;
        let mut pixels = vec![255u8; n * n];
        for (y, x, len) in self.runs() {
            for row in y * px..(y + 1) * px {
                pixels[row * n + x * px..row * n + (x + len) * px].fill(0);
            }
        }
        let mut out = Vec::new();
        let side = u32::try_from(n).map_err(|_| Error::Internal("二维码过大".into()))?;
        let mut encoder = png::Encoder::new(&mut out, side, side);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let png_error =
            |e: png::EncodingError| Error::Internal(format!("无法生成二维码图片（{e}）"));
        let mut writer = encoder.write_header().map_err(png_error)?;
        writer.write_image_data(&pixels).map_err(png_error)?;
        writer.finish().map_err(png_error)?;
        Ok(out)
    }
}

/// Where the code sits on a page of `style`: its left edge and its top edge, in millimetres
/// from the paper's left and top (its right edge on the text block's).
pub fn position_mm(style: &PageStyle) -> (f32, f32) {
    (
        style.size.width_mm - style.margin_right_mm - SIDE_MM,
        TOP_MM,
    )
}

/// Draws the code of `text` and its caption on `page`, at the top right above the text block.
pub(crate) fn draw(
    canvas: &mut Canvas<'_>,
    page: usize,
    text: &str,
    style: &PageStyle,
) -> Result<()> {
    let (left_mm, top_mm) = position_mm(style);
    let (left, top) = (mm(left_mm), mm(style.size.height_mm - top_mm));
    draw_square(canvas, page, text, (left, top), mm(SIDE_MM))?;
    let width = canvas.measure(FontRole::Body, CAPTION_SIZE, CAPTION);
    // Under the quiet zone, so that nothing is drawn in it.
    let baseline = top - mm(SIDE_MM) - CAPTION_SIZE * 0.9;
    canvas.text(
        page,
        &TextRun::new(
            left + (mm(SIDE_MM) - width) / 2.0,
            baseline,
            CAPTION_SIZE,
            FontRole::Body,
            CAPTION,
        ),
    )
}

/// Draws the code of `text` as vector squares, quiet zone included, `side` points square with
/// its top-left corner at `(left, top)` (PDF coordinates: from the page's bottom-left).
pub(crate) fn draw_square(
    canvas: &mut Canvas<'_>,
    page: usize,
    text: &str,
    (left, top): (f32, f32),
    side: f32,
) -> Result<()> {
    let modules = Modules::of(text)?;
    let unit = side / modules.side as f32;
    let rects: Vec<_> = modules
        .runs()
        .into_iter()
        .map(|(y, x, len)| {
            (
                left + x as f32 * unit,
                top - (y + 1) as f32 * unit,
                len as f32 * unit,
                unit,
            )
        })
        .collect();
    canvas.fill_rects(page, &rects, 0.0);
    Ok(())
}
