//! Untrusted files are read in a bounded worker process: within a memory cap and a time cap,
//! a damaged file is the Chinese message “…已损坏或格式异常，无法读取”, never a crash, a hang or
//! an exhausted machine; nothing is written; no panic text reaches the terminal.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use lianxi::import::bounded::{Limits, Worker, WORKER_ARG};
use lianxi::import::{self, no_progress, ImportOptions};

fn worker() -> Worker {
    Worker::new(env!("CARGO_BIN_EXE_lianxi"), [WORKER_ARG])
}

fn lianxi(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lianxi"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

const UNREADABLE: &str = "已损坏或格式异常，无法读取";

#[test]
fn the_worker_reads_what_the_reader_reads() {
    for name in ["messy.xls", "messy.ods"] {
        let bytes = std::fs::read(common::fixture(name)).unwrap();
        let direct = import::read(name, &bytes).unwrap();
        let bounded = worker().read(name, &bytes, &mut || true).unwrap();
        assert_eq!(bounded.format, direct.format, "{name}");
        assert_eq!(bounded.sheets.len(), direct.sheets.len(), "{name}");
        for (a, b) in bounded.sheets.iter().zip(&direct.sheets) {
            assert_eq!(a.name, b.name);
            assert_eq!(a.rows, b.rows, "{name}: cells");
            assert_eq!(a.copied, b.copied, "{name}: merged cells");
        }
    }
    let xlsx = common::xlsx(&common::messy_roster(), false);
    let bounded = worker().read("m.xlsx", &xlsx, &mut || true).unwrap();
    assert_eq!(
        bounded.sheets[0].rows,
        import::read("m.xlsx", &xlsx).unwrap().sheets[0].rows
    );
    // The reader's own refusals come back as they are.
    let e = worker().read(
        "e.xls",
        &std::fs::read(common::fixture("encrypted.xls")).unwrap(),
        &mut || true,
    );
    assert_eq!(e.unwrap_err().kind(), "encrypted_file");
}

/// `huge_dimensions.xls` is `messy.xls` with one byte changed (offset 4675, 0x00 → 0x50): the
/// sheet's DIMENSIONS record then claims 1.3 billion rows, and calamine 0.38 reserves room for
/// every cell up front (`xls.rs:667`, 214 GB). Unbounded, that allocation aborts the process
/// or, with overcommit, eats the machine's memory.
///
/// `huge_range.xls` is `messy.xls` with two bytes changed (offsets 6069 and 6203): two cells
/// then sit rows and columns apart, and calamine fills a dense range between them
/// (`lib.rs:1051`, `vec![Data::Empty; rows × cols]`, 32 GB). With overcommit that allocation
/// succeeds and is filled page by page: the machine's memory is eaten over tens of seconds.
#[test]
fn a_file_that_makes_the_reader_allocate_wildly_is_refused_within_the_caps() {
    let limits = Limits::default();
    for name in ["huge_dimensions.xls", "huge_range.xls"] {
        let bytes = std::fs::read(common::fixture(name)).unwrap();
        let out = worker().run(name, &bytes, &mut || true);
        let e = out.result.unwrap_err();
        assert_eq!(e.kind(), "unreadable_file", "{name}");
        assert!(e.to_string().contains(UNREADABLE), "{e}");
        assert!(out.elapsed < limits.time, "{name}: {:?}", out.elapsed);
        if let Some(rss) = out.peak_rss {
            assert!(rss < limits.memory, "{name}: peak {rss} bytes");
        }
    }

    // The CLI: the Chinese message, no panic text, no backtrace, the database untouched.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let file = common::fixture("huge_dimensions.xls");
    let o = lianxi(&db, &["roster", "import", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(stderr.contains(UNREADABLE), "{stderr}");
    assert!(
        !stderr.contains("panic")
            && !stderr.contains("backtrace")
            && !stderr.contains("memory allocation"),
        "{stderr}"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let units: i64 = conn
        .query_row("SELECT count(*) FROM units", [], |r| r.get(0))
        .unwrap();
    assert_eq!(units, 0);
    let batches: i64 = conn
        .query_row("SELECT count(*) FROM import_batches", [], |r| r.get(0))
        .unwrap();
    assert_eq!(batches, 0);
    // …and the log has the cause.
    let log = std::fs::read_to_string(dir.path().join("logs/lianxi.log")).unwrap();
    assert!(log.contains("memory allocation"), "{log}");
}

#[test]
fn a_worker_that_hangs_is_killed_at_the_time_cap() {
    // A shell sleeping stands in for a reader stuck in a loop (the file name becomes $1).
    let w = Worker::new("sh", ["-c", "sleep 30", "sh"]).with_limits(Limits {
        time: Duration::from_millis(500),
        ..Limits::default()
    });
    let out = w.run("hang.xlsx", b"PK", &mut || true);
    let e = out.result.unwrap_err();
    assert_eq!(e.kind(), "unreadable_file");
    assert!(e.to_string().contains(UNREADABLE));
    assert!(
        out.elapsed >= Duration::from_millis(500),
        "{:?}",
        out.elapsed
    );
    assert!(out.elapsed < Duration::from_secs(5), "{:?}", out.elapsed);
}

#[test]
fn cancelling_kills_the_worker() {
    let w = Worker::new("sh", ["-c", "sleep 30", "sh"]);
    let out = w.run("slow.xlsx", b"PK", &mut || false);
    assert_eq!(out.result.unwrap_err().kind(), "cancelled");
    assert!(out.elapsed < Duration::from_secs(5));
}

#[test]
fn a_memory_cap_below_what_a_file_needs_refuses_it() {
    // A 20 MB CSV needs several times its size as cells; 64 MB of address space is too
    // little, the default cap is plenty.
    let mut csv = String::from("单位名称,联系电话,地址\n");
    while csv.len() < 20 * 1024 * 1024 {
        csv.push_str("海棠街道某某有限公司第一分公司,13800000000,海棠路一号院二号楼三单元\n");
    }
    let small = worker().with_limits(Limits {
        memory: 64 * 1024 * 1024,
        ..Limits::default()
    });
    let e = small
        .read("big.csv", csv.as_bytes(), &mut || true)
        .unwrap_err();
    assert_eq!(e.kind(), "unreadable_file");
    assert!(worker()
        .read("big.csv", csv.as_bytes(), &mut || true)
        .is_ok());
}

#[test]
fn truncated_xls_panics_inside_calamine_without_a_word_on_the_terminal() {
    let bytes = std::fs::read(common::fixture("messy.xls")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    for cut in [700, 1500, 2600, 4100, 5000, 7000, 9000] {
        let file = dir.path().join(format!("cut{cut}.xls"));
        std::fs::write(&file, &bytes[..cut]).unwrap();
        let o = lianxi(
            &db,
            &["roster", "import", "--dry-run", file.to_str().unwrap()],
        );
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "cut at {cut}");
        assert!(stderr.starts_with("错误："), "cut at {cut}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "cut at {cut}: {stderr}");
        assert!(!stderr.contains("panicked"), "cut at {cut}: {stderr}");
    }
}

#[test]
fn plan_file_goes_through_the_worker() {
    let (_dir, _path, conn) = common::temp_db();
    let p = import::plan_file(
        &conn,
        &worker(),
        &common::fixture("messy.xls"),
        &ImportOptions::default(),
        &mut no_progress,
    )
    .unwrap();
    assert!(p.counts.new > 0);
    let e = import::plan_file(
        &conn,
        &worker(),
        &common::fixture("huge_dimensions.xls"),
        &ImportOptions::default(),
        &mut no_progress,
    )
    .unwrap_err();
    assert_eq!(e.kind(), "unreadable_file");
}
