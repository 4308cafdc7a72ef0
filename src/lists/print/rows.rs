//! The papers as plain values: each record as the papers print it (`NeedRow`, `ResourceRow`,
//! `ProjectRow` with its `ClaimRow`s), each paper's whole content (`ListsPaper`,
//! `ClaimsPaper`, `ProgressPaper`), and the cells a project reads as on every paper.

use chrono::NaiveDate;

use crate::date::cn_date;
use crate::print::Doc;

/// A need as the papers print it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NeedRow {
    /// The display number, e.g. 需2026-001.
    pub code: String,
    pub name: String,
    /// The community, unit or people who raised it (e.g. 居民).
    pub raised_by: String,
    pub category: String,
    pub content: String,
    pub scale: String,
    pub wanted_by: Option<NaiveDate>,
    pub contact: String,
    pub phone: String,
    /// The status label from the core (征集, 已发布, …).
    pub status: String,
}

/// A resource as the papers print it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResourceRow {
    pub code: String,
    /// The offering unit's name.
    pub unit: String,
    /// 场地, 志愿者, 资金, ….
    pub kind: String,
    pub name: String,
    pub content: String,
    /// When or how often it is available.
    pub availability: String,
    pub capacity: String,
    pub contact: String,
    pub phone: String,
}

/// A unit's claim of a project.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimRow {
    /// The unit's name as at the claim.
    pub unit: String,
    /// 牵头 (at most one per project); the others are 协作.
    pub lead: bool,
    pub contact: String,
    pub phone: String,
}

/// A project as the papers print it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProjectRow {
    pub code: String,
    pub name: String,
    pub category: String,
    pub content: String,
    /// The codes of the needs it answers.
    pub needs: Vec<String>,
    /// 完成时限.
    pub deadline: Option<NaiveDate>,
    /// The status label from the core (未认领, 已认领, 实施中, 已完成).
    pub status: String,
    /// Past its deadline and not done.
    pub overdue: bool,
    /// Its claims, the lead first.
    pub claims: Vec<ClaimRow>,
    /// The latest progress note (date, text), if any.
    pub last_progress: Option<(NaiveDate, String)>,
    /// 完成情况 (date, text), once recorded.
    pub result: Option<(NaiveDate, String)>,
}

/// 三张清单 of a year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListsPaper {
    pub year: i32,
    /// The joint meeting's name (联席会名称), printed under each title.
    pub meeting_name: String,
    pub needs: Vec<NeedRow>,
    pub resources: Vec<ResourceRow>,
    pub projects: Vec<ProjectRow>,
}

/// 项目认领表 of a year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimsPaper {
    pub year: i32,
    pub meeting_name: String,
    pub projects: Vec<ProjectRow>,
}

/// 完成情况通报 of a year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProgressPaper {
    pub year: i32,
    pub meeting_name: String,
    /// Who issues it (印发机关: the street's issuer).
    pub issuer: String,
    /// The date the facts stand at (the latest date recorded on the year's projects); the
    /// projects' `overdue` is judged on this day.
    pub as_of: Option<NaiveDate>,
    /// Projects by status, in the core's order of statuses (label, how many), zeros left out.
    pub by_status: Vec<(String, usize)>,
    pub projects: Vec<ProjectRow>,
}

pub(super) fn date(d: Option<NaiveDate>) -> String {
    d.map(cn_date).unwrap_or_default()
}

/// The claimants of a project on paper: one name alone; several as 牵头：… then 协作：…
/// (in the order claimed), or just their names when none leads.
pub(super) fn claimants(p: &ProjectRow) -> String {
    match p.claims.as_slice() {
        [] => String::new(),
        [one] => one.unit.clone(),
        many => {
            let lead: Vec<&str> = many
                .iter()
                .filter(|c| c.lead)
                .map(|c| c.unit.as_str())
                .collect();
            let rest: Vec<&str> = many
                .iter()
                .filter(|c| !c.lead)
                .map(|c| c.unit.as_str())
                .collect();
            if lead.is_empty() {
                return rest.join("、");
            }
            let mut out = format!("牵头：{}", lead.join("、"));
            if !rest.is_empty() {
                out.push_str(&format!("\n协作：{}", rest.join("、")));
            }
            out
        }
    }
}

/// The status as printed: the core's label, and [`crate::lists::OVERDUE`] past the deadline.
pub(super) fn status(p: &ProjectRow) -> String {
    if p.overdue {
        format!("{}（{}）", p.status, crate::lists::OVERDUE)
    } else {
        p.status.clone()
    }
}

pub(super) fn project_fields(doc: &mut Doc, p: &ProjectRow) {
    doc.field("项目名称", p.name.clone());
    doc.field("项目类别", p.category.clone());
    doc.field("项目内容", p.content.clone());
    for c in &p.claims {
        doc.field("认领单位", c.unit.clone());
        doc.field("认领联系人", c.contact.clone());
        doc.field("认领联系电话", c.phone.clone());
    }
    if let Some((_, t)) = &p.last_progress {
        doc.field("进展情况", t.clone());
    }
    if let Some((_, t)) = &p.result {
        doc.field("完成情况", t.clone());
    }
}
