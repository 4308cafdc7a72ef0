//! Committing a list's plan with the user's choices for the claimants not on the roster, as
//! one batch after a backup ([`crate::import::pipeline::begin_batch`]), and undoing a batch
//! whole with the member units it added.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{existing_names, project, ListImportPlan};
use crate::error::{Error, Result};
use crate::import::batch;
use crate::import::pipeline::{at_row, begin_batch, undo_batch, BatchOf};
use crate::lists::store::{
    insert_need, insert_project, insert_resource, validate_need, validate_project,
    validate_resource,
};
use crate::lists::ListKind;
use crate::text::name_key;
use crate::units::{UnitDetails, UnitInput, UnitStatus};

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
    let of = BatchOf {
        kind: plan.kind.code(),
        file_name: &plan.file_name,
        sheet: &plan.sheet,
    };
    let (b, (), _) = begin_batch(conn, db_path, &of, |_| Ok(((), plan.counts)))?;
    let (tx, batch, backup_id) = (b.tx, b.id, b.backup_id);
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
        claims += project::write_claims(&tx, d, id, batch, &mapped, &mut skipped)?;
    }
    tx.commit()?;
    log::info!(
        "{}导入：“{}”批次 {batch}，{n} 条，认领 {claims} 项，新增成员单位 {} 家（导入前备份 {}）",
        plan.kind.label(),
        plan.file_name,
        added.len(),
        backup_id
    );
    Ok(ListImportResult {
        kind: plan.kind,
        batch_id: batch,
        backup_id,
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
    let (n, removed_units) = undo_batch(
        conn,
        kind.code(),
        batch,
        ("清单导入批次", kind.label()),
        |tx, _| {
            let count =
                |sql: &str| -> Result<i64> { Ok(tx.query_row(sql, [batch], |r| r.get(0))?) };
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
                let u = crate::units::get(tx, unit_id)?;
                if crate::units::changed_since(tx, unit_id, hid)? {
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
                ListKind::Needs => {
                    tx.execute("DELETE FROM needs WHERE import_batch_id = ?1", [batch])?
                }
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
                let uses = crate::units::uses(tx, u.id)?;
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
            Ok((n, removed_units))
        },
    )?;
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
