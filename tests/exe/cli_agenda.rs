//! A meeting's agenda written from the command line, from an empty database: `meeting agenda
//! add|list` (kinds by their Chinese labels, times from the meeting's start time), the agenda
//! PDF read back, and bad input refused in Chinese with the database left byte-identical.

use crate::cli;
use crate::poppler;

use crate::cli::argv;
use cli::{empty_db, json, ok, refused, set_street};
use lianxi::meetings::agenda::AgendaKind;
use poppler::{squeeze, tool};
use serde_json::Value;

const TITLE: &str = "八大关街道区域化党建联席会2026年年会";

/// An empty database with the street named and one meeting starting at 14:30; returns its id.
fn street_and_meeting() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let (dir, db) = empty_db();
    set_street(&db);
    let meeting = argv![
        "meeting create --title",
        TITLE,
        "--kind 年会 --date 2026-09-21 --time 14:30 --venue",
        "街道三楼会议室"
    ];
    let m = ok(&db, &meeting).trim().to_owned();
    (dir, db, m)
}

fn add(db: &std::path::Path, meeting: &str, kind: &str, title: &str, minutes: &str) -> String {
    let args = argv![
        "meeting agenda add --meeting",
        meeting,
        "--kind",
        kind,
        "--title",
        title,
        "--minutes",
        minutes
    ];
    ok(db, &args).trim().to_owned()
}

/// (kind, title, presenter, minutes, start) of each item, as `agenda list --json` gives them.
fn rows(list: &Value) -> Vec<(String, String, String, i64, String)> {
    list.as_array()
        .expect("a JSON array")
        .iter()
        .map(|i| {
            (
                i["kind"].as_str().unwrap_or_default().to_owned(),
                i["title"].as_str().unwrap_or_default().to_owned(),
                i["presenter"].as_str().unwrap_or_default().to_owned(),
                i["duration_min"].as_i64().unwrap_or(-1),
                i["start"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn an_agenda_is_written_item_by_item_from_an_empty_database() {
    let (dir, db, m) = street_and_meeting();
    let m = m.as_str();

    // A new meeting starts with no agenda.
    assert_eq!(
        json(&db, &argv!["meeting agenda list --meeting", m, "--json"]),
        Value::Array(vec![])
    );
    let out = ok(&db, &argv!["meeting agenda list --meeting", m]);
    assert!(out.contains(&format!("会议“{TITLE}”还没有议程")), "{out}");

    // The items a secretary writes, each appended; the id is printed.
    let args = argv![
        "meeting agenda add --meeting",
        m,
        "--kind 主持开场 --title 主持人宣布开会，介绍出席领导和嘉宾 --minutes",
        "5 --speaker",
        ("街道党工委副书记 周𠮷珺")
    ];
    let first = ok(&db, &args).trim().to_owned();
    assert!(first.parse::<i64>().is_ok(), "prints the id: {first:?}");
    add(
        &db,
        m,
        "工作报告",
        "街道党工委书记作年度区域化党建工作报告",
        "20",
    );
    // By the meeting's title, with a blank title: the kind's label is the title.
    add(&db, TITLE, " 交流发言 ", "", "18");
    let args = argv![
        "meeting agenda add --meeting",
        m,
        "--kind 领导讲话 --title 区委组织部领导讲话 --minutes 15",
        "--json"
    ];
    let last = json(&db, &args);
    assert_eq!(last["kind"], "领导讲话");
    assert_eq!(last["position"], 4);
    assert_eq!(last["start"], "15:13:00");
    assert_eq!(last["end"], "15:28:00");

    let list = json(&db, &argv!["meeting agenda list --meeting", m, "--json"]);
    let want = [
        (
            "主持开场",
            "主持人宣布开会，介绍出席领导和嘉宾",
            "街道党工委副书记 周𠮷珺",
            5,
            "14:30:00",
        ),
        (
            "工作报告",
            "街道党工委书记作年度区域化党建工作报告",
            "",
            20,
            "14:35:00",
        ),
        ("交流发言", "交流发言", "", 18, "14:55:00"),
        ("领导讲话", "区委组织部领导讲话", "", 15, "15:13:00"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(k, t, p, n, s)| ((*k).into(), (*t).into(), (*p).into(), *n, (*s).into()))
        .collect();
    assert_eq!(rows(&list), want);
    // The same agenda is the meeting's, as `meeting show` and the text list give it.
    assert_eq!(
        json(&db, &argv!["meeting show", m, "--json"])["agenda"],
        list
    );
    let text = ok(&db, &argv!["meeting agenda list --meeting", m]);
    assert!(
        text.contains("1\t14:30—14:35\t主持开场\t主持人宣布开会"),
        "{text}"
    );
    assert!(
        text.contains("4\t15:13—15:28\t领导讲话\t区委组织部领导讲话"),
        "{text}"
    );

    // The printed agenda has every item at its time, the rare characters included.
    let pdf = dir.path().join("议程.pdf");
    let pdf = pdf.to_str().expect("a UTF-8 path");
    ok(&db, &argv!["print agenda --meeting", m, "-o", pdf]);
    // -raw: in the order drawn, so a table cell's wrapped lines stay together.
    let printed = squeeze(&tool("pdftotext", &["-raw", pdf, "-"]));
    for w in [
        TITLE,
        "14:30—14:35",
        "主持人宣布开会，介绍出席领导和嘉宾",
        "周𠮷珺",
        "15:13—15:28",
        "区委组织部领导讲话",
    ] {
        assert!(
            printed.contains(&squeeze(w)),
            "the agenda PDF lacks {w}: {printed}"
        );
    }
}

#[test]
fn bad_kinds_lengths_and_meetings_are_refused_in_chinese_and_change_nothing() {
    let (_dir, db, m) = street_and_meeting();
    let m = m.as_str();
    add(&db, m, "主持开场", "主持人宣布开会", "5");
    let before = std::fs::read(&db).expect("the database file");

    let with = |kind: &str, minutes: &str, meeting: &str| {
        let minutes = format!("--minutes={minutes}");
        let args = argv![
            "meeting agenda add --meeting",
            meeting,
            "--kind",
            kind,
            "--title 茶歇",
            &minutes
        ];
        refused(&db, &args)
    };
    let err = with("茶歇", "10", m);
    assert!(err.contains("没有“茶歇”这种议程类型"), "{err}");
    for kind in AgendaKind::ALL {
        assert!(err.contains(kind.label()), "{kind:?} not listed: {err}");
    }
    for minutes in ["-5", "1441"] {
        let err = with("其他", minutes, m);
        assert!(
            err.contains("议程时长应在 0 到 1440 分钟之间"),
            "{minutes}: {err}"
        );
    }
    let err = with("其他", "10", "99");
    assert!(err.contains("找不到会议（编号 99）"), "{err}");
    let err = refused(&db, &argv!["meeting agenda list --meeting 2027年年会"]);
    assert!(err.contains("2027年年会"), "{err}");

    assert_eq!(
        std::fs::read(&db).expect("the database file"),
        before,
        "nothing changed"
    );
    let list = json(&db, &argv!["meeting agenda list --meeting", m, "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
}

/// A first-year secretary's new meeting gets the usual agenda of its kind in one step, the
/// work report given by the street's 书记, with times from the start; it is refused once the
/// meeting has an agenda, and it prints.
#[test]
fn a_new_meeting_gets_the_usual_agenda_of_its_kind_once() {
    let (dir, db, m) = street_and_meeting();
    let m = m.as_str();
    let items = json(&db, &argv!["meeting agenda usual --meeting", m, "--json"]);
    let got = rows(&items);
    let kinds: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "主持开场",
            "工作报告",
            "交流发言",
            "协议签约",
            "捐赠仪式",
            "领导讲话",
            "总结讲话"
        ],
        "the annual meeting's usual agenda"
    );
    assert_eq!(got[1].2, "王海", "the street's leader gives the report");
    assert_eq!(got[0].4, "14:30:00");
    assert_eq!(got[1].4, "14:35:00", "times follow from the start");
    let total: i64 = got.iter().map(|r| r.3).sum();
    assert_eq!(total, 95);

    // A second click adds nothing.
    let before = std::fs::read(&db).expect("the database file");
    let err = refused(&db, &argv!["meeting agenda usual --meeting", m]);
    assert!(err.contains("已有 7 项议程"), "{err}");
    assert_eq!(std::fs::read(&db).expect("the database file"), before);

    // A 季度会 gets a shorter one, without signing or donations.
    let quarterly = ok(
        &db,
        &argv!["meeting create --title 2026年第三季度联席会 --kind 季度会"],
    )
    .trim()
    .to_owned();
    let q = rows(&json(
        &db,
        &argv!["meeting agenda usual --meeting", &quarterly, "--json"],
    ));
    assert_eq!(q.len(), 5);
    assert!(
        q.iter().all(|r| r.0 != "协议签约" && r.0 != "捐赠仪式"),
        "{q:?}"
    );

    // The agenda prints with every item at its time.
    let pdf = dir.path().join("议程.pdf");
    ok(
        &db,
        &argv!["print agenda --meeting", m, "-o", pdf.to_str().unwrap()],
    );
    let text = squeeze(&tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]));
    for want in [
        "14:30",
        "主持人宣布会议开始",
        "通报年度区域化党建工作情况",
        "王海",
        "16:05",
    ] {
        assert!(text.contains(want), "{want} missing: {text}");
    }
}
