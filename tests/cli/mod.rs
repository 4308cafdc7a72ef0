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
