//! Exporting the roster to .xlsx with the canonical Chinese headers, so that an exported file
//! imports back without changes.

use std::path::Path;

use chrono::Datelike;

use rust_xlsxwriter::{Format, Workbook};

use crate::error::{Error, Result};
use crate::import::{Field, ImportedUnit};
use crate::units;

/// The exported columns, in order.
pub const COLUMNS: [Field; 16] = Field::DATA;

/// Writes the units (all, or those whose id is in `ids`) to `path` as .xlsx. Every value is
/// written as text (phones and dates too), exactly as the importer reads it back. Returns
/// how many units were written.
pub fn export_units(
    conn: &rusqlite::Connection,
    path: &Path,
    ids: Option<&[i64]>,
) -> Result<usize> {
    let fail =
        |e: rust_xlsxwriter::XlsxError| Error::io(path, std::io::Error::other(e.to_string()));
    let (mut book, count) = units_workbook(conn, ids)?;
    book.save(path).map_err(fail)?;
    Ok(count)
}

/// Every unit as .xlsx bytes, dated `created` (the file's creation date inside): the same
/// roster gives the same bytes, as the year archive needs.
pub fn units_xlsx(conn: &rusqlite::Connection, created: chrono::NaiveDate) -> Result<Vec<u8>> {
    let fail = |e: rust_xlsxwriter::XlsxError| Error::Conflict(format!("生成名册表格失败：{e}"));
    let (mut book, _) = units_workbook(conn, None)?;
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(
        u16::try_from(created.year()).unwrap_or(2000),
        created.month() as u8,
        created.day() as u8,
    )
    .map_err(fail)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&date));
    book.save_to_buffer().map_err(fail)
}

fn units_workbook(conn: &rusqlite::Connection, ids: Option<&[i64]>) -> Result<(Workbook, usize)> {
    let path = Path::new("成员单位.xlsx");
    let all = units::list(conn)?;
    // A set, not a slice search: the UI passes up to 20,000 filtered ids.
    let wanted: Option<std::collections::HashSet<i64>> =
        ids.map(|ids| ids.iter().copied().collect());
    let chosen: Vec<_> = all
        .iter()
        .filter(|u| wanted.as_ref().is_none_or(|w| w.contains(&u.id)))
        .collect();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let fail =
        |e: rust_xlsxwriter::XlsxError| Error::io(path, std::io::Error::other(e.to_string()));
    sheet.set_name("成员单位").map_err(fail)?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    for (c, f) in COLUMNS.iter().enumerate() {
        let c = c as u16;
        sheet
            .write_string_with_format(0, c, f.label(), &bold)
            .map_err(fail)?;
        let width = match f {
            Field::Name | Field::Address | Field::PartyOrg | Field::Notes => 30.0,
            Field::Phones => 24.0,
            _ => 12.0,
        };
        sheet.set_column_width(c, width).map_err(fail)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    for (r, u) in chosen.iter().enumerate() {
        let row = u32::try_from(r + 1)
            .map_err(|_| Error::Conflict("成员单位太多，无法导出到一个工作表。".into()))?;
        let values = ImportedUnit::from_unit(u).display();
        for (c, f) in COLUMNS.iter().enumerate() {
            let value = values
                .iter()
                .find(|(g, _)| g == f)
                .map(|(_, v)| v.as_str())
                .unwrap_or_default();
            if !value.is_empty() {
                sheet
                    .write_string_with_format(row, c as u16, value, &text)
                    .map_err(fail)?;
            }
        }
    }
    Ok((book, chosen.len()))
}
