//! A meeting's print pack on real data: every PDF read back with poppler (pdftotext, pdffonts,
//! word boxes) — name cards, the invitation's seal and reply slip, the sign-in sheet, and the
//! whole pack with its cancel.

use std::path::PathBuf;
use std::process::Command;

use lianxi::meetings::agenda::{self, AgendaInput, AgendaKind};
use lianxi::meetings::attendance::{self, InviteScope};
use lianxi::meetings::print_pack::{self, fit_text, GroupBy, CARD_MARGIN_MM, NAME_MAX_SIZE};
use lianxi::meetings::seating::EvenRule;
use lianxi::meetings::{self, speeches};
use lianxi::print::{mm, FontRole, FontSet, PageSize};
use rusqlite::Connection;

use super::meetings::{demo, ids, input, t};

#[test]
fn name_cards_fit_from_4_to_30_characters() {
    let fonts = FontSet::bundled().unwrap();
    let max_width = PageSize::A4_LANDSCAPE.width() - 2.0 * mm(CARD_MARGIN_MM);
    let base = "青岛海洋科学研究院机关党委王海燕李建国张丽华刘志强陈晓明杨秀英";
    for n in 4..=30 {
        let name: String = base.chars().cycle().take(n).collect();
        let fit = fit_text(&fonts, FontRole::Heading1, &name, max_width, NAME_MAX_SIZE);
        assert!(fit.width <= max_width, "{n}: {} > {max_width}", fit.width);
        assert!(
            fit.size > 8.0 && fit.size <= NAME_MAX_SIZE,
            "{n}: {}",
            fit.size
        );
        if n > 8 {
            assert!(
                fit.width > max_width * 0.95,
                "{n} should fill the card: {}",
                fit.width
            );
        }
    }
}

fn out_dir() -> PathBuf {
    let dir = std::env::var_os("LIANXI_PRINT_PNG_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("lianxi-meetings"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn check_pdf(name: &str, bytes: &[u8], want: &[&str]) {
    let path = out_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    let text = Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for w in want {
        let w: String = w.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(flat.contains(&w), "{name}: missing {w}\n{text}");
    }
    let fonts = Command::new("pdffonts").arg(&path).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{name}: no fonts");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"][..],
            "{name}: {row}"
        );
    }
}

#[test]
fn print_pack_pdfs_read_back() {
    let conn = demo();
    let (last, this) = ids(&conn);
    let fonts = FontSet::bundled().unwrap();
    let inv = attendance::list(&conn, this).unwrap();
    let first = inv[0].name.clone();
    let person = attendance::list(&conn, last).unwrap()[0].people()[0].clone();
    check_pdf(
        "agenda",
        &print_pack::agenda_pdf(&conn, this, &fonts).unwrap(),
        &["会议议程", "14:30—14:35", "成员单位代表交流发言"],
    );
    check_pdf(
        "attendees",
        &print_pack::attendees_pdf(&conn, this, GroupBy::Branch, &fonts).unwrap(),
        &["参会单位名单", "部队分会", "列席单位"],
    );
    check_pdf(
        "attendees_cat",
        &print_pack::attendees_pdf(&conn, last, GroupBy::Category, &fonts).unwrap(),
        &["学校", &person],
    );
    let signin = print_pack::signin_pdf(&conn, last, GroupBy::Branch, &fonts).unwrap();
    check_pdf("signin", &signin, &["签名", &person]);
    check_pdf(
        "speakers",
        &print_pack::speakers_pdf(&conn, this, &fonts).unwrap(),
        &["交流发言顺序", "发挥部队优势", "分钟"],
    );
    check_pdf(
        "invitations",
        &print_pack::invitations_pdf(&conn, this, &fonts).unwrap(),
        &[
            "邀请函",
            "2026年9月25日14:30",
            &first[..first.len().min(12)],
        ],
    );
    check_pdf(
        "namecards",
        &print_pack::name_cards_pdf(&conn, last, &[], &fonts).unwrap(),
        &[&person],
    );
    let platform = print_pack::default_platform(&conn, this).unwrap();
    assert!(platform.len() >= 3, "{platform:?}");
    check_pdf(
        "seating",
        &print_pack::seating_pdf(&conn, this, &platform, EvenRule::default(), &fonts).unwrap(),
        &[
            "主席台座次表",
            &platform[0],
            &lianxi::meetings::seating::audience_note(platform.len(), EvenRule::default()),
        ],
    );
    // The sign-in sheet of 50 units runs over pages, the header repeated on each.
    let path = out_dir().join("signin.pdf");
    let text = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert!(pages >= 2, "{pages}");
    assert_eq!(text.matches("签名").count(), pages, "header on every page");
}

/// A street's first meeting, as a secretary prepares it from an EMPTY database (no demo): the
/// street's profile, four units typed in, the meeting with every unit invited, its agenda (with
/// the people on the platform as presenters) and two speeches. Returns the meeting's id.
fn fresh_meeting(conn: &Connection) -> i64 {
    lianxi::street::save(conn, &crate::common::street_profile()).unwrap();
    let mut units = Vec::new();
    for (name, secretary) in [
        ("八大关小学", "周敏"),
        ("八大关邮政支局", "吴刚"),
        ("湛山派出所", "冯强"),
        ("青岛某某研究所", "孙涛"),
    ] {
        let input = lianxi::units::UnitInput {
            details: lianxi::units::UnitDetails {
                name: name.into(),
                party_org: format!("中共{name}支部委员会"),
                party_secretary: secretary.into(),
                ..Default::default()
            },
            ..Default::default()
        };
        units.push(lianxi::units::create(conn, &input, lianxi::units::Source::Edit).unwrap());
    }
    let m = meetings::create(
        conn,
        &meetings::MeetingInput {
            title: "八大关街道区域化党建联席会2026年年会".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 9, 21),
            start_time: Some(t(14, 30)),
            venue: "街道三楼会议室".into(),
            ..Default::default()
        },
    )
    .unwrap();
    attendance::invite(conn, m.id, &InviteScope::AllActive).unwrap();
    for i in attendance::list(conn, m.id).unwrap() {
        let unit = units.iter().find(|u| Some(u.id) == i.unit_id).unwrap();
        attendance::set_attendee(conn, i.id, &unit.party_secretary, "党组织书记").unwrap();
    }
    for (kind, title, presenter, minutes) in [
        (
            AgendaKind::Host,
            "主持人宣布开会",
            "街道党工委副书记 周立新",
            5,
        ),
        (
            AgendaKind::Report,
            "街道党工委书记作工作报告",
            "街道党工委书记 王海",
            20,
        ),
        (AgendaKind::Speeches, "成员单位代表交流发言", "", 0),
        (
            AgendaKind::Address,
            "区委组织部领导讲话",
            "区委组织部副部长 林雅琴",
            15,
        ),
    ] {
        let input = AgendaInput {
            presenter: presenter.into(),
            ..input(kind, title, minutes)
        };
        agenda::add(conn, m.id, &input).unwrap();
    }
    for (unit, topic) in units.iter().zip(["校地共建育新人", "立足企业所长服务社区"])
    {
        let input = speeches::SpeechInput {
            unit_id: Some(unit.id),
            speaker_name: unit.party_secretary.clone(),
            speaker_title: "党组织书记".into(),
            topic: topic.into(),
            minutes: 6,
            ..Default::default()
        };
        speeches::add(conn, m.id, &input).unwrap();
    }
    m.id
}

/// Each page's words with their heights, from `pdftotext -bbox`.
fn words_by_page(pdf: &[u8]) -> Vec<Vec<(String, f32)>> {
    boxes_by_page(pdf)
        .into_iter()
        .map(|page| page.into_iter().map(|w| (w.0, w.4 - w.2)).collect())
        .collect()
}

#[test]
fn name_cards_hold_the_platform_first_and_one_name_size() {
    let conn = lianxi::db::open_in_memory().unwrap();
    let this = fresh_meeting(&conn);
    // A unit invited before anyone is named: its card carries the unit's long name.
    let long = "青岛市市南区八大关街道社区卫生服务中心";
    let unit = lianxi::units::create(
        &conn,
        &lianxi::units::UnitInput {
            details: lianxi::units::UnitDetails {
                name: long.into(),
                ..Default::default()
            },
            ..Default::default()
        },
        lianxi::units::Source::Edit,
    )
    .unwrap();
    attendance::invite(&conn, this, &InviteScope::Units(vec![unit.id])).unwrap();
    let fonts = FontSet::bundled().unwrap();
    let pdf = print_pack::render_document(
        &conn,
        this,
        print_pack::Document::Namecards,
        &print_pack::PackOptions::default(),
        &fonts,
    )
    .unwrap();
    let pages = words_by_page(&pdf);
    // The platform (the agenda's 主持, 报告 and 讲话 presenters, highest first), then the
    // four units' secretaries, then the unit with no name yet: 8 cards.
    let names: Vec<String> = pages
        .iter()
        .map(|p| {
            p.iter()
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|w| w.0.clone())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        names,
        [
            "林雅琴",
            "王海",
            "周立新",
            "周敏",
            "吴刚",
            "冯强",
            "孙涛",
            long
        ],
        "one card per platform person and per attendee, the platform first"
    );
    // One name size for the people: the size at which the longest name fits. The unit with
    // no one named yet has its name in the name's place, no larger, and does not shrink them.
    let mut heights: Vec<f32> = pages
        .iter()
        .map(|p| p.iter().map(|w| w.1).fold(0.0, f32::max))
        .collect();
    let unit_only = heights.pop().unwrap();
    for h in &heights {
        assert!(
            (h - heights[0]).abs() < 0.5,
            "name heights differ: {heights:?}"
        );
    }
    assert!(unit_only < heights[0], "{unit_only} vs {heights:?}");
    let people_only = print_pack::card_sizes(&fonts, &[("周立新".to_string(), String::new())]);
    let with_unit = print_pack::card_sizes(
        &fonts,
        &[
            ("周立新".to_string(), String::new()),
            (String::new(), long.to_string()),
        ],
    );
    assert_eq!(people_only.name, with_unit.name);
    assert!(with_unit.unit_only < with_unit.name);
    let sizes = print_pack::card_sizes(
        &fonts,
        &[
            ("王海".to_string(), String::new()),
            (long.to_string(), String::new()),
        ],
    );
    let width = PageSize::A4_LANDSCAPE.width() - 2.0 * mm(CARD_MARGIN_MM);
    let fit = fit_text(&fonts, FontRole::Heading1, long, width, NAME_MAX_SIZE);
    assert!((sizes.name - fit.size).abs() < 0.01, "{sizes:?} vs {fit:?}");
    // A platform chosen before printing replaces the default, on the cards as on the chart.
    let chosen = print_pack::PackOptions {
        platform: vec!["赵书记".into(), " ".into()],
        ..Default::default()
    };
    let pdf = print_pack::render_document(
        &conn,
        this,
        print_pack::Document::Namecards,
        &chosen,
        &fonts,
    )
    .unwrap();
    let first: Vec<String> = words_by_page(&pdf)[0].iter().map(|w| w.0.clone()).collect();
    assert!(first.contains(&"赵书记".to_string()), "{first:?}");
    assert_eq!(words_by_page(&pdf).len(), 6);
}

#[test]
fn the_whole_pack_is_seven_files_and_a_cancel_leaves_none() {
    let conn = lianxi::db::open_in_memory().unwrap();
    let this = fresh_meeting(&conn);
    let fonts = FontSet::bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let options = print_pack::PackOptions::default();

    let mut seen = Vec::new();
    let done = print_pack::write_pack(
        &conn,
        this,
        &options,
        &fonts,
        dir.path(),
        &mut |d, t, doc| {
            seen.push((d, t, doc));
            true
        },
    )
    .unwrap();
    assert_eq!(done.written.len(), 7);
    assert!(done.skipped.is_empty());
    assert_eq!(seen.len(), 7);
    assert_eq!(seen[0], (0, 7, print_pack::Document::Agenda));
    for doc in print_pack::Document::ALL {
        let bytes = std::fs::read(dir.path().join(doc.file_name())).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "{}", doc.name());
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty());

    // Cancelled before the fourth document: the three written by this job are removed.
    let again = dir.path().join("again");
    let err = print_pack::write_pack(&conn, this, &options, &fonts, &again, &mut |d, _, _| d < 3)
        .unwrap_err();
    assert_eq!(err.kind(), "cancelled");
    assert_eq!(std::fs::read_dir(&again).unwrap().count(), 0);

    // A new meeting with nothing in it yet: what can be printed is, the rest is reported.
    let fresh = meetings::create(
        &conn,
        &meetings::MeetingInput {
            title: "刚建的会议".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let early = dir.path().join("early");
    let done = print_pack::write_pack(&conn, fresh.id, &options, &fonts, &early, &mut |_, _, _| {
        true
    })
    .unwrap();
    let skipped: Vec<_> = done.skipped.iter().map(|(d, _)| *d).collect();
    assert_eq!(
        skipped,
        [
            print_pack::Document::Speakers,
            print_pack::Document::Invitations,
            print_pack::Document::Namecards,
            print_pack::Document::Seating
        ]
    );
    assert!(done.skipped[0].1.contains("发言"), "{:?}", done.skipped);
    assert!(done.skipped[1].1.contains("邀请"), "{:?}", done.skipped);
    assert_eq!(done.written.len(), 3);
    assert!(!early.join("发言顺序.pdf").exists());
    assert!(!early.join("邀请函.pdf").exists());

    // A failing document is named in the error, and its kind is kept: a title with a
    // character no font has stops the agenda, and nothing is left at its path.
    let odd = meetings::create(
        &conn,
        &meetings::MeetingInput {
            title: "缺字测试".into(),
            ..Default::default()
        },
    )
    .unwrap();
    agenda::add(
        &conn,
        odd.id,
        &input(AgendaKind::Other, "私用区\u{E000}字", 5),
    )
    .unwrap();
    let target = dir.path().join("议程.pdf");
    let e = print_pack::write_document(
        &conn,
        odd.id,
        print_pack::Document::Agenda,
        &options,
        &fonts,
        &target,
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("生成“会议议程”时出错"), "{e}");
    assert_eq!(e.kind(), "missing_glyph");
    assert!(!target.exists());
}

/// A word and its box: text, xMin, yMin, xMax, yMax.
type WordBox = (String, f32, f32, f32, f32);

/// Each word of each page with its box, from `pdftotext -bbox`.
fn boxes_by_page(pdf: &[u8]) -> Vec<Vec<WordBox>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-bbox", path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let html = String::from_utf8_lossy(&out.stdout);
    let attr = |tag: &str, name: &str| -> f32 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..tag[at..].find('"').unwrap() + at].parse().unwrap()
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|w| {
                    let (tag, rest) = w.split_once('>').unwrap();
                    let text = rest.split("</word>").next().unwrap().to_string();
                    (
                        text,
                        attr(tag, "xMin"),
                        attr(tag, "yMin"),
                        attr(tag, "xMax"),
                        attr(tag, "yMax"),
                    )
                })
                .collect()
        })
        .collect()
}

/// The 邀请函's 落款 as GB/T 9704 sets a sealed letter: the date four characters in from the
/// right edge, the signer centred over it, a line of room above for the seal; under it a
/// 回执 to cut off, asking for a reply three days before the meeting, on the same page.
#[test]
fn an_invitation_is_signed_for_a_seal_and_carries_a_reply_slip() {
    let conn = lianxi::db::open_in_memory().unwrap();
    let m = fresh_meeting(&conn);
    let fonts = FontSet::bundled().unwrap();
    let pdf = print_pack::invitations_pdf(&conn, m, &fonts).unwrap();
    let pages = boxes_by_page(&pdf);
    assert_eq!(pages.len(), 4, "one page per invited unit");
    let page = &pages[0];
    let line_of = |want: &str| -> (f32, f32, f32) {
        // Words of one line (same top) joined, for text poppler splits.
        let mut lines: Vec<(f32, String, f32, f32)> = Vec::new();
        for (t, x0, y, x1, _) in page {
            match lines.iter_mut().find(|l| (l.0 - y).abs() < 1.0) {
                Some(l) => {
                    l.1.push_str(t);
                    l.2 = l.2.min(*x0);
                    l.3 = l.3.max(*x1);
                }
                None => lines.push((*y, t.clone(), *x0, *x1)),
            }
        }
        let l = lines
            .into_iter()
            .find(|l| l.1 == want)
            .unwrap_or_else(|| panic!("no line {want} in {page:?}"));
        (l.0, l.2, l.3)
    };
    let right_edge = lianxi::print::mm(210.0 - 26.0);
    let em = 16.0;
    let (date_y, date_x0, date_x1) = line_of("2026年9月7日");
    assert!(
        (date_x1 - (right_edge - 4.0 * em)).abs() < 1.5,
        "the date ends at {date_x1}, four characters in is {}",
        right_edge - 4.0 * em
    );
    let (signer_y, signer_x0, signer_x1) = line_of("中共八大关街道工作委员会");
    assert!(signer_y < date_y, "the signer stands over the date");
    let (a, b) = ((signer_x0 + signer_x1) / 2.0, (date_x0 + date_x1) / 2.0);
    assert!((a - b).abs() < 1.5, "signer centred at {a}, date at {b}");
    let text: String = page.iter().map(|w| w.0.as_str()).collect();
    for want in [
        "请于2026年9月18日前将回执反馈至",
        "（请沿此线剪下）",
        "回执",
        "单位名称",
        "八大关小学",
        "参会人员",
        "□参会",
        "请于2026年9月18日前反馈。",
    ] {
        assert!(text.contains(want), "{want} not on page 1: {text}");
    }
}

/// The 签到表 leaves room to sign: the 签名 column is the widest after the unit's, and its
/// rows are at least 12 mm tall.
#[test]
fn the_signin_sheet_has_room_to_sign() {
    let conn = lianxi::db::open_in_memory().unwrap();
    let m = fresh_meeting(&conn);
    let doc = print_pack::signin_doc(&conn, m, GroupBy::Branch).unwrap();
    let table = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            lianxi::print::Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("a table");
    let header = table.header.clone().unwrap();
    let col = |name: &str| &table.columns[header.iter().position(|h| h == name).unwrap()];
    assert!(col("签名").weight > col("职务").weight);
    assert!(col("签名").weight > col("姓名").weight);
    assert!(col("签名").min_height.unwrap() >= lianxi::print::mm(12.0) - 0.01);
    // And so it prints: rows of the PDF's sheet at least 12 mm apart.
    let fonts = FontSet::bundled().unwrap();
    let pdf = print_pack::signin_pdf(&conn, m, GroupBy::Branch, &fonts).unwrap();
    let ys: Vec<f32> = boxes_by_page(&pdf)[0]
        .iter()
        .filter(|w| ["周敏", "吴刚", "冯强", "孙涛"].contains(&w.0.as_str()))
        .map(|w| w.2)
        .collect();
    assert_eq!(ys.len(), 4, "{ys:?}");
    let mut sorted = ys.clone();
    sorted.sort_by(f32::total_cmp);
    for pair in sorted.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap >= lianxi::print::mm(12.0) - 0.5, "rows {gap} pt apart");
    }
}
