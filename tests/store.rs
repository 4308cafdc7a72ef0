//! The data store on real files: opening, refusing, migrating, backing up, restoring, and
//! surviving a process killed in the middle of writing.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use lianxi::backup::{self, BackupReason};
use lianxi::units::{self, Source, UnitInput};
use lianxi::{db, Error};
use rusqlite::Connection;

fn unit(name: &str) -> UnitInput {
    UnitInput {
        name: name.into(),
        ..Default::default()
    }
}

fn names(conn: &Connection) -> Vec<String> {
    units::list(conn)
        .unwrap()
        .into_iter()
        .map(|u| u.name)
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
            "killing_the_process_mid_write_keeps_every_committed_transaction",
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
