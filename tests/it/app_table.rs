//! The one command table: every command the page calls is in it once, arguments are read by
//! their camelCase names, and what goes wrong comes back as `{kind, message}`, never a panic.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use lianxi::app::commands::files::{checked_dir, checked_path};
use lianxi::app::{dispatch, ApiResult, Ctx, Host, ProgressTo, Store, COMMANDS};
use serde_json::{json, Value};

/// A face for tests: paths as given, nothing shown, progress kept.
#[derive(Default)]
struct TestHost {
    progress: Mutex<Vec<(String, Value)>>,
}

impl Host for TestHost {
    fn input(&self, chosen: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
        checked_path(chosen, extensions)
    }
    fn output(&self, chosen: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
        checked_path(chosen, extensions)
    }
    fn output_dir(&self, chosen: &str) -> ApiResult<PathBuf> {
        checked_dir(chosen)
    }
    fn show(&self, _path: &Path) -> bool {
        false
    }
    fn progress(&self, to: &ProgressTo, report: Value) {
        self.progress
            .lock()
            .expect("lock")
            .push((to.0.clone(), report));
    }
    fn open_folder(&self, _path: &Path) -> ApiResult<()> {
        Ok(())
    }
}

fn names() -> Vec<&'static str> {
    COMMANDS
        .iter()
        .flat_map(|a| a.iter())
        .map(|c| c.name)
        .collect()
}

/// The command names the front end calls (`call<…>('name'` in ui/src).
fn called_by_the_page() -> BTreeSet<String> {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src");
    let mut out = BTreeSet::new();
    let mut stack = vec![ui];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("ui/src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !matches!(ext, "ts" | "vue") || path.to_string_lossy().contains(".test.") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read");
            for (i, _) in text.match_indices("call") {
                let rest = &text[i + 4..];
                let rest = match rest.strip_prefix('<') {
                    // Skip the type argument, which may nest.
                    Some(r) => {
                        let mut depth = 1;
                        let mut end = 0;
                        for (j, c) in r.char_indices() {
                            match c {
                                '<' => depth += 1,
                                '>' => depth -= 1,
                                _ => {}
                            }
                            if depth == 0 {
                                end = j + 1;
                                break;
                            }
                        }
                        &r[end..]
                    }
                    None => rest,
                };
                let Some(rest) = rest.strip_prefix("('") else {
                    continue;
                };
                if let Some(end) = rest.find('\'') {
                    out.insert(rest[..end].to_string());
                }
            }
        }
    }
    out
}

#[test]
fn every_command_the_page_calls_is_in_the_table_once() {
    let names = names();
    let unique: BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(unique.len(), names.len(), "a command is listed twice");
    let called = called_by_the_page();
    assert!(
        called.len() > 150,
        "found only {} calls in ui/src",
        called.len()
    );
    // startup_marks is the window's own benchmark aid, answered by the shell.
    let missing: Vec<&String> = called
        .iter()
        .filter(|c| c.as_str() != "startup_marks" && !unique.contains(c.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "called by the page but not in the table: {missing:?}"
    );
}

#[test]
fn commands_read_camel_case_arguments_and_write_the_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Arc::new(Store::open(dir.path().join("lianxi.sqlite3")));
    let host = TestHost::default();
    let ctx = Ctx::new(&store, &host);

    let unit = dispatch(
        &ctx,
        "unit_create",
        json!({"input": {"name": "青岛市市南区红十字会"}}),
    );
    let listed = dispatch(&ctx, "units_list", Value::Null).expect("units_list");
    match unit {
        Ok(u) => {
            assert_eq!(u["name"], "青岛市市南区红十字会");
            assert_eq!(listed.as_array().map(Vec::len), Some(1));
            let history = dispatch(&ctx, "unit_history", json!({"id": u["id"]})).expect("history");
            assert!(history.is_array());
        }
        Err(e) => panic!("unit_create refused a plain unit: {e:?}"),
    }
}

#[test]
fn unknown_commands_and_bad_arguments_are_typed_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Arc::new(Store::open(dir.path().join("lianxi.sqlite3")));
    let host = TestHost::default();
    let ctx = Ctx::new(&store, &host);
    let e = dispatch(&ctx, "drop_everything", Value::Null).expect_err("unknown");
    assert_eq!(e.kind, lianxi::error::ErrorKind::Invalid);
    assert!(e.message.contains("drop_everything"), "{}", e.message);
    let e = dispatch(&ctx, "unit_history", json!({"id": "three"})).expect_err("bad id");
    assert_eq!(e.kind, lianxi::error::ErrorKind::Invalid);
    assert!(e.message.starts_with("程序内部错误"), "{}", e.message);
    let e = dispatch(&ctx, "unit_history", json!({})).expect_err("missing id");
    assert_eq!(e.kind, lianxi::error::ErrorKind::Invalid);
    // A path the host refuses never reaches the core.
    let e = dispatch(
        &ctx,
        "year_stats_pdf",
        json!({"year": 2026, "path": "relative/统计.pdf"}),
    )
    .expect_err("relative path");
    assert!(e.message.contains("pdf"), "{}", e.message);
}

#[test]
fn progress_goes_to_the_target_the_page_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Arc::new(Store::open(dir.path().join("lianxi.sqlite3")));
    let host = TestHost::default();
    let ctx = Ctx::new(&store, &host);
    let out = dir.path().join("归档");
    std::fs::create_dir(&out).expect("mkdir");
    let outcome = dispatch(
        &ctx,
        "archive_year",
        json!({"year": 2026, "dir": out.to_str().expect("utf-8"), "zip": false, "onProgress": "job-7"}),
    )
    .expect("archive of an empty year");
    assert!(outcome.is_object(), "{outcome}");
    let progress = host.progress.lock().expect("lock");
    assert!(!progress.is_empty(), "no progress reported");
    assert!(progress.iter().all(|(to, _)| to == "job-7"));
}
