//! Every drafted sentence of the 纪要 and the 信息稿 against the data (split from
//! `minutes.rs`): each agenda kind with and without its presenter, and each fact for none, one
//! and many.

// Amounts in fen are written yuan_fen (10_000_00 is ¥10,000.00), as in money.rs.
#![allow(clippy::inconsistent_digit_grouping)]

use crate::minutes::{add_donation, at, receive, unit, withdrawn_pledge, Gift};
use chrono::NaiveDate;
use lianxi::agreements::{self, AgreementOptions, PairSpec, PartyRef};
use lianxi::donations;
use lianxi::lists::{self, ClaimInput, ProjectInput};
use lianxi::meetings::agenda::{self, AgendaInput, AgendaKind};
use lianxi::meetings::attendance::{self, InviteScope};
use lianxi::meetings::speeches::{self, SpeechInput};
use lianxi::meetings::{self, MeetingInput, MeetingKind};
use lianxi::minutes;
use lianxi::print::FontSet;
use lianxi::street::{self, StreetProfile};
use rusqlite::Connection;

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
        // The "会议听取了王建国所作的情况。"
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
        // The "会议进行了表彰2026年度优秀共建单位"
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
    withdrawn_pledge(&conn, m, "某贸易有限公司", 20_000_00);
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
        // The "2家单位认领2个" where 7 units claimed 5 projects.
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
