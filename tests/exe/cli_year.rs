//! The meeting year run from a script: from an empty database, import a roster, create a
//! meeting, invite, record replies and a sign-in, all by the names a user types.

use crate::cli;

use cli::{ok, refused};
use std::path::Path;

use crate::cli::argv;
use lianxi::meetings::MeetingKind;
use serde_json::Value;

const ROSTER: &str = "单位名称,简称,单位类别,所属社区,分会,联系人,联系电话\n\
海棠市第十九中学,十九中,学校,海棠社区,学校分会,王老师,13800000001\n\
海棠路小学,,学校,海棠社区,学校分会,李老师,13800000002\n\
青岛啤酒（集团）有限公司,青啤,企业,青山社区,企业分会,赵经理,13800000003\n\
海棠宾馆有限责任公司,,企业,青山社区,企业分会,孙经理,13800000004\n\
驻区某部队,,部队,海棠社区,部队分会,周干事,13800000005\n";

/// A fresh database with the roster imported.
fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let roster = dir.path().join("名册.csv");
    std::fs::write(&roster, ROSTER).unwrap();
    let info: Value = serde_json::from_str(&ok(&db, &argv!["info --json"])).unwrap();
    assert_eq!(info["unit_count"], 0, "starts empty");
    ok(&db, &argv!["roster import", roster.to_str().unwrap()]);
    (dir, db)
}

fn create_annual(db: &Path) -> String {
    let id = ok(
        db,
        &argv![
            "meeting create --title 2026年联席会年会 --kind 年会",
            "--date 2026-09-21 --time 14:30 --venue 街道三楼会议室",
            "--theme",
            ("共驻共建 共享共治")
        ],
    );
    let id = id.trim().to_owned();
    assert!(id.parse::<i64>().is_ok(), "prints the id: {id:?}");
    id
}

fn invitee<'a>(detail: &'a Value, name: &str) -> &'a Value {
    detail["invitees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == name)
        .unwrap_or_else(|| panic!("{name} not invited"))
}

#[test]
fn the_year_from_an_empty_database() {
    let (_dir, db) = setup();
    let id = create_annual(&db);
    let m = id.as_str();

    let out = ok(&db, &argv!["meeting invite --meeting", m, "--branch 学校"]);
    assert!(out.contains("学校分会") && out.contains(" 2 家"), "{out}");
    let out = ok(&db, &argv!["meeting invite --meeting", m, "--all"]);
    assert!(out.contains(" 3 家"), "{out}");
    let out = ok(&db, &argv!["meeting invite --meeting", m, "--all"]);
    assert!(out.contains(" 0 家"), "inviting twice adds nobody: {out}");

    let out = ok(
        &db,
        &argv!["meeting reply --meeting", m, "--unit 海棠路小学 --leave"],
    );
    assert!(out.contains("海棠路小学 请假"), "{out}");
    // By its short name.
    let out = ok(
        &db,
        &argv!["meeting reply --meeting", m, "--unit 青啤 --delegate 张三"],
    );
    assert!(out.contains("委派他人（张三）"), "{out}");
    // By a unique part of its name.
    ok(
        &db,
        &argv!["meeting reply --meeting", m, "--unit 部队 --confirm"],
    );
    // Half-width brackets and spaces, as typed on a Latin keyboard.
    let out = ok(
        &db,
        &argv![
            "meeting signin --meeting",
            m,
            "--unit",
            ("青岛啤酒 (集团) 有限公司")
        ],
    );
    assert!(out.contains("已签到：青岛啤酒（集团）有限公司"), "{out}");

    let detail: Value =
        serde_json::from_str(&ok(&db, &argv!["meeting show", m, "--json"])).unwrap();
    let meeting = &detail["meeting"];
    assert_eq!(meeting["title"], "2026年联席会年会");
    assert_eq!(meeting["kind"], "年会");
    assert_eq!(meeting["date"], "2026-09-21");
    assert!(
        meeting["start_time"].as_str().unwrap().starts_with("14:30"),
        "{meeting}"
    );
    assert_eq!(meeting["venue"], "街道三楼会议室");
    assert_eq!(meeting["theme"], "共驻共建 共享共治");

    assert_eq!(detail["invitees"].as_array().unwrap().len(), 5);
    let first_two: Vec<&str> = detail["invitees"].as_array().unwrap()[..2]
        .iter()
        .map(|i| i["branch"].as_str().unwrap())
        .collect();
    assert_eq!(first_two, ["学校分会", "学校分会"], "the branch came first");
    let expect = [
        ("海棠市第十九中学", "待回复", "", false),
        ("海棠路小学", "请假", "", false),
        ("青岛啤酒（集团）有限公司", "委派他人", "张三", true),
        ("海棠宾馆有限责任公司", "待回复", "", false),
        ("驻区某部队", "确认参会", "", false),
    ];
    for (name, reply, substitute, signed) in expect {
        let i = invitee(&detail, name);
        assert_eq!(i["reply"], reply, "{name}");
        assert_eq!(i["substitute_name"], substitute, "{name}");
        assert_eq!(!i["signed_in_at"].is_null(), signed, "{name}");
    }
    let c = &detail["counts"];
    assert_eq!(
        [
            &c["expected"],
            &c["present"],
            &c["leave"],
            &c["delegated"],
            &c["confirmed"],
            &c["pending"]
        ],
        [5, 1, 1, 1, 1, 2]
    );

    // Signing in again keeps the first time.
    let first = invitee(&detail, "青岛啤酒（集团）有限公司")["signed_in_at"].clone();
    let out = ok(&db, &argv!["meeting signin --meeting", m, "--unit 青啤"]);
    assert!(out.contains("保留首次签到时间"), "{out}");
    let again: Value = serde_json::from_str(&ok(&db, &argv!["meeting show", m, "--json"])).unwrap();
    assert_eq!(
        invitee(&again, "青岛啤酒（集团）有限公司")["signed_in_at"],
        first
    );

    // A meeting by its title; a community by its name; only those units are invited.
    let out = ok(
        &db,
        &argv!["meeting create --title 第三季度会 --kind 季度会 --json"],
    );
    let q: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(q["kind"], "季度会");
    assert_eq!(q["date"], Value::Null);
    let out = ok(
        &db,
        &argv!["meeting invite --meeting 第三季度会 --community 青山社区"],
    );
    assert!(out.contains(" 2 家"), "{out}");
    let err = refused(
        &db,
        &argv!["meeting signin --meeting 第三季度会 --unit 海棠路小学"],
    );
    assert!(
        err.contains("“海棠路小学”不在会议“第三季度会”的邀请名单中"),
        "{err}"
    );
}

#[test]
fn names_that_match_nothing_or_several_are_refused_with_candidates() {
    let (_dir, db) = setup();
    let id = create_annual(&db);
    let m = id.as_str();
    ok(&db, &argv!["meeting invite --meeting", m, "--all"]);
    let before = ok(&db, &argv!["meeting show", m, "--json"]);

    let err = refused(
        &db,
        &argv!["meeting reply --meeting", m, "--unit 海棠中学 --leave"],
    );
    assert!(err.starts_with("错误："), "{err}");
    assert!(
        err.contains("找不到名为“海棠中学”的成员单位。相近的有：海棠市第十九中学、海棠路小学"),
        "{err}"
    );

    let err = refused(&db, &argv!["meeting signin --meeting", m, "--unit 海棠"]);
    assert!(
        err.contains(
            "“海棠”对应多家成员单位：海棠路小学、海棠市第十九中学、海棠宾馆有限责任公司。请写出完整名称。"
        ),
        "{err}"
    );

    let err = refused(
        &db,
        &argv!["meeting invite --meeting", m, "--branch 机关分会"],
    );
    assert!(
        err.contains("找不到名为“机关分会”的分会。相近的有："),
        "{err}"
    );
    let err = refused(
        &db,
        &argv!["meeting invite --meeting", m, "--community 社区"],
    );
    assert!(err.contains("“社区”对应多个社区"), "{err}");
    let err = refused(&db, &argv!["meeting invite --meeting 99 --all"]);
    assert!(err.contains("找不到会议（编号 99）"), "{err}");

    assert_eq!(
        ok(&db, &argv!["meeting show", m, "--json"]),
        before,
        "nothing changed"
    );
}

#[test]
fn bad_kind_date_and_time_are_refused_in_chinese() {
    let (_dir, db) = setup();
    let create = |extra: &[&str]| {
        let mut args = vec!["meeting", "create", "--title", "年会"];
        args.extend_from_slice(extra);
        refused(&db, &args)
    };

    let err = create(&["--kind", "座谈会"]);
    assert!(err.contains("没有“座谈会”这种会议类型"), "{err}");
    for kind in MeetingKind::ALL {
        assert!(err.contains(kind.label()), "{kind:?} not listed: {err}");
    }
    let err = create(&["--kind", "年会", "--date", "2026-02-30"]);
    assert!(err.contains("“2026-02-30”不是有效的日期"), "{err}");
    let err = create(&["--kind", "年会", "--time", "25:00"]);
    assert!(err.contains("“25:00”不是有效的时间"), "{err}");

    assert_eq!(ok(&db, &argv!["meeting list --json"]).trim(), "[]");
}
