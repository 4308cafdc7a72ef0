//! The TypeScript bindings in `ui/src/bindings/` must be exactly what ts-rs generates from the
//! Rust types. Regenerate with `UPDATE_BINDINGS=1 cargo test -p lianxi --test it -- bindings::`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().and_then(|x| x.to_str()) == Some("ts") {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                out.insert(name, std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn committed_bindings_match_the_rust_types() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        if committed.exists() {
            std::fs::remove_dir_all(&committed).unwrap();
        }
        lianxi::bindings::export_all(&committed).unwrap();
    }
    let fresh = tempfile::tempdir().unwrap();
    lianxi::bindings::export_all(fresh.path()).unwrap();
    let want = read_dir(fresh.path());
    let have = read_dir(&committed);
    assert!(!want.is_empty(), "no bindings were generated");
    let stale: Vec<&String> = want
        .iter()
        .filter(|(k, v)| have.get(*k) != Some(v))
        .map(|(k, _)| k)
        .chain(have.keys().filter(|k| !want.contains_key(*k)))
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/bindings is stale for {stale:?}; run UPDATE_BINDINGS=1 cargo test -p lianxi --test it -- bindings::"
    );
}
