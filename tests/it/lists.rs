//! The three lists (需求, 资源, 项目) and claiming from an empty database: the store (numbers per
//! year, derived project status, needs following their projects forward only, results with
//! attachments, deletion only when nothing depends), the migration that rebuilt the 0001
//! tables, bad input leaving the database byte-identical, and the {{共建项目}} prefill.

use crate::cli;
use crate::common;

use std::path::{Path, PathBuf};

use crate::cli::argv;
use chrono::NaiveDate;
use common::{xlsx, SheetSpec, V};
use lianxi::agreements::{self, AgreementOptions, PairSpec, PartyRef};
use lianxi::import::Severity;
use lianxi::lists::import::{
    self as limport, ClaimantChoice, ClaimantMapping, ListField, ListImportOptions,
};
use lianxi::lists::ListKind;
use lianxi::lists::{
    self, ClaimInput, NeedFilter, NeedInput, NeedStatus, ProjectFilter, ProjectInput,
    ProjectStatus, ResourceInput, ResourceKind, ResultInput,
};
use lianxi::street::{self, StreetProfile};
use lianxi::units::{self, Source, UnitDetails, UnitInput};
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
        &UnitInput::from(UnitDetails {
            name: name.into(),
            contact: "王海燕".into(),
            phones: vec!["13805321234".into()],
            ..Default::default()
        }),
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

/// `unit` claims project `project` with nothing else said (not lead, no commitment).
fn claim_by(conn: &Connection, project: i64, unit: i64) -> lianxi::Result<lists::Project> {
    lists::claim(
        conn,
        project,
        &ClaimInput {
            unit_id: unit,
            ..ClaimInput::default()
        },
    )
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
            claim_by(&conn, p.id, u).unwrap();
        }
    }
    // A claim of another year is not this year's project.
    let old = lists::add_project(&conn, &project("往年项目", 2025)).unwrap();
    claim_by(&conn, old.id, school).unwrap();
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

/// A 项目清单 as an office sends it: a merged title row and a 填报单位 row above the header,
/// deadlines typed three ways (a date cell, 2026.9.28, 2026年10月8日) and as a month
/// (2026年12月), two claimants in one cell (one with a line break and a （牵头） mark), a
/// claimant missing from the roster, a bad date, a 合计 row and a 注 row.
fn project_workbook() -> Vec<u8> {
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

const ROSTER: &str = "单位名称,单位类别,所属社区,分会,党组织书记,联系人,联系电话\n\
八大关小学,学校,太平角社区,学校分会,陈校长,吴老师,13805320101\n\
太平角宾馆有限公司,企业,太平角社区,企业分会,郑总,冯经理,13805320102\n\
汇泉湾邮政支局,企业,汇泉湾社区,企业分会,褚局长,卫主任,13805320103\n\
中国海洋大学后勤保障集团,学校,汇泉湾社区,学校分会,钱主任,孙老师,13805320104\n";

#[test]
fn the_command_line_imports_claims_finishes_and_prefills_from_an_empty_database() {
    let (dir, db, m) = cli::street_and_meeting(ROSTER);
    let file = dir.path().join("项目清单.xlsx");
    std::fs::write(&file, project_workbook()).unwrap();
    let f = file.to_str().unwrap();

    // The preview as JSON: the roster import's shape.
    let plan = cli::json(
        &db,
        &argv!["projects import", f, "--year 2026 --dry-run --json"],
    );
    assert_eq!(plan["counts"]["new"], 5);
    assert!(plan["batch"].is_null());
    let p3 = &plan["projects"][2];
    assert_eq!(p3["source_row"], 6);
    assert_eq!(p3["claims"][0]["name"], "海大后勤集团");
    assert!(p3["claims"][0]["unit_id"].is_null());
    let problem = plan["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["field"] == "claimants")
        .unwrap();
    assert_eq!(problem["row"], 6);
    assert_eq!(problem["severity"], "warning");
    assert!(cli::json(&db, &argv!["projects list --json"])
        .as_array()
        .unwrap()
        .is_empty());

    // Commit with the user's mapping of the unknown claimant.
    let out = cli::ok(
        &db,
        &argv![
            "projects import",
            f,
            "--year 2026 --map 海大后勤集团=中国海洋大学后勤保障集团"
        ],
    );
    assert!(out.contains("已导入 5 条"), "{out}");
    let list = cli::json(&db, &argv!["projects list --year 2026 --json"]);
    assert_eq!(list.as_array().unwrap().len(), 5);
    assert_eq!(
        list[2]["claims"][0]["unit_name"],
        "中国海洋大学后勤保障集团"
    );

    // A project added by hand, claimed for two units, then finished with an attachment.
    let added = cli::ok(
        &db,
        &argv![
            "projects add --name 海滨环境整治 --category 区域发展",
            "--meeting",
            &m,
            "--deadline 2026-11-30"
        ],
    );
    assert!(added.contains("项2026-006"), "{added}");
    cli::ok(
        &db,
        &argv!["projects claim 项2026-006 --unit 汇泉湾邮政支局"],
    );
    let out = cli::ok(
        &db,
        &argv![
            "projects claim 项2026-006 --unit 太平角宾馆有限公司 --lead",
            "--commitment 每月组织一次清扫"
        ],
    );
    assert!(
        out.contains("太平角宾馆有限公司（牵头）、汇泉湾邮政支局"),
        "{out}"
    );
    let photo = dir.path().join("清扫照片.jpg");
    std::fs::write(&photo, b"jpeg").unwrap();
    let out = cli::ok(
        &db,
        &argv![
            "projects done 项2026-006 --on 2026.11.20 --result",
            "完成海滩清扫8次 --attach",
            photo.to_str().unwrap()
        ],
    );
    assert!(out.contains("已完成"), "{out}");
    assert!(dir
        .path()
        .join("attachments/项2026-006-清扫照片.jpg")
        .is_file());

    // Bad input is refused in Chinese and changes nothing.
    let before = std::fs::read(&db).unwrap();
    for args in [
        vec!["projects", "claim", "项2026-006", "--unit", "不存在的单位"],
        vec!["projects", "claim", "项2099-001", "--unit", "八大关小学"],
        vec![
            "projects",
            "done",
            "项2026-004",
            "--on",
            "2026-02-30",
            "--result",
            "x",
        ],
        vec![
            "projects",
            "done",
            "项2026-004",
            "--on",
            "2026-12-01",
            "--result",
            "x",
        ],
        vec!["projects", "add", "--name", "  "],
        vec![
            "projects",
            "import",
            f,
            "--year",
            "2026",
            "--map",
            "海大后勤集团",
        ],
    ] {
        cli::refused(&db, &args);
    }
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the database changed"
    );
    // Once an imported project is claimed by hand, the import cannot be undone whole.
    cli::ok(
        &db,
        &argv!["projects claim 项2026-004 --unit 汇泉湾邮政支局"],
    );
    let before = std::fs::read(&db).unwrap();
    let err = cli::refused(&db, &argv!["projects undo-import"]);
    assert!(err.contains("不能整批撤销"), "{err}");
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the database changed"
    );

    // Pairing an agreement for the lead unit pre-fills its 共建项目 from its claims.
    let id = cli::pair_with_community(&db, &m, "太平角宾馆有限公司");
    let list = cli::json(&db, &argv!["agreement list --json"]);
    let a = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"].as_i64() == id.parse::<i64>().ok())
        .unwrap();
    assert_eq!(
        a["projects"],
        serde_json::json!(["“四点半课堂”志愿服务", "困难老人助餐", "海滨环境整治"])
    );
}

#[test]
fn the_command_line_adds_a_claimant_as_a_unit_in_the_batch_and_undo_removes_it() {
    let (dir, db, m) = cli::street_and_meeting(ROSTER);
    let file = dir.path().join("项目清单.xlsx");
    std::fs::write(&file, project_workbook()).unwrap();
    let f = file.to_str().unwrap();
    let roster_before = cli::json(&db, &argv!["roster list --json"]);
    let import = argv!["projects import", f, "--year 2026 --add-unit 海大后勤集团"];

    // A name that is not an unknown claimant of the file is refused, nothing written.
    let before = std::fs::read(&db).unwrap();
    let err = cli::refused(
        &db,
        &argv!["projects import", f, "--year 2026 --add-unit 崂山区某公司"],
    );
    assert!(err.contains("崂山区某公司"), "{err}");
    // Mapped and added at once: refused, the user must choose one.
    let both = argv![
        "projects import",
        f,
        "--year 2026 --map 海大后勤集团=八大关小学 --add-unit 海大后勤集团"
    ];
    let err = cli::refused(&db, &both);
    assert!(err.contains("只选一种"), "{err}");
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the database changed"
    );

    let out = cli::ok(&db, &import);
    assert!(out.contains("已导入 5 条（认领 6 项"), "{out}");
    assert!(out.contains("新增成员单位 1 家：海大后勤集团"), "{out}");
    let roster = cli::json(&db, &argv!["roster list --json"]);
    let added = roster
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "海大后勤集团")
        .expect("the unit is on the roster");
    assert!(added["source_batch_id"].is_i64(), "{added}");
    let list = cli::json(&db, &argv!["projects list --year 2026 --json"]);
    assert_eq!(list[2]["claims"][0]["unit_name"], "海大后勤集团");

    let out = cli::ok(&db, &argv!["projects undo-import"]);
    assert!(
        out.contains("删除 5 条，并删除本批新增的成员单位 1 家：海大后勤集团"),
        "{out}"
    );
    assert_eq!(cli::json(&db, &argv!["roster list --json"]), roster_before);
    let list = cli::json(&db, &argv!["projects list --year 2026 --json"]);
    assert!(list.as_array().unwrap().is_empty());

    // Imported again, then the added unit signs an agreement: undo is refused, unchanged.
    cli::ok(&db, &import);
    cli::pair_with_community(&db, &m, "海大后勤集团");
    let before = std::fs::read(&db).unwrap();
    let err = cli::refused(&db, &argv!["projects undo-import"]);
    assert!(
        err.contains("海大后勤集团") && err.contains("共建协议"),
        "{err}"
    );
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the database changed"
    );
}

#[test]
fn the_demo_year_has_lists_and_its_agreements_take_their_projects_from_the_claims() {
    let (_dir, _path, mut conn) = common::temp_db();
    lianxi::demo::load(&mut conn).unwrap();
    let o = lists::overview(&conn, 2026).unwrap();
    assert_eq!((o.needs, o.resources, o.projects), (12, 10, 15));
    let count = |label: &str| {
        o.projects_by_status
            .iter()
            .find(|s| s.status == label)
            .unwrap()
            .count
    };
    assert_eq!(
        (
            count("未认领"),
            count("已认领"),
            count("实施中"),
            count("已完成")
        ),
        (6, 4, 2, 3)
    );
    let all = lists::list_projects(&conn, &ProjectFilter::default()).unwrap();
    assert_eq!(all.iter().filter(|p| p.claims.len() == 2).count(), 2);
    assert!(all
        .iter()
        .filter(|p| p.status == ProjectStatus::Done)
        .all(|p| !p.result.is_empty()));
    // Every demo agreement with a unit that claimed projects lists exactly those projects.
    let agreements = agreements::list(&conn, None).unwrap();
    let mut prefilled = 0;
    for a in &agreements {
        let unit = a.party_b.unit_id.or(a.party_a.unit_id).unwrap();
        let claimed = lists::claimed_project_names(&conn, unit, 2026).unwrap();
        assert_eq!(a.projects, claimed, "{}", a.party_b.name);
        prefilled += usize::from(!claimed.is_empty());
    }
    assert!(prefilled >= 5, "{prefilled} agreements prefilled");
    let clerk = agreements
        .iter()
        .find(|a| a.party_b.name.contains("检察院"))
        .unwrap();
    assert_eq!(
        clerk.projects,
        vec!["“红色物业”联建，共同办好小区议事会", "“法治进社区”普法宣讲"]
    );
}

#[test]
fn a_result_recorded_by_mistake_is_taken_back_with_its_files() {
    let (dir, _path, conn) = street_db();
    let school = unit(&conn, "八大关小学");
    let p = lists::add_project(&conn, &project("书香校园", 2026)).unwrap();
    let p = claim_by(&conn, p.id, school).unwrap();
    let a = dir.path().join("a.png");
    let b = dir.path().join("a.PNG.bak");
    std::fs::write(&a, b"png").unwrap();
    std::fs::write(&b, b"bak").unwrap();
    let input = ResultInput {
        done_on: Some(day(2026, 11, 1)),
        result: "捐书300册".into(),
        attachments: vec![
            a.display().to_string(),
            a.display().to_string(),
            b.display().to_string(),
        ],
    };
    let p = lists::record_result(&conn, dir.path(), p.id, &input).unwrap();
    let files: Vec<&str> = p.attachments.iter().map(|x| x.file.as_str()).collect();
    assert_eq!(
        files,
        vec![
            "attachments/项2026-001-a.png",
            "attachments/项2026-001-a-2.png",
            "attachments/项2026-001-a.PNG.bak"
        ]
    );
    let p = lists::remove_attachment(&conn, dir.path(), p.attachments[1].id).unwrap();
    assert_eq!(p.attachments.len(), 2);
    assert!(!dir.path().join("attachments/项2026-001-a-2.png").exists());
    let p = lists::clear_result(&conn, dir.path(), p.id).unwrap();
    assert_eq!(
        (p.status, p.result_on, p.attachments.len()),
        (ProjectStatus::Claimed, None, 0)
    );
    assert!(!dir.path().join("attachments/项2026-001-a.png").exists());
    assert_eq!(
        lists::clear_result(&conn, dir.path(), p.id)
            .unwrap_err()
            .kind(),
        "conflict"
    );
    let labels = lists::labels(&conn).unwrap();
    assert_eq!(
        labels.project_statuses,
        vec!["未认领", "已认领", "实施中", "已完成"]
    );
    assert_eq!(labels.categories.len(), 4);
    assert!(labels.project_fields.iter().any(|f| f.label == "认领单位"));
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

#[test]
fn merging_two_spellings_of_a_community_moves_its_needs_and_projects() {
    let (_dir, _path, conn) = street_db();
    let a = lianxi::org::ensure_community(&conn, "太平角社区", "").unwrap();
    let b = lianxi::org::ensure_community(&conn, "太平角社区居委会", "").unwrap();
    let n = lists::add_need(
        &conn,
        &NeedInput {
            year: Some(2026),
            name: "楼道照明".into(),
            community_id: Some(b),
            ..NeedInput::default()
        },
    )
    .unwrap();
    let p = lists::add_project(
        &conn,
        &ProjectInput {
            community_id: Some(b),
            ..project("楼道照明改造", 2026)
        },
    )
    .unwrap();
    lianxi::org::merge_communities(&conn, b, a).unwrap();
    let n = lists::get_need(&conn, n.id).unwrap();
    assert_eq!(
        (n.community_id, n.raised_by.as_str()),
        (Some(a), "太平角社区")
    );
    assert_eq!(
        lists::get_project(&conn, p.id).unwrap().community_id,
        Some(a)
    );
}

/// 完成情况通报 counts a project as overdue on its own 截至 day (the latest date recorded),
/// never on the day it is printed: a deadline before that day is overdue, one on it or after
/// it is not, and a finished project never is. The dates are long past, so judging by the
/// clock would call every open project overdue.
#[test]
fn the_progress_report_judges_overdue_on_its_as_of_day() {
    let (dir, _path, conn) = street_db();
    let school = unit(&conn, "八大关小学");
    let bank = unit(&conn, "中国银行八大关支行");
    let mut ids = Vec::new();
    for (name, deadline) in [
        ("楼道扶手加装", day(2024, 10, 14)),
        ("四点半课堂", day(2024, 10, 15)),
        ("红色物业", day(2024, 10, 31)),
        ("法律咨询进社区", day(2024, 11, 30)),
        ("书香校园", day(2024, 10, 1)),
    ] {
        let p = lists::add_project(
            &conn,
            &ProjectInput {
                deadline: Some(deadline),
                ..project(name, 2024)
            },
        )
        .unwrap();
        for u in [school, bank] {
            lists::claim(
                &conn,
                p.id,
                &ClaimInput {
                    unit_id: u,
                    claimed_on: Some(day(2024, 9, 21)),
                    ..ClaimInput::default()
                },
            )
            .unwrap();
        }
        ids.push(p.id);
    }
    lists::record_result(
        &conn,
        dir.path(),
        ids[4],
        &ResultInput {
            done_on: Some(day(2024, 10, 10)),
            result: "捐书300册".into(),
            attachments: Vec::new(),
        },
    )
    .unwrap();
    lists::add_progress(&conn, ids[1], day(2024, 10, 15), "已开课两期").unwrap();

    let overdue = |paper: &lists::print::ProgressPaper| -> Vec<String> {
        paper
            .projects
            .iter()
            .filter(|p| p.overdue)
            .map(|p| p.name.clone())
            .collect()
    };
    let paper = lists::print::progress_paper(&conn, 2024).unwrap();
    assert_eq!(paper.as_of, Some(day(2024, 10, 15)));
    assert_eq!(overdue(&paper), vec!["楼道扶手加装"]);
    let summary = lists::print::progress_summary(&paper);
    assert!(summary.starts_with("截至2024年10月15日，"), "{summary}");
    assert!(
        summary.contains("；超过完成时限尚未完成的1个。"),
        "{summary}"
    );

    // A later note moves the 截至 day, and the count moves with it: 10-15 and 10-31 are now
    // past, 11-30 is not; the finished project stays out.
    lists::add_progress(&conn, ids[2], day(2024, 11, 1), "完成3个小区的联建").unwrap();
    let paper = lists::print::progress_paper(&conn, 2024).unwrap();
    assert_eq!(paper.as_of, Some(day(2024, 11, 1)));
    assert_eq!(
        overdue(&paper),
        vec!["楼道扶手加装", "四点半课堂", "红色物业"]
    );
    let summary = lists::print::progress_summary(&paper);
    assert!(summary.starts_with("截至2024年11月1日，"), "{summary}");
    assert!(
        summary.contains("；超过完成时限尚未完成的3个。"),
        "{summary}"
    );

    // The one rule, on its own: before, on and after the day.
    let d = day(2024, 10, 15);
    assert!(lists::overdue_on(
        ProjectStatus::Claimed,
        Some(day(2024, 10, 14)),
        d
    ));
    assert!(!lists::overdue_on(ProjectStatus::Claimed, Some(d), d));
    assert!(!lists::overdue_on(
        ProjectStatus::Underway,
        Some(day(2024, 10, 16)),
        d
    ));
    assert!(!lists::overdue_on(
        ProjectStatus::Done,
        Some(day(2024, 1, 1)),
        d
    ));
    assert!(!lists::overdue_on(ProjectStatus::Unclaimed, None, d));
}
