//! 需求清单: what residents and communities need, raised by a community, a member unit or in
//! words (居民). A need's status is stored; it follows its projects forward only
//! (`need_link`), and a need that a project answers is not deleted (closed instead).

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{project_links, text, Kind};
use crate::error::{Error, Result};
use crate::lists::categories::clean_category;
use crate::lists::fields::{
    clean_title, community_ok, date_col, day, meeting_ok, required_name, unit_ok, MAX_NAME,
};
use crate::lists::numbering::settle;
use crate::lists::{ListKind, NeedStatus};
use crate::text::clean_text;

/// A need (需求) as shown and printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Need {
    pub id: i64,
    pub year: i32,
    pub number: i64,
    /// 需2026-001.
    pub code: String,
    pub name: String,
    pub community_id: Option<i64>,
    pub unit_id: Option<i64>,
    /// Who raised it as shown: the community's or unit's name, else the text (居民).
    pub raised_by: String,
    pub category: String,
    pub content: String,
    /// 规模 (e.g. 30户, 每周2次), as written.
    pub scale: String,
    /// 期望完成时间 (a month typed as 2026年12月 is its last day).
    pub wanted_by: Option<NaiveDate>,
    pub contact: String,
    pub phone: String,
    pub status: NeedStatus,
    pub meeting_id: Option<i64>,
    pub notes: String,
    /// The projects that answer it.
    pub project_ids: Vec<i64>,
    pub import_batch_id: Option<i64>,
    pub source_row: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// What the user enters for a need.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct NeedInput {
    /// Defaults to the meeting's year, else this year.
    pub year: Option<i32>,
    /// The number within the year; the next free one when none.
    pub number: Option<i64>,
    pub name: String,
    /// Raised by a community, or a member unit, or (neither) `raised_by` text such as 居民.
    pub community_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub raised_by: String,
    pub category: String,
    pub content: String,
    pub scale: String,
    pub wanted_by: Option<NaiveDate>,
    pub contact: String,
    pub phone: String,
    /// 征集 when none.
    pub status: Option<NeedStatus>,
    pub meeting_id: Option<i64>,
    pub notes: String,
}

/// Which needs a list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct NeedFilter {
    pub year: Option<i32>,
    pub category: Option<String>,
    pub status: Option<NeedStatus>,
    /// Raised by this unit.
    pub unit_id: Option<i64>,
    pub community_id: Option<i64>,
    /// Part of the code, name, raiser, content or contact.
    pub text: String,
}

/// 需求清单, the kind.
pub(crate) struct NeedList;

impl Kind for NeedList {
    type Record = Need;
    type Input = NeedInput;
    type Filter = NeedFilter;

    const LIST: ListKind = ListKind::Needs;
    const TABLE: &'static str = "needs";
    const WHAT: &'static str = "需求";
    const NUMBERED: &'static str = "需求";
    const SELECT: &'static str = "SELECT n.*, c.name AS community_name, u.name AS unit_name
        FROM needs n LEFT JOIN communities c ON c.id = n.community_id
        LEFT JOIN units u ON u.id = n.unit_id";
    const ALIAS: &'static str = "n";
    const CONDITIONS: &'static str = "(:year IS NULL OR n.year = :year)
        AND (:status IS NULL OR n.status = :status)
        AND (:unit IS NULL OR n.unit_id = :unit)
        AND (:community IS NULL OR n.community_id = :community)";

    fn from_row(r: &Row<'_>) -> rusqlite::Result<Need> {
        read_by_name!(r, Self => Need {
            name, community_id, unit_id,
            raised_by: raised_by(r)?,
            category, content, scale,
            wanted_by: date_col(r, "wanted_by")?,
            contact, phone, status, meeting_id, notes,
            project_ids: Vec::new(),
        })
    }

    fn complete(conn: &Connection, mut list: Vec<Need>, only: Option<i64>) -> Result<Vec<Need>> {
        let links = project_links(conn, "project_needs", "need_id", only)?;
        for n in &mut list {
            n.project_ids = links.get(&n.id).cloned().unwrap_or_default();
        }
        Ok(list)
    }

    fn parameters(f: &NeedFilter) -> Vec<(&'static str, Value)> {
        vec![
            (":year", f.year.into()),
            (":status", f.status.map(|s| text(s.code())).into()),
            (":unit", f.unit_id.into()),
            (":community", f.community_id.into()),
        ]
    }

    fn keeps(f: &NeedFilter, n: &Need) -> bool {
        f.category
            .as_deref()
            .is_none_or(|c| clean_title(c) == n.category)
    }

    fn text(f: &NeedFilter) -> &str {
        &f.text
    }

    fn searched(n: &Need) -> Vec<&str> {
        vec![&n.code, &n.name, &n.raised_by, &n.content, &n.contact]
    }

    fn validate(conn: &Connection, input: &NeedInput, own: Option<&Need>) -> Result<NeedInput> {
        let mut v = input.clone();
        v.name = required_name("name", "需求名称", &v.name)?;
        if v.community_id.is_some() && v.unit_id.is_some() {
            return Err(Error::invalid(
                "raised_by",
                "提出方只能是一个社区或一个成员单位，请选择其一。",
            ));
        }
        community_ok(conn, v.community_id)?;
        if let Some(u) = v.unit_id {
            unit_ok(conn, u)?;
        }
        v.raised_by = if v.community_id.is_some() || v.unit_id.is_some() {
            String::new()
        } else {
            clean_title(&v.raised_by)
        };
        if v.raised_by.chars().count() > MAX_NAME {
            return Err(Error::invalid("raised_by", "提出方名称过长。"));
        }
        meeting_ok(conn, v.meeting_id)?;
        settle::<Self>(conn, &mut v.year, &mut v.number, own, v.meeting_id)?;
        v.category = clean_category(&v.category)?;
        for s in [&mut v.scale, &mut v.contact, &mut v.phone] {
            *s = clean_text(s);
        }
        v.content = v.content.trim().to_string();
        v.notes = v.notes.trim().to_string();
        v.status = Some(
            v.status
                .or(own.map(|n| n.status))
                .unwrap_or(NeedStatus::Collecting),
        );
        Ok(v)
    }

    fn columns(v: &NeedInput) -> Vec<(&'static str, Value)> {
        vec![
            ("year", v.year.into()),
            ("number", v.number.into()),
            ("name", text(&v.name)),
            ("community_id", v.community_id.into()),
            ("unit_id", v.unit_id.into()),
            ("raised_by", text(&v.raised_by)),
            ("category", text(&v.category)),
            ("content", text(&v.content)),
            ("scale", text(&v.scale)),
            ("wanted_by", day(v.wanted_by).into()),
            ("contact", text(&v.contact)),
            ("phone", text(&v.phone)),
            (
                "status",
                text(v.status.unwrap_or(NeedStatus::Collecting).code()),
            ),
            ("meeting_id", v.meeting_id.into()),
            ("notes", text(&v.notes)),
        ]
    }

    fn delete_blocker(n: &Need) -> Option<String> {
        (!n.project_ids.is_empty()).then(|| {
            format!(
                "需求“{}”（{}）已关联共建项目，不能删除；可将其状态改为“已关闭”。",
                n.name, n.code
            )
        })
    }
}

/// Who raised a need as shown: the community's or unit's name, else the text (居民).
fn raised_by(r: &Row<'_>) -> rusqlite::Result<String> {
    let community: Option<String> = r.get("community_name")?;
    let unit: Option<String> = r.get("unit_name")?;
    let text: String = r.get("raised_by")?;
    Ok(community.or(unit).unwrap_or(text))
}

kind_functions! {
    NeedList => Need, NeedInput, NeedFilter {
        /// The needs `filter` selects, by year and number.
        list: list_needs,
        /// One need.
        get: get_need,
        /// Records a need.
        add: add_need,
        /// Edits a need (its number stays unless another is asked for).
        update: update_need,
        /// Deletes a need no project answers.
        delete: delete_need,
        validate: validate_need,
        insert: insert_need,
    }
}
