//! `manifest.csv`: one row per archived file (件号, 题名, 日期, 页数, 保管期限, 文件名, SHA-256,
//! 备注), and `verify`, which recomputes the hashes of an archive folder.

use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::{Error, Result};

/// The manifest's file name inside an archive folder.
pub const MANIFEST: &str = "manifest.csv";

/// The manifest's columns, in order.
pub const COLUMNS: [&str; 8] = [
    "件号",
    "题名",
    "日期",
    "页数",
    "保管期限",
    "文件名",
    "SHA-256",
    "备注",
];

/// One archived file (or one that should have been archived and was missing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ManifestRow {
    /// 件号: 0001, 0002 …
    pub number: String,
    pub title: String,
    /// The document's date (2026-09-25), or empty.
    pub date: String,
    /// Pages of a PDF (or 1 for a scanned image); empty for other files.
    pub pages: Option<usize>,
    /// 保管期限 as shown (永久, 30年 …).
    pub retention: String,
    /// The path inside the archive folder, with `/`.
    pub file: String,
    /// Lowercase hex; `None` for a file that was missing when archiving.
    pub sha256: Option<String>,
    /// 缺失：… when a file that should be archived was not found.
    pub note: String,
}

/// SHA-256 of `bytes` as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The page count of a PDF (its `/Type /Page` objects); `None` when `bytes` is not a PDF.
pub fn pdf_pages(bytes: &[u8]) -> Option<usize> {
    if !bytes.starts_with(b"%PDF") {
        return None;
    }
    let mut count = 0;
    let mut rest = bytes;
    while let Some(at) = find(rest, b"/Type") {
        rest = &rest[at + 5..];
        let skip = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let after = &rest[skip..];
        if after.starts_with(b"/Page")
            && !after[5..]
                .first()
                .is_some_and(|b| b.is_ascii_alphanumeric())
        {
            count += 1;
        }
    }
    Some(count)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The manifest as CSV bytes: UTF-8 with a byte-order mark, so that Excel shows the Chinese.
pub fn to_csv(rows: &[ManifestRow]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for r in rows {
        let fields = [
            r.number.clone(),
            r.title.clone(),
            r.date.clone(),
            r.pages.map(|p| p.to_string()).unwrap_or_default(),
            r.retention.clone(),
            r.file.clone(),
            r.sha256.clone().unwrap_or_default(),
            r.note.clone(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// Splits CSV text into records of fields (quotes, doubled quotes and line breaks in quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// Reads a manifest written by [`to_csv`].
pub fn from_csv(bytes: &[u8], path: &Path) -> Result<Vec<ManifestRow>> {
    let bad = |why: &str| Error::Invalid {
        field: "manifest",
        message: format!("“{}”不是本软件生成的归档清单：{why}", path.display()),
    };
    let text = std::str::from_utf8(bytes).map_err(|_| bad("不是 UTF-8 文本"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = parse_csv(text).into_iter();
    let header = records.next().ok_or_else(|| bad("文件是空的"))?;
    if header != COLUMNS {
        return Err(bad("表头不对"));
    }
    records
        .filter(|r| !(r.len() == 1 && r[0].is_empty()))
        .map(|r| {
            if r.len() != COLUMNS.len() {
                return Err(bad("有一行的列数不对"));
            }
            Ok(ManifestRow {
                number: r[0].clone(),
                title: r[1].clone(),
                date: r[2].clone(),
                pages: r[3].parse().ok(),
                retention: r[4].clone(),
                file: r[5].clone(),
                sha256: (!r[6].is_empty()).then(|| r[6].clone()),
                note: r[7].clone(),
            })
        })
        .collect()
}

/// What `verify` found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct VerifyReport {
    /// Files whose hash matches.
    pub ok: usize,
    /// Files whose content changed since archiving.
    pub changed: Vec<String>,
    /// Files listed in the manifest and no longer in the folder.
    pub missing: Vec<String>,
    /// Files the manifest records as missing already when archiving (with the note).
    pub missing_when_archived: Vec<String>,
}

impl VerifyReport {
    /// Whether every archived file is there, unchanged.
    pub fn intact(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty()
    }
}

/// Recomputes the hash of every file `dir/manifest.csv` lists.
pub fn verify(dir: &Path) -> Result<VerifyReport> {
    let manifest = dir.join(MANIFEST);
    let bytes = std::fs::read(&manifest).map_err(|e| Error::io(&manifest, e))?;
    let mut report = VerifyReport::default();
    for row in from_csv(&bytes, &manifest)? {
        let Some(want) = &row.sha256 else {
            report
                .missing_when_archived
                .push(format!("{}（{}）", row.file, row.note));
            continue;
        };
        let path = dir.join(&row.file);
        match std::fs::read(&path) {
            Ok(bytes) if sha256_hex(&bytes) == *want => report.ok += 1,
            Ok(_) => report.changed.push(row.file.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                report.missing.push(row.file.clone())
            }
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(file: &str, sha: Option<&str>, note: &str) -> ManifestRow {
        ManifestRow {
            number: "0001".into(),
            title: "题名，含逗号与\"引号\"".into(),
            date: "2026-09-25".into(),
            pages: Some(3),
            retention: "永久".into(),
            file: file.into(),
            sha256: sha.map(str::to_string),
            note: note.into(),
        }
    }

    #[test]
    fn the_manifest_reads_back_as_written() {
        let rows = vec![
            row("会议/议程.pdf", Some("ab"), ""),
            row("协议/扫描.pdf", None, "缺失：扫描件未找到"),
        ];
        let csv = to_csv(&rows);
        assert!(csv.starts_with("\u{feff}件号,题名".as_bytes()));
        assert_eq!(from_csv(&csv, Path::new("m.csv")).unwrap(), rows);
        assert!(from_csv(b"a,b\r\n", Path::new("m.csv")).is_err());
    }

    #[test]
    fn pages_are_counted_and_hashes_are_hex() {
        assert_eq!(
            pdf_pages(b"%PDF-1.7 /Type/Pages /Type/Page /Type /Page\n/Type/Page>>"),
            Some(3)
        );
        assert_eq!(pdf_pages(b"PK zip"), None);
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
