//! 资源清单: what member units (or bodies not on the roster) can offer. A resource a project
//! uses is not deleted.

use rusqlite::types::Value;
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{project_links, text, Kind};
use crate::error::Result;
use crate::lists::fields::{required_name, unit_ok};
use crate::lists::numbering::settle;
use crate::lists::{ListKind, ResourceKind};
use crate::text::clean_text;

/// A resource (资源) as shown and printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Resource {
    pub id: i64,
    pub year: i32,
    pub number: i64,
    /// 资2026-001.
    pub code: String,
    /// The offering member unit; none when the body is not on the roster.
    pub unit_id: Option<i64>,
    /// The offering body's name (the unit's current name when on the roster).
    pub unit_name: String,
    pub kind: ResourceKind,
    pub name: String,
    pub content: String,
    /// 时间/频次: when or how often it is available.
    pub availability: String,
    /// 规模/容量, as written.
    pub capacity: String,
    pub contact: String,
    pub phone: String,
    pub notes: String,
    pub project_ids: Vec<i64>,
    pub import_batch_id: Option<i64>,
    pub source_row: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// What the user enters for a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ResourceInput {
    pub year: Option<i32>,
    pub number: Option<i64>,
    /// A member unit, or (none) a body named in `unit_name`.
    pub unit_id: Option<i64>,
    pub unit_name: String,
    pub kind: ResourceKind,
    pub name: String,
    pub content: String,
    pub availability: String,
    pub capacity: String,
    pub contact: String,
    pub phone: String,
    pub notes: String,
}

impl Default for ResourceInput {
    fn default() -> Self {
        ResourceInput {
            year: None,
            number: None,
            unit_id: None,
            unit_name: String::new(),
            kind: ResourceKind::Other,
            name: String::new(),
            content: String::new(),
            availability: String::new(),
            capacity: String::new(),
            contact: String::new(),
            phone: String::new(),
            notes: String::new(),
        }
    }
}

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
        read_by_name!(r, Self => Resource {
            unit_id,
            unit_name: offered_by(r)?,
            kind, name, content, availability, capacity, contact, phone, notes,
            project_ids: Vec::new(),
        })
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
        for s in [
            &mut v.availability,
            &mut v.capacity,
            &mut v.contact,
            &mut v.phone,
        ] {
            *s = clean_text(s);
        }
        v.content = v.content.trim().to_string();
        v.notes = v.notes.trim().to_string();
        Ok(v)
    }

    fn columns(v: &ResourceInput) -> Vec<(&'static str, Value)> {
        vec![
            ("year", v.year.into()),
            ("number", v.number.into()),
            ("unit_id", v.unit_id.into()),
            ("unit_name", text(&v.unit_name)),
            ("kind", text(v.kind.code())),
            ("name", text(&v.name)),
            ("content", text(&v.content)),
            ("availability", text(&v.availability)),
            ("capacity", text(&v.capacity)),
            ("contact", text(&v.contact)),
            ("phone", text(&v.phone)),
            ("notes", text(&v.notes)),
        ]
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
