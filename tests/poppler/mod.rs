//! Reading PDFs back with poppler-utils (pdftotext, pdffonts, pdfinfo), shared by the
//! document tests. poppler-utils is installed by scripts/setup-system.sh.

#![allow(dead_code)]

use std::process::Command;

/// Runs a poppler tool and returns its stdout; fails the test when the tool fails.
pub fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed for this test (poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A number attribute of a `pdftotext -bbox` tag (`xMin="…"`); NaN when it is missing.
pub fn attr(tag: &str, name: &str) -> f32 {
    let key = format!("{name}=\"");
    let at = tag.find(&key).map(|i| i + key.len()).unwrap_or_default();
    tag[at..]
        .split('"')
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or(f32::NAN)
}

/// Text without any white space, so line breaks and justification do not matter.
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
