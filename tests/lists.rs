//! The three lists (需求, 资源, 项目) and claiming from an empty database: the store (numbers per
//! year, derived project status, needs following their projects forward only, results with
//! attachments, deletion only when nothing depends), the migration that rebuilt the 0001
//! tables, bad input leaving the database byte-identical, and the {{共建项目}} prefill.

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lianxi::agreements::{self, AgreementOptions, PairSpec, PartyRef};
use lianxi::lists::{
    self, ClaimInput, NeedFilter, NeedInput, NeedStatus, ProjectFilter, ProjectInput,
    ProjectStatus, ResourceInput, ResourceKind, ResultInput,
};
use lianxi::street::{self, StreetProfile};
use lianxi::units::{self, Source, UnitInput};
use rusqlite::Connection;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An empty database with the street's profile filled in, as a secretary starts.
fn street_db() -> (tempfile::TempDir, PathBuf, Connection) {
    let (dir, path, conn) = common::temp_db();
    street::save(
        &conn,
        &StreetProfile {
            name: "八大关街道办事处".into(),
            short_name: "八大关街道".into(),
            party_org: "中共八大关街道工作委员会".into(),
            ..StreetProfile::default()
        },
    )
    .unwrap();
    (dir, path, conn)
}

fn unit(conn: &Connection, name: &str) -> i64 {
    units::create(
        conn,
        &UnitInput {
            name: name.into(),
            contact: "王海燕".into(),
            phones: vec!["13805321234".into()],
            ..UnitInput::default()
        },
        Source::Edit,
    )
    .unwrap()
    .id
}

/// The database file and its write-ahead log, as bytes.
fn db_bytes(path: &Path) -> (Vec<u8>, Vec<u8>) {
    let wal = path.with_extension("sqlite3-wal");
    (
        std::fs::read(path).unwrap(),
        std::fs::read(&wal).unwrap_or_default(),
    )
}

fn project(name: &str, year: i32) -> ProjectInput {
    ProjectInput {
        year: Some(year),
        name: name.into(),
        category: "关心关爱".into(),
        ..ProjectInput::default()
    }
}

#[test]
fn numbers_are_per_year_and_codes_follow_them() {
    let (_dir, _path, conn) = street_db();
    let a = lists::add_project(&conn, &project("“四点半课堂”志愿服务", 2026)).unwrap();
    let b = lists::add_project(&conn, &project("困难老人助餐", 2026)).unwrap();
    let c = lists::add_project(&conn, &project("红色物业联建", 2027)).unwrap();
    assert_eq!((a.number, a.code.as_str()), (1, "项2026-001"));
    assert_eq!((b.number, b.code.as_str()), (2, "项2026-002"));
    assert_eq!((c.number, c.code.as_str()), (1, "项2027-001"));
    // A number taken in the year is refused; kept on edit; free after moving years.
    let taken = ProjectInput {
        number: Some(1),
        ..project("重复编号", 2026)
    };
    let e = lists::add_project(&conn, &taken).unwrap_err();
    assert_eq!(e.kind(), "conflict");
    assert!(e.to_string().contains("项2026-001"), "{e}");
    let b2 = lists::update_project(
        &conn,
        b.id,
        &ProjectInput {
            content: "每周三次".into(),
            ..project("困难老人助餐", 2026)
        },
    )
    .unwrap();
    assert_eq!((b2.number, b2.content.as_str()), (2, "每周三次"));
    let n = lists::add_need(
        &conn,
        &NeedInput {
            year: Some(2026),
            name: "老旧小区加装扶手".into(),
            raised_by: "居民".into(),
            ..NeedInput::default()
        },
    )
    .unwrap();
    assert_eq!(
        (n.code.as_str(), n.raised_by.as_str()),
        ("需2026-001", "居民")
    );
    assert_eq!(n.status, NeedStatus::Collecting);
    let r = lists::add_resource(
        &conn,
        &ResourceInput {
            year: Some(2026),
            unit_name: "海大学生会".into(),
            kind: ResourceKind::Volunteers,
            name: "大学生志愿者".into(),
            ..ResourceInput::default()
        },
    )
    .unwrap();
    assert_eq!(
        (r.code.as_str(), r.unit_name.as_str(), r.unit_id),
        ("资2026-001", "海大学生会", None)
    );
}

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
    lists::claim(
        &conn,
        q.id,
        &ClaimInput {
            unit_id: hospital,
            ..ClaimInput::default()
        },
    )
    .unwrap();
    assert_eq!(
        lists::get_need(&conn, closed.id).unwrap().status,
        NeedStatus::Closed
    );
    // Unclaiming the lead hands the lead on; the last claim goes and it is unclaimed again.
    lists::claim(
        &conn,
        q.id,
        &ClaimInput {
            unit_id: school,
            ..ClaimInput::default()
        },
    )
    .unwrap();
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
    let p = lists::claim(
        &conn,
        p.id,
        &ClaimInput {
            unit_id: school,
            ..ClaimInput::default()
        },
    )
    .unwrap();
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
        (
            "missing unit",
            lists::claim(
                &conn,
                p.id,
                &ClaimInput {
                    unit_id: 999,
                    ..ClaimInput::default()
                },
            )
            .map(drop),
        ),
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

#[test]
fn categories_are_the_users_list() {
    let (_dir, _path, conn) = street_db();
    assert_eq!(
        lists::categories(&conn).unwrap(),
        vec!["宣传宣讲", "关心关爱", "服务指导", "区域发展"]
    );
    let set = lists::set_categories(
        &conn,
        &[
            " 助老服务 ".to_string(),
            "".to_string(),
            "文明实践".to_string(),
        ],
    )
    .unwrap();
    assert_eq!(set, vec!["助老服务", "文明实践"]);
    assert_eq!(lists::categories(&conn).unwrap(), set);
}

#[test]
fn agreements_take_the_units_claimed_projects_when_none_are_given() {
    let (_dir, _path, conn) = street_db();
    let school = unit(&conn, "八大关小学");
    let hospital = unit(&conn, "青岛市市立医院");
    for (name, who) in [
        ("“四点半课堂”志愿服务", vec![school]),
        ("困难老人助餐", vec![hospital, school]),
        ("义诊进社区", vec![hospital]),
    ] {
        let p = lists::add_project(&conn, &project(name, 2026)).unwrap();
        for u in who {
            lists::claim(
                &conn,
                p.id,
                &ClaimInput {
                    unit_id: u,
                    ..ClaimInput::default()
                },
            )
            .unwrap();
        }
    }
    // A claim of another year is not this year's project.
    let old = lists::add_project(&conn, &project("往年项目", 2025)).unwrap();
    lists::claim(
        &conn,
        old.id,
        &ClaimInput {
            unit_id: school,
            ..ClaimInput::default()
        },
    )
    .unwrap();
    let options = AgreementOptions {
        year: Some(2026),
        ..AgreementOptions::default()
    };
    let made = agreements::pair_many(
        &conn,
        &[
            PairSpec {
                party_a: PartyRef::street(),
                party_b: PartyRef::unit(school),
            },
            PairSpec {
                party_a: PartyRef::street(),
                party_b: PartyRef::unit(hospital),
            },
        ],
        &options,
    )
    .unwrap();
    assert_eq!(
        made[0].projects,
        vec!["“四点半课堂”志愿服务", "困难老人助餐"]
    );
    assert_eq!(made[1].projects, vec!["困难老人助餐", "义诊进社区"]);
    // What the user typed wins; the draft stays editable.
    let typed = agreements::create(
        &conn,
        &PairSpec {
            party_a: PartyRef::street(),
            party_b: PartyRef::unit(school),
        },
        &AgreementOptions {
            projects: vec!["共建书香校园".into()],
            ..options
        },
    )
    .unwrap();
    assert_eq!(typed.projects, vec!["共建书香校园"]);
}

#[test]
fn the_migration_keeps_import_batches_and_what_refers_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lianxi.sqlite3");
    {
        let mut c = Connection::open(&path).unwrap();
        lianxi::db::migrations().to_version(&mut c, 4).unwrap();
        c.execute_batch(
            "INSERT INTO import_batches (id, file_name, started_at, committed_at, kind)
                VALUES (7, '名册.xlsx', '2026-01-01', '2026-01-01', 'roster'),
                       (8, '捐赠.xlsx', '2026-01-02', '2026-01-02', 'donations');
             INSERT INTO units (id, name, name_key, source_batch_id, created_at, updated_at)
                VALUES (1, '八大关小学', '八大关小学', 7, '2026-01-01', '2026-01-01');
             INSERT INTO donations (donor_name, kind, year, pledged_fen, import_batch_id,
                created_at, updated_at)
                VALUES ('某公司', 'cash', 2026, 100, 8, '2026-01-02', '2026-01-02');",
        )
        .unwrap();
    }
    let conn = lianxi::db::open(&path).unwrap();
    let unit_batch: Option<i64> = conn
        .query_row("SELECT source_batch_id FROM units WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(unit_batch, Some(7));
    let kinds: Vec<String> = conn
        .prepare("SELECT kind FROM import_batches ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(kinds, vec!["roster", "donations"]);
    conn.execute(
        "INSERT INTO import_batches (file_name, started_at, kind) VALUES ('项目.xlsx', 'x', 'projects')",
        [],
    )
    .unwrap();
    // Foreign keys are on again and still point at the rebuilt table.
    assert!(conn
        .execute("DELETE FROM import_batches WHERE id = 8", [])
        .is_err());
    let problems: i64 = conn
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(problems, 0);
}
