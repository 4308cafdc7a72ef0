//! Word export from an empty database, read by a real word processor: every .docx is
//! converted to PDF by LibreOffice (headless, from scripts/setup-system.sh) and its text and
//! page count compared with the app's own PDF of the same document; `word/document.xml` is
//! parsed and checked for what Chinese users check first (fonts, margins, grid, header rows).

use crate::cli;
use crate::office;
use crate::poppler;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::cli::argv;
use cli::{donate, ok, pair_with_community, refused, street_and_meeting};
use office::libreoffice_pdf;
use poppler::{page_count as pages, squeeze, tool};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

const ROSTER: &str = "单位名称,单位类别,所属社区,分会,党组织书记,联系人,联系电话\n\
八大关小学,学校,太平角社区,学校分会,陈校长,吴老师,13805320101\n\
太平角宾馆有限公司,企业,太平角社区,企业分会,郑总,冯经理,13805320102\n\
汇泉湾邮政支局,企业,汇泉湾社区,企业分会,褚局长,卫主任,13805320103\n";

/// An empty database set up as a secretary would: the street, the roster, a community's
/// details, a meeting with everyone invited, and one agreement (two copies) paired.
/// Returns the folder, the database, the meeting id and the agreement id.
fn street_with_agreement() -> (tempfile::TempDir, PathBuf, String, String) {
    let (dir, db, m) = street_and_meeting(ROSTER);
    let a = pair_with_community(&db, &m, "八大关小学");
    (dir, db, m, a)
}

/// Pages without any text (the back of a copy's last page, left blank).
fn blank_pages(pdf: &Path) -> usize {
    (1..=pages(pdf))
        .filter(|&p| page_text(pdf, p).trim().is_empty())
        .count()
}

fn page_text(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    tool(
        "pdftotext",
        &["-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    )
}

/// The text of a PDF without white space and without its page numbers ("—2—"): another
/// word processor with other fonts on this machine (LibreOffice spaces Latin text from
/// Chinese, and its stand-in for Times New Roman) may end a page one line earlier, which
/// moves a page number within the text but changes no word. Page counts are compared apart.
fn text(pdf: &Path) -> String {
    // U+2060 (the word joiner that keeps a name on one line) is not drawn in the PDF.
    let all: String = squeeze(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]))
        .chars()
        .filter(|&c| c != '\u{2060}')
        .collect();
    let mut out = String::with_capacity(all.len());
    let mut rest = all.as_str();
    while let Some(at) = rest.find('—') {
        out.push_str(&rest[..at]);
        let after = &rest[at + '—'.len_utf8()..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        match after[digits..].strip_prefix('—') {
            Some(tail) if digits > 0 => rest = tail,
            _ => {
                out.push('—');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Fails with the first place where the two texts differ, in context.
fn same_text(name: &str, word: &str, pdf: &str) {
    if word == pdf {
        return;
    }
    let (w, p): (Vec<char>, Vec<char>) = (word.chars().collect(), pdf.chars().collect());
    let at = w.iter().zip(&p).take_while(|(a, b)| a == b).count();
    let around = |s: &[char]| {
        s[at.saturating_sub(20)..(at + 20).min(s.len())]
            .iter()
            .collect::<String>()
    };
    panic!(
        "{name}: the Word file's text differs from the PDF's at character {at}:\n  Word: …{}…\n  PDF:  …{}…",
        around(&w),
        around(&p)
    );
}

/// One part of a .docx package.
fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in {}", docx.display()))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn attrs(e: &BytesStart) -> BTreeMap<String, String> {
    e.attributes()
        .map(|a| {
            let a = a.unwrap();
            (a.key.into_inner().to_string(), a.value.to_string())
        })
        .collect()
}

/// An element's attributes by name.
type Attrs = BTreeMap<String, String>;
/// A run's properties: each element of its `w:rPr` with its attributes.
type Props = BTreeMap<String, Attrs>;

/// What the checks need from `word/document.xml`, parsed.
#[derive(Default, Debug)]
struct Parsed {
    /// Each run with text: (its text, its rPr's elements with their attributes).
    runs: Vec<(String, Props)>,
    /// Every sectPr child element with its attributes, in order.
    section: Vec<(String, BTreeMap<String, String>)>,
    /// For each top-level table: whether each row is marked as a repeated header.
    tables: Vec<Vec<bool>>,
    /// `w:ind` attributes of every paragraph that has one.
    indents: Vec<BTreeMap<String, String>>,
}

fn parse(xml: &str) -> Parsed {
    let mut r = Reader::from_str(xml);
    let mut p = Parsed::default();
    let mut in_rpr = false;
    let mut in_run = false;
    let mut in_sect = false;
    let mut in_text = false;
    let mut depth = 0;
    let mut run_text = String::new();
    let mut rpr = BTreeMap::new();
    loop {
        let ev = r.read_event().unwrap();
        let (e, empty) = match &ev {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = e {
            let name = e.name().into_inner().to_string();
            match name.as_str() {
                "w:r" if !empty => {
                    in_run = true;
                    run_text.clear();
                    rpr = BTreeMap::new();
                }
                "w:rPr" if in_run && !empty => in_rpr = true,
                "w:t" if !empty => in_text = true,
                "w:sectPr" if !empty => {
                    in_sect = true;
                    p.section.clear();
                }
                "w:tbl" if !empty => {
                    depth += 1;
                    if depth == 1 {
                        p.tables.push(Vec::new());
                    }
                }
                "w:tr" if depth == 1 => p.tables.last_mut().unwrap().push(false),
                "w:tblHeader" if depth == 1 => {
                    *p.tables.last_mut().unwrap().last_mut().unwrap() = true
                }
                "w:ind" => p.indents.push(attrs(&e)),
                _ => {}
            }
            if in_rpr {
                rpr.insert(name.clone(), attrs(&e));
            }
            if in_sect && name != "w:sectPr" {
                p.section.push((name, attrs(&e)));
            }
        }
        match ev {
            Event::Text(t) if in_text => run_text.push_str(&t.xml10_content()),
            Event::End(e) => match e.name().into_inner() {
                "w:t" => in_text = false,
                "w:rPr" => in_rpr = false,
                "w:r" => {
                    in_run = false;
                    if !run_text.is_empty() {
                        p.runs.push((run_text.clone(), rpr.clone()));
                    }
                }
                "w:sectPr" => in_sect = false,
                "w:tbl" => depth -= 1,
                _ => {}
            },
            Event::Eof => return p,
            _ => {}
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{2FFFF}')
}

/// The structural checks every exported file must pass; `numbered` says whether its pages
/// carry numbers (a letter does not).
fn check_structure(docx: &Path, numbered: bool) -> Parsed {
    let doc = parse(&part(docx, "word/document.xml"));
    assert!(!doc.runs.is_empty(), "{}: no text", docx.display());
    for (text, rpr) in &doc.runs {
        if text.chars().any(is_cjk) {
            let fonts = rpr
                .get("w:rFonts")
                .unwrap_or_else(|| panic!("{text}: no rFonts"));
            let east = fonts.get("w:eastAsia").map(String::as_str).unwrap_or("");
            assert!(!east.is_empty(), "{text}: no East Asian font");
            assert_eq!(
                fonts.get("w:hint").map(String::as_str),
                Some("eastAsia"),
                "{text}"
            );
            assert_eq!(
                fonts.get("w:ascii").map(String::as_str),
                Some("Times New Roman"),
                "{text}"
            );
        }
        let lang = rpr
            .get("w:lang")
            .unwrap_or_else(|| panic!("{text}: no w:lang"));
        assert_eq!(lang.get("w:eastAsia").map(String::as_str), Some("zh-CN"));
    }
    let get = |name: &str| {
        doc.section
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, a)| a.clone())
            .unwrap_or_else(|| panic!("{}: no {name} in sectPr", docx.display()))
    };
    let margin = get("w:pgMar");
    for (side, twips) in [
        ("w:top", "2098"),
        ("w:bottom", "1984"),
        ("w:left", "1587"),
        ("w:right", "1474"),
    ] {
        assert_eq!(margin[side], twips, "{side}");
    }
    let size = get("w:pgSz");
    assert_eq!(
        (size["w:w"].as_str(), size["w:h"].as_str()),
        ("11906", "16838")
    );
    let grid = get("w:docGrid");
    assert_eq!(grid["w:linePitch"], "579", "22 lines a page");
    assert_eq!(get("w:pgNumType")["w:start"], "1");
    let footers: Vec<_> = doc
        .section
        .iter()
        .filter(|(n, _)| n == "w:footerReference")
        .map(|(_, a)| a["w:type"].clone())
        .collect();
    if numbered {
        assert_eq!(footers, ["default", "even"], "odd and even footers");
        assert!(part(docx, "word/settings.xml").contains("<w:evenAndOddHeaders"));
    } else {
        assert!(footers.is_empty(), "no page numbers: {footers:?}");
    }
    doc
}

#[test]
fn exported_documents_read_in_libreoffice_as_the_pdfs_do() {
    let (dir, db, m, a) = street_with_agreement();
    let d = dir.path();
    let path = |name: &str| d.join(name).to_str().unwrap().to_owned();

    // The agreement: two copies of three pages, each copy numbered from 1. Printed first, so
    // that both have its number.
    ok(
        &db,
        &argv!["print agreements --id", &a, "-o", &path("协议.pdf")],
    );
    ok(
        &db,
        &argv!["export agreements --id", &a, "-o", &path("协议.docx")],
    );
    // Each document of the meeting in Word, then as a PDF beside it (`options` before -o).
    let both = |what: &str, name: &str, options: &[&str]| {
        for (verb, ext) in [("export", "docx"), ("print", "pdf")] {
            let file = path(&format!("{name}.{ext}"));
            let args: Vec<&str> =
                [&[verb, what, "--meeting", &m][..], options, &["-o", &file]].concat();
            ok(&db, &args);
        }
    };
    for (what, name) in [
        ("invitations", "邀请函"),
        ("attendees", "参会单位名单"),
        ("signin", "签到表"),
    ] {
        both(what, name, &[]);
    }
    // The 纪要 and the 信息稿, after two units signed in.
    for unit in ["八大关小学", "太平角宾馆有限公司"] {
        ok(&db, &argv!["meeting signin --meeting", &m, "--unit", unit]);
    }
    ok(&db, &argv!["minutes draft --meeting", &m]);
    for (what, name) in [("minutes", "纪要"), ("news", "信息稿")] {
        both(what, name, &[]);
    }
    // The donation papers: a member unit's cash and an outside donor's goods.
    let cash = "--cash 30000 --received 30000 --on 2026-09-25 --purpose “帮到家”助困基金";
    let goods = "--item 月饼 --quantity 200 --unit 盒 --value 16000";
    donate(&db, &m, "八大关小学", cash);
    donate(&db, &m, "青岛某商贸公司", goods);
    for (what, name) in [
        ("donations", "登记表"),
        ("thanks", "感谢信"),
        ("certificates", "证书"),
    ] {
        both(what, name, &["--date", "2026-09-28"]);
    }
    let names = [
        "协议",
        "邀请函",
        "参会单位名单",
        "签到表",
        "纪要",
        "信息稿",
        "登记表",
        "感谢信",
        "证书",
    ];
    let out = d.join("lo");
    let docx: Vec<PathBuf> = names.iter().map(|n| d.join(format!("{n}.docx"))).collect();
    let refs: Vec<&Path> = docx.iter().map(PathBuf::as_path).collect();
    libreoffice_pdf(&refs, &out);

    for name in names {
        let ours = d.join(format!("{name}.pdf"));
        let theirs = out.join(format!("{name}.pdf"));
        // LibreOffice's PDF leaves out the blank pages Word prints before an odd-page
        // section (an agreement's next copy); ours has them: count the pages with text.
        assert_eq!(
            pages(&theirs),
            pages(&ours) - blank_pages(&ours),
            "{name}: page count"
        );
        let (word, mut pdf) = (text(&theirs), text(&ours));
        if name == "邀请函" {
            // The PDF captions each invitation's 签到码; in Word the code is a picture
            // anchored in the margin, without a caption.
            pdf = pdf.replace(lianxi::print::qr::CAPTION, "");
        }
        if ["协议", "邀请函", "信息稿", "感谢信"].contains(&name) {
            same_text(name, &word, &pdf);
        } else {
            // pdftotext reads a table's cells in an order that follows where each sits
            // vertically in its row, which differs between the two, the PDF sets the 纪要's
            // 版记 at the foot of the page and draws a certificate at fixed places; the
            // characters are the same.
            let sorted = |s: &str| {
                let mut c: Vec<char> = s.chars().collect();
                c.sort_unstable();
                c.into_iter().collect::<String>()
            };
            assert_eq!(sorted(&word), sorted(&pdf), "{name}: the same characters");
            assert_eq!(word.chars().count(), pdf.chars().count());
        }
    }
    let agreement = out.join("协议.pdf");
    assert_eq!(pages(&agreement), 6, "two copies of a three-page agreement");
    for (page, number) in [(1, "1"), (2, "2"), (3, "3"), (4, "1"), (5, "2")] {
        let t = squeeze(&page_text(&agreement, page));
        assert!(
            t.ends_with(&format!("—{number}—")),
            "page {page} shows — {number} —: {t}"
        );
    }

    // The structure Chinese users check first.
    let parsed = check_structure(&d.join("协议.docx"), true);
    assert!(
        parsed
            .indents
            .iter()
            .any(|i| i.get("w:firstLineChars").map(String::as_str) == Some("200")),
        "paragraphs indented two characters"
    );
    let title = parsed
        .runs
        .iter()
        .find(|(t, _)| t == "党建结对共建协议书")
        .expect("the title");
    assert_eq!(title.1["w:rFonts"]["w:eastAsia"], "方正小标宋简体");
    assert_eq!(title.1["w:sz"]["w:val"], "44", "2号");
    let body = parsed
        .runs
        .iter()
        .find(|(t, _)| t.starts_with("甲方："))
        .expect("a body line");
    assert_eq!(body.1["w:rFonts"]["w:eastAsia"], "仿宋_GB2312");
    assert_eq!(body.1["w:sz"]["w:val"], "32", "3号");
    let heading = parsed
        .runs
        .iter()
        .find(|(t, _)| t.starts_with("一、"))
        .expect("a heading");
    assert_eq!(heading.1["w:rFonts"]["w:eastAsia"], "黑体");
    // The signature block is a table without a header row.
    assert!(parsed.tables.iter().all(|rows| rows.iter().all(|h| !h)));

    let signin = check_structure(&d.join("签到表.docx"), true);
    assert!(!signin.tables.is_empty());
    for rows in &signin.tables {
        assert!(rows[0], "the header row repeats");
        assert!(rows[1..].iter().all(|h| !h), "only the header row");
    }
    check_structure(&d.join("邀请函.docx"), true);
    check_structure(&d.join("信息稿.docx"), true);
    check_structure(&d.join("感谢信.docx"), false);
    // The register and the certificates are landscape.
    for name in ["登记表", "证书"] {
        let doc = parse(&part(&d.join(format!("{name}.docx")), "word/document.xml"));
        let size = doc
            .section
            .iter()
            .find(|(n, _)| n == "w:pgSz")
            .unwrap()
            .1
            .clone();
        assert_eq!(
            (size["w:w"].as_str(), size["w:h"].as_str()),
            ("16838", "11906"),
            "{name}"
        );
        assert_eq!(
            size.get("w:orient").map(String::as_str),
            Some("landscape"),
            "{name}"
        );
    }
    let register = parse(&part(&d.join("登记表.docx"), "word/document.xml"));
    assert!(
        register.tables.iter().any(|rows| rows[0]),
        "the register's header row repeats"
    );
    let minutes = check_structure(&d.join("纪要.docx"), true);
    // 出席： hangs: the wrapped names start after the colon, two characters plus the label in.
    assert!(
        minutes.indents.iter().any(|i| {
            i.get("w:hangingChars").map(String::as_str) == Some("300")
                && i.get("w:leftChars").map(String::as_str) == Some("500")
        }),
        "出席： with a hanging indent: {:?}",
        minutes.indents
    );
    let label = minutes
        .runs
        .iter()
        .find(|(t, _)| t == "出席：")
        .expect("出席：");
    assert_eq!(label.1["w:rFonts"]["w:eastAsia"], "黑体");
    check_structure(&d.join("参会单位名单.docx"), true);
}

#[test]
fn the_same_documents_give_the_same_bytes_and_bad_requests_write_nothing() {
    let (dir, db, m, a) = street_with_agreement();
    let one = dir.path().join("一.docx");
    let two = dir.path().join("二.docx");
    ok(
        &db,
        &argv!["export agreements --id", &a, "-o", one.to_str().unwrap()],
    );
    ok(
        &db,
        &argv![
            "export agreements --meeting",
            &m,
            "-o",
            two.to_str().unwrap()
        ],
    );
    assert_eq!(std::fs::read(&one).unwrap(), std::fs::read(&two).unwrap());

    // Exporting numbers nothing: the draft is still a draft without a number.
    let list = cli::json(&db, &argv!["agreement list --json"]);
    assert_eq!(list[0]["status"], "草拟");
    assert_eq!(list[0]["number"], "");

    let wrong = dir.path().join("协议.pdf");
    let err = refused(
        &db,
        &argv!["export agreements --id", &a, "-o", wrong.to_str().unwrap()],
    );
    assert!(err.contains(".docx"), "{err}");
    assert!(!wrong.exists());
    let none = dir.path().join("无.docx");
    let err = refused(
        &db,
        &argv!["export agreements --id 999 -o", none.to_str().unwrap()],
    );
    assert!(err.contains("找不到"), "{err}");
    assert!(!none.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left");
}
