//! The 纪要 and the 信息稿: a meeting built from scratch (street, units, invitations, replies,
//! sign-ins incl. a delegate, a 请假, a guest and a late sign-in, agenda, speeches, agreements,
//! donations, projects claimed through the lists' store) and the demo's 2025 meeting as sample
//! data. The lists equal the attendance data, the numbers in the texts equal the data's counts,
//! finalised text stays, and the PDF reads back with the 出席 lines hanging after the colon.

// Amounts in fen are written yuan_fen (10_000_00 is ¥10,000.00), as in money.rs.
#![allow(clippy::inconsistent_digit_grouping)]

use crate::poppler;

use std::path::PathBuf;

use chrono::NaiveDate;
use lianxi::agreements::{self, AgreementOptions, PairSpec, PartyRef};
use lianxi::donations::{self, DonationInput, DonationKind, ReceiptInput, ReceiptMethod};
use lianxi::lists::{self, ClaimInput, ProjectInput};
use lianxi::meetings::agenda::{self, AgendaInput, AgendaKind};
use lianxi::meetings::attendance::{self, AttendeeRole, InviteScope, Reply};
use lianxi::meetings::speeches::{self, SpeechInput};
use lianxi::meetings::{self, MeetingInput, MeetingKind, MeetingStatus};
use lianxi::minutes::{self, MinutesEdit, MinutesItem, MinutesStatus};
use lianxi::print::FontSet;
use lianxi::street::{self, StreetProfile};
use lianxi::units::{self, Source, UnitDetails, UnitInput};
use rusqlite::Connection;

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

/// A donation announced at the meeting, recorded as the 捐赠 screen does: cash pledged, or
/// goods with their quantity, value and (when given) the day they were delivered.
fn add_donation(
    conn: &Connection,
    meeting: i64,
    unit: Option<i64>,
    donor: &str,
    gift: Gift,
) -> i64 {
    let mut input = DonationInput {
        meeting_id: Some(meeting),
        unit_id: unit,
        donor_name: donor.into(),
        ..DonationInput::default()
    };
    match gift {
        Gift::Cash(fen) => input.pledged_fen = fen,
        Gift::Goods {
            item,
            quantity,
            unit,
            value,
            delivered,
        } => {
            input.kind = DonationKind::InKind;
            input.item_name = item.into();
            input.quantity = quantity.into();
            input.quantity_unit = unit.into();
            input.estimated_value_fen = value;
            input.delivered_on = delivered.then(|| NaiveDate::from_ymd_opt(2026, 9, 25).unwrap());
        }
    }
    donations::add(conn, &input, None).unwrap().id
}

/// What a donor gives.
enum Gift {
    Cash(i64),
    Goods {
        item: &'static str,
        quantity: &'static str,
        unit: &'static str,
        value: Option<i64>,
        delivered: bool,
    },
}

/// Money arriving against a pledge.
fn receive(conn: &Connection, donation: i64, fen: i64) {
    donations::receive(
        conn,
        donation,
        &ReceiptInput {
            amount_fen: fen,
            received_on: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
            method: ReceiptMethod::Transfer,
            notes: String::new(),
        },
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
    // Donations: two organisations in cash (one twice) and a private person whose money has
    // arrived, one unit in kind (delivered); a pledge withdrawn later counts for nothing.
    add_donation(&conn, m.id, Some(ids[0]), UNITS[0].0, Gift::Cash(10_000_00));
    add_donation(&conn, m.id, Some(ids[0]), UNITS[0].0, Gift::Cash(2_000_00));
    add_donation(
        &conn,
        m.id,
        None,
        "八大关爱心商户联盟",
        Gift::Cash(3_000_00),
    );
    let person = add_donation(&conn, m.id, None, "张伟", Gift::Cash(1_000_00));
    receive(&conn, person, 1_000_00);
    add_donation(
        &conn,
        m.id,
        Some(ids[4]),
        UNITS[4].0,
        Gift::Goods {
            item: "慰问品",
            quantity: "50",
            unit: "份",
            value: Some(8_500_00),
            delivered: true,
        },
    );
    let gone = add_donation(&conn, m.id, None, "撤回的认捐方", Gift::Cash(50_000_00));
    donations::withdraw(
        &conn,
        gone,
        "企业变故",
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
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
    // The donations are the donation list's: its totals, its rows.
    let d = f.donations.clone().unwrap();
    let list = donations::for_meeting(&s.conn, s.meeting).unwrap();
    let (cash, goods) = (d.cash.unwrap(), d.goods.unwrap());
    assert_eq!(
        (
            cash.donors.units,
            cash.donors.persons,
            cash.pledged_fen,
            cash.received_fen
        ),
        (
            2,
            1,
            list.totals.cash_pledged_fen,
            list.totals.cash_received_fen
        )
    );
    assert_eq!((cash.pledged_fen, cash.received_fen), (16_000_00, 1_000_00));
    assert_eq!(
        (goods.donors.units, goods.donors.persons, goods.value_fen),
        (1, 0, list.totals.in_kind_value_fen)
    );
    assert_eq!(goods.goods, vec!["慰问品50份"]);
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
            "交流发言|青岛啤酒股份有限公司、八大关社区卫生服务中心等2家单位代表7家成员单位作交流发言。",
            "签署共建协议|会议举行了共建协议签约仪式，签署《党建结对共建协议书》2份。",
            "爱心捐赠|会议举行了爱心捐赠仪式，2家爱心单位和1名爱心人士认捐资金1.6万元，其中已到账1000元，1家爱心单位捐赠物资（慰问品50份，折价8500元）。",
            "认领共建项目|2家单位认领共建项目2个：“四点半课堂”“红色物业”。",
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
        "王主任主持。",
        "会议听取了街道党工委书记张书记所作的年度工作报告。",
        "等2家单位代表7家成员单位作交流发言。",
        "现场签署了《党建结对共建协议书》2份",
        "2家爱心单位和1名爱心人士认捐资金1.6万元，其中已到账1000元，1家爱心单位捐赠物资（慰问品50份，折价8500元）",
        "2家单位认领共建项目2个，分别为“四点半课堂”“红色物业”",
    ] {
        assert!(text.contains(want), "missing {want}:\n{text}");
    }
    for invented in ["爱心企业", "与会单位表示", "分享了共建经验"] {
        assert!(!text.contains(invented), "{invented} in:\n{text}");
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

// ---------------------------------------------------------------------------------------------
// Every drafted sentence against the data: each agenda kind with and without its presenter,
// and each fact for none, one and many.

/// An empty database with the street's profile and one dated meeting that names no 主持人.
fn bare_meeting() -> (Connection, i64) {
    let conn = lianxi::db::open_in_memory().unwrap();
    street::save(
        &conn,
        &StreetProfile {
            name: "海棠街道办事处".into(),
            party_org: "中共海棠街道工作委员会".into(),
            leader: "王建国".into(),
            contact: "吴秘书".into(),
            phone: "0532-88886666".into(),
            ..StreetProfile::default()
        },
    )
    .unwrap();
    let m = meetings::create(
        &conn,
        &MeetingInput {
            kind: MeetingKind::Annual,
            title: "海棠街道区域化党建联席会2026年年会".into(),
            date: NaiveDate::from_ymd_opt(2026, 9, 25),
            venue: "街道三楼会议室".into(),
            ..MeetingInput::default()
        },
    )
    .unwrap();
    (conn, m.id)
}

/// What is drafted now, without storing anything: the 议定事项 as "heading|text", the
/// opening, and the 信息稿 as plain text.
fn drafted(conn: &Connection, meeting: i64) -> (Vec<String>, String, String) {
    let f = minutes::facts(conn, meeting).unwrap();
    let items = minutes::draft_items(&f)
        .into_iter()
        .map(|i| format!("{}|{}", i.heading, i.text))
        .collect();
    let news = minutes::draft_news(&f);
    let news = format!("{}\n{}", news.headline, news.paragraphs.join("\n"));
    (items, minutes::draft_opening(&f), news)
}

/// A count of nothing written out ("0家", "0份", "0名" …), which the texts must never say.
fn zero_count(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|i| {
        let lone =
            chars[i] == '0' && (i == 0 || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == '.'));
        let counted = chars
            .get(i + 1)
            .is_some_and(|c| "家份个名项位万元".contains(*c));
        (lone && counted).then(|| {
            chars[i.saturating_sub(6)..(i + 2).min(chars.len())]
                .iter()
                .collect()
        })
    })
}

fn no_zero_counts(texts: &[&str]) {
    for t in texts {
        assert_eq!(zero_count(t), None, "a zero count in:\n{t}");
    }
}

#[test]
fn the_zero_count_check_can_fail() {
    assert!(zero_count("0家爱心单位").is_some());
    assert!(zero_count("会议签署了0份协议").is_some());
    assert!(zero_count("认捐资金5000元，10家单位").is_none());
}

/// One agenda item of some kind: its title and presenter as the secretary typed them, and
/// what the texts must then say.
struct AgendaCase {
    title: &'static str,
    presenter: &'static str,
    /// The 议定事项 as "heading|text"; `None`: the item gives none.
    item: Option<&'static str>,
    /// What the opening must say (主持), when the item belongs there.
    opening: Option<&'static str>,
    /// The item's sentence is also the 信息稿's.
    in_news: bool,
}

/// The sentence of each agenda kind, with (`presenter`) and without its presenter. No
/// wildcard: a new kind does not compile until its sentence is written and tested here.
fn agenda_case(kind: AgendaKind, presenter: bool) -> AgendaCase {
    let case = |title, with: &'static str, item, opening, in_news| AgendaCase {
        title,
        presenter: if presenter { with } else { "" },
        item,
        opening,
        in_news,
    };
    match (kind, presenter) {
        (AgendaKind::Host, true) => case(
            "主持人宣布会议开始",
            "街道党工委副书记 李明",
            None,
            Some("，街道党工委副书记李明同志主持。"),
            false,
        ),
        (AgendaKind::Host, false) => case("主持人宣布会议开始", "", None, None, false),
        (AgendaKind::Address, true) => case(
            "上级领导讲话",
            "区委组织部副部长 林雅琴",
            Some("上级领导讲话|区委组织部副部长林雅琴同志出席会议并讲话。"),
            None,
            true,
        ),
        (AgendaKind::Address, false) => case(
            "上级领导讲话",
            "",
            Some("上级领导讲话|会议听取了上级领导讲话。"),
            None,
            true,
        ),
        // The issue's "会议听取了王建国所作的情况。"
        (AgendaKind::Report, true) => case(
            "通报年度区域化党建工作情况",
            "王建国",
            Some("听取年度区域化党建工作情况通报|会议听取了王建国同志关于年度区域化党建工作情况的通报。"),
            None,
            true,
        ),
        (AgendaKind::Report, false) => case(
            "通报年度区域化党建工作情况",
            "",
            Some("听取年度区域化党建工作情况通报|会议听取了关于年度区域化党建工作情况的通报。"),
            None,
            true,
        ),
        (AgendaKind::Speeches, true) => case(
            "成员单位代表交流发言",
            "海棠市第十九中学",
            Some("交流发言|海棠市第十九中学作交流发言。"),
            None,
            true,
        ),
        (AgendaKind::Speeches, false) => case(
            "成员单位代表交流发言",
            "",
            Some("交流发言|会议安排了成员单位代表交流发言。"),
            None,
            true,
        ),
        (AgendaKind::Signing, _) => case(
            "党建结对共建协议签约",
            "街道党工委书记 王建国",
            Some("签署共建协议|会议举行了党建结对共建协议签约仪式。"),
            None,
            false,
        ),
        // The usual agenda's title names the donors 爱心企业; the 纪要 does not repeat it.
        (AgendaKind::Donation, _) => case(
            "爱心企业捐赠仪式",
            "街道办事处主任 赵敏",
            Some("爱心捐赠|会议举行了爱心捐赠仪式。"),
            None,
            false,
        ),
        // The issue's "会议进行了表彰2026年度优秀共建单位"
        (AgendaKind::Award, true) => case(
            "表彰2026年度优秀共建单位",
            "区委组织部副部长 林雅琴",
            Some("表彰2026年度优秀共建单位|会议表彰了2026年度优秀共建单位，区委组织部副部长林雅琴同志颁奖。"),
            None,
            true,
        ),
        (AgendaKind::Award, false) => case(
            "表彰2026年度优秀共建单位",
            "",
            Some("表彰2026年度优秀共建单位|会议表彰了2026年度优秀共建单位。"),
            None,
            true,
        ),
        (AgendaKind::Closing, true) => case(
            "主持人总结，宣布会议结束",
            "街道党工委书记 王建国",
            Some("总结讲话|街道党工委书记王建国同志作总结讲话。"),
            None,
            true,
        ),
        (AgendaKind::Closing, false) => case("主持人总结，宣布会议结束", "", None, None, false),
        (AgendaKind::Other, true) => case(
            "研究讨论有关事项",
            "街道党建办",
            Some("研究讨论有关事项|街道党建办研究讨论了有关事项。"),
            None,
            true,
        ),
        (AgendaKind::Other, false) => case(
            "研究讨论有关事项",
            "",
            Some("研究讨论有关事项|会议研究讨论了有关事项。"),
            None,
            true,
        ),
    }
}

#[test]
fn every_agenda_kind_reads_as_a_secretary_writes_it_with_and_without_a_presenter() {
    for &kind in AgendaKind::ALL {
        for presenter in [true, false] {
            let case = agenda_case(kind, presenter);
            let what = format!(
                "{} ({})",
                kind.label(),
                if presenter {
                    "主讲人"
                } else {
                    "无主讲人"
                }
            );
            let (conn, m) = bare_meeting();
            agenda::add(
                &conn,
                m,
                &AgendaInput {
                    kind,
                    title: case.title.into(),
                    presenter_unit_id: None,
                    presenter: case.presenter.into(),
                    duration_min: 10,
                    notes: String::new(),
                },
            )
            .unwrap();
            let (items, opening, news) = drafted(&conn, m);
            assert_eq!(items, case.item.into_iter().collect::<Vec<_>>(), "{what}");
            match case.opening {
                Some(want) => assert!(opening.contains(want), "{what}: {opening}"),
                None => assert!(!opening.contains("主持"), "{what}: {opening}"),
            }
            let sentence = case.item.map(|i| i.split_once('|').unwrap().1);
            if let (true, Some(s)) = (case.in_news, sentence) {
                assert!(news.contains(s), "{what}: {news}");
            }
            for bad in [
                "所作的情况",
                "会议进行了",
                "同志同志",
                "。。",
                "爱心企业",
                " ",
            ] {
                assert!(
                    !items.iter().any(|i| i.contains(bad)) && !news.contains(bad),
                    "{what}: {bad} in {items:?} / {news}"
                );
            }
            no_zero_counts(&[&opening, &news]);
        }
    }
}

/// A member unit that joined in `joined`.
fn member(conn: &Connection, name: &str, joined: &str) -> i64 {
    unit(conn, name, "王海燕", joined)
}

#[test]
fn attendance_new_members_and_guests_read_for_none_one_and_many() {
    // (invited, signed in, of those new this year, guests signed in), then what they read.
    for (invited, signed, new, guests, opening_says, news_says) in [
        (0, 0, 0, 0, "", ""),
        (
            1,
            1,
            1,
            1,
            "会议共邀请成员单位1家，实到1家，其中新入会单位1家；1家单位列席。",
            "本次会议共邀请了辖区1家单位参加，联席会1家成员单位代表（其中新入会单位1家）出席会议，1家单位列席会议。",
        ),
        (
            3,
            3,
            0,
            0,
            "会议共邀请成员单位3家，实到3家。",
            "本次会议共邀请了辖区3家单位参加，联席会3家成员单位代表出席会议。",
        ),
        (
            6,
            5,
            3,
            2,
            "会议共邀请成员单位6家，实到5家，其中新入会单位3家；2家单位列席。",
            "本次会议共邀请了辖区6家单位参加，联席会5家成员单位代表（其中新入会单位3家）出席会议，2家单位列席会议。",
        ),
    ] {
        let (conn, m) = bare_meeting();
        let ids: Vec<i64> = (0..invited)
            .map(|k| {
                let joined = if k < new { "2026-03" } else { "2018" };
                member(&conn, &format!("海棠第{}中学", k + 1), joined)
            })
            .collect();
        if invited > 0 {
            attendance::invite(&conn, m, &InviteScope::Units(ids.clone())).unwrap();
        }
        for id in ids.iter().take(signed) {
            let i = attendance::invitee_of_unit(&conn, m, *id).unwrap();
            attendance::sign_in(&conn, i.id, at(8, 45)).unwrap();
        }
        for g in 0..guests {
            let i = attendance::add_guest(&conn, m, &format!("海棠区第{}局", g + 1), "赵六", "科长")
                .unwrap();
            attendance::sign_in(&conn, i.id, at(8, 50)).unwrap();
        }
        let (_, opening, news) = drafted(&conn, m);
        if invited == 0 {
            for absent in ["邀请", "实到", "新入会", "列席", "出席"] {
                assert!(!opening.contains(absent), "{opening}");
                assert!(!news.contains(absent), "{news}");
            }
        } else {
            assert!(opening.contains(opening_says), "{opening}");
            assert!(news.contains(news_says), "{news}");
        }
        if new == 0 {
            assert!(!opening.contains("新入会") && !news.contains("新入会"));
        }
        no_zero_counts(&[&opening, &news]);
    }
}

fn speech(conn: &Connection, m: i64, unit: i64, on_behalf: Option<i64>) {
    speeches::add(
        conn,
        m,
        &SpeechInput {
            unit_id: Some(unit),
            speaker_name: "王海燕".into(),
            speaker_title: "书记".into(),
            topic: "共建".into(),
            minutes: 5,
            on_behalf_count: on_behalf,
            on_behalf_unit_ids: Vec::new(),
            notes: String::new(),
        },
    )
    .unwrap();
}

#[test]
fn speeches_read_for_none_one_and_many() {
    let names = [
        "海棠市第十九中学",
        "海棠路小学",
        "海棠宾馆有限责任公司",
        "驻区某部队",
    ];
    for (n, behalf, want) in [
        (0, None, None),
        (1, None, Some("海棠市第十九中学作交流发言")),
        (1, Some(5), Some("海棠市第十九中学代表5家成员单位作交流发言")),
        (
            2,
            Some(3),
            Some("海棠市第十九中学、海棠路小学等2家单位代表6家成员单位作交流发言"),
        ),
        (
            4,
            Some(3),
            Some("海棠市第十九中学、海棠路小学、海棠宾馆有限责任公司等4家单位代表12家成员单位作交流发言"),
        ),
    ] {
        let (conn, m) = bare_meeting();
        for name in names.iter().take(n) {
            let u = member(&conn, name, "2018");
            speech(&conn, m, u, behalf);
        }
        let (items, _, news) = drafted(&conn, m);
        match want {
            None => {
                assert!(items.is_empty(), "{items:?}");
                assert!(!news.contains("发言"), "{news}");
            }
            Some(want) => {
                assert_eq!(items, vec![format!("交流发言|{want}。")]);
                assert!(news.contains(&format!("{want}。")), "{news}");
            }
        }
        no_zero_counts(&[&items.concat(), &news]);
    }
}

#[test]
fn agreements_signed_read_for_none_one_and_many() {
    let fonts = FontSet::bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // (agreements paired, of those printed for signing)
    for (paired, printed) in [(2usize, 0usize), (2, 1), (4, 3)] {
        let (conn, m) = bare_meeting();
        let street_unit = member(&conn, "海棠市第十九中学", "2018");
        let pairs: Vec<PairSpec> = (0..paired)
            .map(|k| PairSpec {
                party_a: PartyRef::unit(street_unit),
                party_b: PartyRef::unit(member(&conn, &format!("海棠第{}小学", k + 1), "2018")),
            })
            .collect();
        let made = agreements::pair_many(
            &conn,
            &pairs,
            &AgreementOptions {
                meeting_id: Some(m),
                ..AgreementOptions::default()
            },
        )
        .unwrap();
        let ids: Vec<i64> = made.iter().take(printed).map(|a| a.id).collect();
        if !ids.is_empty() {
            let out = dir.path().join(format!("a{paired}{printed}.pdf"));
            agreements::write_agreements_pdf(&conn, &ids, &fonts, &out, &mut |_, _| true).unwrap();
        }
        let (items, _, news) = drafted(&conn, m);
        if printed == 0 {
            // Drafts were never signed.
            assert!(items.is_empty(), "{items:?}");
            assert!(!news.contains("签署"), "{news}");
        } else {
            let list = format!("《党建结对共建协议书》{printed}份");
            assert_eq!(items, vec![format!("签署共建协议|会议签署了{list}。")]);
            assert!(news.contains(&format!("现场签署了{list}")), "{news}");
        }
        no_zero_counts(&[&items.concat(), &news]);
    }
}

#[test]
fn donations_read_for_none_one_and_many_with_donors_named_by_what_they_are() {
    let quilts = || Gift::Goods {
        item: "棉被",
        quantity: "80",
        unit: "床",
        value: Some(24_000_00),
        delivered: true,
    };
    // None.
    let (conn, m) = bare_meeting();
    let (items, _, news) = drafted(&conn, m);
    assert!(items.is_empty());
    for absent in ["捐", "爱心"] {
        assert!(!news.contains(absent), "{news}");
    }

    // One member unit in cash.
    let (conn, m) = bare_meeting();
    let u = member(&conn, "中国海洋大学", "2018");
    add_donation(&conn, m, Some(u), "", Gift::Cash(5_000_00));
    let (items, _, news) = drafted(&conn, m);
    assert_eq!(items, vec!["爱心捐赠|1家爱心单位认捐资金5000元。"]);
    assert!(
        news.contains("会议期间，1家爱心单位认捐资金5000元。"),
        "{news}"
    );

    // One private person, whose money has arrived.
    let (conn, m) = bare_meeting();
    let d = add_donation(&conn, m, None, "张伟", Gift::Cash(1_000_00));
    receive(&conn, d, 1_000_00);
    let (items, _, _) = drafted(&conn, m);
    assert_eq!(
        items,
        vec!["爱心捐赠|1名爱心人士认捐资金1000元，已全部到账。"]
    );

    // One supermarket giving goods only, not yet delivered and not valued.
    let (conn, m) = bare_meeting();
    add_donation(
        &conn,
        m,
        None,
        "惠民超市",
        Gift::Goods {
            item: "棉被",
            quantity: "80",
            unit: "床",
            value: None,
            delivered: false,
        },
    );
    let (items, _, _) = drafted(&conn, m);
    assert_eq!(items, vec!["爱心捐赠|1家爱心单位认捐物资（棉被80床）。"]);

    // Many, as in the issue: a university (a member unit), a research institute and a
    // private person gave cash, a supermarket gave 80 quilts; a withdrawn pledge is left out.
    let (conn, m) = bare_meeting();
    let school = member(&conn, "中国海洋大学", "2018");
    let first = add_donation(&conn, m, Some(school), "", Gift::Cash(50_000_00));
    add_donation(&conn, m, None, "海洋化工研究所", Gift::Cash(30_000_00));
    add_donation(&conn, m, None, "张伟", Gift::Cash(1_400_00));
    add_donation(&conn, m, None, "惠民超市", quilts());
    let gone = add_donation(&conn, m, None, "某贸易有限公司", Gift::Cash(20_000_00));
    donations::withdraw(
        &conn,
        gone,
        "企业变故",
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
    )
    .unwrap();
    let (items, _, news) = drafted(&conn, m);
    let want =
        "2家爱心单位和1名爱心人士认捐资金8.14万元，1家爱心单位捐赠物资（棉被80床，折价2.4万元）";
    assert_eq!(items, vec![format!("爱心捐赠|{want}。")]);
    assert!(news.contains(want), "{news}");
    // The amounts are the donation list's totals.
    let totals = donations::for_meeting(&conn, m).unwrap().totals;
    assert_eq!(
        (totals.cash_pledged_fen, totals.in_kind_value_fen),
        (81_400_00, 24_000_00)
    );
    // Part of it arrives.
    receive(&conn, first, 50_000_00);
    let (items, _, _) = drafted(&conn, m);
    assert_eq!(
        items,
        vec!["爱心捐赠|2家爱心单位和1名爱心人士认捐资金8.14万元，其中已到账5万元，1家爱心单位捐赠物资（棉被80床，折价2.4万元）。"]
    );
    for t in items.iter().chain([&news]) {
        assert!(!t.contains("企业"), "{t}");
    }
    no_zero_counts(&[&items.concat(), &news]);
}

/// Adds a project of meeting `m` (or of no meeting) and the claims of `units`.
fn claimed(conn: &Connection, m: Option<i64>, name: &str, units: &[i64]) {
    let p = lists::add_project(
        conn,
        &ProjectInput {
            year: Some(2026),
            name: name.into(),
            meeting_id: m,
            ..ProjectInput::default()
        },
    )
    .unwrap();
    for &u in units {
        lists::claim(
            conn,
            p.id,
            &ClaimInput {
                unit_id: u,
                ..ClaimInput::default()
            },
        )
        .unwrap();
    }
}

/// The claimants of each project (indices into the units), what the 纪要 says and what the
/// 信息稿 says.
type ClaimCase = (
    &'static [&'static [usize]],
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn claimed_projects_read_for_none_one_and_many() {
    let names = [
        "四点半课堂",
        "红色物业",
        "法律咨询进社区",
        "书香校园",
        "银发课堂",
    ];
    // (claimants per project, what the 纪要 says, what the 信息稿 says)
    let cases: [ClaimCase; 5] = [
        (&[&[]], None, None),
        (
            &[&[0]],
            Some("八大关小学认领了共建项目“四点半课堂”。"),
            Some("八大关小学认领了共建项目“四点半课堂”。"),
        ),
        (
            &[&[0], &[0]],
            Some("八大关小学认领共建项目2个：“四点半课堂”“红色物业”。"),
            Some("八大关小学认领共建项目2个，分别为“四点半课堂”“红色物业”。"),
        ),
        (
            &[&[0, 1, 2]],
            Some("3家单位共同认领了共建项目“四点半课堂”。"),
            Some("3家单位共同认领了共建项目“四点半课堂”。"),
        ),
        // The issue's "2家单位认领2个" where 7 units claimed 5 projects.
        (
            &[&[0, 1], &[2], &[3, 4], &[5], &[6, 0]],
            Some("7家单位认领共建项目5个：“四点半课堂”“红色物业”“法律咨询进社区”“书香校园”“银发课堂”。"),
            Some("7家单位认领共建项目5个，分别为“四点半课堂”“红色物业”“法律咨询进社区”“书香校园”“银发课堂”。"),
        ),
    ];
    for (claims, minutes_says, news_says) in cases {
        let (conn, m) = bare_meeting();
        let units: Vec<i64> = [
            "八大关小学",
            "中国海洋大学",
            "海洋化工研究所",
            "八大关派出所",
            "中国银行八大关支行",
            "八大关社区卫生服务中心",
            "青岛啤酒股份有限公司",
        ]
        .iter()
        .map(|n| member(&conn, n, "2018"))
        .collect();
        for (k, who) in claims.iter().enumerate() {
            let ids: Vec<i64> = who.iter().map(|&i| units[i]).collect();
            claimed(&conn, Some(m), names[k], &ids);
        }
        // Claimed outside the meeting: not the meeting's.
        claimed(&conn, None, "年度之外的项目", &[units[6]]);
        let (items, _, news) = drafted(&conn, m);
        match (minutes_says, news_says) {
            (Some(ms), Some(ns)) => {
                assert_eq!(items, vec![format!("认领共建项目|{ms}")]);
                assert!(news.contains(ns.trim_end_matches('。')), "{news}");
            }
            _ => {
                assert!(items.is_empty(), "{items:?}");
                assert!(!news.contains("认领"), "{news}");
            }
        }
        // The counts are those of the meeting's projects as the lists' store gives them.
        let listed = lists::list_projects(
            &conn,
            &lists::ProjectFilter {
                meeting_id: Some(m),
                ..Default::default()
            },
        )
        .unwrap();
        let mut claimants: Vec<i64> = listed
            .iter()
            .flat_map(|p| p.claims.iter().map(|c| c.unit_id))
            .collect();
        claimants.sort_unstable();
        claimants.dedup();
        let f = minutes::facts(&conn, m).unwrap();
        let want = (!claimants.is_empty()).then(|| {
            (
                claimants.len() as i64,
                listed.iter().filter(|p| !p.claims.is_empty()).count() as i64,
            )
        });
        assert_eq!(f.projects.map(|p| (p.units, p.projects)), want);
        no_zero_counts(&[&items.concat(), &news]);
    }
}
