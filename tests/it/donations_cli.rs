//! Donations on the command line from an empty database: `money upper`,
//! `donation add|receive|withdraw|list|import`, `print donations|thanks|certificates`, and bad
//! input leaving the database byte-identical.

// Amounts in fen are written yuan_fen (110_000_00 is ¥110,000.00): readable, deliberate.
#![allow(clippy::inconsistent_digit_grouping)]

use crate::cli;
use crate::poppler;

use std::path::Path;

use cli::{argv, json, lianxi, ok, refused};
use lianxi::donations::print::FORBIDDEN_TITLES;
use poppler::{squeeze, tool};
use serde_json::Value;

use super::donations::{office_list, STREET};

/// The whole flow on the command line from an empty database.
#[test]
fn the_command_line_flow_from_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    assert_eq!(
        ok(&db, &argv!["money upper 1409.50"]).trim(),
        "壹仟肆佰零玖元伍角"
    );
    assert_eq!(ok(&db, &argv!["money upper 3.5万"]).trim(), "叁万伍仟元整");
    for bad in ["-5", "1.234", "三万块"] {
        let e = refused(&db, &argv!["money upper", bad]);
        assert!(e.contains(bad), "{e}");
    }
    // Without the street's name nothing can be printed; the message says what is missing.
    ok(&db, &argv!["donation add --donor 某某公司 --cash 100"]);
    let out = dir.path().join("reg.pdf");
    let e = refused(
        &db,
        &argv!["print donations --year 2026 -o", out.to_str().unwrap()],
    );
    assert!(e.contains("街道"), "{e}");
    ok(
        &db,
        &argv![
            "street set --name",
            STREET,
            "--party-org 中共八大关街道工作委员会"
        ],
    );
    let roster = dir.path().join("r.csv");
    std::fs::write(&roster, "单位名称,联系人\n八大关小学,陈老师\n").unwrap();
    ok(&db, &argv!["roster import", roster.to_str().unwrap()]);
    ok(
        &db,
        &argv![
            "meeting create --title 2026年联席会年会 --kind 年会",
            "--date 2026-09-25"
        ],
    );

    let a = json(
        &db,
        &argv![
            "donation add --donor 八大关小学 --meeting 1 --cash",
            "¥50,000.00 --purpose “帮到家”助困基金 --handler 李青",
            "--json"
        ],
    );
    assert!(a["unit_id"].is_number(), "a member unit is linked: {a}");
    let id = a["id"].as_i64().unwrap().to_string();
    json(
        &db,
        &argv![
            "donation add --donor 张𠮷 --meeting 1 --item 中秋月饼",
            "--quantity 200 --unit 盒 --value 1.6万 --json"
        ],
    );
    ok(
        &db,
        &argv!["donation receive", &id, "--amount 20,000 --on 2026.10.8"],
    );

    // Bad input leaves the database byte-identical.
    let before = std::fs::read(&db).unwrap();
    for args in [
        argv![
            "donation receive",
            id.as_str(),
            "--amount 40000 --on 2026-10-09"
        ],
        argv![
            "donation receive",
            id.as_str(),
            "--amount abc --on 2026-10-09"
        ],
        argv![
            "donation receive",
            id.as_str(),
            "--amount 100 --on 2026-02-30"
        ],
        argv!["donation receive 999 --amount 100 --on", "2026-10-09"],
        argv!["donation add --donor", ("  "), "--cash 100"],
        argv!["donation add --donor 某公司 --cash -100"],
        argv!["donation withdraw", id.as_str(), "--reason", ("")],
    ] {
        refused(&db, &args);
    }
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the database changed"
    );

    let list = json(&db, &argv!["donation list --meeting 1 --json"]);
    let t = &list["totals"];
    assert_eq!(t["cash_pledged_fen"], 5_000_000);
    assert_eq!(t["cash_received_fen"], 2_000_000);
    assert_eq!(t["in_kind_value_fen"], 1_600_000);
    assert_eq!(t["cash_pledged_upper"], "伍万元整");
    assert_eq!(t["cash_received_upper"], "贰万元整");
    assert_eq!(list["donations"][0]["status"], "部分到账");

    let reg = dir.path().join("登记表.pdf");
    let thanks = dir.path().join("感谢信.pdf");
    let certs = dir.path().join("证书.pdf");
    for (what, file) in [
        ("donations", &reg),
        ("thanks", &thanks),
        ("certificates", &certs),
    ] {
        ok(
            &db,
            &argv![
                "print",
                what,
                "--meeting 1 --date 2026-09-25 -o",
                file.to_str().unwrap()
            ],
        );
    }
    let text = |f: &Path| squeeze(&tool("pdftotext", &[f.to_str().unwrap(), "-"]));
    let r = text(&reg);
    for want in [
        "2026年联席会年会捐赠登记表",
        "八大关小学",
        "张𠮷",
        "¥50,000.00",
        "¥20,000.00",
        "中秋月饼200盒",
        "¥16,000.00",
        "伍万元整",
        "贰万元整",
        "壹万陆仟元整",
        "经办人：李青",
        "审核人",
        "现金未到账合计：¥30,000.00（大写：人民币叁万元整）",
    ] {
        assert!(r.contains(want), "register lacks {want}: {r}");
    }
    assert!(
        !r.contains("2026-"),
        "the register's dates are written 2026年9月21日: {r}"
    );
    let t = text(&thanks);
    // ¥50,000 pledged, ¥20,000 arrived: thanked for what arrived, the rest named a pledge.
    assert!(
        t.contains("八大关小学：")
            && t.contains("捐赠人民币贰万元整（¥20,000.00），另认捐人民币叁万元整（¥30,000.00）"),
        "{t}"
    );
    assert!(!t.contains("伍万元整"), "{t}");
    assert!(
        t.contains("此致") && t.contains("敬礼！") && t.contains("2026年9月25日"),
        "{t}"
    );
    let c = text(&certs);
    assert!(
        c.contains("荣誉证书") && c.contains("特发此证，以资鼓励。"),
        "{c}"
    );
    let pages = |f: &Path| -> String {
        let info = tool("pdfinfo", &[f.to_str().unwrap()]);
        let line = info
            .lines()
            .find(|l| l.starts_with("Pages:"))
            .unwrap_or_default();
        line.trim_start_matches("Pages:").trim().to_string()
    };
    assert_eq!(pages(&certs), "2", "one certificate per donor");
    assert_eq!(pages(&thanks), "2", "one letter per donor");
    for f in [&reg, &thanks, &certs] {
        let all = text(f);
        for word in FORBIDDEN_TITLES {
            assert!(!all.contains(word), "{} contains {word}", f.display());
        }
        let fonts = tool("pdffonts", &[f.to_str().unwrap()]);
        assert!(
            fonts.lines().skip(2).all(|l| l.contains(" yes yes ")),
            "{fonts}"
        );
    }
    // Letters and certificates are marked printed.
    let find = |list: &Value| -> Value {
        list["donations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == a["id"])
            .cloned()
            .unwrap()
    };
    let list = json(&db, &argv!["donation list --json"]);
    assert_eq!(find(&list)["certificate_printed"], true);
    assert_eq!(find(&list)["letter_printed"], true);

    // A withdrawal keeps the record.
    ok(&db, &argv!["donation withdraw", &id, "--reason 企业改制"]);
    let list = json(&db, &argv!["donation list --json"]);
    assert_eq!(find(&list)["status"], "撤回");
    assert_eq!(list["totals"]["cash_pledged_fen"], 2_000_000 + 10_000);

    // An import through the bounded worker, with the roster import's JSON shape.
    let file = dir.path().join("捐赠.xlsx");
    std::fs::write(&file, office_list()).unwrap();
    let before = std::fs::read(&db).unwrap();
    let plan = json(
        &db,
        &argv![
            "donation import",
            file.to_str().unwrap(),
            "--meeting 1 --dry-run --json"
        ],
    );
    assert!(
        std::fs::read(&db).unwrap() == before,
        "a dry run writes nothing"
    );
    assert_eq!(plan["counts"]["new"], 5);
    assert_eq!(plan["donations"][0]["source_row"], 4);
    let p = plan["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["row"] == 9)
        .unwrap();
    assert_eq!(p["severity"], "error");
    assert_eq!(p["field"], "pledged");
    let done = json(
        &db,
        &argv![
            "donation import",
            file.to_str().unwrap(),
            "--meeting 1 --json"
        ],
    );
    assert_eq!(done["batch"]["imported"], 5);
    let o = lianxi(&db, &argv!["donation undo-import"]);
    assert!(o.status.success());
    // A damaged file: a Chinese message, nothing written.
    let before = std::fs::read(&db).unwrap();
    let broken = dir.path().join("坏.xlsx");
    std::fs::write(&broken, &office_list()[..300]).unwrap();
    let e = refused(&db, &argv!["donation import", broken.to_str().unwrap()]);
    assert!(e.contains("无法读取") || e.contains("损坏"), "{e}");
    assert!(std::fs::read(&db).unwrap() == before);
}
