//! The three lists imported from spreadsheets (split from `lists.rs`): a project list with its
//! claimants, needs and resources with raisers and offering units, claimants added as units in
//! the batch and leaving with its undo, rare characters, damaged files and a sheet without
//! names.

use crate::cli;
use crate::common;

use crate::cli::argv;
use crate::lists::{day, db_bytes, project, street_db, unit};
use chrono::NaiveDate;
use common::{xlsx, SheetSpec, V};
use lianxi::import::Severity;
use lianxi::lists::import::{
    self as limport, ClaimantChoice, ClaimantMapping, ListField, ListImportOptions,
};
use lianxi::lists::ListKind;
use lianxi::lists::{
    self, ClaimInput, NeedFilter, NeedStatus, ProjectFilter, ProjectStatus, ResourceKind,
};
use lianxi::units::{self, Source, UnitDetails, UnitInput};
use rusqlite::Connection;

/// A 项目清单 as an office sends it: a merged title row and a 填报单位 row above the header,
/// deadlines typed three ways (a date cell, 2026.9.28, 2026年10月8日) and as a month
/// (2026年12月), two claimants in one cell (one with a line break and a （牵头） mark), a
/// claimant missing from the roster, a bad date, a 合计 row and a 注 row.
pub(crate) fn project_workbook() -> Vec<u8> {
    use V::{D, N, S};
    let mut s = SheetSpec::new("项目清单");
    s.row(0, &[S("八大关街道2026年区域化党建共建项目清单")])
        .merge(0, 0, 0, 7)
        .row(
            1,
            &[
                S("填报单位：八大关街道党工委"),
                S(""),
                S(""),
                S(""),
                S(""),
                S("填报日期：2026年9月1日"),
            ],
        )
        .row(
            2,
            &[
                S("序号"),
                S("项目名称"),
                S("项目类别"),
                S("项目内容"),
                S("认领单位"),
                S("完成时限"),
                S("联系人"),
                S("联系电话"),
            ],
        )
        .row(
            3,
            &[
                N(1.0),
                S("“四点半课堂”志愿服务"),
                S("关心关爱"),
                S("每周三次课后辅导"),
                S("八大关小学、太平角宾馆有限公司"),
                D(2026, 12, 31),
                S("吴老师"),
                S("13805320101"),
            ],
        )
        .row(
            4,
            &[
                N(2.0),
                S("困难老人助餐"),
                S("关心关爱"),
                S("为独居老人送餐"),
                S("太平角宾馆有限公司\n八大关小学（牵头）"),
                S("2026.9.28"),
            ],
        )
        .row(
            5,
            &[
                N(3.0),
                S("红色物业联建"),
                S("区域发展"),
                S("小区议事会"),
                S("海大后勤集团"),
                S("2026年10月8日"),
            ],
        )
        .row(
            6,
            &[
                N(4.0),
                S("普法进社区"),
                S("宣传宣讲"),
                S("每季度一次法律讲座"),
                S(""),
                S("2026年12月"),
            ],
        )
        .row(
            7,
            &[
                N(5.0),
                S("海洋科普进校园"),
                S("科普"),
                S("科普讲座"),
                S("汇泉湾邮政支局"),
                S("明年上半年"),
            ],
        )
        .row(8, &[S("合计"), S("5项")])
        .row(9, &[S("注：认领单位可填写多个，用顿号分隔。")]);
    xlsx(&[s], false)
}

fn roster(conn: &Connection) -> (i64, i64, i64) {
    (
        unit(conn, "八大关小学"),
        unit(conn, "太平角宾馆有限公司"),
        unit(conn, "汇泉湾邮政支局"),
    )
}

#[test]
fn a_project_list_imports_with_its_claimants_and_undoes_as_a_whole() {
    let (_dir, path, mut conn) = street_db();
    let (school, hotel, post) = roster(&conn);
    let logistics = unit(&conn, "中国海洋大学后勤保障集团");
    let options = ListImportOptions {
        year: Some(2026),
        ..ListImportOptions::default()
    };
    let bytes = project_workbook();
    let plan =
        limport::plan_bytes(&conn, ListKind::Projects, "项目清单.xlsx", &bytes, &options).unwrap();
    assert_eq!(plan.header_rows, vec![3], "the title rows are skipped");
    assert_eq!(plan.counts.new, 5);
    assert_eq!(plan.counts.error_rows, 0);
    assert_eq!(
        (
            plan.counts.claims,
            plan.counts.matched_claims,
            plan.counts.unmatched_claims
        ),
        (6, 5, 1)
    );
    let rows: Vec<u32> = plan.projects.iter().map(|p| p.source_row).collect();
    assert_eq!(rows, vec![4, 5, 6, 7, 8]);
    let deadlines: Vec<Option<NaiveDate>> =
        plan.projects.iter().map(|p| p.input.deadline).collect();
    assert_eq!(
        deadlines,
        vec![
            Some(day(2026, 12, 31)),
            Some(day(2026, 9, 28)),
            Some(day(2026, 10, 8)),
            Some(day(2026, 12, 31)),
            None
        ]
    );
    // Two claimants in one cell; the first leads unless the sheet says otherwise.
    let first: Vec<(&str, Option<i64>, bool)> = plan.projects[0]
        .claims
        .iter()
        .map(|c| (c.name.as_str(), c.unit_id, c.lead))
        .collect();
    assert_eq!(
        first,
        vec![
            ("八大关小学", Some(school), true),
            ("太平角宾馆有限公司", Some(hotel), false)
        ]
    );
    let second: Vec<(&str, bool)> = plan.projects[1]
        .claims
        .iter()
        .map(|c| (c.name.as_str(), c.lead))
        .collect();
    assert_eq!(
        second,
        vec![("太平角宾馆有限公司", false), ("八大关小学", true)]
    );
    // The claimant not on the roster: a warning on its row, the name as written, no unit.
    assert_eq!(plan.unmatched, vec!["海大后勤集团"]);
    let c = &plan.projects[2].claims[0];
    assert_eq!((c.name.as_str(), c.unit_id), ("海大后勤集团", None));
    let warned = plan
        .problems
        .iter()
        .find(|p| p.field == Some(ListField::Claimants))
        .unwrap();
    assert_eq!((warned.row, warned.severity), (Some(6), Severity::Warning));
    assert!(
        warned.message.contains("海大后勤集团"),
        "{}",
        warned.message
    );
    // The bad date is a warning, kept in the notes; the unknown category too.
    assert!(plan
        .problems
        .iter()
        .any(|p| p.row == Some(8) && p.field == Some(ListField::Deadline)));
    assert!(plan.projects[4].input.notes.contains("明年上半年"));
    assert!(plan
        .problems
        .iter()
        .any(|p| p.row == Some(8) && p.field == Some(ListField::Category)));
    // 合计 and 注 rows are skipped with a note each.
    for r in [9, 10] {
        assert!(
            plan.problems
                .iter()
                .any(|p| p.row == Some(r) && p.severity == Severity::Info),
            "row {r}"
        );
    }

    // A dry run writes nothing; a mapping to a unit that is missing is refused, unchanged.
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = db_bytes(&path);
    let bad = [ClaimantMapping {
        name: "海大后勤集团".into(),
        choice: ClaimantChoice::Unit { unit_id: 999 },
    }];
    assert!(limport::commit(&mut conn, &path, &plan, &bad).is_err());
    assert!(db_bytes(&path) == before, "the database changed");

    let mapping = [ClaimantMapping {
        name: "海大后勤集团".into(),
        choice: ClaimantChoice::Unit { unit_id: logistics },
    }];
    let r = limport::commit(&mut conn, &path, &plan, &mapping).unwrap();
    assert_eq!((r.imported, r.claims), (5, 6));
    assert!(r.skipped_claimants.is_empty());
    let all = lists::list_projects(
        &conn,
        &ProjectFilter {
            year: Some(2026),
            ..ProjectFilter::default()
        },
    )
    .unwrap();
    let codes: Vec<&str> = all.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(
        codes,
        vec![
            "项2026-001",
            "项2026-002",
            "项2026-003",
            "项2026-004",
            "项2026-005"
        ]
    );
    assert_eq!(all[1].lead().unwrap().unit_id, school);
    assert_eq!(all[1].claims.len(), 2);
    assert_eq!(all[2].claims[0].unit_id, logistics);
    assert_eq!(all[2].claims[0].unit_name, "中国海洋大学后勤保障集团");
    assert_eq!(all[3].status, ProjectStatus::Unclaimed);
    assert_eq!(all[4].claims[0].unit_id, post);
    assert_eq!(all[0].source_row, Some(4));
    assert_eq!(all[0].claims[0].contact, "吴老师");
    assert_eq!(all[0].claims[0].phone, "13805320101");

    // The same plan committed twice (a double click) is refused, nothing written.
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = db_bytes(&path);
    assert_eq!(
        limport::commit(&mut conn, &path, &plan, &mapping)
            .unwrap_err()
            .kind(),
        "conflict"
    );
    assert!(db_bytes(&path) == before, "the database changed");
    // The same file again adds nothing: every name is already in the year.
    let again =
        limport::plan_bytes(&conn, ListKind::Projects, "项目清单.xlsx", &bytes, &options).unwrap();
    assert_eq!((again.counts.new, again.counts.existing), (0, 5));

    // Undo removes the batch whole; a second undo is refused.
    assert_eq!(
        limport::latest_batch(&conn, ListKind::Projects).unwrap(),
        Some(r.batch_id)
    );
    assert_eq!(limport::latest_batch(&conn, ListKind::Needs).unwrap(), None);
    assert_eq!(
        limport::undo(&mut conn, ListKind::Projects, r.batch_id)
            .unwrap()
            .removed,
        5
    );
    assert!(lists::list_projects(&conn, &ProjectFilter::default())
        .unwrap()
        .is_empty());
    let claims: i64 = conn
        .query_row("SELECT COUNT(*) FROM claims", [], |r| r.get(0))
        .unwrap();
    assert_eq!(claims, 0);
    assert_eq!(
        limport::undo(&mut conn, ListKind::Projects, r.batch_id)
            .unwrap_err()
            .kind(),
        "undo_refused"
    );

    // Without a mapping the unknown claimant's claim is left out (and named in the result).
    let plan =
        limport::plan_bytes(&conn, ListKind::Projects, "项目清单.xlsx", &bytes, &options).unwrap();
    let r = limport::commit(&mut conn, &path, &plan, &[]).unwrap();
    assert_eq!(r.skipped_claimants, vec!["海大后勤集团"]);
    assert_eq!(r.claims, 5);
    // Once a project of the batch is built on (a progress note), the batch cannot be undone.
    let p = lists::project_by_ref(&conn, "项2026-001").unwrap();
    lists::add_progress(&conn, p.id, day(2026, 10, 1), "已开课").unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = db_bytes(&path);
    assert_eq!(
        limport::undo(&mut conn, ListKind::Projects, r.batch_id)
            .unwrap_err()
            .kind(),
        "undo_refused"
    );
    assert!(db_bytes(&path) == before, "the database changed");
}

#[test]
fn needs_and_resources_import_with_raisers_and_offering_units() {
    use V::{D, S};
    let (_dir, path, mut conn) = street_db();
    let (school, _hotel, _post) = roster(&conn);
    lianxi::org::ensure_community(&conn, "太平角社区", "太平角社区党委").unwrap();
    let mut s = SheetSpec::new("需求");
    s.row(0, &[S("2026年需求清单")])
        .row(
            1,
            &[
                S("序号"),
                S("需求名称"),
                S("提出方"),
                S("需求类别"),
                S("需求内容"),
                S("期望完成时间"),
                S("状态"),
            ],
        )
        .row(
            2,
            &[
                S("1"),
                S("楼道扶手"),
                S("太平角社区"),
                S("关心关爱"),
                S("老旧楼加装扶手"),
                S("2026-12"),
                S("已发布"),
            ],
        )
        .row(
            3,
            &[
                S("2"),
                S("暑期托管"),
                S("居民"),
                S("关心关爱"),
                S(""),
                D(2026, 7, 1),
                S("待定"),
            ],
        )
        .row(4, &[S("3"), S(""), S("八大关小学"), S("宣传宣讲")])
        .row(5, &[S("合计")]);
    let bytes = xlsx(&[s], false);
    let options = ListImportOptions {
        year: Some(2026),
        ..ListImportOptions::default()
    };
    let plan = limport::plan_bytes(&conn, ListKind::Needs, "需求.xlsx", &bytes, &options).unwrap();
    assert_eq!((plan.counts.new, plan.counts.error_rows), (2, 1));
    assert_eq!(plan.needs[0].raised_by_name, "太平角社区");
    assert!(plan.needs[0].input.community_id.is_some());
    assert_eq!(plan.needs[0].input.wanted_by, Some(day(2026, 12, 31)));
    assert_eq!(plan.needs[1].input.raised_by, "居民");
    let err = plan
        .problems
        .iter()
        .find(|p| p.severity == Severity::Error)
        .unwrap();
    assert_eq!(err.row, Some(5));
    assert!(plan
        .problems
        .iter()
        .any(|p| p.row == Some(4) && p.field == Some(ListField::Status)));
    let r = limport::commit(&mut conn, &path, &plan, &[]).unwrap();
    let needs = lists::list_needs(&conn, &NeedFilter::default()).unwrap();
    assert_eq!(needs.len(), 2);
    assert_eq!(needs[0].status, NeedStatus::Published);
    assert_eq!(needs[1].status, NeedStatus::Collecting);
    assert_eq!(needs[0].code, "需2026-001");

    let mut s = SheetSpec::new("资源");
    s.row(
        0,
        &[
            S("提供单位"),
            S("资源类型"),
            S("资源名称"),
            S("资源内容"),
            S("提供时间"),
            S("可容纳人数"),
        ],
    )
    .row(
        1,
        &[
            S("八大关小学"),
            S("场地"),
            S("学校操场"),
            S("周末开放"),
            S("每周六"),
            S("200人"),
        ],
    )
    .row(
        2,
        &[
            S("青岛某律所"),
            S("法律咨询"),
            S("免费法律咨询"),
            S(""),
            S("每月一次"),
            S(""),
        ],
    );
    let bytes = xlsx(&[s], false);
    let plan =
        limport::plan_bytes(&conn, ListKind::Resources, "资源.xlsx", &bytes, &options).unwrap();
    assert_eq!(plan.counts.new, 2);
    assert_eq!(plan.resources[0].input.unit_id, Some(school));
    assert_eq!(plan.resources[0].input.kind, ResourceKind::Venue);
    assert_eq!(plan.resources[1].input.unit_name, "青岛某律所");
    assert_eq!(plan.resources[1].input.kind, ResourceKind::Other);
    let r2 = limport::commit(&mut conn, &path, &plan, &[]).unwrap();
    assert_eq!(r2.imported, 2);
    // Each list undoes only its own batch.
    assert_eq!(
        limport::undo(&mut conn, ListKind::Resources, r.batch_id)
            .unwrap_err()
            .kind(),
        "not_found"
    );
    // A need linked to a project cannot be undone with its batch.
    let p = lists::project_from_need(&conn, needs[0].id).unwrap();
    assert_eq!(
        limport::undo(&mut conn, ListKind::Needs, r.batch_id)
            .unwrap_err()
            .kind(),
        "undo_refused"
    );
    lists::delete_project(&conn, p.id).unwrap();
    assert_eq!(
        limport::undo(&mut conn, ListKind::Needs, r.batch_id)
            .unwrap()
            .removed,
        2
    );
    assert_eq!(
        limport::undo(&mut conn, ListKind::Resources, r2.batch_id)
            .unwrap()
            .removed,
        2
    );
}

/// Every row of a query, as values (to compare tables before and after).
fn rows(conn: &Connection, sql: &str) -> Vec<Vec<rusqlite::types::Value>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| r.get::<_, rusqlite::types::Value>(i))
            .collect()
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// The roster as stored: the units and their histories.
fn roster_rows(conn: &Connection) -> Vec<Vec<rusqlite::types::Value>> {
    let mut all = rows(conn, "SELECT * FROM units ORDER BY id");
    all.extend(rows(conn, "SELECT * FROM unit_history ORDER BY id"));
    all
}

fn add(name: &str) -> ClaimantMapping {
    ClaimantMapping {
        name: name.into(),
        choice: ClaimantChoice::New,
    }
}

#[test]
fn a_claimant_added_during_a_project_import_belongs_to_its_batch_and_leaves_with_its_undo() {
    let (_dir, path, mut conn) = street_db();
    roster(&conn);
    let bytes = project_workbook();
    let preview = |conn: &Connection| {
        let options = ListImportOptions {
            year: Some(2026),
            ..ListImportOptions::default()
        };
        limport::plan_bytes(conn, ListKind::Projects, "项目清单.xlsx", &bytes, &options).unwrap()
    };
    let plan = preview(&conn);
    assert_eq!(plan.unmatched, vec!["海大后勤集团"]);
    assert_eq!(rows(&conn, "SELECT id FROM units").len(), 3);

    // Adding a name the file does not hold as an unknown claimant, or one the roster has,
    // is refused before anything is written.
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = db_bytes(&path);
    let e = limport::commit(&mut conn, &path, &plan, &[add("崂山区某公司")]).unwrap_err();
    assert_eq!(e.kind(), "invalid");
    assert!(e.to_string().contains("崂山区某公司"), "{e}");
    let e = limport::commit(&mut conn, &path, &plan, &[add("八大关小学")]).unwrap_err();
    assert_eq!(e.kind(), "invalid", "{e}");
    assert!(db_bytes(&path) == before, "the database changed");
    // A stale preview: the unit was added to the roster by hand since.
    let by_hand = unit(&conn, "海大后勤集团");
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = db_bytes(&path);
    let e = limport::commit(&mut conn, &path, &plan, &[add("海大后勤集团")]).unwrap_err();
    assert_eq!(e.kind(), "conflict", "{e}");
    assert!(db_bytes(&path) == before, "the database changed");
    units::delete(&conn, by_hand).unwrap();
    let roster_before = roster_rows(&conn);

    // Added in the batch: the unit's row and history name it, and the claim points at it.
    let r = limport::commit(&mut conn, &path, &plan, &[add("海大后勤集团")]).unwrap();
    assert_eq!((r.imported, r.claims), (5, 6));
    assert_eq!(r.added_units, vec!["海大后勤集团"]);
    assert!(r.skipped_claimants.is_empty());
    let u = units::find_by_name(&conn, "海大后勤集团").unwrap().unwrap();
    assert_eq!(u.source_batch_id, Some(r.batch_id));
    assert_eq!(u.source_row, Some(6), "the first row naming it");
    assert!(u.notes.contains("项目清单.xlsx"), "{}", u.notes);
    let h = units::history(&conn, u.id).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(
        (h[0].source.as_str(), h[0].batch_id),
        ("导入", Some(r.batch_id))
    );
    let p3 = lists::project_by_ref(&conn, "项2026-003").unwrap();
    assert_eq!(p3.claims[0].unit_id, u.id);
    // The roster's own import history does not list a lists batch.
    assert!(lianxi::import::batches(&conn).unwrap().is_empty());

    // Undo removes the projects, their claims and the added unit: the roster is as it was.
    let undone = limport::undo(&mut conn, ListKind::Projects, r.batch_id).unwrap();
    assert_eq!(undone.removed, 5);
    assert_eq!(undone.removed_units, vec!["海大后勤集团"]);
    assert!(units::find_by_name(&conn, "海大后勤集团")
        .unwrap()
        .is_none());
    assert_eq!(roster_rows(&conn), roster_before);
    assert!(rows(&conn, "SELECT id FROM claims").is_empty());

    // Imported again with the unit added, which is then claimed for a project outside the
    // batch: undo is refused, saying where the unit is used, and nothing changes.
    let plan = preview(&conn);
    let r = limport::commit(&mut conn, &path, &plan, &[add("海大后勤集团")]).unwrap();
    let u = units::find_by_name(&conn, "海大后勤集团").unwrap().unwrap();
    let other = lists::add_project(&conn, &project("海滨环境整治", 2026)).unwrap();
    let lead = ClaimInput {
        unit_id: u.id,
        lead: true,
        ..ClaimInput::default()
    };
    lists::claim(&conn, other.id, &lead).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = db_bytes(&path);
    let e = limport::undo(&mut conn, ListKind::Projects, r.batch_id).unwrap_err();
    assert_eq!(e.kind(), "undo_refused");
    let msg = e.to_string();
    assert!(
        msg.contains("海大后勤集团") && msg.contains("项目认领"),
        "{msg}"
    );
    assert!(db_bytes(&path) == before, "the database changed");

    // Without that claim, but with the unit edited since: refused too (the edit would be lost).
    lists::unclaim(&conn, other.id, u.id).unwrap();
    units::update(
        &conn,
        u.id,
        &UnitInput {
            details: UnitDetails {
                name: u.name.clone(),
                contact: "郑老师".into(),
                ..Default::default()
            },
            ..UnitInput::default()
        },
        Source::Edit,
    )
    .unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = db_bytes(&path);
    let e = limport::undo(&mut conn, ListKind::Projects, r.batch_id).unwrap_err();
    assert_eq!(e.kind(), "undo_refused");
    assert!(e.to_string().contains("修改"), "{e}");
    assert!(db_bytes(&path) == before, "the database changed");
}

#[test]
fn rare_characters_damaged_files_and_a_sheet_without_names() {
    use V::S;
    let (dir, path, mut conn) = street_db();
    let school = unit(&conn, "𠮷祥珺堃小学");
    // Rare characters survive the store and the import, and match the roster.
    let mut s = SheetSpec::new("项目");
    s.row(0, &[S("项目名称"), S("认领单位"), S("牵头单位")])
        .row(
            1,
            &[S("𠮷祥书屋"), S("𠮷祥珺堃小学，堃鑫科技"), S("堃鑫科技")],
        );
    let bytes = xlsx(&[s], false);
    let options = ListImportOptions {
        year: Some(2026),
        ..ListImportOptions::default()
    };
    let plan = limport::plan_bytes(&conn, ListKind::Projects, "p.xlsx", &bytes, &options).unwrap();
    let claims: Vec<(&str, Option<i64>, bool)> = plan.projects[0]
        .claims
        .iter()
        .map(|c| (c.name.as_str(), c.unit_id, c.lead))
        .collect();
    // The 牵头单位 column names the lead, even one not on the roster.
    assert_eq!(
        claims,
        vec![
            ("𠮷祥珺堃小学", Some(school), false),
            ("堃鑫科技", None, true)
        ]
    );
    // A plan that went to the screen and back is the same plan.
    let back: limport::ListImportPlan =
        serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap();
    assert_eq!(back, plan);
    let r = limport::commit(&mut conn, &path, &back, &[]).unwrap();
    assert_eq!(r.skipped_claimants, vec!["堃鑫科技"]);
    let p = lists::project_by_ref(&conn, "项2026-001").unwrap();
    assert_eq!(p.name, "𠮷祥书屋");
    assert_eq!(p.claimants, "𠮷祥珺堃小学");
    assert!(p.claims[0].lead, "the only claim imported leads");

    // A damaged file and a sheet without a name column are refused in Chinese, unchanged.
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = db_bytes(&path);
    let mut damaged = project_workbook();
    damaged.truncate(damaged.len() / 2);
    let e =
        limport::plan_bytes(&conn, ListKind::Projects, "坏.xlsx", &damaged, &options).unwrap_err();
    assert!(e.to_string().contains("坏.xlsx"), "{e}");
    let mut s = SheetSpec::new("资源");
    s.row(0, &[S("提供单位"), S("联系人")])
        .row(1, &[S("八大关小学"), S("吴老师")]);
    let e = limport::plan_bytes(
        &conn,
        ListKind::Resources,
        "r.xlsx",
        &xlsx(&[s], false),
        &options,
    )
    .unwrap_err();
    assert!(e.to_string().contains("资源名称"), "{e}");
    assert!(db_bytes(&path) == before, "the database changed");
    // The command line reads a damaged file through the bounded worker: refused, unchanged.
    let file = dir.path().join("坏.xlsx");
    std::fs::write(&file, &damaged).unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let err = cli::refused(&path, &argv!["projects import", file.to_str().unwrap()]);
    assert!(err.contains("坏.xlsx"), "{err}");
    assert!(
        std::fs::read(&path).unwrap() == before,
        "the database changed"
    );
}
