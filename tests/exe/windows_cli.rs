//! What a Windows laptop's files and folders bring to the CLI: every spreadsheet kind from a
//! folder whose name has Chinese characters and a space, a damaged file and the memory bombs
//! refused with nothing written, backup and restore, the Word export and the printed
//! agreements, and the default data folder. They run on Linux with the Linux binary, and in
//! `scripts/test-windows.sh` with the Windows `lianxi.exe` under Wine (`LIANXI_TEST_EXE`).

use crate::cli;
use crate::common;
use crate::poppler;

use std::path::Path;

use crate::cli::argv;
use cli::{json, ok, refused};

const UNREADABLE: &str = "已损坏或格式异常，无法读取";

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// A folder as a secretary's desktop has it: Chinese characters and a space in its name.
fn chinese_folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("联席会 2026").join("成员 名单");
    std::fs::create_dir_all(&folder).expect("the folder is made");
    (dir, folder)
}

fn unit_count(db: &Path) -> u64 {
    json(db, &argv!["info --json"])["unit_count"]
        .as_u64()
        .expect("a unit count")
}

#[test]
fn every_spreadsheet_kind_imports_from_a_folder_with_chinese_and_spaces() {
    let (_dir, folder) = chinese_folder();
    let db = folder.join("数据 库.sqlite3");
    let xlsx = folder.join("成员 名单.xlsx");
    std::fs::write(&xlsx, common::xlsx(&common::messy_roster(), false)).unwrap();
    let xls = folder.join("成员 名单（旧版）.xls");
    std::fs::copy(common::fixture("messy.xls"), &xls).unwrap();
    let ods = folder.join("成员 名单.ods");
    std::fs::copy(common::fixture("messy.ods"), &ods).unwrap();
    let csv = folder.join("成员 名单（GBK）.csv");
    let (gbk, _, lossy) = encoding_rs::GBK.encode(common::SIMPLE_CSV);
    assert!(!lossy);
    std::fs::write(&csv, &gbk).unwrap();

    for file in [&xlsx, &xls, &ods] {
        let plan = json(&db, &argv!["roster import", path(file), "--dry-run --json"]);
        let units = plan["units"].as_array().expect("units");
        assert!(
            units.iter().any(|u| u["name"] == "驻区某部队"),
            "{}: {plan}",
            file.display()
        );
    }
    let plan = json(&db, &argv!["roster import", path(&csv), "--dry-run --json"]);
    let names: Vec<&str> = plan["units"]
        .as_array()
        .expect("units")
        .iter()
        .filter_map(|u| u["name"].as_str())
        .collect();
    assert_eq!(
        names,
        ["海棠社区卫生服务中心", "海棠研究所"],
        "GBK read as GBK"
    );
    assert_eq!(unit_count(&db), 0, "a dry run writes nothing");

    ok(&db, &argv!["roster import", path(&csv)]);
    assert_eq!(unit_count(&db), 2);
    let out = folder.join("导出 名册.xlsx");
    ok(&db, &argv!["roster export", path(&out)]);
    assert!(
        std::fs::metadata(&out)
            .expect("the export is written")
            .len()
            > 0
    );
}

#[test]
fn a_damaged_file_and_the_memory_bombs_are_refused_with_nothing_written() {
    let (_dir, folder) = chinese_folder();
    let db = folder.join("数据.sqlite3");
    assert_eq!(unit_count(&db), 0);
    let before = std::fs::read(&db).unwrap();

    let truncated = folder.join("截断 的名册.xls");
    let whole = std::fs::read(common::fixture("messy.xls")).unwrap();
    std::fs::write(&truncated, &whole[..whole.len() / 3]).unwrap();
    let bombs = ["huge_dimensions.xls", "huge_range.xls"].map(|name| {
        let p = folder.join(format!("内存 {name}"));
        std::fs::copy(common::fixture(name), &p).unwrap();
        p
    });
    let err = refused(&db, &argv!["roster import", path(&truncated)]);
    assert!(err.contains("已损坏或不完整"), "{err}");
    for file in &bombs {
        let err = refused(&db, &argv!["roster import", path(file)]);
        assert!(err.contains(UNREADABLE), "{}: {err}", file.display());
        assert!(!err.contains("panic"), "{err}");
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database is untouched"
    );
    assert_eq!(unit_count(&db), 0);
}

#[test]
fn a_backup_restores_the_roster_as_it_was() {
    let (_dir, folder) = chinese_folder();
    let db = folder.join("数据.sqlite3");
    let csv = folder.join("名册.csv");
    std::fs::write(&csv, common::SIMPLE_CSV).unwrap();
    ok(&db, &argv!["roster import", path(&csv)]);
    assert_eq!(unit_count(&db), 2);
    ok(&db, &argv!["backup create"]);
    let backups = json(&db, &argv!["backup list --json"]);
    let list = backups.as_array().expect("a list of backups");
    let manual = lianxi::backup::BackupReason::Manual.label();
    let id = list
        .iter()
        .find(|b| b["reason"] == manual)
        .and_then(|b| b["id"].as_str())
        .unwrap_or_else(|| panic!("no {manual}: {backups}"))
        .to_owned();

    ok(&db, &argv!["roster undo-import"]);
    assert_eq!(unit_count(&db), 0);
    ok(&db, &argv!["backup restore", &id]);
    assert_eq!(unit_count(&db), 2, "restored from {id}");
}

#[test]
fn a_street_from_an_empty_database_prints_and_exports_its_agreements() {
    let roster = "单位名称,单位类别,所属社区,党组织名称,党组织书记,联系人,联系电话\n\
                  海棠研究所,科研院所,太平角社区,中共海棠研究所支部委员会,周敏,陈晨,13805320001\n";
    let (dir, db, m) = cli::street_and_meeting(roster);
    cli::pair_with_community(&db, &m, "海棠研究所");
    let folder = dir.path().join("打印 文件");
    std::fs::create_dir_all(&folder).unwrap();

    let docx = folder.join("共建 协议.docx");
    ok(
        &db,
        &argv!["export agreements --meeting", &m, "-o", path(&docx)],
    );
    let bytes = std::fs::read(&docx).expect("the .docx is written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document.xml"),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains("海棠研究所"), "the party is in the Word file");
    assert!(xml.contains("仿宋_GB2312"), "the 公文 body font is named");

    let pdf = folder.join("共建 协议.pdf");
    ok(
        &db,
        &argv!["print agreements --meeting", &m, "-o", path(&pdf)],
    );
    let text = poppler::squeeze(&poppler::tool("pdftotext", &[path(&pdf), "-"]));
    assert!(text.contains("八大关共建〔2026〕第001号"), "{text}");
    assert!(text.contains("海棠研究所"), "{text}");
    let fonts = poppler::tool("pdffonts", &[path(&pdf)]);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes yes ")),
        "every font embedded as a subset: {fonts}"
    );
}

/// Without `--db`, the data lives in the OS app-data folder: `%APPDATA%\cn.lianxi.desktop` on
/// Windows, `$XDG_DATA_HOME/cn.lianxi.desktop` on Linux; an empty database is made there.
#[test]
fn the_default_data_folder_is_the_os_app_data_folder() {
    let home = tempfile::tempdir().unwrap();
    let out = cli::command()
        .args(["info", "--json"])
        .env_remove(lianxi::paths::DATA_DIR_ENV)
        .env("XDG_DATA_HOME", home.path())
        .output()
        .expect("the CLI runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let db = info["db_path"].as_str().expect("a path");
    if cli::is_windows_exe() {
        assert!(
            db.ends_with(r"\AppData\Roaming\cn.lianxi.desktop\lianxi.sqlite3"),
            "{db}"
        );
    } else {
        let want = home.path().join("cn.lianxi.desktop").join("lianxi.sqlite3");
        assert_eq!(Path::new(db), want);
        assert!(want.exists(), "an empty database is made on first start");
    }
    assert_eq!(info["unit_count"], 0);
}
