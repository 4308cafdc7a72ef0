//! Meetings on real data: schedules, seating, copy_from, invitations and counts. Their printed
//! pack is `meetings_print`.

use chrono::NaiveTime;
use lianxi::meetings::agenda::{self, schedule, AgendaInput, AgendaKind};
use lianxi::meetings::attendance::{self, InviteScope, Reply};
use lianxi::meetings::seating::{audience_order, platform_order, EvenRule};
use lianxi::meetings::{self, speeches, MeetingStatus};
use lianxi::units::UnitCategory;
use rusqlite::Connection;

type Slot = (NaiveTime, NaiveTime);
type Step<'a> = (
    Box<dyn Fn(&Connection) + 'a>,
    Vec<(&'a str, NaiveTime, NaiveTime)>,
);

pub(crate) fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

pub(crate) fn demo() -> Connection {
    let mut conn = lianxi::db::open_in_memory().unwrap();
    lianxi::demo::load(&mut conn).unwrap();
    conn
}

pub(crate) fn ids(conn: &Connection) -> (i64, i64) {
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

pub(crate) fn input(kind: AgendaKind, title: &str, minutes: i64) -> AgendaInput {
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
