//! Meetings on real data and real output: schedules, seating, copy_from, invitations, counts,
//! and every print-pack PDF read back with poppler (pdftotext, pdffonts).

use std::path::PathBuf;
use std::process::Command;

use chrono::NaiveTime;
use lianxi::meetings::agenda::{self, schedule, AgendaInput, AgendaKind};
use lianxi::meetings::attendance::{self, InviteScope, Reply};
use lianxi::meetings::print_pack::{self, fit_text, GroupBy, CARD_MARGIN_MM, NAME_MAX_SIZE};
use lianxi::meetings::seating::{audience_order, platform_order, EvenRule};
use lianxi::meetings::{self, speeches, MeetingStatus};
use lianxi::print::{mm, FontRole, FontSet, PageSize};
use lianxi::units::UnitCategory;
use rusqlite::Connection;

type Slot = (NaiveTime, NaiveTime);
type Step<'a> = (
    Box<dyn Fn(&Connection) + 'a>,
    Vec<(&'a str, NaiveTime, NaiveTime)>,
);

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn demo() -> Connection {
    let mut conn = lianxi::db::open_in_memory().unwrap();
    lianxi::demo::load(&mut conn).unwrap();
    conn
}

fn ids(conn: &Connection) -> (i64, i64) {
    let list = meetings::list(conn).unwrap();
    let last = list
        .iter()
        .find(|m| m.status == MeetingStatus::Held)
        .unwrap()
        .id;
    let this = list
        .iter()
        .find(|m| m.status == MeetingStatus::Preparing)
        .unwrap()
        .id;
    (last, this)
}

#[test]
fn schedule_table() {
    let cases: &[(NaiveTime, &[u32], &[Slot])] = &[
        (t(9, 0), &[], &[]),
        (t(9, 0), &[5], &[(t(9, 0), t(9, 5))]),
        (
            t(9, 0),
            &[5, 20, 0, 10],
            &[
                (t(9, 0), t(9, 5)),
                (t(9, 5), t(9, 25)),
                (t(9, 25), t(9, 25)),
                (t(9, 25), t(9, 35)),
            ],
        ),
        (
            t(14, 30),
            &[45, 45],
            &[(t(14, 30), t(15, 15)), (t(15, 15), t(16, 0))],
        ),
        (t(23, 50), &[20], &[(t(23, 50), t(0, 10))]),
    ];
    for (start, durations, want) in cases {
        assert_eq!(
            schedule(*start, durations),
            want.to_vec(),
            "{start} {durations:?}"
        );
    }
}

fn input(kind: AgendaKind, title: &str, minutes: i64) -> AgendaInput {
    AgendaInput {
        kind,
        title: title.into(),
        presenter_unit_id: None,
        presenter: String::new(),
        duration_min: minutes,
        notes: String::new(),
    }
}

#[test]
fn agenda_times_follow_reorders_edits_and_speeches() {
    let conn = demo();
    let m = meetings::create(
        &conn,
        &meetings::MeetingInput {
            title: "测试会".into(),
            start_time: Some(t(9, 0)),
            ..Default::default()
        },
    )
    .unwrap();
    let a = agenda::add(&conn, m.id, &input(AgendaKind::Host, "开场", 5)).unwrap();
    let b = agenda::add(&conn, m.id, &input(AgendaKind::Report, "报告", 20)).unwrap();
    let c = agenda::add(&conn, m.id, &input(AgendaKind::Speeches, "交流发言", 0)).unwrap();
    let times = |conn: &Connection| -> Vec<(String, NaiveTime, NaiveTime)> {
        agenda::list(conn, m.id)
            .unwrap()
            .into_iter()
            .map(|i| (i.title, i.start.unwrap(), i.end.unwrap()))
            .collect()
    };
    let steps: Vec<Step<'_>> = vec![
        (
            Box::new(|_: &Connection| {}),
            vec![
                ("开场", t(9, 0), t(9, 5)),
                ("报告", t(9, 5), t(9, 25)),
                ("交流发言", t(9, 25), t(9, 25)),
            ],
        ),
        (
            Box::new(|conn: &Connection| {
                agenda::reorder(conn, m.id, &[b.id, a.id, c.id]).unwrap();
            }),
            vec![
                ("报告", t(9, 0), t(9, 20)),
                ("开场", t(9, 20), t(9, 25)),
                ("交流发言", t(9, 25), t(9, 25)),
            ],
        ),
        (
            Box::new(|conn: &Connection| {
                agenda::move_item(conn, c.id, 0).unwrap();
            }),
            vec![
                ("交流发言", t(9, 0), t(9, 0)),
                ("报告", t(9, 0), t(9, 20)),
                ("开场", t(9, 20), t(9, 25)),
            ],
        ),
        (
            Box::new(|conn: &Connection| {
                agenda::update(conn, b.id, &input(AgendaKind::Report, "报告", 30)).unwrap();
            }),
            vec![
                ("交流发言", t(9, 0), t(9, 0)),
                ("报告", t(9, 0), t(9, 30)),
                ("开场", t(9, 30), t(9, 35)),
            ],
        ),
        (
            Box::new(|conn: &Connection| {
                for minutes in [6, 8] {
                    speeches::add(
                        conn,
                        m.id,
                        &speeches::SpeechInput {
                            speaker_name: "王海燕".into(),
                            minutes,
                            ..Default::default()
                        },
                    )
                    .unwrap();
                }
            }),
            vec![
                ("交流发言", t(9, 0), t(9, 14)),
                ("报告", t(9, 14), t(9, 44)),
                ("开场", t(9, 44), t(9, 49)),
            ],
        ),
        (
            Box::new(|conn: &Connection| {
                agenda::remove(conn, b.id).unwrap();
            }),
            vec![
                ("交流发言", t(9, 0), t(9, 14)),
                ("开场", t(9, 14), t(9, 19)),
            ],
        ),
    ];
    for (n, (step, want)) in steps.into_iter().enumerate() {
        step(&conn);
        let want: Vec<(String, NaiveTime, NaiveTime)> = want
            .into_iter()
            .map(|(s, a, b)| (s.to_owned(), a, b))
            .collect();
        assert_eq!(times(&conn), want, "step {n}");
    }
    assert_eq!(agenda::end_time(&conn, m.id).unwrap(), Some(t(9, 19)));
    assert!(agenda::reorder(&conn, m.id, &[a.id]).is_err());
}

#[test]
fn seating_tables() {
    use EvenRule::*;
    // 1-based ranks, as seen from the platform then from the audience.
    let cases: &[(usize, EvenRule, &[usize], &[usize])] = &[
        (1, FirstRightOfCentre, &[1], &[1]),
        (2, FirstRightOfCentre, &[2, 1], &[1, 2]),
        (2, FirstLeftOfCentre, &[1, 2], &[2, 1]),
        (3, FirstRightOfCentre, &[2, 1, 3], &[3, 1, 2]),
        (3, FirstLeftOfCentre, &[2, 1, 3], &[3, 1, 2]),
        (4, FirstRightOfCentre, &[4, 2, 1, 3], &[3, 1, 2, 4]),
        (4, FirstLeftOfCentre, &[3, 1, 2, 4], &[4, 2, 1, 3]),
        (5, FirstRightOfCentre, &[4, 2, 1, 3, 5], &[5, 3, 1, 2, 4]),
        (
            6,
            FirstRightOfCentre,
            &[6, 4, 2, 1, 3, 5],
            &[5, 3, 1, 2, 4, 6],
        ),
        (
            6,
            FirstLeftOfCentre,
            &[5, 3, 1, 2, 4, 6],
            &[6, 4, 2, 1, 3, 5],
        ),
        (
            7,
            FirstLeftOfCentre,
            &[6, 4, 2, 1, 3, 5, 7],
            &[7, 5, 3, 1, 2, 4, 6],
        ),
    ];
    for (n, rule, platform, audience) in cases {
        let plus1 = |v: Vec<usize>| v.into_iter().map(|r| r + 1).collect::<Vec<_>>();
        assert_eq!(
            plus1(platform_order(*n, *rule)),
            platform.to_vec(),
            "{n} {rule:?}"
        );
        assert_eq!(
            plus1(audience_order(*n, *rule)),
            audience.to_vec(),
            "{n} {rule:?}"
        );
    }
}

#[test]
fn invitations_are_idempotent_and_counted() {
    let conn = demo();
    let m = meetings::create(
        &conn,
        &meetings::MeetingInput {
            title: "季度会".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let schools =
        attendance::invite(&conn, m.id, &InviteScope::Category(UnitCategory::School)).unwrap();
    assert!(schools > 0);
    assert_eq!(
        attendance::invite(&conn, m.id, &InviteScope::Category(UnitCategory::School)).unwrap(),
        0
    );
    let rest = attendance::invite(&conn, m.id, &InviteScope::AllActive).unwrap();
    assert_eq!(schools + rest, 50);
    assert_eq!(
        attendance::invite(&conn, m.id, &InviteScope::AllActive).unwrap(),
        0
    );
    attendance::add_guest(&conn, m.id, "海棠区委组织部", "林雅琴", "副部长").unwrap();
    assert!(attendance::add_guest(&conn, m.id, "海棠区委组织部", "", "").is_err());
    let list = attendance::list(&conn, m.id).unwrap();
    attendance::set_reply(&conn, list[0].id, Reply::Leave, "").unwrap();
    assert!(attendance::set_reply(&conn, list[1].id, Reply::Delegated, "").is_err());
    attendance::set_reply(&conn, list[1].id, Reply::Delegated, "孙思远").unwrap();
    let first = chrono::NaiveDate::from_ymd_opt(2026, 9, 25)
        .unwrap()
        .and_hms_opt(14, 2, 0)
        .unwrap();
    let signed = attendance::sign_in(&conn, list[1].id, first).unwrap();
    // A second sign-in (another desk, a double tap) keeps the first time.
    let again =
        attendance::sign_in(&conn, list[1].id, first + chrono::Duration::minutes(9)).unwrap();
    assert_eq!(again.signed_in_at, signed.signed_in_at);
    attendance::sign_in(&conn, list[2].id, chrono::Local::now().naive_local()).unwrap();
    attendance::sign_out(&conn, list[2].id).unwrap();
    let c = attendance::counts(&conn, m.id).unwrap();
    assert_eq!(
        (
            c.expected,
            c.present,
            c.leave,
            c.delegated,
            c.pending,
            c.guests
        ),
        (50, 1, 1, 1, 48, 1)
    );
    let hits = attendance::search(&conn, m.id, "思远").unwrap();
    assert_eq!(hits.len(), 1);
    assert!(!attendance::search(&conn, m.id, "海棠").unwrap().is_empty());
}

#[test]
fn copy_from_carries_structure_and_clears_replies() {
    let conn = demo();
    let (last, _) = ids(&conn);
    let new = meetings::copy_from(&conn, last, "2027年年会", None).unwrap();
    assert_eq!(new.date, None);
    assert_eq!(new.based_on_id, Some(last));
    assert_eq!(new.status, MeetingStatus::Preparing);
    let old_inv = attendance::list(&conn, last).unwrap();
    let new_inv = attendance::list(&conn, new.id).unwrap();
    assert_eq!(old_inv.len(), new_inv.len());
    assert!(old_inv.iter().any(|i| i.signed_in_at.is_some()));
    assert!(new_inv.iter().all(|i| i.reply == Reply::Pending
        && i.signed_in_at.is_none()
        && i.substitute_name.is_empty()));
    assert_eq!(new_inv[0].attendee_names, old_inv[0].attendee_names);
    let titles = |id| {
        agenda::list(&conn, id)
            .unwrap()
            .into_iter()
            .map(|i| (i.title, i.duration_min))
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(last), titles(new.id));
    let old_s = speeches::list(&conn, last).unwrap();
    let new_s = speeches::list(&conn, new.id).unwrap();
    assert_eq!(old_s.len(), new_s.len());
    assert!(new_s
        .iter()
        .all(|s| s.topic.is_empty() && s.agenda_item_id.is_some()));
    let r = meetings::readiness(&conn, new.id).unwrap();
    assert!(!r.ready);
    let msgs: Vec<String> = r.items.iter().map(|i| i.message.clone()).collect();
    assert!(msgs.iter().any(|m| m.contains("日期")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("没有题目")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("尚未回复")), "{msgs:?}");
}

#[test]
fn copy_from_parts_leaves_out_what_is_not_chosen() {
    let conn = demo();
    let (last, _) = ids(&conn);
    let parts = meetings::CopyParts {
        invitations: false,
        agenda: true,
        speeches: false,
    };
    let new = meetings::copy_from_parts(&conn, last, "2027年季度会", None, parts).unwrap();
    assert!(attendance::list(&conn, new.id).unwrap().is_empty());
    assert!(speeches::list(&conn, new.id).unwrap().is_empty());
    let old_agenda = agenda::list(&conn, last).unwrap();
    let new_agenda = agenda::list(&conn, new.id).unwrap();
    assert_eq!(old_agenda.len(), new_agenda.len());
    // Speeches added later link to the copied 交流发言 item, whose duration follows them.
    let input = speeches::SpeechInput {
        speaker_name: "王海燕".into(),
        minutes: 5,
        ..Default::default()
    };
    speeches::add(&conn, new.id, &input).unwrap();
    let item = agenda::list(&conn, new.id)
        .unwrap()
        .into_iter()
        .find(|i| i.kind == AgendaKind::Speeches)
        .unwrap();
    assert_eq!(item.duration_min, 5);
}

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
