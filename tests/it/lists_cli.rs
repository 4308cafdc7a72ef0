//! The three lists through the command line from an empty database (split from `lists.rs`):
//! imports with claims, progress and results, the {{共建项目}} prefill, and a claimant added as
//! a unit in the batch.

use crate::cli;

use crate::cli::argv;
use crate::lists_import::project_workbook;

const ROSTER: &str = "单位名称,单位类别,所属社区,分会,党组织书记,联系人,联系电话\n\
八大关小学,学校,太平角社区,学校分会,陈校长,吴老师,13805320101\n\
太平角宾馆有限公司,企业,太平角社区,企业分会,郑总,冯经理,13805320102\n\
汇泉湾邮政支局,企业,汇泉湾社区,企业分会,褚局长,卫主任,13805320103\n\
中国海洋大学后勤保障集团,学校,汇泉湾社区,学校分会,钱主任,孙老师,13805320104\n";

#[test]
fn the_command_line_imports_claims_finishes_and_prefills_from_an_empty_database() {
    let (dir, db, m) = cli::street_and_meeting(ROSTER);
    let file = dir.path().join("项目清单.xlsx");
    std::fs::write(&file, project_workbook()).unwrap();
    let f = file.to_str().unwrap();

    // The preview as JSON: the roster import's shape.
    let plan = cli::json(
        &db,
        &argv!["projects import", f, "--year 2026 --dry-run --json"],
    );
    assert_eq!(plan["counts"]["new"], 5);
    assert!(plan["batch"].is_null());
    let p3 = &plan["projects"][2];
    assert_eq!(p3["source_row"], 6);
    assert_eq!(p3["claims"][0]["name"], "海大后勤集团");
    assert!(p3["claims"][0]["unit_id"].is_null());
    let problem = plan["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["field"] == "claimants")
        .unwrap();
    assert_eq!(problem["row"], 6);
    assert_eq!(problem["severity"], "warning");
    assert!(cli::json(&db, &argv!["projects list --json"])
        .as_array()
        .unwrap()
        .is_empty());

    // Commit with the user's mapping of the unknown claimant.
    let out = cli::ok(
        &db,
        &argv![
            "projects import",
            f,
            "--year 2026 --map 海大后勤集团=中国海洋大学后勤保障集团"
        ],
    );
    assert!(out.contains("已导入 5 条"), "{out}");
    let list = cli::json(&db, &argv!["projects list --year 2026 --json"]);
    assert_eq!(list.as_array().unwrap().len(), 5);
    assert_eq!(
        list[2]["claims"][0]["unit_name"],
        "中国海洋大学后勤保障集团"
    );

    // A project added by hand, claimed for two units, then finished with an attachment.
    let added = cli::ok(
        &db,
        &argv![
            "projects add --name 海滨环境整治 --category 区域发展",
            "--meeting",
            &m,
            "--deadline 2026-11-30"
        ],
    );
    assert!(added.contains("项2026-006"), "{added}");
    cli::ok(
        &db,
        &argv!["projects claim 项2026-006 --unit 汇泉湾邮政支局"],
    );
    let out = cli::ok(
        &db,
        &argv![
            "projects claim 项2026-006 --unit 太平角宾馆有限公司 --lead",
            "--commitment 每月组织一次清扫"
        ],
    );
    assert!(
        out.contains("太平角宾馆有限公司（牵头）、汇泉湾邮政支局"),
        "{out}"
    );
    let photo = dir.path().join("清扫照片.jpg");
    std::fs::write(&photo, b"jpeg").unwrap();
    let out = cli::ok(
        &db,
        &argv![
            "projects done 项2026-006 --on 2026.11.20 --result",
            "完成海滩清扫8次 --attach",
            photo.to_str().unwrap()
        ],
    );
    assert!(out.contains("已完成"), "{out}");
    assert!(dir
        .path()
        .join("attachments/项2026-006-清扫照片.jpg")
        .is_file());

    // Bad input is refused in Chinese and changes nothing.
    let before = std::fs::read(&db).unwrap();
    for args in [
        vec!["projects", "claim", "项2026-006", "--unit", "不存在的单位"],
        vec!["projects", "claim", "项2099-001", "--unit", "八大关小学"],
        vec![
            "projects",
            "done",
            "项2026-004",
            "--on",
            "2026-02-30",
            "--result",
            "x",
        ],
        vec![
            "projects",
            "done",
            "项2026-004",
            "--on",
            "2026-12-01",
            "--result",
            "x",
        ],
        vec!["projects", "add", "--name", "  "],
        vec![
            "projects",
            "import",
            f,
            "--year",
            "2026",
            "--map",
            "海大后勤集团",
        ],
    ] {
        cli::refused(&db, &args);
    }
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the database changed"
    );
    // Once an imported project is claimed by hand, the import cannot be undone whole.
    cli::ok(
        &db,
        &argv!["projects claim 项2026-004 --unit 汇泉湾邮政支局"],
    );
    let before = std::fs::read(&db).unwrap();
    let err = cli::refused(&db, &argv!["projects undo-import"]);
    assert!(err.contains("不能整批撤销"), "{err}");
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the database changed"
    );

    // Pairing an agreement for the lead unit pre-fills its 共建项目 from its claims.
    let id = cli::pair_with_community(&db, &m, "太平角宾馆有限公司");
    let list = cli::json(&db, &argv!["agreement list --json"]);
    let a = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"].as_i64() == id.parse::<i64>().ok())
        .unwrap();
    assert_eq!(
        a["projects"],
        serde_json::json!(["“四点半课堂”志愿服务", "困难老人助餐", "海滨环境整治"])
    );
}

#[test]
fn the_command_line_adds_a_claimant_as_a_unit_in_the_batch_and_undo_removes_it() {
    let (dir, db, m) = cli::street_and_meeting(ROSTER);
    let file = dir.path().join("项目清单.xlsx");
    std::fs::write(&file, project_workbook()).unwrap();
    let f = file.to_str().unwrap();
    let roster_before = cli::json(&db, &argv!["roster list --json"]);
    let import = argv!["projects import", f, "--year 2026 --add-unit 海大后勤集团"];

    // A name that is not an unknown claimant of the file is refused, nothing written.
    let before = std::fs::read(&db).unwrap();
    let err = cli::refused(
        &db,
        &argv!["projects import", f, "--year 2026 --add-unit 崂山区某公司"],
    );
    assert!(err.contains("崂山区某公司"), "{err}");
    // Mapped and added at once: refused, the user must choose one.
    let both = argv![
        "projects import",
        f,
        "--year 2026 --map 海大后勤集团=八大关小学 --add-unit 海大后勤集团"
    ];
    let err = cli::refused(&db, &both);
    assert!(err.contains("只选一种"), "{err}");
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the database changed"
    );

    let out = cli::ok(&db, &import);
    assert!(out.contains("已导入 5 条（认领 6 项"), "{out}");
    assert!(out.contains("新增成员单位 1 家：海大后勤集团"), "{out}");
    let roster = cli::json(&db, &argv!["roster list --json"]);
    let added = roster
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "海大后勤集团")
        .expect("the unit is on the roster");
    assert!(added["source_batch_id"].is_i64(), "{added}");
    let list = cli::json(&db, &argv!["projects list --year 2026 --json"]);
    assert_eq!(list[2]["claims"][0]["unit_name"], "海大后勤集团");

    let out = cli::ok(&db, &argv!["projects undo-import"]);
    assert!(
        out.contains("删除 5 条，并删除本批新增的成员单位 1 家：海大后勤集团"),
        "{out}"
    );
    assert_eq!(cli::json(&db, &argv!["roster list --json"]), roster_before);
    let list = cli::json(&db, &argv!["projects list --year 2026 --json"]);
    assert!(list.as_array().unwrap().is_empty());

    // Imported again, then the added unit signs an agreement: undo is refused, unchanged.
    cli::ok(&db, &import);
    cli::pair_with_community(&db, &m, "海大后勤集团");
    let before = std::fs::read(&db).unwrap();
    let err = cli::refused(&db, &argv!["projects undo-import"]);
    assert!(
        err.contains("海大后勤集团") && err.contains("共建协议"),
        "{err}"
    );
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the database changed"
    );
}
