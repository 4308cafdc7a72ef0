//! Each of the three lists from a spreadsheet, on the roster import's machinery: the file read
//! by `import::bounded` (via `import::read_file`), the sheet and header row chosen by
//! `import::header` (title rows above the header ignored), exact synonyms per list, 合计 and
//! note rows skipped, problems at Excel row numbers. Several claimants in one cell become
//! several claims; a claimant not on the roster is a warning with its name as written and no
//! unit (never a unit created on the quiet): at commit the user maps it to a unit, adds it to
//! the roster or leaves it out. The commit takes a backup, then writes one batch
//! (`import_batches.kind`), the units added for claimants included, that [`undo`] removes whole.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::{
    get_project, insert_claim, insert_need, insert_project, insert_resource, validate_need,
    validate_project, validate_resource,
};
use super::{
    ClaimInput, ListKind, NeedInput, NeedStatus, ProjectInput, ResourceInput, ResourceKind,
};
use crate::backup::{self, BackupReason};
use crate::date::PartialDate;
use crate::db::now;
use crate::error::{Error, FileProblem, Result};
use crate::import::batch;
use crate::import::header::{
    column_letter, lookup_synonym, mark_counter_columns, with_mappings, Header, HeaderField,
};
use crate::import::pipeline::{excel_row, is_footer, pick_sheet};
use crate::import::{
    bounded, read_file, report, Cell, ProgressFn, Severity, Sheet, Stage, Workbook,
};
use crate::text::{clean_name, clean_text, name_key};
use crate::units::{UnitDetails, UnitInput, UnitStatus};

/// A column of one of the three lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ListField {
    Name,
    Category,
    Content,
    /// 需求: who raised it.
    RaisedBy,
    /// 需求: 规模; 资源: 容量.
    Scale,
    /// 需求: 期望完成时间.
    WantedBy,
    /// 需求: 状态.
    Status,
    /// 资源: the offering unit.
    Unit,
    /// 资源: 资源类型.
    Kind,
    /// 资源: 时间/频次.
    Availability,
    /// 项目: 认领单位 (one or more).
    Claimants,
    /// 项目: 牵头单位.
    Lead,
    /// 项目: 认领内容/承诺.
    Commitment,
    /// 项目: 认领时间.
    ClaimedOn,
    /// 项目: 完成时限.
    Deadline,
    Contact,
    Phone,
    Notes,
    /// 序号: recognised, never imported.
    Index,
}

impl ListField {
    /// The Chinese column name.
    pub fn label(self) -> &'static str {
        match self {
            ListField::Name => "名称",
            ListField::Category => "类别",
            ListField::Content => "内容",
            ListField::RaisedBy => "提出方",
            ListField::Scale => "规模",
            ListField::WantedBy => "期望完成时间",
            ListField::Status => "状态",
            ListField::Unit => "提供单位",
            ListField::Kind => "资源类型",
            ListField::Availability => "时间/频次",
            ListField::Claimants => "认领单位",
            ListField::Lead => "牵头单位",
            ListField::Commitment => "认领内容",
            ListField::ClaimedOn => "认领时间",
            ListField::Deadline => "完成时限",
            ListField::Contact => "联系人",
            ListField::Phone => "联系电话",
            ListField::Notes => "备注",
            ListField::Index => "序号",
        }
    }

    /// The fields a list's columns can be mapped to, in the wizard's order.
    pub fn of(kind: ListKind) -> &'static [ListField] {
        use ListField::*;
        match kind {
            ListKind::Needs => &[
                Name, RaisedBy, Category, Content, Scale, WantedBy, Contact, Phone, Status, Notes,
                Index,
            ],
            ListKind::Resources => &[
                Unit,
                Kind,
                Name,
                Content,
                Availability,
                Scale,
                Contact,
                Phone,
                Notes,
                Index,
            ],
            ListKind::Projects => &[
                Name, Category, Content, Claimants, Lead, Commitment, ClaimedOn, Deadline, Contact,
                Phone, Notes, Index,
            ],
        }
    }
}

/// A field with its Chinese name, for the wizard's column mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListFieldLabel {
    pub field: ListField,
    pub label: String,
}

/// The fields a list's columns can be mapped to, with their names.
pub fn field_labels(kind: ListKind) -> Vec<ListFieldLabel> {
    ListField::of(kind)
        .iter()
        .map(|f| ListFieldLabel {
            field: *f,
            label: f.label().to_string(),
        })
        .collect()
}

const COMMON: &[(&str, ListField)] = &[
    ("类别", ListField::Category),
    ("类型", ListField::Category),
    ("内容", ListField::Content),
    ("具体内容", ListField::Content),
    ("联系人", ListField::Contact),
    ("联系人姓名", ListField::Contact),
    ("联系电话", ListField::Phone),
    ("电话", ListField::Phone),
    ("手机", ListField::Phone),
    ("联系方式", ListField::Phone),
    ("备注", ListField::Notes),
    ("序号", ListField::Index),
    ("序", ListField::Index),
    ("No.", ListField::Index),
];

const NEED_SYNONYMS: &[(&str, ListField)] = &[
    ("需求名称", ListField::Name),
    ("需求", ListField::Name),
    ("需求项目", ListField::Name),
    ("名称", ListField::Name),
    ("需求事项", ListField::Name),
    ("提出方", ListField::RaisedBy),
    ("提出单位", ListField::RaisedBy),
    ("需求提出方", ListField::RaisedBy),
    ("需求提出单位", ListField::RaisedBy),
    ("需求单位", ListField::RaisedBy),
    ("需求来源", ListField::RaisedBy),
    ("来源", ListField::RaisedBy),
    ("社区", ListField::RaisedBy),
    ("所在社区", ListField::RaisedBy),
    ("需求类别", ListField::Category),
    ("需求类型", ListField::Category),
    ("需求内容", ListField::Content),
    ("需求描述", ListField::Content),
    ("规模", ListField::Scale),
    ("服务对象", ListField::Scale),
    ("受益人数", ListField::Scale),
    ("涉及人数", ListField::Scale),
    ("数量", ListField::Scale),
    ("期望完成时间", ListField::WantedBy),
    ("期望时间", ListField::WantedBy),
    ("完成时间", ListField::WantedBy),
    ("完成时限", ListField::WantedBy),
    ("时限", ListField::WantedBy),
    ("状态", ListField::Status),
    ("需求状态", ListField::Status),
];

const RESOURCE_SYNONYMS: &[(&str, ListField)] = &[
    ("提供单位", ListField::Unit),
    ("资源提供单位", ListField::Unit),
    ("提供方", ListField::Unit),
    ("单位", ListField::Unit),
    ("单位名称", ListField::Unit),
    ("成员单位", ListField::Unit),
    ("资源类型", ListField::Kind),
    ("资源类别", ListField::Kind),
    ("类型", ListField::Kind),
    ("类别", ListField::Kind),
    ("资源名称", ListField::Name),
    ("资源", ListField::Name),
    ("名称", ListField::Name),
    ("资源项目", ListField::Name),
    ("资源内容", ListField::Content),
    ("资源描述", ListField::Content),
    ("时间/频次", ListField::Availability),
    ("提供时间", ListField::Availability),
    ("可提供时间", ListField::Availability),
    ("时间", ListField::Availability),
    ("频次", ListField::Availability),
    ("服务时间", ListField::Availability),
    ("开放时间", ListField::Availability),
    ("规模", ListField::Scale),
    ("容量", ListField::Scale),
    ("数量", ListField::Scale),
    ("可容纳人数", ListField::Scale),
];

const PROJECT_SYNONYMS: &[(&str, ListField)] = &[
    ("项目名称", ListField::Name),
    ("项目", ListField::Name),
    ("共建项目", ListField::Name),
    ("名称", ListField::Name),
    ("项目类别", ListField::Category),
    ("项目类型", ListField::Category),
    ("项目内容", ListField::Content),
    ("实施内容", ListField::Content),
    ("认领单位", ListField::Claimants),
    ("认领方", ListField::Claimants),
    ("承接单位", ListField::Claimants),
    ("实施单位", ListField::Claimants),
    ("责任单位", ListField::Claimants),
    ("共建单位", ListField::Claimants),
    ("牵头单位", ListField::Lead),
    ("认领内容", ListField::Commitment),
    ("承诺事项", ListField::Commitment),
    ("认领承诺", ListField::Commitment),
    ("承诺", ListField::Commitment),
    ("认领时间", ListField::ClaimedOn),
    ("认领日期", ListField::ClaimedOn),
    ("完成时限", ListField::Deadline),
    ("时限", ListField::Deadline),
    ("完成时间", ListField::Deadline),
    ("计划完成时间", ListField::Deadline),
    ("截止时间", ListField::Deadline),
];

/// A column of list `K` (0 needs, 1 resources, 2 projects) for the header machinery.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Col<const K: u8>(ListField);

impl<const K: u8> HeaderField for Col<K> {
    fn from_header(header: &str) -> Option<Self> {
        let own = match K {
            0 => NEED_SYNONYMS,
            1 => RESOURCE_SYNONYMS,
            _ => PROJECT_SYNONYMS,
        };
        lookup_synonym(own, header)
            .or_else(|| lookup_synonym(COMMON, header))
            .map(Col)
    }
    fn key() -> Self {
        Col(ListField::Name)
    }
    fn index() -> Self {
        Col(ListField::Index)
    }
    fn ordinal(self) -> u32 {
        self.0 as u32
    }
}

/// A problem found in the file, at the Excel row number the user sees (the roster's shape).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ListProblem {
    pub row: Option<u32>,
    pub field: Option<ListField>,
    pub severity: Severity,
    pub message: String,
}

/// A column of the sheet and what it was mapped to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ListColumn {
    pub index: u32,
    pub letter: String,
    pub header: String,
    pub field: Option<ListField>,
    pub unrecognised: bool,
}

/// One manual column mapping.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct ListColumnMapping {
    pub column: u32,
    pub field: Option<ListField>,
}

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

/// A need as read from a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedNeed {
    pub source_row: u32,
    #[serde(flatten)]
    pub input: NeedInput,
    /// Who raised it as it will show (the community's or unit's name, else the text).
    pub raised_by_name: String,
}

/// A resource as read from a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedResource {
    pub source_row: u32,
    #[serde(flatten)]
    pub input: ResourceInput,
    /// The offering body as written.
    pub unit_as_written: String,
}

/// A claimant as written in a cell, and the member unit it matched (none: not on the roster).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlannedClaim {
    /// The name as written (brackets such as （牵头） removed).
    pub name: String,
    pub unit_id: Option<i64>,
    /// The roster's name of the matched unit.
    pub unit_name: Option<String>,
    pub lead: bool,
}

/// A project as read from a row, with its claimants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedProject {
    pub source_row: u32,
    #[serde(flatten)]
    pub input: ProjectInput,
    pub claims: Vec<PlannedClaim>,
    pub commitment: String,
    pub claimed_on: Option<NaiveDate>,
    pub contact: String,
    pub phone: String,
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

/// The user's choice for a claimant not on the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ClaimantMapping {
    /// The name as written in the file.
    pub name: String,
    pub choice: ClaimantChoice,
}

/// What a claimant not on the roster becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ClaimantChoice {
    /// A unit of the roster (the file spells it another way).
    Unit { unit_id: i64 },
    /// A new member unit of that name, added in the import's own batch: undoing the import
    /// removes it again.
    New,
    /// Its claims are left out.
    Skip,
}

/// What committing did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListImportResult {
    pub kind: ListKind,
    pub batch_id: i64,
    pub backup_id: String,
    pub imported: u32,
    pub claims: u32,
    /// Claimants neither on the roster nor mapped: their claims were not imported.
    pub skipped_claimants: Vec<String>,
    /// Member units added to the roster for claimants (in the batch: undo removes them).
    pub added_units: Vec<String>,
}

/// What undoing a list import removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListUndoSummary {
    /// Records of the list (needs, resources or projects with their claims).
    pub removed: u32,
    /// The member units the import had added for claimants, by name.
    pub removed_units: Vec<String>,
}

struct Ctx {
    problems: Vec<ListProblem>,
    counts: ListImportCounts,
}

impl Ctx {
    fn add(&mut self, row: Option<u32>, field: Option<ListField>, severity: Severity, msg: String) {
        let message = match row {
            Some(r) => format!("第{r}行：{msg}"),
            None => msg,
        };
        self.problems.push(ListProblem {
            row,
            field,
            severity,
            message,
        });
    }
}

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

/// The sheet and its header as list `K` sees them, in plain fields.
fn header_of<const K: u8>(
    book: &Workbook,
    options: &ListImportOptions,
    no_data: impl Fn() -> Error,
) -> Result<(usize, Header<ListField>)> {
    let (index, header): (usize, Option<Header<Col<K>>>) =
        pick_sheet(book, options.sheet.as_deref(), no_data)?;
    let sheet = &book.sheets[index];
    let mappings: Vec<(u32, Option<Col<K>>)> = options
        .mappings
        .iter()
        .map(|m| (m.column, m.field.map(Col)))
        .collect();
    let mut header = with_mappings(sheet, header, &mappings);
    mark_counter_columns(sheet, &mut header);
    Ok((
        index,
        Header {
            rows: header.rows,
            columns: header
                .columns
                .into_iter()
                .map(|(t, f)| (t, f.map(|c| c.0)))
                .collect(),
        },
    ))
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

/// Plans the import of a workbook already read.
pub fn plan_book(
    conn: &Connection,
    kind: ListKind,
    file_name: &str,
    book: &Workbook,
    options: &ListImportOptions,
    progress: &mut ProgressFn<'_>,
) -> Result<ListImportPlan> {
    let sheets: Vec<String> = book.sheets.iter().map(|s| s.name.clone()).collect();
    let no_data = || Error::BadFile {
        file: file_name.to_string(),
        problem: FileProblem::NoData,
    };
    let (index, header) = match kind {
        ListKind::Needs => header_of::<0>(book, options, no_data)?,
        ListKind::Resources => header_of::<1>(book, options, no_data)?,
        ListKind::Projects => header_of::<2>(book, options, no_data)?,
    };
    if let Some(m) = options.meeting_id {
        crate::meetings::get(conn, m)?;
    }
    let year = match options.year {
        Some(y) if (1900..=2200).contains(&y) => y,
        Some(y) => return Err(Error::invalid("year", format!("年度“{y}”无效。"))),
        None => crate::date::today().year(),
    };
    let sheet = &book.sheets[index];
    let mut ctx = Ctx {
        problems: Vec::new(),
        counts: ListImportCounts::default(),
    };
    let allowed = ListField::of(kind);
    let mut columns: Vec<(usize, ListField)> = Vec::new();
    let header_row = header.rows.first().map(|r| excel_row(*r));
    for (c, (text, field)) in header.columns.iter().enumerate() {
        match field {
            None if !text.is_empty() => ctx.add(
                header_row,
                None,
                Severity::Warning,
                format!(
                    "{}列“{text}”未能识别，该列未导入（可手动指定它对应的字段）。",
                    column_letter(c)
                ),
            ),
            None | Some(ListField::Index) => {}
            Some(f) if !allowed.contains(f) => ctx.add(
                header_row,
                Some(*f),
                Severity::Warning,
                format!(
                    "{}列“{text}”不是{}的字段，该列未导入。",
                    column_letter(c),
                    kind.label()
                ),
            ),
            Some(f) if columns.iter().any(|(_, g)| g == f) => ctx.add(
                header_row,
                Some(*f),
                Severity::Warning,
                format!(
                    "{}列“{text}”与前面的列都对应“{}”，只导入前面的列。",
                    column_letter(c),
                    f.label()
                ),
            ),
            Some(f) => columns.push((c, *f)),
        }
    }
    if !columns.iter().any(|(_, f)| *f == ListField::Name) {
        let what = match kind {
            ListKind::Needs => "需求名称",
            ListKind::Resources => "资源名称",
            ListKind::Projects => "项目名称",
        };
        return Err(Error::Invalid {
            field: "name",
            message: format!(
                "工作表“{}”中没有找到“{what}”列。请在预览中指定哪一列是{what}。",
                sheet.name
            ),
        });
    }
    let roster = Roster::load(conn)?;
    let existing = existing_names(conn, kind, year)?;
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut plan = ListImportPlan {
        kind,
        year,
        meeting_id: options.meeting_id,
        file_name: file_name.to_string(),
        sheet: sheet.name.clone(),
        sheets,
        header_rows: header.rows.iter().map(|r| excel_row(*r)).collect(),
        columns: header
            .columns
            .iter()
            .enumerate()
            .map(|(i, (text, field))| ListColumn {
                index: u32::try_from(i).unwrap_or(u32::MAX),
                letter: column_letter(i),
                header: text.clone(),
                field: columns.iter().find(|(c, _)| *c == i).map(|(_, f)| *f),
                unrecognised: field.is_none() && !text.is_empty(),
            })
            .collect(),
        needs: Vec::new(),
        resources: Vec::new(),
        projects: Vec::new(),
        unmatched: Vec::new(),
        counts: ListImportCounts::default(),
        problems: Vec::new(),
    };
    let total = sheet.rows.len();
    let data_start = header.rows.last().map_or(0, |r| r + 1);
    for r in data_start..total {
        if r % 2000 == 0 {
            report(progress, Stage::Checking, r, total)?;
        }
        let Some(row) = Row::read(sheet, r, &columns, &mut ctx) else {
            continue;
        };
        let key = name_key(&row.text(ListField::Name));
        if let Some(code) = existing.get(&key) {
            ctx.counts.existing += 1;
            ctx.add(
                Some(row.excel),
                Some(ListField::Name),
                Severity::Warning,
                format!(
                    "“{}”与{year}年已有的 {code} 同名，未重复导入。",
                    row.text(ListField::Name)
                ),
            );
            continue;
        }
        if let Some(first) = seen.get(&key) {
            ctx.counts.existing += 1;
            ctx.add(
                Some(row.excel),
                Some(ListField::Name),
                Severity::Warning,
                format!(
                    "“{}”与第{first}行重复，只导入第{first}行。",
                    row.text(ListField::Name)
                ),
            );
            continue;
        }
        let before = plan.needs.len() + plan.resources.len() + plan.projects.len();
        match kind {
            ListKind::Needs => need_row(conn, &row, year, options, &roster, &mut ctx, &mut plan)?,
            ListKind::Resources => resource_row(conn, &row, year, &roster, &mut ctx, &mut plan)?,
            ListKind::Projects => {
                project_row(conn, &row, year, options, &roster, &mut ctx, &mut plan)?
            }
        }
        if plan.needs.len() + plan.resources.len() + plan.projects.len() > before {
            seen.insert(key, row.excel);
        }
    }
    report(progress, Stage::Checking, total, total)?;
    ctx.counts.new = u32::try_from(plan.needs.len() + plan.resources.len() + plan.projects.len())
        .unwrap_or(u32::MAX);
    ctx.problems.sort_by_key(|p| p.row);
    plan.counts = ctx.counts;
    plan.problems = ctx.problems;
    Ok(plan)
}

/// The names the year already has (name key → code), so a file imported twice adds nothing.
fn existing_names(conn: &Connection, kind: ListKind, year: i32) -> Result<HashMap<String, String>> {
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

/// One data row: its cells by field.
struct Row<'a> {
    excel: u32,
    cells: HashMap<ListField, &'a Cell>,
}

impl<'a> Row<'a> {
    /// The row, or `None` for a blank, 合计, note or repeated header row (counted and noted).
    fn read(
        sheet: &'a Sheet,
        r: usize,
        columns: &[(usize, ListField)],
        ctx: &mut Ctx,
    ) -> Option<Row<'a>> {
        let excel = excel_row(r);
        let typed = |c: usize| !sheet.cell(r, c).is_blank() && !sheet.copied.contains(&(r, c));
        let width = sheet.rows.get(r).map_or(0, Vec::len);
        let Some(first) = (0..width).find(|c| typed(*c)).map(|c| sheet.cell(r, c)) else {
            ctx.counts.ignored_rows += 1;
            return None;
        };
        let skip = |ctx: &mut Ctx, why: String| {
            ctx.counts.ignored_rows += 1;
            ctx.add(
                Some(excel),
                None,
                Severity::Info,
                crate::text::sentence(&[&why, "已跳过"]),
            );
        };
        if let Cell::Text(t) = first {
            if is_footer(t) {
                skip(ctx, format!("“{}”是合计行或表尾说明", t.trim()));
                return None;
            }
        }
        let cells: HashMap<ListField, &Cell> = columns
            .iter()
            .map(|(c, f)| (*f, sheet.cell(r, *c)))
            .filter(|(_, c)| !c.is_blank())
            .collect();
        let row = Row { excel, cells };
        let name = row.text(ListField::Name);
        let names_a_column = |c: Option<ListField>| c == Some(ListField::Name);
        if names_a_column(Col::<0>::from_header(&name).map(|c| c.0))
            || names_a_column(Col::<1>::from_header(&name).map(|c| c.0))
            || names_a_column(Col::<2>::from_header(&name).map(|c| c.0))
        {
            skip(ctx, "重复的表头行".into());
            return None;
        }
        if name.is_empty() {
            if columns
                .iter()
                .any(|(c, f)| *f != ListField::Index && typed(*c))
            {
                ctx.counts.error_rows += 1;
                ctx.add(
                    Some(excel),
                    Some(ListField::Name),
                    Severity::Error,
                    "名称为空，该行未导入。".into(),
                );
            } else {
                skip(ctx, "只有序号或未导入的列".into());
            }
            return None;
        }
        Some(row)
    }

    fn text(&self, f: ListField) -> String {
        self.cells
            .get(&f)
            .map(|c| c.text().trim().to_string())
            .unwrap_or_default()
    }

    /// A date cell typed any way (a date cell, 2026.9.28, 2026年10月8日); a month (2026-12,
    /// 2026年12月) means its last day. A bad date is a warning: kept in the notes as written.
    fn date(
        &self,
        f: ListField,
        label: &str,
        ctx: &mut Ctx,
        notes: &mut Vec<String>,
    ) -> Option<NaiveDate> {
        let cell = self.cells.get(&f)?;
        match crate::import::normalize::date(cell, label)? {
            Ok((d, warning)) => {
                if let Some(w) = warning {
                    ctx.add(Some(self.excel), Some(f), Severity::Warning, w);
                }
                Some(match d {
                    PartialDate::Day(d) => d,
                    PartialDate::Month(y, m) => last_day(y, m)?,
                    PartialDate::Year(y) => {
                        ctx.add(
                            Some(self.excel),
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
                    Some(self.excel),
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

fn need_row(
    conn: &Connection,
    row: &Row<'_>,
    year: i32,
    options: &ListImportOptions,
    roster: &Roster,
    ctx: &mut Ctx,
    plan: &mut ListImportPlan,
) -> Result<()> {
    let mut notes = Vec::new();
    let wanted_by = row.date(ListField::WantedBy, "期望完成时间", ctx, &mut notes);
    let raised = clean_name(&row.text(ListField::RaisedBy));
    let (community_id, unit_id, raised_by, shown) = match roster.communities.get(&name_key(&raised))
    {
        Some((id, name)) => (Some(*id), None, String::new(), name.clone()),
        None => match roster.unit(&raised) {
            Some((id, name)) => (None, Some(*id), String::new(), name.clone()),
            None => {
                let text = super::store::clean_title(&row.text(ListField::RaisedBy));
                (None, None, text.clone(), text)
            }
        },
    };
    let status_text = row.text(ListField::Status);
    let status = match status_text.as_str() {
        "" => None,
        s => match NeedStatus::from_label(s) {
            Some(s) => Some(s),
            None => {
                ctx.add(
                    Some(row.excel),
                    Some(ListField::Status),
                    Severity::Warning,
                    format!(
                        "状态“{s}”无法识别（应为 征集、已发布、已认领、实施中、已完成 或 已关闭），已按“征集”导入。"
                    ),
                );
                None
            }
        },
    };
    let input = NeedInput {
        year: Some(year),
        number: None,
        name: row.text(ListField::Name),
        community_id,
        unit_id,
        raised_by,
        category: row.text(ListField::Category),
        content: row.text(ListField::Content),
        scale: row.text(ListField::Scale),
        wanted_by,
        contact: row.text(ListField::Contact),
        phone: row.text(ListField::Phone),
        status,
        meeting_id: options.meeting_id,
        notes: joined_notes(row, notes),
    };
    category_note(conn, &input.category, row.excel, ctx)?;
    match validate_need(conn, &input, None) {
        Ok(_) => plan.needs.push(ImportedNeed {
            source_row: row.excel,
            input,
            raised_by_name: shown,
        }),
        Err(e) => row_error(ctx, row.excel, ListField::Name, &e),
    }
    Ok(())
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

fn resource_kind(text: &str) -> Option<ResourceKind> {
    let t = clean_name(text);
    ResourceKind::from_label(&t).or(match t.as_str() {
        "阵地" | "活动场地" | "场所" => Some(ResourceKind::Venue),
        "志愿服务" | "人力" | "志愿者队伍" => Some(ResourceKind::Volunteers),
        "资金支持" | "经费" => Some(ResourceKind::Funds),
        "物品" | "实物" => Some(ResourceKind::Goods),
        "专业" | "技术服务" | "服务" => Some(ResourceKind::Services),
        "教育阵地" | "实践基地" => Some(ResourceKind::EducationBase),
        _ => None,
    })
}

fn resource_row(
    conn: &Connection,
    row: &Row<'_>,
    year: i32,
    roster: &Roster,
    ctx: &mut Ctx,
    plan: &mut ListImportPlan,
) -> Result<()> {
    let written = clean_name(&row.text(ListField::Unit));
    let (unit_id, unit_name) = match roster.unit(&written) {
        Some((id, _)) => (Some(*id), String::new()),
        None => {
            if !written.is_empty() {
                ctx.add(
                    Some(row.excel),
                    Some(ListField::Unit),
                    Severity::Info,
                    format!("“{written}”不在成员单位名册中，按名称记录。"),
                );
            }
            (None, written.clone())
        }
    };
    let kind_text = row.text(ListField::Kind);
    let kind = match kind_text.as_str() {
        "" => ResourceKind::Other,
        k => resource_kind(k).unwrap_or_else(|| {
            ctx.add(
                Some(row.excel),
                Some(ListField::Kind),
                Severity::Warning,
                format!(
                    "资源类型“{k}”无法识别（应为 场地、志愿者、资金、物资、专业服务、教育基地 或 其他），已按“其他”导入。"
                ),
            );
            ResourceKind::Other
        }),
    };
    let input = ResourceInput {
        year: Some(year),
        number: None,
        unit_id,
        unit_name,
        kind,
        name: row.text(ListField::Name),
        content: row.text(ListField::Content),
        availability: row.text(ListField::Availability),
        capacity: row.text(ListField::Scale),
        contact: row.text(ListField::Contact),
        phone: row.text(ListField::Phone),
        notes: joined_notes(row, Vec::new()),
    };
    match validate_resource(conn, &input, None) {
        Ok(_) => plan.resources.push(ImportedResource {
            source_row: row.excel,
            input,
            unit_as_written: written,
        }),
        Err(e) => row_error(ctx, row.excel, ListField::Unit, &e),
    }
    Ok(())
}

/// The claimants written in one cell: split on 、，,;； and line breaks; a name followed by
/// （牵头）/(牵头) leads, （协作） is dropped.
pub fn split_claimants(cell: &str) -> Vec<(String, bool)> {
    cell.split(['、', '，', ',', ';', '；', '\n', '\r'])
        .map(clean_name)
        .filter(|s| !s.is_empty())
        .map(|s| {
            for mark in ["（牵头）", "（牵头单位）"] {
                if let Some(name) = s.strip_suffix(mark) {
                    return (name.trim().to_string(), true);
                }
            }
            for mark in ["（协作）", "（协作单位）", "（参与）"] {
                if let Some(name) = s.strip_suffix(mark) {
                    return (name.trim().to_string(), false);
                }
            }
            (s, false)
        })
        .filter(|(s, _)| !s.is_empty())
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn project_row(
    conn: &Connection,
    row: &Row<'_>,
    year: i32,
    options: &ListImportOptions,
    roster: &Roster,
    ctx: &mut Ctx,
    plan: &mut ListImportPlan,
) -> Result<()> {
    let mut notes = Vec::new();
    let deadline = row.date(ListField::Deadline, "完成时限", ctx, &mut notes);
    let claimed_on = row.date(ListField::ClaimedOn, "认领时间", ctx, &mut notes);
    let mut names = split_claimants(&row.text(ListField::Claimants));
    let lead_text = clean_name(&row.text(ListField::Lead));
    if !lead_text.is_empty() {
        // The sheet names the lead: it leads (added first when not among the claimants).
        for n in &mut names {
            n.1 = name_key(&n.0) == name_key(&lead_text);
        }
        if !names.iter().any(|n| n.1) {
            names.insert(0, (lead_text.clone(), true));
        }
    } else if !names.iter().any(|n| n.1) {
        if let Some(first) = names.first_mut() {
            first.1 = true;
        }
    }
    // One lead only: the first marked.
    let mut lead_seen = false;
    for n in &mut names {
        if n.1 && lead_seen {
            n.1 = false;
        }
        lead_seen |= n.1;
    }
    let mut claims: Vec<PlannedClaim> = Vec::new();
    for (name, lead) in names {
        let matched = roster.unit(&name);
        if let Some((id, _)) = matched {
            if claims.iter().any(|c| c.unit_id == Some(*id)) {
                ctx.add(
                    Some(row.excel),
                    Some(ListField::Claimants),
                    Severity::Warning,
                    format!("认领单位“{name}”重复填写，只算一次。"),
                );
                continue;
            }
        }
        ctx.counts.claims += 1;
        match matched {
            Some((id, roster_name)) => {
                ctx.counts.matched_claims += 1;
                claims.push(PlannedClaim {
                    name,
                    unit_id: Some(*id),
                    unit_name: Some(roster_name.clone()),
                    lead,
                });
            }
            None => {
                ctx.counts.unmatched_claims += 1;
                let why = if roster.left.contains_key(&name_key(&name)) {
                    "已退出联席会"
                } else {
                    "不在成员单位名册中"
                };
                ctx.add(
                    Some(row.excel),
                    Some(ListField::Claimants),
                    Severity::Warning,
                    format!(
                        "认领单位“{name}”{why}：请在导入时选择它对应的成员单位（或先在名册中添加），否则这项认领不导入。"
                    ),
                );
                if !plan.unmatched.contains(&name) {
                    plan.unmatched.push(name.clone());
                }
                claims.push(PlannedClaim {
                    name,
                    unit_id: None,
                    unit_name: None,
                    lead,
                });
            }
        }
    }
    let input = ProjectInput {
        year: Some(year),
        number: None,
        name: row.text(ListField::Name),
        category: row.text(ListField::Category),
        content: row.text(ListField::Content),
        meeting_id: options.meeting_id,
        community_id: None,
        deadline,
        need_ids: Vec::new(),
        resource_ids: Vec::new(),
        notes: joined_notes(row, notes),
    };
    category_note(conn, &input.category, row.excel, ctx)?;
    match validate_project(conn, &input, None) {
        Ok(_) => plan.projects.push(ImportedProject {
            source_row: row.excel,
            input,
            claims,
            commitment: clean_text(&row.text(ListField::Commitment)),
            claimed_on,
            contact: clean_text(&row.text(ListField::Contact)),
            phone: clean_text(&row.text(ListField::Phone)),
        }),
        Err(e) => row_error(ctx, row.excel, ListField::Name, &e),
    }
    Ok(())
}

fn at_row(row: u32, e: Error) -> Error {
    Error::Invalid {
        field: "row",
        message: format!("第{row}行：{e}"),
    }
}

/// Writes `plan`: a backup first, then one transaction holding every record (numbered on in
/// the year in the file's order), every claim whose unit is matched or chosen in `mapping`,
/// the member units `mapping` adds ([`ClaimantChoice::New`], created in the batch), and the
/// batch, which [`undo`] removes as a whole. A mapping to a missing or departed unit, or an
/// addition that is not a claimant of the file or already on the roster, is refused before
/// anything is written.
pub fn commit(
    conn: &mut Connection,
    db_path: &Path,
    plan: &ListImportPlan,
    mapping: &[ClaimantMapping],
) -> Result<ListImportResult> {
    let n = plan.needs.len() + plan.resources.len() + plan.projects.len();
    if n == 0 {
        return Err(Error::NothingToPrint(format!(
            "预览中没有可以导入的{}记录。",
            plan.kind.label()
        )));
    }
    let mut mapped: HashMap<String, i64> = HashMap::new();
    // Claimants to add as member units: the name and the first Excel row naming it.
    let mut to_add: Vec<(String, u32)> = Vec::new();
    for m in mapping {
        match m.choice {
            ClaimantChoice::Unit { unit_id } => {
                let u = crate::units::get(conn, unit_id)?;
                if u.status == UnitStatus::Left {
                    return Err(Error::Conflict(format!(
                        "“{}”已退出联席会，不能作为“{}”的认领单位。",
                        u.name, m.name
                    )));
                }
                mapped.insert(name_key(&m.name), unit_id);
            }
            ClaimantChoice::New => {
                let key = name_key(&m.name);
                if to_add.iter().any(|(n, _)| name_key(n) == key) {
                    continue;
                }
                let row = plan
                    .projects
                    .iter()
                    .find(|p| {
                        p.claims
                            .iter()
                            .any(|c| c.unit_id.is_none() && name_key(&c.name) == key)
                    })
                    .map(|p| p.source_row);
                let Some(row) = row else {
                    return Err(Error::Invalid {
                        field: "claimants",
                        message: format!(
                            "“{}”不是这份清单中名册外的认领单位，不能作为新成员单位添加；请核对名称后重新预览。",
                            m.name
                        ),
                    });
                };
                if let Some(u) = crate::units::find_by_name(conn, &m.name)? {
                    return Err(Error::Conflict(format!(
                        "名册中已有“{}”（{}），不能再新增；请重新预览，或把“{}”对应到该单位。",
                        u.name,
                        u.status.label(),
                        m.name
                    )));
                }
                to_add.push((m.name.clone(), row));
            }
            ClaimantChoice::Skip => {}
        }
    }
    if let Some((name, _)) = to_add
        .iter()
        .find(|(n, _)| mapped.contains_key(&name_key(n)))
    {
        return Err(Error::Invalid {
            field: "claimants",
            message: format!("“{name}”既对应到了名册中的单位，又要新增为成员单位；请只选一种。"),
        });
    }
    // A plan committed twice (a double click, a stale preview) must not add everything again.
    let existing = existing_names(conn, plan.kind, plan.year)?;
    let names = plan
        .needs
        .iter()
        .map(|d| &d.input.name)
        .chain(plan.resources.iter().map(|d| &d.input.name))
        .chain(plan.projects.iter().map(|d| &d.input.name));
    for name in names {
        if let Some(code) = existing.get(&name_key(name)) {
            return Err(Error::Conflict(format!(
                "“{name}”已在{}年的{}中（{code}），可能已经导入过；请重新预览后再导入。",
                plan.year,
                plan.kind.label()
            )));
        }
    }
    let backup = backup::create(conn, db_path, BackupReason::BeforeImport)?;
    let tx = conn.transaction()?;
    let counts = serde_json::to_string(&plan.counts)?;
    let batch = batch::insert(
        &tx,
        plan.kind.code(),
        &plan.file_name,
        &plan.sheet,
        &backup.id,
        &counts,
        &now(),
    )?;
    let mut added: Vec<String> = Vec::new();
    for (name, row) in &to_add {
        let input = UnitInput::from(UnitDetails {
            name: name.clone(),
            notes: format!("导入{}时新增（{}）", plan.kind.label(), plan.file_name),
            ..UnitDetails::default()
        });
        let u = crate::units::create_in_batch(&tx, &input, batch, &plan.sheet, Some(*row))
            .map_err(|e| at_row(*row, e))?;
        mapped.insert(name_key(name), u.id);
        added.push(u.details.name);
    }
    let mut claims = 0u32;
    let mut skipped: Vec<String> = Vec::new();
    // A plan may come back from the UI: every row is checked again.
    for d in &plan.needs {
        let v = validate_need(&tx, &d.input, None).map_err(|e| at_row(d.source_row, e))?;
        insert_need(&tx, &v, Some(batch), Some(i64::from(d.source_row)))?;
    }
    for d in &plan.resources {
        let v = validate_resource(&tx, &d.input, None).map_err(|e| at_row(d.source_row, e))?;
        insert_resource(&tx, &v, Some(batch), Some(i64::from(d.source_row)))?;
    }
    for d in &plan.projects {
        let v = validate_project(&tx, &d.input, None).map_err(|e| at_row(d.source_row, e))?;
        let id = insert_project(&tx, &v, Some(batch), Some(i64::from(d.source_row)))?;
        let mut units: Vec<i64> = Vec::new();
        for c in &d.claims {
            let unit = mapped.get(&name_key(&c.name)).copied().or(c.unit_id);
            let Some(unit) = unit else {
                if !skipped.contains(&c.name) {
                    skipped.push(c.name.clone());
                }
                continue;
            };
            if units.contains(&unit) {
                continue;
            }
            units.push(unit);
            let project = get_project(&tx, id)?;
            insert_claim(
                &tx,
                &project,
                &ClaimInput {
                    unit_id: unit,
                    lead: c.lead,
                    claimed_on: d.claimed_on,
                    commitment: d.commitment.clone(),
                    contact: d.contact.clone(),
                    phone: d.phone.clone(),
                },
                Some(batch),
            )
            .map_err(|e| at_row(d.source_row, e))?;
            claims += 1;
        }
    }
    tx.commit()?;
    log::info!(
        "{}导入：“{}”批次 {batch}，{n} 条，认领 {claims} 项，新增成员单位 {} 家（导入前备份 {}）",
        plan.kind.label(),
        plan.file_name,
        added.len(),
        backup.id
    );
    Ok(ListImportResult {
        kind: plan.kind,
        batch_id: batch,
        backup_id: backup.id,
        imported: u32::try_from(n).unwrap_or(u32::MAX),
        claims,
        skipped_claimants: skipped,
        added_units: added,
    })
}

/// Undoes an import batch of list `kind` as a whole, in one transaction, with the member units
/// it added for claimants. Refused when its records have been built on since (a project
/// linked to an imported need or resource; an imported project with a later claim, a progress
/// note or a result), or a unit it added was edited or is used elsewhere since (an agreement,
/// a donation, an invitation, a claim outside the batch, …).
pub fn undo(conn: &mut Connection, kind: ListKind, batch: i64) -> Result<ListUndoSummary> {
    let tx = conn.transaction()?;
    batch::undoable(&tx, kind.code(), batch, "清单导入批次", kind.label())?;
    let count = |sql: &str| -> Result<i64> { Ok(tx.query_row(sql, [batch], |r| r.get(0))?) };
    let used = match kind {
        ListKind::Needs => count(
            "SELECT COUNT(*) FROM project_needs pn JOIN needs n ON n.id = pn.need_id
             WHERE n.import_batch_id = ?1",
        )?,
        ListKind::Resources => count(
            "SELECT COUNT(*) FROM project_resources pr JOIN resources r ON r.id = pr.resource_id
             WHERE r.import_batch_id = ?1",
        )?,
        ListKind::Projects => count(
            "SELECT (SELECT COUNT(*) FROM claims c JOIN projects p ON p.id = c.project_id
                     WHERE p.import_batch_id = ?1 AND c.import_batch_id IS NOT ?1)
                  + (SELECT COUNT(*) FROM project_progress x JOIN projects p ON p.id = x.project_id
                     WHERE p.import_batch_id = ?1)
                  + (SELECT COUNT(*) FROM project_attachments x JOIN projects p ON p.id = x.project_id
                     WHERE p.import_batch_id = ?1)
                  + (SELECT COUNT(*) FROM projects WHERE import_batch_id = ?1 AND result_on IS NOT NULL)
                  + (SELECT COUNT(*) FROM project_needs x JOIN projects p ON p.id = x.project_id
                     WHERE p.import_batch_id = ?1)
                  + (SELECT COUNT(*) FROM project_resources x JOIN projects p ON p.id = x.project_id
                     WHERE p.import_batch_id = ?1)",
        )?,
    };
    if used > 0 {
        return Err(Error::UndoRefused {
            reason: format!(
                "导入后已有记录被关联、认领或登记了进展、完成情况，不能整批撤销这批{}；请逐条修改。",
                kind.label()
            ),
        });
    }
    // The units the batch added: created by it (no "before") and not changed since.
    let added: Vec<(i64, i64)> = {
        let mut stmt = tx.prepare(
            "SELECT id, unit_id FROM unit_history
             WHERE batch_id = ?1 AND source = 'import' AND before IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([batch], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut units = Vec::with_capacity(added.len());
    for (hid, unit_id) in added {
        let u = crate::units::get(&tx, unit_id)?;
        if crate::units::changed_since(&tx, unit_id, hid)? {
            return Err(Error::UndoRefused {
                reason: format!(
                    "这次导入新增的成员单位“{}”之后又被修改过，撤销会删除该单位并丢失那些修改，因此没有撤销。",
                    u.name
                ),
            });
        }
        units.push(u);
    }
    let n = match kind {
        ListKind::Needs => tx.execute("DELETE FROM needs WHERE import_batch_id = ?1", [batch])?,
        ListKind::Resources => {
            tx.execute("DELETE FROM resources WHERE import_batch_id = ?1", [batch])?
        }
        ListKind::Projects => {
            tx.execute("DELETE FROM claims WHERE import_batch_id = ?1", [batch])?;
            tx.execute("DELETE FROM projects WHERE import_batch_id = ?1", [batch])?
        }
    };
    // With the batch's own records gone, whatever still refers to an added unit is a use
    // from elsewhere.
    let mut removed_units = Vec::with_capacity(units.len());
    for u in units {
        let uses = crate::units::uses(&tx, u.id)?;
        if !uses.is_empty() {
            return Err(Error::UndoRefused {
                reason: format!(
                    "这次导入新增的成员单位“{}”已在{}中使用，撤销会删除该单位，因此没有撤销。如确需撤销，请先解除这些使用。",
                    u.name,
                    uses.join("、")
                ),
            });
        }
        tx.execute("DELETE FROM units WHERE id = ?1", [u.id])?;
        removed_units.push(u.details.name);
    }
    batch::mark_undone(&tx, batch, &now())?;
    tx.commit()?;
    log::info!(
        "撤销{}导入批次 {batch}（删除新增成员单位 {} 家）",
        kind.label(),
        removed_units.len()
    );
    Ok(ListUndoSummary {
        removed: u32::try_from(n).unwrap_or(u32::MAX),
        removed_units,
    })
}

/// The newest batch of list `kind` that can still be undone.
pub fn latest_batch(conn: &Connection, kind: ListKind) -> Result<Option<i64>> {
    batch::latest(conn, kind.code())
}

#[cfg(test)]
mod tests {

    /// Every label the wizard shows for a list's field is a header of that field in that
    /// list's import.
    #[test]
    fn the_apps_own_labels_are_headers_of_their_fields() {
        fn check<const K: u8>(kind: ListKind) {
            for f in ListField::of(kind) {
                let label = f.label();
                assert_eq!(
                    Col::<K>::from_header(label).map(|c| c.0),
                    Some(*f),
                    "{kind:?}: {label}"
                );
            }
        }
        check::<0>(ListKind::Needs);
        check::<1>(ListKind::Resources);
        check::<2>(ListKind::Projects);
    }

    use super::*;

    #[test]
    fn claimants_split_on_every_separator_and_marks() {
        let got =
            split_claimants("青岛市市立医院、八大关小学（协作）\n海大;武警某部， 某公司(牵头)；");
        assert_eq!(
            got,
            vec![
                ("青岛市市立医院".to_string(), false),
                ("八大关小学".to_string(), false),
                ("海大".to_string(), false),
                ("武警某部".to_string(), false),
                ("某公司".to_string(), true),
            ]
        );
        assert!(split_claimants(" 、 ").is_empty());
    }

    #[test]
    fn a_month_means_its_last_day() {
        assert_eq!(last_day(2026, 12), NaiveDate::from_ymd_opt(2026, 12, 31));
        assert_eq!(last_day(2028, 2), NaiveDate::from_ymd_opt(2028, 2, 29));
    }
}
