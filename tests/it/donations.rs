//! Donations from an empty database: the store (pledges, receipts, withdrawal, statuses,
//! totals), the PDFs read back, imports of real .xlsx files, and bad input refused. The command
//! line: `donations_cli`.

// Amounts in fen are written yuan_fen (110_000_00 is ¥110,000.00): readable, deliberate.
#![allow(clippy::inconsistent_digit_grouping)]

use crate::common;
use crate::poppler;

use std::path::PathBuf;

use chrono::NaiveDate;
use common::{xlsx, SheetSpec, V};
use lianxi::donations::import::{self as dimport, DonationImportOptions};
use lianxi::donations::print::{
    certificate_contents, certificates_from, save_certificate_layout, CertificateLayout, DateStyle,
    FORBIDDEN_TITLES,
};
use lianxi::donations::{
    self, DonationFilter, DonationInput, DonationKind, DonationStatus, ReceiptInput, ReceiptMethod,
};
use lianxi::street::{self, StreetProfile};
use poppler::{squeeze, tool};

pub(crate) const STREET: &str = "八大关街道办事处";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An empty database file with the street's name filled in, as a secretary starts.
fn street_db() -> (tempfile::TempDir, PathBuf, rusqlite::Connection) {
    let (dir, path, conn) = common::temp_db();
    let p = StreetProfile {
        name: STREET.into(),
        party_org: "中共八大关街道工作委员会".into(),
        ..StreetProfile::default()
    };
    street::save(&conn, &p).unwrap();
    (dir, path, conn)
}

pub(crate) fn cash(donor: &str, fen: i64) -> DonationInput {
    DonationInput {
        donor_name: donor.into(),
        kind: DonationKind::Cash,
        pledged_fen: fen,
        year: Some(2026),
        ..DonationInput::default()
    }
}

fn receipt(fen: i64) -> ReceiptInput {
    ReceiptInput {
        amount_fen: fen,
        received_on: day(2026, 10, 8),
        method: ReceiptMethod::Transfer,
        notes: String::new(),
    }
}

#[test]
fn pledges_receipts_and_withdrawals_drive_status_and_totals() {
    let (_dir, _path, conn) = street_db();
    let a = donations::add(&conn, &cash("青岛某某啤酒有限公司", 50_000_00), None).unwrap();
    assert_eq!(a.status, DonationStatus::Pledged);
    let a = donations::receive(&conn, a.id, &receipt(20_000_00)).unwrap();
    assert_eq!(
        (a.status, a.received_fen),
        (DonationStatus::Partial, 20_000_00)
    );
    // More than what is still due is refused, with the amounts in the message.
    let e = donations::receive(&conn, a.id, &receipt(30_000_01)).unwrap_err();
    assert!(e.to_string().contains("¥30,000.00"), "{e}");
    // An edit keeps what arrived: the pledge cannot drop below it, the kind cannot change.
    let e = donations::update(&conn, a.id, &cash("青岛某某啤酒有限公司", 10_000_00)).unwrap_err();
    assert!(e.to_string().contains("¥20,000.00"), "{e}");
    let to_goods = DonationInput {
        kind: DonationKind::InKind,
        item_name: "啤酒".into(),
        quantity: "10".into(),
        quantity_unit: "箱".into(),
        ..cash("青岛某某啤酒有限公司", 0)
    };
    assert!(donations::update(&conn, a.id, &to_goods).is_err());
    let edited = DonationInput {
        purpose: "“帮到家”助困基金".into(),
        ..cash("青岛某某啤酒有限公司", 50_000_00)
    };
    let a = donations::update(&conn, a.id, &edited).unwrap();
    assert_eq!(
        (a.purpose.as_str(), a.received_fen),
        ("“帮到家”助困基金", 20_000_00)
    );
    let a = donations::receive(&conn, a.id, &receipt(30_000_00)).unwrap();
    assert_eq!(a.status, DonationStatus::Received);
    assert_eq!(a.receipts.len(), 2);
    let e = donations::withdraw(&conn, a.id, "企业经营困难", day(2026, 11, 1)).unwrap_err();
    assert!(e.to_string().contains("全部到账"), "{e}");

    // An outside donor, a person with a rare character, partly paid, then withdrawn.
    let b = donations::add(&conn, &cash("张𠮷", 10_000_00), Some(&receipt(1_000_00))).unwrap();
    assert_eq!((b.unit_id, b.status), (None, DonationStatus::Partial));
    let e = donations::withdraw(&conn, b.id, "  ", day(2026, 11, 1)).unwrap_err();
    assert!(e.to_string().contains("撤回原因"), "{e}");
    let b = donations::withdraw(&conn, b.id, "个人原因", day(2026, 11, 1)).unwrap();
    assert_eq!(b.status, DonationStatus::Withdrawn);
    assert!(donations::receive(&conn, b.id, &receipt(100)).is_err());

    let goods = DonationInput {
        donor_name: "海棠食品厂".into(),
        kind: DonationKind::InKind,
        item_name: "中秋月饼".into(),
        quantity: "200".into(),
        quantity_unit: "盒".into(),
        estimated_value_fen: Some(16_000_00),
        year: Some(2026),
        ..DonationInput::default()
    };
    let g = donations::add(&conn, &goods, None).unwrap();
    assert_eq!(g.goods(), "中秋月饼200盒");
    let unvalued = DonationInput {
        donor_name: "某爱心人士".into(),
        estimated_value_fen: None,
        item_name: "棉被".into(),
        quantity: "30".into(),
        quantity_unit: "床".into(),
        ..goods.clone()
    };
    donations::add(&conn, &unvalued, None).unwrap();

    let list = donations::list(&conn, &DonationFilter::default()).unwrap();
    let t = &list.totals;
    assert_eq!(t.count, 4);
    // A withdrawn pledge counts only what arrived.
    assert_eq!(t.cash_pledged_fen, 51_000_00);
    assert_eq!(t.cash_received_fen, 51_000_00);
    assert_eq!(t.cash_outstanding_fen, 0);
    assert_eq!(t.in_kind_value_fen, 16_000_00);
    assert_eq!(t.in_kind_unvalued, 1);
    assert_eq!(t.cash_pledged_upper, "伍万壹仟元整");
    assert_eq!(t.in_kind_value_upper, "壹万陆仟元整");

    let f = |status| DonationFilter {
        status: Some(status),
        ..DonationFilter::default()
    };
    assert_eq!(
        donations::list(&conn, &f(DonationStatus::Withdrawn))
            .unwrap()
            .donations
            .len(),
        1
    );
    let by_text = DonationFilter {
        text: "月饼".into(),
        ..DonationFilter::default()
    };
    assert_eq!(
        donations::list(&conn, &by_text).unwrap().donations[0].id,
        g.id
    );
}

#[test]
fn bad_donations_are_refused_with_chinese_reasons() {
    let (_dir, _path, conn) = street_db();
    let cases: Vec<(DonationInput, &str)> = vec![
        (cash("", 100), "请填写捐赠方"),
        (cash("某公司", 0), "认捐金额"),
        (cash("某公司", -5), "负数"),
        (
            DonationInput {
                credit_code: "91350100M000100Y44".into(),
                ..cash("某公司", 100)
            },
            "统一社会信用代码",
        ),
        (
            DonationInput {
                kind: DonationKind::InKind,
                ..cash("某公司", 0)
            },
            "物资名称",
        ),
        (
            DonationInput {
                kind: DonationKind::InKind,
                item_name: "大米".into(),
                quantity: "-3".into(),
                quantity_unit: "袋".into(),
                ..cash("某公司", 0)
            },
            "数量",
        ),
        (
            DonationInput {
                meeting_id: Some(99),
                ..cash("某公司", 100)
            },
            "会议",
        ),
    ];
    for (input, why) in cases {
        let e = donations::add(&conn, &input, None).unwrap_err();
        assert!(e.to_string().contains(why), "{why}: {e}");
    }
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM donations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

/// A list as offices keep it: a title over the header, amounts typed every way, a date cell,
/// dotted and Chinese dates, goods, an amount nobody can read, and a 合计 row.
pub(crate) fn office_list() -> Vec<u8> {
    let mut s = SheetSpec::new("捐赠明细");
    s.row(0, &[V::S("2026年联席会年会捐赠情况统计表")]);
    s.merge(0, 0, 0, 7);
    s.row(1, &[V::S("填报单位：八大关街道")]);
    s.row(
        2,
        &[
            V::S("序号"),
            V::S("捐赠单位"),
            V::S("捐赠方式"),
            V::S("认捐金额（元）"),
            V::S("到账金额"),
            V::S("到账日期"),
            V::S("物资名称"),
            V::S("数量"),
            V::S("计量单位"),
            V::S("折价金额"),
            V::S("用途"),
        ],
    );
    let rows: Vec<Vec<V>> = vec![
        vec![
            V::N(1.0),
            V::S("八大关小学"),
            V::S("现金"),
            V::N(30000.0),
            V::N(30000.0),
            V::D(2026, 9, 28),
        ],
        vec![
            V::N(2.0),
            V::S("太平角宾馆有限公司"),
            V::S("现金"),
            V::S("¥50,000.00"),
            V::S("2万"),
            V::S("2026.9.28"),
        ],
        vec![
            V::N(3.0),
            V::S("青岛某某科技有限公司"),
            V::S(""),
            V::S("3.5万元"),
            V::S(""),
            V::S(""),
        ],
        vec![
            V::N(4.0),
            V::S("张𠮷"),
            V::S("现金"),
            V::N(1234.5),
            V::S("１２３４．５"),
            V::S("2026年10月8日"),
        ],
        vec![
            V::N(5.0),
            V::S("某某超市"),
            V::S("物资"),
            V::S(""),
            V::S(""),
            V::S(""),
            V::S("大米"),
            V::N(100.0),
            V::S("袋"),
            V::S("5000"),
        ],
        vec![
            V::N(6.0),
            V::S("某某物业公司"),
            V::S("现金"),
            V::S("三万块"),
            V::S(""),
            V::S(""),
        ],
        vec![
            V::N(7.0),
            V::S("某某药店"),
            V::S("现金"),
            V::S("1000.123"),
            V::S(""),
            V::S(""),
        ],
    ];
    for (i, r) in rows.iter().enumerate() {
        s.row(3 + i as u32, r);
    }
    s.row(10, &[V::S("合计"), V::S(""), V::S(""), V::N(116234.5)]);
    xlsx(&[s], false)
}

fn roster_units(conn: &rusqlite::Connection) {
    for name in ["八大关小学", "太平角宾馆有限公司"] {
        lianxi::units::create(
            conn,
            &lianxi::units::UnitInput {
                details: lianxi::units::UnitDetails {
                    name: name.into(),
                    ..Default::default()
                },
                ..Default::default()
            },
            lianxi::units::Source::Edit,
        )
        .unwrap();
    }
}

#[test]
fn an_office_list_imports_with_problems_by_excel_row() {
    let (_dir, path, mut conn) = street_db();
    roster_units(&conn);
    let bytes = office_list();
    let plan = dimport::plan_bytes(
        &conn,
        "捐赠.xlsx",
        &bytes,
        &DonationImportOptions::default(),
    )
    .unwrap();
    assert_eq!(plan.header_rows, vec![3], "the title rows are ignored");
    let rows: Vec<u32> = plan.donations.iter().map(|d| d.source_row).collect();
    assert_eq!(rows, vec![4, 5, 6, 7, 8]);
    let c = plan.counts;
    assert_eq!((c.new, c.error_rows, c.members, c.outside), (5, 2, 2, 3));
    let err = |row: u32| {
        plan.problems
            .iter()
            .find(|p| p.row == Some(row) && p.severity == lianxi::import::Severity::Error)
            .map(|p| p.message.clone())
            .unwrap_or_default()
    };
    assert!(
        err(9).contains("第9行") && err(9).contains("三万块"),
        "{}",
        err(9)
    );
    assert!(err(10).contains("小数位"), "{}", err(10));
    assert!(plan
        .problems
        .iter()
        .any(|p| p.row == Some(11) && p.message.contains("合计")));
    let by_row = |r: u32| plan.donations.iter().find(|d| d.source_row == r).unwrap();
    assert_eq!(by_row(4).input.pledged_fen, 30_000_00);
    assert!(by_row(4).input.unit_id.is_some());
    assert_eq!(
        by_row(4).receipt.as_ref().unwrap().received_on,
        day(2026, 9, 28)
    );
    assert_eq!(by_row(5).input.pledged_fen, 50_000_00);
    assert_eq!(by_row(5).receipt.as_ref().unwrap().amount_fen, 20_000_00);
    assert_eq!(by_row(6).input.pledged_fen, 35_000_00);
    assert_eq!(by_row(7).input.pledged_fen, 1_234_50);
    assert_eq!(
        by_row(7).receipt.as_ref().unwrap().received_on,
        day(2026, 10, 8)
    );
    assert_eq!(by_row(8).input.kind, DonationKind::InKind);
    assert_eq!(by_row(8).input.estimated_value_fen, Some(5_000_00));

    let r = dimport::commit(&mut conn, &path, &plan).unwrap();
    assert_eq!(r.imported, 5);
    let list = donations::list(&conn, &DonationFilter::default()).unwrap();
    assert_eq!(list.totals.cash_pledged_fen, 116_234_50);
    assert_eq!(list.totals.cash_received_fen, 51_234_50);
    // The roster's own undo does not see this batch; the donations' undo removes it whole.
    assert!(lianxi::import::latest_undoable_batch(&conn)
        .unwrap()
        .is_none());
    assert_eq!(dimport::undo(&mut conn, r.batch_id).unwrap(), 5);
    assert!(donations::list(&conn, &DonationFilter::default())
        .unwrap()
        .donations
        .is_empty());
    assert!(dimport::undo(&mut conn, r.batch_id).is_err());
}

/// No paper is titled 收据, 票据 or 发票; a receipt someone else issued is printed “由××开具”.
#[test]
fn no_paper_is_a_receipt() {
    let (_dir, _path, conn) = street_db();
    let d = donations::add(
        &conn,
        &DonationInput {
            receipt_issuer: "海棠区慈善总会".into(),
            ..cash("八大关小学", 30_000_00)
        },
        Some(&receipt(30_000_00)),
    )
    .unwrap();
    let filter = DonationFilter::default();
    let register = donations::print::register_doc(&conn, &filter).unwrap();
    let letters = donations::print::thanks_docs(&conn, &filter, day(2026, 9, 25)).unwrap();
    let certs = certificate_contents(&conn, &filter, day(2026, 9, 25), DateStyle::Figures).unwrap();
    let mut titles: Vec<String> = certs.iter().map(|c| c.title.clone()).collect();
    for doc in std::iter::once(&register).chain(&letters) {
        titles.push(doc.title.clone());
        for b in &doc.blocks {
            if let lianxi::print::Block::Title(t) = b {
                titles.push(t.clone());
            }
        }
    }
    assert_eq!(titles.len(), 5, "{titles:?}");
    for t in &titles {
        for word in FORBIDDEN_TITLES {
            assert!(!t.contains(word), "{t}");
        }
    }
    let fonts = lianxi::print::FontSet::bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.pdf");
    std::fs::write(
        &file,
        donations::print::register_pdf(&conn, &filter, &fonts).unwrap(),
    )
    .unwrap();
    let text = squeeze(&tool("pdftotext", &[file.to_str().unwrap(), "-"]));
    assert!(text.contains("由海棠区慈善总会开具"), "{text}");
    assert_eq!(d.status, DonationStatus::Received);
}

#[test]
fn certificates_follow_the_layout_and_date_style() {
    let (_dir, _path, conn) = street_db();
    let d = donations::add(
        &conn,
        &DonationInput {
            purpose: "“帮到家”助困基金".into(),
            ..cash("八大关小学", 30_000_00)
        },
        None,
    )
    .unwrap();
    let filter = DonationFilter {
        ids: vec![d.id],
        ..DonationFilter::default()
    };
    let c = certificate_contents(&conn, &filter, day(2026, 9, 25), DateStyle::Chinese).unwrap();
    assert_eq!(c[0].date, "二〇二六年九月二十五日");
    assert_eq!(c[0].closing, "特发此证，以资鼓励。");
    assert!(
        c[0].reason.contains("人民币叁万元整（¥30,000.00）"),
        "{}",
        c[0].reason
    );
    let bad = CertificateLayout {
        width_mm: 20.0,
        ..CertificateLayout::default()
    };
    assert!(save_certificate_layout(&conn, &bad).is_err());
    let layout = CertificateLayout {
        width_mm: 260.0,
        height_mm: 185.0,
        offset_x_mm: 5.0,
        offset_y_mm: -3.0,
        date_style: DateStyle::Chinese,
        print_title: false,
    };
    save_certificate_layout(&conn, &layout).unwrap();
    let fonts = lianxi::print::FontSet::bundled().unwrap();
    let pdf = certificates_from(&c, &layout, &fonts).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.pdf");
    std::fs::write(&file, pdf).unwrap();
    let info = tool("pdfinfo", &[file.to_str().unwrap()]);
    // 260 × 185 mm = 737 × 524 pt.
    assert!(
        info.contains("737.008 x 524.409") || info.contains("737 x 524"),
        "{info}"
    );
    let text = squeeze(&tool("pdftotext", &[file.to_str().unwrap(), "-"]));
    assert!(
        !text.contains("荣誉证书"),
        "the title is pre-printed: {text}"
    );
    assert!(text.contains("二〇二六年九月二十五日"));
}

#[test]
fn the_demo_has_the_2025_and_2026_donations() {
    let mut conn = lianxi::db::open_in_memory().unwrap();
    lianxi::demo::load(&mut conn).unwrap();
    let meetings = lianxi::meetings::list(&conn).unwrap();
    let y = |year: i32| {
        let m = meetings
            .iter()
            .find(|m| m.date.map(|d| chrono::Datelike::year(&d)) == Some(year))
            .unwrap();
        donations::for_meeting(&conn, m.id).unwrap()
    };
    let last = y(2025);
    assert_eq!(last.totals.cash_pledged_fen, 110_000_00);
    assert_eq!(last.totals.cash_received_fen, 110_000_00);
    assert_eq!(last.totals.cash_pledged_upper, "壹拾壹万元整");
    assert_eq!(
        last.donations
            .iter()
            .filter(|d| d.kind == DonationKind::InKind)
            .count(),
        1
    );
    let this = y(2026);
    assert!(this
        .donations
        .iter()
        .any(|d| d.status == DonationStatus::Partial));
    assert!(this
        .donations
        .iter()
        .any(|d| d.status == DonationStatus::Pledged));
    // The register of the demo prints (it is sample data for showing the app).
    let fonts = lianxi::print::FontSet::bundled().unwrap();
    let filter = DonationFilter {
        year: Some(2025),
        ..DonationFilter::default()
    };
    let pdf = donations::print::register_pdf(&conn, &filter, &fonts).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

/// A private person is thanked as 您 and counted as 爱心人士, an organisation as 贵单位 and
/// 爱心单位, by the one rule (`Donation::from_person`): a short organisation name that is not
/// on the roster (海洋大学) is still an organisation, and a credit code makes any donor one.
#[test]
fn a_person_is_thanked_as_a_person_and_an_organisation_as_one() {
    let (_dir, _path, conn) = street_db();
    let add = |input: DonationInput| donations::add(&conn, &input, None).unwrap();
    let person = add(cash("张伟", 1_000_00));
    let school = add(cash("海洋大学", 5_000_00));
    let coded = add(DonationInput {
        credit_code: "91350100M000100Y43".into(),
        ..cash("李明", 2_000_00)
    });
    assert!(person.from_person());
    assert!(!school.from_person());
    assert!(!coded.from_person());
    for (d, you, not) in [
        (&person, "您", "贵单位"),
        (&school, "贵单位", "您"),
        (&coded, "贵单位", "您"),
    ] {
        let filter = DonationFilter {
            ids: vec![d.id],
            ..DonationFilter::default()
        };
        let letters = donations::print::thanks_docs(&conn, &filter, day(2026, 9, 25)).unwrap();
        let text = format!("{:?}", letters[0].blocks);
        assert!(
            text.contains(you) && !text.contains(not),
            "{}: {text}",
            d.donor_name
        );
    }
}

/// The app's own word for an in-kind gift's value, with its unit as offices write it, is read
/// as that value: a ¥24,000 gift of quilts imports with its 折价, and nothing warns.
#[test]
fn a_gift_valued_under_the_apps_own_heading_keeps_its_value() {
    let (_dir, path, mut conn) = street_db();
    let csv = "捐赠方,捐赠方式,物资名称,数量,计量单位,折价（元）,认捐日期\n\
               海棠爱心超市,物资,棉被,80,床,\"24,000\",2026-09-21\n";
    let plan = dimport::plan_bytes(
        &conn,
        "捐赠.csv",
        csv.as_bytes(),
        &DonationImportOptions::default(),
    )
    .unwrap();
    assert_eq!(plan.counts.new, 1, "{:?}", plan.problems);
    let problems: Vec<&str> = plan
        .problems
        .iter()
        .filter(|p| p.severity != lianxi::import::Severity::Info)
        .map(|p| p.message.as_str())
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(plan.donations[0].input.estimated_value_fen, Some(2_400_000));
    dimport::commit(&mut conn, &path, &plan).unwrap();
    let listed = donations::list(&conn, &DonationFilter::default()).unwrap();
    assert_eq!(listed.donations[0].estimated_value_fen, Some(2_400_000));
}
