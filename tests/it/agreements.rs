//! Agreements end to end: template → agreement → PDF read back with poppler; numbering,
//! snapshots, placeholders, glyphs and status. In quantity and on the command line: `agreements_batch`.

use std::path::{Path, PathBuf};

use crate::poppler;

use poppler::{squeeze, tool};

use chrono::NaiveDate;
use lianxi::agreements::{
    self, templates, AgreementOptions, AgreementStatus, PairSpec, PartyRef, TemplateInput,
};
use lianxi::error::FixTarget;
use lianxi::print::FontSet;
use lianxi::street::{self, StreetField};
use lianxi::{db, demo, units};
use rusqlite::Connection;

pub(crate) fn demo_db() -> Connection {
    let mut conn = db::open_in_memory().unwrap();
    demo::load(&mut conn).unwrap();
    conn
}

fn unit_id(conn: &Connection, name: &str) -> i64 {
    units::find_by_name(conn, name).unwrap().unwrap().id
}

pub(crate) fn options() -> AgreementOptions {
    AgreementOptions {
        year: Some(2026),
        term_start: NaiveDate::from_ymd_opt(2026, 9, 21),
        projects: vec!["共建“海洋科普角”".into()],
        ..AgreementOptions::default()
    }
}

pub(crate) fn street_with(conn: &Connection, unit: &str) -> PairSpec {
    PairSpec {
        party_a: PartyRef::street(),
        party_b: PartyRef::unit(unit_id(conn, unit)),
    }
}

pub(crate) fn write_pdf(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn created_agreement_prints_parties_clauses_and_number() {
    let conn = demo_db();
    let a = agreements::create(&conn, &street_with(&conn, "海棠区图书馆"), &options()).unwrap();
    assert_eq!(a.status, AgreementStatus::Draft);
    let fonts = FontSet::bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    agreements::write_agreements_pdf(&conn, &[a.id], &fonts, &pdf, &mut |_, _| true).unwrap();
    assert!(!dir.path().join("a.pdf.part").exists() && !dir.path().join(".a.pdf.part").exists());
    let pdf = pdf.to_str().unwrap();
    let flat = squeeze(&tool("pdftotext", &["-layout", pdf, "-"]));
    for needle in [
        "党建结对共建协议书",
        a.number.as_str(),
        "甲方：中共海棠街道工作委员会（示例）",
        "乙方：中共海棠区图书馆委员会",
        "负责人：周立新",
        "一、共建原则",
        "（一）党建工作联抓",
        "（六）民生事业联办",
        "本年度共建项目：共建“海洋科普角”。",
        "五、工作机制",
        "本协议有效期自2026年9月21日起至2026年12月31日",
        "七、其他",
        "本协议一式两份，双方各执一份，具有同等效力",
        "甲方（盖章）：",
        "负责人（签字）：",
    ] {
        assert!(flat.contains(&squeeze(needle)), "missing {needle}\n{flat}");
    }
    assert!(!flat.contains("{{"), "a placeholder was printed");
    let fonts_out = tool("pdffonts", &[pdf]);
    let rows: Vec<&str> = fonts_out.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        assert!(
            row.contains("yes yes"),
            "font not an embedded subset: {row}"
        );
    }
    assert_eq!(
        agreements::get(&conn, a.id).unwrap().status,
        AgreementStatus::Printed
    );
}

/// A real street as a secretary starts it: an empty database, the street's profile filled
/// in, a few units typed in. No demo.
fn fresh_street() -> Connection {
    let conn = db::open_in_memory().unwrap();
    street::save(&conn, &crate::common::street_profile()).unwrap();
    for name in ["八大关小学", "八大关医院", "八大关邮政支局"] {
        units::create(
            &conn,
            &units::UnitInput {
                details: units::UnitDetails {
                    name: name.into(),
                    party_org: format!("中共{name}支部委员会"),
                    party_secretary: "张书记".into(),
                    contact: "赵联络".into(),
                    phones: vec!["13805320001".into()],
                    ..Default::default()
                },
                ..Default::default()
            },
            units::Source::Edit,
        )
        .unwrap();
    }
    conn
}

fn numbers(conn: &Connection) -> Vec<String> {
    agreements::list(conn, None)
        .unwrap()
        .into_iter()
        .filter(|a| !a.number.is_empty())
        .map(|a| a.number)
        .collect()
}

#[test]
fn numbers_are_given_at_first_print_without_gaps_or_repeats() {
    let conn = fresh_street();
    let fonts = FontSet::bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let print = |ids: &[i64], name: &str| {
        agreements::write_agreements_pdf(&conn, ids, &fonts, &dir.path().join(name), &mut |_, _| {
            true
        })
    };
    let made = agreements::pair_many(
        &conn,
        &[
            street_with(&conn, "八大关小学"),
            street_with(&conn, "八大关医院"),
            street_with(&conn, "八大关邮政支局"),
        ],
        &options(),
    )
    .unwrap();
    // Drafts have no number, so deleting one loses none.
    assert!(made.iter().all(|a| a.number.is_empty() && a.seq.is_none()));
    agreements::delete_draft(&conn, made[0].id).unwrap();
    // Printed in the order asked for: 医院 first, then 邮政.
    print(&[made[2].id, made[1].id], "two.pdf").unwrap();
    assert_eq!(
        agreements::get(&conn, made[2].id).unwrap().number,
        "八大关共建〔2026〕第001号"
    );
    assert_eq!(
        agreements::get(&conn, made[1].id).unwrap().number,
        "八大关共建〔2026〕第002号"
    );
    // Printing again keeps the numbers; a printed agreement cannot be deleted, only voided.
    print(&[made[1].id], "again.pdf").unwrap();
    assert_eq!(numbers(&conn).len(), 2);
    assert_eq!(
        agreements::delete_draft(&conn, made[1].id)
            .unwrap_err()
            .kind(),
        "conflict"
    );
    let voided = agreements::void(
        &conn,
        made[1].id,
        NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
        "单位更名",
    )
    .unwrap();
    assert_eq!(voided.status, AgreementStatus::Void);
    assert_eq!(voided.number, "八大关共建〔2026〕第002号");
    assert_eq!(
        print(&[made[1].id], "void.pdf").unwrap_err().kind(),
        "conflict"
    );
    // A failed print (its folder is missing) burns no number; the next print takes 003.
    let c = agreements::create(&conn, &street_with(&conn, "八大关小学"), &options()).unwrap();
    let nowhere = dir.path().join("no-such-folder").join("x.pdf");
    assert!(
        agreements::write_agreements_pdf(&conn, &[c.id], &fonts, &nowhere, &mut |_, _| true)
            .is_err()
    );
    assert_eq!(
        agreements::get(&conn, c.id).unwrap().status,
        AgreementStatus::Draft
    );
    assert!(agreements::get(&conn, c.id).unwrap().number.is_empty());
    print(&[c.id], "c.pdf").unwrap();
    assert_eq!(
        agreements::get(&conn, c.id).unwrap().number,
        "八大关共建〔2026〕第003号"
    );
    // A cancelled print burns none either.
    let d = agreements::create(&conn, &street_with(&conn, "八大关医院"), &options()).unwrap();
    let err = agreements::write_agreements_pdf(
        &conn,
        &[d.id],
        &fonts,
        &dir.path().join("cancelled.pdf"),
        &mut |_, _| false,
    )
    .unwrap_err();
    assert_eq!(err.kind(), "cancelled");
    assert!(agreements::get(&conn, d.id).unwrap().number.is_empty());
    // A new year starts at 001; the prefix follows the street's profile at print time.
    let mut p = street::get(&conn).unwrap();
    p.number_prefix = "八街共建".into();
    street::save(&conn, &p).unwrap();
    let next_year = AgreementOptions {
        year: Some(2027),
        ..options()
    };
    let e = agreements::create(&conn, &street_with(&conn, "八大关医院"), &next_year).unwrap();
    agreements::write_agreement_files(&conn, &[e.id, d.id], &fonts, dir.path(), &mut |_, _| true)
        .unwrap();
    assert_eq!(
        agreements::get(&conn, e.id).unwrap().number,
        "八街共建〔2027〕第001号"
    );
    assert_eq!(
        agreements::get(&conn, d.id).unwrap().number,
        "八街共建〔2026〕第001号"
    );
    let mut all = numbers(&conn);
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n, "no number repeats");
}

#[test]
fn agreements_of_a_dated_meeting_belong_to_its_year() {
    use chrono::Datelike;
    use lianxi::meetings::{self, MeetingInput};
    let conn = fresh_street();
    let meeting = |date: Option<NaiveDate>| {
        meetings::create(
            &conn,
            &MeetingInput {
                title: format!("{}年联席会", date.map_or(0, |d| d.year())),
                date,
                ..MeetingInput::default()
            },
        )
        .unwrap()
        .id
    };
    let dated = meeting(NaiveDate::from_ymd_opt(2031, 9, 21));
    let undated = meeting(None);
    let pair = street_with(&conn, "八大关小学");
    let made = |options: AgreementOptions| agreements::create(&conn, &pair, &options).unwrap();
    let a = made(AgreementOptions {
        meeting_id: Some(dated),
        ..AgreementOptions::default()
    });
    assert_eq!(a.year, 2031);
    // The term runs from the signing day (the meeting's), not from 1月1日.
    assert_eq!(a.term_start, NaiveDate::from_ymd_opt(2031, 9, 21));
    assert_eq!(a.term_end, NaiveDate::from_ymd_opt(2031, 12, 31));
    let b = made(AgreementOptions {
        meeting_id: Some(undated),
        ..AgreementOptions::default()
    });
    assert_eq!(b.year, chrono::Local::now().year());
    // A year or a term given wins over the meeting's.
    let c = made(AgreementOptions {
        meeting_id: Some(dated),
        term_start: NaiveDate::from_ymd_opt(2030, 7, 1),
        ..AgreementOptions::default()
    });
    assert_eq!(c.year, 2030);
    let missing = agreements::create(
        &conn,
        &pair,
        &AgreementOptions {
            meeting_id: Some(999),
            ..AgreementOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(missing.kind(), "not_found");
}

#[test]
fn a_draft_can_be_edited_and_takes_details_filled_in_after_pairing() {
    let conn = fresh_street();
    let hospital = unit_id(&conn, "八大关医院");
    conn.execute(
        "UPDATE units SET party_secretary = '' WHERE id = ?1",
        [hospital],
    )
    .unwrap();
    let a = agreements::create(&conn, &street_with(&conn, "八大关医院"), &options()).unwrap();
    let fonts = FontSet::bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    // The missing 负责人 names the unit and where to fill it in, and burns no number.
    let err = agreements::write_agreements_pdf(&conn, &[a.id], &fonts, &pdf, &mut |_, _| true)
        .unwrap_err();
    assert_eq!(err.kind(), "missing_info");
    assert!(err.to_string().contains("乙方负责人"), "{err}");
    assert!(err.to_string().contains("成员单位"), "{err}");
    assert_eq!(err.fix(), Some(&FixTarget::Unit { id: hospital }));
    assert!(!pdf.exists());
    // Filled in on the unit afterwards: the draft takes it at print time.
    conn.execute(
        "UPDATE units SET party_secretary = '刘院长' WHERE id = ?1",
        [hospital],
    )
    .unwrap();
    // Edited: one copy, other areas, another contact for the street.
    let mut edit = agreements::DraftEdit::of(&a);
    edit.copies = 1;
    edit.areas = vec!["党建工作联抓".into(), "民生事业联办".into()];
    edit.party_a.contact = "孙敏".into();
    let edited = agreements::update_draft(&conn, a.id, &edit).unwrap();
    assert_eq!(edited.copies, 1);
    edit.copies = 0;
    assert_eq!(
        agreements::update_draft(&conn, a.id, &edit)
            .unwrap_err()
            .kind(),
        "invalid"
    );
    agreements::write_agreements_pdf(&conn, &[a.id], &fonts, &pdf, &mut |_, _| true).unwrap();
    let text = squeeze(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    for want in [
        "刘院长",
        "孙敏",
        "（二）民生事业联办",
        "八大关共建〔2026〕第001号",
    ] {
        assert!(text.contains(want), "{want} missing");
    }
    assert!(!text.contains("社会治理联做"));
    assert_eq!(
        agreements::update_draft(&conn, a.id, &edit)
            .unwrap_err()
            .kind(),
        "conflict"
    );
}

#[test]
fn pairing_checks_name_what_is_missing_and_where() {
    let conn = fresh_street();
    let c = lianxi::org::create_community(
        &conn,
        &lianxi::org::CommunityInput {
            name: "太平角社区".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let school = unit_id(&conn, "八大关小学");
    let pairs = [
        PairSpec {
            party_a: PartyRef::community(c.id),
            party_b: PartyRef::unit(school),
        },
        street_with(&conn, "八大关医院"),
        street_with(&conn, "八大关医院"),
    ];
    let checks = agreements::check_pairs(&conn, &pairs, &options()).unwrap();
    let first: Vec<&str> = checks[0].iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        first,
        ["甲方“太平角社区党委”缺书记、联系人、电话，请在“社区与分会”中补全。"]
    );
    assert!(checks[0]
        .iter()
        .all(|w| w.fix == Some(FixTarget::Community { id: c.id })));
    assert!(checks[1].is_empty(), "{:?}", checks[1]);
    assert!(checks[2][0].message.contains("第 2 行"));
    // The street without a party organisation: pairing names the field in 设置.
    let mut p = street::get(&conn).unwrap();
    p.party_org.clear();
    street::save(&conn, &p).unwrap();
    let checks = agreements::check_pairs(&conn, &pairs[1..2], &options()).unwrap();
    assert_eq!(
        checks[0][0].fix,
        Some(FixTarget::Street {
            field: StreetField::PartyOrg
        })
    );
    let err = agreements::create(&conn, &pairs[1], &options()).unwrap_err();
    assert_eq!(err.kind(), "missing_info");
    assert!(err.to_string().contains("党组织全称"), "{err}");
}

#[test]
fn template_edits_do_not_change_existing_agreements() {
    let conn = demo_db();
    let a = agreements::create(&conn, &street_with(&conn, "海棠区图书馆"), &options()).unwrap();
    let t = templates::get(&conn, a.template_id.unwrap()).unwrap();
    let mut body = t.body.clone();
    body.title = "改过的协议书".into();
    templates::update(
        &conn,
        t.id,
        &TemplateInput {
            name: t.name.clone(),
            body,
        },
    )
    .unwrap();
    let again = agreements::get(&conn, a.id).unwrap();
    assert_eq!(again.template.title, "党建结对共建协议书");
    let doc = agreements::build_doc(&again).unwrap();
    assert_eq!(doc.title, "党建结对共建协议书");
    // A used template cannot be deleted.
    assert_eq!(
        templates::delete(&conn, t.id).unwrap_err().kind(),
        "conflict"
    );
}

#[test]
fn unknown_placeholders_are_refused_and_named() {
    let conn = demo_db();
    let t = &templates::list(&conn).unwrap()[0];
    let mut body = t.body.clone();
    body.preamble.push_str("{{丙方名称}}");
    let err = templates::create(
        &conn,
        &TemplateInput {
            name: "坏模板".into(),
            body: body.clone(),
        },
    )
    .unwrap_err();
    assert_eq!(err.kind(), "unknown_placeholder");
    assert!(err.to_string().contains("丙方名称"), "{err}");
    assert!(err.to_string().contains("坏模板"), "{err}");

    // A snapshot holding one (e.g. edited in the database) fails before printing.
    let a = agreements::create(&conn, &street_with(&conn, "海棠区图书馆"), &options()).unwrap();
    conn.execute(
        "UPDATE agreements SET template_snapshot = ?1 WHERE id = ?2",
        rusqlite::params![serde_json::to_string(&body).unwrap(), a.id],
    )
    .unwrap();
    let fonts = FontSet::bundled().unwrap();
    let err = agreements::render_agreement(&conn, a.id, &fonts).unwrap_err();
    assert_eq!(err.kind(), "unknown_placeholder");
    let msg = err.to_string();
    assert!(msg.contains(&a.number) && msg.contains("丙方名称"), "{msg}");
    assert_eq!(
        agreements::get(&conn, a.id).unwrap().status,
        AgreementStatus::Draft
    );

    // An empty value is "unfilled", named too.
    let mut pair = street_with(&conn, "海棠区档案馆");
    pair.party_b.phone = None;
    let u = units::find_by_name(&conn, "海棠区档案馆").unwrap().unwrap();
    conn.execute("UPDATE units SET phones = '[]' WHERE id = ?1", [u.id])
        .unwrap();
    let b = agreements::create(&conn, &pair, &options()).unwrap();
    let err = agreements::render_agreement(&conn, b.id, &fonts).unwrap_err();
    assert_eq!(err.kind(), "missing_info");
    assert!(
        err.to_string().contains("乙方电话") && err.to_string().contains("海棠区档案馆"),
        "{err}"
    );
    assert_eq!(err.fix(), Some(&FixTarget::Unit { id: u.id }));
}

#[test]
fn missing_glyph_is_reported_by_record_and_field() {
    let conn = demo_db();
    let mut pair = street_with(&conn, "海棠区图书馆");
    pair.party_b.contact = Some("王\u{E000}".into());
    let a = agreements::create(&conn, &pair, &options()).unwrap();
    let fonts = FontSet::bundled().unwrap();
    let err = agreements::render_agreement(&conn, a.id, &fonts).unwrap_err();
    assert_eq!(err.kind(), "missing_glyph");
    let msg = err.to_string();
    assert!(
        msg.contains(&a.number) && msg.contains("乙方联系人"),
        "{msg}"
    );
    assert!(msg.contains("E000"), "{msg}");
    assert_eq!(
        agreements::get(&conn, a.id).unwrap().status,
        AgreementStatus::Draft
    );
}

#[test]
fn status_moves_forward_only_and_keeps_the_scan() {
    // A street's first agreement, from an empty database: printed, signed with its scan, filed.
    let conn = fresh_street();
    let a = agreements::create(&conn, &street_with(&conn, "八大关小学"), &options()).unwrap();
    let data = tempfile::tempdir().unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let err = agreements::mark_signed(&conn, a.id, date, None, data.path()).unwrap_err();
    assert_eq!(err.kind(), "illegal_transition");
    assert!(err.to_string().contains("草拟"), "{err}");
    assert_eq!(
        agreements::archive(&conn, a.id).unwrap_err().kind(),
        "illegal_transition"
    );
    agreements::mark_printed(&conn, &[a.id]).unwrap();
    let scan = data.path().join("扫描件.PDF");
    std::fs::write(&scan, b"%PDF-1.4 scan").unwrap();
    let signed = agreements::mark_signed(&conn, a.id, date, Some(&scan), data.path()).unwrap();
    assert_eq!(signed.status, AgreementStatus::Signed);
    assert_eq!(signed.signed_on, Some(date));
    let rel = signed.scan_file.clone().unwrap();
    assert!(rel.starts_with("scans/") && rel.ends_with(".pdf"), "{rel}");
    assert_eq!(
        std::fs::read(data.path().join(&rel)).unwrap(),
        b"%PDF-1.4 scan"
    );
    assert_eq!(
        agreements::archive(&conn, a.id).unwrap().status,
        AgreementStatus::Archived
    );
    assert!(agreements::archive(&conn, a.id).is_err());
}
