//! Importing a donation list from a spreadsheet: the donations' kind of the import pipeline
//! (`import::pipeline`: the bounded read, the sheet and header row, exact synonyms, 合计 and
//! footer rows skipped, problems at Excel row numbers, one committed batch after a backup,
//! undone whole). What is the donations' own is here: the fields and their synonym table,
//! the plan of one row (amounts in 分, dates, 现金/物资, the donor matched to the roster)
//! and what a batch writes and removes.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::{insert_receipt, insert_row, validate};
use super::{DonationInput, DonationKind, ReceiptInput, ReceiptMethod, ValuationBasis};
use crate::db::fields::field_enum;
use crate::error::{Error, Result};
use crate::import::header::{lookup_synonym, HeaderField};
use crate::import::pipeline::{
    self, at_row, begin_batch, preview_types, row_counts, undo_batch, BatchOf, Choice, ImportKind,
    Row,
};
use crate::import::{batch, bounded, read_file, Cell, ProgressFn, Severity, Workbook};
use crate::money::parse_amount;
use crate::text::{clean_name, name_key};

/// The `import_batches` kind of a donation import.
const KIND: &str = "donations";
super::donation_fields!(field_enum {
    /// A column of a donation list.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    pub enum DonationField;
});

/// A field with its Chinese name, for the wizard's column mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DonationFieldLabel {
    pub field: DonationField,
    pub label: String,
}

/// Every field a column can be mapped to, with its name.
pub fn field_labels() -> Vec<DonationFieldLabel> {
    DonationField::ALL
        .iter()
        .map(|f| DonationFieldLabel {
            field: *f,
            label: f.label().to_string(),
        })
        .collect()
}

impl HeaderField for DonationField {
    fn from_header(header: &str) -> Option<Self> {
        lookup_synonym(DonationField::SYNONYMS, header)
    }
    fn key() -> Self {
        DonationField::Donor
    }
    fn index() -> Self {
        DonationField::Index
    }
    fn ordinal(self) -> u32 {
        self as u32
    }
}

preview_types!(
    DonationField,
    DonationProblem,
    DonationColumn,
    DonationColumnMapping
);

/// What the caller chooses: the sheet, columns mapped by hand, the meeting the list belongs to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DonationImportOptions {
    pub sheet: Option<String>,
    pub mappings: Vec<DonationColumnMapping>,
    pub meeting_id: Option<i64>,
}

/// A donation as read from a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedDonation {
    pub source_row: u32,
    #[serde(flatten)]
    pub input: DonationInput,
    /// Money already received, with its date.
    pub receipt: Option<ReceiptInput>,
    /// As the preview shows them: ¥30,000.00, 大米100袋.
    pub pledged_figures: String,
    pub received_figures: String,
    pub goods_text: String,
}

/// The counts of the preview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DonationImportCounts {
    pub new: u32,
    pub error_rows: u32,
    pub ignored_rows: u32,
    /// Donors matched to a member unit.
    pub members: u32,
    /// Donors who are not on the roster (kept by name).
    pub outside: u32,
}

/// The preview of a donation import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DonationImportPlan {
    pub file_name: String,
    pub sheet: String,
    pub sheets: Vec<String>,
    pub header_rows: Vec<u32>,
    pub columns: Vec<DonationColumn>,
    pub donations: Vec<ImportedDonation>,
    pub counts: DonationImportCounts,
    pub problems: Vec<DonationProblem>,
}

row_counts!(DonationImportCounts);

/// What committing did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DonationImportResult {
    pub batch_id: i64,
    pub backup_id: String,
    pub imported: u32,
}

type Ctx = pipeline::Ctx<DonationField, DonationImportCounts>;

/// Reads `file` in a bounded worker and plans its import. Nothing is written.
pub fn plan_file(
    conn: &Connection,
    worker: &bounded::Worker,
    file: &Path,
    options: &DonationImportOptions,
    progress: ProgressFn<'_>,
) -> Result<DonationImportPlan> {
    let mut progress = progress;
    let (name, book) = read_file(worker, file, &mut progress)?;
    log::info!("捐赠导入预览：“{name}”");
    plan_book(conn, &name, &book, options, &mut progress)
}

/// Plans the import of `bytes` read in this process (tests and benchmarks only).
pub fn plan_bytes(
    conn: &Connection,
    file_name: &str,
    bytes: &[u8],
    options: &DonationImportOptions,
) -> Result<DonationImportPlan> {
    let book = crate::import::read(file_name, bytes)?;
    let mut none = crate::import::no_progress;
    let mut progress: ProgressFn<'_> = &mut none;
    plan_book(conn, file_name, &book, options, &mut progress)
}

/// The text of an amount cell: numbers as written (no float arithmetic), text as typed.
fn amount_text(cell: &Cell) -> String {
    match cell {
        // f64's Display is the shortest text that reads back as the same number: 30000.5
        // stays "30000.5", and parse_amount reads it digit by digit.
        Cell::Float(f) => format!("{f}"),
        other => other.text(),
    }
}

fn day(cell: &Cell) -> std::result::Result<NaiveDate, String> {
    match cell {
        Cell::Date(d) => Ok(*d),
        other => crate::date::parse_day(&other.text()).map_err(|e| e.to_string()),
    }
}

/// Donations as a kind of import: the options of the list, and the roster donors are
/// matched to.
struct Donations<'a> {
    options: &'a DonationImportOptions,
}

/// The donations as read, and the roster: name key → (id, name).
struct DonationRows {
    roster: Vec<(String, i64, String)>,
    donations: Vec<ImportedDonation>,
}

impl ImportKind for Donations<'_> {
    type Header = DonationField;
    type Field = DonationField;
    type Problem = DonationProblem;
    type Column = DonationColumn;
    type Counts = DonationImportCounts;
    type Rows = DonationRows;

    fn label(f: DonationField) -> &'static str {
        f.label()
    }

    fn check(&self, conn: &Connection) -> Result<()> {
        if let Some(m) = self.options.meeting_id {
            crate::meetings::get(conn, m)?;
        }
        Ok(())
    }

    fn no_key(&self, sheet: &str) -> Error {
        Error::Invalid {
            field: "donor",
            message: format!(
                "工作表“{sheet}”中没有找到“捐赠方”（或“捐赠单位”“单位名称”）列。请在预览中指定哪一列是捐赠方。"
            ),
        }
    }

    fn start(&self, conn: &Connection) -> Result<DonationRows> {
        let roster = crate::units::list(conn)?
            .into_iter()
            .map(|u| (name_key(&u.name), u.id, u.details.name))
            .collect();
        Ok(DonationRows {
            roster,
            donations: Vec::new(),
        })
    }

    fn row(
        &self,
        conn: &Connection,
        rows: &mut DonationRows,
        row: Row<'_, DonationField>,
        ctx: &mut Ctx,
    ) -> Result<()> {
        if let Some(d) = read_row(conn, &row, &rows.roster, self.options, ctx)? {
            rows.donations.push(d);
        }
        Ok(())
    }
}

/// Plans the import of a workbook already read.
pub fn plan_book(
    conn: &Connection,
    file_name: &str,
    book: &Workbook,
    options: &DonationImportOptions,
    progress: &mut ProgressFn<'_>,
) -> Result<DonationImportPlan> {
    let mappings = options.mappings.iter().map(|m| (m.column, m.field));
    let choice = Choice::of(&options.sheet, mappings);
    let kind = Donations { options };
    let mut p = pipeline::plan(&kind, conn, file_name, book, &choice, progress)?;
    p.counts.new = u32::try_from(p.rows.donations.len()).unwrap_or(u32::MAX);
    Ok(DonationImportPlan {
        file_name: p.file_name,
        sheet: p.sheet,
        sheets: p.sheets,
        header_rows: p.header_rows,
        columns: p.columns,
        donations: p.rows.donations,
        counts: p.counts,
        problems: p.problems,
    })
}

fn read_row(
    conn: &Connection,
    row_of: &Row<'_, DonationField>,
    roster: &[(String, i64, String)],
    options: &DonationImportOptions,
    ctx: &mut Ctx,
) -> Result<Option<ImportedDonation>> {
    let row = row_of.excel;
    let get = |f: DonationField| row_of.cell(f);
    let text = |f: DonationField| row_of.text(f);
    let donor = clean_name(&text(DonationField::Donor));
    let header = DonationField::from_header(&donor) == Some(DonationField::Donor);
    let Some(donor) = row_of.key(donor, header, "捐赠方为空，该行未导入。", ctx) else {
        return Ok(None);
    };
    let mut errors: Vec<(DonationField, String)> = Vec::new();
    let amount = |f: DonationField, errors: &mut Vec<(DonationField, String)>| -> Option<i64> {
        let cell = get(f)?;
        match parse_amount(&amount_text(cell)) {
            Ok(fen) => Some(fen),
            Err(e) => {
                errors.push((f, format!("{}：{e}", f.label())));
                None
            }
        }
    };
    let pledged = amount(DonationField::Pledged, &mut errors);
    let received = amount(DonationField::Received, &mut errors);
    let value = amount(DonationField::Value, &mut errors);
    let date_of = |f: DonationField, errors: &mut Vec<(DonationField, String)>| {
        let cell = get(f)?;
        match day(cell) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push((f, format!("{}：{e}", f.label())));
                None
            }
        }
    };
    let pledged_on = date_of(DonationField::PledgedOn, &mut errors);
    let received_on = date_of(DonationField::ReceivedOn, &mut errors);
    let item = text(DonationField::Item);
    let kind_text = text(DonationField::Kind);
    let kind = match kind_text.as_str() {
        "" => {
            if !item.is_empty() && pledged.is_none() {
                DonationKind::InKind
            } else {
                DonationKind::Cash
            }
        }
        "现金" | "资金" | "货币" | "现金捐赠" | "转账" | "款" | "捐款" => {
            DonationKind::Cash
        }
        "物资" | "实物" | "物品" | "物资捐赠" | "实物捐赠" => DonationKind::InKind,
        other => {
            errors.push((
                DonationField::Kind,
                format!("捐赠方式“{other}”无法识别（应为 现金 或 物资）"),
            ));
            DonationKind::Cash
        }
    };
    let method = match text(DonationField::Method).as_str() {
        "" => ReceiptMethod::Transfer,
        m => match super::parse_method(m) {
            Ok(m) => m,
            Err(e) => {
                errors.push((DonationField::Method, e.to_string()));
                ReceiptMethod::Transfer
            }
        },
    };
    let basis = match text(DonationField::Basis).as_str() {
        "" => None,
        b => match ValuationBasis::from_label(b) {
            Some(b) => Some(b),
            None => {
                errors.push((
                    DonationField::Basis,
                    format!("估价依据“{b}”无法识别（应为 出货单、发票 或 市场价）"),
                ));
                None
            }
        },
    };
    let key = name_key(&donor);
    let member = roster.iter().find(|(k, _, _)| *k == key);
    let mut input = DonationInput {
        meeting_id: options.meeting_id,
        unit_id: member.map(|m| m.1),
        donor_name: member.map_or(donor.clone(), |m| m.2.clone()),
        credit_code: text(DonationField::CreditCode),
        kind,
        pledged_fen: pledged.or(received).unwrap_or(0),
        pledged_on,
        quantity: text(DonationField::Quantity),
        estimated_value_fen: value,
        valuation_basis: basis,
        ..DonationInput::default()
    };
    input.import_texts(text);
    if kind == DonationKind::InKind {
        input.delivered_on = received_on.or(pledged_on);
    }
    let receipt = match (kind, received) {
        (DonationKind::Cash, Some(fen)) if fen > 0 => match received_on.or(pledged_on) {
            Some(on) => {
                if fen > input.pledged_fen {
                    errors.push((
                        DonationField::Received,
                        format!(
                            "到账金额 {} 多于认捐金额 {}",
                            crate::money::format_yuan(fen),
                            crate::money::format_yuan(input.pledged_fen)
                        ),
                    ));
                }
                Some(ReceiptInput {
                    amount_fen: fen,
                    received_on: on,
                    method,
                    notes: String::new(),
                })
            }
            None => {
                errors.push((DonationField::ReceivedOn, "有到账金额但没有到账日期".into()));
                None
            }
        },
        _ => None,
    };
    if errors.is_empty() {
        // The same checks as the dialog's (a missing amount, a bad credit code, a quantity).
        if let Err(e) = validate(conn, &input) {
            errors.push((DonationField::Donor, e.to_string()));
        }
    }
    if !errors.is_empty() {
        ctx.counts.error_rows += 1;
        for (f, m) in errors {
            ctx.add(
                Some(row),
                Some(f),
                Severity::Error,
                crate::text::sentence(&[&m, "该行未导入"]),
            );
        }
        return Ok(None);
    }
    if member.is_some() {
        ctx.counts.members += 1;
    } else {
        ctx.counts.outside += 1;
        ctx.add(
            Some(row),
            Some(DonationField::Donor),
            Severity::Info,
            format!("“{donor}”不在成员单位名册中，按其他捐赠方登记。"),
        );
    }
    let goods_text = if input.kind == DonationKind::InKind {
        super::goods_phrase(
            &input.item_name,
            &input.item_spec,
            &input.quantity,
            &input.quantity_unit,
        )
    } else {
        String::new()
    };
    Ok(Some(ImportedDonation {
        source_row: row,
        pledged_figures: crate::money::format_yuan(input.pledged_fen),
        received_figures: receipt
            .as_ref()
            .map(|r| crate::money::format_yuan(r.amount_fen))
            .unwrap_or_default(),
        goods_text,
        input,
        receipt,
    }))
}

/// Writes `plan`: a backup first, then one transaction holding every donation and receipt
/// and the batch (which [`undo`] removes as a whole).
pub fn commit(
    conn: &mut Connection,
    db_path: &Path,
    plan: &DonationImportPlan,
) -> Result<DonationImportResult> {
    if plan.donations.is_empty() {
        return Err(Error::NothingToPrint(
            "预览中没有可以导入的捐赠记录。".into(),
        ));
    }
    let of = BatchOf {
        kind: KIND,
        file_name: &plan.file_name,
        sheet: &plan.sheet,
    };
    let (b, (), _) = begin_batch(conn, db_path, &of, |_| Ok(((), plan.counts)))?;
    let (tx, batch, backup_id) = (b.tx, b.id, b.backup_id);
    for d in &plan.donations {
        // A plan may come back from the UI: every row is checked again.
        let v = validate(&tx, &d.input).map_err(|e| at_row(d.source_row, e))?;
        let id = insert_row(&tx, &v, Some(batch), Some(i64::from(d.source_row)))?;
        if let Some(r) = &d.receipt {
            insert_receipt(&tx, id, r).map_err(|e| at_row(d.source_row, e))?;
        }
    }
    tx.commit()?;
    log::info!(
        "捐赠导入：“{}”批次 {batch}，{} 笔（导入前备份 {backup_id}）",
        plan.file_name,
        plan.donations.len(),
    );
    Ok(DonationImportResult {
        batch_id: batch,
        backup_id,
        imported: u32::try_from(plan.donations.len()).unwrap_or(u32::MAX),
    })
}

/// Undoes a donation import batch: its donations and their receipts go, in one transaction.
/// Refused when a receipt was added later or a letter or certificate was printed.
pub fn undo(conn: &mut Connection, batch: i64) -> Result<u32> {
    let n = undo_batch(
        conn,
        KIND,
        batch,
        ("捐赠导入批次", "捐赠"),
        |tx, committed| {
            let later: i64 = tx.query_row(
                "SELECT COUNT(*) FROM donation_receipts r JOIN donations d ON d.id = r.donation_id
             WHERE d.import_batch_id = ?1 AND r.created_at > ?2",
                params![batch, committed],
                |r| r.get(0),
            )?;
            let printed: i64 = tx.query_row(
            "SELECT COUNT(*) FROM donations WHERE import_batch_id = ?1
               AND (letter_printed_at IS NOT NULL OR certificate_printed_at IS NOT NULL OR withdrawn_on IS NOT NULL)",
            [batch],
            |r| r.get(0),
        )?;
            if later > 0 || printed > 0 {
                return Err(Error::UndoRefused {
                reason:
                    "导入后已有捐赠登记了到账、撤回或打印了感谢信、荣誉证书，不能整批撤销；请逐条修改。"
                        .into(),
            });
            }
            tx.execute(
                "DELETE FROM donation_receipts WHERE donation_id IN
                (SELECT id FROM donations WHERE import_batch_id = ?1)",
                [batch],
            )?;
            Ok(tx.execute("DELETE FROM donations WHERE import_batch_id = ?1", [batch])?)
        },
    )?;
    log::info!("撤销捐赠导入批次 {batch}");
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The newest donation batch that can still be undone.
pub fn latest_batch(conn: &Connection) -> Result<Option<i64>> {
    batch::latest(conn, KIND)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word the app itself uses for a donation field is read back as that field: the
    /// wizard's labels, the same with the unit 元 in either bracket, and the printed register's
    /// headings (all but 物资及数量, which holds two fields in one cell).
    #[test]
    fn the_apps_own_words_are_headers_of_their_fields() {
        for f in DonationField::ALL {
            let label = f.label();
            assert_eq!(DonationField::from_header(label), Some(f), "{label}");
        }
        for (header, want) in [
            ("折价（元）", DonationField::Value),
            ("折价(元)", DonationField::Value),
            ("折价金额（元）", DonationField::Value),
            ("认捐金额（元）", DonationField::Pledged),
            ("到账金额/元", DonationField::Received),
            ("金额（元）", DonationField::Pledged),
        ] {
            assert_eq!(DonationField::from_header(header), Some(want), "{header}");
        }
        // 万元 is never read as yuan.
        assert_eq!(DonationField::from_header("认捐金额（万元）"), None);
        let register: Vec<(&str, Option<DonationField>)> = crate::donations::print::REGISTER_HEADER
            .iter()
            .map(|h| (*h, DonationField::from_header(h)))
            .collect();
        let unread: Vec<&str> = register
            .iter()
            .filter(|(_, f)| f.is_none())
            .map(|(h, _)| *h)
            .collect();
        assert_eq!(unread, ["物资及数量"], "{register:?}");
        assert_eq!(
            DonationField::from_header("折价"),
            Some(DonationField::Value)
        );
    }
}
