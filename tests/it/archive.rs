//! 年度归档 and 年度概览 from an empty database, as a secretary's year ends: a meeting with
//! sign-ins, an agreement printed and signed with a scan, then `archive` (twice, the same
//! bytes), `archive verify` (a changed byte, a deleted file), a missing scan, a cancel, and
//! `stats --json` against the data; the year's lists (a need, a project claimed and done, one
//! unclaimed) archive as 三张清单, 项目认领表 and 完成情况通报.

use crate::cli;
use crate::poppler;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::cli::argv;
use cli::{json, lianxi, ok, pair_with_community, refused, street_and_meeting};
use lianxi::lists::{self, ClaimInput, NeedInput, ProjectInput, ResultInput};
use poppler::{squeeze, tool};

const ROSTER: &str = "单位名称,单位类别,所属社区,分会,党组织书记,联系人,联系电话,入会时间\n\
八大关小学,学校,太平角社区,学校分会,陈校长,吴老师,13805320101,2015-09\n\
太平角宾馆有限公司,企业,太平角社区,企业分会,郑总,冯经理,13805320102,2026-03\n\
汇泉湾邮政支局,企业,汇泉湾社区,企业分会,褚局长,卫主任,13805320103,2012\n";

/// The year: street, roster, a meeting on 2026-09-21 with everyone invited, one on leave,
/// two signed in; an agreement printed and signed with a scan.
fn a_year() -> (tempfile::TempDir, PathBuf) {
    let (dir, db, m) = street_and_meeting(ROSTER);
    let leave = argv![
        "meeting reply --meeting",
        &m,
        "--unit 汇泉湾邮政支局 --leave"
    ];
    ok(&db, &leave);
    for unit in ["八大关小学", "太平角宾馆有限公司"] {
        ok(&db, &argv!["meeting signin --meeting", &m, "--unit", unit]);
    }
    ok(&db, &argv!["minutes draft --meeting", &m]);
    let cash = argv![
        "donation add --donor 太平角宾馆有限公司 --meeting",
        &m,
        "--cash 3万 --received 20000 --on 2026-09-25"
    ];
    ok(&db, &cash);
    let a = pair_with_community(&db, &m, "八大关小学");
    let pdf = dir.path().join("协议.pdf");
    ok(
        &db,
        &argv!["print agreements --id", &a, "-o", pdf.to_str().unwrap()],
    );
    let scan = dir.path().join("盖章件.pdf");
    std::fs::copy(&pdf, &scan).unwrap();
    ok(
        &db,
        &argv![
            "agreement sign",
            &a,
            "--on 2026-09-21 --scan",
            scan.to_str().unwrap()
        ],
    );
    // The year's lists (through the lists' store): a need, a project claimed by two units
    // and done, and one nobody has claimed.
    let conn = lianxi::db::open(&db).unwrap();
    let need = lists::add_need(
        &conn,
        &NeedInput {
            year: Some(2026),
            name: "青少年课后托管".into(),
            raised_by: "太平角社区".into(),
            ..NeedInput::default()
        },
    )
    .unwrap();
    let project = |name: &str| {
        lists::add_project(
            &conn,
            &ProjectInput {
                year: Some(2026),
                name: name.into(),
                meeting_id: Some(m.parse().unwrap()),
                need_ids: vec![need.id],
                ..ProjectInput::default()
            },
        )
        .unwrap()
        .id
    };
    let done = project("四点半课堂");
    project("红色物业");
    for u in lianxi::units::list(&conn).unwrap().iter().take(2) {
        let claim = ClaimInput {
            unit_id: u.id,
            claimed_on: Some(chrono::NaiveDate::from_ymd_opt(2026, 9, 21).unwrap()),
            ..ClaimInput::default()
        };
        lists::claim(&conn, done, &claim).unwrap();
    }
    let result = ResultInput {
        done_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        result: "开班两期，服务学生40人次。".into(),
        attachments: Vec::new(),
    };
    lists::record_result(&conn, dir.path(), done, &result).unwrap();
    (dir, db)
}

/// Every file under `dir` with its bytes, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn manifest(dir: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(dir.join("manifest.csv")).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    text.lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn the_year_archives_completely_and_identically_and_verifies() {
    let (dir, db) = a_year();
    let one = dir.path().join("归档一");
    let two = dir.path().join("归档二");
    let out = ok(
        &db,
        &argv!["archive --year 2026 -o", one.to_str().unwrap(), "--zip"],
    );
    assert!(out.contains("已归档 2026 年度"), "{out}");
    ok(
        &db,
        &argv!["archive --year 2026 -o", two.to_str().unwrap(), "--zip"],
    );

    let (a, b) = (files(&one), files(&two));
    let names: Vec<&str> = a.keys().map(String::as_str).collect();
    for want in [
        "manifest.csv",
        "归档文件目录.pdf",
        "会议/2026-09-21 2026年联席会年会/邀请函.pdf",
        "会议/2026-09-21 2026年联席会年会/会议议程.pdf",
        "会议/2026-09-21 2026年联席会年会/参会单位名单.pdf",
        "会议/2026-09-21 2026年联席会年会/签到情况.pdf",
        "会议/2026-09-21 2026年联席会年会/会议纪要.pdf",
        "会议/2026-09-21 2026年联席会年会/会议纪要.docx",
        "共建协议/协议文本/八大关共建〔2026〕第001号_太平角社区党委_八大关小学.pdf",
        "共建协议/签署扫描件/八大关共建〔2026〕第001号_太平角社区党委_八大关小学.pdf",
        "捐赠/捐赠登记表.pdf",
        "捐赠/感谢信.pdf",
        "捐赠/荣誉证书.pdf",
        "三张清单/三张清单.pdf",
        "三张清单/项目认领表.pdf",
        "三张清单/完成情况通报.pdf",
        "成员单位/成员单位名册.xlsx",
        "成员单位/成员单位变动情况.pdf",
        "数据备份/联席会数据-2026.sqlite3",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    // No speeches, no 信息稿 yet: those are left out, not written empty (nor drafted).
    assert!(!names.iter().any(|n| n.ends_with("发言顺序.pdf")));
    assert!(!names.iter().any(|n| n.ends_with("信息稿.pdf")));
    assert_eq!(a, b, "a second run gives the same bytes");
    assert_eq!(
        std::fs::read(with_zip(&one)).unwrap().len(),
        std::fs::read(with_zip(&two)).unwrap().len()
    );

    // The manifest lists each file with its hash, kind of retention and pages.
    let rows = manifest(&one);
    assert_eq!(
        rows[0][..7],
        [
            "件号",
            "题名",
            "日期",
            "页数",
            "保管期限",
            "文件名",
            "SHA-256"
        ]
    );
    let body = &rows[1..];
    assert_eq!(
        body.len(),
        a.len() - 2,
        "every file but the manifest and the contents"
    );
    for r in body {
        let bytes = &a[&r[5]];
        let sha = format!("{:x}", sha2_digest(bytes));
        assert_eq!(r[6], sha, "{}", r[5]);
    }
    let signin = body
        .iter()
        .find(|r| r[5].ends_with("签到情况.pdf"))
        .unwrap();
    assert_eq!(signin[4], "永久");
    assert_eq!(signin[2], "2026-09-21");
    assert_eq!(signin[3], "1", "one page");
    // The lists' papers are kept 永久 (清单与项目), titled by the year.
    for (file, title) in [
        ("三张清单/三张清单.pdf", "2026年度三张清单"),
        ("三张清单/项目认领表.pdf", "2026年度项目认领表"),
        ("三张清单/完成情况通报.pdf", "2026年度完成情况通报"),
    ] {
        let row = body.iter().find(|r| r[5] == file).unwrap();
        assert_eq!((row[1].as_str(), row[4].as_str()), (title, "永久"));
    }
    let report = squeeze(&tool(
        "pdftotext",
        &[one.join("三张清单/完成情况通报.pdf").to_str().unwrap(), "-"],
    ));
    assert!(
        report.contains("2026年度共确定共建项目2个，其中未认领1个、已完成1个"),
        "{report}"
    );
    assert!(report.contains("开班两期，服务学生40人次。"), "{report}");
    let sheet = squeeze(&tool(
        "pdftotext",
        &[
            one.join("会议/2026-09-21 2026年联席会年会/签到情况.pdf")
                .to_str()
                .unwrap(),
            "-",
        ],
    ));
    assert!(sheet.contains("应到3家，实到2家，请假1家"), "{sheet}");
    assert!(sheet.contains("八大关小学") && sheet.contains("已签到") && sheet.contains("请假"));
    let contents = squeeze(&tool(
        "pdftotext",
        &[one.join("归档文件目录.pdf").to_str().unwrap(), "-"],
    ));
    assert!(
        contents.contains("八大关街道区域化党建联席会2026年度归档文件目录"),
        "{contents}"
    );
    assert!(contents.contains("签署扫描件") && contents.contains("数据库备份"));

    // verify: intact, then a changed byte and a deleted file are named.
    assert!(ok(&db, &argv!["archive verify", one.to_str().unwrap()]).contains("完好"));
    let roster = one.join("成员单位/成员单位名册.xlsx");
    let mut bytes = std::fs::read(&roster).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    std::fs::write(&roster, bytes).unwrap();
    std::fs::remove_file(one.join("会议/2026-09-21 2026年联席会年会/邀请函.pdf")).unwrap();
    let o = lianxi(&db, &argv!["archive verify", one.to_str().unwrap()]);
    assert!(!o.status.success());
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains("已被改动：成员单位/成员单位名册.xlsx"),
        "{said}"
    );
    assert!(
        said.contains("已缺失：会议/2026-09-21 2026年联席会年会/邀请函.pdf"),
        "{said}"
    );

    // An existing folder is never overwritten.
    let err = refused(&db, &argv!["archive --year 2026 -o", two.to_str().unwrap()]);
    assert!(err.contains("已存在"), "{err}");
}

fn with_zip(dir: &Path) -> PathBuf {
    PathBuf::from(format!("{}.zip", dir.display()))
}

fn sha2_digest(bytes: &[u8]) -> sha2::digest::Output<sha2::Sha256> {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
}

#[test]
fn a_missing_scan_is_listed_as_missing_and_a_cancel_leaves_nothing() {
    let (dir, db) = a_year();
    // The stored scan disappears from the data folder.
    let scans = dir.path().join("scans");
    for e in std::fs::read_dir(&scans).unwrap() {
        std::fs::remove_file(e.unwrap().path()).unwrap();
    }
    let out_dir = dir.path().join("归档");
    let out = ok(
        &db,
        &argv!["archive --year 2026 -o", out_dir.to_str().unwrap()],
    );
    assert!(out.contains("缺失："), "{out}");
    let rows = manifest(&out_dir);
    let scan = rows
        .iter()
        .find(|r| r[1].contains("签署扫描件"))
        .expect("the scan's row");
    assert_eq!(scan[6], "", "no hash for a missing file");
    assert!(scan[7].starts_with("缺失："), "{scan:?}");
    let said = ok(&db, &argv!["archive verify", out_dir.to_str().unwrap()]);
    assert!(said.contains("归档时即缺失"), "{said}");

    // A cancel after two files: no folder, no temporary folder.
    let conn = lianxi::db::open(&db).unwrap();
    let cancelled = dir.path().join("取消的归档");
    let mut calls = 0;
    let mut progress = |_: usize, _: &str| {
        calls += 1;
        calls <= 2
    };
    let err = lianxi::archive::archive_year(
        &conn,
        dir.path(),
        2026,
        &cancelled,
        true,
        &[],
        &mut progress,
    )
    .unwrap_err();
    assert_eq!(err.kind(), "cancelled");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("取消的归档"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn the_year_in_numbers_equals_the_data() {
    let (_dir, db) = a_year();
    let s = json(&db, &argv!["stats --year 2026 --json"]);
    let count = |list: &serde_json::Value, label: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["label"] == label)
            .map_or(0, |c| c["count"].as_i64().unwrap())
    };
    assert_eq!(count(&s["units_by_category"], "学校"), 1);
    assert_eq!(count(&s["units_by_category"], "企业"), 2);
    assert_eq!(count(&s["units_by_branch"], "企业分会"), 2);
    let flows = s["joins_and_leaves"].as_array().unwrap();
    let y2026 = flows.iter().find(|f| f["year"] == 2026).unwrap();
    assert_eq!(y2026["joined"], 1);
    assert_eq!(
        flows.first().unwrap()["year"],
        2017,
        "the ten years up to 2026"
    );
    assert_eq!(flows.len(), 10);
    let m = &s["attendance"][0];
    assert_eq!(
        (
            m["expected"].as_i64(),
            m["present"].as_i64(),
            m["leave"].as_i64()
        ),
        (Some(3), Some(2), Some(1))
    );
    assert_eq!(m["rate_percent"], 67);
    assert_eq!(count(&s["agreements_by_status"], "已签署"), 1);
    assert_eq!(count(&s["agreements_by_status"], "草拟"), 0);
    let d = &s["donations_by_year"][0];
    assert_eq!(d["year"], 2026);
    assert_eq!(d["pledged_fen"], 3_000_000);
    assert_eq!(d["received_fen"], 2_000_000);
    // The lists: projects and needs by status, the unclaimed project by code and name.
    assert_eq!(count(&s["projects_by_status"], "已完成"), 1);
    assert_eq!(count(&s["projects_by_status"], "未认领"), 1);
    assert_eq!(count(&s["projects_by_status"], "实施中"), 0);
    assert_eq!(count(&s["needs_by_status"], "已完成"), 1);
    assert_eq!(
        s["unclaimed_projects"],
        serde_json::json!(["项2026-002 红色物业"])
    );
    assert_eq!(s["overdue_projects"], serde_json::json!([]));
    let text = ok(&db, &argv!["stats --year 2026"]);
    assert!(text.contains("到会率 67%"), "{text}");

    // The printed statistics show the same numbers.
    let pdf = _dir.path().join("统计.pdf");
    ok(
        &db,
        &argv!["print stats --year 2026 -o", pdf.to_str().unwrap()],
    );
    let printed = squeeze(&tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]));
    for want in [
        "2026年度工作统计",
        "企业2家",
        "实到2/3，请假1，67%",
        "已签署1份",
        "2026年入会1，退出0",
        "认捐¥30,000.00，到账¥20,000.00",
        "八、共建项目（按状态）",
        "已完成1个",
        "九、尚未认领的共建项目",
        "1项2026-002红色物业",
    ] {
        assert!(printed.contains(want), "{want} not in {printed}");
    }
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes yes ")),
        "{fonts}"
    );
}

#[test]
fn the_demo_year_archives_with_the_expected_files() {
    // The demo as sample data (not a flow): its 2025 meeting, donations and roster.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let mut conn = lianxi::db::open(&db).unwrap();
    lianxi::demo::load(&mut conn).unwrap();
    let out = dir.path().join("2025");
    let done =
        lianxi::archive::archive_year(&conn, dir.path(), 2025, &out, false, &[], &mut |_, _| true)
            .unwrap();
    let names: Vec<String> = files(&out).into_keys().collect();
    let meeting = "会议/2025-09-19 海棠街道区域化党建联席会2025年年会";
    for want in [
        format!("{meeting}/邀请函.pdf"),
        format!("{meeting}/会议议程.pdf"),
        format!("{meeting}/参会单位名单.pdf"),
        format!("{meeting}/签到情况.pdf"),
        format!("{meeting}/发言顺序.pdf"),
        "捐赠/捐赠登记表.pdf".to_string(),
        "捐赠/感谢信.pdf".to_string(),
        "捐赠/荣誉证书.pdf".to_string(),
        "成员单位/成员单位名册.xlsx".to_string(),
        "成员单位/成员单位变动情况.pdf".to_string(),
        "数据备份/联席会数据-2025.sqlite3".to_string(),
        "manifest.csv".to_string(),
        "归档文件目录.pdf".to_string(),
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    assert_eq!(done.files, names.len());
    // The demo's 2025 meeting has no 纪要 drafted: reported, not drafted by the archive.
    assert!(
        done.skipped.iter().any(|s| s.contains("会议纪要")),
        "{:?}",
        done.skipped
    );
    assert!(lianxi::minutes::get(&conn, 1).unwrap().is_none());
    // Its four cash donations of ¥110,000.00 are on the register.
    let register = squeeze(&tool(
        "pdftotext",
        &[out.join("捐赠/捐赠登记表.pdf").to_str().unwrap(), "-"],
    ));
    assert!(register.contains("¥110,000.00"), "{register}");
    assert!(lianxi::archive::verify(&out).unwrap().intact());
}
