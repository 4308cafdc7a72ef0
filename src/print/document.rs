//! The document model every printed paper is built from (agreements, minutes, agendas,
//! registers), and the page style (GB/T 9704-2012 by default).

use super::canvas::{mm, PageSize};

/// Horizontal alignment of a line or a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// Where page numbers go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageNumbers {
    /// No page numbers.
    None,
    /// GB/T 9704: odd pages at the right, even pages at the left, one character in.
    #[default]
    Outside,
    /// Centred under the text block.
    Center,
}

/// Page geometry and type sizes, in millimetres and points.
#[derive(Debug, Clone, PartialEq)]
pub struct PageStyle {
    pub size: PageSize,
    pub margin_top_mm: f32,
    pub margin_bottom_mm: f32,
    pub margin_left_mm: f32,
    pub margin_right_mm: f32,
    /// 2号 title.
    pub title_size: f32,
    /// 3号 body text.
    pub body_size: f32,
    /// Distance between body baselines.
    pub line_pitch: f32,
    /// 4号 page numbers.
    pub page_number_size: f32,
    /// Gap between the text block and the top of the page number.
    pub page_number_gap_mm: f32,
    pub page_numbers: PageNumbers,
}

impl Default for PageStyle {
    /// GB/T 9704-2012: A4, margins 37/35/28/26 mm, a 156 × 225 mm text block holding
    /// 22 lines of 28 characters of 16 pt 仿宋, title 22 pt.
    fn default() -> Self {
        PageStyle {
            size: PageSize::A4,
            margin_top_mm: 37.0,
            margin_bottom_mm: 35.0,
            margin_left_mm: 28.0,
            margin_right_mm: 26.0,
            title_size: 22.0,
            body_size: 16.0,
            line_pitch: mm(225.0) / 22.0,
            page_number_size: 14.0,
            page_number_gap_mm: 7.0,
            page_numbers: PageNumbers::Outside,
        }
    }
}

impl PageStyle {
    /// The page of a wide table (a register, the three lists, a claim form): A4 landscape,
    /// 15–20 mm margins, 12 pt body, page numbers centred.
    pub fn landscape_table() -> PageStyle {
        PageStyle {
            size: PageSize::A4_LANDSCAPE,
            margin_top_mm: 18.0,
            margin_bottom_mm: 20.0,
            margin_left_mm: 15.0,
            margin_right_mm: 15.0,
            title_size: 20.0,
            body_size: 12.0,
            line_pitch: 20.0,
            page_number_size: 10.5,
            page_number_gap_mm: 5.0,
            page_numbers: PageNumbers::Center,
        }
    }

    /// Characters a full line of body text holds (GB/T 9704: 28).
    pub const CHARS_PER_LINE: f32 = 28.0;

    /// How much every character of text other than titles is set closer (points, ≤ 0), so
    /// that a line holds [`Self::CHARS_PER_LINE`] characters of body type: 156 mm / 28 is
    /// 15.79 pt, a quarter point less than 3号. Rounded down to whole twips, so that the PDF
    /// and the Word file's condensed runs (`w:spacing`) set the same pitch. 0 where the body
    /// type already fits (a wider page, smaller type).
    pub fn tracking(&self) -> f32 {
        let pitch = self.text_width() / Self::CHARS_PER_LINE;
        ((pitch - self.body_size) * 20.0).floor().min(0.0) / 20.0
    }

    /// Distance between the baselines of a title's lines: the body's line pitch where the
    /// title type fits in it (the 公文 grid, 22 lines a page whatever the title), else 1.5 ×
    /// the title size.
    pub fn title_pitch(&self) -> f32 {
        if self.line_pitch >= self.title_size * 1.2 {
            self.line_pitch
        } else {
            self.title_size * 1.5
        }
    }

    /// Where the two lines of a 落款 ([`Block::Signature`]) end: their distances from the
    /// text block's right edge, in the unit of the widths given (the signer's, the date's). The
    /// date ends four characters in (右空四字); the signer is centred over it, never past the
    /// edge; without a date the signer ends four characters in. One rule for the PDF and Word.
    pub fn signature_insets(&self, signer_w: f32, date_w: f32, char_w: f32) -> (f32, f32) {
        let date = 4.0 * char_w;
        let signer = if date_w == 0.0 {
            date
        } else {
            (date + (date_w - signer_w) / 2.0).max(0.0)
        };
        (signer, date)
    }

    /// Width of the text block in points.
    pub fn text_width(&self) -> f32 {
        mm(self.size.width_mm - self.margin_left_mm - self.margin_right_mm)
    }

    /// Height of the text block in points.
    pub fn text_height(&self) -> f32 {
        mm(self.size.height_mm - self.margin_top_mm - self.margin_bottom_mm)
    }

    /// Left edge of the text block, from the page's left edge, in points.
    pub fn left(&self) -> f32 {
        mm(self.margin_left_mm)
    }

    /// Top edge of the text block, from the page's bottom edge, in points.
    pub fn top(&self) -> f32 {
        mm(self.size.height_mm - self.margin_top_mm)
    }
}

/// How a table column's width follows its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fit {
    /// Its weight alone.
    #[default]
    Weight,
    /// Names and titles: widened, when the table has room, until its widest entry fits on
    /// one line (an entry is a space-separated part, or a name of a 、-separated list, of at
    /// most 10 characters, e.g. 街道党工委副书记).
    Entries,
    /// Free text that wraps (a unit's name, a topic): gives up width to the
    /// [`Fit::Entries`] columns, keeping at least 3/5 of its weight's share.
    FreeText,
}

/// A table column: its share of the text width and how its cells are aligned.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Relative width (the columns' weights are scaled to the text width).
    pub weight: f32,
    pub align: Align,
    pub fit: Fit,
    /// The least height of this column's cells in body rows, in points (room for a seal or
    /// a signature); a row is as tall as its tallest need, its text centred vertically.
    pub min_height: Option<f32>,
    /// Body cells hold 签到码 text, printed as a QR code of this side in points (centred in
    /// the cell, no text); a header cell stays text.
    pub code_side: Option<f32>,
}

impl Column {
    pub fn new(weight: f32, align: Align) -> Self {
        Column {
            weight,
            align,
            fit: Fit::Weight,
            min_height: None,
            code_side: None,
        }
    }

    /// The same column with body cells printed as QR codes `mm` millimetres square (and rows
    /// tall enough for them).
    pub fn codes_mm(self, mm: f32) -> Self {
        let side = super::canvas::mm(mm);
        Column {
            code_side: Some(side),
            min_height: Some(
                self.min_height
                    .unwrap_or(0.0)
                    .max(side + super::canvas::mm(3.0)),
            ),
            ..self
        }
    }

    /// The same column with its width following its content as `fit` says.
    pub fn fit(self, fit: Fit) -> Self {
        Column { fit, ..self }
    }

    /// The same column with body cells at least `mm` millimetres tall (a 盖章 column).
    pub fn min_height_mm(self, mm: f32) -> Self {
        Column {
            min_height: Some(super::canvas::mm(mm)),
            ..self
        }
    }
}

/// A table whose cells wrap; rows continue on the next page under a repeated header row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub header: Option<Vec<String>>,
    pub rows: Vec<Vec<String>>,
    /// Ruled cells (a register) or none (a signature block).
    pub borders: bool,
    /// Type size; the body size when `None`. A cell whose text would leave one character
    /// alone on its last line, or break a short word, is set up to a quarter smaller.
    pub size: Option<f32>,
    /// Per body row, how many of its leading columns continue the cells of the row above
    /// (a project claimed by several units: its 序号, 名称 and 内容 span the claimants' rows);
    /// a missing entry is 0. Continued cells are blank and merged with the cell above: no
    /// rule between them in the PDF, one merged cell in Word; the rows of such a group are
    /// kept on one page where they fit.
    pub joined: Vec<usize>,
}

/// A ruled table's column with its header cell: heading, weight, alignment and fit.
pub type Heading<'a> = (&'a str, f32, Align, Fit);

impl Table {
    /// A ruled table at `size` pt with a header row (repeated on every page it runs onto),
    /// one column per heading.
    pub fn ruled(headings: &[Heading], rows: Vec<Vec<String>>, size: f32) -> Table {
        Table {
            columns: headings
                .iter()
                .map(|&(_, weight, align, fit)| Column::new(weight, align).fit(fit))
                .collect(),
            header: Some(headings.iter().map(|h| h.0.to_owned()).collect()),
            rows,
            borders: true,
            size: Some(size),
            joined: Vec::new(),
        }
    }

    /// How many leading columns of body row `row` continue the row above.
    pub fn joined_above(&self, row: usize) -> usize {
        if row == 0 {
            return 0;
        }
        self.joined
            .get(row)
            .copied()
            .unwrap_or(0)
            .min(self.columns.len())
    }
}

/// A unit of a document's content, laid out from top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The centred title (2号, title font), followed by one empty line.
    Title(String),
    /// A first-level heading such as 一、共建原则 (黑体 role), indented two characters.
    Heading1(String),
    /// A second-level heading such as （一）组织保障 (楷体 role), indented two characters.
    Heading2(String),
    /// Body text, justified, its first line indented two characters when `indent`.
    Paragraph {
        text: String,
        indent: bool,
    },
    /// One line (wrapped if too long) aligned left, right or centred, not justified.
    Line {
        text: String,
        align: Align,
    },
    Table(Table),
    /// A labelled list such as the 纪要's "出席：…": the label in the 黑体 role, indented two
    /// characters, the text in the body font right after it; wrapped lines hang at the first
    /// character after the label.
    Labelled {
        label: String,
        text: String,
    },
    /// The 版记 (GB/T 9704 §7.4) at the foot of the page it ends: lines of 4号 text between
    /// rules, each with a left part (抄送：… / 印发机关) one character in and an optional right
    /// part (2026年9月25日印发) one character in from the right.
    Colophon(Vec<(String, String)>),
    /// The 落款 of a letter (GB/T 9704 §7.3.5.1): the date four characters in from the right
    /// edge (右空四字) and the signer centred over it, where the seal presses on both. The
    /// two lines stay together.
    Signature {
        signer: String,
        date: String,
    },
    /// Blocks that must stay on one page (e.g. the last clause and the signature table).
    KeepTogether(Vec<Block>),
    /// Continue on a new page.
    PageBreak,
    /// Vertical space, in body lines.
    Spacer(f32),
}

impl Block {
    /// An indented body paragraph.
    pub fn para(text: impl Into<String>) -> Block {
        Block::Paragraph {
            text: text.into(),
            indent: true,
        }
    }

    /// A single aligned line.
    pub fn line(text: impl Into<String>, align: Align) -> Block {
        Block::Line {
            text: text.into(),
            align,
        }
    }
}

/// One printed document (one agreement, one set of minutes): its record label for error
/// messages, its title, its content, and the fields that were filled into it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Doc {
    /// Names the record in error messages, e.g. "协议 八大关共建〔2026〕第001号".
    pub label: String,
    /// The PDF's metadata title.
    pub title: String,
    pub blocks: Vec<Block>,
    /// (field name, value) pairs filled into the text, e.g. ("乙方名称", "…"), so that a
    /// character no font has can be reported by the field it came from.
    pub fields: Vec<(String, String)>,
    /// Overrides the page style's page-number placement.
    pub page_numbers: Option<PageNumbers>,
    /// In a batch, start on an odd page (a blank page before it where needed), so that a
    /// batch printed double-sided never starts a copy on the back of the one before.
    pub odd_start: bool,
    /// A 签到码 to print as a QR code at the top right of the first page, in the margin
    /// above the text block ([`super::qr`]).
    pub code: Option<String>,
}

impl Doc {
    pub fn new(label: impl Into<String>, title: impl Into<String>) -> Doc {
        Doc {
            label: label.into(),
            title: title.into(),
            ..Doc::default()
        }
    }

    /// Appends a block.
    pub fn push(&mut self, block: Block) -> &mut Self {
        self.blocks.push(block);
        self
    }

    /// Records that `value` was filled in from the field `name`.
    pub fn field(&mut self, name: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.fields.push((name.into(), value.into()));
        self
    }
}
