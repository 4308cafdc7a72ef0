//! The 纪要 and the 信息稿: a meeting built from scratch (street, units, invitations, replies,
//! sign-ins incl. a delegate, a 请假, a guest and a late sign-in, agenda, speeches, agreements,
//! donations, projects claimed through the lists' store) and the demo's 2025 meeting as sample
//! data. The lists equal the attendance data, the numbers in the texts equal the data's counts,
//! finalised text stays. The helpers here are shared with `minutes_print.rs` (the PDF read
//! back with the 出席 lines hanging after the colon) and `minutes_draft.rs` (every drafted
//! sentence against the data).

// Amounts in fen are written yuan_fen (10_000_00 is ¥10,000.00), as in money.rs.
#![allow(clippy::inconsistent_digit_grouping)]

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

pub(crate) fn at(h: u32, m: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 9, 25)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

pub(crate) fn unit(conn: &Connection, name: &str, secretary: &str, joined: &str) -> i64 {
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
pub(crate) fn add_donation(
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
pub(crate) enum Gift {
    Cash(i64),
    Goods {
        item: &'static str,
        quantity: &'static str,
        unit: &'static str,
        value: Option<i64>,
        delivered: bool,
    },
}

/// A cash pledge of `fen` by `donor` (not a member unit) at the meeting, withdrawn on
/// 2026-10-01 (企业变故): no text may count it.
pub(crate) fn withdrawn_pledge(conn: &Connection, meeting: i64, donor: &str, fen: i64) {
    let gone = add_donation(conn, meeting, None, donor, Gift::Cash(fen));
    donations::withdraw(
        conn,
        gone,
        "企业变故",
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
    )
    .unwrap();
}

/// Money arriving against a pledge.
pub(crate) fn receive(conn: &Connection, donation: i64, fen: i64) {
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

pub(crate) struct Scratch {
    pub(crate) conn: Connection,
    pub(crate) meeting: i64,
    /// Unit names in invitation order.
    pub(crate) names: Vec<&'static str>,
    pub(crate) late: i64,
}

pub(crate) const UNITS: [(&str, &str, &str); 7] = [
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
pub(crate) fn scratch() -> Scratch {
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
    withdrawn_pledge(&conn, m.id, "撤回的认捐方", 50_000_00);
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

pub(crate) fn unit_names(list: &[minutes::Attendee]) -> Vec<&str> {
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
