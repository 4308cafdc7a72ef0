//! A project (项目清单) from a row, with its claimants: several in one cell (split on 、，,;；
//! and line breaks, （牵头） marking the lead), each matched to the roster or kept by name as
//! written for the user to map at commit.
use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{category_note, date, joined_notes, row_error, Ctx, Given, ListField, Row};
use crate::error::Result;
use crate::import::pipeline::at_row;
use crate::import::Severity;
use crate::lists::store::{get_project, insert_claim, validate_project};
use crate::lists::{ClaimInput, ProjectInput};
use crate::text::{clean_name, clean_text, name_key};

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

/// Plans the project of one row, with its claims, into `out`; a claimant not on the roster
/// is added to `unmatched` once (an invalid row is an error problem instead).
pub(super) fn plan_row(
    at: &Given<'_>,
    row: &Row<'_>,
    ctx: &mut Ctx,
    out: &mut Vec<ImportedProject>,
    unmatched: &mut Vec<String>,
) -> Result<()> {
    let (conn, year, options, roster) = (at.conn, at.year, at.options, at.roster);
    let mut notes = Vec::new();
    let deadline = date(row, ListField::Deadline, "完成时限", ctx, &mut notes);
    let claimed_on = date(row, ListField::ClaimedOn, "认领时间", ctx, &mut notes);
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
                if !unmatched.contains(&name) {
                    unmatched.push(name.clone());
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
    let mut input = ProjectInput {
        year: Some(year),
        name: row.text(ListField::Name),
        category: row.text(ListField::Category),
        meeting_id: options.meeting_id,
        deadline,
        ..ProjectInput::default()
    };
    input.import_texts(|f| row.text(f));
    input.notes = joined_notes(row, notes);
    category_note(conn, &input.category, row.excel, ctx)?;
    match validate_project(conn, &input, None) {
        Ok(_) => out.push(ImportedProject {
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

/// Writes the claims of project `d` (stored as `id`, in batch `batch`): each claimant's unit
/// as matched or as the user `mapped` it, once per unit; a claimant with neither is added to
/// `skipped` once. Returns how many claims were written.
pub(super) fn write_claims(
    tx: &Connection,
    d: &ImportedProject,
    id: i64,
    batch: i64,
    mapped: &HashMap<String, i64>,
    skipped: &mut Vec<String>,
) -> Result<u32> {
    let mut claims = 0;
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
        let project = get_project(tx, id)?;
        insert_claim(
            tx,
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
    Ok(claims)
}

#[cfg(test)]
mod tests {
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
}
