//! 项目认领表: one row per claimant (the lead first), tall enough to stamp, blank claim cells
//! for the projects nobody has claimed yet.

use super::rows::{project_fields, ClaimRow, ClaimsPaper};
use super::TABLE_SIZE;
use crate::error::{Error, Result};
use crate::print::{Align, Block, Doc, Fit, Table};

/// The least height of a 项目认领表 row: room for a unit's seal inside its cell (公章 are
/// 40–42 mm across), a millimetre to spare above and below.
pub const CLAIM_ROW_MM: f32 = 44.0;

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
    let mut table = Table::ruled(
        &[
            ("序号", 0.6, Align::Center, Fit::Entries),
            ("项目名称", 2.2, Align::Left, Fit::FreeText),
            ("类别", 1.0, Align::Center, Fit::Entries),
            ("内容", 3.2, Align::Left, Fit::FreeText),
            ("认领单位（盖章）", 3.0, Align::Left, Fit::FreeText),
            ("联系人", 1.0, Align::Center, Fit::Entries),
            ("电话", 1.7, Align::Center, Fit::Weight),
            ("签字", 1.5, Align::Center, Fit::Weight),
        ],
        rows,
        TABLE_SIZE,
    );
    // The claimant's cell, the first after the project's, holds its seal.
    if let Some(c) = table.columns.get_mut(PROJECT_CELLS) {
        *c = c.clone().min_height_mm(CLAIM_ROW_MM);
    }
    table.joined = joined;
    doc.push(Block::Table(table));
    doc.push(Block::Spacer(0.5));
    doc.push(Block::Paragraph {
        text: "说明：尚未认领的项目，认领单位请在对应栏内填写单位名称、联系人和电话，加盖公章并签字；多家单位共同认领的，请注明牵头单位。".into(),
        indent: false,
    });
    Ok(doc)
}
