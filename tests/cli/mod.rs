//! Running the built `lianxi` command line in integration tests (`mod cli;`).
#![allow(dead_code)] // each test binary uses a different part

use std::path::Path;
use std::process::{Command, Output};

/// Runs `lianxi --db DB ARGS…`.
pub fn lianxi(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lianxi"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the lianxi binary runs")
}

/// Runs a command that must succeed; returns its stdout.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let o = lianxi(db, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("stdout is UTF-8")
}

/// Runs a command that must fail with nothing on stdout and a Chinese error on stderr;
/// returns its stderr.
pub fn refused(db: &Path, args: &[&str]) -> String {
    let o = lianxi(db, args);
    assert!(!o.status.success(), "{args:?} succeeded");
    assert!(o.stdout.is_empty(), "{args:?}: {:?}", o.stdout);
    let err = String::from_utf8(o.stderr).expect("stderr is UTF-8");
    assert!(err.contains("错误："), "{args:?}: {err}");
    err
}

/// Runs a command that must succeed and print JSON; returns it parsed.
pub fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(db, args)).expect("the command prints JSON")
}

/// An empty database in a fresh folder, as a secretary starts (checked empty).
pub fn empty_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("db.sqlite3");
    let info = json(&db, &["info", "--json"]);
    assert_eq!(info["unit_count"], 0, "starts empty");
    (dir, db)
}
