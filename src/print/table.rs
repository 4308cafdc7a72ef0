//! Tables: cells wrap inside their column, each row becomes a piece (a row taller than a page
//! is cut between lines), and every row carries the header row to repeat on a new page.
//!
//! Short words stay whole: columns of names and titles ([`Fit::Entries`]) are widened from
//! their content, taking the width from the free-text columns; a cell that would still leave
//! one character alone on its last line, or break a word of up to four characters, is set
//! smaller, step by step down to 3/4 of the table's size; if that does not help, it keeps the
//! table's size and its last break moves back so that the last line has two characters.

use std::borrow::Cow;
use std::rc::Rc;

use super::document::{Fit, PageStyle, Table};
use super::flow::{baseline_in_slot, line_item, Item, Piece, Type};
use super::fonts::{FontRole, FontSet};
use super::layout::{
    break_lines_with, has_orphan, splits_short_word, BreakRules, WrappedLine, EPS, LIST_SEPARATORS,
};

/// A cell's type is set down to this share of the table's size to keep short words whole.
const MIN_CELL_SCALE: f32 = 0.75;
/// How much smaller each try is, in points.
const SHRINK_STEP: f32 = 0.5;
/// Entries of a [`Fit::Entries`] column longer than this wrap; they do not widen it.
const ENTRY_MAX_CHARS: usize = 10;
/// The share of its weight's width that a [`Fit::FreeText`] column keeps.
const FREE_TEXT_KEEPS: f32 = 0.6;

struct Geometry {
    xs: Vec<f32>,
    widths: Vec<f32>,
    fits: Vec<Fit>,
    code_sides: Vec<Option<f32>>,
    size: f32,
    pitch: f32,
    pad_x: f32,
    pad_y: f32,
    borders: bool,
}

/// One laid-out cell: the type size it is set in and its lines.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    size: f32,
    lines: Vec<WrappedLine>,
    /// The 签到码 of a body cell of a code column (printed as a QR code, no text).
    code: Option<(String, f32)>,
}

/// The width of each column of `table` in points, as printed (the weights scaled to the text
/// width, entry columns widened from their content); empty when the table has no width.
/// The Word writer gives its tables the same widths.
pub(crate) fn column_widths(fonts: &FontSet, style: &PageStyle, table: &Table) -> Vec<f32> {
    let total_weight: f32 = table.columns.iter().map(|c| c.weight.max(0.0)).sum();
    if table.columns.is_empty() || total_weight <= 0.0 {
        return Vec::new();
    }
    let width = style.text_width();
    let size = table.size.unwrap_or(style.body_size);
    let pad_x = cell_padding(table, size);
    let base: Vec<f32> = table
        .columns
        .iter()
        .map(|c| c.weight.max(0.0) / total_weight * width)
        .collect();
    let fits: Vec<Fit> = table.columns.iter().map(|c| c.fit).collect();
    let need: Vec<f32> = (0..fits.len())
        .map(|c| match fits[c] {
            Fit::Entries => widest_entry(fonts, table, c, size) + 2.0 * pad_x,
            _ => 0.0,
        })
        .collect();
    fit_widths(&base, &fits, &need)
}

/// The space between a ruled cell's border and its text; none without borders.
fn cell_padding(table: &Table, size: f32) -> f32 {
    if table.borders {
        0.35 * size
    } else {
        0.0
    }
}

/// The pieces of `table`: the header row (if any) then one or more pieces per row.
pub(crate) fn table_pieces(fonts: &FontSet, style: &PageStyle, table: &Table) -> Vec<Piece> {
    let widths = column_widths(fonts, style, table);
    if widths.is_empty() {
        return Vec::new();
    }
    let size = table.size.unwrap_or(style.body_size);
    let pad_x = cell_padding(table, size);
    let fits: Vec<Fit> = table.columns.iter().map(|c| c.fit).collect();
    let xs = widths
        .iter()
        .scan(0.0, |x, w| {
            let start = *x;
            *x += w;
            Some(start)
        })
        .collect();
    let g = Geometry {
        xs,
        widths,
        fits,
        code_sides: table.columns.iter().map(|c| c.code_side).collect(),
        size,
        pitch: style.line_pitch * size / style.body_size,
        pad_x,
        pad_y: if table.borders { 0.15 * size } else { 0.0 },
        borders: table.borders,
    };

    let mut out = Vec::new();
    let header = table.header.as_ref().map(|cells| {
        let cells = lay_out_row(fonts, &g, FontRole::Heading1, cells);
        let mut piece = row_piece(
            table,
            &g,
            FontRole::Heading1,
            &cells,
            (0, usize::MAX),
            Open::default(),
        );
        piece.keep_with_next = true;
        piece
    });
    let header_height = header.as_ref().map_or(0.0, |h| h.height);
    // Lines of one row that fit on an otherwise empty page under the header.
    let max_lines =
        (((style.text_height() - header_height - 2.0 * g.pad_y) / g.pitch).floor() as usize).max(1);
    let header = header.map(Rc::new);
    if let Some(h) = &header {
        out.push(Piece::clone(h));
    }
    for (r, row) in table.rows.iter().enumerate() {
        let cells = lay_out_row(fonts, &g, FontRole::Body, row);
        let n = row_lines(&cells);
        // Leading columns merged with the row above and with the row below: no rule there.
        let (above, below) = (table.joined_above(r), table.joined_above(r + 1));
        let mut from = 0;
        while from < n {
            let to = (from + max_lines).min(n);
            let open = Open {
                top: if from == 0 { above } else { 0 },
                bottom: if to == n { below } else { 0 },
            };
            let mut piece = row_piece(table, &g, FontRole::Body, &cells, (from, to), open);
            piece.repeat_header = header.clone();
            // A row that the next continues stays on its page with it.
            piece.keep_with_next = open.bottom > 0;
            out.push(piece);
            from = to;
        }
    }
    out
}

/// How many leading columns of a row piece are open at its top and at its bottom (merged with
/// the row above or below): their part of that rule is not drawn.
#[derive(Debug, Clone, Copy, Default)]
struct Open {
    top: usize,
    bottom: usize,
}

/// The text of column `c` of a row; cells beyond the last column are joined onto the last
/// one so nothing is silently dropped.
pub(crate) fn cell_text(cells: &[String], c: usize, columns: usize) -> Cow<'_, str> {
    if c + 1 == columns && cells.len() > columns {
        Cow::Owned(cells[c..].join(" "))
    } else {
        cells
            .get(c)
            .map_or(Cow::Borrowed(""), |s| Cow::Borrowed(s.as_str()))
    }
}

/// The entries of a cell: its space-separated parts, each cut after a list separator, so
/// "张三、欧阳娜娜 副主任" gives 张三、, 欧阳娜娜 and 副主任.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .flat_map(|part| part.split_inclusive(LIST_SEPARATORS))
}

/// Width of the widest entry (of at most [`ENTRY_MAX_CHARS`]) in column `c`, header included.
fn widest_entry(fonts: &FontSet, table: &Table, c: usize, size: f32) -> f32 {
    let columns = table.columns.len();
    let header = table.header.iter().map(|h| (FontRole::Heading1, h));
    let rows = table.rows.iter().map(|r| (FontRole::Body, r));
    header
        .chain(rows)
        .flat_map(|(role, cells)| {
            let text = cell_text(cells, c, columns);
            entries(&text)
                .filter(|e| e.chars().count() <= ENTRY_MAX_CHARS)
                .map(|e| e.chars().map(|ch| fonts.char_width(role, size, ch)).sum())
                .collect::<Vec<f32>>()
        })
        .fold(0.0, f32::max)
}

/// Column widths: `base` (from the weights), with each [`Fit::Entries`] column widened to
/// `need` as far as the [`Fit::FreeText`] columns can give (each keeps
/// [`FREE_TEXT_KEEPS`] of its width; they give in proportion). The total is unchanged.
fn fit_widths(base: &[f32], fits: &[Fit], need: &[f32]) -> Vec<f32> {
    let extra: Vec<f32> = (0..base.len())
        .map(|c| match fits[c] {
            Fit::Entries => (need[c] - base[c]).max(0.0),
            _ => 0.0,
        })
        .collect();
    let room: Vec<f32> = (0..base.len())
        .map(|c| match fits[c] {
            Fit::FreeText => base[c] * (1.0 - FREE_TEXT_KEEPS),
            _ => 0.0,
        })
        .collect();
    let (wanted, spare): (f32, f32) = (extra.iter().sum(), room.iter().sum());
    if wanted <= EPS || spare <= EPS {
        return base.to_vec();
    }
    let moved = wanted.min(spare);
    (0..base.len())
        .map(|c| base[c] + extra[c] * moved / wanted - room[c] * moved / spare)
        .collect()
}

/// Lays out each cell of a row.
fn lay_out_row(fonts: &FontSet, g: &Geometry, role: FontRole, cells: &[String]) -> Vec<Cell> {
    let n = g.widths.len();
    (0..n)
        .map(|c| {
            let text = cell_text(cells, c, n);
            if let (Some(side), FontRole::Body) = (g.code_sides[c], role) {
                let code = (!text.trim().is_empty()).then(|| (text.into_owned(), side));
                return Cell {
                    size: g.size,
                    lines: Vec::new(),
                    code,
                };
            }
            let inner = (g.widths[c] - 2.0 * g.pad_x).max(g.size);
            let rules = BreakRules {
                keep_words: true,
                keep_entries: g.fits[c] == Fit::Entries,
                no_orphan: false,
            };
            fit_cell(&text, inner, g.size, rules, &|ch, size| {
                fonts.char_width(role, size, ch)
            })
        })
        .collect()
}

/// Lays out a cell's text (paragraphs split at line feeds) in `inner` points, keeping words
/// whole: at `size` when no paragraph leaves one character alone on its last line or breaks
/// a short word, else at the largest size down to [`MIN_CELL_SCALE`] of it that does not;
/// failing that, at `size` with the last break of each paragraph moved back so that its last
/// line has two characters. `rules` say which words to keep whole (`no_orphan` is added for
/// the last resort); `width_of(ch, size)` is a character's advance.
fn fit_cell(
    text: &str,
    inner: f32,
    size: f32,
    rules: BreakRules,
    width_of: &dyn Fn(char, f32) -> f32,
) -> Cell {
    let lay_out = |size: f32, rules: BreakRules| -> Vec<(&str, Vec<WrappedLine>)> {
        text.split('\n')
            .map(|para| {
                let lines = break_lines_with(para, inner, 0.0, &|ch| width_of(ch, size), rules);
                (para, lines)
            })
            .collect()
    };
    let join = |paras: Vec<(&str, Vec<WrappedLine>)>| -> Vec<WrappedLine> {
        paras.into_iter().flat_map(|(_, lines)| lines).collect()
    };
    let floor = size * MIN_CELL_SCALE;
    let mut tried = size;
    while tried >= floor - EPS {
        let paras = lay_out(tried, rules);
        let clean = paras
            .iter()
            .all(|(para, lines)| !has_orphan(lines) && !splits_short_word(para, lines));
        if clean {
            return Cell {
                size: tried,
                lines: join(paras),
                code: None,
            };
        }
        tried -= SHRINK_STEP;
    }
    let last_resort = BreakRules {
        no_orphan: true,
        ..rules
    };
    Cell {
        size,
        lines: join(lay_out(size, last_resort)),
        code: None,
    }
}

/// The number of lines of a row: its tallest cell's (at least one).
fn row_lines(cells: &[Cell]) -> usize {
    cells
        .iter()
        .map(|c| c.lines.len())
        .max()
        .unwrap_or(0)
        .max(1)
}

/// The piece showing lines `from..to` of every cell of a row.
fn row_piece(
    table: &Table,
    g: &Geometry,
    role: FontRole,
    cells: &[Cell],
    (from, to): (usize, usize),
    open: Open,
) -> Piece {
    let n = row_lines(cells);
    let to = to.min(n);
    let content = (to - from) as f32 * g.pitch + 2.0 * g.pad_y;
    // A body row shown whole is as tall as its columns ask (room for a seal), each cell's
    // text centred in that height.
    let least = if role == FontRole::Body && from == 0 && to == n {
        table
            .columns
            .iter()
            .filter_map(|c| c.min_height)
            .fold(0.0, f32::max)
    } else {
        0.0
    };
    let height = content.max(least);
    let mut items = Vec::new();
    for (c, cell) in cells.iter().enumerate() {
        let x0 = g.xs[c] + g.pad_x;
        let inner = g.widths[c] - 2.0 * g.pad_x;
        // In a row taller than its text, each cell's lines are centred (as Word's vAlign).
        let own = cell.lines.len().clamp(1, n) as f32 * g.pitch + 2.0 * g.pad_y;
        let shift = if least > content {
            (height - own) / 2.0
        } else {
            0.0
        };
        for (j, line) in cell.lines.iter().enumerate().take(to).skip(from) {
            let baseline = shift
                + g.pad_y
                + (j - from) as f32 * g.pitch
                + baseline_in_slot(g.pitch, cell.size);
            let align = Some(table.columns[c].align);
            // Cells keep the type's own advance: their widths are the columns', not the grid's.
            let ty = Type {
                role,
                size: cell.size,
                tracking: 0.0,
            };
            items.push(line_item(line, x0, inner, baseline, ty, align, 0.0));
        }
        // A code only in a row shown whole (never split over a page).
        if let (Some((text, side)), true) = (&cell.code, from == 0 && to == n) {
            items.push(Item::Code {
                x: g.xs[c] + (g.widths[c] - side) / 2.0,
                y: (height - side) / 2.0,
                side: *side,
                text: text.clone(),
            });
        }
    }
    if g.borders {
        let right = g.xs.last().copied().unwrap_or(0.0) + g.widths.last().copied().unwrap_or(0.0);
        // A horizontal rule starts after the columns open on that side.
        let start = |open: usize| g.xs.get(open).copied();
        for (open, y) in [(open.top, 0.0), (open.bottom, height)] {
            if let Some(x) = start(open) {
                items.push(Item::Rule {
                    from: (x, y),
                    to: (right, y),
                });
            }
        }
        for x in g.xs.iter().copied().chain(std::iter::once(right)) {
            items.push(Item::Rule {
                from: (x, 0.0),
                to: (x, height),
            });
        }
    }
    Piece {
        height,
        items,
        keep_with_next: false,
        repeat_header: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::document::{Align, Column};

    /// CJK one em, everything else half.
    fn w(c: char, size: f32) -> f32 {
        if super::super::layout::is_cjk(c) {
            size
        } else {
            size / 2.0
        }
    }

    fn cell(text: &str, inner: f32, fit: Fit) -> (f32, Vec<String>) {
        let rules = BreakRules {
            keep_words: true,
            keep_entries: fit == Fit::Entries,
            no_orphan: false,
        };
        let c = fit_cell(text, inner, 12.0, rules, &w);
        (c.size, c.lines.into_iter().map(|l| l.text).collect())
    }

    #[test]
    fn a_cell_is_set_smaller_before_it_leaves_a_character_alone() {
        // Three characters wide at 12 pt: 党委书记 fits on one line at 9 pt (3/4).
        assert_eq!(
            cell("党委书记", 36.0, Fit::Weight),
            (9.0, vec!["党委书记".into()])
        );
        // Four characters wide: 12 characters break between their words, no orphan.
        let (size, lines) = cell("中国石油化工股份有限公司", 48.0, Fit::Weight);
        assert_eq!(size, 12.0, "{lines:?}");
        assert_eq!(lines, ["中国", "石油化工", "股份", "有限公司"]);
        // 13 broken between their words leave nothing alone: no need to shrink.
        assert_eq!(
            cell("青岛海洋科学研究院机关党委", 48.0, Fit::Weight),
            (
                12.0,
                vec![
                    "青岛海洋".into(),
                    "科学".into(),
                    "研究院".into(),
                    "机关党委".into()
                ]
            )
        );
        // A character alone all the same (a name of five): set smaller, 5 a line.
        assert_eq!(
            cell("爱新觉罗氏", 48.0, Fit::Weight),
            (9.5, vec!["爱新觉罗氏".into()])
        );
    }

    #[test]
    fn a_cell_too_narrow_to_shrink_into_keeps_its_size_and_two_characters_at_the_end() {
        // Two characters wide: even at 9 pt 党委书记 needs two lines; at 12 pt it is broken
        // 党委/书记 rather than 党委书/记, and 街道党工委副书记 between its words.
        assert_eq!(
            cell("党委书记", 24.0, Fit::Weight),
            (12.0, vec!["党委".into(), "书记".into()])
        );
        assert_eq!(
            cell("街道党工委副书记", 36.0, Fit::Weight),
            (12.0, vec!["街道".into(), "党工委".into(), "副书记".into()])
        );
    }

    #[test]
    fn free_text_columns_give_width_to_entry_columns() {
        let fits = [Fit::Weight, Fit::FreeText, Fit::Entries, Fit::Entries];
        let base = [40.0, 160.0, 60.0, 80.0];
        // Enough room: each entries column gets what it needs, the total is unchanged.
        let got = fit_widths(&base, &fits, &[0.0, 0.0, 70.0, 110.0]);
        assert_eq!(got, [40.0, 120.0, 70.0, 110.0]);
        // Not enough: the free-text column keeps 3/5, the rest is shared in proportion.
        let got = fit_widths(&base, &fits, &[0.0, 0.0, 100.0, 200.0]);
        let want = [40.0, 96.0, 76.0, 128.0];
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 0.01, "{got:?}");
        }
        // Columns already wide enough, or nothing to take from: the weights stand.
        assert_eq!(fit_widths(&base, &fits, &[0.0, 0.0, 50.0, 50.0]), base);
        let no_free = [Fit::Weight, Fit::Weight, Fit::Entries, Fit::Entries];
        assert_eq!(fit_widths(&base, &no_free, &[0.0, 0.0, 100.0, 200.0]), base);
    }

    /// Every cell of `table` as laid out: for each piece, for each column (told apart by the
    /// vertical rules), the lines' (size, text) top to bottom.
    fn laid_out(table: &Table) -> Vec<Vec<Vec<(f32, String)>>> {
        let fonts = FontSet::bundled().expect("bundled font");
        let pieces = table_pieces(&fonts, &PageStyle::default(), table);
        pieces
            .iter()
            .map(|p| {
                let mut edges: Vec<f32> = p
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Rule { from, to } if from.0 == to.0 => Some(from.0),
                        _ => None,
                    })
                    .collect();
                edges.sort_by(f32::total_cmp);
                let mut cells = vec![Vec::new(); edges.len().saturating_sub(1)];
                let mut texts: Vec<(f32, f32, f32, String)> = p
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text {
                            x,
                            baseline,
                            size,
                            text,
                            ..
                        } => Some((*x, *baseline, *size, text.clone())),
                        _ => None,
                    })
                    .collect();
                texts.sort_by(|a, b| a.1.total_cmp(&b.1));
                for (x, _, size, text) in texts {
                    let c = edges
                        .iter()
                        .rposition(|&e| e <= x)
                        .expect("inside the table");
                    cells[c].push((size, text));
                }
                cells
            })
            .collect()
    }

    fn narrow_table(fit: Fit) -> Table {
        let row = |unit: &str, name: &str, title: &str| {
            vec![
                "1".to_owned(),
                unit.to_owned(),
                name.to_owned(),
                title.to_owned(),
                String::new(),
            ]
        };
        Table {
            // 姓名 and 职务 are 1.1/10 of the text block: about 3.4 characters of 12 pt.
            columns: vec![
                Column::new(1.0, Align::Center),
                Column::new(5.3, Align::Left).fit(Fit::FreeText),
                Column::new(1.1, Align::Left).fit(fit),
                Column::new(1.1, Align::Left).fit(fit),
                Column::new(1.5, Align::Left),
            ],
            header: Some(
                ["序号", "单位名称", "姓名", "职务", "签名"]
                    .map(String::from)
                    .to_vec(),
            ),
            rows: vec![
                row(
                    "中国石油化工股份有限公司青岛石油分公司第三十六加油站",
                    "欧阳娜娜",
                    "党委书记",
                ),
                row("青岛海洋科学研究院机关党委", "司马相如", "街道党工委副书记"),
                row(
                    "青岛市市南区海棠街道社区卫生服务中心（海棠路院区）",
                    "王浒",
                    "党委副书记",
                ),
            ],
            borders: true,
            size: Some(12.0),
            joined: Vec::new(),
        }
    }

    fn assert_no_orphans_and_short_texts_whole(table: &Table) {
        let rows = laid_out(table);
        let all = table.header.iter().chain(table.rows.iter());
        assert_eq!(rows.len(), table.rows.len() + 1);
        for (cells, source) in rows.iter().zip(all) {
            for (lines, text) in cells.iter().zip(source) {
                let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
                assert_eq!(texts.concat(), *text, "nothing lost");
                if lines.len() > 1 {
                    for (_, line) in lines {
                        assert!(line.chars().count() > 1, "{text}: orphan in {texts:?}");
                    }
                }
                if text.chars().count() <= 4 {
                    assert!(lines.len() <= 1, "{text} is broken: {texts:?}");
                }
                // A cell is never set below 3/4 of the table's size.
                for (size, _) in lines {
                    assert!(*size >= 9.0 && *size <= 12.0, "{text} at {size}");
                }
            }
        }
    }

    #[test]
    fn narrow_columns_keep_short_texts_whole_and_leave_no_orphans() {
        let table = narrow_table(Fit::Weight);
        assert_no_orphans_and_short_texts_whole(&table);
        // The short texts were set smaller to fit; the others keep the table's size.
        let rows = laid_out(&table);
        assert!(rows[1][2][0].0 < 12.0, "欧阳娜娜: {:?}", rows[1][2]);
        assert_eq!(rows[1][1][0].0, 12.0, "{:?}", rows[1][1]);
    }

    #[test]
    fn entry_columns_widen_so_titles_stay_on_one_line_at_full_size() {
        let table = narrow_table(Fit::Entries);
        assert_no_orphans_and_short_texts_whole(&table);
        let rows = laid_out(&table);
        for row in &rows[1..] {
            for c in [2, 3] {
                let cell = &row[c];
                assert_eq!(cell.len(), 1, "{cell:?}");
                assert_eq!(cell[0].0, 12.0, "{cell:?}");
            }
        }
        assert_eq!(rows[2][3][0].1, "街道党工委副书记");
    }

    #[test]
    fn a_column_with_a_least_height_makes_body_rows_that_tall_with_their_text_centred() {
        let fonts = FontSet::bundled().expect("bundled font");
        let mut table = narrow_table(Fit::Entries);
        table.columns[4] = table.columns[4].clone().min_height_mm(25.0);
        let pieces = table_pieces(&fonts, &PageStyle::default(), &table);
        let least = crate::print::mm(25.0);
        // The header keeps its own height; every body row is at least 25 mm.
        assert!(pieces[0].height < least, "{}", pieces[0].height);
        for p in &pieces[1..] {
            assert!((p.height - least).abs() < 0.01, "{}", p.height);
            // A one-line cell (序号) sits in the middle of the row.
            let baseline = p
                .items
                .iter()
                .find_map(|i| match i {
                    Item::Text { text, baseline, .. } if text == "1" => Some(*baseline),
                    _ => None,
                })
                .expect("the number");
            assert!((baseline - least / 2.0).abs() < 12.0, "{baseline}");
        }
        // Without it, the rows are as tall as their text.
        let plain = table_pieces(&fonts, &PageStyle::default(), &narrow_table(Fit::Entries));
        assert!(plain[1].height < least);
    }

    /// The horizontal rules of a piece: (start x, y).
    fn horizontal_rules(p: &Piece) -> Vec<(f32, f32)> {
        p.items
            .iter()
            .filter_map(|i| match i {
                Item::Rule { from, to } if from.1 == to.1 => Some((from.0, from.1)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn joined_rows_leave_out_the_rule_between_their_merged_cells_and_stay_together() {
        let fonts = FontSet::bundled().expect("bundled font");
        let mut table = narrow_table(Fit::Entries);
        // The second body row continues the first in its first two columns.
        table.joined = vec![0, 2];
        let widths = column_widths(&fonts, &PageStyle::default(), &table);
        let third_column = widths[0] + widths[1];
        let pieces = table_pieces(&fonts, &PageStyle::default(), &table);
        let (first, second, third) = (&pieces[1], &pieces[2], &pieces[3]);
        // The first row's top is whole, its bottom starts after the merged columns.
        let rules = horizontal_rules(first);
        assert!(rules.contains(&(0.0, 0.0)), "{rules:?}");
        let bottom = rules.iter().find(|r| r.1 > 0.0).expect("a bottom rule");
        assert!((bottom.0 - third_column).abs() < 0.01, "{rules:?}");
        assert!(first.keep_with_next, "the group stays on one page");
        // The continuing row: open at the top, closed at the bottom.
        let rules = horizontal_rules(second);
        let top = rules.iter().find(|r| r.1 == 0.0).expect("a top rule");
        assert!((top.0 - third_column).abs() < 0.01, "{rules:?}");
        assert!(rules.iter().any(|r| r.0 == 0.0 && r.1 > 0.0), "{rules:?}");
        assert!(!second.keep_with_next);
        // Rows outside the group are boxed whole.
        assert!(horizontal_rules(third).iter().all(|r| r.0 == 0.0));
        // Without joins, every row is.
        let plain = table_pieces(&fonts, &PageStyle::default(), &narrow_table(Fit::Entries));
        assert!(plain
            .iter()
            .all(|p| horizontal_rules(p).iter().all(|r| r.0 == 0.0)));
    }
}
