//! The Word (.docx) writer: the second writer of the print engine's document model. The same
//! [`Doc`]s of [`Block`]s that become PDFs become a 公文-style .docx here, so the two never
//! differ in content.
//!
//! What Chinese users check first in a 公文 .docx, and how it is met:
//! - A4 with the GB/T 9704 margins (37/35/28/26 mm); 22 lines a page (a line grid of pitch
//!   579 plus exact line spacing, for editors that ignore the grid) of 28 characters (runs
//!   condensed a quarter point; see [`Writer::condensed`] for why not a character grid);
//! - every run names its East Asian font (`w:eastAsia`, `w:hint="eastAsia"`) and Times New
//!   Roman for Latin text and digits; `w:lang w:eastAsia="zh-CN"`;
//! - first-line indents of two characters (`w:firstLineChars="200"`);
//! - "— N —" page numbers in the footer, odd pages right and even pages left;
//! - tables with explicit `w:gridCol` widths (WPS reads those) and repeated header rows.
//!
//! docx-rs writes the package; [`package::finish`] adds what it lacks (`w:tblHeader`,
//! `w:lang`, restarting page numbers for each document of a batch) and repacks the parts
//! deterministically, so the same documents give the same bytes.

pub mod export;
mod fonts;
mod package;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, PageNumType, PageOrientationType, Paragraph, Pic,
    RelativeFromHType, RelativeFromVType, Run, RunFonts, SpecialIndentType, TableCell,
    TableLayoutType, TableRow, WidthType,
};

pub use export::{
    has_word, meeting_docs, write_agreements_docx, write_docs, write_docs_styled,
    write_donation_docx, write_lists_docx, write_meeting_docx, write_minutes_docx, write_news_docx,
};
pub use fonts::WordFonts;

use crate::print::{
    balance_lines, cell_text, column_widths, Align, Block, Doc, FontRole, FontSet, FootPlace,
    PageNumbers, PageStyle, PT_PER_MM,
};
use crate::{Error, Result};

/// Points to twentieths of a point (twips), Word's unit of length.
fn twips(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

/// Millimetres to twips.
/// Millimetres in EMU, the unit of a picture's size and place.
fn emu(mm: f32) -> i32 {
    (mm * 36_000.0).round() as i32
}

fn mm_twips(mm: f32) -> i32 {
    twips(crate::print::mm(mm))
}

/// A type size in points as Word's half-points.
fn half_points(pt: f32) -> usize {
    (pt * 2.0).round().max(1.0) as usize
}

/// What the spacer over the 版记 leaves out of the PDF's room, in twips (see
/// [`Writer::colophon`]).
const ROUNDING_ROOM: i32 = 40;

/// The style id that marks the last paragraph of each document but the last in a batch;
/// [`package::finish`] turns it into a section break whose page numbers restart.
const SECTION_END_STYLE: &str = "LianxiSectionEnd";

/// Writes `docs` as one .docx: each document starts on a new page with its own page numbers,
/// as in [`crate::print::render_batch`]. `fonts` measures table columns exactly as the PDF
/// does; `word` names the fonts written into the file.
pub fn write(
    docs: &[Doc],
    fonts: &FontSet,
    word: &WordFonts,
    style: &PageStyle,
) -> Result<Vec<u8>> {
    let w = Writer {
        fonts,
        word,
        style,
        pictures: std::cell::Cell::new(0),
    };
    let mut docx = w.page_setup(Docx::new());
    let mut headers = Vec::new();
    let numbers = docs
        .first()
        .and_then(|d| d.page_numbers)
        .unwrap_or(style.page_numbers);
    for (i, doc) in docs.iter().enumerate() {
        let mut out = Out {
            foot: crate::print::foot_place(doc, fonts, style),
            ..Out::default()
        };
        for block in &doc.blocks {
            w.block(block, &mut out, false);
        }
        if let Some(code) = &doc.code {
            w.corner_code(&mut out, code)?;
        }
        if i + 1 < docs.len() {
            // Ends this document's section; the next one starts on a new page.
            out.push_paragraph(w.section_end());
        }
        for item in out.items {
            docx = match item {
                Item::Paragraph(p) => docx.add_paragraph(*p),
                Item::Table(t, header) => {
                    headers.push(header);
                    docx.add_table(*t)
                }
            };
        }
    }
    docx = w.footers(docx, numbers);
    if docs.iter().any(|d| d.odd_start) {
        // Every section (each document of the batch) starts on an odd page, as in the PDF.
        docx.document.section_property.section_type = Some(docx_rs::SectionType::OddPage);
    }
    let title = docs.first().map_or("", |d| d.title.as_str());
    let mut xml = docx.build();
    xml.doc_props.core = package::core_props(title);
    let mut raw = std::io::Cursor::new(Vec::new());
    xml.pack(&mut raw)
        .map_err(|e| Error::Word(format!("写入 Word 文件结构失败：{e}")))?;
    package::finish(&raw.into_inner(), &headers, twips(style.body_size))
}

/// A paragraph or a table (with whether its first row is a header), in document order.
enum Item {
    Paragraph(Box<Paragraph>),
    Table(Box<docx_rs::Table>, bool),
}

#[derive(Default)]
struct Out {
    items: Vec<Item>,
    /// The next paragraph starts a new page (a [`Block::PageBreak`] was met).
    break_before: bool,
    /// Where the PDF sets the document's 版记 (see [`Writer::colophon`]).
    foot: Option<FootPlace>,
}

impl Out {
    fn push_paragraph(&mut self, p: Paragraph) {
        let p = if std::mem::take(&mut self.break_before) {
            p.page_break_before(true)
        } else {
            p
        };
        self.items.push(Item::Paragraph(Box::new(p)));
    }

    fn push_table(&mut self, t: docx_rs::Table, header: bool) {
        if std::mem::take(&mut self.break_before) {
            self.items.push(Item::Paragraph(Box::new(
                Paragraph::new().add_run(Run::new().add_break(BreakType::Page)),
            )));
        }
        self.items.push(Item::Table(Box::new(t), header));
    }
}

struct Writer<'a> {
    fonts: &'a FontSet,
    word: &'a WordFonts,
    style: &'a PageStyle,
    /// Pictures (签到码) written so far: each gets its own id.
    pictures: std::cell::Cell<usize>,
}

impl Writer<'_> {
    /// The 签到码 `code` as a picture `side_mm` square (inline until placed otherwise).
    fn code_picture(&self, code: &str, side_mm: f32) -> Result<Pic> {
        let modules = crate::print::qr::Modules::of(code)?;
        let px = u32::try_from(modules.side * 8).unwrap_or(u32::MAX);
        let side = emu(side_mm) as u32;
        let n = self.pictures.get() + 1;
        self.pictures.set(n);
        Ok(Pic::new_with_dimensions(modules.png(8)?, px, px)
            .id(format!("rIdQrCode{n}"))
            .size(side, side))
    }

    /// The document's 签到码 where the PDF draws it: anchored to its first paragraph, placed
    /// on the page (top right, above the text block), text never wrapping around it.
    fn corner_code(&self, out: &mut Out, code: &str) -> Result<()> {
        let (x, y) = crate::print::qr::position_mm(self.style);
        let pic = self
            .code_picture(code, crate::print::qr::SIDE_MM)?
            .floating()
            .relative_from_h(RelativeFromHType::Page)
            .relative_from_v(RelativeFromVType::Page)
            .offset_x(emu(x))
            .offset_y(emu(y));
        if let Some(Item::Paragraph(p)) = out
            .items
            .iter_mut()
            .find(|item| matches!(item, Item::Paragraph(_)))
        {
            let first = std::mem::replace(&mut **p, Paragraph::new());
            **p = first.add_run(Run::new().add_image(pic));
        }
        Ok(())
    }

    /// Page size, margins, the document grid and the default run (body font, 3号).
    fn page_setup(&self, docx: Docx) -> Docx {
        let s = self.style;
        let (w, h) = (mm_twips(s.size.width_mm), mm_twips(s.size.height_mm));
        let footer = s.margin_bottom_mm - s.page_number_gap_mm - s.page_number_size / 72.0 * 25.4;
        let margin = PageMargin {
            top: mm_twips(s.margin_top_mm),
            bottom: mm_twips(s.margin_bottom_mm),
            left: mm_twips(s.margin_left_mm),
            right: mm_twips(s.margin_right_mm),
            header: mm_twips(15.0),
            footer: mm_twips(footer.max(5.0)),
            gutter: 0,
        };
        let mut docx = docx
            .page_size(w as u32, h as u32)
            .page_margin(margin)
            .default_fonts(self.run_fonts(FontRole::Body))
            .default_size(half_points(s.body_size))
            .page_num_type(PageNumType::new().start(1));
        if w > h {
            docx = docx.page_orient(PageOrientationType::Landscape);
        }
        // A line grid only: see `condensed` for the 28 characters a line.
        docx.document = docx.document.doc_grid(
            docx_rs::DocGrid::new()
                .grid_type(docx_rs::DocGridType::Lines)
                .line_pitch(self.line_pitch() as usize),
        );
        docx
    }

    /// The document grid's line pitch in twips: the PDF's distance between body baselines
    /// (22 lines in the GB/T 9704 text block: 579).
    fn line_pitch(&self) -> i32 {
        (self.style.line_pitch * 20.0).floor() as i32
    }

    /// How much each character is condensed (`w:spacing`, in twips, negative) so that a line
    /// holds 28 characters of 3号, as in the PDF (GB/T 9704): 156 mm / 28 is 15.79 pt, a
    /// quarter point less than the type. A character grid (`linesAndChars` with `charSpace`
    /// −848) would do the same in Word, but LibreOffice 7.4 puts every character wider than
    /// the grid pitch into two grid cells: measured, a 6-page agreement became 8 pages of
    /// 14–19 spaced-out characters a line. Condensed runs give 28 a line in Word, WPS and
    /// LibreOffice alike.
    fn condensed(&self) -> i32 {
        (self.style.tracking() * 20.0).round() as i32
    }

    /// The fonts of a run in `role`: the role's East Asian font, Times New Roman for Latin.
    fn run_fonts(&self, role: FontRole) -> RunFonts {
        let latin = self.word.latin.as_str();
        RunFonts::new()
            .ascii(latin)
            .hi_ansi(latin)
            .cs(latin)
            .east_asia(self.word.role(role))
            .hint("eastAsia")
    }

    fn run(&self, text: &str, role: FontRole, size: f32) -> Run {
        let run = Run::new()
            .add_text(text)
            .fonts(self.run_fonts(role))
            .size(half_points(size));
        if role == FontRole::Title {
            run
        } else {
            run.character_spacing(self.condensed())
        }
    }

    /// Exact line spacing for type of `size` points: the grid's pitch for body type, scaled
    /// like the PDF's for other sizes.
    fn spacing(&self, size: f32) -> LineSpacing {
        let pitch = self.line_pitch() as f32 * size / self.style.body_size;
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(pitch.round() as i32)
            .before(0)
            .after(0)
    }

    /// A first-line indent of two characters (`w:firstLineChars="200"`, and the same in
    /// twips for editors that ignore the character count).
    fn indented(&self, p: Paragraph) -> Paragraph {
        let two = twips(2.0 * self.style.body_size);
        // `w:firstLineChars="200"` is added by `package::finish`.
        p.indent(None, Some(SpecialIndentType::FirstLine(two)), None, None)
    }

    /// A paragraph of one run. Widow control is off: the PDF breaks a paragraph after any
    /// line, and the two must break pages alike.
    fn paragraph(&self, text: &str, role: FontRole, size: f32) -> Paragraph {
        Paragraph::new()
            .add_run(self.run(text, role, size))
            .line_spacing(self.spacing(size))
            .widow_control(false)
    }

    fn block(&self, block: &Block, out: &mut Out, keep_with_next: bool) {
        let body = self.style.body_size;
        match block {
            Block::Title(text) => {
                let size = self.style.title_size;
                // The lines the PDF balances, each ended by a line break, so that Word and
                // LibreOffice break the title where the PDF does.
                let lines = balance_lines(text, self.style.text_width(), &|c| {
                    self.fonts.char_width(FontRole::Title, size, c)
                });
                let mut p = Paragraph::new();
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
                    }
                    p = p.add_run(self.run(&line.text, FontRole::Title, size));
                }
                // Title lines as far apart as the PDF's (the grid's pitch on a 公文 page).
                let p = p
                    .line_spacing(
                        LineSpacing::new()
                            .line_rule(LineSpacingType::Exact)
                            .line((self.style.title_pitch() * 20.0).floor() as i32)
                            .before(0)
                            .after(0),
                    )
                    .align(AlignmentType::Center)
                    // Off the grid's snapping, which gives a 2号 line two grid lines in
                    // LibreOffice; its exact spacing is the grid's pitch all the same.
                    .snap_to_grid(false)
                    .keep_next(true);
                out.push_paragraph(p);
                // The PDF leaves one empty body line under the title.
                out.push_paragraph(self.paragraph("", FontRole::Body, body));
            }
            Block::Heading1(text) => out.push_paragraph(self.heading(text, FontRole::Heading1)),
            Block::Heading2(text) => out.push_paragraph(self.heading(text, FontRole::Heading2)),
            Block::Paragraph { text, indent } => {
                for line in text.split('\n') {
                    let mut p = self
                        .paragraph(line, FontRole::Body, body)
                        .align(AlignmentType::Both)
                        .keep_next(keep_with_next);
                    if *indent {
                        p = self.indented(p);
                    }
                    out.push_paragraph(p);
                }
            }
            Block::Line { text, align } => {
                for line in text.split('\n') {
                    let p = self
                        .paragraph(line, FontRole::Body, body)
                        .align(alignment(*align))
                        .keep_next(keep_with_next);
                    out.push_paragraph(p);
                }
            }
            Block::Table(table) => {
                if let Some(t) = self.table(table, keep_with_next) {
                    out.push_table(t, table.header.is_some());
                }
            }
            Block::Labelled { label, text } => {
                // "出席：" two characters in, the names after it; wrapped lines hang at the
                // first character after the colon, as in the PDF.
                let size = body;
                let char_w = twips(size);
                let label_w = twips(self.fonts.text_width(FontRole::Heading1, size, label));
                let p = Paragraph::new()
                    .add_run(self.run(label, FontRole::Heading1, size))
                    .add_run(self.run(text, FontRole::Body, size))
                    .line_spacing(self.spacing(size))
                    .widow_control(false)
                    .align(AlignmentType::Both)
                    .indent(
                        Some(2 * char_w + label_w),
                        Some(SpecialIndentType::Hanging(label_w)),
                        None,
                        None,
                    )
                    .keep_next(keep_with_next);
                out.push_paragraph(p);
            }
            Block::Signature { signer, date } => {
                // As the PDF: the date 右空四字, the signer centred over it.
                let size = body;
                let width = |t: &str| self.fonts.text_width(FontRole::Body, size, t);
                let (signer_in, date_in) =
                    self.style
                        .signature_insets(width(signer), width(date), size);
                for (i, (text, end)) in [(signer, twips(signer_in)), (date, twips(date_in))]
                    .into_iter()
                    .enumerate()
                {
                    let p = self
                        .paragraph(text, FontRole::Body, size)
                        .align(AlignmentType::Right)
                        .indent(None, None, Some(end), None)
                        .keep_next(keep_with_next || i == 0);
                    out.push_paragraph(p);
                }
            }
            Block::Colophon(lines) => {
                let place = out.foot.take();
                self.colophon(lines, place, out);
            }
            Block::KeepTogether(blocks) => {
                let last = blocks.len().saturating_sub(1);
                for (i, b) in blocks.iter().enumerate() {
                    self.block(b, out, keep_with_next || i < last);
                }
            }
            Block::PageBreak => out.break_before = true,
            Block::Spacer(lines) => {
                let height = (self.line_pitch() as f32 * lines.max(0.05)).round() as i32;
                let p = Paragraph::new()
                    .line_spacing(
                        LineSpacing::new()
                            .line_rule(LineSpacingType::Exact)
                            .line(height)
                            .before(0)
                            .after(0),
                    )
                    // Off the grid: on the line grid LibreOffice sets an empty paragraph one
                    // grid line tall whatever its exact height (the 纪要's 35 mm above its
                    // title became 10 mm, and its text ended a page before the PDF's).
                    .snap_to_grid(false)
                    .keep_next(keep_with_next);
                out.push_paragraph(p);
            }
        }
    }

    /// 一、 and （一） headings: indented two characters, kept with what follows.
    fn heading(&self, text: &str, role: FontRole) -> Paragraph {
        let p = self
            .paragraph(text, role, self.style.body_size)
            .align(AlignmentType::Left)
            .keep_next(true);
        self.indented(p)
    }

    /// A table with the PDF's column widths as `w:gridCol`s; the header row set in the
    /// heading font. `None` for a table without columns (the PDF draws nothing either).
    fn table(&self, table: &crate::print::Table, keep: bool) -> Option<docx_rs::Table> {
        let widths: Vec<i32> = column_widths(self.fonts, self.style, table)
            .into_iter()
            .map(twips)
            .collect();
        if widths.is_empty() {
            return None;
        }
        let size = table.size.unwrap_or(self.style.body_size);
        let columns = table.columns.len();
        let least = table
            .columns
            .iter()
            .filter_map(|c| c.min_height)
            .fold(0.0, f32::max);
        // `merged`: the leading columns continued from the row above, and continued by the row
        // below (Word's vMerge: the first cell restarts a merge, the cells under it continue it).
        let row = |cells: &[String], role: FontRole, header: bool, merged: (usize, usize)| {
            let cells = (0..columns)
                .map(|c| {
                    let text = cell_text(cells, c, columns);
                    let align = if header {
                        AlignmentType::Center
                    } else {
                        alignment(table.columns[c].align)
                    };
                    let mut cell = TableCell::new().width(widths[c] as usize, WidthType::Dxa);
                    if !header && least > 0.0 {
                        cell = cell.vertical_align(docx_rs::VAlignType::Center);
                    }
                    if c < merged.0 {
                        cell = cell.vertical_merge(docx_rs::VMergeType::Continue);
                    } else if c < merged.1 {
                        cell = cell.vertical_merge(docx_rs::VMergeType::Restart);
                    }
                    let side = table.columns[c].code_side.filter(|_| !header);
                    let picture = side
                        .filter(|_| !text.trim().is_empty())
                        .and_then(|side| self.code_picture(&text, side / PT_PER_MM).ok());
                    if let Some(pic) = picture {
                        // Its own height, off the grid: an exact line would clip the picture.
                        let p = Paragraph::new()
                            .add_run(Run::new().add_image(pic))
                            .align(AlignmentType::Center)
                            .line_spacing(
                                LineSpacing::new()
                                    .line_rule(LineSpacingType::Auto)
                                    .line(240),
                            )
                            .snap_to_grid(false)
                            .keep_next(keep);
                        return cell.add_paragraph(p);
                    }
                    for line in text.split('\n') {
                        let p = self
                            .paragraph(line, role, size)
                            .align(align)
                            .keep_next(keep);
                        cell = cell.add_paragraph(p);
                    }
                    cell
                })
                .collect();
            let tr = TableRow::new(cells).cant_split();
            if !header && least > 0.0 {
                // Room for a seal, as in the PDF: at least this tall, taller when the text
                // needs it.
                tr.row_height(twips(least) as f32)
                    .height_rule(docx_rs::HeightRule::AtLeast)
            } else {
                tr
            }
        };
        let mut rows = Vec::new();
        if let Some(h) = &table.header {
            rows.push(row(h, FontRole::Heading1, true, (0, 0)));
        }
        for (i, r) in table.rows.iter().enumerate() {
            let merged = (table.joined_above(i), table.joined_above(i + 1));
            rows.push(row(r, FontRole::Body, false, merged));
        }
        let total: i32 = widths.iter().sum();
        let t = if table.borders {
            docx_rs::Table::new(rows)
        } else {
            docx_rs::Table::without_borders(rows)
        };
        let pad = if table.borders { twips(0.35 * size) } else { 0 };
        let t = t
            .set_grid(widths.iter().map(|&w| w as usize).collect())
            .width(total as usize, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(
                docx_rs::TableCellMargins::new()
                    .margin_left(pad as usize, WidthType::Dxa)
                    .margin_right(pad as usize, WidthType::Dxa),
            );
        Some(t)
    }

    /// The 版记 (GB/T 9704 §7.4) where the PDF sets it: its last rule on the foot of the text
    /// block, on an even page. Neither way Word has of floating it there survives LibreOffice
    /// 7.4 (a table floated with `w:tblpPr` is left out of its PDF export, paragraphs framed
    /// with `w:framePr` are set in the flow without their borders), so it follows the text and
    /// is pushed down to the PDF's place: page breaks to the PDF's page (a blank one when the
    /// text ends on an even page without room under it), then a spacer as tall as the room
    /// the PDF leaves between the text and the 版记. Word's lines are the PDF's, so the 版记
    /// ends where the PDF's does (a fraction of a point higher: Word's pitch is rounded down
    /// to whole twips). `place` is `None` when the PDF flows it (inside a kept group).
    ///
    /// Its lines are paragraphs in 4号 with the same borders (so Word draws the top rule over
    /// the first, the bottom one under the last and the thinner `w:between` ones inside), the
    /// left part wrapped where the PDF wraps it and set one character in (a hanging indent and
    /// a tab stop, the rules spanning the text block), the right part at a right tab stop one
    /// character from the right edge, on the left part's last line.
    fn colophon(&self, lines: &[(String, String)], place: Option<FootPlace>, out: &mut Out) {
        if lines.is_empty() {
            return;
        }
        let size = self.style.page_number_size;
        let pitch = self.line_pitch();
        let exact = |height: i32| {
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(height.max(1))
                .before(0)
                .after(0)
        };
        if let Some(place) = place {
            let breaks = place.page.saturating_sub(place.text_page);
            for _ in 1..breaks {
                // A page left blank but for its number: the text ends on an even page.
                out.break_before = true;
                out.push_paragraph(Paragraph::new().line_spacing(exact(20)).snap_to_grid(false));
            }
            let room = if breaks == 0 {
                place.top - place.text_end
            } else {
                place.top
            };
            // Two points less, for the rounding of the lines above (Word's and LibreOffice's
            // sums of exact heights may each come out a twip or two over the PDF's).
            let room = (room * 20.0).floor() as i32 - ROUNDING_ROOM;
            out.break_before |= breaks > 0;
            if room > 0 || out.break_before {
                // Off the grid, or LibreOffice sets it a grid line tall.
                let spacer = Paragraph::new()
                    .line_spacing(exact(room))
                    .snap_to_grid(false)
                    .keep_next(true);
                out.push_paragraph(spacer);
            }
        }
        let one = twips(size);
        let width = twips(self.style.text_width());
        let rule = |position, eighths| {
            docx_rs::ParagraphBorder::new(position)
                .size(eighths)
                .color("000000")
        };
        let borders = docx_rs::ParagraphBorders::with_empty()
            .set(rule(docx_rs::ParagraphBorderPosition::Top, 8))
            .set(rule(docx_rs::ParagraphBorderPosition::Bottom, 8))
            .set(rule(docx_rs::ParagraphBorderPosition::Between, 4));
        let run = || {
            Run::new()
                .fonts(self.run_fonts(FontRole::Body))
                .size(half_points(size))
                .character_spacing(self.condensed())
        };
        let wrapped = crate::print::colophon_lines(lines, self.fonts, self.style);
        let n = lines.len();
        for (i, ((_, right), left)) in lines.iter().zip(&wrapped).enumerate() {
            // The rules take room of their own (1 pt outside, ½ pt inside, in twips): taken
            // from the lines, so that the 版记 is as tall as the PDF's.
            let rules = if i == 0 { 20 } else { 10 } + if i + 1 == n { 20 } else { 0 };
            let rows = i32::try_from(left.len().max(1)).unwrap_or(1);
            let mut p = Paragraph::new()
                .line_spacing(exact(pitch - (rules + rows - 1) / rows))
                .snap_to_grid(false)
                .keep_next(i + 1 < n)
                .keep_lines(true)
                .widow_control(false)
                .indent(
                    Some(one),
                    Some(SpecialIndentType::Hanging(one)),
                    Some(0),
                    None,
                )
                .add_tab(
                    docx_rs::Tab::new()
                        .val(docx_rs::TabValueType::Left)
                        .pos(one as usize),
                )
                .add_tab(
                    docx_rs::Tab::new()
                        .val(docx_rs::TabValueType::Right)
                        .pos((width - one) as usize),
                )
                .add_run(run().add_tab());
            p.property = p.property.set_borders(borders.clone());
            for (j, text) in left.iter().enumerate() {
                if j > 0 {
                    p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
                }
                p = p.add_run(run().add_text(text));
            }
            if !right.is_empty() {
                // "2026年9月25日印发" on one line: the right tab stop leaves it room.
                p = p.add_run(run().add_tab()).add_run(run().add_text(right));
            }
            out.push_paragraph(p);
        }
    }

    /// The tiny paragraph that closes a document of a batch (see [`SECTION_END_STYLE`]).
    fn section_end(&self) -> Paragraph {
        Paragraph::new().style(SECTION_END_STYLE).line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(20)
                .before(0)
                .after(0),
        )
    }

    /// "— N —" in 4号 宋体: odd pages at the right, even pages at the left, one character in
    /// (GB/T 9704 7.5); or centred; or none.
    fn footers(&self, docx: Docx, numbers: PageNumbers) -> Docx {
        let size = self.style.page_number_size;
        let indent = twips(size);
        let number = |align: AlignmentType, left: Option<i32>, right: Option<i32>| {
            let run = |text: &str| self.page_number_run(size).add_text(text);
            let p = Paragraph::new()
                .align(align)
                .indent(left, None, right, None)
                .add_run(run("— "))
                .add_run(
                    self.page_number_run(size)
                        .add_field_char(FieldCharType::Begin, false),
                )
                .add_run(
                    self.page_number_run(size)
                        .add_instr_text(InstrText::PAGE(InstrPAGE::new())),
                )
                .add_run(
                    self.page_number_run(size)
                        .add_field_char(FieldCharType::Separate, false),
                )
                .add_run(run("1"))
                .add_run(
                    self.page_number_run(size)
                        .add_field_char(FieldCharType::End, false),
                )
                .add_run(run(" —"));
            Footer::new().add_paragraph(p)
        };
        match numbers {
            PageNumbers::None => docx,
            PageNumbers::Center => docx.footer(number(AlignmentType::Center, None, None)),
            PageNumbers::Outside => docx
                .footer(number(AlignmentType::Right, None, Some(indent)))
                .even_footer(number(AlignmentType::Left, Some(indent), None)),
        }
    }

    fn page_number_run(&self, size: f32) -> Run {
        let font = self.word.page_number.as_str();
        Run::new()
            .fonts(
                RunFonts::new()
                    .ascii(font)
                    .hi_ansi(font)
                    .east_asia(font)
                    .hint("eastAsia"),
            )
            .size(half_points(size))
    }
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}
