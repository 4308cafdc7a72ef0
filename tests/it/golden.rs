//! Byte for byte: every PDF and .docx of a fixed year (the year of `cli/year.rs`, printed in
//! the bundled font with a fixed 签到码 key) has the SHA-256 recorded in
//! `tests/golden/year.sha256`. A change of code that should not change what is printed (a
//! refactor) must leave every file as it was; a change that means to change a document
//! updates the list in the same commit, with the documents it changed in its message:
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test -p lianxi --test it -- golden::
//! ```
//!
//! Files dated by the day the test runs (the archive's 归档文件目录, the roster's 变动情况) are
//! left out by name below; every other file of the year is in the list.

use crate::cli;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::cli::argv;
use cli::year::{a_year, files, print_the_year};
use sha2::{Digest, Sha256};

/// The golden list, beside the tests.
fn golden_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/year.sha256")
}

/// Dated by the day the test runs: the archive's own lists (made today), and the roster's
/// history (its entries carry the day the test imported the roster).
fn dated_today(name: &str) -> bool {
    ["归档文件目录", "manifest", "README", "成员单位变动情况"]
        .iter()
        .any(|k| name.contains(k))
}

/// `label/relative path → sha256` of every PDF and .docx under each folder.
fn hashes(under: &[(&str, &Path)]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (label, dir) in under {
        for ext in ["pdf", "docx"] {
            for f in files(dir, ext) {
                let rel = f
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                if dated_today(&rel) || rel.contains("扫描") {
                    continue;
                }
                let bytes = std::fs::read(&f).unwrap();
                let digest = Sha256::digest(&bytes);
                let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
                out.insert(format!("{label}/{rel}"), hex);
            }
        }
    }
    out
}

#[test]
fn every_document_of_a_fixed_year_is_byte_for_byte_what_it_was() {
    let (dir, db, m) = a_year();
    {
        // The same 签到码 on every run, and the bundled font: identical output on every
        // machine whatever fonts it has.
        let conn = lianxi::db::open(&db).expect("the database opens");
        conn.execute(
            "UPDATE settings SET value = ?1 WHERE key = 'signin_code_key'",
            [&"5a".repeat(32)],
        )
        .expect("the key is set");
        lianxi::print::save_choice(&conn, &lianxi::print::FontChoice::bundled())
            .expect("the bundled font is chosen");
    }
    let (archive, out) = print_the_year(dir.path(), &db, &m);
    // Word files of the meeting beside its PDFs.
    for what in [
        "invitations",
        "agenda",
        "attendees",
        "signin",
        "speakers",
        "minutes",
        "news",
    ] {
        let to = out.join(format!("{what}.docx"));
        cli::ok(
            &db,
            &argv!["export", what, "--meeting", &m, "-o", to.to_str().unwrap()],
        );
    }
    let now = hashes(&[("档案", &archive), ("out", &out)]);
    assert!(now.len() >= 35, "the whole year is printed: {now:#?}");

    let listed: String = now.iter().map(|(f, h)| format!("{h}  {f}\n")).collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_path().parent().unwrap()).unwrap();
        std::fs::write(golden_path(), &listed).unwrap();
    }
    let golden = std::fs::read_to_string(golden_path())
        .expect("tests/golden/year.sha256 exists (UPDATE_GOLDEN=1 writes it)");
    let then: BTreeMap<String, String> = golden
        .lines()
        .filter_map(|l| l.split_once("  "))
        .map(|(h, f)| (f.to_owned(), h.to_owned()))
        .collect();
    let mut changed = Vec::new();
    for (f, h) in &now {
        match then.get(f) {
            Some(was) if was == h => {}
            Some(_) => changed.push(format!("changed: {f}")),
            None => changed.push(format!("new: {f}")),
        }
    }
    for f in then.keys().filter(|f| !now.contains_key(*f)) {
        changed.push(format!("gone: {f}"));
    }
    assert!(
        changed.is_empty(),
        "printed documents differ from tests/golden/year.sha256 (if the change is meant, run UPDATE_GOLDEN=1 cargo test -p lianxi --test it -- golden:: and say which documents changed):\n{}",
        changed.join("\n")
    );
}
