//! A meeting's status follows what happened, from an empty database: its day passed with
//! sign-ins → 已召开; a day passed without any → the secretary says which (标记已召开 or
//! 取消会议); a copy for next year (以上一次会议为蓝本, undated) is 筹备中. The year's archive
//! and numbers hold only the meetings that took place, plus what the secretary adds.

use crate::cli;

use std::path::Path;

use crate::cli::argv;
use chrono::{Datelike, Duration, NaiveDate};
use cli::{empty_db, json, ok, refused, set_street};
use lianxi::meetings::{self, judge, MeetingStatus, StatusAction};

const ROSTER: &str = "单位名称,所属社区,党组织书记,联系人,联系电话\n\
八大关小学,太平角社区,陈校长,吴老师,13805320101\n\
汇泉湾邮政支局,汇泉湾社区,褚局长,卫主任,13805320103\n";

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn create(db: &Path, title: &str, date: Option<NaiveDate>) -> String {
    let mut args = vec![
        "meeting".to_string(),
        "create".into(),
        "--title".into(),
        title.into(),
        "--kind".into(),
        "年会".into(),
        "--theme".into(),
        "六联共建聚合力".into(),
    ];
    if let Some(d) = date {
        args.extend(["--date".into(), day(d)]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(db, &args).trim().to_owned()
}

fn status(db: &Path, m: &str) -> serde_json::Value {
    json(db, &argv!["meeting status --meeting", m, "--json"])
}

fn actions(v: &serde_json::Value) -> Vec<String> {
    v["status_actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_owned())
        .collect()
}

/// The rule as a table: (decision, days from today, sign-ins) → (status, actions).
#[test]
fn the_status_rule() {
    use MeetingStatus::*;
    use StatusAction::*;
    let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let check = |decision, offset: Option<i64>, signed, want, acts: &[StatusAction]| {
        let date = offset.map(|d| today + Duration::days(d));
        let j = judge(decision, date, signed, today);
        assert_eq!(
            (j.status, j.actions.as_slice()),
            (want, acts),
            "{decision:?} {offset:?} {signed}"
        );
        assert!(j.note.ends_with('。'), "{}", j.note);
    };
    check(Preparing, Some(-10), 12, Held, &[Archive]);
    check(Preparing, Some(0), 1, Held, &[Archive]);
    // Signed in early, the day still to come: not yet.
    check(Preparing, Some(3), 5, Preparing, &[Cancel]);
    check(Preparing, None, 5, Preparing, &[Cancel]);
    check(Preparing, Some(-10), 0, Preparing, &[MarkHeld, Cancel]);
    check(Preparing, Some(0), 0, Preparing, &[MarkHeld, Cancel]);
    check(Held, Some(-10), 0, Held, &[Archive, UnmarkHeld]);
    check(Cancelled, Some(-10), 0, Cancelled, &[Restore]);
    // The facts outweigh a cancel made before the sign-ins were recorded.
    check(Cancelled, Some(-10), 3, Held, &[Archive]);
    check(Archived, Some(-10), 3, Archived, &[Unarchive]);
    let j = judge(Preparing, Some(today - Duration::days(10)), 0, today);
    assert!(
        j.note.contains("2026年11月25日")
            && j.note.contains("标记已召开")
            && j.note.contains("取消会议"),
        "{}",
        j.note
    );
}

#[test]
fn a_meeting_that_took_place_is_held_and_only_such_meetings_are_archived_and_counted() {
    let (dir, db) = empty_db();
    set_street(&db);
    let roster = dir.path().join("名册.csv");
    std::fs::write(&roster, ROSTER).unwrap();
    ok(&db, &argv!["roster import", roster.to_str().unwrap()]);
    let today = chrono::Local::now().date_naive();
    let past = today - Duration::days(7);
    let year = past.year();

    // The year's meeting: its day has passed; no sign-in yet, so the app asks.
    let held = create(&db, "年会（已召开）", Some(past));
    ok(&db, &argv!["meeting invite --meeting", &held, "--all"]);
    let s = status(&db, &held);
    assert_eq!(s["status"], "筹备中");
    assert_eq!(actions(&s), ["标记已召开", "取消会议"]);
    assert!(s["status_note"].as_str().unwrap().contains("已过"), "{s}");
    // The sign-in settles it: 已召开, and it cannot be cancelled any more.
    ok(
        &db,
        &argv!["meeting signin --meeting", &held, "--unit 八大关小学"],
    );
    let s = status(&db, &held);
    assert_eq!(s["status"], "已召开");
    assert_eq!(actions(&s), ["标记已归档"]);
    let err = refused(&db, &argv!["meeting status --meeting", &held, "--cancel"]);
    assert!(err.contains("不能“取消会议”"), "{err}");
    let text = ok(&db, &argv!["meeting status --meeting", &held]);
    assert!(
        text.contains("已召开") && text.contains("1 家单位签到"),
        "{text}"
    );

    // Next year's, copied from it: undated, 筹备中, its theme carried over.
    let copy = ok(
        &db,
        &argv!["meeting copy --from", &held, "--title 下一年年会"],
    )
    .trim()
    .to_owned();
    let c = status(&db, &copy);
    assert_eq!(c["status"], "筹备中");
    assert_eq!(c["date"], serde_json::Value::Null);
    assert_eq!(c["theme"], "六联共建聚合力");
    let err = refused(&db, &argv!["meeting status --meeting", &copy, "--held"]);
    assert!(err.contains("还没有填写日期"), "{err}");

    // A quarterly meeting that did not take place: the secretary cancels it.
    let cancelled = create(&db, "季度会（未召开）", Some(past - Duration::days(1)));
    let s = json(
        &db,
        &argv!["meeting status --meeting", &cancelled, "--cancel --json"],
    );
    assert_eq!(s["status"], "已取消");
    assert_eq!(actions(&s), ["恢复会议"]);
    // One whose day has passed without a sign-in sheet: marked 已召开 by hand, then undone.
    let marked = create(&db, "碰头会（未登记签到）", Some(past - Duration::days(2)));
    let s = json(
        &db,
        &argv!["meeting status --meeting", &marked, "--held --json"],
    );
    assert_eq!(s["status"], "已召开");
    let s = json(
        &db,
        &argv!["meeting status --meeting", &marked, "--undo --json"],
    );
    assert_eq!(s["status"], "筹备中");
    // A day still to come cannot be marked 已召开.
    let future = create(&db, "下月推进会", Some(today + Duration::days(30)));
    let err = refused(&db, &argv!["meeting status --meeting", &future, "--held"]);
    assert!(err.contains("还没到"), "{err}");

    // Only the meeting that took place counts in the year.
    let conn = lianxi::db::open(&db).unwrap();
    let held_id: i64 = held.parse().unwrap();
    let ids: Vec<i64> = meetings::held_in_year(&conn, year)
        .unwrap()
        .iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(ids, [held_id]);
    let stats = json(&db, &argv!["stats --year", &year.to_string(), "--json"]);
    let titles: Vec<&str> = stats["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["年会（已召开）"]);
    let choice = lianxi::archive::archive_meetings(&conn, year).unwrap();
    assert_eq!(
        choice.included.iter().map(|m| m.id).collect::<Vec<_>>(),
        [held_id]
    );
    assert!(choice.optional.iter().any(|m| m.id.to_string() == copy));
    drop(conn);

    // The archive files the meeting that took place, and nothing of the copy or the others.
    let out = dir.path().join("归档");
    let printed = ok(
        &db,
        &argv![
            "archive --year",
            &year.to_string(),
            "-o",
            out.to_str().unwrap()
        ],
    );
    assert!(printed.contains("归档会议：年会（已召开）"), "{printed}");
    assert!(
        printed.contains("未归档的会议（筹备中；需要时用 --add-meeting"),
        "{printed}"
    );
    let meeting_dirs: Vec<String> = std::fs::read_dir(out.join("会议"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(meeting_dirs, [format!("{} 年会（已召开）", day(past))]);
    let manifest = std::fs::read_to_string(out.join("manifest.csv")).unwrap();
    for other in ["下一年年会", "季度会（未召开）", "碰头会", "下月推进会"] {
        assert!(
            !manifest.contains(other),
            "{other} was archived:\n{manifest}"
        );
    }
    // What the secretary adds explicitly is filed too (the copy has its invitations).
    let out2 = dir.path().join("归档（加入下一年年会）");
    ok(
        &db,
        &argv![
            "archive --year",
            &year.to_string(),
            "-o",
            out2.to_str().unwrap(),
            "--add-meeting",
            &copy
        ],
    );
    let manifest = std::fs::read_to_string(out2.join("manifest.csv")).unwrap();
    assert!(manifest.contains("下一年年会邀请函"), "{manifest}");
    assert!(!manifest.contains("季度会（未召开）"), "{manifest}");
}
