//! A resource (资源清单) from a row: the offering unit (on the roster or by name), its type
//! (its header words are its declaration's, `kinds::resource`).
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{joined_notes, row_error, Ctx, Given, ListField, Row};
use crate::error::Result;
use crate::import::Severity;
use crate::lists::store::validate_resource;
use crate::lists::{ResourceInput, ResourceKind};
use crate::text::clean_name;

/// A resource as read from a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedResource {
    pub source_row: u32,
    #[serde(flatten)]
    pub input: ResourceInput,
    /// The offering body as written.
    pub unit_as_written: String,
}

fn resource_kind(text: &str) -> Option<ResourceKind> {
    let t = clean_name(text);
    ResourceKind::from_label(&t).or(match t.as_str() {
        "阵地" | "活动场地" | "场所" => Some(ResourceKind::Venue),
        "志愿服务" | "人力" | "志愿者队伍" => Some(ResourceKind::Volunteers),
        "资金支持" | "经费" => Some(ResourceKind::Funds),
        "物品" | "实物" => Some(ResourceKind::Goods),
        "专业" | "技术服务" | "服务" => Some(ResourceKind::Services),
        "教育阵地" | "实践基地" => Some(ResourceKind::EducationBase),
        _ => None,
    })
}

/// Plans the resource of one row into `out` (an invalid row is an error problem instead).
pub(super) fn plan_row(
    at: &Given<'_>,
    row: &Row<'_>,
    ctx: &mut Ctx,
    out: &mut Vec<ImportedResource>,
) -> Result<()> {
    let (conn, year, roster) = (at.conn, at.year, at.roster);
    let written = clean_name(&row.text(ListField::Unit));
    let (unit_id, unit_name) = match roster.unit(&written) {
        Some((id, _)) => (Some(*id), String::new()),
        None => {
            if !written.is_empty() {
                ctx.add(
                    Some(row.excel),
                    Some(ListField::Unit),
                    Severity::Info,
                    format!("“{written}”不在成员单位名册中，按名称记录。"),
                );
            }
            (None, written.clone())
        }
    };
    let kind_text = row.text(ListField::Kind);
    let kind = match kind_text.as_str() {
        "" => ResourceKind::Other,
        k => resource_kind(k).unwrap_or_else(|| {
            ctx.add(
                Some(row.excel),
                Some(ListField::Kind),
                Severity::Warning,
                format!(
                    "资源类型“{k}”无法识别（应为 场地、志愿者、资金、物资、专业服务、教育基地 或 其他），已按“其他”导入。"
                ),
            );
            ResourceKind::Other
        }),
    };
    let mut input = ResourceInput {
        year: Some(year),
        unit_id,
        unit_name,
        kind,
        name: row.text(ListField::Name),
        ..ResourceInput::default()
    };
    input.import_texts(|f| row.text(f));
    input.notes = joined_notes(row, Vec::new());
    match validate_resource(conn, &input, None) {
        Ok(_) => out.push(ImportedResource {
            source_row: row.excel,
            input,
            unit_as_written: written,
        }),
        Err(e) => row_error(ctx, row.excel, ListField::Unit, &e),
    }
    Ok(())
}
