//! 需求清单: what residents and communities need, raised by a community, a member unit or in
//! words (居民). A need's status is stored; it follows its projects forward only
//! (`need_link`), and a need that a project answers is not deleted (closed instead).

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{project_links, text, Kind};
use crate::db::fields::record_fields;
use crate::error::{Error, Result};
use crate::lists::categories::clean_category;
use crate::lists::fields::{
    clean_title, community_ok, date_col, day, meeting_ok, required_name, unit_ok, MAX_NAME,
};
use crate::lists::import::ListField;
use crate::lists::numbering::settle;
use crate::lists::{ListKind, NeedStatus};
use crate::text::{clean_text, trimmed};

/// A need's fields, declared once, in the order of the TypeScript types: the record and its
/// input (`crate::db::fields::record_fields!`, here), the needs' own header words of the
/// lists' import fields (`words`, `NeedInput::SYNONYMS`) and the needs' own import fields (a
/// `text` line that declares its field adds it to `ListField`, in `import/fields.rs`). A plain
/// text field is one `text` line (and a migration).
macro_rules! need_fields {
    ($then:ident { $($head:tt)* }) => {
        $then! {
            read(r), import(ListField);
            $($head)*
            record id: i64;
            record year: i32;
            /// Defaults to the meeting's year, else this year.
            input year: Option<i32>;
            record number: i64;
            /// The number within the year; the next free one when none.
            input number: Option<i64>;
            /// 需2026-001.
            record code: String =
                <NeedList as Kind>::LIST.record_code(r.get("year")?, r.get("number")?);
            both name: String;
            words Name ["需求名称", "需求", "需求项目", "名称", "需求事项"];
            record community_id: Option<i64>;
            /// Raised by a community, or a member unit, or (neither) `raised_by` text such as 居民.
            input community_id: Option<i64>;
            both unit_id: Option<i64>;
            /// Who raised it as shown: the community's or unit's name, else the text (居民).
            record raised_by: String = raised_by(r)?;
            input raised_by: String;
            words RaisedBy [
                "提出方", "提出单位", "需求提出方", "需求提出单位", "需求单位", "需求来源", "来源",
                "社区", "所在社区"
            ];
            both category: String;
            words Category ["需求类别", "需求类型"];
            text content => trimmed, Content ["需求内容", "需求描述"];
            /// 规模 (e.g. 30户, 每周2次), as written.
            text scale => clean_text, Scale ["规模", "服务对象", "受益人数", "涉及人数", "数量"];
            /// 期望完成时间 (a month typed as 2026年12月 is its last day).
            record wanted_by: Option<NaiveDate> = date_col(r, "wanted_by")?;
            input wanted_by: Option<NaiveDate>;
            words WantedBy ["期望完成时间", "期望时间", "完成时间", "完成时限", "时限"];
            text contact => clean_text, Contact;
            text phone => clean_text, Phone;
            record status: NeedStatus;
            /// 征集 when none.
            input status: Option<NeedStatus>;
            words Status ["状态", "需求状态"];
            both meeting_id: Option<i64>;
            text notes => trimmed, Notes;
            /// The projects that answer it.
            record project_ids: Vec<i64> = Vec::new();
            record import_batch_id: Option<i64>;
            record source_row: Option<i64>;
            record created_at: String;
            record updated_at: String;
        }
    };
}
pub(crate) use need_fields;

need_fields!(record_fields {
    /// A need (需求) as shown and printed.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
    pub struct Need;
    /// What the user enters for a need.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(default)]
    pub struct NeedInput;
});

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
        Need::read(r)
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
        v.clean_texts();
        v.status = Some(
            v.status
                .or(own.map(|n| n.status))
                .unwrap_or(NeedStatus::Collecting),
        );
        Ok(v)
    }

    fn columns(v: &NeedInput) -> Vec<(&'static str, Value)> {
        let mut columns = vec![
            ("year", v.year.into()),
            ("number", v.number.into()),
            ("name", text(&v.name)),
            ("community_id", v.community_id.into()),
            ("unit_id", v.unit_id.into()),
            ("raised_by", text(&v.raised_by)),
            ("category", text(&v.category)),
            ("wanted_by", day(v.wanted_by).into()),
            (
                "status",
                text(v.status.unwrap_or(NeedStatus::Collecting).code()),
            ),
            ("meeting_id", v.meeting_id.into()),
        ];
        columns.extend(v.text_columns());
        columns
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
