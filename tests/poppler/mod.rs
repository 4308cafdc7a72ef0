//! Reading PDFs back with poppler-utils (pdftotext, pdffonts, pdfinfo), shared by the
//! document tests. poppler-utils is installed by scripts/setup-system.sh.

#![allow(dead_code)]

use std::path::Path;
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

/// How many pages `pdf` has (pdfinfo).
pub fn page_count(pdf: &Path) -> usize {
    tool("pdfinfo", &[pdf.to_str().expect("a UTF-8 path")])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives a page count")
}

/// The fonts of `pdf` (pdffonts' rows), each checked to be an embedded subset.
pub fn embedded_fonts(pdf: &Path) -> Vec<String> {
    let listing = tool("pdffonts", &[pdf.to_str().expect("a UTF-8 path")]);
    let rows: Vec<String> = listing.lines().skip(2).map(str::to_owned).collect();
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 3],
            ["yes", "yes"],
            "not an embedded subset: {row}"
        );
    }
    rows
}
