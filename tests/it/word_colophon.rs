//! The Word 纪要's 版记 where GB/T 9704 §7.4 and the app's PDF put it: its last rule on the
//! foot of the text block of the document's last page, and that page even (the back of a
//! leaf). The year's 纪要 with fewer or more 议定事项, so that its text ends on an odd page, on
//! an even page with room under it, on an even page without room (the 版记 two pages on), and
//! exported .docx read as LibreOffice sets it, with `pdftotext -bbox`, beside the app's PDF.

use crate::cli;
use crate::office;
use crate::poppler;

use std::path::{Path, PathBuf};

use crate::cli::argv;
use cli::ok;
use cli::year::a_year;
use lianxi::print::mm;
use poppler::{attr, tool};

/// A line of a page as poppler reads it: its words' text joined, and its box in points from
/// the page's top left.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    y0: f32,
    y1: f32,
}

/// Each page's lines (words whose tops are within 2 pt), top to bottom, words left to right.
fn page_lines(pdf: &Path) -> Vec<Vec<Line>> {
    let html = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    html.split("<page ")
        .skip(1)
        .map(|page| {
            let mut words: Vec<(f32, f32, f32, String)> = page
                .split("<word ")
                .skip(1)
                .filter_map(|w| {
                    let (tag, rest) = w.split_once('>')?;
                    let text = rest.split("</word>").next()?.to_string();
                    Some((
                        attr(tag, "yMin"),
                        attr(tag, "xMin"),
                        attr(tag, "yMax"),
                        text,
                    ))
                })
                .collect();
            words.sort_by(|a, b| (a.0, a.1).partial_cmp(&(b.0, b.1)).unwrap());
            let mut lines: Vec<Line> = Vec::new();
            for (y0, _, y1, text) in words {
                match lines.iter_mut().find(|l| (l.y0 - y0).abs() < 2.0) {
                    Some(l) => {
                        l.text.push_str(&text);
                        l.y1 = l.y1.max(y1);
                    }
                    None => lines.push(Line { text, y0, y1 }),
                }
            }
            lines
        })
        .collect()
}

/// The text block's foot on an A4 page of the 公文 style: 37 mm top margin, 225 mm of text.
fn text_foot() -> f32 {
    mm(37.0 + 225.0)
}

/// Whether a line is the page number ("—", "2", "—").
fn is_page_number(l: &Line) -> bool {
    l.text.chars().all(|c| c == '—' || c.is_ascii_digit())
}

/// The 版记's lines, with their pages: on each page, from the first line that starts one
/// (分送：, 抄送：) or is the 印发 line, to the 印发 line.
fn colophon_of(pages: &[Vec<Line>]) -> Vec<(usize, Line)> {
    let starts = |l: &Line| {
        l.text.starts_with("分送：") || l.text.starts_with("抄送：") || l.text.ends_with("印发")
    };
    let mut out = Vec::new();
    for (n, lines) in pages.iter().enumerate() {
        if let Some(first) = lines.iter().position(starts) {
            for l in &lines[first..] {
                out.push((n + 1, l.clone()));
                if l.text.ends_with("印发") {
                    break;
                }
            }
        }
    }
    out
}

/// Checks the 版记 of the 纪要 `pdf` (the app's, or LibreOffice's of the .docx): its lines
/// `want` when given (the app's PDF's: each line broken where the PDF breaks it), ending with
/// the 印发机关 and the date on one line; all on the last page, that page even; the last
/// line's foot within 3 mm of the text block's; nothing under it but the page number.
/// Returns the 版记's lines, the last page, the page the text ends on and the 版记's foot in mm
/// from the page's top.
fn check(pdf: &Path, want: Option<&[String]>) -> (Vec<String>, usize, usize, f32) {
    let pages = page_lines(pdf);
    let last = pages.len();
    let name = pdf.display();
    let found = colophon_of(&pages);
    let texts: Vec<String> = found.iter().map(|(_, l)| l.text.clone()).collect();
    let text_ends = pages
        .iter()
        .enumerate()
        .filter(|(_, lines)| {
            lines
                .iter()
                .any(|l| !is_page_number(l) && !texts.contains(&l.text))
        })
        .map(|(n, _)| n + 1)
        .max()
        .unwrap_or(0);
    assert!(
        texts
            .last()
            .is_some_and(|l| l.starts_with("中共八大关街道工作委员会") && l.ends_with("日印发")),
        "{name}: the 版记 ends with the 印发机关 and the whole date on one line: {texts:#?}"
    );
    if let Some(want) = want {
        assert_eq!(texts, want, "{name}: the 版记's lines, as the PDF's");
    }
    assert!(
        found.iter().all(|(p, _)| *p == last),
        "{name}: the 版记 on page(s) {:?}, the last is {last}",
        found.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    assert!(
        last.is_multiple_of(2),
        "{name}: the 版记's page {last} is odd"
    );
    let bottom = found.iter().map(|(_, l)| l.y1).fold(0.0, f32::max);
    let foot = text_foot();
    assert!(
        (foot - bottom).abs() < mm(3.0),
        "{name}: the 版记 ends at {:.1} mm, the text block at {:.1} mm",
        bottom / mm(1.0),
        foot / mm(1.0)
    );
    // Nothing but the page number under it.
    for l in &pages[last - 1] {
        assert!(
            l.y0 <= bottom || is_page_number(l),
            "{name}: “{}” below the 版记",
            l.text
        );
    }
    (texts, last, text_ends, bottom / mm(1.0))
}

/// A 议定事项 of one heading and a paragraph of two lines, or only the heading.
fn item(heading: &str, text: bool) -> serde_json::Value {
    let text = if text {
        "各成员单位结合自身实际认领共建项目，明确责任人和完成时限，按季度报送进展情况。"
    } else {
        ""
    };
    serde_json::json!({
        "heading": heading,
        "text": text,
        "owner": "",
        "due": "",
    })
}

/// The year's 纪要 with its 议定事项 cut to the first `keep`, then `add` more appended and
/// `headings` of only a heading, a long 版记 when `long`, exported as `name`.docx and printed as `name`.pdf under `dir`.
fn minutes_with(
    dir: &Path,
    db: &Path,
    m: &str,
    drafted: &serde_json::Value,
    (keep, add, headings): (usize, usize, usize),
    long: bool,
    name: &str,
) -> (PathBuf, PathBuf) {
    let mut minutes = drafted.clone();
    if long {
        // Three lines, the 抄送 one wrapped.
        minutes["send_to"] = "各成员单位".into();
        minutes["copy_to"] = "区委组织部，区委宣传部，区民政局，区财政局，区卫生健康局，\
                              区教育和体育局，区文化和旅游局"
            .into();
    }
    let items = minutes["items"].as_array_mut().expect("the 议定事项");
    items.truncate(keep);
    items.extend((0..add + headings).map(|i| item(&format!("议定的第{}项工作", i + 1), i < add)));
    let file = dir.join(format!("{name}.json"));
    std::fs::write(&file, minutes.to_string()).unwrap();
    ok(
        db,
        &argv!["minutes set --meeting", m, "--from", file.to_str().unwrap()],
    );
    let (docx, pdf) = (
        dir.join(format!("{name}.docx")),
        dir.join(format!("{name}.pdf")),
    );
    ok(
        db,
        &argv!["export minutes --meeting", m, "-o", docx.to_str().unwrap()],
    );
    ok(
        db,
        &argv!["print minutes --meeting", m, "-o", pdf.to_str().unwrap()],
    );
    (docx, pdf)
}

#[test]
fn the_word_minutes_colophon_sits_at_the_foot_of_an_even_page() {
    let (dir, db, m) = a_year();
    let drafted: serde_json::Value =
        serde_json::from_str(&ok(&db, &argv!["minutes draft --meeting", &m, "--json"])).unwrap();
    let n = drafted["items"].as_array().map_or(0, Vec::len);
    // (the 议定事项 kept, added, added without text; a long 版记; the page the text ends on,
    // the 版记's page), as the app's PDF has them: the text ends on an odd page; on an even
    // page with room under it (twice); on an even page one line short of the 版记's two, which
    // goes on the next even page; on the third page; and with a 版记 of three entries, the
    // 抄送 wrapped onto a second line.
    let cases = [
        ("纪要一", (n - 1, 0, 0), false, (1, 2)),
        ("纪要二", (n, 0, 0), false, (2, 2)),
        ("纪要三", (n, 4, 0), false, (2, 2)),
        ("纪要四", (n, 6, 1), false, (2, 4)),
        ("纪要五", (n, 7, 0), false, (3, 4)),
        ("纪要六", (n - 1, 0, 0), true, (1, 2)),
        ("纪要七", (n, 0, 0), true, (2, 2)),
    ];
    let made: Vec<(PathBuf, PathBuf)> = cases
        .iter()
        .map(|(name, items, long, _)| {
            minutes_with(dir.path(), &db, &m, &drafted, *items, *long, name)
        })
        .collect();
    let lo = dir.path().join("lo");
    let docx: Vec<&Path> = made.iter().map(|(d, _)| d.as_path()).collect();
    office::libreoffice_pdf(&docx, &lo);
    if let Some(keep) = std::env::var_os("LIANXI_KEEP") {
        // For looking at the pages: LIANXI_KEEP=/tmp/colophon cargo test --test it -- word_colophon::
        let keep = Path::new(&keep);
        std::fs::create_dir_all(keep.join("lo")).unwrap();
        for (d, p) in &made {
            for f in [d, p] {
                std::fs::copy(f, keep.join(f.file_name().unwrap())).unwrap();
            }
        }
        for f in cli::year::files(&lo, "pdf") {
            std::fs::copy(&f, keep.join("lo").join(f.file_name().unwrap())).unwrap();
        }
    }
    for (name, _, long, (ends, page)) in cases {
        // The app's own PDF first: the case is the one it claims to be.
        let (lines, pdf_last, pdf_ends, _) = check(&dir.path().join(format!("{name}.pdf")), None);
        assert_eq!((pdf_ends, pdf_last), (ends, page), "{name}: the PDF");
        assert_eq!(lines.len(), if long { 4 } else { 2 }, "{name}: {lines:#?}");
        let (_, last, text_ends, bottom) = check(&lo.join(format!("{name}.pdf")), Some(&lines));
        eprintln!(
            "{name}: text ends on page {text_ends}, 版记 on page {last}, its foot at {bottom:.1} mm"
        );
        assert_eq!(
            (text_ends, last),
            (ends, page),
            "{name}: as LibreOffice sets the .docx"
        );
    }
}
