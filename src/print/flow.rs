//! Turns a [`Doc`] into fixed-height pieces (lines, table rows), distributes them over pages
//! (keep-together groups, headings kept with what follows, table headers repeated), and
//! draws them with page numbers.

use std::rc::Rc;

use super::canvas::{mm, Canvas, TextRun};
use super::document::{Align, Block, Doc, PageNumbers, PageStyle};
use super::fonts::{FontRole, FontSet};
use super::layout::{
    balance_lines, break_lines, break_lines_with, justify_spacing, BreakRules, WrappedLine,
};
use super::table::table_pieces;
use crate::Result;

/// Something drawn inside a piece; `y` is measured down from the piece's top, `x` right
/// from the text block's left edge.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        role: FontRole,
        text: String,
        spacing: f32,
    },
    Rule {
        from: (f32, f32),
        to: (f32, f32),
    },
    /// A QR code of `text`, its top-left corner at (`x`, `y`), `side` points square.
    Code {
        x: f32,
        y: f32,
        side: f32,
        text: String,
    },
}

/// A slice of content of fixed height that is never split across pages.
#[derive(Debug, Clone, Default)]
pub(crate) struct Piece {
    pub(crate) height: f32,
    pub(crate) items: Vec<Item>,
    /// Do not end a page after this piece (headings, table headers).
    pub(crate) keep_with_next: bool,
    /// Drawn first when this piece starts a page (a table's header row).
    pub(crate) repeat_header: Option<Rc<Piece>>,
}

/// What the paginator receives.
enum Flow {
    Piece(Piece),
    Group(Vec<Piece>),
    /// Pieces set at the foot of the page (the 版记), on a new page when they do not fit.
    Bottom(Vec<Piece>),
    PageBreak,
}

/// Baseline of a line of `size` pt centred in a slot of `pitch` points (CJK em box centre
/// sits about 0.38 em above the baseline).
pub(crate) fn baseline_in_slot(pitch: f32, size: f32) -> f32 {
    pitch / 2.0 + 0.38 * size
}

/// The font role and size of a run of text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Type {
    pub(crate) role: FontRole,
    pub(crate) size: f32,
    /// Added to every character's advance ([`PageStyle::tracking`]; 0 for titles and tables).
    pub(crate) tracking: f32,
}

/// Items for one wrapped line placed in a box `width` wide starting at `x0`.
pub(crate) fn line_item(
    line: &WrappedLine,
    x0: f32,
    width: f32,
    baseline: f32,
    ty: Type,
    align: Option<Align>,
    first_indent: f32,
) -> Item {
    let Type {
        role,
        size,
        tracking,
    } = ty;
    let (x, spacing) = match align {
        None => (x0 + first_indent, tracking + justify_spacing(line, size)),
        Some(Align::Left) => (x0 + first_indent, tracking),
        Some(Align::Center) => (x0 + (width - line.width) / 2.0, tracking),
        Some(Align::Right) => (x0 + width - line.width, tracking),
    };
    Item::Text {
        x,
        baseline,
        size,
        role,
        text: line.text.clone(),
        spacing,
    }
}

struct Ctx<'a> {
    fonts: &'a FontSet,
    style: &'a PageStyle,
}

impl Ctx<'_> {
    /// One piece per wrapped line of `text`.
    fn text_pieces(
        &self,
        text: &str,
        ty: Type,
        pitch: f32,
        indent_chars: f32,
        align: Option<Align>,
        keep_with_next: bool,
    ) -> Vec<Piece> {
        let Type { role, size, .. } = ty;
        let width = self.style.text_width();
        let indent = indent_chars * size;
        let measure = |c: char| self.advance(ty, c);
        let lines = if role == FontRole::Title {
            balance_lines(text, width, &measure)
        } else {
            break_lines(text, width, indent, &measure)
        };
        let last = lines.len().saturating_sub(1);
        lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let first_indent = if i == 0 { indent } else { 0.0 };
                Piece {
                    height: pitch,
                    items: vec![line_item(
                        line,
                        0.0,
                        width,
                        baseline_in_slot(pitch, size),
                        ty,
                        align,
                        first_indent,
                    )],
                    // A heading's lines stay together and with the text after them.
                    keep_with_next: keep_with_next || (i < last && align.is_some()),
                    repeat_header: None,
                }
            })
            .collect()
    }

    fn block_pieces(&self, block: &Block, out: &mut Vec<Piece>) {
        let s = self.style;
        match block {
            Block::Title(t) => {
                let pitch = s.title_pitch();
                let mut pieces = self.text_pieces(
                    t,
                    self.ty(FontRole::Title, s.title_size),
                    pitch,
                    0.0,
                    Some(Align::Center),
                    true,
                );
                // One empty body line under the title.
                if let Some(last) = pieces.last_mut() {
                    last.height += s.line_pitch;
                }
                out.extend(pieces);
            }
            Block::Heading1(t) => out.extend(self.text_pieces(
                t,
                self.ty(FontRole::Heading1, s.body_size),
                s.line_pitch,
                2.0,
                Some(Align::Left),
                true,
            )),
            Block::Heading2(t) => out.extend(self.text_pieces(
                t,
                self.ty(FontRole::Heading2, s.body_size),
                s.line_pitch,
                2.0,
                Some(Align::Left),
                true,
            )),
            Block::Paragraph { text, indent } => out.extend(self.text_pieces(
                text,
                self.ty(FontRole::Body, s.body_size),
                s.line_pitch,
                if *indent { 2.0 } else { 0.0 },
                None,
                false,
            )),
            Block::Line { text, align } => out.extend(self.text_pieces(
                text,
                self.ty(FontRole::Body, s.body_size),
                s.line_pitch,
                0.0,
                Some(*align),
                false,
            )),
            Block::Table(table) => out.extend(table_pieces(self.fonts, s, table)),
            Block::Labelled { label, text } => out.extend(self.labelled_pieces(label, text)),
            Block::Colophon(lines) => out.extend(self.colophon_pieces(lines)),
            Block::Signature { signer, date } => out.extend(self.signature_pieces(signer, date)),
            Block::KeepTogether(inner) => {
                for b in inner {
                    self.block_pieces(b, out);
                }
            }
            Block::PageBreak => {}
            Block::Spacer(lines) => out.push(Piece {
                height: lines.max(0.0) * s.line_pitch,
                ..Piece::default()
            }),
        }
    }

    fn width_of(&self, role: FontRole, size: f32, text: &str) -> f32 {
        let ty = self.ty(role, size);
        text.chars().map(|c| self.advance(ty, c)).sum()
    }

    /// The advance of `c` set in `ty`, its tracking included.
    fn advance(&self, ty: Type, c: char) -> f32 {
        self.fonts.char_width(ty.role, ty.size, c) + ty.tracking
    }

    /// The type of a run in `role` at `size`: titles at their own pitch, everything else set
    /// [`PageStyle::tracking`] closer.
    fn ty(&self, role: FontRole, size: f32) -> Type {
        Type {
            role,
            size,
            tracking: if role == FontRole::Title {
                0.0
            } else {
                self.style.tracking()
            },
        }
    }

    /// "出席：" in the 黑体 role two characters in, the text after it in the body font; the
    /// wrapped lines start where the text's first line does.
    fn labelled_pieces(&self, label: &str, text: &str) -> Vec<Piece> {
        let s = self.style;
        let size = s.body_size;
        let indent = 2.0 * size;
        let x0 = indent + self.width_of(FontRole::Heading1, size, label);
        let width = (s.text_width() - x0).max(size);
        let baseline = baseline_in_slot(s.line_pitch, size);
        let body = self.ty(FontRole::Body, size);
        // A list of units and people: no line breaks inside a word (中国银/行) where the line
        // has another break.
        let rules = BreakRules {
            keep_words: true,
            ..BreakRules::default()
        };
        let mut lines = break_lines_with(text, width, 0.0, &|c| self.advance(body, c), rules);
        if lines.is_empty() {
            lines.push(WrappedLine {
                text: String::new(),
                width: 0.0,
                available: width,
                justify: false,
            });
        }
        lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let mut items = Vec::new();
                if i == 0 {
                    items.push(Item::Text {
                        x: indent,
                        baseline,
                        size,
                        role: FontRole::Heading1,
                        text: label.to_owned(),
                        spacing: body.tracking,
                    });
                }
                if !line.text.is_empty() {
                    items.push(line_item(line, x0, width, baseline, body, None, 0.0));
                }
                Piece {
                    height: s.line_pitch,
                    items,
                    keep_with_next: false,
                    repeat_header: None,
                }
            })
            .collect()
    }

    /// The 落款: the date's right edge four characters in from the text block's, the signer
    /// centred over the date (moved left only where it would run past the text block), the
    /// first line kept with the second.
    fn signature_pieces(&self, signer: &str, date: &str) -> Vec<Piece> {
        let s = self.style;
        let size = s.body_size;
        let ty = self.ty(FontRole::Body, size);
        let width = s.text_width();
        let baseline = baseline_in_slot(s.line_pitch, size);
        let (signer_w, date_w) = (
            self.width_of(FontRole::Body, size, signer),
            self.width_of(FontRole::Body, size, date),
        );
        let (signer_in, date_in) = s.signature_insets(signer_w, date_w, size);
        let signer_x = (width - signer_in - signer_w).max(0.0);
        let date_x = (width - date_in - date_w).max(0.0);
        [(signer, signer_x), (date, date_x)]
            .into_iter()
            .enumerate()
            .map(|(i, (text, x))| Piece {
                height: s.line_pitch,
                items: if text.is_empty() {
                    Vec::new()
                } else {
                    vec![Item::Text {
                        x,
                        baseline,
                        size,
                        role: FontRole::Body,
                        text: text.to_owned(),
                        spacing: ty.tracking,
                    }]
                },
                keep_with_next: i == 0,
                repeat_header: None,
            })
            .collect()
    }

    /// The 版记: 4号 lines between rules, the left part one character in, the right part
    /// one character in from the right edge.
    fn colophon_pieces(&self, lines: &[(String, String)]) -> Vec<Piece> {
        let s = self.style;
        let size = s.page_number_size;
        let width = s.text_width();
        let pitch = s.line_pitch;
        let baseline = baseline_in_slot(pitch, size);
        let ty = self.ty(FontRole::Body, size);
        let mut out = Vec::new();
        for (left, right) in lines {
            let right_w = self.width_of(FontRole::Body, size, right);
            let (room, wrapped) = self.colophon_wrap(left, right);
            let n = wrapped.len().max(1);
            let mut items = vec![Item::Rule {
                from: (0.0, 0.0),
                to: (width, 0.0),
            }];
            for (i, line) in wrapped.iter().enumerate() {
                let b = baseline + pitch * i as f32;
                items.push(line_item(line, size, room, b, ty, Some(Align::Left), 0.0));
            }
            if !right.is_empty() {
                let b = baseline + pitch * (n - 1) as f32;
                items.push(Item::Text {
                    x: width - size - right_w,
                    baseline: b,
                    size,
                    role: FontRole::Body,
                    text: right.clone(),
                    spacing: ty.tracking,
                });
            }
            out.push(Piece {
                height: pitch * n as f32,
                items,
                keep_with_next: false,
                repeat_header: None,
            });
        }
        if let Some(last) = out.last_mut() {
            let h = last.height;
            last.items.push(Item::Rule {
                from: (0.0, h),
                to: (width, h),
            });
        }
        out
    }

    /// A 版记 line's left part wrapped as the PDF sets it, with the width it has: the text
    /// block less a character each side, less the right part and a character before it.
    fn colophon_wrap(&self, left: &str, right: &str) -> (f32, Vec<WrappedLine>) {
        let s = self.style;
        let size = s.page_number_size;
        let ty = self.ty(FontRole::Body, size);
        let right_w = self.width_of(FontRole::Body, size, right);
        let room = (s.text_width()
            - 2.0 * size
            - if right.is_empty() {
                0.0
            } else {
                right_w + size
            })
        .max(size);
        (room, break_lines(left, room, 0.0, &|c| self.advance(ty, c)))
    }

    fn flows(&self, blocks: &[Block]) -> Vec<Flow> {
        let mut flows = Vec::new();
        for block in blocks {
            match block {
                Block::PageBreak => flows.push(Flow::PageBreak),
                Block::KeepTogether(_) => {
                    let mut pieces = Vec::new();
                    self.block_pieces(block, &mut pieces);
                    flows.push(Flow::Group(pieces));
                }
                Block::Colophon(_) => {
                    let mut pieces = Vec::new();
                    self.block_pieces(block, &mut pieces);
                    flows.push(Flow::Bottom(pieces));
                }
                _ => {
                    let mut pieces = Vec::new();
                    self.block_pieces(block, &mut pieces);
                    flows.extend(pieces.into_iter().map(Flow::Piece));
                }
            }
        }
        flows
    }
}

/// Pieces placed on pages: `(offset from the text block's top, piece)`.
type Pages = Vec<Vec<(f32, Piece)>>;

struct Paginator {
    height: f32,
    pages: Pages,
    cursor: f32,
    /// Where each [`Flow::Bottom`] went.
    feet: Vec<FootPlace>,
}

/// Where the paginator set a document's 版记: for the Word writer, which has no pages of its
/// own to place it by and reproduces the PDF's (see `docx::Writer::colophon`). Pages count
/// from 0, offsets are points down from the text block's top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FootPlace {
    /// The page on which the text before it ends, and how far down that page.
    pub(crate) text_page: usize,
    pub(crate) text_end: f32,
    /// The page it is set on, and its top there.
    pub(crate) page: usize,
    pub(crate) top: f32,
}

/// Where the first 版记 of `doc` goes as the PDF paginates it; `None` when it has none.
pub(crate) fn foot_place(doc: &Doc, fonts: &FontSet, style: &PageStyle) -> Option<FootPlace> {
    if !doc.blocks.iter().any(|b| matches!(b, Block::Colophon(_))) {
        return None;
    }
    let ctx = Ctx { fonts, style };
    let p = paginator(ctx.flows(&doc.blocks), style.text_height());
    p.feet.first().copied()
}

/// The left part of each 版记 line wrapped as the PDF wraps it.
pub(crate) fn colophon_lines(
    lines: &[(String, String)],
    fonts: &FontSet,
    style: &PageStyle,
) -> Vec<Vec<String>> {
    let ctx = Ctx { fonts, style };
    lines
        .iter()
        .map(|(left, right)| {
            let (_, wrapped) = ctx.colophon_wrap(left, right);
            wrapped.into_iter().map(|l| l.text).collect()
        })
        .collect()
}

impl Paginator {
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.cursor = 0.0;
    }

    /// Places `piece`, starting a new page first when it (plus `then`, the height that must
    /// follow it) does not fit.
    fn place(&mut self, piece: Piece, then: f32) {
        let need = piece.height + if piece.keep_with_next { then } else { 0.0 };
        // A chain taller than a page cannot be kept together: the piece goes where it fits.
        let need = if need > self.height {
            piece.height
        } else {
            need
        };
        if self.cursor > 0.0 && self.cursor + need > self.height + 0.01 {
            self.new_page();
        }
        if self.cursor == 0.0 {
            if let Some(header) = &piece.repeat_header {
                let h = Piece::clone(header);
                self.cursor += h.height;
                self.push(h);
            }
        }
        self.cursor += piece.height;
        self.push(piece);
    }

    fn push(&mut self, piece: Piece) {
        let top = self.cursor - piece.height;
        if let Some(page) = self.pages.last_mut() {
            page.push((top, piece));
        }
    }
}

/// The height that must follow a piece kept with what comes next: the next pieces for as long
/// as each is itself kept with the next (a heading, then a table's header row), and the first
/// one that is not (the table's first row). So a heading never ends a page above a header
/// row that had to move on.
fn following_height(flows: &[Flow]) -> f32 {
    let mut total = 0.0;
    for flow in flows {
        match flow {
            Flow::Piece(p) => {
                total += p.height;
                if !p.keep_with_next {
                    break;
                }
            }
            Flow::Group(g) | Flow::Bottom(g) => {
                total += g.first().map_or(0.0, |p| p.height);
                break;
            }
            Flow::PageBreak => break,
        }
    }
    total
}

fn paginate(flows: Vec<Flow>, height: f32) -> Pages {
    paginator(flows, height).pages
}

fn paginator(flows: Vec<Flow>, height: f32) -> Paginator {
    let mut p = Paginator {
        height,
        pages: vec![Vec::new()],
        cursor: 0.0,
        feet: Vec::new(),
    };
    let follows: Vec<f32> = (0..flows.len())
        .map(|i| following_height(&flows[i + 1..]))
        .collect();
    for (flow, next) in flows.into_iter().zip(follows) {
        match flow {
            Flow::PageBreak => {
                if p.cursor > 0.0 {
                    p.new_page();
                }
            }
            Flow::Piece(piece) => p.place(piece, next),
            Flow::Bottom(pieces) => {
                let (text_page, text_end) = (p.pages.len() - 1, p.cursor);
                let total: f32 = pieces.iter().map(|x| x.height).sum();
                if p.cursor + total > height + 0.01 {
                    p.new_page();
                }
                // GB/T 9704 §7.4: the 版记 is on the document's last face, the back of a
                // leaf: an even page.
                if p.pages.len() % 2 == 1 {
                    p.new_page();
                }
                p.cursor = (height - total).max(p.cursor);
                p.feet.push(FootPlace {
                    text_page,
                    text_end,
                    page: p.pages.len() - 1,
                    top: p.cursor,
                });
                for piece in pieces {
                    p.place(piece, 0.0);
                }
            }
            Flow::Group(pieces) => {
                let total: f32 = pieces.iter().map(|x| x.height).sum();
                if p.cursor > 0.0 && p.cursor + total > height + 0.01 && total <= height {
                    p.new_page();
                }
                let n = pieces.len();
                for (i, piece) in pieces.into_iter().enumerate() {
                    let then = if i + 1 == n { next } else { 0.0 };
                    p.place(piece, then);
                }
            }
        }
    }
    p
}

/// Lays out `doc` and draws it on new pages of `canvas`.
pub(crate) fn draw_doc(canvas: &mut Canvas<'_>, doc: &Doc, style: &PageStyle) -> Result<()> {
    let ctx = Ctx {
        fonts: canvas.fonts(),
        style,
    };
    let pages = paginate(ctx.flows(&doc.blocks), style.text_height());
    canvas.set_label(&doc.label);
    let numbers = doc.page_numbers.unwrap_or(style.page_numbers);
    let (left, top) = (style.left(), style.top());
    for (n, pieces) in pages.iter().enumerate() {
        let page = canvas.add_page(style.size);
        for (offset, piece) in pieces {
            for item in &piece.items {
                match item {
                    Item::Text {
                        x,
                        baseline,
                        size,
                        role,
                        text,
                        spacing,
                    } => {
                        let mut run =
                            TextRun::new(left + x, top - offset - baseline, *size, *role, text);
                        run.spacing = *spacing;
                        canvas.text(page, &run)?;
                    }
                    Item::Rule { from, to } => canvas.line(
                        page,
                        (left + from.0, top - offset - from.1),
                        (left + to.0, top - offset - to.1),
                        0.75,
                    ),
                    Item::Code { x, y, side, text } => super::qr::draw_square(
                        canvas,
                        page,
                        text,
                        (left + x, top - offset - y),
                        *side,
                    )?,
                }
            }
        }
        if n == 0 {
            if let Some(code) = &doc.code {
                super::qr::draw(canvas, page, code, style)?;
            }
        }
        draw_page_number(canvas, page, n + 1, numbers, style)?;
    }
    Ok(())
}

/// "— N —" in 4号, 7 mm under the text block: odd pages right and even pages left, one
/// character in from the edge (GB/T 9704), or centred.
fn draw_page_number(
    canvas: &mut Canvas<'_>,
    page: usize,
    number: usize,
    placement: PageNumbers,
    style: &PageStyle,
) -> Result<()> {
    let size = style.page_number_size;
    let text = format!("— {number} —");
    let width = canvas.measure(FontRole::Body, size, &text);
    let (left, right) = (style.left(), style.left() + style.text_width());
    let x = match placement {
        PageNumbers::None => return Ok(()),
        PageNumbers::Center => (left + right - width) / 2.0,
        PageNumbers::Outside if number % 2 == 1 => right - size - width,
        PageNumbers::Outside => left + size,
    };
    // The top of the figures (about 0.8 em above the baseline) sits the gap below the block.
    let baseline = mm(style.margin_bottom_mm - style.page_number_gap_mm) - 0.8 * size;
    canvas.text(
        page,
        &TextRun::new(x, baseline, size, FontRole::Body, &text),
    )
}
