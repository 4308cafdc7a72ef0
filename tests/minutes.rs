//! The 纪要 and the 信息稿: a meeting built from scratch (street, units, invitations, replies,
//! sign-ins incl. a delegate, a 请假, a guest and a late sign-in, agenda, speeches, agreements,
//! donations, projects claimed through the lists' store) and the demo's 2025 meeting as sample
//! data. The lists equal the attendance data, the numbers in the texts equal the data's counts,
//! finalised text stays, and the PDF reads back with the 出席 lines hanging after the colon.

// Amounts in fen are written yuan_fen (10_000_00 is ¥10,000.00), as in money.rs.
#![allow(clippy::inconsistent_digit_grouping)]

mod poppler;

use std::path::PathBuf;

use chrono::NaiveDate;
use lianxi::agreements::{self, AgreementOptions, PairSpec, PartyRef};
use lianxi::lists::{self, ClaimInput, ProjectInput};
use lianxi::meetings::agenda::{self, AgendaInput, AgendaKind};
use lianxi::meetings::attendance::{self, AttendeeRole, InviteScope, Reply};
use lianxi::meetings::speeches::{self, SpeechInput};
use lianxi::meetings::{self, MeetingInput, MeetingKind, MeetingStatus};
use lianxi::minutes::{self, MinutesEdit, MinutesItem, MinutesStatus};
use lianxi::print::FontSet;
use lianxi::street::{self, StreetProfile};
use lianxi::units::{self, Source, UnitDetails, UnitInput};
use rusqlite::{params, Connection};

fn at(h: u32, m: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 9, 25)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn unit(conn: &Connection, name: &str, secretary: &str, joined: &str) -> i64 {
    units::create(
        conn,
        &UnitInput {
            details: UnitDetails {
                name: name.into(),
                party_org: format!("{name}党支部"),
                party_secretary: secretary.into(),
                contact: secretary.into(),
                phones: vec!["13800000000".into()],
                joined_on: Some(joined.into()),
                ..Default::default()
            },
            ..UnitInput::default()
        },
        Source::Edit,
    )
    .unwrap()
    .id
}

/// A donation announced at the meeting. Only the columns whose meaning is settled.
fn add_donation(
    conn: &Connection,
    meeting: i64,
    unit: Option<i64>,
    donor: &str,
    kind: &str,
    pledged: i64,
    value: Option<i64>,
) {
    conn.execute(
        "INSERT INTO donations (meeting_id, unit_id, donor_name, kind, year, pledged_fen,
             item_name, estimated_value_fen, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 2026, ?5, CASE ?4 WHEN 'in_kind' THEN '慰问品' ELSE '' END,
             ?6, '2026-09-25 10:00:00', '2026-09-25 10:00:00')",
        params![meeting, unit, donor, kind, pledged, value],
    )
    .unwrap();
}

struct Scratch {
    conn: Connection,
    meeting: i64,
    /// Unit names in invitation order.
    names: Vec<&'static str>,
    late: i64,
}

const UNITS: [(&str, &str, &str); 7] = [
    ("青岛啤酒股份有限公司", "王海燕", "2018"),
    ("八大关小学", "李建国", "2019-03"),
    ("海军某部第二干休所", "刘卫东", "2020"),
    ("八大关社区卫生服务中心", "周𠮷", "2026-05"),
    ("中国银行八大关支行", "陈珺", "2026"),
    ("八大关派出所", "赵堃", "2017"),
    ("八大关邮政支局", "孙立", "2021"),
];

/// Street, seven units, a meeting with replies and sign-ins: 0 confirmed+signed, 1 delegated
/// +signed, 2 on leave, 3 new member signed, 4 new member confirmed but not signed (yet: the
/// late one), 5 pending not signed, 6 on leave but came anyway (signed).
fn scratch() -> Scratch {
    let conn = lianxi::db::open_in_memory().unwrap();
    let p = StreetProfile {
        name: "八大关街道办事处".into(),
        party_org: "中共八大关街道工作委员会".into(),
        leader: "张书记".into(),
        contact: "李秘书".into(),
        phone: "0532-88886666".into(),
        ..StreetProfile::default()
    };
    street::save(&conn, &p).unwrap();
    let ids: Vec<i64> = UNITS.iter().map(|(n, s, j)| unit(&conn, n, s, j)).collect();
    let m = meetings::create(
        &conn,
        &MeetingInput {
            kind: MeetingKind::Annual,
            title: "八大关街道区域化党建联席会2026年年会".into(),
            session_no: Some(25),
            theme: "六联共建聚合力".into(),
            date: NaiveDate::from_ymd_opt(2026, 9, 25),
            venue: "八大关街道党群服务中心".into(),
            chair: "王主任".into(),
            ..MeetingInput::default()
        },
    )
    .unwrap();
    attendance::invite(&conn, m.id, &InviteScope::Units(ids.clone())).unwrap();
    let list = attendance::list(&conn, m.id).unwrap();
    let inv = |unit: i64| list.iter().find(|i| i.unit_id == Some(unit)).unwrap().id;
    for (k, id) in ids.iter().enumerate() {
        attendance::set_attendee(&conn, inv(*id), UNITS[k].1, "书记").unwrap();
    }
    attendance::set_reply(&conn, inv(ids[0]), Reply::Confirmed, "").unwrap();
    attendance::set_reply(&conn, inv(ids[1]), Reply::Delegated, "孙思远").unwrap();
    attendance::set_reply(&conn, inv(ids[2]), Reply::Leave, "").unwrap();
    attendance::set_reply(&conn, inv(ids[3]), Reply::Confirmed, "").unwrap();
    attendance::set_reply(&conn, inv(ids[4]), Reply::Confirmed, "").unwrap();
    attendance::set_reply(&conn, inv(ids[6]), Reply::Leave, "").unwrap();
    for k in [0, 1, 3, 6] {
        attendance::sign_in(&conn, inv(ids[k]), at(8, 40 + k as u32)).unwrap();
    }
    let g1 = attendance::add_guest(&conn, m.id, "市南区委组织部", "林雅琴", "副部长").unwrap();
    attendance::add_guest(&conn, m.id, "市南区民政局", "赵六", "科长").unwrap();
    attendance::sign_in(&conn, g1.id, at(8, 50)).unwrap();
    for (kind, title, presenter) in [
        (AgendaKind::Host, "主持人宣布会议开始", "王主任"),
        (
            AgendaKind::Report,
            "街道党工委书记作年度工作报告",
            "街道党工委书记 张书记",
        ),
        (AgendaKind::Speeches, "成员单位代表交流发言", ""),
        (AgendaKind::Signing, "共建协议签约", ""),
        (AgendaKind::Donation, "爱心捐赠仪式", ""),
        (AgendaKind::Closing, "会议结束", ""),
    ] {
        agenda::add(
            &conn,
            m.id,
            &AgendaInput {
                kind,
                title: title.into(),
                presenter_unit_id: None,
                presenter: presenter.into(),
                duration_min: 10,
                notes: String::new(),
            },
        )
        .unwrap();
    }
    for (k, behalf) in [(0usize, Some(4)), (3, Some(3))] {
        speeches::add(
            &conn,
            m.id,
            &SpeechInput {
                unit_id: Some(ids[k]),
                speaker_name: UNITS[k].1.into(),
                speaker_title: "书记".into(),
                topic: "共建".into(),
                minutes: 5,
                on_behalf_count: behalf,
                on_behalf_unit_ids: Vec::new(),
                notes: String::new(),
            },
        )
        .unwrap();
    }
    // Two agreements printed for signing, one left a draft (not counted).
    let pairs: Vec<PairSpec> = [(0, 1), (0, 3), (0, 6)]
        .iter()
        .map(|&(a, b)| PairSpec {
            party_a: PartyRef::unit(ids[a]),
            party_b: PartyRef::unit(ids[b]),
        })
        .collect();
    let made = agreements::pair_many(
        &conn,
        &pairs,
        &AgreementOptions {
            meeting_id: Some(m.id),
            ..AgreementOptions::default()
        },
    )
    .unwrap();
    let fonts = FontSet::bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let printed: Vec<i64> = made.iter().take(2).map(|a| a.id).collect();
    agreements::write_agreements_pdf(
        &conn,
        &printed,
        &fonts,
        &dir.path().join("a.pdf"),
        &mut |_, _| true,
    )
    .unwrap();
    // Donations: two donors in cash (one twice), one in kind.
    add_donation(
        &conn,
        m.id,
        Some(ids[0]),
        UNITS[0].0,
        "cash",
        10_000_00,
        None,
    );
    add_donation(
        &conn,
        m.id,
        Some(ids[0]),
        UNITS[0].0,
        "cash",
        2_000_00,
        None,
    );
    add_donation(
        &conn,
        m.id,
        None,
        "八大关爱心商户联盟",
        "cash",
        3_000_00,
        None,
    );
    add_donation(
        &conn,
        m.id,
        Some(ids[4]),
        UNITS[4].0,
        "in_kind",
        0,
        Some(8_500_00),
    );
    // A pledge withdrawn later counts for nothing.
    add_donation(&conn, m.id, None, "撤回的认捐方", "cash", 50_000_00, None);
    conn.execute(
        "UPDATE donations SET withdrawn_on = '2026-10-01', withdraw_reason = '企业变故'
         WHERE donor_name = '撤回的认捐方'",
        [],
    )
    .unwrap();
    // Projects claimed at the meeting: three claims of two projects by two units, through
    // the lists' store; a third project of the meeting nobody claimed does not count.
    for name in ["四点半课堂", "红色物业", "无人认领的项目"] {
        let p = lists::add_project(
            &conn,
            &ProjectInput {
                year: Some(2026),
                name: name.into(),
                meeting_id: Some(m.id),
                ..ProjectInput::default()
            },
        )
        .unwrap();
        for u in [ids[0], ids[3]] {
            if name == "无人认领的项目" || (name == "红色物业" && u == ids[3]) {
                continue;
            }
            let claim = ClaimInput {
                unit_id: u,
                ..ClaimInput::default()
            };
            lists::claim(&conn, p.id, &claim).unwrap();
        }
    }
    Scratch {
        conn,
        meeting: m.id,
        names: UNITS.iter().map(|u| u.0).collect(),
        late: inv(ids[4]),
    }
}

fn unit_names(list: &[minutes::Attendee]) -> Vec<&str> {
    list.iter().map(|a| a.unit.as_str()).collect()
}

#[test]
fn lists_equal_the_attendance_data_and_a_late_sign_in_comes_with_a_rebuild() {
    let s = scratch();
    let m = minutes::ensure(&s.conn, s.meeting).unwrap();
    assert_eq!(m.status, MinutesStatus::Draft);
    assert_eq!(
        unit_names(&m.present),
        vec![s.names[0], s.names[1], s.names[3], s.names[6]]
    );
    assert!(m.present[1].delegated && m.present[1].person == "孙思远");
    assert!(!m.present[0].delegated && m.present[0].person == "王海燕");
    assert_eq!(m.present[1].text(), "八大关小学 孙思远（委派）");
    // On leave and not come; the unit that sent 请假 but came is 出席, not 请假.
    assert_eq!(unit_names(&m.on_leave), vec![s.names[2]]);
    assert_eq!(unit_names(&m.guests), vec!["市南区委组织部"]);
    assert_eq!(m.guests[0].person, "林雅琴");

    // Edit an item, then a late sign-in: the rebuild brings the unit and keeps the edit.
    let mut edit = MinutesEdit::from(&m);
    edit.items[0].text = "会议审议通过了年度工作报告。𠮷".into();
    edit.items[0].owner = "街道党建办".into();
    edit.items.swap(0, 1);
    minutes::save(&s.conn, s.meeting, &edit).unwrap();
    attendance::sign_in(&s.conn, s.late, at(9, 20)).unwrap();
    let before = minutes::get(&s.conn, s.meeting).unwrap().unwrap();
    assert!(
        !unit_names(&before.present).contains(&s.names[4]),
        "only on rebuild"
    );
    let after = minutes::rebuild_lists(&s.conn, s.meeting).unwrap();
    assert_eq!(
        unit_names(&after.present),
        vec![s.names[0], s.names[1], s.names[3], s.names[4], s.names[6]]
    );
    assert_eq!(after.items, edit.items);
    assert_eq!(after.opening, before.opening);

    // Signed-in set from the attendance data, exactly.
    let signed: Vec<String> = attendance::list(&s.conn, s.meeting)
        .unwrap()
        .into_iter()
        .filter(|i| i.role == AttendeeRole::Member && i.signed_in_at.is_some())
        .map(|i| i.name)
        .collect();
    assert_eq!(
        unit_names(&after.present),
        signed.iter().map(String::as_str).collect::<Vec<_>>()
    );
}

#[test]
fn the_numbers_in_the_opening_and_the_news_are_the_data_counts() {
    let s = scratch();
    let f = minutes::facts(&s.conn, s.meeting).unwrap();
    let counts = attendance::counts(&s.conn, s.meeting).unwrap();
    assert_eq!(f.invited, Some(counts.expected));
    assert_eq!(f.attended, Some(counts.present));
    assert_eq!(
        (f.invited, f.attended, f.new_members, f.guests),
        (Some(7), Some(4), Some(1), Some(1))
    );
    let d = f.donations.clone().unwrap();
    assert_eq!(
        (d.donors, d.cash_fen, d.in_kind_fen),
        (3, Some(15_000_00), Some(8_500_00))
    );
    let p = f.projects.clone().unwrap();
    assert_eq!((p.units, p.projects), (2, 2));
    assert_eq!(f.agreements.len(), 1);
    assert_eq!(f.agreements[0].count, 2);
    assert_eq!(f.speeches.clone().unwrap().on_behalf, Some(7));

    let m = minutes::ensure(&s.conn, s.meeting).unwrap();
    assert_eq!(m.heading, "八大关街道区域化党建联席会议纪要");
    assert!(
        m.opening.starts_with(
            "2026年9月25日，八大关街道区域化党建联席会2026年年会在八大关街道党群服务中心召开。"
        ),
        "{}",
        m.opening
    );
    assert!(
        m.opening
            .contains("会议共邀请成员单位7家，实到4家，其中新入会单位1家；1家单位列席。"),
        "{}",
        m.opening
    );
    assert!(m.opening.ends_with("现将会议议定事项纪要如下："));
    let texts: Vec<String> = m
        .items
        .iter()
        .map(|i| format!("{}|{}", i.heading, i.text))
        .collect();
    assert_eq!(
        texts,
        vec![
            "听取年度工作报告|会议听取了街道党工委书记张书记所作的年度工作报告。",
            "交流发言|青岛啤酒股份有限公司、八大关社区卫生服务中心2家单位代表7家成员单位作交流发言。",
            "签署共建协议|会议签署了2份《党建结对共建协议书》。",
            "爱心捐赠|3家爱心企业认捐1.5万元，物资折价8500元。",
            "认领共建项目|2家单位认领2个共建项目：“四点半课堂”“红色物业”。",
        ]
    );

    let n = minutes::news(&s.conn, s.meeting).unwrap();
    let text = minutes::news_text(&n);
    for want in [
        "2026年9月25日",
        "第25次年会",
        "六联共建聚合力",
        "八大关街道党群服务中心",
        "共邀请了辖区7家单位参加",
        "4家成员单位代表（其中新入会单位1家）",
        "1家单位列席",
        "2家单位代表7家成员单位作交流发言",
        "现场签署了2份《党建结对共建协议书》",
        "3家爱心企业认捐1.5万元，物资折价8500元",
        "2家单位认领2个共建项目，分别为“四点半课堂”“红色物业”",
    ] {
        assert!(text.contains(want), "missing {want}:\n{text}");
    }
    assert!(
        (3..=6).contains(&n.paragraphs.len()),
        "{}",
        n.paragraphs.len()
    );
}

#[test]
fn facts_that_do_not_exist_are_left_out_not_written_as_zero() {
    let conn = lianxi::db::open_in_memory().unwrap();
    let m = meetings::create(
        &conn,
        &MeetingInput {
            title: "季度碰头会".into(),
            kind: MeetingKind::Quarterly,
            ..MeetingInput::default()
        },
    )
    .unwrap();
    let f = minutes::facts(&conn, m.id).unwrap();
    assert_eq!(
        (f.invited, f.attended, f.new_members, f.guests),
        (None, None, None, None)
    );
    assert!(f.donations.is_none() && f.projects.is_none() && f.speeches.is_none());
    let mins = minutes::ensure(&conn, m.id).unwrap();
    assert!(mins.items.is_empty());
    let n = minutes::news(&conn, m.id).unwrap();
    let all = format!("{}{}", mins.opening, minutes::news_text(&n));
    for bad in ["0家", "0份", "0万", "0元", "0个"] {
        assert!(!all.contains(bad), "{bad} in {all}");
    }
    assert_eq!(mins.opening, "季度碰头会召开。现将会议议定事项纪要如下：");
}

#[test]
fn finalised_minutes_keep_their_text_until_reopened_and_bad_edits_change_nothing() {
    let s = scratch();
    let m = minutes::ensure(&s.conn, s.meeting).unwrap();
    let mut bad = MinutesEdit::from(&m);
    bad.heading = "  ".into();
    assert_eq!(
        minutes::save(&s.conn, s.meeting, &bad).unwrap_err().kind(),
        "invalid"
    );
    let mut bad = MinutesEdit::from(&m);
    bad.items.push(MinutesItem::default());
    assert_eq!(
        minutes::save(&s.conn, s.meeting, &bad).unwrap_err().kind(),
        "invalid"
    );
    assert_eq!(minutes::get(&s.conn, s.meeting).unwrap().unwrap(), m);

    let fin = minutes::finalise(&s.conn, s.meeting).unwrap();
    assert_eq!(fin.status, MinutesStatus::Final);
    assert!(fin.finalised_at.is_some());
    // The meeting changes later: the finalised text and lists stay.
    attendance::sign_in(&s.conn, s.late, at(9, 30)).unwrap();
    let mut edit = MinutesEdit::from(&fin);
    edit.opening = "改过的开头".into();
    assert_eq!(
        minutes::save(&s.conn, s.meeting, &edit).unwrap_err().kind(),
        "conflict"
    );
    assert_eq!(
        minutes::rebuild_lists(&s.conn, s.meeting)
            .unwrap_err()
            .kind(),
        "conflict"
    );
    let still = minutes::get(&s.conn, s.meeting).unwrap().unwrap();
    assert_eq!(
        (still.opening.clone(), still.present.clone()),
        (m.opening.clone(), m.present.clone())
    );

    let open = minutes::reopen(&s.conn, s.meeting).unwrap();
    assert_eq!(open.status, MinutesStatus::Draft);
    assert!(open.finalised_at.is_none());
    let saved = minutes::save(&s.conn, s.meeting, &edit).unwrap();
    assert_eq!(saved.opening, "改过的开头");
    // A meeting with minutes cannot be deleted.
    assert_eq!(
        meetings::delete(&s.conn, s.meeting).unwrap_err().kind(),
        "conflict"
    );
}

#[test]
fn the_demo_2025_meeting_lists_and_counts() {
    let mut conn = lianxi::db::open_in_memory().unwrap();
    lianxi::demo::load(&mut conn).unwrap();
    let held = meetings::list(&conn)
        .unwrap()
        .into_iter()
        .find(|m| m.status == MeetingStatus::Held)
        .unwrap();
    let list = attendance::list(&conn, held.id).unwrap();
    let m = minutes::ensure(&conn, held.id).unwrap();
    let signed: Vec<&str> = list
        .iter()
        .filter(|i| i.role == AttendeeRole::Member && i.signed_in_at.is_some())
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(unit_names(&m.present), signed);
    let delegated: Vec<&str> = list
        .iter()
        .filter(|i| i.reply == Reply::Delegated && i.signed_in_at.is_some())
        .map(|i| i.name.as_str())
        .collect();
    assert!(!delegated.is_empty());
    let marked: Vec<&str> = m
        .present
        .iter()
        .filter(|a| a.delegated)
        .map(|a| a.unit.as_str())
        .collect();
    assert_eq!(marked, delegated);
    let leave: Vec<&str> = list
        .iter()
        .filter(|i| {
            i.role == AttendeeRole::Member && i.reply == Reply::Leave && i.signed_in_at.is_none()
        })
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(unit_names(&m.on_leave), leave);
    assert_eq!(unit_names(&m.guests), vec!["海棠区委组织部"]);
    let c = attendance::counts(&conn, held.id).unwrap();
    let want = format!("会议共邀请成员单位{}家，实到{}家", c.expected, c.present);
    assert!(m.opening.contains(&want), "{}", m.opening);
    let news = minutes::news_text(&minutes::news(&conn, held.id).unwrap());
    assert!(
        news.contains(&format!("共邀请了辖区{}家单位", c.expected)),
        "{news}"
    );
    assert!(
        news.contains(&format!("联席会{}家成员单位代表", c.present)),
        "{news}"
    );
}

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
    // "出席：" sits two characters in; the names start three characters (the label) later.
    assert!(
        (all[label].0 - (left + 2.0 * size)).abs() < 0.5,
        "{:?}",
        all[label]
    );
    let names_x = all[label].0 + 3.0 * size;
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

#[test]
fn clearing_the_demo_also_clears_its_minutes_and_news() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lianxi.sqlite3");
    let mut conn = lianxi::db::open(&path).unwrap();
    lianxi::demo::load(&mut conn).unwrap();
    for m in meetings::list(&conn).unwrap() {
        minutes::ensure(&conn, m.id).unwrap();
        minutes::news(&conn, m.id).unwrap();
    }
    lianxi::demo::clear(&mut conn, &path).unwrap();
    for table in [
        "minutes",
        "minutes_items",
        "minutes_attendees",
        "news_drafts",
        "units",
    ] {
        let n: i64 = conn
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
}
