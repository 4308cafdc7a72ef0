//! Tables: cells wrap inside their column, each row becomes a piece (a row taller than a page
//! is cut between lines), and every row carries the header row to repeat on a new page.

use std::rc::Rc;

use super::document::{PageStyle, Table};
use super::flow::{baseline_in_slot, line_item, Item, Piece, Type};
use super::fonts::{FontRole, FontSet};
use super::layout::{wrap_text, WrappedLine};

struct Geometry {
    xs: Vec<f32>,
    widths: Vec<f32>,
    size: f32,
    pitch: f32,
    pad_x: f32,
    pad_y: f32,
    borders: bool,
}

/// The pieces of `table`: the header row (if any) then one or more pieces per row.
pub(crate) fn table_pieces(fonts: &FontSet, style: &PageStyle, table: &Table) -> Vec<Piece> {
    let total_weight: f32 = table.columns.iter().map(|c| c.weight.max(0.0)).sum();
    if table.columns.is_empty() || total_weight <= 0.0 {
        return Vec::new();
    }
    let width = style.text_width();
    let widths: Vec<f32> = table
        .columns
        .iter()
        .map(|c| c.weight.max(0.0) / total_weight * width)
        .collect();
    let xs = widths
        .iter()
        .scan(0.0, |x, w| {
            let start = *x;
            *x += w;
            Some(start)
        })
        .collect();
    let size = table.size.unwrap_or(style.body_size);
    let g = Geometry {
        xs,
        widths,
        size,
        pitch: style.line_pitch * size / style.body_size,
        pad_x: if table.borders { 0.35 * size } else { 0.0 },
        pad_y: if table.borders { 0.15 * size } else { 0.0 },
        borders: table.borders,
    };

    let mut out = Vec::new();
    let header = table.header.as_ref().map(|cells| {
        let lines = wrap_row(fonts, &g, FontRole::Heading1, cells);
        let mut piece = row_piece(table, &g, FontRole::Heading1, &lines, 0, usize::MAX);
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
    for cells in &table.rows {
        let lines = wrap_row(fonts, &g, FontRole::Body, cells);
        let n = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let mut from = 0;
        while from < n {
            let to = (from + max_lines).min(n);
            let mut piece = row_piece(table, &g, FontRole::Body, &lines, from, to);
            piece.repeat_header = header.clone();
            out.push(piece);
            from = to;
        }
    }
    out
}

/// Wraps each cell of a row; cells beyond the last column are joined onto the last one so
/// nothing is silently dropped.
fn wrap_row(
    fonts: &FontSet,
    g: &Geometry,
    role: FontRole,
    cells: &[String],
) -> Vec<Vec<WrappedLine>> {
    let n = g.widths.len();
    (0..n)
        .map(|c| {
            let text = if c + 1 == n && cells.len() > n {
                cells[c..].join(" ")
            } else {
                cells.get(c).cloned().unwrap_or_default()
            };
            let inner = (g.widths[c] - 2.0 * g.pad_x).max(g.size);
            text.split('\n')
                .flat_map(|para| wrap_text(fonts, role, g.size, para, inner, 0.0))
                .collect()
        })
        .collect()
}

/// The piece showing lines `from..to` of every cell of a row.
fn row_piece(
    table: &Table,
    g: &Geometry,
    role: FontRole,
    lines: &[Vec<WrappedLine>],
    from: usize,
    to: usize,
) -> Piece {
    let n = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let to = to.min(n);
    let height = (to - from) as f32 * g.pitch + 2.0 * g.pad_y;
    let mut items = Vec::new();
    for (c, cell) in lines.iter().enumerate() {
        let x0 = g.xs[c] + g.pad_x;
        let inner = g.widths[c] - 2.0 * g.pad_x;
        for (j, line) in cell.iter().enumerate().take(to).skip(from) {
            let baseline =
                g.pad_y + (j - from) as f32 * g.pitch + baseline_in_slot(g.pitch, g.size);
            let align = Some(table.columns[c].align);
            let ty = Type { role, size: g.size };
            items.push(line_item(line, x0, inner, baseline, ty, align, 0.0));
        }
    }
    if g.borders {
        let right = g.xs.last().copied().unwrap_or(0.0) + g.widths.last().copied().unwrap_or(0.0);
        items.push(Item::Rule {
            from: (0.0, 0.0),
            to: (right, 0.0),
        });
        items.push(Item::Rule {
            from: (0.0, height),
            to: (right, height),
        });
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
