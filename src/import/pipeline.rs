//! The one import pipeline, shared by the roster, the donations and the three lists:
//!
//! ```text
//! read (bounded worker) ─ sheet and header (synonyms, manual mappings, 编号 counters)
//!   ─ columns (unrecognised and repeated ones reported) ─ rows (blank, 合计 and note rows
//!   skipped, Excel row numbers) ─ the kind's row (normalise, check, match) ─ the kind's
//!   finish (duplicates, new / update / unchanged) ─ counts and problems by Excel row
//! commit: backup ─ one transaction: the `import_batches` row, then the kind's writes
//! undo:   one transaction: the batch checked, the kind's removal, the batch marked undone
//! ```
//!
//! A kind ([`ImportKind`]) supplies only what is its own: its field type (whose synonym
//! table, one per kind, is the [`HeaderField`] it implements), the key column's refusal, the
//! checks of its options, and its plan of one row. The steps around them are written here
//! once: [`plan`] runs them and returns a [`Planned`], which each kind turns into its own
//! preview type (the names the app and the TypeScript bindings know). [`begin_batch`] and
//! [`undo_batch`] are the commit's and the undo's frame.
//!
//! Invariants: every problem is noted through [`Ctx`] (so "第N行：" is written once, and the
//! problems come out sorted by Excel row); a row that is not a record (blank, 合计, a note, a
//! repeated header, only 序号) is counted in `ignored_rows` and never an error; a commit
//! writes nothing before its backup is taken and everything in one transaction with its
//! batch row; an undo removes a batch whole or not at all.

use std::path::Path;

use rusqlite::{Connection, Transaction};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::batch;
use super::header::{
    choose_sheet, column_letter, find_header, mark_counter_columns, with_mappings, Header,
    HeaderField,
};
use super::read::{Cell, Sheet, Workbook};
use super::{report, ProgressFn, Severity, Stage};
use crate::backup::{self, BackupReason};
use crate::db::now;
use crate::error::{Error, FileProblem, Result};

/// A problem as the pipeline notes it; each kind's preview type is made from it.
pub(crate) struct Note<F> {
    pub row: Option<u32>,
    pub field: Option<F>,
    pub severity: Severity,
    pub message: String,
}

/// A column of the sheet and what it was mapped to; each kind's preview type is made from it.
pub(crate) struct ColumnNote<F> {
    pub index: u32,
    pub letter: String,
    pub header: String,
    pub field: Option<F>,
    pub unrecognised: bool,
}

/// The counts every preview keeps of the rows that are not imported.
pub(crate) trait RowCounts {
    /// Rows that are not records (blank, 合计, notes, repeated headers).
    fn ignored(&mut self) -> &mut u32;
    /// Rows not imported for an error.
    fn errors(&mut self) -> &mut u32;
}

/// Implements [`RowCounts`] for a counts type with `ignored_rows` and `error_rows` fields.
macro_rules! row_counts {
    ($t:ty) => {
        impl $crate::import::pipeline::RowCounts for $t {
            fn ignored(&mut self) -> &mut u32 {
                &mut self.ignored_rows
            }
            fn errors(&mut self) -> &mut u32 {
                &mut self.error_rows
            }
        }
    };
}
pub(crate) use row_counts;

/// Declares a kind's preview shapes of a problem, a column and a manual mapping over its
/// field type `$f` (the same three for every kind but the roster, whose types carry their
/// own docs), made from the pipeline's [`Note`] and [`ColumnNote`] ([`preview_from!`]).
macro_rules! preview_types {
    ($f:ty, $problem:ident, $column:ident, $mapping:ident) => {
        /// A problem found in the file, at the Excel row number the user sees (the roster's shape).
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        pub struct $problem {
            pub row: Option<u32>,
            pub field: Option<$f>,
            pub severity: $crate::import::Severity,
            pub message: String,
        }

        /// A column of the sheet and what it was mapped to.
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        pub struct $column {
            pub index: u32,
            pub letter: String,
            pub header: String,
            pub field: Option<$f>,
            pub unrecognised: bool,
        }

        /// One manual column mapping.
        #[derive(
            Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        pub struct $mapping {
            pub column: u32,
            pub field: Option<$f>,
        }

        $crate::import::pipeline::preview_from!($f, $problem, $column);
    };
}
pub(crate) use preview_types;

/// Makes a kind's problem and column types (over its field `$f`) from the pipeline's
/// [`Note`] and [`ColumnNote`].
macro_rules! preview_from {
    ($f:ty, $problem:ident, $column:ident) => {
        impl From<$crate::import::pipeline::Note<$f>> for $problem {
            fn from(n: $crate::import::pipeline::Note<$f>) -> Self {
                $problem {
                    row: n.row,
                    field: n.field,
                    severity: n.severity,
                    message: n.message,
                }
            }
        }

        impl From<$crate::import::pipeline::ColumnNote<$f>> for $column {
            fn from(c: $crate::import::pipeline::ColumnNote<$f>) -> Self {
                $column {
                    index: c.index,
                    letter: c.letter,
                    header: c.header,
                    field: c.field,
                    unrecognised: c.unrecognised,
                }
            }
        }
    };
}
pub(crate) use preview_from;

/// What a plan collects besides its records: the problems by row and the counts.
pub(crate) struct Ctx<F, C> {
    notes: Vec<Note<F>>,
    pub counts: C,
}

impl<F, C: RowCounts> Ctx<F, C> {
    pub fn new(counts: C) -> Self {
        Ctx {
            notes: Vec::new(),
            counts,
        }
    }

    /// Notes a problem; one at a row starts with "第N行：".
    pub fn add(&mut self, row: Option<u32>, field: Option<F>, severity: Severity, msg: String) {
        let message = match row {
            Some(r) => format!("第{r}行：{msg}"),
            None => msg,
        };
        self.notes.push(Note {
            row,
            field,
            severity,
            message,
        });
    }

    /// A row that is not a record: counted, and noted with why.
    pub fn skip(&mut self, row: u32, why: &str) {
        *self.counts.ignored() += 1;
        self.add(
            Some(row),
            None,
            Severity::Info,
            crate::text::sentence(&[why, "已跳过"]),
        );
    }

    /// The problems in the kind's type, sorted by row (stable: a row's in the order noted).
    pub fn problems<P: From<Note<F>>>(mut self) -> (Vec<P>, C) {
        self.notes.sort_by_key(|n| n.row);
        (self.notes.into_iter().map(P::from).collect(), self.counts)
    }
}

/// What one kind of record supplies to the pipeline.
pub(crate) trait ImportKind {
    /// A column as the header machinery reads it: its [`HeaderField::from_header`] is the
    /// kind's synonym table. Usually the field itself; the three lists share one field type
    /// ([`Self::Field`]) with a header type each.
    type Header: HeaderField + Into<Self::Field>;
    /// A field of a record of this kind.
    type Field: Copy + PartialEq + 'static;
    /// The preview's problem and column types.
    type Problem: From<Note<Self::Field>>;
    type Column: From<ColumnNote<Self::Field>>;
    /// The preview's counts.
    type Counts: RowCounts + Default;
    /// What the rows become while they are read, and in the plan.
    type Rows;

    /// Why a 合计 row or a note under the table is skipped: "“…”<FOOTER>，已跳过".
    const FOOTER: &'static str = "是合计行或表尾说明";

    /// The field's Chinese name.
    fn label(f: Self::Field) -> &'static str;

    /// A mapped field this kind does not import (the lists share one field type): the warning
    /// on its column, which is then not imported.
    fn foreign(&self, _f: Self::Field) -> Option<String> {
        None
    }

    /// Whether several columns may hold the field (the roster's phones).
    fn repeats(_f: Self::Field) -> bool {
        false
    }

    /// What the note says the first sheet lacked when another was taken (the roster's
    /// 名册表头); `None` for no note.
    fn header_noun(&self) -> Option<&'static str> {
        None
    }

    /// Checks the caller's choices (a meeting, a year) once the sheet is found.
    fn check(&self, _conn: &Connection) -> Result<()> {
        Ok(())
    }

    /// The refusal for sheet `sheet` without the key column.
    fn no_key(&self, sheet: &str) -> Error;

    /// Starts the rows: loads what they are matched against.
    fn start(&self, conn: &Connection) -> Result<Self::Rows>;

    /// One data row (not blank, not a footer).
    fn row(
        &self,
        conn: &Connection,
        rows: &mut Self::Rows,
        row: Row<'_, Self::Field>,
        ctx: &mut Ctx<Self::Field, Self::Counts>,
    ) -> Result<()>;

    /// After the last row: the records as planned (the roster merges and compares here).
    fn finish(
        &self,
        _conn: &Connection,
        rows: Self::Rows,
        _columns: &[(usize, Self::Field)],
        _ctx: &mut Ctx<Self::Field, Self::Counts>,
        _progress: &mut ProgressFn<'_>,
    ) -> Result<Self::Rows> {
        Ok(rows)
    }
}

/// A plan as the pipeline made it; each kind moves it into its preview type.
pub(crate) struct Planned<K: ImportKind> {
    pub file_name: String,
    pub sheet: String,
    pub sheets: Vec<String>,
    pub header_rows: Vec<u32>,
    pub columns: Vec<K::Column>,
    pub rows: K::Rows,
    pub counts: K::Counts,
    pub problems: Vec<K::Problem>,
}

/// The caller's choices of a file: the sheet, and columns mapped by hand (zero-based column
/// → field, `None` ignores the column).
pub(crate) struct Choice<'a, F> {
    pub sheet: Option<&'a str>,
    pub mappings: Vec<(u32, Option<F>)>,
}

impl<'a, F> Choice<'a, F> {
    pub fn of(sheet: &'a Option<String>, mappings: impl Iterator<Item = (u32, Option<F>)>) -> Self {
        Choice {
            sheet: sheet.as_deref(),
            mappings: mappings.collect(),
        }
    }
}

/// Plans the import of `book` as records of `kind`. Nothing is written.
pub(crate) fn plan<K: ImportKind>(
    kind: &K,
    conn: &Connection,
    file_name: &str,
    book: &Workbook,
    choice: &Choice<'_, K::Header>,
    progress: &mut ProgressFn<'_>,
) -> Result<Planned<K>> {
    let sheets: Vec<String> = book.sheets.iter().map(|s| s.name.clone()).collect();
    let no_data = || Error::BadFile {
        file: file_name.to_string(),
        problem: FileProblem::NoData,
    };
    let (index, header) = pick_sheet::<K::Header>(book, choice.sheet, no_data)?;
    kind.check(conn)?;
    let sheet = &book.sheets[index];
    let mut ctx = Ctx::new(K::Counts::default());
    if let Some(noun) = kind
        .header_noun()
        .filter(|_| index > 0 && choice.sheet.is_none())
    {
        ctx.add(
            None,
            None,
            Severity::Info,
            format!(
                "已使用工作表“{}”（第一个工作表“{}”中没有找到{noun}）；如需导入其他工作表，请另行选择。",
                sheet.name, sheets[0]
            ),
        );
    }
    let mut header = with_mappings(sheet, header, &choice.mappings);
    mark_counter_columns(sheet, &mut header);
    let data_start = header.data_start();
    let header: Header<K::Field> = Header {
        rows: header.rows,
        columns: header
            .columns
            .into_iter()
            .map(|(text, f)| (text, f.map(Into::into)))
            .collect(),
    };
    let key: K::Field = K::Header::key().into();
    let columns = map_columns(kind, &header, &mut ctx);
    if !columns.iter().any(|(_, f)| *f == key) {
        return Err(kind.no_key(&sheet.name));
    }
    let mut rows = kind.start(conn)?;
    let total = sheet.rows.len();
    for r in data_start..total {
        if r % 2000 == 0 {
            report(progress, Stage::Checking, r, total)?;
        }
        if let Some(row) = Row::read::<K>(sheet, r, &columns, &mut ctx) {
            kind.row(conn, &mut rows, row, &mut ctx)?;
        }
    }
    report(progress, Stage::Checking, total, total)?;
    let rows = kind.finish(conn, rows, &columns, &mut ctx, progress)?;
    let column_notes = header
        .columns
        .iter()
        .enumerate()
        .map(|(i, (text, field))| {
            K::Column::from(ColumnNote {
                index: u32::try_from(i).unwrap_or(u32::MAX),
                letter: column_letter(i),
                header: text.clone(),
                field: columns.iter().find(|(c, _)| *c == i).map(|(_, f)| *f),
                unrecognised: field.is_none() && !text.is_empty(),
            })
        })
        .collect();
    let (problems, counts) = ctx.problems();
    Ok(Planned {
        file_name: file_name.to_string(),
        sheet: sheet.name.clone(),
        sheets,
        header_rows: header.rows.iter().map(|r| excel_row(*r)).collect(),
        columns: column_notes,
        rows,
        counts,
        problems,
    })
}

/// The columns to read: each field once (unless the kind lets it repeat), an unrecognised
/// header, a field the kind does not import and a repeated field reported on the header row.
fn map_columns<K: ImportKind>(
    kind: &K,
    header: &Header<K::Field>,
    ctx: &mut Ctx<K::Field, K::Counts>,
) -> Vec<(usize, K::Field)> {
    let row = header.rows.first().map(|r| excel_row(*r));
    let index: K::Field = K::Header::index().into();
    let mut out: Vec<(usize, K::Field)> = Vec::new();
    for (c, (text, field)) in header.columns.iter().enumerate() {
        let letter = column_letter(c);
        match *field {
            None if !text.is_empty() => ctx.add(
                row,
                None,
                Severity::Warning,
                format!("{letter}列“{text}”未能识别，该列未导入（可手动指定它对应的字段）。"),
            ),
            None => {}
            Some(f) if f == index => {}
            Some(f) => {
                if let Some(why) = kind.foreign(f) {
                    ctx.add(
                        row,
                        Some(f),
                        Severity::Warning,
                        format!("{letter}列“{text}”{why}"),
                    );
                } else if !K::repeats(f) && out.iter().any(|(_, g)| *g == f) {
                    ctx.add(
                        row,
                        Some(f),
                        Severity::Warning,
                        format!(
                            "{letter}列“{text}”与前面的列都对应“{}”，只导入前面的列。",
                            K::label(f)
                        ),
                    );
                } else {
                    out.push((c, f));
                }
            }
        }
    }
    out
}

/// One data row of the sheet, its cells by field.
pub(crate) struct Row<'a, F> {
    /// The Excel row number.
    pub excel: u32,
    r: usize,
    sheet: &'a Sheet,
    columns: &'a [(usize, F)],
    /// The kind's key field and its 序号.
    key: F,
    index: F,
}

impl<'a, F: Copy + PartialEq + 'static> Row<'a, F> {
    /// The row, or `None` for a blank row (its only values copies of merged cells: 分会 over
    /// a blank row), a 合计 row or a note under the table (counted, the last two noted).
    fn read<K: ImportKind<Field = F>>(
        sheet: &'a Sheet,
        r: usize,
        columns: &'a [(usize, F)],
        ctx: &mut Ctx<F, K::Counts>,
    ) -> Option<Self> {
        let row = Row {
            excel: excel_row(r),
            r,
            sheet,
            columns,
            key: K::Header::key().into(),
            index: K::Header::index().into(),
        };
        let width = sheet.rows.get(r).map_or(0, Vec::len);
        let Some(first) = (0..width).find(|c| row.typed(*c)).map(|c| sheet.cell(r, c)) else {
            *ctx.counts.ignored() += 1;
            return None;
        };
        if let Cell::Text(t) = first {
            if is_footer(t) {
                ctx.skip(row.excel, &format!("“{}”{}", t.trim(), K::FOOTER));
                return None;
            }
        }
        Some(row)
    }

    /// Whether column `c` holds a value typed in this row (not a merged cell's copy).
    pub fn typed(&self, c: usize) -> bool {
        !self.sheet.cell(self.r, c).is_blank() && !self.sheet.copied.contains(&(self.r, c))
    }

    /// Whether a mapped column but 序号 holds a value typed in this row.
    pub fn has_values(&self) -> bool {
        self.columns
            .iter()
            .any(|(c, f)| *f != self.index && self.typed(*c))
    }

    /// The mapped columns, each with its cell in this row (blank or not).
    pub fn cells(&self) -> impl Iterator<Item = (F, &'a Cell)> + '_ {
        self.columns
            .iter()
            .map(|(c, f)| (*f, self.sheet.cell(self.r, *c)))
    }

    /// The cell of field `f` (its first column), unless blank.
    pub fn cell(&self, f: F) -> Option<&'a Cell> {
        self.columns
            .iter()
            .find(|(_, g)| *g == f)
            .map(|(c, _)| self.sheet.cell(self.r, *c))
            .filter(|c| !c.is_blank())
    }

    /// The text of field `f`, trimmed; empty when blank or not mapped.
    pub fn text(&self, f: F) -> String {
        self.cell(f)
            .map(|c| c.text().trim().to_string())
            .unwrap_or_default()
    }

    /// The key of a record row (the donations' and the lists' rule): `key` is its text as
    /// read, `header` whether it is the key column's own header word. `None` for a repeated
    /// header row or a row with only 序号 or unmapped values (skipped), and for a row with
    /// values but no key (an error row, `empty` its message).
    pub fn key<C: RowCounts>(
        &self,
        key: String,
        header: bool,
        empty: &str,
        ctx: &mut Ctx<F, C>,
    ) -> Option<String> {
        if header {
            ctx.skip(self.excel, "重复的表头行");
            return None;
        }
        if key.is_empty() {
            if self.has_values() {
                *ctx.counts.errors() += 1;
                ctx.add(
                    Some(self.excel),
                    Some(self.key),
                    Severity::Error,
                    empty.into(),
                );
                return None;
            }
            ctx.skip(self.excel, "只有序号或未导入的列");
            return None;
        }
        Some(key)
    }
}

const FOOTER_WORDS: &[&str] = &[
    "合计",
    "总计",
    "小计",
    "填表人",
    "审核人",
    "制表人",
    "填报人",
    "制表",
    "审核",
    "负责人",
    "填表日期",
    "填报日期",
    "联系人:",
    "注:",
    "说明:",
    "备注:",
];

/// A 合计 row, a signature line or a note under the table (not a record).
pub(crate) fn is_footer(text: &str) -> bool {
    let t: String = text.nfkc().filter(|c| !c.is_whitespace()).collect();
    t == "注"
        || t == "说明"
        || FOOTER_WORDS.iter().any(|w| t.starts_with(w))
        || (t.starts_with('注') && t.chars().nth(1).is_some_and(|c| c.is_ascii_digit()))
}

/// The Excel row number of zero-based row `r`.
pub(crate) fn excel_row(r: usize) -> u32 {
    u32::try_from(r + 1).unwrap_or(u32::MAX)
}

/// The sheet to import and its header: the one named `wanted` (spaces around it aside),
/// else the best one (see [`choose_sheet`]). A workbook without data in any sheet is refused
/// with `no_data()`.
pub(crate) fn pick_sheet<F: HeaderField>(
    book: &Workbook,
    wanted: Option<&str>,
    no_data: impl Fn() -> Error,
) -> Result<(usize, Option<Header<F>>)> {
    let has_data = |s: &Sheet| s.rows.iter().any(|r| r.iter().any(|c| !c.is_blank()));
    if !book.sheets.iter().any(has_data) {
        return Err(no_data());
    }
    match wanted {
        Some(name) => {
            let i = book
                .sheets
                .iter()
                .position(|s| s.name == name || s.name.trim() == name.trim())
                .ok_or_else(|| Error::NotFound {
                    what: "工作表",
                    id: name.to_string(),
                })?;
            Ok((i, find_header(&book.sheets[i])))
        }
        None => choose_sheet(&book.sheets).ok_or_else(no_data),
    }
}

/// A batch being committed: its backup taken, its transaction open with its
/// `import_batches` row in it. The kind writes its records through `tx`, then commits it.
pub(crate) struct Batch<'c> {
    pub tx: Transaction<'c>,
    pub id: i64,
    pub backup_id: String,
    /// The batch's time, for what the kind records with it.
    pub ts: String,
}

/// What a batch is: the kind's code in `import_batches` and the file and sheet it came from.
pub(crate) struct BatchOf<'a> {
    pub kind: &'a str,
    pub file_name: &'a str,
    pub sheet: &'a str,
}

/// Takes a backup, opens the transaction and records the batch with the counts that `read`
/// finds inside it (the plan's, or the roster's as compared again now), beside what else it
/// read then.
pub(crate) fn begin_batch<'c, T, C: Serialize>(
    conn: &'c mut Connection,
    db_path: &Path,
    of: &BatchOf<'_>,
    read: impl FnOnce(&Connection) -> Result<(T, C)>,
) -> Result<(Batch<'c>, T, C)> {
    let backup = backup::create(conn, db_path, BackupReason::BeforeImport)?;
    let tx = conn.transaction()?;
    let (read, counts) = read(&tx)?;
    let ts = now();
    let json = serde_json::to_string(&counts)?;
    let id = batch::insert(&tx, of.kind, of.file_name, of.sheet, &backup.id, &json, &ts)?;
    let batch = Batch {
        tx,
        id,
        backup_id: backup.id,
        ts,
    };
    Ok((batch, read, counts))
}

/// Undoes batch `batch` of `kind` in one transaction: found and not undone yet (else
/// refused: `what` names a batch, `noun` what it held), `remove` given its commit time,
/// then marked undone.
pub(crate) fn undo_batch<T>(
    conn: &mut Connection,
    kind: &str,
    batch: i64,
    (what, noun): (&'static str, &str),
    remove: impl FnOnce(&Transaction<'_>, &str) -> Result<T>,
) -> Result<T> {
    let tx = conn.transaction()?;
    let committed = batch::undoable(&tx, kind, batch, what, noun)?;
    let out = remove(&tx, &committed)?;
    batch::mark_undone(&tx, batch, &now())?;
    tx.commit()?;
    Ok(out)
}

/// Prefixes an error of a row being committed with its Excel row number.
pub(crate) fn at_row(row: u32, e: Error) -> Error {
    Error::Invalid {
        field: "row",
        message: format!("第{row}行：{e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footers_and_notes_are_not_records() {
        assert!(is_footer("合计：38家"));
        assert!(is_footer("注：本表由社区填报"));
        assert!(is_footer("注1：单位名称以营业执照为准"));
        assert!(!is_footer("注册会计师协会"));
        assert_eq!(excel_row(0), 1);
    }
}
