//! A need (需求清单) from a row: who raised it (a community, a unit or the text as written),
//! its status (its header words are its declaration's, `kinds::need`).
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{category_note, date, joined_notes, row_error, Ctx, Given, ListField, Row};
use crate::error::Result;
use crate::import::Severity;
use crate::lists::store::validate_need;
use crate::lists::{NeedInput, NeedStatus};
use crate::text::{clean_name, name_key};

/// A need as read from a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedNeed {
    pub source_row: u32,
    #[serde(flatten)]
    pub input: NeedInput,
    /// Who raised it as it will show (the community's or unit's name, else the text).
    pub raised_by_name: String,
}

/// Plans the need of one row into `out` (an invalid row is an error problem instead).
pub(super) fn plan_row(
    at: &Given<'_>,
    row: &Row<'_>,
    ctx: &mut Ctx,
    out: &mut Vec<ImportedNeed>,
) -> Result<()> {
    let (conn, year, options, roster) = (at.conn, at.year, at.options, at.roster);
    let mut notes = Vec::new();
    let wanted_by = date(row, ListField::WantedBy, "期望完成时间", ctx, &mut notes);
    let raised = clean_name(&row.text(ListField::RaisedBy));
    let (community_id, unit_id, raised_by, shown) = match roster.communities.get(&name_key(&raised))
    {
        Some((id, name)) => (Some(*id), None, String::new(), name.clone()),
        None => match roster.unit(&raised) {
            Some((id, name)) => (None, Some(*id), String::new(), name.clone()),
            None => {
                let text = crate::lists::store::clean_title(&row.text(ListField::RaisedBy));
                (None, None, text.clone(), text)
            }
        },
    };
    let status_text = row.text(ListField::Status);
    let status = match status_text.as_str() {
        "" => None,
        s => match NeedStatus::from_label(s) {
            Some(s) => Some(s),
            None => {
                ctx.add(
                    Some(row.excel),
                    Some(ListField::Status),
                    Severity::Warning,
                    format!(
                        "状态“{s}”无法识别（应为 征集、已发布、已认领、实施中、已完成 或 已关闭），已按“征集”导入。"
                    ),
                );
                None
            }
        },
    };
    let mut input = NeedInput {
        year: Some(year),
        number: None,
        name: row.text(ListField::Name),
        community_id,
        unit_id,
        raised_by,
        category: row.text(ListField::Category),
        wanted_by,
        status,
        meeting_id: options.meeting_id,
        ..NeedInput::default()
    };
    input.import_texts(|f| row.text(f));
    input.notes = joined_notes(row, notes);
    category_note(conn, &input.category, row.excel, ctx)?;
    match validate_need(conn, &input, None) {
        Ok(_) => out.push(ImportedNeed {
            source_row: row.excel,
            input,
            raised_by_name: shown,
        }),
        Err(e) => row_error(ctx, row.excel, ListField::Name, &e),
    }
    Ok(())
}
