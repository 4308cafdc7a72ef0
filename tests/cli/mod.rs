//! Running the built `lianxi` command line in integration tests (`mod cli` of
//! tests/exe/main.rs and tests/it/main.rs).
#![allow(dead_code)] // each test binary uses a different part

#[cfg(all(target_os = "linux", feature = "desk"))]
pub mod desk;
pub mod year;

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};

/// The command that runs the CLI: the `lianxi` this package built, or `$LIANXI_TEST_EXE` when
/// set: `tests/windows/wine-lianxi.sh`, which runs the Windows `lianxi.exe` under Wine, so the
/// same test bodies check the Windows program (`scripts/test-windows.sh`).
pub fn command() -> Command {
    match std::env::var_os("LIANXI_TEST_EXE").filter(|e| !e.is_empty()) {
        Some(exe) => Command::new(exe),
        None => Command::new(env!("CARGO_BIN_EXE_lianxi")),
    }
}

/// Whether the CLI under test is the Windows program (under Wine).
pub fn is_windows_exe() -> bool {
    std::env::var_os("LIANXI_TEST_EXE").is_some_and(|e| !e.is_empty())
}

/// A command line written as a secretary types it: each string literal is split at its
/// spaces (`"donation receive"` is two arguments), every other expression is one argument
/// whole (an id, a path, a name with a space). `argv!["print donations -o", out]`.
macro_rules! argv {
    (@push $v:ident;) => {};
    (@push $v:ident; $words:literal $(, $($rest:tt)*)?) => {
        $v.extend($words.split_whitespace().map(std::ffi::OsString::from));
        $crate::cli::argv!(@push $v; $($($rest)*)?);
    };
    (@push $v:ident; $one:expr $(, $($rest:tt)*)?) => {
        $v.push(std::ffi::OsString::from(AsRef::<std::ffi::OsStr>::as_ref(&$one)));
        $crate::cli::argv!(@push $v; $($($rest)*)?);
    };
    ($($part:tt)*) => {{
        let mut v: Vec<std::ffi::OsString> = Vec::new();
        $crate::cli::argv!(@push v; $($part)*);
        v
    }};
}
pub(crate) use argv;

/// Runs `lianxi --db DB ARGS…`.
pub fn lianxi<S: AsRef<OsStr>>(db: &Path, args: &[S]) -> Output {
    command()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the lianxi binary runs")
}

/// The arguments as one line, for a failing assertion's message.
fn shown<S: AsRef<OsStr>>(args: &[S]) -> String {
    let parts: Vec<_> = args.iter().map(|a| a.as_ref().to_string_lossy()).collect();
    format!("{parts:?}")
}

/// Runs a command that must succeed; returns its stdout.
pub fn ok<S: AsRef<OsStr>>(db: &Path, args: &[S]) -> String {
    let o = lianxi(db, args);
    assert!(
        o.status.success(),
        "{}: {}",
        shown(args),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("stdout is UTF-8")
}

/// Runs a command that must fail with nothing on stdout and a Chinese error on stderr;
/// returns its stderr.
pub fn refused<S: AsRef<OsStr>>(db: &Path, args: &[S]) -> String {
    let o = lianxi(db, args);
    let line = shown(args);
    assert!(!o.status.success(), "{line} succeeded");
    assert!(o.stdout.is_empty(), "{line}: {:?}", o.stdout);
    let err = String::from_utf8(o.stderr).expect("stderr is UTF-8");
    assert!(err.contains("错误："), "{line}: {err}");
    err
}

/// Runs a command that must succeed and print JSON; returns it parsed.
pub fn json<S: AsRef<OsStr>>(db: &Path, args: &[S]) -> serde_json::Value {
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

/// The street's profile as a secretary fills it first: 八大关街道, its party organisation,
/// its 书记 王海 and its contact 李青.
pub fn set_street(db: &Path) {
    let street = argv![
        "street set --name 八大关街道办事处 --party-org",
        "中共八大关街道工作委员会 --leader 王海 --contact 李青 --phone",
        "0532-82860001"
    ];
    ok(db, &street);
}

/// An empty database set up as a secretary starts: the street (八大关街道), the roster `csv`
/// (written as 名册.csv and imported), and 太平角社区's details; then a meeting on
/// 2026-09-21 with every unit invited. Returns the folder, the database and the meeting id.
pub fn street_and_meeting(csv: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let (dir, db) = empty_db();
    set_street(&db);
    let roster = dir.path().join("名册.csv");
    std::fs::write(&roster, csv).expect("the roster is written");
    ok(
        &db,
        &["roster", "import", roster.to_str().expect("a UTF-8 path")],
    );
    let community = argv![
        "community set 太平角社区 --leader 孙丽 --contact 周明",
        "--phone 0532-82860011"
    ];
    ok(&db, &community);
    let meeting = argv![
        "meeting create --title 2026年联席会年会 --kind 年会",
        "--date 2026-09-21 --venue 街道三楼会议室"
    ];
    let m = ok(&db, &meeting).trim().to_owned();
    ok(&db, &["meeting", "invite", "--meeting", &m, "--all"]);
    (dir, db, m)
}

/// Pairs 太平角社区 with `unit` at meeting `m`; returns the agreement's id.
pub fn pair_with_community(db: &Path, m: &str, unit: &str) -> String {
    let b = format!("unit:{unit}");
    let args = argv![
        "agreement pair --meeting",
        m,
        "--a community:太平角社区 --b",
        &b
    ];
    ok(db, &args).trim().to_owned()
}

/// Records `donor`'s donation announced at meeting `m`; `gift` is the rest of `donation add`
/// as typed, split at spaces (`--cash 30000 --received 30000 --on 2026-09-25`, `--item 棉被
/// --quantity 80 --unit 床 --value 24000`). Returns the stdout (the new donation's id).
pub fn donate(db: &Path, m: &str, donor: &str, gift: &str) -> String {
    let mut args = argv!["donation add --meeting", m, "--donor", donor];
    args.extend(gift.split_whitespace().map(std::ffi::OsString::from));
    ok(db, &args)
}
