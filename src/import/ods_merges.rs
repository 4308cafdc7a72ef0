//! Merged regions of .ods sheets, which calamine does not report: read from content.xml
//! (`table:number-rows-spanned` / `table:number-columns-spanned`), counting repeated rows
//! and columns and covered cells so positions match the sheet's.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::read::Span;

/// The merged regions of each sheet, by sheet name. `None` when content.xml cannot be read.
pub fn spans(bytes: &[u8]) -> Option<HashMap<String, Vec<Span>>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut xml = Vec::new();
    zip.by_name("content.xml")
        .ok()?
        .read_to_end(&mut xml)
        .ok()?;
    parse(&xml)
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn number(e: &BytesStart<'_>, key: &str) -> u64 {
    attr(e, key)
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1)
}

/// Parses content.xml.
pub fn parse(xml: &[u8]) -> Option<HashMap<String, Vec<Span>>> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out: HashMap<String, Vec<Span>> = HashMap::new();
    let mut sheet: Option<String> = None;
    let (mut row, mut col) = (0u64, 0u64);
    let mut row_repeat = 1u64;
    // Depth of nested tables inside a cell (ignored).
    let mut cell_depth = 0u32;
    loop {
        let event = reader.read_event_into(&mut buf).ok()?;
        match event {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.name().as_ref() {
                    "table:table" if cell_depth == 0 && !empty => {
                        let name = attr(e, "table:name").unwrap_or_default();
                        out.entry(name.clone()).or_default();
                        sheet = Some(name);
                        row = 0;
                    }
                    "table:table-row" if cell_depth == 0 => {
                        col = 0;
                        row_repeat = number(e, "table:number-rows-repeated");
                        if empty {
                            row = row.saturating_add(row_repeat);
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" if cell_depth == 0 => {
                        let rs = number(e, "table:number-rows-spanned");
                        let cs = number(e, "table:number-columns-spanned");
                        if (rs > 1 || cs > 1) && row <= u32::MAX as u64 && col <= u32::MAX as u64 {
                            if let Some(name) = &sheet {
                                let clamp = |v: u64| v.min(u32::MAX as u64) as u32;
                                out.entry(name.clone()).or_default().push(Span {
                                    start: (clamp(row), clamp(col)),
                                    end: (clamp(row + rs - 1), clamp(col + cs - 1)),
                                });
                            }
                        }
                        col = col.saturating_add(number(e, "table:number-columns-repeated"));
                        if !empty {
                            cell_depth += 1;
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" if !empty => cell_depth += 1,
                    _ => {}
                }
            }
            Event::End(ref e) => match e.name().as_ref() {
                "table:table-cell" | "table:covered-table-cell" => {
                    cell_depth = cell_depth.saturating_sub(1);
                }
                "table:table-row" if cell_depth == 0 => row = row.saturating_add(row_repeat),
                "table:table" if cell_depth == 0 => sheet = None,
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_repeats_and_covered_cells() {
        let xml = r#"<office:document-content><office:body><office:spreadsheet>
<table:table table:name="名册">
<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2"/>
<table:table-cell table:number-rows-spanned="3"><text:p>企业</text:p></table:table-cell>
<table:table-cell table:number-columns-spanned="2"/><table:covered-table-cell/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
        let spans = parse(xml.as_bytes()).unwrap();
        assert_eq!(
            spans["名册"],
            vec![
                Span {
                    start: (2, 2),
                    end: (4, 2)
                },
                Span {
                    start: (2, 3),
                    end: (2, 4)
                }
            ]
        );
    }
}
