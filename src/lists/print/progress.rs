//! 完成情况通报: the year's projects with their claimants, status and results, for the next
//! meeting (a 公文 page).

use super::rows::{claimants, project_fields, status, ProgressPaper, ProjectRow};
use super::TABLE_SIZE;
use crate::date::cn_date;
use crate::error::{Error, Result};
use crate::print::{Align, Block, Doc, Fit, Table};

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

pub(super) fn no_projects_to_report(year: i32) -> Error {
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
    doc.push(Block::Table(Table::ruled(
        &[
            ("序号", 0.8, Align::Center, Fit::Entries),
            ("项目名称", 2.3, Align::Left, Fit::FreeText),
            ("认领单位", 2.8, Align::Left, Fit::FreeText),
            ("状态", 1.4, Align::Center, Fit::Entries),
            ("完成情况", 4.4, Align::Left, Fit::FreeText),
        ],
        rows,
        TABLE_SIZE,
    )));
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
