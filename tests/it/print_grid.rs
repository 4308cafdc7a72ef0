//! The 公文 grid (GB/T 9704): 28 characters a line and 22 lines a page, in the app's PDF and
//! in its .docx as LibreOffice sets it, measured on the pages' own text positions
//! (`pdftotext -bbox-layout`). A title takes whole lines of the grid, so page 1 holds its
//! title, one empty line and the rest of the 22 in body lines.

use crate::office;
use crate::poppler;

use std::path::Path;

use lianxi::print::{render, Block, Doc, FontChoice, FontSet, PageStyle};
use poppler::{attr, tool};

/// One text line of a page: its top in points and its characters (spaces dropped).
#[derive(Debug, Clone)]
struct Line {
    y: f32,
    text: String,
}

/// The lines of every page, top to bottom, page numbers ("— 1 —") left out. Words poppler
/// puts on separate `<line>`s of one `<block>` at the same height count as one line.
fn lines_by_page(pdf: &Path) -> Vec<Vec<Line>> {
    let html = tool("pdftotext", &["-bbox-layout", pdf.to_str().unwrap(), "-"]);
    html.split("<page ")
        .skip(1)
        .map(|page| {
            let mut lines: Vec<Line> = Vec::new();
            for chunk in page.split("<line ").skip(1) {
                let (tag, rest) = chunk.split_once('>').unwrap_or((chunk, ""));
                let y = attr(tag, "yMin");
                let text: String = rest
                    .split("<word ")
                    .skip(1)
                    .filter_map(|w| w.split_once('>'))
                    .map(|(_, t)| t.split("</word>").next().unwrap_or_default())
                    .collect::<String>()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                if text.is_empty() || (text.starts_with('—') && text.ends_with('—')) {
                    continue;
                }
                match lines.iter_mut().find(|l| (l.y - y).abs() < 2.0) {
                    Some(l) => l.text.push_str(&text),
                    None => lines.push(Line { y, text }),
                }
            }
            lines.sort_by(|a, b| a.y.total_cmp(&b.y));
            lines
        })
        .collect()
}

const TITLE: &str = "关于进一步加强区域化党建工作推动驻区单位共驻共建共享的实施意见";

/// Five paragraphs of body text without punctuation inside (so that no 避头尾 rule moves a
/// character and every full line is a full 28), each long enough for several lines.
fn doc() -> Doc {
    let mut doc = Doc::new("网格", TITLE);
    doc.push(Block::Title(TITLE.into()));
    let phrase = "街道党工委坚持以党建引领基层治理统筹辖区各类资源推动驻区单位共驻共建";
    for i in 0..14 {
        let text: String = phrase.repeat(3 + i % 3) + "。";
        doc.push(Block::para(text));
    }
    doc
}

/// Checks a PDF against the grid: on every page the body lines sit one pitch apart, page 2
/// holds 22 of them, every line that is not a paragraph's last holds 28 characters, and page
/// 1 holds two title lines, no lone title character, and 19 body lines (22 − 2 − 1). A
/// paragraph's first line holds 26 after its two-character indent.
fn check(what: &str, pdf: &Path) {
    let pages = lines_by_page(pdf);
    assert!(pages.len() >= 3, "{what}: {} pages", pages.len());
    let pitch = PageStyle::default().line_pitch;
    let title: Vec<&Line> = pages[0]
        .iter()
        .take_while(|l| TITLE.contains(l.text.as_str()))
        .collect();
    assert_eq!(title.len(), 2, "{what}: title lines {title:?}");
    assert!(
        title.iter().all(|l| l.text.chars().count() > 1),
        "{what}: a lone title character {title:?}"
    );
    let body1 = &pages[0][title.len()..];
    assert_eq!(body1.len(), 19, "{what}: page 1 body lines {body1:#?}");
    let mut starts_paragraph = true;
    for (n, page) in pages.iter().enumerate().take(pages.len() - 1) {
        let body = if n == 0 { body1 } else { &page[..] };
        if n > 0 {
            assert_eq!(body.len(), 22, "{what}: page {} lines {body:#?}", n + 1);
        }
        for pair in body.windows(2) {
            let step = pair[1].y - pair[0].y;
            assert!(
                (step - pitch).abs() < 0.6,
                "{what}: page {} lines {step} pt apart, not {pitch}: {pair:?}",
                n + 1
            );
        }
        for l in body {
            // A paragraph's first line is indented two characters.
            let want = if starts_paragraph { 26 } else { 28 };
            starts_paragraph = l.text.ends_with('。');
            if starts_paragraph {
                continue;
            }
            assert_eq!(
                l.text.chars().count(),
                want,
                "{what}: page {}: {:?}",
                n + 1,
                l.text
            );
        }
    }
    // The first body line is two grid lines below the title's second (one empty line).
    let gap = body1[0].y - title[1].y;
    assert!(
        (gap - 2.0 * pitch).abs() < 6.0,
        "{what}: title to text {gap} pt, about {}",
        2.0 * pitch
    );
}

#[test]
fn the_pdf_and_the_word_file_hold_28_characters_by_22_lines() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = FontSet::load(&FontChoice::system_default()).unwrap();
    let pdf = dir.path().join("grid.pdf");
    std::fs::write(&pdf, render(&doc(), &fonts, &PageStyle::default()).unwrap()).unwrap();
    check("PDF", &pdf);

    let conn = lianxi::db::open_in_memory().unwrap();
    let docx = dir.path().join("grid_word.docx");
    lianxi::docx::write_docs(&conn, &[doc()], &docx).unwrap();
    let lo = dir.path().join("lo");
    office::libreoffice_pdf(&[&docx], &lo);
    check("LibreOffice", &lo.join("grid_word.pdf"));
}
