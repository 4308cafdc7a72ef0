//! The data store on real files: opening, refusing, migrating, backing up, restoring, and
//! surviving a process killed in the middle of writing.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use lianxi::backup::{self, BackupReason};
use lianxi::units::{self, Source, UnitDetails, UnitInput};
use lianxi::{db, Error};
use rusqlite::Connection;

fn unit(name: &str) -> UnitInput {
    UnitInput::from(UnitDetails {
        name: name.into(),
        ..Default::default()
    })
}

fn names(conn: &Connection) -> Vec<String> {
    units::list(conn)
        .unwrap()
        .into_iter()
        .map(|u| u.details.name)
        .collect()
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join("lianxi.sqlite3");
    (dir, path)
}

#[test]
fn creates_an_empty_database_with_the_pragmas_set() {
    let (_dir, path) = temp_db();
    let conn = db::open(&path).unwrap();
    assert!(path.exists());
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    assert!(names(&conn).is_empty());
}

#[test]
fn a_newer_version_database_is_refused_and_not_modified() {
    let (_dir, path) = temp_db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = db::open(&path).unwrap_err();
    assert!(
        matches!(err, Error::DatabaseTooNew { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("更新版本"));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file was modified"
    );
    assert!(
        !backup::dir_for(&path).exists(),
        "no backup of a refused file"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_not_modified() {
    let (_dir, path) = temp_db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let garbage = b"PK\x03\x04 this is a spreadsheet, not a database".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let err = db::open(&path).unwrap_err();
    assert_eq!(err.kind(), "not_a_database", "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

#[test]
fn a_database_made_by_the_first_migration_is_upgraded_with_a_backup_first() {
    let (_dir, path) = temp_db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    {
        let mut c = Connection::open(&path).unwrap();
        db::migrations().to_version(&mut c, 1).unwrap();
        c.execute(
            "INSERT INTO units (name, name_key, created_at, updated_at)
             VALUES ('海棠小学', '海棠小学', '2026-01-01 08:00:00', '2026-01-01 08:00:00')",
            [],
        )
        .unwrap();
    }
    let conn = db::open(&path).unwrap();
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, db::supported_version());
    assert_eq!(names(&conn), vec!["海棠小学"]);
    let backups = backup::list(&path).unwrap();
    if db::supported_version() > 1 {
        assert_eq!(backups.len(), 1);
        assert_eq!(backups[0].reason, BackupReason::BeforeMigration);
    } else {
        assert!(backups.is_empty(), "nothing to migrate, so no backup");
    }
}

#[test]
fn the_second_migration_moves_the_street_into_its_profile_and_unnumbers_drafts() {
    let (_dir, path) = temp_db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    {
        let mut c = Connection::open(&path).unwrap();
        db::migrations().to_version(&mut c, 1).unwrap();
        c.execute_batch(
            "INSERT INTO settings (key, value) VALUES
                ('street_name', '八大关街道'), ('street_party_org', '中共八大关街道工作委员会'),
                ('street_leader', '王海'), ('street_phone', '0532-82860001'),
                ('agreement_number_prefix', '八街共建'), ('demo', '0');
             INSERT INTO units (id, name, name_key, created_at, updated_at)
                VALUES (1, '八大关小学', '八大关小学', '2026-01-01', '2026-01-01');
             INSERT INTO agreement_templates (id, name, body, created_at, updated_at)
                VALUES (1, 't', '{}', '2026-01-01', '2026-01-01');
             INSERT INTO agreements (template_id, template_snapshot, number_prefix, year, seq,
                party_a_kind, party_a_name, party_b_kind, party_b_unit_id, party_b_name, status,
                created_at, updated_at)
             VALUES (1, '{}', '八街共建', 2026, 1, 'street', '中共八大关街道工作委员会', 'unit', 1,
                     '八大关小学', 'printed', '2026-01-01', '2026-01-01'),
                    (1, '{}', '八街共建', 2026, 2, 'street', '中共八大关街道工作委员会', 'unit', 1,
                     '八大关小学', 'draft', '2026-01-01', '2026-01-01');",
        )
        .unwrap();
    }
    let conn = db::open(&path).unwrap();
    let p = lianxi::street::get(&conn).unwrap();
    assert_eq!(p.name, "八大关街道");
    assert_eq!(p.party_org, "中共八大关街道工作委员会");
    assert_eq!(p.leader, "王海");
    assert_eq!(p.phone, "0532-82860001");
    assert_eq!(p.number_prefix(), "八街共建");
    let loose: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM settings WHERE key LIKE 'street_%' OR key = 'agreement_number_prefix'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(loose, 0, "the loose keys are gone");
    let rows: Vec<(String, Option<i64>)> = conn
        .prepare("SELECT status, seq FROM agreements ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        rows,
        vec![
            ("printed".to_string(), Some(1)),
            ("draft".to_string(), None)
        ]
    );
    // A draft with a number, or a printed one without, is refused by the table itself.
    assert!(conn
        .execute("UPDATE agreements SET seq = 9 WHERE status = 'draft'", [])
        .is_err());
}

#[test]
fn backup_and_restore_round_trip() {
    let (_dir, path) = temp_db();
    let mut conn = db::open(&path).unwrap();
    units::create(&conn, &unit("海棠小学"), Source::Edit).unwrap();
    let b = backup::create(&conn, &path, BackupReason::Manual).unwrap();
    units::create(&conn, &unit("海棠中学"), Source::Edit).unwrap();
    assert_eq!(names(&conn).len(), 2);

    let safety = backup::restore(&mut conn, &path, &b.id).unwrap();
    assert_eq!(safety.reason, BackupReason::BeforeRestore);
    assert_eq!(names(&conn), vec!["海棠小学"]);

    // The restore itself can be undone from the safety backup.
    backup::restore(&mut conn, &path, &safety.id).unwrap();
    assert_eq!(names(&conn), vec!["海棠小学", "海棠中学"]);

    // The data survives reopening.
    drop(conn);
    let conn = db::open(&path).unwrap();
    assert_eq!(names(&conn).len(), 2);
}

#[test]
fn restore_refuses_unknown_or_malicious_ids() {
    let (_dir, path) = temp_db();
    let mut conn = db::open(&path).unwrap();
    for id in ["", "nope", "../lianxi", "..%2Flianxi", "/etc/passwd"] {
        let e = backup::restore(&mut conn, &path, id).unwrap_err();
        assert_eq!(e.kind(), "not_found", "{id}");
    }
}

#[test]
fn only_the_newest_thirty_backups_are_kept_and_the_oldest_can_still_be_restored() {
    let (_dir, path) = temp_db();
    let mut conn = db::open(&path).unwrap();
    let first = backup::create(&conn, &path, BackupReason::Manual).unwrap();
    units::create(&conn, &unit("海棠小学"), Source::Edit).unwrap();
    for _ in 0..(backup::KEEP - 1) {
        backup::create(&conn, &path, BackupReason::Manual).unwrap();
    }
    let all = backup::list(&path).unwrap();
    assert_eq!(all.len(), backup::KEEP);
    assert_eq!(all.last().unwrap().id, first.id, "newest first");

    backup::restore(&mut conn, &path, &first.id).unwrap();
    assert!(names(&conn).is_empty());
    let all = backup::list(&path).unwrap();
    assert_eq!(all.len(), backup::KEEP);
    assert_eq!(all[0].reason, BackupReason::BeforeRestore);

    backup::create(&conn, &path, BackupReason::Manual).unwrap();
    assert_eq!(backup::list(&path).unwrap().len(), backup::KEEP);
}

const CHILD_ENV: &str = "LIANXI_TEST_WRITER_DB";

/// The child process: writes batches of ten units, one transaction per batch, forever,
/// reporting each committed batch on stdout.
fn writer_loop(path: &Path) -> ! {
    let conn = db::open(path).unwrap();
    for batch in 0.. {
        db::atomically(&conn, || {
            for i in 0..10 {
                units::create(&conn, &unit(&format!("单位{batch}-{i}")), Source::Edit)?;
            }
            Ok(())
        })
        .unwrap();
        println!("committed {}", (batch + 1) * 10);
    }
    unreachable!()
}

#[test]
fn killing_the_process_mid_write_keeps_every_committed_transaction() {
    if let Some(path) = std::env::var_os(CHILD_ENV) {
        writer_loop(Path::new(&path));
    }
    let (_dir, path) = temp_db();
    drop(db::open(&path).unwrap());
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            crate::kill::test_path(
                module_path!(),
                "killing_the_process_mid_write_keeps_every_committed_transaction",
            )
            .as_str(),
            "--exact",
            "--nocapture",
        ])
        .env(CHILD_ENV, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut committed = 0;
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        if let Some(n) = line.unwrap().strip_prefix("committed ") {
            committed = n.parse().unwrap();
            if committed >= 300 {
                break;
            }
        }
    }
    child.kill().unwrap(); // SIGKILL: no destructors, no checkpoint
    child.wait().unwrap();

    let conn = db::open(&path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let count = names(&conn).len();
    assert!(count >= committed, "{count} rows, {committed} committed");
    assert_eq!(count % 10, 0, "a half-written batch survived: {count}");
    let history: i64 = conn
        .query_row("SELECT COUNT(*) FROM unit_history", [], |r| r.get(0))
        .unwrap();
    assert_eq!(history as usize, count, "every unit has its history row");
}

const BACKUP_CHILD_ENV: &str = "LIANXI_TEST_BACKUP_DB";
const SMALL: usize = 400;
const LARGE: usize = 1200;

fn add_units(conn: &Connection, from: usize, to: usize) {
    db::atomically(conn, || {
        for i in from..to {
            units::create(conn, &unit(&format!("单位{i:05}")), Source::Edit)?;
        }
        Ok(())
    })
    .unwrap();
}

/// The child process: forever restores the small backup (`SMALL` units), grows the roster back
/// to `LARGE` in one transaction, and takes a backup; each step is reported on stdout.
fn backup_loop(path: &Path, small: &str) -> ! {
    let mut conn = db::open(path).unwrap();
    loop {
        backup::restore(&mut conn, path, small).unwrap();
        println!("restored");
        add_units(&conn, SMALL, LARGE);
        backup::create(&conn, path, BackupReason::Manual).unwrap();
        println!("backed up");
    }
}

/// A backup or a restore killed (SIGKILL) at random points: the database opens, passes
/// `integrity_check`, and holds either the small or the large roster, never a mix; every
/// backup the user is offered opens, passes the check and is whole; no cut-short backup is
/// listed.
#[test]
fn killing_a_backup_or_a_restore_leaves_whole_databases_and_backups() {
    if let (Some(path), Ok(small)) = (
        std::env::var_os(BACKUP_CHILD_ENV),
        std::env::var("LIANXI_TEST_BACKUP_ID"),
    ) {
        backup_loop(Path::new(&path), &small);
    }
    let (_dir, path) = temp_db();
    let small_id = {
        let conn = db::open(&path).unwrap();
        add_units(&conn, 0, SMALL);
        let small = backup::create(&conn, &path, BackupReason::Manual).unwrap();
        add_units(&conn, SMALL, LARGE);
        small.id
    };
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64
        ^ std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
    if std::env::var_os("CI").is_some() {
        seed = 0x5eed;
    }
    for round in 0..6 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                crate::kill::test_path(
                    module_path!(),
                    "killing_a_backup_or_a_restore_leaves_whole_databases_and_backups",
                )
                .as_str(),
                "--exact",
                "--nocapture",
            ])
            .env(BACKUP_CHILD_ENV, &path)
            .env("LIANXI_TEST_BACKUP_ID", &small_id)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Let it run a few steps, then kill it somewhere inside the next one.
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        for _ in 0..1 + round % 3 {
            lines.next();
        }
        std::thread::sleep(std::time::Duration::from_millis(seed % 40));
        child.kill().unwrap();
        child.wait().unwrap();

        let conn = db::open(&path).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
        let n = names(&conn).len();
        assert!(
            n == SMALL || n == LARGE,
            "round {round}: {n} units, a restore or a write was cut in half"
        );
        drop(conn);
        for b in backup::list(&path).unwrap() {
            let c = Connection::open(&b.path).unwrap();
            let check: String = c
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap();
            assert_eq!(check, "ok", "round {round}: backup {}", b.id);
            let n: i64 = c
                .query_row("SELECT COUNT(*) FROM units", [], |r| r.get(0))
                .unwrap();
            assert!(
                n as usize == SMALL || n as usize == LARGE,
                "round {round}: backup {} holds {n} units",
                b.id
            );
        }
    }
}

/// A stored value the app cannot read (an unknown code, a damaged JSON column) is a data
/// error naming it, never silently replaced by a default; the record is left as it is.
#[test]
fn an_unreadable_stored_value_is_a_data_error_not_a_default() {
    let (_dir, path) = temp_db();
    let conn = db::open(&path).unwrap();
    let id = units::create(&conn, &unit("海棠中学"), Source::Edit)
        .unwrap()
        .id;
    // As a newer version or a hand edit could have written it, past the CHECKs.
    conn.pragma_update(None, "ignore_check_constraints", "ON")
        .unwrap();
    for (sql, what) in [
        ("UPDATE units SET category = 'spaceship'", "spaceship"),
        (
            "UPDATE units SET category = 'school', status = 'gone'",
            "gone",
        ),
        (
            "UPDATE units SET status = 'active', phones = '[\"1380'",
            "1380",
        ),
    ] {
        conn.execute(sql, []).unwrap();
        let e = units::get(&conn, id).unwrap_err();
        assert_eq!(e.kind(), "data", "{sql}");
        assert!(matches!(e, Error::Data { .. }), "{e:?}");
        let message = e.to_string();
        assert!(
            message.contains("无法识别") && message.contains(what),
            "{message}"
        );
        assert!(units::list(&conn).is_err(), "{sql}");
    }
    conn.execute("UPDATE units SET phones = '[]'", []).unwrap();
    assert_eq!(units::get(&conn, id).unwrap().name, "海棠中学");
}

/// A stored date or time that does not parse (a hand edit, another program) is a data error
/// naming the value, never a meeting, donation or 纪要 silently without its date.
#[test]
fn an_unreadable_stored_date_is_a_data_error_not_a_missing_date() {
    let (_dir, path) = temp_db();
    let conn = db::open(&path).unwrap();
    let meeting = lianxi::meetings::create(
        &conn,
        &lianxi::meetings::MeetingInput {
            title: "2026年联席会年会".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 9, 21),
            start_time: chrono::NaiveTime::from_hms_opt(14, 30, 0),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2026-09-21")
    );
    for (sql, what) in [
        (
            "UPDATE meetings SET date = '2026年9月21日'",
            "2026年9月21日",
        ),
        (
            "UPDATE meetings SET date = '2026-09-21', start_time = '下午两点'",
            "下午两点",
        ),
    ] {
        conn.execute(sql, []).unwrap();
        let e = lianxi::meetings::get(&conn, meeting.id).unwrap_err();
        assert_eq!(e.kind(), "data", "{sql}");
        assert!(e.to_string().contains(what), "{e}");
    }
    conn.execute("UPDATE meetings SET start_time = '14:30:00'", [])
        .unwrap();
    let back = lianxi::meetings::get(&conn, meeting.id).unwrap();
    assert_eq!(
        back.start_time.map(|t| t.to_string()).as_deref(),
        Some("14:30:00")
    );
}
