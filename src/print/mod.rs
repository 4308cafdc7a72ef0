//! Chinese print engine on printpdf: fonts with per-role choice and fallback, glyph coverage
//! checks, line breaking with 避头尾, tables, pagination with page numbers (GB/T 9704 house
//! style), and an absolute-position canvas for name cards and charts.
//!
//! Typical use: build a [`Doc`] from [`Block`]s, then [`render`] it (or [`render_batch`] many
//! documents into one PDF) with a shared [`FontSet`] and a [`PageStyle`].

mod canvas;
mod coverage;
mod document;
mod flow;
mod font_catalog;
pub mod font_settings;
mod fonts;
pub mod layout;
pub mod qr;
pub mod sample;
mod table;
pub mod words;

pub use canvas::{mm, Canvas, PageSize, TextRun, PT_PER_MM};
pub use coverage::{check_coverage, GlyphProblem};
pub use document::{Align, Block, Column, Doc, Fit, Heading, PageNumbers, PageStyle, Table};
pub use font_settings::{font_options, save_choice, saved_choice, saved_fonts, FontOption};
pub use fonts::{FontChoice, FontRole, FontSet, FontSource};

/// The name a Word file gives the font of `source`, when Word and WPS know it (仿宋_GB2312,
/// 方正小标宋简体, 宋体, …); `None` for the bundled font and fonts Word does not name.
pub fn word_font_name(source: &FontSource) -> Option<&'static str> {
    font_catalog::word_name(source)
}
pub(crate) use flow::{colophon_lines, foot_place, FootPlace};
pub use layout::{
    balance_lines, break_lines_with, breaks_inside_words, wrap_text, BreakRules, WrappedLine,
};
pub(crate) use table::{cell_text, column_widths};

use crate::Result;

/// Renders one document to PDF bytes. Every character is checked against the fonts first;
/// the first one no font has is returned as [`crate::Error::MissingGlyph`].
pub fn render(doc: &Doc, fonts: &FontSet, style: &PageStyle) -> Result<Vec<u8>> {
    render_batch(std::slice::from_ref(doc), fonts, style)
}

/// Renders several documents into one PDF, each starting on a new page with its own page
/// numbers (a batch of agreements printed in one go), on an odd page where it asks
/// ([`Doc::odd_start`]).
pub fn render_batch(docs: &[Doc], fonts: &FontSet, style: &PageStyle) -> Result<Vec<u8>> {
    render_batch_with_progress(docs, fonts, style, &mut |_, _| true)
}

/// Like [`render_batch`], calling `progress(done, total)` after each document; when it
/// returns `false` the batch stops with [`crate::Error::Cancelled`].
pub fn render_batch_with_progress(
    docs: &[Doc],
    fonts: &FontSet,
    style: &PageStyle,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>> {
    if let Some(problem) = check_coverage(docs, fonts).into_iter().next() {
        return Err(problem.into());
    }
    let title = match docs {
        [one] => one.title.as_str(),
        _ => docs.first().map_or("", |d| d.title.as_str()),
    };
    let mut canvas = Canvas::new(fonts, title);
    for (i, doc) in docs.iter().enumerate() {
        if doc.odd_start && canvas.page_count() % 2 == 1 {
            // The back of the last page stays blank: no text, no page number.
            canvas.add_page(style.size);
        }
        flow::draw_doc(&mut canvas, doc, style)?;
        if !progress(i + 1, docs.len()) {
            return Err(crate::Error::Cancelled);
        }
    }
    Ok(canvas.finish())
}

/// Writes a finished document to `path` through a hidden temporary file beside it
/// (`.name.part`), renamed when whole: a failed or cancelled job never leaves a half-written
/// file under the real name.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let part = path.with_file_name(format!(".{name}.part"));
    std::fs::write(&part, bytes).map_err(|e| crate::Error::io(&part, e))?;
    std::fs::rename(&part, path).map_err(|e| {
        let _ = std::fs::remove_file(&part);
        crate::Error::io(path, e)
    })?;
    log::info!("打印：写出 {}（{} 字节）", path.display(), bytes.len());
    Ok(())
}
