//! Claims (认领): a unit takes on a project, as 牵头 or 协作; withdrawn, or the lead moved.

use std::collections::HashMap;

use rusqlite::{named_params, params, Connection, Row};

use super::fields::{date_col, day, unit_ok};
use super::get_project;
use super::need_link::advance_needs;
use super::{Claim, ClaimInput, NeedStatus, Project};
use crate::db::{atomically, now};
use crate::error::{Error, Result};
use crate::text::clean_text;
use crate::units::UnitStatus;

/// A claim read by column name (`unit_status`: the unit's roster status, joined).
fn claim_from_row(r: &Row<'_>) -> rusqlite::Result<Claim> {
    let lead: bool = r.get("lead")?;
    let status: Option<String> = r.get("unit_status")?;
    Ok(Claim {
        id: r.get("id")?,
        project_id: r.get("project_id")?,
        unit_id: r.get("unit_id")?,
        unit_name: r.get("unit_name")?,
        lead,
        role: if lead { "牵头" } else { "协作" }.to_string(),
        claimed_on: date_col(r, "claimed_on")?,
        commitment: r.get("commitment")?,
        contact: r.get("contact")?,
        phone: r.get("phone")?,
        unit_left: status.as_deref() == Some("left"),
    })
}

/// The claims of every project, or `only` the one with that id, by project: the lead first,
/// then in the order claimed.
pub(super) fn claims_of(conn: &Connection, only: Option<i64>) -> Result<HashMap<i64, Vec<Claim>>> {
    let sql = match only {
        Some(id) => format!(
            "SELECT c.*, u.status AS unit_status FROM claims c
             LEFT JOIN units u ON u.id = c.unit_id WHERE c.project_id = {id}
             ORDER BY c.lead DESC, c.claimed_on, c.id"
        ),
        None => "SELECT c.*, u.status AS unit_status FROM claims c
             LEFT JOIN units u ON u.id = c.unit_id ORDER BY c.lead DESC, c.claimed_on, c.id"
            .to_string(),
    };
    let mut claims: HashMap<i64, Vec<Claim>> = HashMap::new();
    let mut stmt = conn.prepare(&sql)?;
    for c in stmt.query_map([], claim_from_row)? {
        let c = c?;
        claims.entry(c.project_id).or_default().push(c);
    }
    Ok(claims)
}

/// The one insert of a claim (checked: the unit is on the roster and has not claimed it yet).
/// `lead` makes it the 牵头; the first claimant leads when nobody does.
pub(crate) fn insert_claim(
    conn: &Connection,
    project: &Project,
    input: &ClaimInput,
    batch: Option<i64>,
) -> Result<()> {
    let unit = unit_ok(conn, input.unit_id)?;
    if unit.status == UnitStatus::Left {
        return Err(Error::Conflict(format!(
            "“{}”已退出联席会，不能认领项目。",
            unit.name
        )));
    }
    if project.claims.iter().any(|c| c.unit_id == unit.id) {
        return Err(Error::Conflict(format!(
            "“{}”已认领项目“{}”。",
            unit.name, project.name
        )));
    }
    if project.result_on.is_some() {
        return Err(Error::Conflict(format!(
            "项目“{}”已完成，不能再认领。",
            project.name
        )));
    }
    let lead = input.lead || project.lead().is_none();
    if lead {
        conn.execute(
            "UPDATE claims SET lead = 0 WHERE project_id = ?1",
            [project.id],
        )?;
    }
    let claimed_on = match input.claimed_on {
        Some(d) => d,
        None => match project.meeting_id {
            Some(m) => crate::meetings::get(conn, m)?
                .date
                .unwrap_or_else(crate::date::today),
            None => crate::date::today(),
        },
    };
    let contact = match clean_text(&input.contact) {
        c if c.is_empty() => unit.contact.clone(),
        c => c,
    };
    let phone = match clean_text(&input.phone) {
        p if p.is_empty() => unit.phones.first().cloned().unwrap_or_default(),
        p => p,
    };
    conn.execute(
        "INSERT INTO claims (project_id, unit_id, unit_name, lead, claimed_on, commitment,
            contact, phone, import_batch_id, created_at)
         VALUES (:project, :unit, :name, :lead, :on, :commitment, :contact, :phone, :batch, :ts)",
        named_params! {
            ":project": project.id,
            ":unit": unit.id,
            ":name": unit.name,
            ":lead": lead,
            ":on": day(Some(claimed_on)),
            ":commitment": input.commitment.trim(),
            ":contact": contact,
            ":phone": phone,
            ":batch": batch,
            ":ts": now(),
        },
    )?;
    advance_needs(conn, project.id, NeedStatus::Claimed)?;
    Ok(())
}

/// 认领 by several units at once (the units picked in one dialog): all are written or none.
pub fn claim_many(conn: &Connection, project_id: i64, claims: &[ClaimInput]) -> Result<Project> {
    if claims.is_empty() {
        return Err(Error::invalid("unit_id", "请至少选择一家认领单位。"));
    }
    atomically(conn, || {
        for c in claims {
            claim(conn, project_id, c)?;
        }
        get_project(conn, project_id)
    })
}

/// A unit claims (认领) a project; its linked needs move forward to 已认领.
pub fn claim(conn: &Connection, project_id: i64, input: &ClaimInput) -> Result<Project> {
    atomically(conn, || {
        let p = get_project(conn, project_id)?;
        insert_claim(conn, &p, input, None)?;
        log::info!("共建项目：{} 由单位 {} 认领", p.code, input.unit_id);
        get_project(conn, project_id)
    })
}

/// Withdraws a unit's claim (not of a finished project). When the lead goes, the earliest
/// other claimant leads. Linked needs keep their status.
pub fn unclaim(conn: &Connection, project_id: i64, unit_id: i64) -> Result<Project> {
    atomically(conn, || {
        let p = get_project(conn, project_id)?;
        let Some(c) = p.claims.iter().find(|c| c.unit_id == unit_id) else {
            return Err(Error::NotFound {
                what: "认领记录",
                id: format!("{}/{unit_id}", p.code),
            });
        };
        if p.result_on.is_some() {
            return Err(Error::Conflict(format!(
                "项目“{}”已完成，不能取消认领。",
                p.name
            )));
        }
        conn.execute("DELETE FROM claims WHERE id = ?1", [c.id])?;
        if c.lead {
            if let Some(next) = p.claims.iter().find(|o| o.id != c.id) {
                conn.execute("UPDATE claims SET lead = 1 WHERE id = ?1", [next.id])?;
            }
        }
        log::info!("共建项目：{} 取消单位 {unit_id} 的认领", p.code);
        get_project(conn, project_id)
    })
}

/// Makes a claimant the 牵头 (the others become 协作).
pub fn set_lead(conn: &Connection, project_id: i64, unit_id: i64) -> Result<Project> {
    atomically(conn, || {
        let p = get_project(conn, project_id)?;
        let Some(c) = p.claims.iter().find(|c| c.unit_id == unit_id) else {
            return Err(Error::invalid(
                "lead",
                format!("该单位没有认领项目“{}”，不能设为牵头单位。", p.name),
            ));
        };
        conn.execute("UPDATE claims SET lead = 0 WHERE project_id = ?1", [p.id])?;
        conn.execute("UPDATE claims SET lead = 1 WHERE id = ?1", [c.id])?;
        get_project(conn, project_id)
    })
}

/// The names of the projects `unit_id` claimed in `year`, by number (for {{共建项目}}).
pub fn claimed_project_names(conn: &Connection, unit_id: i64, year: i32) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT p.name FROM projects p JOIN claims c ON c.project_id = p.id
         WHERE c.unit_id = ?1 AND p.year = ?2 ORDER BY p.number",
    )?;
    let rows = stmt.query_map(params![unit_id, year], |r| r.get("name"))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
