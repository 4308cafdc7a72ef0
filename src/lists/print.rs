//! The papers of the three lists: 三张清单 (需求清单, 资源清单, 项目清单 in one document, each
//! list starting on a new page, its table's header repeated on every page), 项目认领表 (one
//! row per project, tall enough to stamp, blank for the projects nobody has claimed yet) and
//! 完成情况通报 (the year's projects with their claimants, status and results, for the next
//! meeting).
//!
//! Each paper is a plain value (`ListsPaper`, `ClaimsPaper`, `ProgressPaper`) gathered from
//! the store by `*_paper(conn, year)`, then built into a [`Doc`] by `*_doc`, which the PDF
//! writer (`*_pdf`) and the Word writer (`crate::docx::export`) both take, so the two never
//! differ in content.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Need, NeedFilter, Project, ProjectFilter, ProjectStatus, ResourceFilter};
use crate::date::cn_date;
use crate::error::{Error, Result};
use crate::print::{
    render, Align, Block, Column, Doc, Fit, FontSet, PageNumbers, PageSize, PageStyle, Table,
};
use crate::street::{self, StreetField, StreetProfile};

/// The least height of a 项目认领表 row: room for a unit's seal inside its cell (公章 are
/// 40–42 mm across), a millimetre to spare above and below.
pub const CLAIM_ROW_MM: f32 = 44.0;

/// Which paper of the three lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ListsDocument {
    /// 三张清单 (需求清单, 资源清单, 项目清单).
    Lists,
    /// 项目认领表.
    Claims,
    /// 完成情况通报.
    Progress,
}

/// A paper of the lists and its name, for the print buttons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListsDocumentInfo {
    pub what: ListsDocument,
    pub name: String,
}

/// The papers of the lists with their names, in order (三张清单, 项目认领表, 完成情况通报).
pub fn documents() -> Vec<ListsDocumentInfo> {
    ListsDocument::ALL
        .into_iter()
        .map(|what| ListsDocumentInfo {
            what,
            name: what.name().into(),
        })
        .collect()
}

impl ListsDocument {
    pub const ALL: [ListsDocument; 3] = [
        ListsDocument::Lists,
        ListsDocument::Claims,
        ListsDocument::Progress,
    ];

    /// Its name, as files and messages call it.
    pub fn name(self) -> &'static str {
        match self {
            ListsDocument::Lists => "三张清单",
            ListsDocument::Claims => "项目认领表",
            ListsDocument::Progress => "完成情况通报",
        }
    }

    /// Its page: landscape for the two tables, a 公文 page for the 通报.
    pub fn style(self) -> PageStyle {
        match self {
            ListsDocument::Progress => progress_style(),
            _ => landscape_style(),
        }
    }
}

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

/// The page of 三张清单 and 项目认领表: A4 landscape (eight to ten columns), 15–20 mm
/// margins, page numbers centred.
pub fn landscape_style() -> PageStyle {
    PageStyle {
        size: PageSize::A4_LANDSCAPE,
        margin_top_mm: 18.0,
        margin_bottom_mm: 20.0,
        margin_left_mm: 15.0,
        margin_right_mm: 15.0,
        title_size: 20.0,
        body_size: 12.0,
        line_pitch: 20.0,
        page_number_size: 10.5,
        page_number_gap_mm: 5.0,
        page_numbers: PageNumbers::Center,
    }
}

/// The page of the 完成情况通报: a 公文 (GB/T 9704, A4 portrait).
pub fn progress_style() -> PageStyle {
    PageStyle::default()
}

/// The type size of the lists' tables.
const TABLE_SIZE: f32 = 10.5;

fn date(d: Option<NaiveDate>) -> String {
    d.map(cn_date).unwrap_or_default()
}

fn header(cells: &[&str]) -> Option<Vec<String>> {
    Some(cells.iter().map(|s| (*s).to_string()).collect())
}

/// The claimants of a project on paper: one name alone; several as 牵头：… then 协作：…
/// (in the order claimed), or just their names when none leads.
fn claimants(p: &ProjectRow) -> String {
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

/// The status as printed: the core's label, and [`super::OVERDUE`] past the deadline.
fn status(p: &ProjectRow) -> String {
    if p.overdue {
        format!("{}（{}）", p.status, super::OVERDUE)
    } else {
        p.status.clone()
    }
}

fn project_fields(doc: &mut Doc, p: &ProjectRow) {
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

/// One list's title and the line under it; a new page before every list but the first.
fn section(doc: &mut Doc, first: bool, title: String, meeting_name: &str) {
    if !first {
        doc.push(Block::PageBreak);
    }
    doc.push(Block::Title(title));
    if !meeting_name.is_empty() {
        doc.push(Block::line(meeting_name.to_string(), Align::Center));
    }
}

/// 三张清单: 需求清单, 资源清单 and 项目清单, each from a new page; a list with nothing in it
/// says so. Refused when all three are empty.
pub fn lists_doc(paper: &ListsPaper) -> Result<Doc> {
    let y = paper.year;
    if paper.needs.is_empty() && paper.resources.is_empty() && paper.projects.is_empty() {
        return Err(Error::NothingToPrint(format!(
            "{y}年度还没有需求、资源或项目，无法生成三张清单。请先在“三张清单”中录入或导入。"
        )));
    }
    let title = format!("{y}年度三张清单");
    let mut doc = Doc::new(title.clone(), title);
    let mn = paper.meeting_name.as_str();
    doc.field("联席会名称", mn.to_string());

    section(&mut doc, true, format!("{y}年度需求清单"), mn);
    if paper.needs.is_empty() {
        doc.push(Block::para(format!("{y}年度尚未征集需求。")));
    } else {
        let rows = paper
            .needs
            .iter()
            .map(|n| {
                doc.field("需求名称", n.name.clone());
                doc.field("提出方", n.raised_by.clone());
                doc.field("需求类别", n.category.clone());
                doc.field("需求内容", n.content.clone());
                doc.field("需求规模", n.scale.clone());
                doc.field("需求联系人", n.contact.clone());
                doc.field("需求联系电话", n.phone.clone());
                vec![
                    n.code.clone(),
                    n.name.clone(),
                    n.raised_by.clone(),
                    n.category.clone(),
                    n.content.clone(),
                    n.scale.clone(),
                    date(n.wanted_by),
                    n.contact.clone(),
                    n.phone.clone(),
                    n.status.clone(),
                ]
            })
            .collect();
        doc.push(Block::Table(Table {
            columns: vec![
                Column::new(1.2, Align::Center).fit(Fit::Entries),
                Column::new(2.2, Align::Left).fit(Fit::FreeText),
                Column::new(1.5, Align::Left).fit(Fit::FreeText),
                Column::new(1.0, Align::Center).fit(Fit::Entries),
                Column::new(3.2, Align::Left).fit(Fit::FreeText),
                Column::new(1.1, Align::Left).fit(Fit::FreeText),
                Column::new(1.6, Align::Center),
                Column::new(0.9, Align::Center).fit(Fit::Entries),
                Column::new(1.7, Align::Center),
                Column::new(0.9, Align::Center).fit(Fit::Entries),
            ],
            header: header(&[
                "编号",
                "需求名称",
                "提出方",
                "类别",
                "需求内容",
                "规模",
                "期望完成时间",
                "联系人",
                "联系电话",
                "状态",
            ]),
            rows,
            borders: true,
            size: Some(TABLE_SIZE),
            joined: Vec::new(),
        }));
    }

    section(&mut doc, false, format!("{y}年度资源清单"), mn);
    if paper.resources.is_empty() {
        doc.push(Block::para(format!("{y}年度尚未征集资源。")));
    } else {
        let rows = paper
            .resources
            .iter()
            .map(|r| {
                doc.field("提供单位", r.unit.clone());
                doc.field("资源类型", r.kind.clone());
                doc.field("资源名称", r.name.clone());
                doc.field("资源内容", r.content.clone());
                doc.field("可提供时间", r.availability.clone());
                doc.field("资源规模", r.capacity.clone());
                doc.field("资源联系人", r.contact.clone());
                doc.field("资源联系电话", r.phone.clone());
                vec![
                    r.code.clone(),
                    r.unit.clone(),
                    r.kind.clone(),
                    r.name.clone(),
                    r.content.clone(),
                    r.availability.clone(),
                    r.capacity.clone(),
                    r.contact.clone(),
                    r.phone.clone(),
                ]
            })
            .collect();
        doc.push(Block::Table(Table {
            columns: vec![
                Column::new(1.2, Align::Center).fit(Fit::Entries),
                Column::new(2.2, Align::Left).fit(Fit::FreeText),
                Column::new(1.0, Align::Center).fit(Fit::Entries),
                Column::new(1.8, Align::Left).fit(Fit::FreeText),
                Column::new(3.4, Align::Left).fit(Fit::FreeText),
                Column::new(1.5, Align::Left).fit(Fit::FreeText),
                Column::new(1.2, Align::Left).fit(Fit::FreeText),
                Column::new(0.9, Align::Center).fit(Fit::Entries),
                Column::new(1.7, Align::Center),
            ],
            header: header(&[
                "编号",
                "提供单位",
                "类型",
                "资源名称",
                "资源内容",
                "可提供时间",
                "规模",
                "联系人",
                "联系电话",
            ]),
            rows,
            borders: true,
            size: Some(TABLE_SIZE),
            joined: Vec::new(),
        }));
    }

    section(&mut doc, false, format!("{y}年度项目清单"), mn);
    if paper.projects.is_empty() {
        doc.push(Block::para(format!("{y}年度尚未确定共建项目。")));
    } else {
        let rows = paper
            .projects
            .iter()
            .map(|p| {
                project_fields(&mut doc, p);
                vec![
                    p.code.clone(),
                    p.name.clone(),
                    p.category.clone(),
                    p.content.clone(),
                    p.needs.join("、"),
                    claimants(p),
                    date(p.deadline),
                    status(p),
                ]
            })
            .collect();
        doc.push(Block::Table(Table {
            columns: vec![
                Column::new(1.2, Align::Center).fit(Fit::Entries),
                Column::new(2.2, Align::Left).fit(Fit::FreeText),
                Column::new(1.0, Align::Center).fit(Fit::Entries),
                Column::new(3.8, Align::Left).fit(Fit::FreeText),
                Column::new(1.3, Align::Center).fit(Fit::Entries),
                Column::new(2.6, Align::Left).fit(Fit::FreeText),
                Column::new(1.6, Align::Center),
                Column::new(1.0, Align::Center).fit(Fit::Entries),
            ],
            header: header(&[
                "编号",
                "项目名称",
                "类别",
                "项目内容",
                "对应需求",
                "认领单位",
                "完成时限",
                "状态",
            ]),
            rows,
            borders: true,
            size: Some(TABLE_SIZE),
            joined: Vec::new(),
        }));
    }
    Ok(doc)
}

/// 项目认领表: one row per project (序号, 项目名称, 类别, 内容, 认领单位（盖章）, 联系人, 电话,
/// 签字), each at least [`CLAIM_ROW_MM`] tall; a claimed project shows its claimants (with
/// their contacts), an unclaimed one leaves the claim cells blank for a unit to fill in and
/// stamp on the day.
pub fn claims_doc(paper: &ClaimsPaper) -> Result<Doc> {
    let y = paper.year;
    if paper.projects.is_empty() {
        return Err(Error::NothingToPrint(format!(
            "{y}年度还没有共建项目，无法生成项目认领表。请先在“三张清单 → 项目清单”中录入或导入项目。"
        )));
    }
    let mut doc = Doc::new(format!("{y}年度项目认领表"), format!("{y}年度项目认领表"));
    doc.push(Block::Title(format!("{y}年度共建项目认领表")));
    if !paper.meeting_name.is_empty() {
        doc.field("联席会名称", paper.meeting_name.clone());
        doc.push(Block::line(paper.meeting_name.clone(), Align::Center));
    }
    let mut rows = Vec::new();
    // The project's four cells span the rows of all its claimants.
    let mut joined = Vec::new();
    const PROJECT_CELLS: usize = 4;
    for (i, p) in paper.projects.iter().enumerate() {
        project_fields(&mut doc, p);
        let mut first = vec![
            (i + 1).to_string(),
            p.name.clone(),
            p.category.clone(),
            p.content.clone(),
        ];
        // The lead first; each claimant on a row of its own, with room for its seal. The
        // rows after the first continue the project's cells (one merged cell each).
        let mut claims: Vec<&ClaimRow> = p.claims.iter().filter(|c| c.lead).collect();
        claims.extend(p.claims.iter().filter(|c| !c.lead));
        if claims.is_empty() {
            first.extend(std::iter::repeat_n(String::new(), 4));
            rows.push(first);
            joined.push(0);
            continue;
        }
        let several = claims.len() > 1;
        for (k, c) in claims.into_iter().enumerate() {
            let mut row = if k == 0 {
                std::mem::take(&mut first)
            } else {
                vec![String::new(); PROJECT_CELLS]
            };
            joined.push(if k == 0 { 0 } else { PROJECT_CELLS });
            row.push(match (several, c.lead) {
                (true, true) => format!("{}（牵头）", c.unit),
                (true, false) => format!("{}（协作）", c.unit),
                _ => c.unit.clone(),
            });
            row.push(c.contact.clone());
            row.push(c.phone.clone());
            row.push(String::new());
            rows.push(row);
        }
    }
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(0.6, Align::Center).fit(Fit::Entries),
            Column::new(2.2, Align::Left).fit(Fit::FreeText),
            Column::new(1.0, Align::Center).fit(Fit::Entries),
            Column::new(3.2, Align::Left).fit(Fit::FreeText),
            Column::new(3.0, Align::Left)
                .fit(Fit::FreeText)
                .min_height_mm(CLAIM_ROW_MM),
            Column::new(1.0, Align::Center).fit(Fit::Entries),
            Column::new(1.7, Align::Center),
            Column::new(1.5, Align::Center),
        ],
        header: header(&[
            "序号",
            "项目名称",
            "类别",
            "内容",
            "认领单位（盖章）",
            "联系人",
            "电话",
            "签字",
        ]),
        rows,
        borders: true,
        size: Some(TABLE_SIZE),
        joined,
    }));
    doc.push(Block::Spacer(0.5));
    doc.push(Block::Paragraph {
        text: "说明：尚未认领的项目，认领单位请在对应栏内填写单位名称、联系人和电话，加盖公章并签字；多家单位共同认领的，请注明牵头单位。".into(),
        indent: false,
    });
    Ok(doc)
}

/// The opening of the 通报: as of when, how many projects in each status, how many overdue,
/// how many units took part.
pub fn progress_summary(paper: &ProgressPaper) -> String {
    let y = paper.year;
    let total = paper.projects.len();
    let mut s = match paper.as_of {
        Some(d) => format!("截至{}，", cn_date(d)),
        None => String::new(),
    };
    s.push_str(&format!("{y}年度共确定共建项目{total}个"));
    let parts: Vec<String> = paper
        .by_status
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| format!("{label}{n}个"))
        .collect();
    if !parts.is_empty() {
        s.push_str(&format!("，其中{}", parts.join("、")));
    }
    let overdue = paper.projects.iter().filter(|p| p.overdue).count();
    if overdue > 0 {
        s.push_str(&format!("；超过完成时限尚未完成的{overdue}个"));
    }
    let mut units: Vec<&str> = paper
        .projects
        .iter()
        .flat_map(|p| p.claims.iter().map(|c| c.unit.as_str()))
        .collect();
    units.sort_unstable();
    units.dedup();
    if !units.is_empty() {
        s.push_str(&format!("。共有{}家单位参与认领", units.len()));
    }
    s.push_str("。现将各项目完成情况通报如下。");
    s
}

fn no_projects_to_report(year: i32) -> Error {
    Error::NothingToPrint(format!("{year}年度没有共建项目，无法生成完成情况通报。"))
}

/// What the 完成情况 column says: the result with its date; else the latest progress note;
/// else nothing.
fn outcome(p: &ProjectRow) -> String {
    match (&p.result, &p.last_progress) {
        (Some((on, text)), _) => format!("{}完成。{}", cn_date(*on), text.trim()),
        (None, Some((on, text))) => format!("{}：{}", cn_date(*on), text.trim()),
        (None, None) => String::new(),
    }
}

/// 完成情况通报: the opening with the counts, a table of every project (claimants 牵头 first,
/// status, 完成情况), and the issuer with the date. Refused without projects.
pub fn progress_doc(paper: &ProgressPaper) -> Result<Doc> {
    let y = paper.year;
    if paper.projects.is_empty() {
        return Err(no_projects_to_report(y));
    }
    let title = format!("关于{y}年度共建项目完成情况的通报");
    let mut doc = Doc::new(title.clone(), title.clone());
    doc.push(Block::Title(title));
    doc.field("印发机关", paper.issuer.clone());
    doc.field("联席会名称", paper.meeting_name.clone());
    if !paper.meeting_name.is_empty() {
        doc.push(Block::Paragraph {
            text: format!("{}各成员单位：", paper.meeting_name),
            indent: false,
        });
    }
    doc.push(Block::para(progress_summary(paper)));
    doc.push(Block::Heading1("一、项目完成情况".into()));
    let rows = paper
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| {
            project_fields(&mut doc, p);
            vec![
                (i + 1).to_string(),
                p.name.clone(),
                claimants(p),
                status(p),
                outcome(p),
            ]
        })
        .collect();
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(0.8, Align::Center).fit(Fit::Entries),
            Column::new(2.3, Align::Left).fit(Fit::FreeText),
            Column::new(2.8, Align::Left).fit(Fit::FreeText),
            Column::new(1.4, Align::Center).fit(Fit::Entries),
            Column::new(4.4, Align::Left).fit(Fit::FreeText),
        ],
        header: header(&["序号", "项目名称", "认领单位", "状态", "完成情况"]),
        rows,
        borders: true,
        size: Some(TABLE_SIZE),
        joined: Vec::new(),
    }));
    // 二、下一步工作: the claimed projects not done yet, to finish; the unclaimed ones, to claim.
    let quoted = |list: &[&ProjectRow]| -> String {
        let names: String = list
            .iter()
            .take(3)
            .map(|p| crate::text::quoted(&p.name))
            .collect();
        if list.len() > 3 {
            format!("{names}等")
        } else {
            names
        }
    };
    let underway: Vec<&ProjectRow> = paper
        .projects
        .iter()
        .filter(|p| p.result.is_none() && !p.claims.is_empty())
        .collect();
    let unclaimed: Vec<&ProjectRow> = paper
        .projects
        .iter()
        .filter(|p| p.claims.is_empty())
        .collect();
    let mut next = Vec::new();
    if !underway.is_empty() {
        next.push(format!(
            "已认领尚未完成的项目{}个（{}），请牵头单位会同协作单位抓紧推进，按完成时限完成并及时报送完成情况",
            underway.len(),
            quoted(&underway)
        ));
    }
    if !unclaimed.is_empty() {
        next.push(format!(
            "尚未认领的项目{}个（{}），欢迎各成员单位结合自身资源积极认领",
            unclaimed.len(),
            quoted(&unclaimed)
        ));
    }
    if !next.is_empty() {
        doc.push(Block::Heading1("二、下一步工作".into()));
        doc.push(Block::para(format!("{}。", next.join("；"))));
    }
    doc.push(Block::Spacer(1.0));
    let mut sign = vec![Block::line(paper.issuer.clone(), Align::Right)];
    if let Some(d) = paper.as_of {
        sign.push(Block::line(cn_date(d), Align::Right));
    }
    doc.push(Block::KeepTogether(sign));
    Ok(doc)
}

/// 三张清单 as PDF bytes.
pub fn lists_pdf_from(paper: &ListsPaper, fonts: &FontSet) -> Result<Vec<u8>> {
    render(&lists_doc(paper)?, fonts, &landscape_style())
}

/// 项目认领表 as PDF bytes.
pub fn claims_pdf_from(paper: &ClaimsPaper, fonts: &FontSet) -> Result<Vec<u8>> {
    render(&claims_doc(paper)?, fonts, &landscape_style())
}

/// 完成情况通报 as PDF bytes.
pub fn progress_pdf_from(paper: &ProgressPaper, fonts: &FontSet) -> Result<Vec<u8>> {
    render(&progress_doc(paper)?, fonts, &progress_style())
}

/// A project of the store as the papers print it (`codes`: need id → code).
fn project_row(p: &Project, codes: &[(i64, String)]) -> ProjectRow {
    ProjectRow {
        code: p.code.clone(),
        name: p.name.clone(),
        category: p.category.clone(),
        content: p.content.clone(),
        needs: p
            .need_ids
            .iter()
            .filter_map(|id| codes.iter().find(|(n, _)| n == id).map(|(_, c)| c.clone()))
            .collect(),
        deadline: p.deadline,
        status: p.status.label().to_string(),
        overdue: p.overdue,
        claims: p
            .claims
            .iter()
            .map(|c| ClaimRow {
                unit: c.unit_name.clone(),
                lead: c.lead,
                contact: c.contact.clone(),
                phone: c.phone.clone(),
            })
            .collect(),
        last_progress: p.progress.last().map(|n| (n.noted_on, n.text.clone())),
        result: p
            .result_on
            .filter(|_| !p.result.trim().is_empty())
            .map(|on| (on, p.result.clone())),
    }
}

fn projects_of(conn: &Connection, year: i32) -> Result<Vec<Project>> {
    super::list_projects(
        conn,
        &ProjectFilter {
            year: Some(year),
            ..ProjectFilter::default()
        },
    )
}

fn needs_of(conn: &Connection, year: i32) -> Result<Vec<Need>> {
    super::list_needs(
        conn,
        &NeedFilter {
            year: Some(year),
            ..NeedFilter::default()
        },
    )
}

/// The projects of `year` as printed, the need codes they answer looked up (a need of
/// another year by its id).
fn project_rows(
    conn: &Connection,
    projects: &[Project],
    needs: &[Need],
) -> Result<Vec<ProjectRow>> {
    let mut codes: Vec<(i64, String)> = needs.iter().map(|n| (n.id, n.code.clone())).collect();
    for id in projects.iter().flat_map(|p| p.need_ids.iter()) {
        if !codes.iter().any(|(n, _)| n == id) {
            codes.push((*id, super::get_need(conn, *id)?.code));
        }
    }
    Ok(projects.iter().map(|p| project_row(p, &codes)).collect())
}

/// The joint meeting's name from the street's profile (empty when it has no name yet).
fn meeting_name(conn: &Connection) -> Result<String> {
    Ok(street::get(conn)?.meeting_name())
}

/// 三张清单 of `year`, from the store.
pub fn lists_paper(conn: &Connection, year: i32) -> Result<ListsPaper> {
    let needs = needs_of(conn, year)?;
    let resources = super::list_resources(
        conn,
        &ResourceFilter {
            year: Some(year),
            ..ResourceFilter::default()
        },
    )?;
    Ok(ListsPaper {
        year,
        meeting_name: meeting_name(conn)?,
        projects: project_rows(conn, &projects_of(conn, year)?, &needs)?,
        needs: needs
            .into_iter()
            .map(|n| NeedRow {
                code: n.code,
                name: n.name,
                raised_by: n.raised_by,
                category: n.category,
                content: n.content,
                scale: n.scale,
                wanted_by: n.wanted_by,
                contact: n.contact,
                phone: n.phone,
                status: n.status.label().to_string(),
            })
            .collect(),
        resources: resources
            .into_iter()
            .map(|r| {
                let (contact, phone) = resource_contact(conn, &r)?;
                Ok(ResourceRow {
                    code: r.code,
                    unit: r.unit_name,
                    kind: r.kind.label().to_string(),
                    name: r.name,
                    content: r.content,
                    availability: r.availability,
                    capacity: r.capacity,
                    contact,
                    phone,
                })
            })
            .collect::<Result<_>>()?,
    })
}

/// Who to call about a resource: its own contact and phone; when it has neither and a member
/// unit offers it, the unit's 联系人 and 联系电话 from the roster (the same person the unit
/// named for the joint meeting).
fn resource_contact(conn: &Connection, r: &super::Resource) -> Result<(String, String)> {
    if !r.contact.trim().is_empty() || !r.phone.trim().is_empty() {
        return Ok((r.contact.clone(), r.phone.clone()));
    }
    let unit = match r.unit_id.map(|id| crate::units::get(conn, id)) {
        Some(Ok(u)) => u,
        Some(Err(Error::NotFound { .. })) | None => return Ok((String::new(), String::new())),
        Some(Err(e)) => return Err(e),
    };
    Ok((unit.details.contact.clone(), unit.details.phones.join("、")))
}

/// 项目认领表 of `year`, from the store.
pub fn claims_paper(conn: &Connection, year: i32) -> Result<ClaimsPaper> {
    Ok(ClaimsPaper {
        year,
        meeting_name: meeting_name(conn)?,
        projects: project_rows(conn, &projects_of(conn, year)?, &needs_of(conn, year)?)?,
    })
}

/// 完成情况通报 of `year`, from the store: the counts by status in the core's order, and the
/// date the facts stand at (the latest claim, progress note or result recorded), so that
/// the same data gives the same paper on any day. Needs the street's issuer (印发机关, else
/// its party organisation).
pub fn progress_paper(conn: &Connection, year: i32) -> Result<ProgressPaper> {
    let projects = projects_of(conn, year)?;
    if projects.is_empty() {
        return Err(no_projects_to_report(year));
    }
    let profile = street::get(conn)?;
    let issuer = profile.issuer();
    if issuer.is_empty() {
        return Err(StreetProfile::missing_error(
            StreetField::PartyOrg,
            "打印完成情况通报",
        ));
    }
    let as_of = projects
        .iter()
        .flat_map(|p| {
            p.claims
                .iter()
                .filter_map(|c| c.claimed_on)
                .chain(p.progress.iter().map(|n| n.noted_on))
                .chain(p.result_on)
        })
        .max();
    let by_status = ProjectStatus::ALL
        .iter()
        .map(|s| {
            let n = projects.iter().filter(|p| p.status == *s).count();
            (s.label().to_string(), n)
        })
        .collect();
    // Overdue as of the 截至 day, by the store's one rule: the paper's date and its count of
    // overdue projects never disagree (the store's own flag is judged by today's clock). With
    // nothing recorded there is no 截至 day, and nothing is called overdue.
    let mut rows = project_rows(conn, &projects, &needs_of(conn, year)?)?;
    for (row, p) in rows.iter_mut().zip(&projects) {
        row.overdue = as_of.is_some_and(|d| super::overdue_on(p.status, p.deadline, d));
    }
    Ok(ProgressPaper {
        year,
        meeting_name: profile.meeting_name(),
        issuer,
        as_of,
        by_status,
        projects: rows,
    })
}

/// The document of paper `which` for `year`, gathered from the store.
pub fn paper_doc(conn: &Connection, which: ListsDocument, year: i32) -> Result<Doc> {
    match which {
        ListsDocument::Lists => lists_doc(&lists_paper(conn, year)?),
        ListsDocument::Claims => claims_doc(&claims_paper(conn, year)?),
        ListsDocument::Progress => progress_doc(&progress_paper(conn, year)?),
    }
}

/// Paper `which` of `year` as PDF bytes.
pub fn paper_pdf(
    conn: &Connection,
    which: ListsDocument,
    year: i32,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    render(&paper_doc(conn, which, year)?, fonts, &which.style())
}

/// Writes paper `which` of `year` to `path` (a hidden `.name.part` renamed when whole). An
/// error names the paper.
pub fn write_paper(
    conn: &Connection,
    which: ListsDocument,
    year: i32,
    fonts: &FontSet,
    path: &Path,
) -> Result<()> {
    let bytes =
        paper_pdf(conn, which, year, fonts).map_err(|e| Error::in_document(which.name(), e))?;
    crate::print::write_file(path, &bytes)?;
    log::info!(
        "三张清单：打印 {year} 年度{} → {}",
        which.name(),
        path.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    fn claim(unit: &str, lead: bool) -> ClaimRow {
        ClaimRow {
            unit: unit.into(),
            lead,
            contact: "张珺".into(),
            phone: "13805320101".into(),
        }
    }

    fn project(n: usize, claims: Vec<ClaimRow>) -> ProjectRow {
        ProjectRow {
            code: format!("项2026-{n:03}"),
            name: format!("共建项目{n}"),
            category: "关心关爱".into(),
            content: "为辖区独居老人提供上门服务".into(),
            deadline: d(2026, 12, 31),
            status: if claims.is_empty() {
                "未认领"
            } else {
                "已认领"
            }
            .into(),
            claims,
            ..ProjectRow::default()
        }
    }

    /// The text of every cell and line of a document, in order.
    fn texts(doc: &Doc) -> Vec<String> {
        fn walk(b: &Block, out: &mut Vec<String>) {
            match b {
                Block::Title(t) | Block::Heading1(t) | Block::Heading2(t) => out.push(t.clone()),
                Block::Paragraph { text, .. } | Block::Line { text, .. } => out.push(text.clone()),
                Block::Table(t) => {
                    for r in t.header.iter().chain(&t.rows) {
                        out.extend(r.iter().cloned());
                    }
                }
                Block::KeepTogether(bs) => bs.iter().for_each(|b| walk(b, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        doc.blocks.iter().for_each(|b| walk(b, &mut out));
        out
    }

    fn tables(doc: &Doc) -> Vec<&Table> {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_claim_form_has_its_columns_tall_rows_and_blank_cells_for_unclaimed_projects() {
        let paper = ClaimsPaper {
            year: 2026,
            meeting_name: "八大关街道区域化党建联席会".into(),
            projects: vec![
                project(
                    1,
                    vec![
                        claim("太平角宾馆有限公司", false),
                        claim("八大关小学", true),
                    ],
                ),
                project(2, vec![]),
            ],
        };
        let doc = claims_doc(&paper).unwrap();
        let t = tables(&doc)[0];
        assert_eq!(
            t.header.as_deref().unwrap(),
            [
                "序号",
                "项目名称",
                "类别",
                "内容",
                "认领单位（盖章）",
                "联系人",
                "电话",
                "签字"
            ]
        );
        // The lead first, marked, on the project's row; the partner on a row of its own.
        assert_eq!(t.rows[0][..2], ["1", "共建项目1"]);
        assert_eq!(t.rows[0][4], "八大关小学（牵头）");
        assert_eq!(t.rows[0][6], "13805320101");
        assert!(
            t.rows[1][..4].iter().all(String::is_empty),
            "{:?}",
            t.rows[1]
        );
        assert_eq!(t.rows[1][4], "太平角宾馆有限公司（协作）");
        // Nobody has claimed project 2: its claim cells are blank for the day.
        assert_eq!(t.rows[2][..2], ["2", "共建项目2"]);
        assert!(
            t.rows[2][4..].iter().all(String::is_empty),
            "{:?}",
            t.rows[2]
        );
        // Rows are tall enough for a seal.
        let least = t
            .columns
            .iter()
            .filter_map(|c| c.min_height)
            .fold(0.0, f32::max);
        assert!(least >= crate::print::mm(25.0) - 0.01, "{least}");
        // No projects, nothing to print.
        let empty = ClaimsPaper {
            projects: vec![],
            ..paper
        };
        assert!(matches!(claims_doc(&empty), Err(Error::NothingToPrint(_))));
    }

    #[test]
    fn the_report_opens_with_the_counts_and_lists_the_lead_first() {
        let mut done = project(1, vec![claim("协作单位", false), claim("牵头单位", true)]);
        done.status = "已完成".into();
        done.result = Some((
            d(2026, 11, 20).unwrap(),
            "已为32户独居老人安装烟感报警器。".into(),
        ));
        let mut late = project(2, vec![claim("协作单位", true)]);
        late.status = "实施中".into();
        late.overdue = true;
        late.last_progress = Some((d(2026, 10, 8).unwrap(), "完成入户摸底".into()));
        let paper = ProgressPaper {
            year: 2026,
            meeting_name: "八大关街道区域化党建联席会".into(),
            issuer: "中共八大关街道工作委员会".into(),
            as_of: d(2026, 11, 20),
            by_status: vec![
                ("未认领".into(), 1),
                ("已认领".into(), 0),
                ("实施中".into(), 1),
                ("已完成".into(), 1),
            ],
            projects: vec![done, late, project(3, vec![])],
        };
        assert_eq!(
            progress_summary(&paper),
            "截至2026年11月20日，2026年度共确定共建项目3个，其中未认领1个、实施中1个、已完成1个；超过完成时限尚未完成的1个。共有2家单位参与认领。现将各项目完成情况通报如下。"
        );
        let doc = progress_doc(&paper).unwrap();
        let t = tables(&doc)[0];
        assert_eq!(t.rows[0][2], "牵头：牵头单位\n协作：协作单位");
        assert_eq!(
            t.rows[0][4],
            "2026年11月20日完成。已为32户独居老人安装烟感报警器。"
        );
        assert_eq!(t.rows[1][3], "实施中（已超期）");
        assert_eq!(t.rows[1][4], "2026年10月8日：完成入户摸底");
        let all = texts(&doc);
        assert!(all.contains(&"中共八大关街道工作委员会".to_string()));
        assert!(
            all.iter()
                .any(|t| t.contains("；尚未认领的项目1个（“共建项目3”）")),
            "{all:?}"
        );
    }

    #[test]
    fn the_three_lists_each_start_a_page_and_an_empty_list_says_so() {
        let paper = ListsPaper {
            year: 2026,
            meeting_name: "八大关街道区域化党建联席会".into(),
            needs: vec![NeedRow {
                code: "需2026-001".into(),
                name: "老旧小区适老化改造".into(),
                status: "已发布".into(),
                ..NeedRow::default()
            }],
            resources: vec![],
            projects: vec![project(1, vec![])],
        };
        let doc = lists_doc(&paper).unwrap();
        let breaks = doc
            .blocks
            .iter()
            .filter(|b| **b == Block::PageBreak)
            .count();
        assert_eq!(breaks, 2);
        let all = texts(&doc);
        for title in ["2026年度需求清单", "2026年度资源清单", "2026年度项目清单"]
        {
            assert!(all.contains(&title.to_string()), "{title}");
        }
        assert!(all.contains(&"2026年度尚未征集资源。".to_string()));
        assert!(all.contains(&"需2026-001".to_string()));
        let empty = ListsPaper {
            year: 2027,
            ..ListsPaper::default()
        };
        assert!(matches!(lists_doc(&empty), Err(Error::NothingToPrint(_))));
    }

    #[test]
    fn the_papers_render_with_the_bundled_font_and_a_tall_row_is_taller() {
        let fonts = FontSet::bundled().unwrap();
        let few = ClaimsPaper {
            year: 2026,
            meeting_name: String::new(),
            projects: (1..=3).map(|n| project(n, vec![])).collect(),
        };
        let many = ClaimsPaper {
            projects: (1..=12).map(|n| project(n, vec![])).collect(),
            ..few.clone()
        };
        let pages = |bytes: &[u8]| crate::archive::pdf_pages(bytes).unwrap_or(0);
        // 3 rows of 25 mm fit on one landscape page; 12 do not.
        assert_eq!(pages(&claims_pdf_from(&few, &fonts).unwrap()), 1);
        assert!(pages(&claims_pdf_from(&many, &fonts).unwrap()) >= 2);
    }
}
