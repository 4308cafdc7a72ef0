//! Telling what a file really is from its first bytes (never from its extension).

use crate::error::{Error, FileProblem};

/// What the bytes of a file look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A zip container: .xlsx or .ods.
    Zip,
    /// An OLE compound file: old .xls (or an encrypted OOXML workbook).
    Cfb,
    /// Text: CSV or tab-separated.
    Text,
}

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Classifies `bytes`, or says in Chinese why they cannot be a roster.
pub fn sniff(file: &str, bytes: &[u8]) -> Result<Kind, Error> {
    let bad = |problem| Error::BadFile {
        file: file.to_string(),
        problem,
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(bad(FileProblem::Empty));
    }
    if bytes.starts_with(b"PK") {
        return Ok(Kind::Zip);
    }
    if bytes.starts_with(&CFB_MAGIC[..4]) {
        if is_encrypted_ooxml(bytes) {
            return Err(bad(FileProblem::Encrypted));
        }
        return Ok(Kind::Cfb);
    }
    if looks_like_markup(bytes) {
        return Err(bad(FileProblem::Html));
    }
    if looks_like_text(bytes) {
        if has_spreadsheet_extension(file) {
            return Err(bad(FileProblem::TextWithSpreadsheetExtension));
        }
        return Ok(Kind::Text);
    }
    Err(bad(FileProblem::NotASpreadsheet))
}

/// An encrypted .xlsx is a CFB container with an `EncryptionInfo` stream; its directory
/// entry name is stored as UTF-16LE.
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

fn looks_like_markup(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let start = lower
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let trimmed = &lower[start..];
    trimmed.starts_with(b"<html")
        || trimmed.starts_with(b"<!doctype")
        || trimmed.starts_with(b"<table")
        || (trimmed.starts_with(b"<?xml") || trimmed.starts_with(b"<meta"))
            && lower.windows(5).any(|w| w == b"<html" || w == b"<tabl")
}

/// Text in UTF-8, UTF-16 with BOM, or GBK, without NUL bytes.
fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    if bytes.contains(&0) {
        return false;
    }
    std::str::from_utf8(bytes).is_ok()
        || encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
}

fn has_spreadsheet_extension(file: &str) -> bool {
    let lower = file.to_lowercase();
    [".xlsx", ".xls", ".xlsm", ".ods", ".et"]
        .iter()
        .any(|e| lower.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(file: &str, bytes: &[u8]) -> Result<Kind, &'static str> {
        sniff(file, bytes).map_err(|e| e.kind().as_str())
    }

    #[test]
    fn sniffs() {
        assert_eq!(kind("a.xlsx", b""), Err("empty_file"));
        assert_eq!(kind("a.csv", b" \n"), Err("empty_file"));
        assert_eq!(kind("a.xls", b"PK\x03\x04"), Ok(Kind::Zip));
        assert_eq!(kind("a.xls", &CFB_MAGIC), Ok(Kind::Cfb));
        assert_eq!(kind("a.xls", b"\n<!DOCTYPE html><html>"), Err("html_file"));
        assert_eq!(
            kind("a.xlsx", "单位,电话\n".as_bytes()),
            Err("renamed_text_file")
        );
        assert_eq!(kind("a.csv", "单位,电话\n".as_bytes()), Ok(Kind::Text));
        assert_eq!(kind("a.csv", b"\x00\x01\x02\xff"), Err("not_a_spreadsheet"));
    }
}
