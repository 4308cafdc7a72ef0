//! Each of the three lists from a spreadsheet: the lists' kind of the import pipeline
//! (`import::pipeline`: the bounded read, the sheet and header row with title rows above it
//! ignored, exact synonyms per list, 合计 and note rows skipped, problems at Excel row
//! numbers, one batch after a backup, undone whole).
//!
//! - `fields.rs`: the one field type of the three lists, the words they share and each
//!   list's header type (its synonyms are its own table, in its file);
//! - `need.rs`, `resource.rs`, `project.rs`: each list's synonyms, its preview record and
//!   its plan of one row (a project's claimants too, and the writing of its claims);
//! - this file: what the lists share around a row: the year, the meeting, the roster names
//!   are matched to, a name the year already has or the file repeats (not imported twice);
//! - `commit.rs`: the commit and the undo.
//!
//! Several claimants in one cell become several claims; a claimant not on the roster is a
//! warning with its name as written and no unit (never a unit created on the quiet): at
//! commit the user maps it to a unit, adds it to the roster or leaves it out. The commit
//! takes a backup, then writes one batch (`import_batches.kind`), the units added for
//! claimants included, that [`undo`] removes whole.

mod commit;
mod fields;
mod need;
mod project;
mod resource;

use std::collections::HashMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use commit::{
    commit, latest_batch, undo, ClaimantChoice, ClaimantMapping, ListImportResult, ListUndoSummary,
};
pub use fields::{
    field_labels, ListColumn, ListColumnMapping, ListField, ListFieldLabel, ListProblem,
};
use fields::{names_a_list, Col};
pub use need::ImportedNeed;
pub use project::{split_claimants, ImportedProject, PlannedClaim};
pub use resource::ImportedResource;

use super::ListKind;
use crate::date::PartialDate;
use crate::error::{Error, Result};
use crate::import::pipeline::{self, row_counts, Choice, ImportKind};
use crate::import::{bounded, read_file, ProgressFn, Severity, Workbook};
use crate::text::name_key;
use crate::units::UnitStatus;

/// What the caller chooses: the sheet, columns mapped by hand, the year and the meeting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ListImportOptions {
    pub sheet: Option<String>,
    pub mappings: Vec<ListColumnMapping>,
    /// The list's year; this year when none.
    pub year: Option<i32>,
    pub meeting_id: Option<i64>,
}

/// The counts of the preview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListImportCounts {
    pub new: u32,
    pub error_rows: u32,
    pub ignored_rows: u32,
    /// Rows naming a record the year already has (not imported again).
    pub existing: u32,
    /// Claimants found in the claimant cells.
    pub claims: u32,
    /// Of them, matched to a member unit.
    pub matched_claims: u32,
    /// Of them, not on the roster (to be mapped by the user, else not imported).
    pub unmatched_claims: u32,
}

row_counts!(ListImportCounts);

/// The preview of a list import; only the array of its kind is filled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ListImportPlan {
    pub kind: ListKind,
    pub year: i32,
    pub meeting_id: Option<i64>,
    pub file_name: String,
    pub sheet: String,
    pub sheets: Vec<String>,
    pub header_rows: Vec<u32>,
    pub columns: Vec<ListColumn>,
    pub needs: Vec<ImportedNeed>,
    pub resources: Vec<ImportedResource>,
    pub projects: Vec<ImportedProject>,
    /// The claimant names not on the roster, each once, in order of appearance.
    pub unmatched: Vec<String>,
    pub counts: ListImportCounts,
    pub problems: Vec<ListProblem>,
}

type Ctx = pipeline::Ctx<ListField, ListImportCounts>;
type Row<'a> = pipeline::Row<'a, ListField>;

/// Reads `file` in a bounded worker and plans the import of list `kind`. Nothing is written.
pub fn plan_file(
    conn: &Connection,
    worker: &bounded::Worker,
    kind: ListKind,
    file: &Path,
    options: &ListImportOptions,
    progress: ProgressFn<'_>,
) -> Result<ListImportPlan> {
    let mut progress = progress;
    let (name, book) = read_file(worker, file, &mut progress)?;
    log::info!("{}导入预览：“{name}”", kind.label());
    plan_book(conn, kind, &name, &book, options, &mut progress)
}

/// Plans the import of `bytes` read in this process (tests and benchmarks only).
pub fn plan_bytes(
    conn: &Connection,
    kind: ListKind,
    file_name: &str,
    bytes: &[u8],
    options: &ListImportOptions,
) -> Result<ListImportPlan> {
    let book = crate::import::read(file_name, bytes)?;
    let mut none = crate::import::no_progress;
    let mut progress: ProgressFn<'_> = &mut none;
    plan_book(conn, kind, file_name, &book, options, &mut progress)
}

/// The roster as the import matches names: name key → (id, name), active units only, by full
/// name and by short name.
struct Roster {
    units: HashMap<String, (i64, String)>,
    left: HashMap<String, String>,
    communities: HashMap<String, (i64, String)>,
}

impl Roster {
    fn load(conn: &Connection) -> Result<Self> {
        let mut units = HashMap::new();
        let mut left = HashMap::new();
        for u in crate::units::list(conn)? {
            if u.status == UnitStatus::Left {
                left.insert(name_key(&u.name), u.name.clone());
                continue;
            }
            if !u.short_name.is_empty() {
                units
                    .entry(name_key(&u.short_name))
                    .or_insert((u.id, u.name.clone()));
            }
            units.insert(name_key(&u.name), (u.id, u.details.name));
        }
        let communities = crate::org::communities(conn)?
            .into_iter()
            .map(|c| (name_key(&c.name), (c.id, c.name)))
            .collect();
        Ok(Roster {
            units,
            left,
            communities,
        })
    }

    fn unit(&self, name: &str) -> Option<&(i64, String)> {
        self.units.get(&name_key(name))
    }
}

/// List `K` (0 needs, 1 resources, 2 projects) as a kind of import.
struct ListImport<'a, const K: u8> {
    options: &'a ListImportOptions,
    /// The year asked for (checked), else this year.
    year: i32,
}

impl<const K: u8> ListImport<'_, K> {
    fn kind(&self) -> ListKind {
        match K {
            0 => ListKind::Needs,
            1 => ListKind::Resources,
            _ => ListKind::Projects,
        }
    }
}

/// What every row of a list is planned with.
#[derive(Clone, Copy)]
struct Given<'a> {
    conn: &'a Connection,
    year: i32,
    options: &'a ListImportOptions,
    roster: &'a Roster,
}

/// The rows as read: the records of the list, and what names are checked against.
struct ListRows {
    roster: Roster,
    /// The names the year already has (name key → code).
    existing: HashMap<String, String>,
    /// The names read so far (name key → Excel row).
    seen: HashMap<String, u32>,
    needs: Vec<ImportedNeed>,
    resources: Vec<ImportedResource>,
    projects: Vec<ImportedProject>,
    unmatched: Vec<String>,
}

impl ListRows {
    fn len(&self) -> usize {
        self.needs.len() + self.resources.len() + self.projects.len()
    }
}

impl<const K: u8> ImportKind for ListImport<'_, K> {
    type Header = Col<K>;
    type Field = ListField;
    type Problem = ListProblem;
    type Column = ListColumn;
    type Counts = ListImportCounts;
    type Rows = ListRows;

    fn label(f: ListField) -> &'static str {
        f.label()
    }

    fn foreign(&self, f: ListField) -> Option<String> {
        let kind = self.kind();
        (!ListField::of(kind).contains(&f))
            .then(|| format!("不是{}的字段，该列未导入。", kind.label()))
    }

    fn check(&self, conn: &Connection) -> Result<()> {
        if let Some(m) = self.options.meeting_id {
            crate::meetings::get(conn, m)?;
        }
        let y = self.year;
        if !(1900..=2200).contains(&y) {
            return Err(Error::invalid("year", format!("年度“{y}”无效。")));
        }
        Ok(())
    }

    fn no_key(&self, sheet: &str) -> Error {
        let what = match self.kind() {
            ListKind::Needs => "需求名称",
            ListKind::Resources => "资源名称",
            ListKind::Projects => "项目名称",
        };
        Error::Invalid {
            field: "name",
            message: format!("工作表“{sheet}”中没有找到“{what}”列。请在预览中指定哪一列是{what}。"),
        }
    }

    fn start(&self, conn: &Connection) -> Result<ListRows> {
        Ok(ListRows {
            roster: Roster::load(conn)?,
            existing: existing_names(conn, self.kind(), self.year)?,
            seen: HashMap::new(),
            needs: Vec::new(),
            resources: Vec::new(),
            projects: Vec::new(),
            unmatched: Vec::new(),
        })
    }

    fn row(
        &self,
        conn: &Connection,
        rows: &mut ListRows,
        row: Row<'_>,
        ctx: &mut Ctx,
    ) -> Result<()> {
        let name = row.text(ListField::Name);
        let header = names_a_list(&name);
        let Some(name) = row.key(name, header, "名称为空，该行未导入。", ctx) else {
            return Ok(());
        };
        let year = self.year;
        let key = name_key(&name);
        if let Some(code) = rows.existing.get(&key) {
            ctx.counts.existing += 1;
            ctx.add(
                Some(row.excel),
                Some(ListField::Name),
                Severity::Warning,
                format!("“{name}”与{year}年已有的 {code} 同名，未重复导入。"),
            );
            return Ok(());
        }
        if let Some(first) = rows.seen.get(&key) {
            ctx.counts.existing += 1;
            ctx.add(
                Some(row.excel),
                Some(ListField::Name),
                Severity::Warning,
                format!("“{name}”与第{first}行重复，只导入第{first}行。"),
            );
            return Ok(());
        }
        let before = rows.len();
        let at = Given {
            conn,
            year,
            options: self.options,
            roster: &rows.roster,
        };
        match self.kind() {
            ListKind::Needs => need::plan_row(&at, &row, ctx, &mut rows.needs)?,
            ListKind::Resources => resource::plan_row(&at, &row, ctx, &mut rows.resources)?,
            ListKind::Projects => {
                project::plan_row(&at, &row, ctx, &mut rows.projects, &mut rows.unmatched)?
            }
        }
        if rows.len() > before {
            rows.seen.insert(key, row.excel);
        }
        Ok(())
    }
}

/// Plans the import of a workbook already read.
pub fn plan_book(
    conn: &Connection,
    kind: ListKind,
    file_name: &str,
    book: &Workbook,
    options: &ListImportOptions,
    progress: &mut ProgressFn<'_>,
) -> Result<ListImportPlan> {
    match kind {
        ListKind::Needs => plan_list::<0>(conn, file_name, book, options, progress),
        ListKind::Resources => plan_list::<1>(conn, file_name, book, options, progress),
        ListKind::Projects => plan_list::<2>(conn, file_name, book, options, progress),
    }
}

fn plan_list<const K: u8>(
    conn: &Connection,
    file_name: &str,
    book: &Workbook,
    options: &ListImportOptions,
    progress: &mut ProgressFn<'_>,
) -> Result<ListImportPlan> {
    let list = ListImport::<K> {
        options,
        year: options.year.unwrap_or_else(|| crate::date::today().year()),
    };
    let mappings = options
        .mappings
        .iter()
        .map(|m| (m.column, m.field.map(Col)));
    let choice = Choice::of(&options.sheet, mappings);
    let p = pipeline::plan(&list, conn, file_name, book, &choice, progress)?;
    let mut counts = p.counts;
    counts.new = u32::try_from(p.rows.len()).unwrap_or(u32::MAX);
    Ok(ListImportPlan {
        kind: list.kind(),
        year: list.year,
        meeting_id: options.meeting_id,
        file_name: p.file_name,
        sheet: p.sheet,
        sheets: p.sheets,
        header_rows: p.header_rows,
        columns: p.columns,
        needs: p.rows.needs,
        resources: p.rows.resources,
        projects: p.rows.projects,
        unmatched: p.rows.unmatched,
        counts,
        problems: p.problems,
    })
}

/// The names the year already has (name key → code), so a file imported twice adds nothing.
pub(super) fn existing_names(
    conn: &Connection,
    kind: ListKind,
    year: i32,
) -> Result<HashMap<String, String>> {
    let table = match kind {
        ListKind::Needs => "needs",
        ListKind::Resources => "resources",
        ListKind::Projects => "projects",
    };
    let mut stmt = conn.prepare(&format!("SELECT name, number FROM {table} WHERE year = ?1"))?;
    let rows = stmt.query_map([year], |r| {
        Ok((r.get::<_, String>("name")?, r.get::<_, i64>("number")?))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (name, number) = row?;
        out.insert(name_key(&name), kind.record_code(year, number));
    }
    Ok(out)
}

/// A date cell typed any way (a date cell, 2026.9.28, 2026年10月8日); a month (2026-12,
/// 2026年12月) means its last day. A bad date is a warning: kept in the notes as written.
fn date(
    row: &Row<'_>,
    f: ListField,
    label: &str,
    ctx: &mut Ctx,
    notes: &mut Vec<String>,
) -> Option<NaiveDate> {
    let cell = row.cell(f)?;
    match crate::import::normalize::date(cell, label)? {
        Ok((d, warning)) => {
            if let Some(w) = warning {
                ctx.add(Some(row.excel), Some(f), Severity::Warning, w);
            }
            Some(match d {
                PartialDate::Day(d) => d,
                PartialDate::Month(y, m) => last_day(y, m)?,
                PartialDate::Year(y) => {
                    ctx.add(
                        Some(row.excel),
                        Some(f),
                        Severity::Warning,
                        format!("{label}只写了年份“{y}”，已按 {y}年12月31日导入，请核对。"),
                    );
                    NaiveDate::from_ymd_opt(y, 12, 31)?
                }
            })
        }
        Err(_) => {
            let raw = cell.text();
            ctx.add(
                Some(row.excel),
                Some(f),
                Severity::Warning,
                format!(
                    "{label}“{}”不是有效的日期，已留空并原样记入备注，请核对。",
                    raw.trim()
                ),
            );
            notes.push(format!("{label}：{}", raw.trim()));
            None
        }
    }
}

fn last_day(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

fn joined_notes(row: &Row<'_>, extra: Vec<String>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let own = row.text(ListField::Notes);
    if !own.is_empty() {
        parts.push(own);
    }
    parts.extend(extra);
    parts.join("；")
}

fn row_error(ctx: &mut Ctx, row: u32, field: ListField, e: &Error) {
    ctx.counts.error_rows += 1;
    ctx.add(
        Some(row),
        Some(field),
        Severity::Error,
        crate::text::sentence(&[&e.to_string(), "该行未导入"]),
    );
}

/// A category not on the user's list is kept as written, with a warning.
fn category_note(conn: &Connection, category: &str, row: u32, ctx: &mut Ctx) -> Result<()> {
    let c = super::store::clean_title(category);
    if !c.is_empty() && !super::categories(conn)?.contains(&c) {
        ctx.add(
            Some(row),
            Some(ListField::Category),
            Severity::Warning,
            format!("类别“{c}”不在类别列表中，已按原文导入（可在设置中添加该类别）。"),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_means_its_last_day() {
        assert_eq!(last_day(2026, 12), NaiveDate::from_ymd_opt(2026, 12, 31));
        assert_eq!(last_day(2028, 2), NaiveDate::from_ymd_opt(2028, 2, 29));
    }
}
