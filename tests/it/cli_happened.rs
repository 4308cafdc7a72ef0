//! What happened at a meeting, stated from the command line from an empty database: the
//! 主持人 and 记录人 (`meeting create|set --chair --recorder`), the 交流发言 (`meeting speech
//! add|list|remove`), sign-in times as they were (`meeting signin --at`), and a project made
//! from a need at the meeting (`projects from-need --meeting`); then the 纪要 and the year's
//! archive (签到情况, 发言顺序) read back. Bad sign-in times are refused in Chinese, the
//! database left byte-identical.

use crate::cli;
use crate::poppler;

use crate::cli::argv;
use cli::{empty_db, json, ok, refused, set_street};
use poppler::{squeeze, tool};
use serde_json::Value;
use std::path::Path;

const ROSTER: &str = "单位名称,简称,单位类别,联系人,联系电话\n\
海棠市第十九中学,十九中,学校,王老师,13800000001\n\
青岛啤酒（集团）有限公司,青啤,企业,赵经理,13800000002\n\
海棠宾馆有限责任公司,,企业,孙经理,13800000003\n\
驻区某部队,,部队,周干事,13800000004\n";

/// A day long past, so the meeting has taken place whatever the clock says.
const DAY: &str = "2025-09-20";
const TITLE: &str = "2025年联席会年会";

/// An empty database with the street, the roster and a dated meeting with every unit invited;
/// returns the folder, the database and the meeting's id.
fn street_roster_meeting() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let (dir, db) = empty_db();
    set_street(&db);
    let roster = dir.path().join("名册.csv");
    std::fs::write(&roster, ROSTER).unwrap();
    ok(&db, &argv!["roster import", roster.to_str().unwrap()]);
    let create = argv![
        "meeting create --title",
        TITLE,
        "--kind 年会 --date",
        DAY,
        "--time 09:00 --venue 街道三楼会议室 --chair",
        ("街道党工委副书记 周立新"),
        "--recorder 吴婷婷"
    ];
    let m = ok(&db, &create).trim().to_owned();
    ok(&db, &argv!["meeting invite --meeting", &m, "--all"]);
    (dir, db, m)
}

fn show(db: &Path, m: &str) -> Value {
    json(db, &argv!["meeting show", m, "--json"])
}

fn signed_in_at(detail: &Value, name: &str) -> Value {
    detail["invitees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == name)
        .unwrap_or_else(|| panic!("{name} not invited"))["signed_in_at"]
        .clone()
}

fn pdf_text(pdf: &Path) -> String {
    squeeze(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]))
}

#[test]
fn what_happened_is_stated_from_an_empty_database() {
    let (dir, db, m) = street_roster_meeting();
    let m = m.as_str();

    // 主持人 and 记录人 from `create`; `set` changes only what it is given.
    let meeting = &show(&db, m)["meeting"];
    assert_eq!(meeting["chair"], "街道党工委副书记 周立新");
    assert_eq!(meeting["recorder"], "吴婷婷");
    let out = ok(&db, &argv!["meeting set", m, "--recorder 李青"]);
    assert!(out.contains("记录人：李青"), "{out}");
    let meeting = show(&db, m)["meeting"].clone();
    assert_eq!(
        [
            &meeting["title"],
            &meeting["kind"],
            &meeting["date"],
            &meeting["venue"],
            &meeting["chair"],
            &meeting["recorder"],
        ],
        [
            TITLE,
            "年会",
            DAY,
            "街道三楼会议室",
            "街道党工委副书记 周立新",
            "李青"
        ]
    );
    assert!(meeting["start_time"].as_str().unwrap().starts_with("09:00"));

    // The agenda has a 交流发言 item; its length follows the speeches.
    for (kind, minutes) in [("主持开场", "5"), ("交流发言", "10")] {
        let add = argv![
            "meeting agenda add --meeting",
            m,
            "--kind",
            kind,
            "--minutes",
            minutes
        ];
        ok(&db, &add);
    }

    // Three speeches; the third is taken off again.
    let speeches: [&[&str]; 3] = [
        &[
            "--unit",
            "十九中",
            "--speaker",
            "王校长",
            "--post",
            "校长",
            "--topic",
            "党建带团建 共育时代新人",
            "--minutes",
            "8",
            "--on-behalf",
            "3",
        ],
        &[
            "--unit",
            "青啤",
            "--speaker",
            "赵经理",
            "--topic",
            "企业党建助力社区治理",
            "--minutes",
            "6",
        ],
        &["--unit", "海棠宾馆", "--topic", "志愿服务进社区"],
    ];
    let ids: Vec<String> = speeches
        .iter()
        .map(|args| {
            let add = [&["meeting", "speech", "add", "--meeting", m][..], args].concat();
            ok(&db, &add).trim().to_owned()
        })
        .collect();
    let list = json(&db, &argv!["meeting speech list --meeting", m, "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 3);
    let out = ok(&db, &argv!["meeting speech remove", &ids[2]]);
    assert!(
        out.contains("已删除发言") && out.contains("志愿服务进社区"),
        "{out}"
    );
    let list = json(&db, &argv!["meeting speech list --meeting", m, "--json"]);
    let rows: Vec<(i64, String, String, String, String, i64, Value)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["position"].as_i64().unwrap(),
                s["id"].to_string(),
                s["unit_name"].as_str().unwrap().to_owned(),
                format!("{} {}", s["speaker_name"], s["speaker_title"]),
                s["topic"].as_str().unwrap().to_owned(),
                s["minutes"].as_i64().unwrap(),
                s["on_behalf_count"].clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                1,
                ids[0].clone(),
                "海棠市第十九中学".to_owned(),
                "\"王校长\" \"校长\"".to_owned(),
                "党建带团建 共育时代新人".to_owned(),
                8,
                Value::from(3)
            ),
            (
                2,
                ids[1].clone(),
                "青岛啤酒（集团）有限公司".to_owned(),
                "\"赵经理\" \"\"".to_owned(),
                "企业党建助力社区治理".to_owned(),
                6,
                Value::Null
            ),
        ]
    );
    let text = ok(&db, &argv!["meeting speech list --meeting", m]);
    assert!(text.contains("共 2 个发言，合计 14 分钟。"), "{text}");
    assert!(!text.contains("志愿服务进社区"), "{text}");
    let agenda = json(&db, &argv!["meeting agenda list --meeting", m, "--json"]);
    assert_eq!(agenda[1]["kind"], "交流发言");
    assert_eq!(agenda[1]["duration_min"], 14, "the speeches' minutes");

    // Sign-ins at the times they happened, on the meeting's day.
    let out = ok(
        &db,
        &argv!["meeting signin --meeting", m, "--unit 十九中 --at 09:05"],
    );
    assert!(out.contains("已签到：海棠市第十九中学（09:05）"), "{out}");
    ok(
        &db,
        &argv![
            "meeting signin --meeting",
            m,
            "--unit 青啤 --at",
            ("2025-09-20 09:12")
        ],
    );
    // Signing in again keeps the first time.
    let out = ok(
        &db,
        &argv!["meeting signin --meeting", m, "--unit 十九中 --at 10:30"],
    );
    assert!(out.contains("已于 09:05 签到，保留首次签到时间"), "{out}");
    let detail = show(&db, m);
    assert_eq!(
        signed_in_at(&detail, "海棠市第十九中学"),
        "2025-09-20T09:05:00"
    );
    assert_eq!(
        signed_in_at(&detail, "青岛啤酒（集团）有限公司"),
        "2025-09-20T09:12:00"
    );
    assert_eq!(signed_in_at(&detail, "驻区某部队"), Value::Null);
    assert_eq!(detail["meeting"]["status"], "已召开");
    // The rows as stored.
    let conn = lianxi::db::open(&db).unwrap();
    let stored: Vec<(String, Option<String>)> = conn
        .prepare(
            "SELECT u.name, a.signed_in_at FROM attendance a JOIN units u ON u.id = a.unit_id
             WHERE a.meeting_id = ?1 ORDER BY u.id",
        )
        .unwrap()
        .query_map([m.parse::<i64>().unwrap()], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        stored,
        [
            (
                "海棠市第十九中学".to_owned(),
                Some("2025-09-20 09:05:00".to_owned())
            ),
            (
                "青岛啤酒（集团）有限公司".to_owned(),
                Some("2025-09-20 09:12:00".to_owned())
            ),
            ("海棠宾馆有限责任公司".to_owned(), None),
            ("驻区某部队".to_owned(), None),
        ]
    );
    drop(conn);

    // A need made into a project at this meeting, claimed there.
    ok(
        &db,
        &argv![
            "needs add --name 四点半课堂 --year 2025 --by 居民",
            "--category 关心关爱"
        ],
    );
    let need = json(&db, &argv!["needs list --json"])[0]["id"].to_string();
    let out = ok(&db, &argv!["projects from-need", &need, "--meeting", TITLE]);
    assert!(out.contains("已由需求创建项目：项2025-001"), "{out}");
    let projects = json(&db, &argv!["projects list --json"]);
    let p = &projects[0];
    assert_eq!(p["meeting_id"].to_string(), m);
    assert_eq!(p["meeting_title"], TITLE);
    assert_eq!(
        p["need_ids"],
        serde_json::json!([need.parse::<i64>().unwrap()])
    );
    ok(&db, &argv!["projects claim 项2025-001 --unit 十九中"]);

    // The 纪要 says who presided, who spoke and what was claimed at this meeting.
    let draft = json(&db, &argv!["minutes draft --meeting", m, "--json"]);
    let opening = draft["opening"].as_str().unwrap();
    assert!(
        opening.contains("街道党工委副书记周立新同志主持"),
        "{opening}"
    );
    let items = draft["items"].to_string();
    for want in [
        "海棠市第十九中学、青岛啤酒（集团）有限公司等2家单位代表3家成员单位作交流发言",
        "海棠市第十九中学认领了共建项目“四点半课堂”",
    ] {
        assert!(items.contains(want), "missing {want}: {items}");
    }
    assert!(!items.contains("海棠宾馆"), "{items}");
    let pdf = dir.path().join("纪要.pdf");
    ok(
        &db,
        &argv!["print minutes --meeting", m, "-o", pdf.to_str().unwrap()],
    );
    let text = pdf_text(&pdf);
    for want in [
        "周立新同志主持",
        "代表3家成员单位作交流发言",
        "认领了共建项目“四点半课堂”",
        "出席：",
    ] {
        assert!(text.contains(&squeeze(want)), "missing {want}: {text}");
    }

    // The year's archive: 签到情况 with the times, 发言顺序 with the two speeches.
    let out = dir.path().join("归档");
    ok(&db, &argv!["archive --year 2025 -o", out.to_str().unwrap()]);
    let folder = out.join("会议").join(format!("{DAY} {TITLE}"));
    let signin = pdf_text(&folder.join("签到情况.pdf"));
    for want in [
        "海棠市第十九中学",
        // The meeting began at 09:00: both came after it.
        "已签到09:05（迟到）",
        "已签到09:12（迟到）",
        "应到4家，实到2家（其中迟到2家）",
    ] {
        assert!(signin.contains(&squeeze(want)), "missing {want}: {signin}");
    }
    let speakers = pdf_text(&folder.join("发言顺序.pdf"));
    for want in [
        // (cells wrap: the topic's last word is on the next line of pdftotext's output)
        "党建带团建共育时代",
        "企业党建助力社区治理",
        "王校长",
        "共2个发言，合计14分钟",
    ] {
        assert!(speakers.contains(want), "missing {want}: {speakers}");
    }
    assert!(!speakers.contains("志愿服务进社区"), "{speakers}");
    let minutes = pdf_text(&folder.join("会议纪要.pdf"));
    assert!(minutes.contains("周立新同志主持"), "{minutes}");
}

#[test]
fn bad_sign_in_times_are_refused_in_chinese() {
    let (_dir, db, m) = street_roster_meeting();
    let m = m.as_str();
    let before = std::fs::read(&db).unwrap();
    let signin = |at: &str| {
        refused(
            &db,
            &argv!["meeting signin --meeting", m, "--unit 十九中 --at", at],
        )
    };
    for bad in [
        "9点05",
        "25:00",
        "09:60",
        "",
        "2025/09/20 09:05",
        "2025-09-20",
    ] {
        let err = signin(bad);
        assert!(
            err.contains(&format!(
                "“{bad}”不是有效的签到时间，请写成 时:分（如 09:05）或 年-月-日 时:分"
            )),
            "{bad}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    let err = signin("2025-09-21 09:05");
    assert!(
        err.contains("签到日期（2025年9月21日）不是会议“2025年联席会年会”的日期（2025年9月20日）"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing written");

    // An undated meeting: a time alone has no day.
    let undated = ok(
        &db,
        &argv!["meeting create --title 第三季度会 --kind 季度会"],
    );
    let undated = undated.trim();
    ok(&db, &argv!["meeting invite --meeting", undated, "--all"]);
    let before_undated = std::fs::read(&db).unwrap();
    let err = refused(
        &db,
        &argv![
            "meeting signin --meeting",
            undated,
            "--unit 十九中 --at 09:05"
        ],
    );
    assert!(
        err.contains("会议“第三季度会”还没有填写日期，“09:05”只有时分：请写出完整的签到时间（年-月-日 时:分，如 2026-09-21 09:05），或先填写会议日期。"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before_undated,
        "nothing written"
    );
    // With the whole date-time it is recorded.
    ok(
        &db,
        &argv![
            "meeting signin --meeting",
            undated,
            "--unit 十九中 --at",
            ("2025-12-01 14:05")
        ],
    );
    assert_eq!(
        signed_in_at(&show(&db, undated), "海棠市第十九中学"),
        "2025-12-01T14:05:00"
    );
}

#[test]
fn meeting_set_and_speech_refusals_change_nothing() {
    let (_dir, db, m) = street_roster_meeting();
    let m = m.as_str();
    let before = std::fs::read(&db).unwrap();

    let err = refused(&db, &argv!["meeting set", m]);
    assert!(err.contains("请给出要修改的项"), "{err}");
    let err = refused(&db, &argv!["meeting set", m, "--date 2025-02-30"]);
    assert!(err.contains("“2025-02-30”不是有效的日期"), "{err}");
    let err = refused(&db, &argv!["meeting set", m, "--title", ("")]);
    assert!(err.contains("请填写会议名称"), "{err}");
    let err = refused(&db, &argv!["meeting set 99 --chair 周立新"]);
    assert!(err.contains("找不到会议（编号 99）"), "{err}");

    let err = refused(
        &db,
        &argv!["meeting speech add --meeting", m, "--topic 无人发言"],
    );
    assert!(err.contains("请选择发言单位或填写发言人"), "{err}");
    let err = refused(
        &db,
        &argv!["meeting speech add --meeting", m, "--unit 海棠中学"],
    );
    assert!(err.contains("找不到名为“海棠中学”的成员单位"), "{err}");
    let err = refused(
        &db,
        &argv![
            "meeting speech add --meeting",
            m,
            "--speaker 张三 --minutes 300"
        ],
    );
    assert!(err.contains("发言时长应在 0 到 240 分钟之间"), "{err}");
    let err = refused(&db, &argv!["meeting speech remove 42"]);
    assert!(err.contains("找不到发言（编号 42）"), "{err}");

    let err = refused(&db, &argv!["projects from-need 1 --meeting", m]);
    assert!(err.contains("找不到"), "{err}");

    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing written");
}
