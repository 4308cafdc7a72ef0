//! The street, its communities and its agreements set up from the command line, from an
//! empty database: `street set/show`, `community list/add/set/merge`, `agreement
//! pair/delete/void`, numbering at first print, and `demo clear`. Only the demo test loads
//! the demo.

use crate::cli;
use crate::poppler;

use cli::{empty_db, json, lianxi, ok, refused};

use std::path::{Path, PathBuf};

use crate::cli::argv;
use poppler::{squeeze, tool};
use serde_json::Value;

const STREET: &str = "八大关街道办事处";
const PARTY_ORG: &str = "中共八大关街道工作委员会";

/// Three units in two communities, none of which has its 书记, 联系人 or 电话 yet.
const ROSTER: &str = "单位名称,单位类别,所属社区,分会,党组织书记,联系人,联系电话\n\
八大关小学,学校,太平角社区,学校分会,陈校长,吴老师,13805320101\n\
太平角宾馆有限公司,企业,太平角社区,企业分会,郑总,冯经理,13805320102\n\
汇泉湾邮政支局,企业,汇泉湾社区,企业分会,褚局长,卫主任,13805320103\n";

fn set_street(db: &Path) {
    ok(
        db,
        &argv![
            "street set --name",
            STREET,
            "--party-org",
            PARTY_ORG,
            "--leader 王海 --contact 李青 --phone 0532-82860001"
        ],
    );
}

/// An empty database with the street named and the roster imported.
fn street_with_roster() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = empty_db();
    set_street(&db);
    let roster = dir.path().join("名册.csv");
    std::fs::write(&roster, ROSTER).unwrap();
    ok(&db, &argv!["roster import", roster.to_str().unwrap()]);
    (dir, db)
}

fn community<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no community {name}: {list}"))
}

/// The text of a PDF without white space.
fn pdf_text(pdf: &Path) -> String {
    squeeze(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]))
}

fn agreement(db: &Path, id: &str) -> Value {
    let id: i64 = id.parse().unwrap();
    let list = json(db, &argv!["agreement list --json"]);
    list.as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no agreement {id}: {list}"))
        .clone()
}

fn pair(db: &Path, meeting: &str, a: &str, b: &str) -> String {
    let id = ok(
        db,
        &argv!["agreement pair --meeting", meeting, "--a", a, "--b", b],
    );
    let id = id.trim().to_owned();
    assert!(id.parse::<i64>().is_ok(), "prints the id: {id:?}");
    id
}

#[test]
fn street_profile_is_set_field_by_field_and_checked() {
    let (_dir, db) = empty_db();
    let shown = json(&db, &argv!["street show --json"]);
    assert_eq!(shown["profile"]["name"], "");
    assert!(shown["missing"]
        .as_array()
        .unwrap()
        .contains(&Value::from("name")));

    set_street(&db);
    let shown = json(&db, &argv!["street show --json"]);
    let p = &shown["profile"];
    assert_eq!(p["name"], STREET);
    assert_eq!(p["party_org"], PARTY_ORG);
    assert_eq!(p["leader"], "王海");
    assert_eq!(p["contact"], "李青");
    assert_eq!(p["phone"], "0532-82860001");
    assert_eq!(p["number_prefix"], "", "nothing typed");
    assert_eq!(shown["in_use"]["number_prefix"], "八大关共建", "derived");
    assert_eq!(shown["in_use"]["issuer"], PARTY_ORG);

    // The text form labels every field and shows derived values.
    let text = ok(&db, &argv!["street show"]);
    assert!(text.contains("街道全称：八大关街道办事处"), "{text}");
    assert!(text.contains("协议编号前缀：八大关共建"), "{text}");
    assert!(
        text.contains("联席会名称：八大关街道区域化党建联席会"),
        "{text}"
    );

    // Only the given fields change; an empty value clears one.
    ok(&db, &argv!["street set --address 太平角路1号"]);
    let p = json(&db, &argv!["street show --json"])["profile"].clone();
    assert_eq!(p["address"], "太平角路1号");
    assert_eq!(p["leader"], "王海");
    ok(&db, &argv!["street set --address", ("")]);
    assert_eq!(
        json(&db, &argv!["street show --json"])["profile"]["address"],
        ""
    );

    // A bad phone is refused in Chinese and changes nothing.
    let before = ok(&db, &argv!["street show --json"]);
    let err = refused(&db, &argv!["street set --phone 0532-8286 --leader 赵六"]);
    assert!(err.contains("“0532-8286”不是有效的电话号码"), "{err}");
    let err = refused(&db, &argv!["street set --prefix 八大关共建〔2026〕"]);
    assert!(err.contains("协议编号前缀"), "{err}");
    let err = refused(&db, &argv!["street set --name", ("")]);
    assert!(err.contains("请填写街道全称"), "{err}");
    assert_eq!(ok(&db, &argv!["street show --json"]), before);
}

#[test]
fn communities_agreements_and_numbers_from_an_empty_database() {
    let (dir, db) = street_with_roster();

    // The import named two communities; neither has its details yet.
    let list = json(&db, &argv!["community list --json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    for (name, units) in [("太平角社区", 2), ("汇泉湾社区", 1)] {
        let c = community(&list, name);
        assert_eq!(c["unit_count"], units, "{name}");
        assert_eq!(
            c["missing"],
            serde_json::json!(["书记", "联系人", "电话"]),
            "{name}"
        );
    }
    let out = ok(
        &db,
        &argv![
            "community set 太平角社区 --leader 孙丽 --contact 周明",
            "--phone 0532-82860011"
        ],
    );
    assert!(out.contains("太平角社区"), "{out}");
    let list = json(&db, &argv!["community list --json"]);
    let c = community(&list, "太平角社区");
    assert_eq!(c["party_secretary"], "孙丽");
    assert_eq!(c["contact"], "周明");
    assert_eq!(c["phones"], serde_json::json!(["0532-82860011"]));
    assert_eq!(c["missing"], serde_json::json!([]));
    assert_eq!(
        community(&list, "汇泉湾社区")["missing"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let text = ok(&db, &argv!["community list"]);
    assert!(text.contains("尚缺：书记、联系人、电话"), "{text}");

    // A meeting, its invitations, two agreements: a community's and the street's.
    let m = ok(
        &db,
        &argv![
            "meeting create --title 2026年联席会年会 --kind 年会",
            "--date 2026-09-21"
        ],
    );
    let m = m.trim();
    ok(&db, &argv!["meeting invite --meeting", m, "--all"]);
    let first = pair(&db, m, "community:太平角社区", "unit:八大关小学");
    let second = pair(&db, m, "street", "unit:太平角宾馆有限公司");
    let a = agreement(&db, &first);
    assert_eq!(a["number"], "", "no number before printing");
    assert_eq!(a["status"], "草拟");
    assert_eq!(a["meeting_id"].to_string(), m);
    let year = a["year"].as_i64().unwrap();
    assert_eq!(year, 2026, "the meeting's year");
    let text = ok(&db, &argv!["agreement list"]);
    assert!(text.contains("（打印时编号）"), "{text}");

    let pdf = dir.path().join("协议.pdf");
    ok(
        &db,
        &argv!["print agreements --meeting", m, "-o", pdf.to_str().unwrap()],
    );
    let text = pdf_text(&pdf);
    for want in [
        format!("八大关共建〔{year}〕第001号"),
        format!("八大关共建〔{year}〕第002号"),
        PARTY_ORG.to_string(),
        "太平角社区党委".to_string(),
        "孙丽".to_string(),
        "王海".to_string(),
    ] {
        assert!(text.contains(&want), "{want} not in the PDF");
    }
    assert_eq!(
        agreement(&db, &first)["number"],
        format!("八大关共建〔{year}〕第001号")
    );
    assert_eq!(
        agreement(&db, &second)["number"],
        format!("八大关共建〔{year}〕第002号")
    );

    // The second community still lacks its details: pairing warns, printing is refused
    // naming the community and where to fill it in, and no number is used up.
    let o = lianxi(
        &db,
        &argv![
            "agreement pair --meeting",
            m,
            "--a community:汇泉湾社区 --b unit:汇泉湾邮政支局"
        ],
    );
    assert!(o.status.success());
    let third = String::from_utf8(o.stdout).unwrap().trim().to_owned();
    let warning = String::from_utf8(o.stderr).unwrap();
    assert!(
        warning.contains("汇泉湾社区") && warning.contains("社区与分会"),
        "{warning}"
    );
    let blocked = dir.path().join("未完成.pdf");
    let err = refused(
        &db,
        &argv![
            "print agreements --meeting",
            m,
            "-o",
            blocked.to_str().unwrap()
        ],
    );
    assert!(err.contains("汇泉湾社区"), "{err}");
    assert!(err.contains("社区与分会"), "{err}");
    assert!(!blocked.exists());
    let a = agreement(&db, &third);
    assert_eq!(a["number"], "");
    assert_eq!(a["status"], "草拟");
    assert_eq!(agreement(&db, &second)["status"], "已打印");

    // Several numbers in one --phone, separated by 、 or ,.
    ok(
        &db,
        &argv![
            "community set 汇泉湾 --leader 钱芳 --contact 蒋涛",
            "--phone 0532-82860022、13805320022"
        ],
    );
    let list = json(&db, &argv!["community list --json"]);
    assert_eq!(
        community(&list, "汇泉湾社区")["phones"],
        serde_json::json!(["0532-82860022", "13805320022"])
    );
    let pdf = dir.path().join("补全后.pdf");
    ok(
        &db,
        &argv!["print agreements --meeting", m, "-o", pdf.to_str().unwrap()],
    );
    assert_eq!(
        agreement(&db, &third)["number"],
        format!("八大关共建〔{year}〕第003号")
    );
    let text = pdf_text(&pdf);
    assert!(text.contains(&format!("八大关共建〔{year}〕第003号")));
    assert!(
        text.contains("钱芳"),
        "the details filled in after pairing are printed"
    );

    // A printed agreement cannot be deleted, only voided; a draft can be deleted.
    let err = refused(&db, &argv!["agreement delete", &first]);
    assert!(err.contains("不能删除") && err.contains("作废"), "{err}");
    let out = ok(&db, &argv!["agreement void", &first, "--reason 单位更名"]);
    assert!(out.contains("已作废"), "{out}");
    let a = agreement(&db, &first);
    assert_eq!(a["status"], "已作废");
    assert_eq!(a["void_reason"], "单位更名");
    assert_eq!(
        a["number"],
        format!("八大关共建〔{year}〕第001号"),
        "keeps its number"
    );
    let line = ok(&db, &argv!["agreement list"])
        .lines()
        .find(|l| l.starts_with(&format!("{first}\t")))
        .unwrap()
        .to_owned();
    assert!(line.contains("已作废"), "{line}");
    // The meeting's batch leaves the voided one out.
    let pdf = dir.path().join("作废后.pdf");
    ok(
        &db,
        &argv!["print agreements --meeting", m, "-o", pdf.to_str().unwrap()],
    );
    let text = pdf_text(&pdf);
    assert!(!text.contains("第001号") && text.contains("第002号"));

    // A fresh draft from the other template, chosen by a part of its name, is deleted.
    let made: Value = serde_json::from_str(&ok(
        &db,
        &argv![
            "agreement pair --meeting 2026年联席会年会 --template",
            "责任书 --a street --b unit:八大关小学 --copies 3 --json"
        ],
    ))
    .unwrap();
    assert_eq!(made["template"]["title"], "区域化党建共驻共建责任书");
    assert_eq!(made["copies"], 3);
    assert_eq!(made["number"], "");
    let fresh = made["id"].to_string();
    let out = ok(&db, &argv!["agreement delete", &fresh]);
    assert!(out.contains("已删除"), "{out}");
    let list = json(&db, &argv!["agreement list --json"]);
    assert_eq!(list.as_array().unwrap().len(), 3);
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["id"] != made["id"]));
    let err = refused(&db, &argv!["agreement void 999"]);
    assert!(err.contains("找不到协议"), "{err}");
}

#[test]
fn pairing_refuses_unknown_forms_templates_and_names() {
    let (_dir, db) = street_with_roster();
    let m = ok(&db, &argv!["meeting create --title 年会 --kind 年会"]);
    let m = m.trim();
    let before = ok(&db, &argv!["agreement list --json"]);
    let pair = |a: &str, b: &str, extra: &[&str]| {
        let mut args = vec!["agreement", "pair", "--meeting", m, "--a", a, "--b", b];
        args.extend_from_slice(extra);
        refused(&db, &args)
    };

    let err = pair("branch:学校分会", "unit:八大关小学", &[]);
    assert!(err.contains("没有“branch”这种写法"), "{err}");
    for form in ["street", "community:社区名称", "unit:成员单位名称"] {
        assert!(err.contains(form), "{err}");
    }
    let err = pair("street", "八大关小学", &[]);
    assert!(err.contains("无法识别协议方“八大关小学”"), "{err}");
    let err = pair("street", "unit:八大关中学", &[]);
    assert!(err.contains("找不到名为“八大关中学”的成员单位"), "{err}");
    let err = pair("street", "unit:八大关小学", &["--template", "捐赠协议"]);
    assert!(
        err.contains("找不到名为“捐赠协议”的协议模板。现有的模板：党建结对共建协议书、"),
        "{err}"
    );
    let err = pair("street", "unit:八大关小学", &["--template", "共建"]);
    assert!(err.contains("“共建”对应多个协议模板"), "{err}");
    let err = pair("street", "street", &[]);
    assert!(err.contains("不能是同一方"), "{err}");
    let err = pair("street", "unit:八大关小学", &["--copies", "0"]);
    assert!(err.contains("份数"), "{err}");

    assert_eq!(
        ok(&db, &argv!["agreement list --json"]),
        before,
        "nothing made"
    );
}

#[test]
fn communities_are_added_renamed_and_merged() {
    let (_dir, db) = street_with_roster();
    let err = refused(&db, &argv!["community add 太平角社区"]);
    assert!(err.contains("已有名为“太平角社区”的社区"), "{err}");
    let err = refused(&db, &argv!["community add 新社区 --phone 123"]);
    assert!(err.contains("不是有效的电话号码"), "{err}");
    ok(
        &db,
        &argv![
            "community add 太平角东社区 --leader 何静 --phone",
            "0532-82860033"
        ],
    );
    ok(
        &db,
        &argv!["community set 太平角东社区 --rename 太平角社区东片"],
    );
    let list = json(&db, &argv!["community list --json"]);
    assert_eq!(
        community(&list, "太平角社区东片")["party_secretary"],
        "何静"
    );
    let err = refused(&db, &argv!["community set 太平角"]);
    assert!(err.contains("请给出要修改的项"), "{err}");

    let out = ok(&db, &argv!["community merge 太平角社区东片 太平角社区"]);
    assert!(
        out.contains("已把“太平角社区东片”合并到“太平角社区”"),
        "{out}"
    );
    let list = json(&db, &argv!["community list --json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    let c = community(&list, "太平角社区");
    assert_eq!(c["party_secretary"], "何静", "taken from the merged one");
    assert_eq!(c["unit_count"], 2);
}

#[test]
fn demo_clear_only_clears_the_demo_and_backs_it_up_first() {
    let (_dir, db) = street_with_roster();
    let err = refused(&db, &argv!["demo clear"]);
    assert!(err.contains("不是示例数据，不能清除"), "{err}");
    assert_eq!(json(&db, &argv!["info --json"])["unit_count"], 3);

    let (_demo_dir, demo) = empty_db();
    ok(&demo, &argv!["demo load"]);
    let info = json(&demo, &argv!["info --json"]);
    assert_eq!(info["is_demo"], true);
    assert!(info["unit_count"].as_i64().unwrap() > 0);
    let out = ok(&demo, &argv!["demo clear"]);
    let info = json(&demo, &argv!["info --json"]);
    assert_eq!(info["unit_count"], 0);
    assert_eq!(info["is_demo"], false);
    assert_eq!(
        json(&demo, &argv!["street show --json"])["profile"]["name"],
        ""
    );
    let backups = json(&demo, &argv!["backup list --json"]);
    let backup = backups
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["reason"] == lianxi::backup::BackupReason::BeforeBulkChange.label())
        .unwrap_or_else(|| panic!("no backup before clearing: {backups}"));
    let id = backup["id"].as_str().unwrap();
    assert!(out.contains(id), "names the backup: {out}");
    // Plain `demo` still loads, into the now empty database.
    ok(&demo, &argv!["demo"]);
    assert_eq!(json(&demo, &argv!["info --json"])["is_demo"], true);
}

/// `lianxi … | head` as a script writes it: when the reader has gone, the CLI stops quietly
/// (the default for SIGPIPE) instead of reporting an internal error.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::os::unix::process::ExitStatusExt;
    if cli::is_windows_exe() {
        return;
    }
    let (_dir, db) = empty_db();
    // A pipe whose reading end is closed before the CLI starts: every write finds no reader.
    // std's pipe is close-on-exec: a child another test spawns meanwhile in this process does
    // not inherit the reading end (pipe(2) without O_CLOEXEC let it keep a reader alive).
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = cli::command()
        .arg("--db")
        .arg(&db)
        .args(["info"])
        .stdout(std::process::Stdio::from(writer))
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("内部出错"), "{stderr}");
    assert_eq!(
        out.status.signal(),
        Some(libc::SIGPIPE),
        "{:?} {stderr}",
        out.status
    );
}

/// A print job of a database breaks lines between the words of that street: its communities'
/// place names (太平角, which the dictionary splits as 太平/角) are words once the roster has
/// brought them, from an empty database.
#[test]
fn a_print_job_knows_the_street_s_own_place_names() {
    let words = |text: &str| -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        lianxi::print::words::word_spans(&chars)
            .into_iter()
            .map(|(a, b)| chars[a..b].iter().collect())
            .collect()
    };
    let (_dir, db) = empty_db();
    let conn = lianxi::db::open(&db).expect("the database opens");
    lianxi::print::saved_fonts(&conn).expect("fonts");
    assert!(!words("太平角职工疗养院").contains(&"太平角".to_owned()));
    let (_dir, db, _m) = cli::street_and_meeting(cli::year::ROSTER);
    let conn = lianxi::db::open(&db).expect("the database opens");
    lianxi::print::saved_fonts(&conn).expect("fonts");
    let w = words("太平角职工疗养院");
    assert_eq!(w.first().map(String::as_str), Some("太平角"), "{w:?}");
}
