//! The `lianxi roster` commands end to end: JSON preview, commit, list, export, undo, errors.

use crate::cli;
use crate::common;

use cli::lianxi;

use crate::cli::argv;
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn import_json_commit_list_export_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let file = dir.path().join("名册.xlsx");
    std::fs::write(&file, common::xlsx(&common::messy_roster(), false)).unwrap();
    let f = file.to_str().unwrap();

    let o = lianxi(&db, &argv!["roster import", f, "--dry-run --json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(plan["sheet"], "名册");
    assert_eq!(plan["header_rows"], serde_json::json!([3, 4]));
    assert_eq!(plan["batch"], serde_json::Value::Null);
    let units = plan["units"].as_array().unwrap();
    let army = units.iter().find(|u| u["name"] == "驻区某部队").unwrap();
    for key in [
        "name",
        "short_name",
        "category",
        "community",
        "branch",
        "vice_chair",
        "party_org",
        "party_secretary",
        "contact",
        "contact_title",
        "phones",
        "address",
        "joined_on",
        "status",
        "notes",
        "source_row",
    ] {
        assert!(army.get(key).is_some(), "missing {key}");
    }
    assert_eq!(army["category"], "部队");
    assert_eq!(army["joined_on"], "2018-09");
    assert_eq!(army["phones"], serde_json::json!(["13800000001"]));
    assert_eq!(army["source_row"], 5);
    for key in [
        "new",
        "updated",
        "unchanged",
        "merged",
        "suspected_duplicates",
        "error_rows",
        "ignored_rows",
    ] {
        assert!(plan["counts"][key].is_u64(), "counts.{key}");
    }
    let problem = &plan["problems"].as_array().unwrap()[0];
    for key in ["row", "field", "severity", "message"] {
        assert!(problem.get(key).is_some(), "problem.{key}");
    }
    assert!(plan["problems"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["severity"] == "error" && p["row"] == 13));
    let o = lianxi(&db, &argv!["roster list --json"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap(),
        serde_json::json!([])
    );

    let o = lianxi(&db, &argv!["roster import", f]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("已导入"), "{}", stdout(&o));
    let o = lianxi(&db, &argv!["roster list --json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 6);

    let out = dir.path().join("导出.xlsx");
    let o = lianxi(&db, &argv!["roster export", out.to_str().unwrap()]);
    assert!(o.status.success());
    let o = lianxi(
        &db,
        &argv!["roster import", out.to_str().unwrap(), "--json"],
    );
    let again: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(again["counts"]["unchanged"], 6);
    assert_eq!(again["batch"], serde_json::Value::Null, "nothing to write");

    let o = lianxi(&db, &argv!["roster undo-import"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = lianxi(&db, &argv!["roster list --json"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap(),
        serde_json::json!([])
    );
    let o = lianxi(&db, &argv!["roster undo-import 1"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("不能重复撤销"));
}

#[test]
fn unreadable_file_exits_non_zero_and_leaves_db_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let good = dir.path().join("a.csv");
    std::fs::write(&good, common::SIMPLE_CSV).unwrap();
    assert!(lianxi(&db, &argv!["roster import", good.to_str().unwrap()])
        .status
        .success());
    let before = lianxi(&db, &argv!["roster list --json"]).stdout;
    let backups = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .count();

    let bad = dir.path().join("名册.xlsx");
    std::fs::write(&bad, "单位名称,电话\n海棠小学,1\n").unwrap();
    let o = lianxi(
        &db,
        &argv!["roster import", bad.to_str().unwrap(), "--json"],
    );
    assert!(!o.status.success());
    assert!(o.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("CSV"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(lianxi(&db, &argv!["roster list --json"]).stdout, before);
    assert_eq!(
        std::fs::read_dir(dir.path().join("backups"))
            .unwrap()
            .count(),
        backups
    );
}

#[test]
fn manual_mapping_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let file = dir.path().join("a.csv");
    std::fs::write(&file, "单位名称,原联系电话\n海棠小学,13800000000\n").unwrap();
    let o = lianxi(
        &db,
        &argv![
            "roster import",
            file.to_str().unwrap(),
            "--dry-run --json --map B=phones"
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        plan["units"][0]["phones"],
        serde_json::json!(["13800000000"])
    );
}
