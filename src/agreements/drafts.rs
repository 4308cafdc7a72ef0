//! Changes to an agreement before and after it is printed: a 草拟 one is edited or deleted
//! (it has no number yet); a printed or signed one is voided (作废) and keeps its number.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::{
    check_term_and_copies, clean_list, get, json, Agreement, AgreementStatus, Party,
};
use crate::db::now;
use crate::error::{Error, Result};
use crate::text::{clean_name, clean_text};

/// The details of one party that a draft may change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PartyDetails {
    pub leader: String,
    pub contact: String,
    pub phone: String,
}

/// What can be changed in a 草拟 agreement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DraftEdit {
    pub meeting_id: Option<i64>,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
    pub areas: Vec<String>,
    pub projects: Vec<String>,
    pub copies: u32,
    pub party_a: PartyDetails,
    pub party_b: PartyDetails,
}

impl DraftEdit {
    /// The draft as it is, to start editing from.
    pub fn of(a: &Agreement) -> Self {
        let details = |p: &Party| PartyDetails {
            leader: p.leader.clone(),
            contact: p.contact.clone(),
            phone: p.phone.clone(),
        };
        DraftEdit {
            meeting_id: a.meeting_id,
            term_start: a.term_start,
            term_end: a.term_end,
            areas: a.areas.clone(),
            projects: a.projects.clone(),
            copies: a.copies,
            party_a: details(&a.party_a),
            party_b: details(&a.party_b),
        }
    }
}

fn require_draft(a: &Agreement, action: &str) -> Result<()> {
    if a.status != AgreementStatus::Draft {
        return Err(Error::Conflict(format!(
            "{}当前为“{}”，不能{action}（只有草拟的协议可以{action}）；打错的协议请“作废”。",
            a.label(),
            a.status.label()
        )));
    }
    Ok(())
}

/// Changes a 草拟 agreement (term, areas, projects, copies, the parties' details).
pub fn update_draft(conn: &Connection, id: i64, edit: &DraftEdit) -> Result<Agreement> {
    let a = get(conn, id)?;
    require_draft(&a, "修改")?;
    check_term_and_copies(edit.term_start, edit.term_end, edit.copies)?;
    let phone = |p: &str| -> Result<String> {
        let p = clean_text(p).replace(' ', "");
        if !p.is_empty() {
            crate::phone::validate(&p).map_err(|m| Error::invalid("phone", m))?;
        }
        Ok(p)
    };
    conn.execute(
        "UPDATE agreements SET meeting_id = ?1, term_start = ?2, term_end = ?3, areas = ?4,
            projects = ?5, copies = ?6, party_a_leader = ?7, party_a_contact = ?8,
            party_a_phone = ?9, party_b_leader = ?10, party_b_contact = ?11,
            party_b_phone = ?12, updated_at = ?13
         WHERE id = ?14",
        params![
            edit.meeting_id,
            edit.term_start,
            edit.term_end,
            json(&clean_list(&edit.areas)),
            json(&clean_list(&edit.projects)),
            edit.copies,
            clean_name(&edit.party_a.leader),
            clean_name(&edit.party_a.contact),
            phone(&edit.party_a.phone)?,
            clean_name(&edit.party_b.leader),
            clean_name(&edit.party_b.contact),
            phone(&edit.party_b.phone)?,
            now(),
            id
        ],
    )?;
    get(conn, id)
}

/// Deletes a 草拟 agreement. Drafts have no number yet, so no number is lost.
pub fn delete_draft(conn: &Connection, id: i64) -> Result<()> {
    let a = get(conn, id)?;
    require_draft(&a, "删除")?;
    conn.execute("DELETE FROM agreements WHERE id = ?1", [id])?;
    Ok(())
}

/// Voids (作废) a printed or signed agreement: it keeps its number, is marked 已作废 with the
/// date and reason, and is left out of batches.
pub fn void(conn: &Connection, id: i64, on: NaiveDate, reason: &str) -> Result<Agreement> {
    let a = get(conn, id)?;
    if !matches!(a.status, AgreementStatus::Printed | AgreementStatus::Signed) {
        let hint = if a.status == AgreementStatus::Draft {
            "草拟的协议还没有编号，直接删除即可。"
        } else {
            ""
        };
        return Err(Error::Conflict(format!(
            "{}当前为“{}”，不能作废。{hint}",
            a.label(),
            a.status.label()
        )));
    }
    conn.execute(
        "UPDATE agreements SET status = 'void', voided_on = ?1, void_reason = ?2, updated_at = ?3
         WHERE id = ?4",
        params![on, clean_text(reason), now(), id],
    )?;
    get(conn, id)
}
