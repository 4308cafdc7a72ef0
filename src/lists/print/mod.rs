//! The papers of the three lists: 三张清单 (需求清单, 资源清单, 项目清单 in one document, each
//! list starting on a new page, its table's header repeated on every page), 项目认领表 (one
//! row per project, tall enough to stamp, blank for the projects nobody has claimed yet) and
//! 完成情况通报 (the year's projects with their claimants, status and results, for the next
//! meeting).
//!
//! Each paper is a plain value (`ListsPaper`, `ClaimsPaper`, `ProgressPaper`, in `rows`)
//! gathered from the store by `*_paper(conn, year)` (`gather`), then built into a [`Doc`] by
//! `*_doc` (`three_lists`, `claims`, `progress`), which the PDF writer (`*_pdf`) and the Word
//! writer (`crate::docx::export`) both take, so the two never differ in content.

mod claims;
mod gather;
mod progress;
mod rows;
#[cfg(test)]
mod tests;
mod three_lists;

use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use claims::{claims_doc, CLAIM_ROW_MM};
pub use gather::{claims_paper, lists_paper, progress_paper};
pub use progress::{progress_doc, progress_summary};
pub use rows::{
    ClaimRow, ClaimsPaper, ListsPaper, NeedRow, ProgressPaper, ProjectRow, ResourceRow,
};
pub use three_lists::lists_doc;

use crate::error::{Error, Result};
use crate::print::{render, Doc, FontSet, PageStyle};

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

/// The page of 三张清单 and 项目认领表: A4 landscape (eight to ten columns), 15–20 mm
/// margins, page numbers centred.
pub fn landscape_style() -> PageStyle {
    PageStyle::landscape_table()
}

/// The page of the 完成情况通报: a 公文 (GB/T 9704, A4 portrait).
pub fn progress_style() -> PageStyle {
    PageStyle::default()
}

/// The type size of the lists' tables.
const TABLE_SIZE: f32 = 10.5;

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
