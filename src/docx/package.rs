//! What docx-rs does not write, added to its package: repeated table header rows
//! (`w:tblHeader`), `w:lang` on every run, no automatic space between Chinese and Latin text
//! (`w:autoSpaceDE/DN`), and for a batch a section break after each document with page
//! numbers restarting at 1. The parts are then repacked, compressed, with
//! fixed timestamps, so the same documents always give the same bytes.

use std::io::{Cursor, Read, Write};

use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::{Reader, Writer};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::SECTION_END_STYLE;
use crate::{Error, Result};

fn word_error(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Word(format!("{what}：{e}"))
}

/// `docProps/core.xml` with the title and no clock time (the same content, the same bytes).
pub(super) fn core_props(title: &str) -> Vec<u8> {
    let title = quick_xml::escape::escape(title);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>联席会筹备助手</dc:creator><cp:revision>1</cp:revision></cp:coreProperties>"#
    )
    .into_bytes()
}

/// Rewrites `word/document.xml` and `word/styles.xml` of the package `raw` (see the module
/// documentation) and repacks every part. `headers[i]` says whether the i-th top-level table
/// has a header row to repeat.
///
/// `char_twips` is the width of one body character: indents also get their size in
/// characters (`w:firstLineChars="200"`), which docx-rs 0.4 leaves out.
pub(super) fn finish(raw: &[u8], headers: &[bool], char_twips: i32) -> Result<Vec<u8>> {
    let mut archive =
        ZipArchive::new(Cursor::new(raw)).map_err(|e| word_error("读取 Word 文件结构", e))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(raw.len() / 3)));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for i in 0..archive.len() {
        let mut part = archive
            .by_index(i)
            .map_err(|e| word_error("读取 Word 文件结构", e))?;
        if part.is_dir() {
            continue;
        }
        let name = part
            .name()
            .map_err(|e| word_error("读取 Word 文件结构", e))?
            .to_string();
        let mut bytes = Vec::with_capacity(part.size() as usize);
        part.read_to_end(&mut bytes)
            .map_err(|e| word_error("读取 Word 文件结构", e))?;
        let bytes = match name.as_str() {
            "word/document.xml" => rewrite(&bytes, headers, Some(char_twips))?,
            "word/styles.xml" => rewrite(&bytes, &[], None)?,
            _ => bytes,
        };
        out.start_file(name, options)
            .map_err(|e| word_error("写入 Word 文件", e))?;
        out.write_all(&bytes)
            .map_err(|e| word_error("写入 Word 文件", e))?;
    }
    let cursor = out.finish().map_err(|e| word_error("写入 Word 文件", e))?;
    Ok(cursor.into_inner())
}

fn is(e: &str, name: &str) -> bool {
    e == name
}

/// `<w:lang w:val="en-US" w:eastAsia="zh-CN"/>`: Chinese text is proofed and shaped as
/// Chinese, Latin as English.
fn lang() -> Event<'static> {
    let mut e = BytesStart::new("w:lang");
    e.push_attribute(("w:val", "en-US"));
    e.push_attribute(("w:eastAsia", "zh-CN"));
    Event::Empty(e)
}

/// The events of one XML part, owned.
fn events(xml: &[u8]) -> Result<Vec<Event<'static>>> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => return Ok(out),
            Ok(e) => out.push(e.into_owned()),
            Err(e) => return Err(word_error("Word 文件内容有误", e)),
        }
    }
}

/// The events of the body's own `w:sectPr` (the last one in the document).
fn body_section(events: &[Event<'static>]) -> Vec<Event<'static>> {
    let start = events
        .iter()
        .rposition(|e| matches!(e, Event::Start(s) if is(s.name().as_ref(), "w:sectPr")));
    let Some(start) = start else {
        return Vec::new();
    };
    let end = events[start..]
        .iter()
        .position(|e| matches!(e, Event::End(s) if is(s.name().as_ref(), "w:sectPr")))
        .map_or(events.len() - 1, |n| start + n);
    events[start..=end].to_vec()
}

/// `w:ind` with each indent also in hundredths of a character, as Word and WPS expect of a
/// Chinese document (so the indent follows the type size).
fn in_chars(ind: &BytesStart<'_>, char_twips: i32) -> Event<'static> {
    let mut out = BytesStart::new("w:ind");
    let mut chars = Vec::new();
    for a in ind.attributes().flatten() {
        let key = a.key.into_inner().to_string();
        let value = a.value.to_string();
        let name = match key.as_str() {
            "w:firstLine" => Some("w:firstLineChars"),
            "w:hanging" => Some("w:hangingChars"),
            "w:left" => Some("w:leftChars"),
            _ => None,
        };
        if let (Some(name), Ok(twips)) = (name, value.parse::<i32>()) {
            if twips != 0 && char_twips > 0 {
                let hundredths = (f64::from(twips) * 100.0 / f64::from(char_twips)).round();
                chars.push((name, (hundredths as i64).to_string()));
            }
        }
        out.push_attribute((key.as_str(), value.as_str()));
    }
    for (name, value) in &chars {
        out.push_attribute((*name, value.as_str()));
    }
    Event::Empty(out)
}

/// See [`finish`]. `char_twips` is given for `word/document.xml` (tables, sections and
/// indents), `None` for `word/styles.xml`.
fn rewrite(xml: &[u8], headers: &[bool], char_twips: Option<i32>) -> Result<Vec<u8>> {
    let document = char_twips.is_some();
    let events = events(xml)?;
    let section = if document {
        body_section(&events)
    } else {
        Vec::new()
    };
    let mut w = Writer::new(Vec::with_capacity(xml.len() + xml.len() / 4));
    let put = |w: &mut Writer<Vec<u8>>, e: Event<'_>| {
        w.write_event(e)
            .map_err(|e| word_error("写入 Word 文件", e))
    };
    let mut table_depth = 0usize;
    let mut tables = 0usize;
    let mut header_row_next = false;
    let mut section_end = false;
    let mut drawings = 0usize;
    let mut i = 0;
    while i < events.len() {
        let e = &events[i];
        i += 1;
        match e {
            Event::Start(s) if is(s.name().as_ref(), "w:tbl") => {
                table_depth += 1;
                if table_depth == 1 {
                    header_row_next = headers.get(tables).copied().unwrap_or(false);
                    tables += 1;
                }
                put(&mut w, e.clone())?;
            }
            Event::End(s) if is(s.name().as_ref(), "w:tbl") => {
                table_depth = table_depth.saturating_sub(1);
                put(&mut w, e.clone())?;
            }
            Event::Start(s) if is(s.name().as_ref(), "w:tr") && table_depth == 1 => {
                put(&mut w, e.clone())?;
                if std::mem::take(&mut header_row_next) {
                    let header = Event::Empty(BytesStart::new("w:tblHeader"));
                    match events.get(i) {
                        Some(Event::Start(p)) if is(p.name().as_ref(), "w:trPr") => {
                            put(&mut w, events[i].clone())?;
                            i += 1;
                            put(&mut w, header)?;
                        }
                        _ => {
                            put(&mut w, Event::Start(BytesStart::new("w:trPr")))?;
                            put(&mut w, header)?;
                            put(&mut w, Event::End(BytesEnd::new("w:trPr")))?;
                        }
                    }
                }
            }
            Event::Empty(s) if document && is(s.name().as_ref(), "w:pStyle") => {
                let marker = s
                    .try_get_attribute("w:val")
                    .ok()
                    .flatten()
                    .is_some_and(|a| &*a.value == SECTION_END_STYLE);
                if marker {
                    section_end = true;
                } else {
                    put(&mut w, e.clone())?;
                }
            }
            Event::End(s) if is(s.name().as_ref(), "w:pPr") && section_end => {
                section_end = false;
                for s in &section {
                    put(&mut w, s.clone())?;
                }
                put(&mut w, e.clone())?;
            }
            Event::Start(s) if !document && is(s.name().as_ref(), "w:pPrDefault") => {
                put(&mut w, e.clone())?;
                // No extra space between Chinese and Latin text or digits: the PDF sets none,
                // and with it the two break lines alike.
                let mut no_autospace = vec![Event::Start(BytesStart::new("w:pPr"))];
                for name in ["w:autoSpaceDE", "w:autoSpaceDN"] {
                    let mut e = BytesStart::new(name);
                    e.push_attribute(("w:val", "0"));
                    no_autospace.push(Event::Empty(e));
                }
                match events.get(i) {
                    Some(Event::Start(p)) if is(p.name().as_ref(), "w:pPr") => {
                        i += 1;
                        for e in no_autospace {
                            put(&mut w, e)?;
                        }
                    }
                    _ => {
                        no_autospace.push(Event::End(BytesEnd::new("w:pPr")));
                        for e in no_autospace {
                            put(&mut w, e)?;
                        }
                    }
                }
            }
            // Every drawing gets its own id (docx-rs writes 1 for each), and an anchored one
            // (the 签到码 in the margin) never pushes text aside.
            Event::Empty(s) if is(s.name().as_ref(), "wp:docPr") => {
                drawings += 1;
                let mut e = BytesStart::new("wp:docPr");
                e.push_attribute(("id", drawings.to_string().as_str()));
                e.push_attribute(("name", format!("签到码 {drawings}").as_str()));
                put(&mut w, Event::Empty(e))?;
            }
            Event::Empty(s) if is(s.name().as_ref(), "wp:wrapSquare") => {
                put(&mut w, Event::Empty(BytesStart::new("wp:wrapNone")))?;
            }
            Event::Empty(s) if is(s.name().as_ref(), "w:ind") => match char_twips {
                Some(c) => put(&mut w, in_chars(s, c))?,
                None => put(&mut w, e.clone())?,
            },
            Event::End(s) if is(s.name().as_ref(), "w:rPr") => {
                put(&mut w, lang())?;
                put(&mut w, e.clone())?;
            }
            Event::Empty(s) if is(s.name().as_ref(), "w:rPr") => {
                put(&mut w, Event::Start(BytesStart::new("w:rPr")))?;
                put(&mut w, lang())?;
                put(&mut w, Event::End(BytesEnd::new("w:rPr")))?;
            }
            _ => put(&mut w, e.clone())?,
        }
    }
    Ok(w.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(xml: &str, headers: &[bool]) -> String {
        String::from_utf8(rewrite(xml.as_bytes(), headers, Some(320)).unwrap()).unwrap()
    }

    #[test]
    fn the_first_row_of_a_table_with_a_header_repeats_and_other_rows_do_not() {
        let xml = r#"<w:body><w:tbl><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr><w:tr/><w:tr><w:trPr/></w:tr></w:tbl><w:tbl><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr></w:tbl><w:tbl><w:tr></w:tr></w:tbl></w:body>"#;
        let out = text(xml, &[true, false, true]);
        assert_eq!(out.matches("<w:tblHeader/>").count(), 2);
        assert!(out.starts_with(
            "<w:body><w:tbl><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr></w:tr><w:tr/>"
        ));
        assert!(
            out.ends_with("<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr></w:tr></w:tbl></w:body>")
        );
    }

    #[test]
    fn every_run_property_gets_the_chinese_language() {
        let xml = r#"<w:p><w:r><w:rPr><w:sz w:val="32"/></w:rPr><w:t>甲</w:t></w:r><w:r><w:rPr/></w:r></w:p>"#;
        let out = text(xml, &[]);
        assert_eq!(
            out.matches(r#"<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>"#)
                .count(),
            2
        );
    }

    #[test]
    fn paragraphs_default_to_no_space_between_chinese_and_latin_text() {
        let xml = r#"<w:styles><w:docDefaults><w:pPrDefault><w:pPr><w:rPr/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>"#;
        let out = String::from_utf8(rewrite(xml.as_bytes(), &[], None).unwrap()).unwrap();
        assert!(out.contains(
            r#"<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:rPr>"#
        ));
    }

    #[test]
    fn indents_are_also_given_in_characters() {
        let xml = r#"<w:p><w:pPr><w:ind w:left="0" w:right="0" w:firstLine="640" /></w:pPr></w:p><w:p><w:pPr><w:ind w:left="960" w:right="0" w:hanging="960" /></w:pPr></w:p>"#;
        let out = text(xml, &[]);
        assert!(
            out.contains(
                r#"<w:ind w:left="0" w:right="0" w:firstLine="640" w:firstLineChars="200"/>"#
            ),
            "{out}"
        );
        assert!(
            out.contains(r#"w:leftChars="300" w:hangingChars="300"/>"#),
            "{out}"
        );
    }

    #[test]
    fn a_section_end_marker_becomes_a_copy_of_the_body_section() {
        let xml = r#"<w:body><w:p><w:pPr><w:pStyle w:val="LianxiSectionEnd"/><w:spacing w:line="20"/></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val="Other"/></w:pPr></w:p><w:sectPr><w:pgNumType w:start="1"/></w:sectPr></w:body>"#;
        let out = text(xml, &[]);
        assert_eq!(
            out,
            r#"<w:body><w:p><w:pPr><w:spacing w:line="20"/><w:sectPr><w:pgNumType w:start="1"/></w:sectPr></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val="Other"/></w:pPr></w:p><w:sectPr><w:pgNumType w:start="1"/></w:sectPr></w:body>"#
        );
    }
}
