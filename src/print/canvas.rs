//! The drawing surface: pages of any size with text placed at absolute positions (any size,
//! any rotation), rules and boxes, serialised by printpdf with subset fonts. The flowing
//! document renderer is built on it; name cards and seating charts can use it directly.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, TextItem, TextMatrix, WindingOrder,
};

use super::fonts::{is_invisible, FaceId, FontRole, FontSet};
use crate::{Error, Result};

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Converts millimetres to points.
pub fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

/// A sheet size in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub width_mm: f32,
    pub height_mm: f32,
}

impl PageSize {
    /// A4 portrait, 210 × 297 mm.
    pub const A4: PageSize = PageSize {
        width_mm: 210.0,
        height_mm: 297.0,
    };
    /// A4 landscape, 297 × 210 mm (name cards, seating charts).
    pub const A4_LANDSCAPE: PageSize = PageSize {
        width_mm: 297.0,
        height_mm: 210.0,
    };

    /// Width in points.
    pub fn width(&self) -> f32 {
        mm(self.width_mm)
    }

    /// Height in points.
    pub fn height(&self) -> f32 {
        mm(self.height_mm)
    }
}

/// One line of text placed at an absolute position. Coordinates are points from the page's
/// bottom-left corner; `(x, y)` is the start of the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun<'a> {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub role: FontRole,
    pub text: &'a str,
    /// Extra space after every character in points (used to justify a line).
    pub spacing: f32,
    /// Counter-clockwise rotation in degrees around `(x, y)`; 180 prints upside down, for
    /// the back of a folded name card.
    pub rotation: f32,
}

impl<'a> TextRun<'a> {
    /// A plain horizontal run.
    pub fn new(x: f32, y: f32, size: f32, role: FontRole, text: &'a str) -> Self {
        TextRun {
            x,
            y,
            size,
            role,
            text,
            spacing: 0.0,
            rotation: 0.0,
        }
    }
}

struct PageBuf {
    size: PageSize,
    ops: Vec<Op>,
}

/// Pages being drawn into one PDF; fonts are embedded as subsets when [`Canvas::finish`]
/// writes the bytes.
pub struct Canvas<'f> {
    fonts: &'f FontSet,
    doc: PdfDocument,
    font_ids: Vec<Option<FontId>>,
    pages: Vec<PageBuf>,
    /// Names the record being drawn, for errors.
    label: String,
}

impl<'f> Canvas<'f> {
    /// An empty PDF whose metadata title is `title`.
    pub fn new(fonts: &'f FontSet, title: &str) -> Self {
        Canvas {
            fonts,
            doc: PdfDocument::new(title),
            font_ids: vec![None; fonts.face_count()],
            pages: Vec::new(),
            label: title.to_owned(),
        }
    }

    /// The fonts this canvas draws with.
    pub fn fonts(&self) -> &'f FontSet {
        self.fonts
    }

    /// Sets the record name used in errors about the text drawn next.
    pub fn set_label(&mut self, label: &str) {
        label.clone_into(&mut self.label);
    }

    /// Starts a new page; returns its index.
    pub fn add_page(&mut self, size: PageSize) -> usize {
        self.pages.push(PageBuf {
            size,
            ops: Vec::new(),
        });
        self.pages.len() - 1
    }

    /// Number of pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Width of `text` in points.
    pub fn measure(&self, role: FontRole, size: f32, text: &str) -> f32 {
        self.fonts.text_width(role, size, text)
    }

    /// Draws one line of text on page `page`. Characters the role's font lacks are drawn
    /// from the bundled font; a character no font has is an error, never a blank box.
    pub fn text(&mut self, page: usize, run: &TextRun<'_>) -> Result<()> {
        let (cos, sin) = {
            let r = run.rotation.to_radians();
            (r.cos(), r.sin())
        };
        // Split the line into stretches drawn with the same face.
        let mut segments: Vec<(FaceId, String, f32)> = Vec::new();
        let mut offset = 0.0;
        for ch in run.text.chars() {
            if is_invisible(ch) {
                continue;
            }
            let face = self
                .fonts
                .face_for(run.role, ch)
                .ok_or_else(|| Error::MissingGlyph {
                    record: self.label.clone(),
                    field: "文字".into(),
                    ch,
                })?;
            let advance = self.fonts.advance_em(face, ch) * run.size + run.spacing;
            // Blanks are not drawn: they only move the pen, and the next stretch starts at
            // its own position. Viewers then cannot shrink the blank of a "　　年　　月　　日"
            // to be filled in by hand, whatever width table the subset font carries.
            if is_blank(ch) {
                segments.push((face, String::new(), offset + advance));
                offset += advance;
                continue;
            }
            match segments.last_mut() {
                Some((f, s, _)) if *f == face => s.push(ch),
                _ => segments.push((face, ch.to_string(), offset)),
            }
            offset += advance;
        }
        if page >= self.pages.len() {
            return Err(Error::invalid(
                "page",
                format!("第 {} 页不存在。", page + 1),
            ));
        }
        let mut ops = Vec::with_capacity(segments.len() * 6);
        for (face, text, start) in segments.into_iter().filter(|(_, t, _)| !t.is_empty()) {
            let id = self.font_id(face);
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(run.size),
            });
            ops.push(Op::SetCharacterSpacing {
                multiplier: run.spacing,
            });
            let (x, y) = (run.x + start * cos, run.y + start * sin);
            ops.push(Op::SetTextMatrix {
                matrix: if run.rotation == 0.0 {
                    TextMatrix::Translate(Pt(x), Pt(y))
                } else {
                    TextMatrix::Raw([cos, sin, -sin, cos, x, y])
                },
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(text)],
            });
            ops.push(Op::EndTextSection);
        }
        self.pages[page].ops.extend(ops);
        Ok(())
    }

    /// Draws a straight rule `thickness` points wide.
    pub fn line(&mut self, page: usize, from: (f32, f32), to: (f32, f32), thickness: f32) {
        let Some(buf) = self.pages.get_mut(page) else {
            return;
        };
        let point = |(x, y): (f32, f32)| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        buf.ops.push(Op::SetOutlineColor {
            col: Color::Greyscale(Greyscale {
                percent: 0.0,
                icc_profile: None,
            }),
        });
        buf.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        buf.ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(from), point(to)],
                is_closed: false,
            },
        });
    }

    /// Draws the outline of a rectangle whose bottom-left corner is `(x, y)`.
    pub fn rect(&mut self, page: usize, x: f32, y: f32, w: f32, h: f32, thickness: f32) {
        self.line(page, (x, y), (x + w, y), thickness);
        self.line(page, (x + w, y), (x + w, y + h), thickness);
        self.line(page, (x + w, y + h), (x, y + h), thickness);
        self.line(page, (x, y + h), (x, y), thickness);
    }

    /// Fills a rectangle whose bottom-left corner is `(x, y)` with a grey (`0.0` black,
    /// `1.0` white): the bars of a chart.
    pub fn fill_rect(&mut self, page: usize, x: f32, y: f32, w: f32, h: f32, grey: f32) {
        self.fill_rects(page, &[(x, y, w, h)], grey);
    }

    /// Fills rectangles `(x, y, w, h)` (bottom-left corners) with one grey, as one shape: the
    /// modules of a QR code.
    pub fn fill_rects(&mut self, page: usize, rects: &[(f32, f32, f32, f32)], grey: f32) {
        let Some(buf) = self.pages.get_mut(page) else {
            return;
        };
        let point = |x: f32, y: f32| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        buf.ops.push(Op::SetFillColor {
            col: Color::Greyscale(Greyscale {
                percent: grey.clamp(0.0, 1.0),
                icc_profile: None,
            }),
        });
        buf.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: rects
                    .iter()
                    .map(|&(x, y, w, h)| PolygonRing {
                        points: vec![
                            point(x, y),
                            point(x + w, y),
                            point(x + w, y + h),
                            point(x, y + h),
                        ],
                    })
                    .collect(),
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
        // Text drawn afterwards stays black.
        buf.ops.push(Op::SetFillColor {
            col: Color::Greyscale(Greyscale {
                percent: 0.0,
                icc_profile: None,
            }),
        });
    }

    fn font_id(&mut self, face: FaceId) -> FontId {
        if let Some(id) = &self.font_ids[face] {
            return id.clone();
        }
        let id = self.doc.add_font(&self.fonts.face(face).font);
        self.font_ids[face] = Some(id.clone());
        id
    }

    /// Writes the PDF; only the glyphs used are embedded.
    pub fn finish(mut self) -> Vec<u8> {
        let pages = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|p| PdfPage::new(Mm(p.size.width_mm), Mm(p.size.height_mm), p.ops))
            .collect();
        self.doc.with_pages(pages);
        let opts = PdfSaveOptions {
            subset_fonts: true,
            optimize: true,
            ..PdfSaveOptions::default()
        };
        let mut warnings = Vec::new();
        self.doc.save(&opts, &mut warnings)
    }
}

/// Spaces that only move the pen (ASCII space, tab, the ideographic space U+3000).
fn is_blank(ch: char) -> bool {
    matches!(ch, ' ' | '\t' | '\u{3000}')
}
