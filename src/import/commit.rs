//! Committing a plan (backup, then one transaction and one batch) and undoing a batch.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::pipeline::{begin_batch, Batch, BatchOf};
use super::plan::{diff, recompare, Action, ImportCounts, ImportPlan, ImportedUnit};
use super::{report, ProgressFn, Stage};
use crate::db::now;
use crate::error::{Error, Result};
use crate::labelled::json_column;
use crate::text::clean_name;
use crate::units::{self, Source, Unit, UnitRow};

/// An import batch, as listed for undo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportBatch {
    pub id: i64,
    pub file_name: String,
    pub sheet: Option<String>,
    pub started_at: String,
    pub committed_at: Option<String>,
    pub undone_at: Option<String>,
    /// The backup taken just before the import.
    pub backup_id: Option<String>,
    pub counts: ImportCounts,
}

/// What undoing a batch did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UndoSummary {
    pub batch_id: i64,
    /// Units the batch had created, now removed.
    pub removed: u32,
    /// Units the batch had changed, now back to their old values.
    pub restored: u32,
}

/// Applies `plan`: a backup first, then one transaction that writes the units, their history
/// and the batch. Returns the batch.
pub fn commit(
    conn: &mut Connection,
    db_path: &Path,
    plan: &ImportPlan,
    mut progress: ProgressFn<'_>,
) -> Result<ImportBatch> {
    // A plan may come back from the UI: check what the database relies on first.
    for p in &plan.units {
        if clean_name(&p.unit.name).is_empty() || clean_name(&p.unit.name) != p.unit.name {
            return Err(Error::Invalid {
                field: "name",
                message: format!(
                    "第{}行的单位名称无效，请重新预览后再导入。",
                    p.unit.source_row
                ),
            });
        }
    }
    // A large import touches more pages than SQLite's default 2 MB cache holds.
    conn.pragma_update(None, "cache_size", -32_000)?;
    let of = BatchOf {
        kind: "roster",
        file_name: &plan.file_name,
        sheet: &plan.sheet,
    };
    // The batch's transaction holds `conn` until it is committed, inside this block.
    let (batch, backup_id, counts) = {
        let (b, planned, counts) = begin_batch(conn, db_path, &of, |tx| recompare(tx, plan))?;
        let Batch {
            tx,
            id: batch,
            backup_id,
            ts,
        } = b;
        let mut groups = Groups::default();
        let empty = ImportedUnit::from_unit(&Unit::default());
        let total = planned.len();
        for (i, p) in planned.iter().enumerate() {
            if i % 1000 == 0 {
                report(&mut progress, Stage::Writing, i, total)?;
            }
            match p.action {
                Action::Unchanged => {}
                Action::New => {
                    let full = p.unit.over(&empty);
                    let id = write_unit(&tx, None, &full, batch, &plan.sheet, &mut groups, &ts)?;
                    let changes = diff(&empty, &full);
                    units::record_history(
                        &tx,
                        id,
                        Source::Import(batch),
                        true,
                        &changes,
                        None,
                        &ts,
                    )?;
                }
                Action::Update => {
                    let Some(id) = p.existing_id else { continue };
                    let before = units::get(&tx, id)?;
                    let old = ImportedUnit::from_unit(&before);
                    let full = p.unit.over(&old);
                    write_unit(&tx, Some(id), &full, batch, &plan.sheet, &mut groups, &ts)?;
                    units::record_history(
                        &tx,
                        id,
                        Source::Import(batch),
                        false,
                        &p.changes,
                        Some(&before),
                        &ts,
                    )?;
                }
            }
        }
        report(&mut progress, Stage::Writing, total, total)?;
        tx.commit()?;
        (batch, backup_id, counts)
    };
    let b = get_batch(conn, batch)?;
    log::info!(
        "导入：“{}”批次 {}，新增 {}，更新 {}（导入前备份 {}）",
        b.file_name,
        b.id,
        counts.new,
        counts.updated,
        backup_id
    );
    Ok(b)
}

/// Community and branch ids by name, created on first use.
#[derive(Default)]
struct Groups {
    communities: HashMap<String, i64>,
    branches: HashMap<String, i64>,
}

impl Groups {
    fn community(&mut self, conn: &Connection, name: &str) -> Result<Option<i64>> {
        if name.is_empty() {
            return Ok(None);
        }
        if let Some(id) = self.communities.get(name) {
            return Ok(Some(*id));
        }
        let id = crate::org::ensure_community(conn, name, "")?;
        self.communities.insert(name.to_string(), id);
        Ok(Some(id))
    }

    fn branch(&mut self, conn: &Connection, name: &str) -> Result<Option<i64>> {
        if name.is_empty() {
            return Ok(None);
        }
        if let Some(id) = self.branches.get(name) {
            return Ok(Some(*id));
        }
        let id = crate::org::ensure_branch(conn, name)?;
        self.branches.insert(name.to_string(), id);
        Ok(Some(id))
    }
}

/// Inserts (`id` None) or updates a unit with all of `u`'s values and its source.
fn write_unit(
    conn: &Connection,
    id: Option<i64>,
    u: &ImportedUnit,
    batch: i64,
    sheet: &str,
    groups: &mut Groups,
    ts: &str,
) -> Result<i64> {
    let row = UnitRow {
        details: u.details.clone(),
        name_key: String::new(),
        community_id: groups.community(conn, &u.community)?,
        branch_id: groups.branch(conn, &u.branch)?,
        status: u.status,
        left_on: u.left_on.clone(),
        source_batch_id: Some(batch),
        source_sheet: Some(sheet.to_string()),
        source_row: Some(i64::from(u.source_row)),
    }
    .keyed();
    match id {
        None => units::insert_row(conn, None, &row, ts),
        Some(id) => units::update_row(conn, id, &row, ts).map(|()| id),
    }
}

fn refused(reason: String) -> Error {
    Error::UndoRefused { reason }
}

/// Undoes batch `batch` (撤销本次导入) in one transaction: units it created are deleted and
/// units it changed get their old values back. Refused when a unit it touched was changed
/// since, or a created unit is now referred to by a meeting, agreement or donation.
pub fn undo(
    conn: &mut Connection,
    batch: i64,
    mut progress: ProgressFn<'_>,
) -> Result<UndoSummary> {
    let b = get_batch(conn, batch)?;
    if let Some(when) = &b.undone_at {
        return Err(refused(format!(
            "第 {batch} 批导入已于 {when} 撤销，不能重复撤销。"
        )));
    }
    if b.committed_at.is_none() {
        return Err(refused(format!("第 {batch} 批导入没有完成，无需撤销。")));
    }
    let tx = conn.transaction()?;
    let rows: Vec<(i64, i64, Option<String>)> = {
        let mut stmt = tx.prepare(
            "SELECT id, unit_id, before FROM unit_history
             WHERE batch_id = ?1 AND source = 'import' ORDER BY id DESC",
        )?;
        let it = stmt.query_map([batch], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        it.collect::<rusqlite::Result<_>>()?
    };
    let ts = now();
    let mut summary = UndoSummary {
        batch_id: batch,
        removed: 0,
        restored: 0,
    };
    let total = rows.len();
    for (i, (hid, unit_id, before)) in rows.into_iter().enumerate() {
        if i % 1000 == 0 {
            report(&mut progress, Stage::Undoing, i, total)?;
        }
        let current = units::get(&tx, unit_id)?;
        if units::changed_since(&tx, unit_id, hid)? {
            return Err(refused(format!(
                "“{}”在这次导入之后又被修改过，撤销会丢失那些修改，因此没有撤销。请先检查该单位的修改记录。",
                current.name
            )));
        }
        match before {
            None => {
                let uses = units::uses(&tx, unit_id)?;
                if !uses.is_empty() {
                    return Err(refused(format!(
                        "这次导入新增的“{}”已在{}中使用，不能撤销本次导入。请先解除这些使用。",
                        current.name,
                        uses.join("、")
                    )));
                }
                tx.prepare_cached("DELETE FROM units WHERE id = ?1")?
                    .execute([unit_id])?;
                summary.removed += 1;
            }
            Some(json) => {
                let old: Unit = serde_json::from_str(&json)
                    .map_err(|e| Error::Conflict(format!("导入前的记录无法读取：{e}")))?;
                units::update_row(&tx, unit_id, &UnitRow::of(&old), &ts)?;
                let changes = diff(
                    &ImportedUnit::from_unit(&current),
                    &ImportedUnit::from_unit(&old),
                );
                units::record_history(
                    &tx,
                    unit_id,
                    Source::Undo(batch),
                    false,
                    &changes,
                    Some(&current),
                    &ts,
                )?;
                summary.restored += 1;
            }
        }
    }
    super::batch::mark_undone(&tx, batch, &ts)?;
    report(&mut progress, Stage::Undoing, total, total)?;
    tx.commit()?;
    log::info!("撤销导入批次 {batch}");
    Ok(summary)
}

fn batch_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ImportBatch> {
    Ok(ImportBatch {
        id: r.get("id")?,
        file_name: r.get("file_name")?,
        sheet: r.get("sheet")?,
        started_at: r.get("started_at")?,
        committed_at: r.get("committed_at")?,
        undone_at: r.get("undone_at")?,
        backup_id: r.get("backup_id")?,
        counts: json_column(r, "counts_json")?,
    })
}

const BATCH_SELECT: &str = "SELECT id, file_name, sheet, started_at, committed_at, undone_at,
    backup_id, counts_json FROM import_batches WHERE kind = 'roster'";

/// One batch.
pub fn get_batch(conn: &Connection, id: i64) -> Result<ImportBatch> {
    conn.query_row(&format!("{BATCH_SELECT} AND id = ?1"), [id], batch_from_row)
        .optional()?
        .ok_or(Error::NotFound {
            what: "导入批次",
            id: id.to_string(),
        })
}

/// All batches, newest first.
pub fn batches(conn: &Connection) -> Result<Vec<ImportBatch>> {
    let mut stmt = conn.prepare(&format!("{BATCH_SELECT} ORDER BY id DESC"))?;
    let rows = stmt.query_map([], batch_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The newest committed batch that has not been undone.
pub fn latest_undoable_batch(conn: &Connection) -> Result<Option<ImportBatch>> {
    Ok(batches(conn)?
        .into_iter()
        .find(|b| b.committed_at.is_some() && b.undone_at.is_none()))
}
