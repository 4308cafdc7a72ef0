//! Reading the cells of every visible sheet: spreadsheets through calamine, CSV by hand.
//! Merged regions are filled so every cell of a region holds the top-left value.

use std::collections::HashSet;
use std::io::Cursor;
use std::panic::AssertUnwindSafe;

use calamine::{
    open_workbook_auto_from_rs, open_workbook_from_rs, Data, DataType, Reader, SheetVisible,
    Sheets, Xls,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::sniff::{sniff, Kind};
use crate::error::{Error, FileProblem, Result};

/// One cell, as the importer sees it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A cell formatted as a date (time of day dropped).
    Date(NaiveDate),
}

impl Cell {
    /// Empty, or text that is only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The text of a text cell; numbers as exact integers where they are whole.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => whole(*f).map_or_else(|| f.to_string(), |i| i.to_string()),
            Cell::Bool(b) => if *b { "是" } else { "否" }.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

/// The integer a float holds exactly, if it is whole and within ±2^53.
pub fn whole(f: f64) -> Option<i64> {
    const LIMIT: f64 = 9_007_199_254_740_992.0;
    (f.is_finite() && f.fract() == 0.0 && f.abs() < LIMIT).then_some(f as i64)
}

/// A rectangular region, inclusive, zero-based: (row, col) to (row, col).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: (u32, u32),
    pub end: (u32, u32),
}

/// A visible sheet's cells, indexed from A1: `rows[r][c]` is Excel row `r + 1`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    /// Cells that hold a copy of a merged region's value (not typed in that row).
    pub copied: HashSet<(usize, usize)>,
}

impl Sheet {
    /// The cell at (row, col), Empty outside the data.
    pub fn cell(&self, r: usize, c: usize) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.rows
            .get(r)
            .and_then(|row| row.get(c))
            .unwrap_or(&EMPTY)
    }

    /// Copies the top-left value of each region into all its cells.
    pub fn fill_spans(&mut self, spans: &[Span]) {
        for s in spans {
            let (r0, c0) = (s.start.0 as usize, s.start.1 as usize);
            let (r1, c1) = (s.end.0 as usize, s.end.1 as usize);
            let value = self.cell(r0, c0).clone();
            if value.is_blank() || r1 < r0 || c1 < c0 {
                continue;
            }
            // Regions are bounded by the data; never grow the sheet for a huge span.
            let r1 = r1.min(self.rows.len().saturating_sub(1));
            for r in r0..=r1 {
                let row = &mut self.rows[r];
                let c_end = c1.min(row.len().saturating_sub(1).max(c0));
                if row.len() <= c_end {
                    row.resize(c_end + 1, Cell::Empty);
                }
                for (c, cell) in row.iter_mut().enumerate().take(c_end + 1).skip(c0) {
                    if cell.is_blank() {
                        *cell = value.clone();
                        self.copied.insert((r, c));
                    }
                }
            }
        }
    }
}

/// The file's format, as found from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    Csv,
}

/// The visible sheets of a file, in workbook order.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Workbook {
    pub format: Format,
    pub sheets: Vec<Sheet>,
}

/// Reads every visible sheet of `bytes` (the content of `file`).
pub fn read(file: &str, bytes: &[u8]) -> Result<Workbook> {
    match sniff(file, bytes)? {
        Kind::Text => Ok(Workbook {
            format: Format::Csv,
            sheets: vec![read_csv(file, bytes)?],
        }),
        // calamine 0.38 can panic on damaged files (e.g. a slice out of range in its CFB
        // reader for a cut-off .xls): a damaged file is an error, never a crash.
        kind => quietly(|| read_spreadsheet(file, bytes, kind))
            .unwrap_or_else(|| Err(bad(file, FileProblem::Damaged))),
    }
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into `None`. While it runs, a panic on this thread is logged in
/// one line instead of going through the panic hook (which prints it and a backtrace to the
/// terminal); other threads keep the hook they had.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.with(|q| q.get()) {
                log::warn!("读取表格时 calamine 出错（已按损坏文件处理）：{info}");
            } else {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result.ok()
}

fn bad(file: &str, problem: FileProblem) -> Error {
    Error::BadFile {
        file: file.to_string(),
        problem,
    }
}

fn read_spreadsheet(file: &str, bytes: &[u8], kind: Kind) -> Result<Workbook> {
    let mut book = if kind == Kind::Cfb {
        // Open old .xls directly: the auto reader hides a password error behind the
        // errors of the other readers it tries next.
        open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes))
            .map(Sheets::Xls)
            .map_err(|e| match e {
                calamine::XlsError::Password => bad(file, FileProblem::Encrypted),
                _ => bad(file, FileProblem::Damaged),
            })?
    } else {
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| {
            // A zip that opens but holds no workbook is another kind of file (.docx, …).
            match zip::ZipArchive::new(Cursor::new(bytes)) {
                Ok(_) => bad(file, FileProblem::NotASpreadsheet),
                Err(_) => bad(file, FileProblem::Damaged),
            }
        })?
    };
    let format = match &book {
        Sheets::Xls(_) => Format::Xls,
        Sheets::Xlsx(_) | Sheets::Xlsb(_) => Format::Xlsx,
        Sheets::Ods(_) => Format::Ods,
    };
    let ods_spans = if format == Format::Ods {
        super::ods_merges::spans(bytes).unwrap_or_default()
    } else {
        Default::default()
    };
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = book
            .worksheet_range(&name)
            .map_err(|_| bad(file, FileProblem::Damaged))?;
        let mut sheet = Sheet {
            name: name.clone(),
            rows: to_rows(&range),
            copied: HashSet::new(),
        };
        let spans: Vec<Span> = match &mut book {
            Sheets::Xlsx(x) => x
                .merge_cells_by_sheet_name(&name)
                .map(|v| v.iter().map(dims).collect())
                .unwrap_or_default(),
            Sheets::Xls(x) => x
                .merge_cells_by_sheet_name(&name)
                .map(|v| v.iter().map(dims).collect())
                .unwrap_or_default(),
            _ => ods_spans.get(&name).cloned().unwrap_or_default(),
        };
        sheet.fill_spans(&spans);
        sheets.push(sheet);
    }
    Ok(Workbook { format, sheets })
}

fn dims(d: &calamine::Dimensions) -> Span {
    Span {
        start: d.start,
        end: d.end,
    }
}

/// Converts a calamine range to rows indexed from A1.
fn to_rows(range: &calamine::Range<Data>) -> Vec<Vec<Cell>> {
    let Some((r0, c0)) = range.start() else {
        return Vec::new();
    };
    let (r0, c0) = (r0 as usize, c0 as usize);
    let mut rows = vec![Vec::new(); r0];
    rows.reserve(range.height());
    for row in range.rows() {
        let mut out = Vec::with_capacity(c0 + row.len());
        out.resize(c0, Cell::Empty);
        out.extend(row.iter().map(convert));
        while out.last().is_some_and(Cell::is_blank) {
            out.pop();
        }
        rows.push(out);
    }
    rows
}

fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Int(*i),
        Data::Float(f) if f.is_finite() => Cell::Float(*f),
        // NaN or infinity only come from a damaged file; keep what was read as text.
        Data::Float(f) => Cell::Text(f.to_string()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => match d.as_date() {
            Some(date) => Cell::Date(date),
            None => Cell::Float(dt.as_f64()),
        },
        // A duration or time-only value: keep the number.
        Data::DateTime(dt) if dt.as_f64().is_finite() => Cell::Float(dt.as_f64()),
        Data::DateTime(dt) => Cell::Text(dt.as_f64().to_string()),
        Data::DateTimeIso(s) => match d.as_date() {
            Some(date) => Cell::Date(date),
            None => Cell::Text(s.clone()),
        },
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

/// Decodes CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK.
pub fn decode_text(file: &str, bytes: &[u8]) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(String::from_utf8_lossy(rest).into_owned());
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, _, _) = encoding_rs::UTF_8.decode(bytes);
        return Ok(text.into_owned());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
        .ok_or_else(|| bad(file, FileProblem::NotASpreadsheet))
}

fn read_csv(file: &str, bytes: &[u8]) -> Result<Sheet> {
    let text = decode_text(file, bytes)?;
    let delimiter = guess_delimiter(&text);
    let rows = parse_csv(&text, delimiter)
        .into_iter()
        .map(|r| {
            let mut row: Vec<Cell> = r
                .into_iter()
                .map(|s| {
                    if s.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(s)
                    }
                })
                .collect();
            while row.last().is_some_and(Cell::is_blank) {
                row.pop();
            }
            row
        })
        .collect();
    let name = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("CSV")
        .to_string();
    Ok(Sheet {
        name,
        rows,
        copied: HashSet::new(),
    })
}

fn guess_delimiter(text: &str) -> char {
    let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    let count = |d: char| head.matches(d).count();
    [',', '\t', ';', '，']
        .into_iter()
        .max_by_key(|d| count(*d))
        .filter(|d| count(*d) > 0)
        .unwrap_or(',')
}

/// RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks.
pub fn parse_csv(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else if c == '"' && field.is_empty() {
            quoted = true;
        } else if c == delimiter {
            row.push(std::mem::take(&mut field));
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            row.push(std::mem::take(&mut field));
            rows.push(std::mem::take(&mut row));
        } else {
            field.push(c);
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_lines() {
        let rows = parse_csv("a,\"b,c\"\r\n\"x\"\"y\",\"1\n2\"\n", ',');
        assert_eq!(rows, vec![vec!["a", "b,c"], vec!["x\"y", "1\n2"]]);
    }

    #[test]
    fn gbk_and_bom() {
        let (gbk, _, _) = encoding_rs::GBK.encode("单位名称,电话");
        assert_eq!(decode_text("a.csv", &gbk).unwrap(), "单位名称,电话");
        assert_eq!(
            decode_text("a.csv", "\u{feff}单位".as_bytes()).unwrap(),
            "单位"
        );
    }

    #[test]
    fn spans_fill_down() {
        let mut s = Sheet {
            name: "x".into(),
            rows: vec![
                vec![Cell::Text("企业".into()), Cell::Text("a".into())],
                vec![Cell::Empty, Cell::Text("b".into())],
                vec![Cell::Empty, Cell::Text("c".into())],
            ],
            copied: HashSet::new(),
        };
        s.fill_spans(&[Span {
            start: (0, 0),
            end: (2, 0),
        }]);
        assert_eq!(s.cell(2, 0), &Cell::Text("企业".into()));
    }
}
