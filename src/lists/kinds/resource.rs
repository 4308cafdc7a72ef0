//! 资源清单: what member units (or bodies not on the roster) can offer. A resource a project
//! uses is not deleted.

use rusqlite::types::Value;
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{project_links, text, Kind};
use crate::db::fields::record_fields;
use crate::error::Result;
use crate::lists::fields::{required_name, unit_ok};
use crate::lists::import::ListField;
use crate::lists::numbering::settle;
use crate::lists::{ListKind, ResourceKind};
use crate::text::{clean_text, trimmed};

/// A resource's fields, declared once, in the order of the TypeScript types: the record and
/// its input (`crate::db::fields::record_fields!`, here) and the resources' own header words
/// of the lists' import fields (`words`, `ResourceInput::SYNONYMS`). A plain text field is one
/// `text` line (and a migration).
macro_rules! resource_fields {
    ($then:ident { $($head:tt)* }) => {
        $then! {
            read(r), import(ListField);
            $($head)*
            record id: i64;
            record year: i32;
            input year: Option<i32>;
            record number: i64;
            input number: Option<i64>;
            /// 资2026-001.
            record code: String =
                <ResourceList as Kind>::LIST.record_code(r.get("year")?, r.get("number")?);
            /// The offering member unit; none when the body is not on the roster.
            record unit_id: Option<i64>;
            /// A member unit, or (none) a body named in `unit_name`.
            input unit_id: Option<i64>;
            /// The offering body's name (the unit's current name when on the roster).
            record unit_name: String = offered_by(r)?;
            input unit_name: String;
            words Unit ["提供单位", "资源提供单位", "提供方", "单位", "单位名称", "成员单位"];
            record kind: ResourceKind;
            input kind: ResourceKind = ResourceKind::Other;
            words Kind ["资源类型", "资源类别", "类型", "类别"];
            both name: String;
            words Name ["资源名称", "资源", "名称", "资源项目"];
            text content => trimmed, Content ["资源内容", "资源描述"];
            /// 时间/频次: when or how often it is available.
            text availability => clean_text, Availability [
                "时间/频次", "提供时间", "可提供时间", "时间", "频次", "服务时间", "开放时间"
            ];
            /// 规模/容量, as written.
            text capacity => clean_text, Scale ["规模", "容量", "数量", "可容纳人数"];
            text contact => clean_text, Contact;
            text phone => clean_text, Phone;
            text notes => trimmed, Notes;
            record project_ids: Vec<i64> = Vec::new();
            record import_batch_id: Option<i64>;
            record source_row: Option<i64>;
            record created_at: String;
            record updated_at: String;
        }
    };
}

resource_fields!(record_fields {
    /// A resource (资源) as shown and printed.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
    pub struct Resource;
    /// What the user enters for a resource.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(default)]
    pub struct ResourceInput;
});

/// Which resources a list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ResourceFilter {
    pub year: Option<i32>,
    pub kind: Option<ResourceKind>,
    /// Offered by this unit.
    pub unit_id: Option<i64>,
    pub text: String,
}

/// 资源清单, the kind.
pub(crate) struct ResourceList;

impl Kind for ResourceList {
    type Record = Resource;
    type Input = ResourceInput;
    type Filter = ResourceFilter;

    const LIST: ListKind = ListKind::Resources;
    const TABLE: &'static str = "resources";
    const WHAT: &'static str = "资源";
    const NUMBERED: &'static str = "资源";
    const SELECT: &'static str = "SELECT r.*, u.name AS roster_name
        FROM resources r LEFT JOIN units u ON u.id = r.unit_id";
    const ALIAS: &'static str = "r";
    const CONDITIONS: &'static str = "(:year IS NULL OR r.year = :year)
        AND (:kind IS NULL OR r.kind = :kind)
        AND (:unit IS NULL OR r.unit_id = :unit)";

    fn from_row(r: &Row<'_>) -> rusqlite::Result<Resource> {
        Resource::read(r)
    }

    fn complete(
        conn: &Connection,
        mut list: Vec<Resource>,
        only: Option<i64>,
    ) -> Result<Vec<Resource>> {
        let links = project_links(conn, "project_resources", "resource_id", only)?;
        for r in &mut list {
            r.project_ids = links.get(&r.id).cloned().unwrap_or_default();
        }
        Ok(list)
    }

    fn parameters(f: &ResourceFilter) -> Vec<(&'static str, Value)> {
        vec![
            (":year", f.year.into()),
            (":kind", f.kind.map(|k| text(k.code())).into()),
            (":unit", f.unit_id.into()),
        ]
    }

    fn text(f: &ResourceFilter) -> &str {
        &f.text
    }

    fn searched(r: &Resource) -> Vec<&str> {
        vec![&r.code, &r.name, &r.unit_name, &r.content, &r.contact]
    }

    fn validate(
        conn: &Connection,
        input: &ResourceInput,
        own: Option<&Resource>,
    ) -> Result<ResourceInput> {
        let mut v = input.clone();
        v.name = required_name("name", "资源名称", &v.name)?;
        match v.unit_id {
            Some(u) => {
                unit_ok(conn, u)?;
                v.unit_name = String::new();
            }
            None => {
                v.unit_name = required_name("unit", "提供资源的单位", &v.unit_name)?;
            }
        }
        settle::<Self>(conn, &mut v.year, &mut v.number, own, None)?;
        v.clean_texts();
        Ok(v)
    }

    fn columns(v: &ResourceInput) -> Vec<(&'static str, Value)> {
        let mut columns = vec![
            ("year", v.year.into()),
            ("number", v.number.into()),
            ("unit_id", v.unit_id.into()),
            ("unit_name", text(&v.unit_name)),
            ("kind", text(v.kind.code())),
            ("name", text(&v.name)),
        ];
        columns.extend(v.text_columns());
        columns
    }

    fn delete_blocker(r: &Resource) -> Option<String> {
        (!r.project_ids.is_empty())
            .then(|| format!("资源“{}”（{}）已关联共建项目，不能删除。", r.name, r.code))
    }
}

/// The offering body's name as shown: the unit's current name when on the roster, else the
/// name as written.
fn offered_by(r: &Row<'_>) -> rusqlite::Result<String> {
    let roster: Option<String> = r.get("roster_name")?;
    let written: String = r.get("unit_name")?;
    Ok(roster.unwrap_or(written))
}

kind_functions! {
    ResourceList => Resource, ResourceInput, ResourceFilter {
        /// The resources `filter` selects, by year and number.
        list: list_resources,
        /// One resource.
        get: get_resource,
        /// Records a resource.
        add: add_resource,
        /// Edits a resource.
        update: update_resource,
        /// Deletes a resource no project uses.
        delete: delete_resource,
        validate: validate_resource,
        insert: insert_resource,
    }
}
