//! 三张清单: 需求清单, 资源清单 and 项目清单 in one landscape document, each list from a new
//! page, its table's header repeated on every page. Each list is declared once as its
//! columns: heading, width, the field a cell is reported by, and what the cell says.

use super::rows::{claimants, date, project_fields, status};
use super::rows::{ListsPaper, NeedRow, ProjectRow, ResourceRow};
use super::TABLE_SIZE;
use crate::error::{Error, Result};
use crate::print::Align::{Center, Left};
use crate::print::Fit::{Entries, FreeText, Weight};
use crate::print::{Block, Doc, Heading, Table};

/// A column of a list: its header cell, the field a character no font has is reported by
/// (empty for codes, dates and statuses), and what its cell says of a record.
struct ListColumn<T> {
    heading: Heading<'static>,
    field: &'static str,
    cell: fn(&T) -> String,
}

const fn col<T>(
    heading: Heading<'static>,
    field: &'static str,
    cell: fn(&T) -> String,
) -> ListColumn<T> {
    ListColumn {
        heading,
        field,
        cell,
    }
}

/// One of the three lists: its title and what it says when empty (both after “2026年度”),
/// its columns, and the fields a record fills in beyond its columns'.
struct List<T: 'static> {
    title: &'static str,
    empty: &'static str,
    columns: &'static [ListColumn<T>],
    more_fields: fn(&mut Doc, &T),
}

// Tables of columns, one line a column.
#[rustfmt::skip]
const NEEDS: List<NeedRow> = List {
    title: "需求清单",
    empty: "尚未征集需求。",
    columns: &[
        col(("编号", 1.2, Center, Entries), "", |n| n.code.clone()),
        col(("需求名称", 2.2, Left, FreeText), "需求名称", |n| n.name.clone()),
        col(("提出方", 1.5, Left, FreeText), "提出方", |n| n.raised_by.clone()),
        col(("类别", 1.0, Center, Entries), "需求类别", |n| n.category.clone()),
        col(("需求内容", 3.2, Left, FreeText), "需求内容", |n| n.content.clone()),
        col(("规模", 1.1, Left, FreeText), "需求规模", |n| n.scale.clone()),
        col(("期望完成时间", 1.6, Center, Weight), "", |n| date(n.wanted_by)),
        col(("联系人", 0.9, Center, Entries), "需求联系人", |n| n.contact.clone()),
        col(("联系电话", 1.7, Center, Weight), "需求联系电话", |n| n.phone.clone()),
        col(("状态", 0.9, Center, Entries), "", |n| n.status.clone()),
    ],
    more_fields: |_, _| {},
};

#[rustfmt::skip]
const RESOURCES: List<ResourceRow> = List {
    title: "资源清单",
    empty: "尚未征集资源。",
    columns: &[
        col(("编号", 1.2, Center, Entries), "", |r| r.code.clone()),
        col(("提供单位", 2.2, Left, FreeText), "提供单位", |r| r.unit.clone()),
        col(("类型", 1.0, Center, Entries), "资源类型", |r| r.kind.clone()),
        col(("资源名称", 1.8, Left, FreeText), "资源名称", |r| r.name.clone()),
        col(("资源内容", 3.4, Left, FreeText), "资源内容", |r| r.content.clone()),
        col(("可提供时间", 1.5, Left, FreeText), "可提供时间", |r| r.availability.clone()),
        col(("规模", 1.2, Left, FreeText), "资源规模", |r| r.capacity.clone()),
        col(("联系人", 0.9, Center, Entries), "资源联系人", |r| r.contact.clone()),
        col(("联系电话", 1.7, Center, Weight), "资源联系电话", |r| r.phone.clone()),
    ],
    more_fields: |_, _| {},
};

/// The projects' fields are their own ([`project_fields`]: claims, progress, results), as on
/// the other papers.
#[rustfmt::skip]
const PROJECTS: List<ProjectRow> = List {
    title: "项目清单",
    empty: "尚未确定共建项目。",
    columns: &[
        col(("编号", 1.2, Center, Entries), "", |p| p.code.clone()),
        col(("项目名称", 2.2, Left, FreeText), "", |p| p.name.clone()),
        col(("类别", 1.0, Center, Entries), "", |p| p.category.clone()),
        col(("项目内容", 3.8, Left, FreeText), "", |p| p.content.clone()),
        col(("对应需求", 1.3, Center, Entries), "", |p| p.needs.join("、")),
        col(("认领单位", 2.6, Left, FreeText), "", claimants),
        col(("完成时限", 1.6, Center, Weight), "", |p| date(p.deadline)),
        col(("状态", 1.0, Center, Entries), "", status),
    ],
    more_fields: project_fields,
};

impl<T> List<T> {
    /// The list's title with the meeting's name under it (a new page first when `new_page`),
    /// then its table, or a line saying that the year has none.
    fn push_to(&self, doc: &mut Doc, paper: &ListsPaper, records: &[T], new_page: bool) {
        let y = paper.year;
        if new_page {
            doc.push(Block::PageBreak);
        }
        doc.push(Block::Title(format!("{y}年度{}", self.title)));
        if !paper.meeting_name.is_empty() {
            doc.push(Block::line(paper.meeting_name.clone(), Center));
        }
        if records.is_empty() {
            doc.push(Block::para(format!("{y}年度{}", self.empty)));
            return;
        }
        let rows = records
            .iter()
            .map(|r| {
                for c in self.columns.iter().filter(|c| !c.field.is_empty()) {
                    doc.field(c.field, (c.cell)(r));
                }
                (self.more_fields)(doc, r);
                self.columns.iter().map(|c| (c.cell)(r)).collect()
            })
            .collect();
        let headings: Vec<Heading> = self.columns.iter().map(|c| c.heading).collect();
        doc.push(Block::Table(Table::ruled(&headings, rows, TABLE_SIZE)));
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
    doc.field("联席会名称", paper.meeting_name.clone());
    NEEDS.push_to(&mut doc, paper, &paper.needs, false);
    RESOURCES.push_to(&mut doc, paper, &paper.resources, true);
    PROJECTS.push_to(&mut doc, paper, &paper.projects, true);
    Ok(doc)
}
