//! Every document kind of a fixed year, made from an empty database through the CLI, as a
//! 文秘 and a typesetter would check it before signing off: the year's archive (邀请函, 议程,
//! 名单, 签到情况, 发言顺序, 纪要 in PDF and Word, 信息稿, the agreements, the donation papers,
//! the three lists), the meeting's print pack (签到表, 桌签, 座次表), 年度工作统计 and the
//! certificates; every .docx read by LibreOffice. Each PDF page is read back with
//! `pdftotext -bbox` and checked:
//! - nothing outside the text block of its page style but the page number (and nothing off
//!   the paper at all on the pages drawn freely: cards, charts, certificates);
//! - a title never leaves one character alone on its last line;
//! - the 纪要's 版记 on an even page;
//! - every copy of an agreement starting on an odd page.
//!
//! The 28 × 22 grid itself is measured in `print_grid.rs`, table cells broken only between
//! words in `print_cells.rs`, and the drafted sentences against the data in `minutes.rs`.

use crate::cli;
use crate::office;
use crate::poppler;

use std::path::{Path, PathBuf};

use cli::year::{a_year, files, print_the_year};
use lianxi::print::mm;
use poppler::{attr, tool};

/// A word poppler finds on a page: its text and box, in points from the page's top left.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

/// A page: its size and words.
#[derive(Debug)]
struct Page {
    width: f32,
    height: f32,
    words: Vec<Word>,
}

fn pages(pdf: &Path) -> Vec<Page> {
    let html = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    html.split("<page ")
        .skip(1)
        .map(|page| {
            let (tag, rest) = page.split_once('>').unwrap_or((page, ""));
            let words = rest
                .split("<word ")
                .skip(1)
                .filter_map(|w| {
                    let (tag, rest) = w.split_once('>')?;
                    Some(Word {
                        text: rest.split("</word>").next()?.to_string(),
                        x0: attr(tag, "xMin"),
                        y0: attr(tag, "yMin"),
                        x1: attr(tag, "xMax"),
                        y1: attr(tag, "yMax"),
                    })
                })
                .collect();
            Page {
                width: attr(tag, "width"),
                height: attr(tag, "height"),
                words,
            }
        })
        .collect()
}

/// The words of a page joined into lines (words whose tops are within 2 pt), top to bottom.
fn lines(page: &Page) -> Vec<(f32, f32, String)> {
    let mut out: Vec<(f32, f32, String)> = Vec::new();
    let mut words = page.words.clone();
    words.sort_by(|a, b| (a.y0, a.x0).partial_cmp(&(b.y0, b.x0)).unwrap());
    for w in words {
        match out.iter_mut().find(|l| (l.0 - w.y0).abs() < 2.0) {
            Some(l) => {
                l.2.push_str(&w.text);
                l.1 = l.1.max(w.y1 - w.y0);
            }
            None => out.push((w.y0, w.y1 - w.y0, w.text.clone())),
        }
    }
    out
}

/// A page number's words ("—", "1", "—" or "—1—").
fn is_page_number(w: &Word) -> bool {
    w.text.chars().all(|c| c == '—' || c.is_ascii_digit())
}

/// The papers drawn at absolute positions rather than flowed in a page style.
fn drawn_freely(file: &str) -> bool {
    ["桌签", "座次表", "工作统计", "证书"]
        .iter()
        .any(|k| file.contains(k))
}

/// Where text may go on a page of `file`: (left, top, right, bottom) in points from the top
/// left.
fn text_block(file: &str, page: &Page) -> (f32, f32, f32, f32) {
    let portrait = page.width < page.height;
    if drawn_freely(file) {
        // Drawn freely: on the paper, 10 mm clear of its edges.
        return (
            mm(10.0),
            mm(10.0),
            page.width - mm(10.0),
            page.height - mm(10.0),
        );
    }
    if portrait {
        // GB/T 9704: 28/26 mm left/right, 37 mm top, the 225 mm text block.
        (mm(28.0), mm(37.0), mm(210.0 - 26.0), mm(37.0 + 225.0))
    } else {
        // The landscape papers (登记表, 三张清单, 认领表): 15 mm margins, 18 mm top, 20 mm foot.
        (
            mm(15.0),
            mm(18.0),
            page.width - mm(15.0),
            page.height - mm(20.0),
        )
    }
}

/// Nothing outside the text block but page numbers, and every title line but a lone
/// character; returns the problems found, by file and page.
fn check_pages(pdf: &Path, problems: &mut Vec<String>) {
    let name = pdf.file_name().unwrap().to_string_lossy().into_owned();
    let pad = 1.5;
    for (n, page) in pages(pdf).iter().enumerate() {
        let (left, top, right, bottom) = text_block(&name, page);
        for w in &page.words {
            // Across, the box itself; down, its middle: poppler's boxes are the font's whole
            // ascent to descent, taller than the type (a 2号 title's reaches 3 pt above its
            // line on the grid's first line).
            let middle = (w.y0 + w.y1) / 2.0;
            let outside =
                w.x0 < left - pad || w.x1 > right + pad || middle < top || middle > bottom;
            // The page number sits under the text block; an invitation's 签到码 caption (with
            // its QR code) above it, in the top margin's right corner; 版记 and all else inside.
            let code_caption = name.contains("邀请函")
                && w.text == "签到码"
                && w.y1 < top
                && w.x0 > right - mm(21.0)
                && w.x1 <= right + pad;
            if outside && !(is_page_number(w) && middle > bottom) && !code_caption {
                problems.push(format!(
                    "{name} p{}: “{}” at x {:.0}–{:.0}, y {:.0}–{:.0} is outside {left:.0}–{right:.0} × {top:.0}–{bottom:.0}",
                    n + 1,
                    w.text,
                    w.x0,
                    w.x1,
                    w.y0,
                    w.y1
                ));
            }
        }
        // No line of 3号 text on a 公文 page holds more than the grid's 28 characters (that a
        // full line holds exactly 28 is measured in print_grid.rs).
        let lines = lines(page);
        let official = page.width < page.height && !drawn_freely(&name);
        // Poppler's boxes are about 1.45 em tall: 3号 (16 pt) lines are 21–26 pt, 2号 (22 pt)
        // titles over 28.
        for l in lines
            .iter()
            .filter(|l| official && (21.0..26.0).contains(&l.1))
        {
            // In characters of 3号: a Latin letter, figure or sign (¥) is about half of one.
            let count: f32 =
                l.2.chars()
                    .filter(|c| !c.is_whitespace())
                    .map(|c| if u32::from(c) < 0x2000 { 0.5 } else { 1.0 })
                    .sum();
            if count > 28.5 {
                problems.push(format!(
                    "{name} p{}: {count} characters on a line: {}",
                    n + 1,
                    l.2
                ));
            }
        }
        // Title lines: the 2号 lines a page starts with.
        let title: Vec<&(f32, f32, String)> = lines.iter().take_while(|l| l.1 > 28.0).collect();
        if let Some(last) = title.last() {
            if title.len() > 1 && last.2.chars().filter(|c| !c.is_whitespace()).count() < 2 {
                problems.push(format!(
                    "{name} p{}: a lone title character {title:?}",
                    n + 1
                ));
            }
        }
    }
}

/// The pages (1-based) on which `text` is found, squeezed.
fn pages_with(pdf: &Path, text: &str) -> Vec<usize> {
    pages(pdf)
        .iter()
        .enumerate()
        .filter(|(_, p)| lines(p).iter().any(|l| l.2.contains(text)))
        .map(|(i, _)| i + 1)
        .collect()
}

#[test]
fn every_document_of_the_year_keeps_to_its_page() {
    let (dir, db, m) = a_year();
    let (archive, out) = print_the_year(dir.path(), &db, &m);
    let mut pdfs = files(&archive, "pdf");
    pdfs.extend(files(&out, "pdf"));
    // Scans are the secretary's own files, not the app's pages.
    pdfs.retain(|p| !p.to_string_lossy().contains("扫描"));
    assert!(pdfs.len() >= 18, "{pdfs:#?}");
    let mut problems = Vec::new();
    for pdf in &pdfs {
        check_pages(pdf, &mut problems);
    }

    // The Word files, as LibreOffice sets them.
    let mut docx = files(&archive, "docx");
    docx.extend(files(&out, "docx"));
    assert!(docx.len() >= 4, "{docx:#?}");
    let lo = dir.path().join("lo");
    let refs: Vec<&Path> = docx.iter().map(PathBuf::as_path).collect();
    office::libreoffice_pdf(&refs, &lo);
    for pdf in files(&lo, "pdf") {
        check_pages(&pdf, &mut problems);
    }
    if let Some(keep) = std::env::var_os("LIANXI_KEEP") {
        // For looking at every page: LIANXI_KEEP=/tmp/year cargo test --test it -- print_year::
        let keep = Path::new(&keep);
        let _ = std::fs::remove_dir_all(keep);
        std::fs::create_dir_all(keep).unwrap();
        for (i, pdf) in pdfs.iter().chain(files(&lo, "pdf").iter()).enumerate() {
            let name = pdf.file_name().unwrap().to_string_lossy().into_owned();
            let from_word = pdf.starts_with(&lo);
            let name = format!("{i:02}{}-{name}", if from_word { "-word" } else { "" });
            std::fs::copy(pdf, keep.join(name)).unwrap();
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // The Word 纪要 keeps its 版记 as LibreOffice sets it (a floated table was dropped; where
    // it sits is checked in word_colophon.rs).
    let word_minutes = lo.join("会议纪要.pdf");
    let said = poppler::squeeze(&tool("pdftotext", &[word_minutes.to_str().unwrap(), "-"]));
    assert!(
        said.contains("抄送：区委组织部") && said.contains("2026年9月25日印发"),
        "the Word 纪要 lost its 版记: {said}"
    );

    // The 纪要's 版记 on an even page.
    let minutes = pdfs
        .iter()
        .find(|p| p.to_string_lossy().contains("纪要") && !p.to_string_lossy().contains("docx"))
        .expect("the 纪要 PDF");
    let colophon = pages_with(minutes, "印发");
    assert!(
        !colophon.is_empty() && colophon.iter().all(|p| p % 2 == 0),
        "{}: 版记 on pages {colophon:?}",
        minutes.display()
    );

    // Five copies of two agreements in one batch, each from an odd page.
    let agreement = out.join("共建协议.pdf");
    let starts = pages_with(&agreement, "党建结对共建协议书");
    assert_eq!(starts.len(), 5, "{}: {starts:?}", agreement.display());
    assert!(
        starts.iter().all(|p| p % 2 == 1),
        "{}: copies start on pages {starts:?}",
        agreement.display()
    );
}
