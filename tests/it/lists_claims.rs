//! Claiming and the life of a project in the store (split from `lists.rs`): claims, progress
//! and results driving the status, needs following their projects forward only, and bad input
//! or deleting what others depend on leaving the database byte-identical.

use crate::lists::{claim_by, day, db_bytes, project, street_db, unit};
use lianxi::lists::{
    self, ClaimInput, NeedFilter, NeedInput, NeedStatus, ProjectFilter, ProjectInput,
    ProjectStatus, ResourceInput, ResourceKind, ResultInput,
};

#[test]
fn claims_progress_and_results_drive_status_and_needs_move_forward_only() {
    let (dir, _path, conn) = street_db();
    let school = unit(&conn, "八大关小学");
    let hospital = unit(&conn, "青岛市市立医院");
    let need = lists::add_need(
        &conn,
        &NeedInput {
            year: Some(2026),
            name: "独居老人健康随访".into(),
            category: "关心关爱".into(),
            content: "每月上门测血压".into(),
            wanted_by: Some(day(2026, 12, 31)),
            ..NeedInput::default()
        },
    )
    .unwrap();
    let p = lists::project_from_need(&conn, need.id).unwrap();
    assert_eq!(
        (p.name.as_str(), p.deadline, p.need_ids.clone()),
        ("独居老人健康随访", Some(day(2026, 12, 31)), vec![need.id])
    );
    assert_eq!(p.status, ProjectStatus::Unclaimed);
    assert_eq!(
        lists::get_need(&conn, need.id).unwrap().status,
        NeedStatus::Published
    );

    // The first claimant leads when nobody does; --lead moves the lead.
    let p = lists::claim(
        &conn,
        p.id,
        &ClaimInput {
            unit_id: school,
            commitment: "组织师生志愿者".into(),
            ..ClaimInput::default()
        },
    )
    .unwrap();
    assert_eq!(p.status, ProjectStatus::Claimed);
    assert!(p.claims[0].lead);
    assert_eq!(
        p.claims[0].contact, "王海燕",
        "the unit's contact by default"
    );
    let p = lists::claim(
        &conn,
        p.id,
        &ClaimInput {
            unit_id: hospital,
            lead: true,
            ..ClaimInput::default()
        },
    )
    .unwrap();
    assert_eq!(p.lead().unwrap().unit_id, hospital);
    assert_eq!(p.claims.iter().filter(|c| c.lead).count(), 1);
    assert_eq!(p.claimants, "青岛市市立医院（牵头）、八大关小学");
    assert_eq!(
        lists::get_need(&conn, need.id).unwrap().status,
        NeedStatus::Claimed
    );
    // Claiming twice, or for a unit that left, is refused.
    let again = ClaimInput {
        unit_id: school,
        ..ClaimInput::default()
    };
    assert_eq!(
        lists::claim(&conn, p.id, &again).unwrap_err().kind(),
        "conflict"
    );
    let p = lists::set_lead(&conn, p.id, school).unwrap();
    assert_eq!(p.lead().unwrap().unit_id, school);

    let p = lists::add_progress(&conn, p.id, day(2026, 10, 15), "已走访12户").unwrap();
    assert_eq!(p.status, ProjectStatus::Underway);
    assert_eq!(
        lists::get_need(&conn, need.id).unwrap().status,
        NeedStatus::Underway
    );

    // A result with two attachments copied into the data folder.
    let photo = dir.path().join("走访照片.JPG");
    std::fs::write(&photo, b"jpeg bytes").unwrap();
    let report = dir.path().join("总结.pdf");
    std::fs::write(&report, b"%PDF-1.4 report").unwrap();
    let bad = ResultInput {
        done_on: Some(day(2026, 12, 20)),
        result: "".into(),
        attachments: vec![photo.display().to_string()],
    };
    assert_eq!(
        lists::record_result(&conn, dir.path(), p.id, &bad)
            .unwrap_err()
            .kind(),
        "invalid"
    );
    let missing = ResultInput {
        done_on: Some(day(2026, 12, 20)),
        result: "全年随访48人次".into(),
        attachments: vec![
            photo.display().to_string(),
            dir.path().join("没有这个文件.jpg").display().to_string(),
        ],
    };
    assert!(lists::record_result(&conn, dir.path(), p.id, &missing).is_err());
    let attachments = dir.path().join("attachments");
    let left: Vec<_> = std::fs::read_dir(&attachments)
        .map(|d| d.flatten().collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "a failed result leaves no copied file");
    let done = ResultInput {
        attachments: vec![photo.display().to_string(), report.display().to_string()],
        ..missing
    };
    let p = lists::record_result(&conn, dir.path(), p.id, &done).unwrap();
    assert_eq!(p.status, ProjectStatus::Done);
    assert!(!p.overdue);
    assert_eq!(p.attachments.len(), 2);
    assert_eq!(p.attachments[0].file, "attachments/项2026-001-走访照片.jpg");
    assert_eq!(p.attachments[0].original_name, "走访照片.JPG");
    assert_eq!(
        std::fs::read(dir.path().join(&p.attachments[1].file)).unwrap(),
        b"%PDF-1.4 report"
    );
    assert_eq!(
        lists::get_need(&conn, need.id).unwrap().status,
        NeedStatus::Done
    );
    // A finished project cannot be unclaimed.
    assert_eq!(
        lists::unclaim(&conn, p.id, school).unwrap_err().kind(),
        "conflict"
    );

    // A need the user closed is never moved by its project.
    let closed = lists::add_need(
        &conn,
        &NeedInput {
            year: Some(2026),
            name: "楼道照明".into(),
            status: Some(NeedStatus::Closed),
            ..NeedInput::default()
        },
    )
    .unwrap();
    let q = lists::add_project(
        &conn,
        &ProjectInput {
            need_ids: vec![closed.id],
            deadline: Some(day(2020, 1, 31)),
            ..project("楼道照明改造", 2026)
        },
    )
    .unwrap();
    assert!(q.overdue, "a deadline in the past, not done");
    claim_by(&conn, q.id, hospital).unwrap();
    assert_eq!(
        lists::get_need(&conn, closed.id).unwrap().status,
        NeedStatus::Closed
    );
    // Unclaiming the lead hands the lead on; the last claim goes and it is unclaimed again.
    claim_by(&conn, q.id, school).unwrap();
    let q = lists::unclaim(&conn, q.id, hospital).unwrap();
    assert_eq!(q.lead().unwrap().unit_id, school);
    let q = lists::unclaim(&conn, q.id, school).unwrap();
    assert_eq!(q.status, ProjectStatus::Unclaimed);

    // Filters and the overview: unclaimed first, overdue listed.
    let claimed_by_school = lists::list_projects(
        &conn,
        &ProjectFilter {
            unit_id: Some(school),
            ..ProjectFilter::default()
        },
    )
    .unwrap();
    assert_eq!(claimed_by_school.len(), 1);
    let o = lists::overview(&conn, 2026).unwrap();
    assert_eq!((o.projects, o.needs, o.overdue_count), (2, 2, 1));
    assert_eq!(o.projects_list[0].id, q.id, "unclaimed first");
    assert_eq!(o.overdue[0].id, q.id);
    let counts: Vec<(String, u32)> = o
        .projects_by_status
        .iter()
        .map(|s| (s.status.clone(), s.count))
        .collect();
    assert_eq!(
        counts,
        vec![
            ("未认领".to_string(), 1),
            ("已认领".to_string(), 0),
            ("实施中".to_string(), 0),
            ("已完成".to_string(), 1)
        ]
    );
    let text = lists::list_needs(
        &conn,
        &NeedFilter {
            text: "血压".into(),
            ..NeedFilter::default()
        },
    )
    .unwrap();
    assert_eq!(text.len(), 1);
}

#[test]
fn bad_input_and_deleting_what_others_depend_on_leave_the_database_byte_identical() {
    let (dir, path, conn) = street_db();
    let school = unit(&conn, "八大关小学");
    let need = lists::add_need(
        &conn,
        &NeedInput {
            year: Some(2026),
            name: "青少年暑期托管".into(),
            ..NeedInput::default()
        },
    )
    .unwrap();
    let res = lists::add_resource(
        &conn,
        &ResourceInput {
            year: Some(2026),
            unit_id: Some(school),
            kind: ResourceKind::Venue,
            name: "学校操场".into(),
            ..ResourceInput::default()
        },
    )
    .unwrap();
    let p = lists::add_project(
        &conn,
        &ProjectInput {
            need_ids: vec![need.id],
            resource_ids: vec![res.id],
            ..project("暑期托管班", 2026)
        },
    )
    .unwrap();
    let p = claim_by(&conn, p.id, school).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = db_bytes(&path);
    let cases: Vec<(&str, lianxi::Result<()>)> = vec![
        (
            "empty name",
            lists::add_project(&conn, &project("  ", 2026)).map(drop),
        ),
        (
            "bad year",
            lists::add_project(&conn, &project("某项目", 1800)).map(drop),
        ),
        (
            "bad number",
            lists::add_project(
                &conn,
                &ProjectInput {
                    number: Some(0),
                    ..project("某项目", 2026)
                },
            )
            .map(drop),
        ),
        (
            "missing need",
            lists::add_project(
                &conn,
                &ProjectInput {
                    need_ids: vec![999],
                    ..project("某项目", 2026)
                },
            )
            .map(drop),
        ),
        (
            "two raisers",
            lists::add_need(
                &conn,
                &NeedInput {
                    name: "某需求".into(),
                    unit_id: Some(school),
                    community_id: Some(1),
                    ..NeedInput::default()
                },
            )
            .map(drop),
        ),
        (
            "no offering unit",
            lists::add_resource(
                &conn,
                &ResourceInput {
                    name: "某资源".into(),
                    ..ResourceInput::default()
                },
            )
            .map(drop),
        ),
        ("need in use", lists::delete_need(&conn, need.id)),
        ("resource in use", lists::delete_resource(&conn, res.id)),
        ("claimed project", lists::delete_project(&conn, p.id)),
        ("missing unit", claim_by(&conn, p.id, 999).map(drop)),
        (
            "lead not a claimant",
            lists::set_lead(&conn, p.id, 999).map(drop),
        ),
        (
            "empty progress",
            lists::add_progress(&conn, p.id, day(2026, 10, 1), " ").map(drop),
        ),
        (
            "no result date",
            lists::record_result(
                &conn,
                dir.path(),
                p.id,
                &ResultInput {
                    result: "完成".into(),
                    ..ResultInput::default()
                },
            )
            .map(drop),
        ),
        (
            "empty categories",
            lists::set_categories(&conn, &["  ".to_string()]).map(drop),
        ),
        (
            "repeated category",
            lists::set_categories(&conn, &["助老".to_string(), "助老".to_string()]).map(drop),
        ),
    ];
    for (what, r) in cases {
        let e = r.expect_err(what);
        assert!(
            e.to_string().chars().any(lianxi::text::is_cjk),
            "{what}: {e}"
        );
    }
    assert!(db_bytes(&path) == before, "the database changed");

    // Once unlinked, the need and resource go; an unclaimed project goes.
    let p = lists::unclaim(&conn, p.id, school).unwrap();
    lists::update_project(&conn, p.id, &project("暑期托管班", 2026)).unwrap();
    lists::delete_need(&conn, need.id).unwrap();
    lists::delete_resource(&conn, res.id).unwrap();
    lists::delete_project(&conn, p.id).unwrap();
    assert!(lists::list_projects(&conn, &ProjectFilter::default())
        .unwrap()
        .is_empty());
}
