//! The roster importer on real files: every format, messy layouts, bad files, the cell forms
//! (phones, booleans, categories, dates) and headers. Against a filled roster: `import_roster_merge`.

use crate::common;

use common::{fixture, messy_roster, temp_db, xlsx, SheetSpec, V::*};
use lianxi::import::{
    self, no_progress, ColumnMapping, Field, ImportOptions, ImportPlan, PlannedUnit, Severity,
};
use lianxi::units::{self, UnitCategory, UnitDetails, UnitInput};
use rusqlite::Connection;

pub(crate) fn plan(conn: &Connection, name: &str, bytes: &[u8]) -> ImportPlan {
    import::plan_bytes(
        conn,
        name,
        bytes,
        &ImportOptions::default(),
        &mut no_progress,
    )
    .unwrap()
}

fn plan_err(name: &str, bytes: &[u8]) -> lianxi::Error {
    let conn = lianxi::db::open_in_memory().unwrap();
    import::plan_bytes(
        &conn,
        name,
        bytes,
        &ImportOptions::default(),
        &mut no_progress,
    )
    .unwrap_err()
}

/// Options that map column `column` (from 0) to `field` by hand, on the chosen sheet.
fn mapped(column: u32, field: Field) -> ImportOptions {
    ImportOptions {
        sheet: None,
        mappings: vec![ColumnMapping {
            column,
            field: Some(field),
        }],
    }
}

/// A unit typed in on the form, with `details`.
pub(crate) fn created(conn: &Connection, details: UnitDetails) -> units::Unit {
    units::create(
        conn,
        &UnitInput {
            details,
            ..Default::default()
        },
        units::Source::Edit,
    )
    .unwrap()
}

pub(crate) fn unit<'a>(p: &'a ImportPlan, name: &str) -> &'a PlannedUnit {
    p.units
        .iter()
        .find(|u| u.unit.name == name)
        .unwrap_or_else(|| panic!("{name} not in plan"))
}

fn has_problem(p: &ImportPlan, row: u32, severity: Severity, text: &str) -> bool {
    p.problems
        .iter()
        .any(|x| x.row == Some(row) && x.severity == severity && x.message.contains(text))
}

/// The checks every format of the messy roster must pass.
fn check_messy(p: &ImportPlan) {
    assert_eq!(p.sheet, "名册");
    assert_eq!(p.sheets, vec!["填表说明", "名册"], "hidden sheet skipped");
    assert_eq!(p.header_rows, vec![3, 4]);
    assert!(p
        .problems
        .iter()
        .any(|x| x.severity == Severity::Info && x.message.contains("已使用工作表“名册”")));
    // Two-row merged header.
    let field_of = |h: &str| {
        p.columns
            .iter()
            .find(|c| c.header == h)
            .and_then(|c| c.field)
    };
    assert_eq!(field_of("党组织/名称"), Some(Field::PartyOrg));
    assert_eq!(field_of("党组织/书记"), Some(Field::PartySecretary));
    assert_eq!(field_of("联系人/姓名"), Some(Field::Contact));
    assert_eq!(field_of("联系人/职务"), Some(Field::ContactTitle));
    assert_eq!(field_of("联系人/电话"), Some(Field::Phones));
    assert_eq!(field_of("单位名称"), Some(Field::Name));
    // Never by substring.
    assert_eq!(field_of("原联系电话"), None);
    assert!(has_problem(p, 3, Severity::Warning, "原联系电话"));

    let c = p.counts;
    assert_eq!((c.new, c.updated, c.unchanged), (6, 0, 0));
    assert_eq!((c.merged, c.suspected_duplicates, c.error_rows), (1, 2, 1));
    assert_eq!(
        c.ignored_rows, 5,
        "blank row under a merged 分会, 序号 only, 3 footers"
    );

    let army = unit(p, "驻区某部队");
    assert_eq!(army.unit.source_row, 5);
    assert_eq!(army.unit.branch, "部队");
    assert_eq!(army.unit.category, UnitCategory::Military);
    assert_eq!(army.unit.phones, vec!["13800000001"]);
    assert_eq!(army.unit.joined_on.as_deref(), Some("2018-09"));
    assert!(army.unit.vice_chair);
    assert_eq!(army.unit.party_org, "某部队党委");
    assert_eq!(army.unit.party_secretary, "张书记");
    assert_eq!(army.unit.contact_title, "干事");

    let police = unit(p, "海棠武警中队");
    assert_eq!(police.unit.branch, "部队", "merged 分会 filled down");
    assert_eq!(police.unit.phones, vec!["13900000002"]);
    assert_eq!(police.unit.joined_on.as_deref(), Some("2018-01"));
    assert!(has_problem(p, 6, Severity::Warning, "10月"));

    let primary = unit(p, "海棠小学");
    assert_eq!(primary.unit.category, UnitCategory::School);
    assert_eq!(
        primary.unit.phones,
        vec!["0532-82861234转8001", "13800000003"]
    );
    assert_eq!(primary.unit.joined_on.as_deref(), Some("2018-09-21"));
    assert!(!primary.unit.vice_chair);

    let middle = unit(p, "海棠中学");
    assert_eq!(middle.unit.branch, "学校");
    assert_eq!(middle.unit.phones, vec!["0532-82861234"]);
    assert!(has_problem(p, 8, Severity::Warning, "丢了开头 0"));
    assert_eq!(middle.unit.joined_on.as_deref(), Some("2018-09-21"));

    let beer = unit(p, "海棠啤酒（集团）有限公司");
    assert_eq!(beer.unit.branch, "企业");
    assert_eq!(beer.unit.merged_rows, vec![11]);
    assert_eq!(beer.unit.contact, "周经理", "earlier row wins a conflict");
    assert_eq!(
        beer.unit.party_org, "海棠啤酒党委",
        "blank filled from the later row"
    );
    assert_eq!(beer.unit.phones, vec!["0532-82861235", "13800000005"]);
    assert_eq!(beer.unit.joined_on.as_deref(), Some("2018-09"));
    assert!(has_problem(
        p,
        11,
        Severity::Warning,
        "第10行“周经理”，第11行“吴经理”"
    ));
    assert_eq!(
        beer.suspected_duplicates,
        vec!["海棠啤酒（集团）股份有限公司"]
    );

    let plc = unit(p, "海棠啤酒（集团）股份有限公司");
    assert_eq!(
        plc.unit.phones,
        vec!["1.38E+10"],
        "destroyed number kept raw"
    );
    assert!(has_problem(p, 12, Severity::Warning, "科学计数法"));
    assert_eq!(plc.unit.joined_on, None);
    assert_eq!(plc.unit.kept_raw, vec!["入会时间原文：2019.13"]);
    assert!(has_problem(p, 12, Severity::Warning, "2019.13"));

    assert!(has_problem(
        p,
        13,
        Severity::Error,
        "第13行：单位名称为空，该行未导入"
    ));
    assert!(has_problem(p, 15, Severity::Info, "合计"));
    assert!(has_problem(p, 16, Severity::Info, "注："));
    assert!(has_problem(p, 17, Severity::Info, "填表人"));
    assert!(!p.units.iter().any(|u| u.unit.name.contains("隐藏")));
}

#[test]
fn messy_roster_xlsx() {
    let conn = lianxi::db::open_in_memory().unwrap();
    check_messy(&plan(&conn, "名册.xlsx", &xlsx(&messy_roster(), false)));
}

#[test]
fn messy_roster_xls() {
    let conn = lianxi::db::open_in_memory().unwrap();
    let bytes = std::fs::read(fixture("messy.xls")).unwrap();
    check_messy(&plan(&conn, "名册.xls", &bytes));
}

#[test]
fn messy_roster_ods() {
    let conn = lianxi::db::open_in_memory().unwrap();
    let bytes = std::fs::read(fixture("messy.ods")).unwrap();
    check_messy(&plan(&conn, "名册.ods", &bytes));
}

#[test]
fn format_comes_from_bytes_not_extension() {
    let conn = lianxi::db::open_in_memory().unwrap();
    // An .xls that is really .xlsx, an .xlsx that is really .ods.
    check_messy(&plan(&conn, "名册.xls", &xlsx(&messy_roster(), false)));
    let ods = std::fs::read(fixture("messy.ods")).unwrap();
    check_messy(&plan(&conn, "名册.xlsx", &ods));
}

#[test]
fn csv_utf8_bom_and_gbk() {
    let conn = lianxi::db::open_in_memory().unwrap();
    let bom = [b"\xEF\xBB\xBF".as_slice(), common::SIMPLE_CSV.as_bytes()].concat();
    let (gbk, _, _) = encoding_rs::GBK.encode(common::SIMPLE_CSV);
    for (name, bytes) in [
        ("名册.csv", common::SIMPLE_CSV.as_bytes().to_vec()),
        ("名册.csv", bom),
        ("名册.csv", gbk.into_owned()),
    ] {
        let p = plan(&conn, name, &bytes);
        assert_eq!(p.counts.new, 2, "{p:?}");
        let clinic = unit(&p, "海棠社区卫生服务中心");
        assert_eq!(clinic.unit.category, UnitCategory::Institution);
        assert_eq!(clinic.unit.contact, "刘医生");
        assert_eq!(clinic.unit.joined_on.as_deref(), Some("2020-05"));
        let inst = unit(&p, "海棠研究所");
        assert_eq!(inst.unit.category, UnitCategory::Research);
        assert_eq!(inst.unit.phones, vec!["0532-82860000"]);
        assert_eq!(inst.unit.joined_on.as_deref(), Some("2021-03"));
    }
}

#[test]
fn bad_files_get_one_clear_message_each() {
    let good = xlsx(&messy_roster(), false);
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("空.xlsx", Vec::new(), "empty_file", "是空的"),
        (
            "名册.xlsx",
            common::SIMPLE_CSV.as_bytes().to_vec(),
            "renamed_text_file",
            "CSV",
        ),
        (
            "名册.xls",
            b"<!DOCTYPE html>\n<html><table><tr><td>1</td></tr></table></html>".to_vec(),
            "html_file",
            "网页",
        ),
        (
            "名册.xlsx",
            good[..good.len() / 2].to_vec(),
            "damaged_file",
            "不完整",
        ),
        (
            "名册.xls",
            std::fs::read(fixture("messy.xls")).unwrap()[..3000].to_vec(),
            "damaged_file",
            "不完整",
        ),
        (
            "名册.xls",
            std::fs::read(fixture("encrypted.xls")).unwrap(),
            "encrypted_file",
            "密码",
        ),
        ("名册.xlsx", encrypted_ooxml(), "encrypted_file", "密码"),
        (
            "名册.dat",
            vec![0, 159, 146, 150, 0, 1, 2],
            "not_a_spreadsheet",
            "不是表格文件",
        ),
        (
            "名册.xlsx",
            plain_zip(),
            "not_a_spreadsheet",
            "不是表格文件",
        ),
    ];
    for (name, bytes, kind, text) in cases {
        let e = plan_err(name, &bytes);
        assert_eq!(e.kind(), kind, "{name}: {e}");
        assert!(e.to_string().contains(text), "{name}: {e}");
        assert!(e.to_string().contains(name), "{e}");
    }
}

/// A valid zip that is not a workbook (like a .docx).
fn plain_zip() -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    z.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    z.write_all(b"<w:document/>").unwrap();
    z.finish().unwrap().into_inner()
}

/// An encrypted OOXML workbook: a CFB container with EncryptionInfo and EncryptedPackage.
fn encrypted_ooxml() -> Vec<u8> {
    use std::io::Write;
    let mut comp = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    let mut info = comp.create_stream("/EncryptionInfo").unwrap();
    info.write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0]).unwrap();
    drop(info);
    let mut pkg = comp.create_stream("/EncryptedPackage").unwrap();
    pkg.write_all(&[7u8; 4096]).unwrap();
    drop(pkg);
    comp.flush().unwrap();
    comp.into_inner().into_inner()
}

#[test]
fn roster_without_name_column_is_refused_unless_mapped() {
    let mut s = SheetSpec::new("Sheet1");
    s.row(0, &[S("机构"), S("联系电话")]);
    s.row(1, &[S("海棠小学"), N(13800000000.0)]);
    let bytes = xlsx(&[s], false);
    let e = plan_err("a.xlsx", &bytes);
    assert_eq!(e.kind(), "no_name_column");
    assert!(e.to_string().contains("单位名称"), "{e}");

    let conn = lianxi::db::open_in_memory().unwrap();
    let options = mapped(0, Field::Name);
    let p = import::plan_bytes(&conn, "a.xlsx", &bytes, &options, &mut no_progress).unwrap();
    assert_eq!(p.units.len(), 1);
    assert_eq!(p.units[0].unit.name, "海棠小学");
    assert_eq!(p.units[0].unit.phones, vec!["13800000000"]);
}

#[test]
fn caller_picks_another_sheet() {
    let conn = lianxi::db::open_in_memory().unwrap();
    let mut a = SheetSpec::new("社区");
    a.row(0, &[S("单位名称"), S("联系人")])
        .row(1, &[S("甲单位"), S("甲")]);
    let mut b = SheetSpec::new("名册");
    b.row(
        0,
        &[S("单位名称"), S("联系人"), S("联系电话"), S("单位类别")],
    )
    .row(1, &[S("乙单位"), S("乙"), S("13800000000"), S("企业")]);
    let bytes = xlsx(&[a, b], false);
    let p = plan(&conn, "a.xlsx", &bytes);
    assert_eq!(p.sheet, "名册", "best header wins");
    let options = ImportOptions {
        sheet: Some("社区".into()),
        mappings: vec![],
    };
    let p = import::plan_bytes(&conn, "a.xlsx", &bytes, &options, &mut no_progress).unwrap();
    assert_eq!(p.sheet, "社区");
    assert_eq!(p.units[0].unit.name, "甲单位");
    let options = ImportOptions {
        sheet: Some("不存在".into()),
        mappings: vec![],
    };
    let e = import::plan_bytes(&conn, "a.xlsx", &bytes, &options, &mut no_progress).unwrap_err();
    assert_eq!(e.kind(), "not_found");
}

#[test]
fn dates_in_a_1904_workbook_and_every_text_form() {
    let conn = lianxi::db::open_in_memory().unwrap();
    let forms: Vec<(crate::common::V<'static>, Option<&str>)> = vec![
        (D(2018, 9, 21), Some("2018-09-21")),
        (S("2018年9月"), Some("2018-09")),
        (S("2018.9"), Some("2018-09")),
        (S("2018-09-21"), Some("2018-09-21")),
        (S("2018/9/21"), Some("2018-09-21")),
        (S("20180921"), Some("2018-09-21")),
        (S("18年9月"), Some("2018-09")),
        (S("二〇一八年九月"), Some("2018-09")),
        (N(2018.0), Some("2018")),
        (N(2018.12), Some("2018-12")),
        (S("2019.13"), None),
    ];
    for date1904 in [false, true] {
        let mut s = SheetSpec::new("名册");
        s.row(0, &[S("单位名称"), S("入会时间")]);
        for (i, (v, _)) in forms.iter().enumerate() {
            let name: &'static str = Box::leak(format!("单位{i}").into_boxed_str());
            s.row(i as u32 + 1, &[S(name), *v]);
        }
        let p = plan(&conn, "dates.xlsx", &xlsx(&[s], date1904));
        for (i, (_, want)) in forms.iter().enumerate() {
            let got = unit(&p, &format!("单位{i}")).unit.joined_on.as_deref();
            assert_eq!(got, *want, "form {i}, 1904 = {date1904}");
        }
        assert!(has_problem(&p, 8, Severity::Warning, "两位年份"));
        assert!(has_problem(&p, 12, Severity::Warning, "2019.13"));
    }
}

#[test]
fn phones_booleans_and_categories_of_every_form() {
    let conn = lianxi::db::open_in_memory().unwrap();
    type Row = (
        common::V<'static>,
        &'static [&'static str],
        &'static str,
        bool,
        UnitCategory,
    );
    let rows: Vec<Row> = vec![
        (
            N(13800000000.0),
            &["13800000000"],
            "是",
            true,
            UnitCategory::Government,
        ),
        (
            S("13800000000"),
            &["13800000000"],
            "√",
            true,
            UnitCategory::Military,
        ),
        (
            S("+8613900000000；0532-82861234"),
            &["13900000000", "0532-82861234"],
            "Y",
            true,
            UnitCategory::Enterprise,
        ),
        (
            S("86 139 0000 0001\n13900000002"),
            &["13900000001", "13900000002"],
            "1",
            true,
            UnitCategory::Enterprise,
        ),
        (
            S("(0532)82861234-8001"),
            &["0532-82861234转8001"],
            "true",
            true,
            UnitCategory::Institution,
        ),
        (
            S("0532-82861234 分机8002"),
            &["0532-82861234转8002"],
            "否",
            false,
            UnitCategory::School,
        ),
        (
            S("0532-82861234ext.8003"),
            &["0532-82861234转8003"],
            "×",
            false,
            UnitCategory::Research,
        ),
        (
            N(53282861234.0),
            &["0532-82861234"],
            "N",
            false,
            UnitCategory::SocialOrg,
        ),
        (
            S("1.38E+10"),
            &["1.38E+10"],
            "0",
            false,
            UnitCategory::TwoNew,
        ),
        (
            S("１３８０００００００３"),
            &["13800000003"],
            "",
            false,
            UnitCategory::Other,
        ),
    ];
    let cats = [
        "行政机关",
        "驻区部队",
        "国企",
        "私企",
        "医院",
        "幼儿园",
        "研究所",
        "商会",
        "非公企业",
        "火星单位",
    ];
    let mut s = SheetSpec::new("名册");
    s.row(
        0,
        &[S("单位名称"), S("联系电话"), S("副会长单位"), S("单位性质")],
    );
    for (i, (phone, _, vice, _, _)) in rows.iter().enumerate() {
        let name: &'static str = Box::leak(format!("单位{i}").into_boxed_str());
        s.row(i as u32 + 1, &[S(name), *phone, S(vice), S(cats[i])]);
    }
    let p = plan(&conn, "phones.xlsx", &xlsx(&[s], false));
    for (i, (_, phones, _, vice, cat)) in rows.iter().enumerate() {
        let u = &unit(&p, &format!("单位{i}")).unit;
        assert_eq!(u.phones, *phones, "row {}", i + 2);
        assert_eq!(u.vice_chair, *vice, "row {}", i + 2);
        assert_eq!(u.category, *cat, "row {}", i + 2);
    }
    assert!(has_problem(&p, 9, Severity::Warning, "丢了开头 0"));
    assert!(has_problem(&p, 10, Severity::Warning, "科学计数法"));
    assert!(has_problem(&p, 11, Severity::Warning, "火星单位"));
}

#[test]
fn workbook_without_data_is_refused() {
    let e = plan_err("空表.xlsx", &xlsx(&[SheetSpec::new("Sheet1")], false));
    assert_eq!(e.kind(), "no_data");
    assert!(e.to_string().contains("没有含数据的工作表"), "{e}");
}

#[test]
fn an_unreadable_date_is_added_to_the_notes_without_losing_them() {
    let (_dir, path, mut conn) = temp_db();
    let existing = created(
        &conn,
        UnitDetails {
            name: "海棠小学".into(),
            notes: "重要单位".into(),
            ..Default::default()
        },
    );
    let mut s = SheetSpec::new("名册");
    s.row(0, &[S("单位名称"), S("入会时间")])
        .row(1, &[S("海棠小学"), S("2019.13")])
        .row(2, &[S("海棠中学"), S("2019.13")]);
    let bytes = xlsx(&[s], false);
    let p = plan(&conn, "a.xlsx", &bytes);
    assert_eq!((p.counts.new, p.counts.updated), (1, 1));
    import::commit(&mut conn, &path, &p, &mut no_progress).unwrap();
    let u = units::get(&conn, existing.id).unwrap();
    assert_eq!(u.notes, "重要单位；入会时间原文：2019.13");
    assert_eq!(u.joined_on, None);
    let new = units::find_by_name(&conn, "海棠中学").unwrap().unwrap();
    assert_eq!(new.notes, "入会时间原文：2019.13");
    let again = plan(&conn, "a.xlsx", &bytes);
    assert_eq!(
        (
            again.counts.new,
            again.counts.updated,
            again.counts.unchanged
        ),
        (0, 0, 2)
    );
}

/// The headers the preview reports as unrecognised, and the texts of its column warnings.
fn unrecognised(p: &ImportPlan) -> (Vec<&str>, Vec<&str>) {
    let headers = p
        .columns
        .iter()
        .filter(|c| c.unrecognised)
        .map(|c| c.header.as_str())
        .collect();
    let warnings = p
        .problems
        .iter()
        .filter(|x| x.message.contains("未能识别"))
        .map(|x| x.message.as_str())
        .collect();
    (headers, warnings)
}

#[test]
fn a_row_counter_column_is_known_and_an_unknown_header_is_reported() {
    let conn = lianxi::db::open_in_memory().unwrap();
    // A clean roster with 序号: nothing is unrecognised, and the counter is not imported.
    let mut s = SheetSpec::new("名册");
    s.row(0, &[S("序号"), S("单位名称"), S("联系人"), S("联系电话")])
        .row(1, &[N(1.0), S("海棠小学"), S("王海燕"), S("13800000000")])
        .row(2, &[N(2.0), S("海棠中学"), S("李明"), S("13900000000")]);
    let p = plan(&conn, "a.xlsx", &xlsx(&[s], false));
    assert_eq!(unrecognised(&p), (vec![], vec![]), "{:?}", p.columns);
    assert_eq!(p.columns[0].field, None, "序号 is not imported");
    assert_eq!(p.units.len(), 2);

    // The variants of 序号, and 编号 holding a counter (numbers or digit text).
    for (head, first, second) in [
        ("No.", N(1.0), N(2.0)),
        ("NO", N(1.0), N(2.0)),
        ("序", N(1.0), N(2.0)),
        ("排 序", N(1.0), N(2.0)),
        ("编号", N(1.0), N(2.0)),
        ("编号", S("001"), S("002")),
    ] {
        let mut s = SheetSpec::new("名册");
        s.row(0, &[S(head), S("单位名称")])
            .row(1, &[first, S("海棠小学")])
            .row(2, &[second, S("海棠中学")]);
        let p = plan(&conn, "a.xlsx", &xlsx(&[s], false));
        assert_eq!(
            unrecognised(&p),
            (vec![], vec![]),
            "{head}: {:?}",
            p.columns
        );
    }

    // A truly unknown header is still reported, and so is 编号 holding a unit's own code.
    let mut s = SheetSpec::new("名册");
    s.row(0, &[S("序号"), S("编号"), S("单位名称"), S("备用列X")])
        .row(1, &[N(1.0), S("HT-001"), S("海棠小学"), S("甲")])
        .row(2, &[N(2.0), S("HT-002"), S("海棠中学"), S("乙")]);
    let bytes = xlsx(&[s], false);
    let p = plan(&conn, "a.xlsx", &bytes);
    let (headers, warnings) = unrecognised(&p);
    assert_eq!(headers, vec!["编号", "备用列X"]);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("B列“编号”"), "{warnings:?}");
    assert!(warnings[1].contains("D列“备用列X”"), "{warnings:?}");

    // Mapping the unknown column by hand makes it recognised.
    let options = mapped(3, Field::Notes);
    let p = import::plan_bytes(&conn, "a.xlsx", &bytes, &options, &mut no_progress).unwrap();
    assert_eq!(unrecognised(&p).0, vec!["编号"]);
    assert_eq!(p.columns[3].field, Some(Field::Notes));
}
