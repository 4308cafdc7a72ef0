//! Table cells of the printed lists keep short words whole: the real 发言顺序 and 签到表 of a
//! meeting built from an empty database, with long titles and unit names, rendered and read
//! back with poppler.

use std::path::{Path, PathBuf};

use crate::poppler;
use poppler::{squeeze, tool};

use lianxi::meetings::attendance::{self, InviteScope};
use lianxi::meetings::print_pack::{self, GroupBy};
use lianxi::meetings::{self, speeches};
use lianxi::print::FontSet;
use lianxi::units::{self, Source, UnitCategory, UnitDetails, UnitInput};
use rusqlite::Connection;

/// (unit, attendee, title): long unit names, 4-character names, titles of 4 to 9 characters.
const PEOPLE: [(&str, &str, &str); 6] = [
    (
        "中国石油化工股份有限公司青岛石油分公司第三十六加油站",
        "欧阳娜娜",
        "街道党工委副书记",
    ),
    ("青岛海洋科学研究院机关党委", "司马相如", "党委书记"),
    (
        "国网山东省电力公司青岛供电公司市南供电中心",
        "王浒",
        "党委副书记、副院长",
    ),
    ("海棠路小学", "诸葛明远", "党支部书记"),
    (
        "青岛市市南区海棠街道社区卫生服务中心（海棠路院区）",
        "上官婉儿",
        "党委书记",
    ),
    ("驻区某部队", "李堃", "政治委员"),
];

const TITLES: [&str; 5] = [
    "街道党工委副书记",
    "党委书记",
    "党委副书记",
    "党支部书记",
    "政治委员",
];

const NAMES: [&str; 4] = ["欧阳娜娜", "司马相如", "诸葛明远", "上官婉儿"];

/// A meeting with the units above invited and speaking, from an empty database.
fn meeting() -> (Connection, i64) {
    let conn = lianxi::db::open_in_memory().expect("database");
    let m = meetings::create(
        &conn,
        &meetings::MeetingInput {
            title: "2026年度区域化党建联席会".into(),
            ..Default::default()
        },
    )
    .expect("meeting");
    let mut ids = Vec::new();
    for (unit, person, title) in PEOPLE {
        let u = units::create(
            &conn,
            &UnitInput {
                details: UnitDetails {
                    name: unit.into(),
                    category: UnitCategory::Enterprise,
                    contact: person.into(),
                    contact_title: title.into(),
                    ..Default::default()
                },
                ..Default::default()
            },
            Source::Edit,
        )
        .expect("unit");
        ids.push(u.id);
    }
    attendance::invite(&conn, m.id, &InviteScope::AllActive).expect("invite");
    for (invitee, (_, person, title)) in attendance::list(&conn, m.id)
        .expect("list")
        .iter()
        .zip(PEOPLE)
    {
        attendance::set_attendee(&conn, invitee.id, person, title).expect("attendee");
    }
    for (id, (_, person, title)) in ids.iter().zip(PEOPLE) {
        speeches::add(
            &conn,
            m.id,
            &speeches::SpeechInput {
                unit_id: Some(*id),
                speaker_name: person.into(),
                speaker_title: title.into(),
                topic: "坚持党建引领，推动驻区单位资源共享、优势互补、共建共赢".into(),
                minutes: 8,
                ..Default::default()
            },
        )
        .expect("speech");
    }
    (conn, m.id)
}

fn out_dir() -> PathBuf {
    let dir = std::env::var_os("LIANXI_PRINT_PNG_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("lianxi-print-cells"));
    std::fs::create_dir_all(&dir).expect("out dir");
    dir
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = out_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).expect("write pdf");
    path
}

/// Every title and name is found whole on one printed line.
fn assert_whole_on_a_line(path: &Path) {
    let text = tool(
        "pdftotext",
        &["-layout", path.to_str().expect("utf-8"), "-"],
    );
    let lines: Vec<String> = text.lines().map(squeeze).collect();
    for word in TITLES.iter().chain(NAMES.iter()) {
        assert!(
            lines.iter().any(|l| l.contains(word)),
            "{}: {word} is split over lines:\n{text}",
            path.display()
        );
    }
}

/// A word poppler finds: its text, page and top-left corner.
struct Word {
    text: String,
    page: usize,
    x: f32,
    y: f32,
}

/// Every word of the PDF, from `pdftotext -bbox`.
fn words(path: &Path) -> Vec<Word> {
    let html = tool("pdftotext", &["-bbox", path.to_str().expect("utf-8"), "-"]);
    let attr = |line: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let at = line.find(&key).expect("attribute") + key.len();
        line[at..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .expect("number")
    };
    let mut page = 0;
    let mut out = Vec::new();
    for line in html.lines().map(str::trim_start) {
        if line.starts_with("<page ") {
            page += 1;
        } else if line.starts_with("<word ") {
            let text = line
                .split('>')
                .nth(1)
                .and_then(|s| s.split('<').next())
                .unwrap_or_default()
                .to_owned();
            out.push(Word {
                text,
                page,
                x: attr(line, "xMin"),
                y: attr(line, "yMin"),
            });
        }
    }
    out
}

/// The words in table cells: below the header row (found by its first cell, 序号) of each
/// page, as (column index, word), columns told apart by the header cells' left edges.
fn cell_words(path: &Path, header: &[&str]) -> Vec<(usize, Word)> {
    let all = words(path);
    let mut out = Vec::new();
    let pages = all.iter().map(|w| w.page).max().unwrap_or(0);
    for page in 1..=pages {
        let on_page = || all.iter().filter(|w| w.page == page);
        let Some(top) = on_page().find(|w| w.text == header[0]).map(|w| w.y) else {
            continue;
        };
        let lefts: Vec<f32> = header
            .iter()
            .map(|h| {
                on_page()
                    .find(|w| w.text == *h && (w.y - top).abs() < 1.0)
                    .map(|w| w.x)
                    .unwrap_or_else(|| panic!("header cell {h} on page {page}"))
            })
            .collect();
        for w in on_page().filter(|w| w.y > top + 1.0) {
            // Cells are padded: a cell's text starts at or right of its header's text,
            // except centred columns, whose text may start a little left of it.
            let column = lefts.iter().rposition(|&x| w.x + 12.0 >= x).unwrap_or(0);
            out.push((
                column,
                Word {
                    text: w.text.clone(),
                    page: w.page,
                    x: w.x,
                    y: w.y,
                },
            ));
        }
    }
    out
}

/// No table cell ends with a lone ideograph on a line of its own.
fn assert_no_orphans(path: &Path, header: &[&str]) {
    for (column, w) in cell_words(path, header) {
        let mut chars = w.text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            assert!(
                !('\u{4E00}'..='\u{9FFF}').contains(&c),
                "{}: a lone {c} in column {} on page {} at ({}, {})",
                path.display(),
                header[column],
                w.page,
                w.x,
                w.y
            );
        }
    }
}

/// The words of one column of the table, top to bottom, page by page.
fn column_words(path: &Path, header: &[&str], column: usize) -> Vec<Word> {
    let mut words: Vec<Word> = cell_words(path, header)
        .into_iter()
        .filter(|(c, _)| *c == column)
        .map(|(_, w)| w)
        .collect();
    words.sort_by(|a, b| {
        (a.page, a.y, a.x)
            .partial_cmp(&(b.page, b.y, b.x))
            .expect("numbers")
    });
    words
}

/// The text of one column of the table, top to bottom, page by page.
fn column_text(path: &Path, header: &[&str], column: usize) -> String {
    column_words(path, header, column)
        .into_iter()
        .map(|w| w.text)
        .collect()
}

/// The lines each unit's name is printed on in `column` (its consecutive words that make it
/// up), checked to break only between the words a segmenter finds (no 红十/字会, 海洋大/学).
fn assert_units_break_between_words(path: &Path, header: &[&str], column: usize) {
    let words = column_words(path, header, column);
    let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    for (unit, _, _) in PEOPLE {
        let lines = (0..texts.len())
            .find_map(|start| {
                let mut joined = String::new();
                for (end, t) in texts.iter().enumerate().skip(start) {
                    joined.push_str(t);
                    if joined == unit {
                        return Some(texts[start..=end].to_vec());
                    }
                    if !unit.starts_with(joined.as_str()) {
                        return None;
                    }
                }
                None
            })
            .unwrap_or_else(|| panic!("{unit} not found in {texts:?}"));
        assert_eq!(
            lianxi::print::breaks_inside_words(unit, &lines),
            0,
            "{}: {unit} broken inside a word: {lines:?}",
            path.display()
        );
    }
}

/// A print pack table of [`PEOPLE`] under `header`, its units in column 1: titles and names
/// whole on a line, no orphans, units broken only between words, and every unit there.
fn assert_table_keeps_names_whole(path: &Path, header: &[&str]) {
    assert_whole_on_a_line(path);
    assert_no_orphans(path, header);
    assert_units_break_between_words(path, header, 1);
    // Nothing was lost on the way.
    let units = column_text(path, header, 1);
    for (unit, _, _) in PEOPLE {
        assert!(units.contains(unit), "{unit} missing: {units}");
    }
}

#[test]
fn speaking_order_keeps_titles_and_names_whole() {
    let (conn, id) = meeting();
    let fonts = FontSet::bundled().expect("bundled font");
    let path = write(
        "speakers_long_titles",
        &print_pack::speakers_pdf(&conn, id, &fonts).expect("renders"),
    );
    assert_table_keeps_names_whole(&path, &["序号", "发言单位", "发言人", "发言题目", "时长"]);
}

#[test]
fn sign_in_sheet_keeps_titles_and_names_whole() {
    let (conn, id) = meeting();
    let fonts = FontSet::bundled().expect("bundled font");
    for (name, by) in [
        ("signin_long_titles", GroupBy::Branch),
        ("signin_long_titles_cat", GroupBy::Category),
    ] {
        let path = write(
            name,
            &print_pack::signin_pdf(&conn, id, by, &fonts).expect("renders"),
        );
        assert_table_keeps_names_whole(&path, &["序号", "单位名称", "姓名", "职务", "签名"]);
    }
}

#[test]
fn attendee_list_keeps_titles_and_names_whole() {
    let (conn, id) = meeting();
    let fonts = FontSet::bundled().expect("bundled font");
    let path = write(
        "attendees_long_titles",
        &print_pack::attendees_pdf(&conn, id, GroupBy::Branch, &fonts).expect("renders"),
    );
    assert_table_keeps_names_whole(&path, &["序号", "单位名称", "参会人员", "职务"]);
}
