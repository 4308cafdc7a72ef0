//! The roster importer against a roster that already has units: duplicates become updates or
//! stay unchanged, undo (and when it is refused), export then re-import, progress and cancel.

use crate::common;

use common::{messy_roster, temp_db, xlsx, SheetSpec, V::*};
use lianxi::import::{self, no_progress, Action, ImportOptions};
use lianxi::units::{self, UnitCategory, UnitDetails, UnitInput, UnitStatus};

use super::import_roster::{created, plan, unit};

#[test]
fn duplicates_in_database_become_updates_or_unchanged() {
    let (_dir, path, mut conn) = temp_db();
    let existing = created(
        &conn,
        UnitDetails {
            name: "海棠小学".into(),
            category: UnitCategory::School,
            contact: "旧联系人".into(),
            phones: vec!["13800000000".into()],
            address: "海棠路1号".into(),
            ..Default::default()
        },
    );
    created(
        &conn,
        UnitDetails {
            name: "海棠中学".into(),
            category: UnitCategory::School,
            ..Default::default()
        },
    );
    let mut s = SheetSpec::new("名册");
    s.row(
        0,
        &[
            S("单位名称"),
            S("单位类别"),
            S("联系人"),
            S("联系电话"),
            S("状态"),
            S("退出时间"),
        ],
    );
    s.row(
        1,
        &[
            S("海棠 小学"),
            S("学校"),
            S("新联系人"),
            S(""),
            S(""),
            S(""),
        ],
    );
    s.row(2, &[S("海棠中学"), S("学校"), S(""), S(""), S(""), S("")]);
    s.row(
        3,
        &[
            S("海棠幼儿园"),
            S("幼儿园"),
            S("园长"),
            S("0532-82860001"),
            S("已退出"),
            S("2025年12月"),
        ],
    );
    let p = plan(&conn, "a.xlsx", &xlsx(&[s], false));
    assert_eq!(
        (p.counts.new, p.counts.updated, p.counts.unchanged),
        (1, 1, 1)
    );
    let upd = unit(&p, "海棠小学");
    assert_eq!(upd.action, Action::Update);
    assert_eq!(upd.existing_id, Some(existing.id));
    assert_eq!(
        upd.changes.len(),
        1,
        "blank cells keep stored values: {:?}",
        upd.changes
    );
    assert_eq!(upd.changes[0].field, "联系人");
    assert_eq!(upd.changes[0].old, "旧联系人");
    assert_eq!(unit(&p, "海棠中学").action, Action::Unchanged);

    let batch = import::commit(&mut conn, &path, &p, &mut no_progress).unwrap();
    assert_eq!(batch.counts.new, 1);
    assert!(batch
        .backup_id
        .as_deref()
        .unwrap()
        .contains("before-import"));
    assert!(lianxi::backup::list(&path)
        .unwrap()
        .iter()
        .any(|b| Some(&b.id) == batch.backup_id.as_ref()));
    let u = units::get(&conn, existing.id).unwrap();
    assert_eq!(u.contact, "新联系人");
    assert_eq!(u.phones, vec!["13800000000"]);
    assert_eq!(u.address, "海棠路1号");
    assert_eq!(u.source_batch_id, Some(batch.id));
    assert_eq!(u.source_sheet.as_deref(), Some("名册"));
    assert_eq!(u.source_row, Some(2));
    let k = units::find_by_name(&conn, "海棠幼儿园").unwrap().unwrap();
    assert_eq!(k.status, UnitStatus::Left);
    assert_eq!(k.left_on.as_deref(), Some("2025-12"));
    assert_eq!(k.source_row, Some(4));
    let h = units::history(&conn, existing.id).unwrap();
    assert_eq!(h[0].source, "导入");
    assert_eq!(h[0].batch_id, Some(batch.id));

    // Importing the same file again changes nothing.
    let again = plan(
        &conn,
        "a.xlsx",
        &xlsx(
            &[{
                let mut s = SheetSpec::new("名册");
                s.row(0, &[S("单位名称"), S("联系人")])
                    .row(1, &[S("海棠小学"), S("新联系人")]);
                s
            }],
            false,
        ),
    );
    assert_eq!(
        (
            again.counts.new,
            again.counts.updated,
            again.counts.unchanged
        ),
        (0, 0, 1)
    );

    // Undo restores the old values and removes the new unit.
    let summary = import::undo(&mut conn, batch.id, &mut no_progress).unwrap();
    assert_eq!((summary.removed, summary.restored), (1, 1));
    let u = units::get(&conn, existing.id).unwrap();
    assert_eq!(u.contact, "旧联系人");
    assert_eq!(u.source_batch_id, None);
    assert!(units::find_by_name(&conn, "海棠幼儿园").unwrap().is_none());
    assert_eq!(
        units::history(&conn, existing.id).unwrap()[0].source,
        "撤销导入"
    );
    let e = import::undo(&mut conn, batch.id, &mut no_progress).unwrap_err();
    assert_eq!(e.kind(), "undo_refused");
    assert!(e.to_string().contains("不能重复撤销"), "{e}");
    assert!(import::latest_undoable_batch(&conn).unwrap().is_none());
}

#[test]
fn undo_is_refused_when_a_new_unit_is_referred_to_or_edited() {
    let (_dir, path, mut conn) = temp_db();
    let p = plan(&conn, "a.csv", common::SIMPLE_CSV.as_bytes());
    let batch = import::commit(&mut conn, &path, &p, &mut no_progress).unwrap();
    let clinic = units::find_by_name(&conn, "海棠社区卫生服务中心")
        .unwrap()
        .unwrap();
    conn.execute(
        "INSERT INTO meetings (title, created_at, updated_at) VALUES ('年会', '', '')",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO attendance (meeting_id, unit_id) VALUES (1, ?1)",
        [clinic.id],
    )
    .unwrap();
    let e = import::undo(&mut conn, batch.id, &mut no_progress).unwrap_err();
    assert_eq!(e.kind(), "undo_refused");
    assert!(e.to_string().contains("海棠社区卫生服务中心"), "{e}");
    assert_eq!(units::list(&conn).unwrap().len(), 2, "nothing removed");
    conn.execute("DELETE FROM attendance", []).unwrap();

    let inst = units::find_by_name(&conn, "海棠研究所").unwrap().unwrap();
    let mut edit = UnitInput::from(&inst);
    edit.contact = "后来改的".into();
    units::update(&conn, inst.id, &edit, units::Source::Edit).unwrap();
    let e = import::undo(&mut conn, batch.id, &mut no_progress).unwrap_err();
    assert!(e.to_string().contains("又被修改过"), "{e}");
    assert_eq!(units::list(&conn).unwrap().len(), 2);
}

#[test]
fn export_then_reimport_changes_nothing() {
    let (dir, path, mut conn) = temp_db();
    let p = plan(&conn, "名册.xlsx", &xlsx(&messy_roster(), false));
    import::commit(&mut conn, &path, &p, &mut no_progress).unwrap();
    let p2 = plan(&conn, "b.csv", common::SIMPLE_CSV.as_bytes());
    import::commit(&mut conn, &path, &p2, &mut no_progress).unwrap();
    let out = dir.path().join("导出.xlsx");
    let n = lianxi::export::export_units(&conn, &out, None).unwrap();
    assert_eq!(n, 8);
    let bytes = std::fs::read(&out).unwrap();
    let again = plan(&conn, "导出.xlsx", &bytes);
    assert_eq!(again.header_rows, vec![1]);
    assert!(
        again.columns.iter().all(|c| c.field.is_some()),
        "{:?}",
        again.columns
    );
    assert_eq!(again.counts.new, 0);
    assert_eq!(
        again.counts.updated,
        0,
        "{:?}",
        again
            .units
            .iter()
            .filter(|u| !u.changes.is_empty())
            .collect::<Vec<_>>()
    );
    assert_eq!(again.counts.unchanged, 8);

    // A filtered export.
    let first = units::list(&conn).unwrap()[0].id;
    assert_eq!(
        lianxi::export::export_units(&conn, &out, Some(&[first])).unwrap(),
        1
    );
}

#[test]
fn progress_is_reported_and_cancel_changes_nothing() {
    let (_dir, path, mut conn) = temp_db();
    let mut stages = Vec::new();
    let bytes = xlsx(&messy_roster(), false);
    let p = import::plan_bytes(
        &conn,
        "a.xlsx",
        &bytes,
        &ImportOptions::default(),
        &mut |pr| {
            stages.push(pr.stage);
            true
        },
    )
    .unwrap();
    assert!(stages.contains(&import::Stage::Reading) && stages.contains(&import::Stage::Comparing));
    let e = import::commit(&mut conn, &path, &p, &mut |pr| {
        pr.stage != import::Stage::Writing
    })
    .unwrap_err();
    assert_eq!(e.kind(), "cancelled");
    assert!(units::list(&conn).unwrap().is_empty());
    assert!(import::batches(&conn).unwrap().is_empty());
}
