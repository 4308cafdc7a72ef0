//! The three lists (需求, 资源, 项目) from an empty database: numbers per year, categories,
//! the {{共建项目}} prefill, the migration that rebuilt the 0001 tables, the demo year, a result
//! taken back with its files, merged communities and the overdue judgement; and the helpers
//! the other lists modules share. Claiming and bad input are in `lists_claims.rs`, imports in
//! `lists_import.rs`, the command line in `lists_cli.rs`.

use crate::common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lianxi::agreements::{self, AgreementOptions, PairSpec, PartyRef};
use lianxi::lists::{
    self, ClaimInput, NeedInput, NeedStatus, ProjectFilter, ProjectInput, ProjectStatus,
    ResourceInput, ResourceKind, ResultInput,
};
use lianxi::street::{self, StreetProfile};
use lianxi::units::{self, Source, UnitDetails, UnitInput};
use rusqlite::Connection;

pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An empty database with the street's profile filled in, as a secretary starts.
pub(crate) fn street_db() -> (tempfile::TempDir, PathBuf, Connection) {
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

pub(crate) fn unit(conn: &Connection, name: &str) -> i64 {
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
pub(crate) fn db_bytes(path: &Path) -> (Vec<u8>, Vec<u8>) {
    let wal = path.with_extension("sqlite3-wal");
    (
        std::fs::read(path).unwrap(),
        std::fs::read(&wal).unwrap_or_default(),
    )
}

pub(crate) fn project(name: &str, year: i32) -> ProjectInput {
    ProjectInput {
        year: Some(year),
        name: name.into(),
        category: "关心关爱".into(),
        ..ProjectInput::default()
    }
}

/// `unit` claims project `project` with nothing else said (not lead, no commitment).
pub(crate) fn claim_by(
    conn: &Connection,
    project: i64,
    unit: i64,
) -> lianxi::Result<lists::Project> {
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
