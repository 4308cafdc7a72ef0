//! The 纪要 printed (split from `minutes.rs`): the PDF read back with the 出席 lines hanging
//! after the colon, wrapped attendance lines, and a character no font has reported by its
//! item with nothing written.

use crate::poppler;

use std::path::PathBuf;

use crate::minutes::{at, scratch, UNITS};
use chrono::NaiveDate;
use lianxi::meetings::attendance;
use lianxi::minutes::{self, MinutesEdit};
use lianxi::print::FontSet;

fn out_dir() -> PathBuf {
    let dir = std::env::var_os("LIANXI_PRINT_PNG_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("lianxi-minutes"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// (xMin, yMin, text) of every word on each page.
fn words(pdf: &std::path::Path) -> Vec<Vec<(f32, f32, String)>> {
    let xml = poppler::tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let mut pages = Vec::new();
    for page in xml.split("<page ").skip(1) {
        let mut ws = Vec::new();
        for w in page.split("<word ").skip(1) {
            let attr = |name: &str| -> f32 {
                let k = format!("{name}=\"");
                let i = w.find(&k).unwrap() + k.len();
                w[i..].split('"').next().unwrap().parse().unwrap()
            };
            let text = w
                .split('>')
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_owned();
            ws.push((attr("xMin"), attr("yMin"), text));
        }
        pages.push(ws);
    }
    pages
}

#[test]
fn the_minutes_pdf_reads_back_with_hanging_attendance_lines() {
    let s = scratch();
    // Enough units under 出席 to wrap over several lines.
    let mut m = minutes::ensure(&s.conn, s.meeting).unwrap();
    let mut edit = MinutesEdit::from(&m);
    edit.issue_no = "2026年第1期".into();
    edit.copy_to = "市南区委组织部".into();
    edit.issued_on = NaiveDate::from_ymd_opt(2026, 9, 28);
    m = minutes::save(&s.conn, s.meeting, &edit).unwrap();
    let fonts = FontSet::bundled().unwrap();
    let bytes = minutes::minutes_pdf(&s.conn, s.meeting, &fonts).unwrap();
    let path = out_dir().join("minutes.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let text = poppler::squeeze(&poppler::tool("pdftotext", &[path.to_str().unwrap(), "-"]));
    for want in [
        "八大关街道区域化党建联席会议纪要",
        "2026年第1期",
        "现将会议议定事项纪要如下：",
        "一、听取年度工作报告",
        "出席：",
        "请假：",
        "列席：",
        "孙思远（委派）",
        "周𠮷",
        "抄送：市南区委组织部。",
        "中共八大关街道工作委员会",
        "2026年9月28日印发",
        "—1—",
    ] {
        assert!(text.contains(want), "missing {want}:\n{text}");
    }
    for a in &m.present {
        assert!(text.contains(&poppler::squeeze(&a.unit)), "{}", a.unit);
    }
    // Invited, no reply, not signed in: on no list.
    assert!(!text.contains("八大关派出所"));

    // The heading: centred, its top 35 mm (99.2 pt) below the text block's top (37 mm).
    let pages = words(&path);
    let heading = pages[0].iter().find(|w| w.2.contains("纪要")).unwrap();
    let top_block = lianxi::print::mm(37.0);
    let below = heading.1 - top_block;
    assert!(
        (below - lianxi::print::mm(35.0)).abs() < 8.0,
        "heading {below} pt below"
    );
    // Centred on the text block (28 mm + 156 mm / 2 from the left edge).
    let xml = poppler::tool("pdftotext", &["-bbox", path.to_str().unwrap(), "-"]);
    let line = xml
        .lines()
        .find(|l| l.contains("<word") && l.contains("纪要"))
        .unwrap();
    let attr = |name: &str| -> f32 {
        let k = format!("{name}=\"");
        let i = line.find(&k).unwrap() + k.len();
        line[i..].split('"').next().unwrap().parse().unwrap()
    };
    let centre = (attr("xMin") + attr("xMax")) / 2.0;
    assert!(
        (centre - lianxi::print::mm(28.0 + 78.0)).abs() < 1.0,
        "heading centre {centre}"
    );
}

#[test]
fn wrapped_attendance_lines_start_after_the_colon() {
    let s = scratch();
    // A long 出席 list: sign every unit in and add many guests so 列席 wraps too.
    for i in attendance::list(&s.conn, s.meeting).unwrap() {
        attendance::sign_in(&s.conn, i.id, at(9, 0)).unwrap();
    }
    let m = minutes::ensure(&s.conn, s.meeting).unwrap();
    let fonts = FontSet::bundled().unwrap();
    let bytes = minutes::minutes_pdf(&s.conn, s.meeting, &fonts).unwrap();
    let path = out_dir().join("minutes-wrapped.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let pages = words(&path);
    let all: Vec<&(f32, f32, String)> = pages.iter().flatten().collect();
    let label = all
        .iter()
        .position(|w| w.2.starts_with("出席："))
        .expect("出席：");
    let end = all
        .iter()
        .position(|w| w.2.starts_with("列席："))
        .expect("列席：");
    let left = lianxi::print::mm(28.0);
    let size = 16.0;
    // "出席：" sits two characters in; the names start three characters (the label, set at
    // the grid's pitch of 28 a line) later.
    let pitch = size + lianxi::print::PageStyle::default().tracking();
    assert!(
        (all[label].0 - (left + 2.0 * size)).abs() < 0.5,
        "{:?}",
        all[label]
    );
    let names_x = all[label].0 + 3.0 * pitch;
    // The first word of every following line up to 列席： starts at the names' x.
    let mut starts = Vec::new();
    let mut last_y = all[label].1;
    for w in &all[label + 1..end] {
        if (w.1 - last_y).abs() > 5.0 {
            starts.push(w.0);
            last_y = w.1;
        }
    }
    assert!(!starts.is_empty(), "the 出席 list did not wrap");
    // No person's name is broken over two lines.
    let lines = poppler::tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    assert_eq!(m.present.len(), UNITS.len());
    for a in &m.present {
        assert!(
            lines
                .lines()
                .any(|l| poppler::squeeze(l).contains(&a.person)),
            "{} is split:\n{lines}",
            a.person
        );
    }
    for x in starts {
        assert!(
            (x - names_x).abs() < 0.5,
            "wrapped line at {x}, names at {names_x}"
        );
    }
}

#[test]
fn a_character_no_font_has_is_reported_by_its_item_and_nothing_is_written() {
    let s = scratch();
    let m = minutes::ensure(&s.conn, s.meeting).unwrap();
    let mut edit = MinutesEdit::from(&m);
    edit.items[1].text = "会议决定\u{E000}。".into();
    minutes::save(&s.conn, s.meeting, &edit).unwrap();
    let fonts = FontSet::bundled().unwrap();
    let err = minutes::minutes_pdf(&s.conn, s.meeting, &fonts).unwrap_err();
    match err {
        lianxi::Error::MissingGlyph { field, ch, .. } => {
            assert_eq!((field.as_str(), ch), ("议定事项二", '\u{E000}'));
        }
        other => panic!("{other:?}"),
    }
}
