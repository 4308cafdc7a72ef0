//! Committing a plan (backup, then one transaction and one batch) and undoing a batch.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::plan::{diff, recompare, Action, ImportCounts, ImportPlan, ImportedUnit};
use super::{report, ProgressFn, Stage};
use crate::backup::{self, BackupReason};
use crate::db::now;
use crate::error::{Error, Result};
use crate::text::{clean_name, name_key};
use crate::units::{self, FieldChange, Unit, UnitCategory, UnitStatus};

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
    let backup = backup::create(conn, db_path, BackupReason::BeforeImport)?;
    // A large import touches more pages than SQLite's default 2 MB cache holds.
    conn.pragma_update(None, "cache_size", -32_000)?;
    let tx = conn.transaction()?;
    let (planned, counts) = recompare(&tx, plan)?;
    let ts = now();
    let counts_json = serde_json::to_string(&counts).map_err(|e| Error::Conflict(e.to_string()))?;
    tx.execute(
        "INSERT INTO import_batches (file_name, sheet, started_at, committed_at, backup_id, counts_json)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
        params![plan.file_name, plan.sheet, ts, backup.id, counts_json],
    )?;
    let batch = tx.last_insert_rowid();
    let mut groups = Groups::default();
    let empty = ImportedUnit::from_unit(&blank_unit());
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
                history(&tx, id, "import", batch, &changes, None, &ts)?;
            }
            Action::Update => {
                let Some(id) = p.existing_id else { continue };
                let before = units::get(&tx, id)?;
                let old = ImportedUnit::from_unit(&before);
                let full = p.unit.over(&old);
                write_unit(&tx, Some(id), &full, batch, &plan.sheet, &mut groups, &ts)?;
                let json = to_json(&before)?;
                history(&tx, id, "import", batch, &p.changes, Some(&json), &ts)?;
            }
        }
    }
    report(&mut progress, Stage::Writing, total, total)?;
    tx.commit()?;
    let b = get_batch(conn, batch)?;
    log::info!(
        "导入：“{}”批次 {}，新增 {}，更新 {}（导入前备份 {}）",
        b.file_name,
        b.id,
        counts.new,
        counts.updated,
        backup.id
    );
    Ok(b)
}

fn to_json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| Error::Conflict(e.to_string()))
}

fn blank_unit() -> Unit {
    Unit {
        id: 0,
        name: String::new(),
        short_name: String::new(),
        category: UnitCategory::Other,
        community_id: None,
        community: None,
        branch_id: None,
        branch: None,
        vice_chair: false,
        party_org: String::new(),
        party_secretary: String::new(),
        contact: String::new(),
        contact_title: String::new(),
        phones: Vec::new(),
        address: String::new(),
        joined_on: None,
        status: UnitStatus::Active,
        left_on: None,
        notes: String::new(),
        source_batch_id: None,
        source_sheet: None,
        source_row: None,
        created_at: String::new(),
        updated_at: String::new(),
    }
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
    let community = groups.community(conn, &u.community)?;
    let branch = groups.branch(conn, &u.branch)?;
    let phones = to_json(&u.phones)?;
    let status = match u.status {
        UnitStatus::Active => "active",
        UnitStatus::Left => "left",
    };
    let values = params![
        id,
        u.name,
        name_key(&u.name),
        u.short_name,
        u.category.code(),
        community,
        branch,
        u.vice_chair,
        u.party_org,
        u.party_secretary,
        u.contact,
        u.contact_title,
        phones,
        u.address,
        u.joined_on,
        status,
        u.left_on,
        u.notes,
        batch,
        sheet,
        u.source_row,
        ts,
    ];
    match id {
        None => {
            conn.prepare_cached(
                "INSERT INTO units (id, name, name_key, short_name, category, community_id,
                    branch_id, vice_chair, party_org, party_secretary, contact, contact_title,
                    phones, address, joined_on, status, left_on, notes, source_batch_id,
                    source_sheet, source_row, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21, ?22, ?22)",
            )?
            .execute(values)?;
            Ok(conn.last_insert_rowid())
        }
        Some(id) => {
            conn.prepare_cached(
                "UPDATE units SET name = ?2, name_key = ?3, short_name = ?4, category = ?5,
                    community_id = ?6, branch_id = ?7, vice_chair = ?8, party_org = ?9,
                    party_secretary = ?10, contact = ?11, contact_title = ?12, phones = ?13,
                    address = ?14, joined_on = ?15, status = ?16, left_on = ?17, notes = ?18,
                    source_batch_id = ?19, source_sheet = ?20, source_row = ?21, updated_at = ?22
                 WHERE id = ?1",
            )?
            .execute(values)?;
            Ok(id)
        }
    }
}

fn history(
    conn: &Connection,
    unit: i64,
    source: &str,
    batch: i64,
    changes: &[FieldChange],
    before: Option<&str>,
    ts: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO unit_history (unit_id, changed_at, source, batch_id, changes, before)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![unit, ts, source, batch, to_json(&changes)?, before])?;
    Ok(())
}

/// Restores a unit to the snapshot `old` (every column, including its source).
fn restore_unit(conn: &Connection, old: &Unit, ts: &str) -> Result<()> {
    let status = match old.status {
        UnitStatus::Active => "active",
        UnitStatus::Left => "left",
    };
    conn.prepare_cached(
        "UPDATE units SET name = ?2, name_key = ?3, short_name = ?4, category = ?5,
            community_id = ?6, branch_id = ?7, vice_chair = ?8, party_org = ?9,
            party_secretary = ?10, contact = ?11, contact_title = ?12, phones = ?13,
            address = ?14, joined_on = ?15, status = ?16, left_on = ?17, notes = ?18,
            source_batch_id = ?19, source_sheet = ?20, source_row = ?21, updated_at = ?22
         WHERE id = ?1",
    )?
    .execute(params![
        old.id,
        old.name,
        name_key(&old.name),
        old.short_name,
        old.category.code(),
        old.community_id,
        old.branch_id,
        old.vice_chair,
        old.party_org,
        old.party_secretary,
        old.contact,
        old.contact_title,
        to_json(&old.phones)?,
        old.address,
        old.joined_on,
        status,
        old.left_on,
        old.notes,
        old.source_batch_id,
        old.source_sheet,
        old.source_row,
        ts,
    ])?;
    Ok(())
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
        let later: Option<i64> = tx
            .prepare_cached("SELECT id FROM unit_history WHERE unit_id = ?1 AND id > ?2 LIMIT 1")?
            .query_row(params![unit_id, hid], |r| r.get(0))
            .optional()?;
        if later.is_some() {
            return Err(refused(format!(
                "“{}”在这次导入之后又被修改过，撤销会丢失那些修改，因此没有撤销。请先检查该单位的修改记录。",
                current.name
            )));
        }
        match before {
            None => {
                tx.prepare_cached("DELETE FROM units WHERE id = ?1")?
                    .execute([unit_id])
                    .map_err(|e| match e.sqlite_error_code() {
                        Some(rusqlite::ErrorCode::ConstraintViolation) => refused(format!(
                            "这次导入新增的“{}”已被会议、协议、捐赠或三张清单的记录引用，不能撤销本次导入。请先解除这些引用。",
                            current.name
                        )),
                        _ => Error::Sqlite(e),
                    })?;
                summary.removed += 1;
            }
            Some(json) => {
                let old: Unit = serde_json::from_str(&json)
                    .map_err(|e| Error::Conflict(format!("导入前的记录无法读取：{e}")))?;
                restore_unit(&tx, &old, &ts)?;
                let changes = diff(
                    &ImportedUnit::from_unit(&current),
                    &ImportedUnit::from_unit(&old),
                );
                history(
                    &tx,
                    unit_id,
                    "undo",
                    batch,
                    &changes,
                    Some(&to_json(&current)?),
                    &ts,
                )?;
                summary.restored += 1;
            }
        }
    }
    tx.execute(
        "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1",
        params![batch, ts],
    )?;
    report(&mut progress, Stage::Undoing, total, total)?;
    tx.commit()?;
    log::info!("撤销导入批次 {batch}");
    Ok(summary)
}

fn batch_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ImportBatch> {
    let counts: String = r.get(7)?;
    Ok(ImportBatch {
        id: r.get(0)?,
        file_name: r.get(1)?,
        sheet: r.get(2)?,
        started_at: r.get(3)?,
        committed_at: r.get(4)?,
        undone_at: r.get(5)?,
        backup_id: r.get(6)?,
        counts: serde_json::from_str(&counts).unwrap_or_default(),
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
