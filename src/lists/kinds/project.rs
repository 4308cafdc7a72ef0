//! 项目清单: the year's 共建项目, put to the units at a meeting and claimed (认领) by them. A
//! project's status is derived from its claims, progress notes and result, never stored; it
//! links the needs it answers and the resources it uses, and is deleted only while nothing
//! depends on it. Claims, progress and results are written by `claims` and `results`.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::need::get_need;
use super::resource::get_resource;
use super::{text, Kind};
use crate::db::fields::record_fields;
use crate::error::{Error, Result};
use crate::lists::categories::clean_category;
use crate::lists::claims::claims_of;
use crate::lists::fields::{
    clean_title, community_ok, date_col, day, grouped, meeting_ok, required_name,
};
use crate::lists::import::ListField;
use crate::lists::need_link::{advance_needs, need_status_for};
use crate::lists::numbering::settle;
use crate::lists::results::{attachments_of, notes_of};
use crate::lists::{Attachment, Claim, ListKind, ProgressNote, ProjectStatus};
use crate::text::{clean_name, trimmed};

/// A project's fields, declared once, in the order of the TypeScript types: the record and
/// its input (`crate::db::fields::record_fields!`, here; claims, progress and the result are
/// written apart) and the projects' own header words of the lists' import fields (`words`,
/// `ProjectInput::SYNONYMS`). A plain text field is one `text` line (and a migration).
macro_rules! project_fields {
    ($then:ident { $($head:tt)* }) => {
        $then! {
            read(r), import(ListField);
            $($head)*
            record id: i64;
            record year: i32;
            input year: Option<i32>;
            record number: i64;
            input number: Option<i64>;
            /// 项2026-001.
            record code: String =
                <ProjectList as Kind>::LIST.record_code(r.get("year")?, r.get("number")?);
            both name: String;
            words Name ["项目名称", "项目", "共建项目", "名称"];
            both category: String;
            words Category ["项目类别", "项目类型"];
            text content => trimmed, Content ["项目内容", "实施内容"];
            both meeting_id: Option<i64>;
            record meeting_title: Option<String>;
            both community_id: Option<i64>;
            // The claims' columns (an import writes its claims through `claims`).
            words Claimants ["认领单位", "认领方", "承接单位", "实施单位", "责任单位", "共建单位"];
            words Lead ["牵头单位"];
            words Commitment ["认领内容", "承诺事项", "认领承诺", "承诺"];
            words ClaimedOn ["认领时间", "认领日期"];
            /// 完成时限.
            record deadline: Option<NaiveDate> = date_col(r, "deadline")?;
            input deadline: Option<NaiveDate>;
            words Deadline ["完成时限", "时限", "完成时间", "计划完成时间", "截止时间"];
            record need_ids: Vec<i64> = Vec::new();
            input need_ids: Vec<i64>;
            record resource_ids: Vec<i64> = Vec::new();
            input resource_ids: Vec<i64>;
            /// The lead first, then in the order claimed.
            record claims: Vec<Claim> = Vec::new();
            /// Oldest first.
            record progress: Vec<ProgressNote> = Vec::new();
            /// 完成情况: when and what.
            record result_on: Option<NaiveDate> = date_col(r, "result_on")?;
            record result: String;
            record attachments: Vec<Attachment> = Vec::new();
            record status: ProjectStatus = ProjectStatus::Unclaimed;
            /// Past its 完成时限 and not done.
            record overdue: bool = false;
            /// The claimants as one line: 甲单位（牵头）、乙单位.
            record claimants: String = String::new();
            text notes => trimmed, Notes;
            record import_batch_id: Option<i64>;
            record source_row: Option<i64>;
            record created_at: String;
            record updated_at: String;
        }
    };
}

project_fields!(record_fields {
    /// A project (共建项目) as shown and printed.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
    pub struct Project;
    /// What the user enters for a project (claims, progress and the result are separate).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(default)]
    pub struct ProjectInput;
});

impl Project {
    /// The lead claim, if any.
    pub fn lead(&self) -> Option<&Claim> {
        self.claims.iter().find(|c| c.lead)
    }
}

/// Which projects a list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ProjectFilter {
    pub year: Option<i32>,
    pub category: Option<String>,
    pub status: Option<ProjectStatus>,
    /// Claimed by this unit.
    pub unit_id: Option<i64>,
    pub meeting_id: Option<i64>,
    /// Only those past their 完成时限 and not done.
    pub overdue: bool,
    /// Part of the code, name, content, category or a claimant's name.
    pub text: String,
}

/// The status a project's facts give.
pub fn derive_status(claims: usize, progress: usize, done: bool) -> ProjectStatus {
    if done {
        ProjectStatus::Done
    } else if progress > 0 {
        ProjectStatus::Underway
    } else if claims > 0 {
        ProjectStatus::Claimed
    } else {
        ProjectStatus::Unclaimed
    }
}

/// Past its 完成时限 on `day` and not done: the one overdue rule. The screens judge by today,
/// the 完成情况通报 by its 截至 day. A project due on `day` itself is still in time.
pub fn overdue_on(status: ProjectStatus, deadline: Option<NaiveDate>, day: NaiveDate) -> bool {
    status != ProjectStatus::Done && deadline.is_some_and(|d| d < day)
}

/// 项目清单, the kind.
pub(crate) struct ProjectList;

impl Kind for ProjectList {
    type Record = Project;
    type Input = ProjectInput;
    type Filter = ProjectFilter;

    const LIST: ListKind = ListKind::Projects;
    const TABLE: &'static str = "projects";
    const WHAT: &'static str = "共建项目";
    const NUMBERED: &'static str = "项目";
    const SELECT: &'static str = "SELECT p.*, m.title AS meeting_title
        FROM projects p LEFT JOIN meetings m ON m.id = p.meeting_id";
    const ALIAS: &'static str = "p";
    const CONDITIONS: &'static str = "(:year IS NULL OR p.year = :year)
        AND (:meeting IS NULL OR p.meeting_id = :meeting)
        AND (:unit IS NULL OR EXISTS
            (SELECT 1 FROM claims c WHERE c.project_id = p.id AND c.unit_id = :unit))";
    const DELETE_FIRST: &'static [&'static str] = &[
        "DELETE FROM project_needs WHERE project_id = ?1",
        "DELETE FROM project_resources WHERE project_id = ?1",
    ];

    fn from_row(r: &Row<'_>) -> rusqlite::Result<Project> {
        Project::read(r)
    }

    /// Fills claims, links, notes, attachments, status and overdue.
    fn complete(
        conn: &Connection,
        mut list: Vec<Project>,
        only: Option<i64>,
    ) -> Result<Vec<Project>> {
        let scope = |sql: &str| match only {
            Some(id) => format!("{sql} WHERE project_id = {id}"),
            None => sql.to_string(),
        };
        let mut claims = claims_of(conn, only)?;
        let mut notes = notes_of(conn, only)?;
        let mut files = attachments_of(conn, only)?;
        let needs = grouped(
            conn,
            &format!(
                "{} ORDER BY need_id",
                scope("SELECT project_id, need_id FROM project_needs")
            ),
        )?;
        let resources = grouped(
            conn,
            &format!(
                "{} ORDER BY resource_id",
                scope("SELECT project_id, resource_id FROM project_resources")
            ),
        )?;
        let today = crate::date::today();
        for p in &mut list {
            p.claims = claims.remove(&p.id).unwrap_or_default();
            p.progress = notes.remove(&p.id).unwrap_or_default();
            p.attachments = files.remove(&p.id).unwrap_or_default();
            p.need_ids = needs.get(&p.id).cloned().unwrap_or_default();
            p.resource_ids = resources.get(&p.id).cloned().unwrap_or_default();
            p.status = derive_status(p.claims.len(), p.progress.len(), p.result_on.is_some());
            p.overdue = overdue_on(p.status, p.deadline, today);
            p.claimants = claimants(&p.claims);
        }
        Ok(list)
    }

    fn parameters(f: &ProjectFilter) -> Vec<(&'static str, Value)> {
        vec![
            (":year", f.year.into()),
            (":meeting", f.meeting_id.into()),
            (":unit", f.unit_id.into()),
        ]
    }

    fn keeps(f: &ProjectFilter, p: &Project) -> bool {
        f.category
            .as_deref()
            .is_none_or(|c| clean_title(c) == p.category)
            && f.status.is_none_or(|s| s == p.status)
            && (!f.overdue || p.overdue)
    }

    fn text(f: &ProjectFilter) -> &str {
        &f.text
    }

    fn searched(p: &Project) -> Vec<&str> {
        vec![&p.code, &p.name, &p.content, &p.category, &p.claimants]
    }

    fn validate(
        conn: &Connection,
        input: &ProjectInput,
        own: Option<&Project>,
    ) -> Result<ProjectInput> {
        let mut v = input.clone();
        v.name = required_name("name", "项目名称", &v.name)?;
        v.category = clean_category(&v.category)?;
        meeting_ok(conn, v.meeting_id)?;
        community_ok(conn, v.community_id)?;
        settle::<Self>(conn, &mut v.year, &mut v.number, own, v.meeting_id)?;
        v.clean_texts();
        v.need_ids.sort_unstable();
        v.need_ids.dedup();
        v.resource_ids.sort_unstable();
        v.resource_ids.dedup();
        for id in &v.need_ids {
            get_need(conn, *id)?;
        }
        for id in &v.resource_ids {
            get_resource(conn, *id)?;
        }
        Ok(v)
    }

    fn columns(v: &ProjectInput) -> Vec<(&'static str, Value)> {
        let mut columns = vec![
            ("year", v.year.into()),
            ("number", v.number.into()),
            ("name", text(&v.name)),
            ("category", text(&v.category)),
            ("meeting_id", v.meeting_id.into()),
            ("community_id", v.community_id.into()),
            ("deadline", day(v.deadline).into()),
        ];
        columns.extend(v.text_columns());
        columns
    }

    fn inserted(conn: &Connection, id: i64, v: &ProjectInput) -> Result<()> {
        write_links(conn, id, v)
    }

    fn updated(conn: &Connection, id: i64, v: &ProjectInput) -> Result<()> {
        write_links(conn, id, v)?;
        // Needs newly linked to a claimed or finished project follow it.
        let p = get_project(conn, id)?;
        if let Some(to) = need_status_for(p.status) {
            advance_needs(conn, id, to)?;
        }
        Ok(())
    }

    fn delete_blocker(p: &Project) -> Option<String> {
        let depended_on = !p.claims.is_empty()
            || !p.progress.is_empty()
            || p.result_on.is_some()
            || !p.attachments.is_empty();
        depended_on.then(|| {
            format!(
                "项目“{}”（{}）已有认领、进展或完成情况，不能删除。",
                p.name, p.code
            )
        })
    }
}

kind_functions! {
    ProjectList => Project, ProjectInput, ProjectFilter {
        /// The projects `filter` selects, by year and number.
        list: list_projects,
        /// One project with its claims, links, progress and result.
        get: get_project,
        /// Records a project.
        add: add_project,
        /// Edits a project (its claims, progress and result are kept).
        update: update_project,
        /// Deletes a project that nothing depends on yet (no claims, progress notes or result).
        delete: delete_project,
        validate: validate_project,
        insert: insert_project,
    }
}

/// The claimants as one line: 甲单位（牵头）、乙单位 (the lead marked when there are several).
fn claimants(claims: &[Claim]) -> String {
    claims
        .iter()
        .map(|c| {
            if c.lead && claims.len() > 1 {
                format!("{}（牵头）", c.unit_name)
            } else {
                c.unit_name.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// A project's links to the needs it answers and the resources it uses, as the input says.
fn write_links(conn: &Connection, id: i64, v: &ProjectInput) -> Result<()> {
    conn.execute("DELETE FROM project_needs WHERE project_id = ?1", [id])?;
    conn.execute("DELETE FROM project_resources WHERE project_id = ?1", [id])?;
    for n in &v.need_ids {
        conn.execute(
            "INSERT INTO project_needs (project_id, need_id) VALUES (?1, ?2)",
            params![id, n],
        )?;
    }
    for r in &v.resource_ids {
        conn.execute(
            "INSERT INTO project_resources (project_id, resource_id) VALUES (?1, ?2)",
            params![id, r],
        )?;
    }
    Ok(())
}

/// The project a user names by its id (12) or its code (项2026-001, 2026-001).
pub fn project_by_ref(conn: &Connection, reference: &str) -> Result<Project> {
    let t = clean_name(reference);
    if let Ok(id) = t.parse::<i64>() {
        return get_project(conn, id);
    }
    let bare = t
        .strip_prefix(ProjectList::LIST.code_prefix())
        .unwrap_or(&t);
    let parsed = bare
        .split_once('-')
        .and_then(|(y, n)| Some((y.parse::<i32>().ok()?, n.parse::<i64>().ok()?)));
    let Some((year, number)) = parsed else {
        return Err(Error::invalid(
            "project",
            format!("“{t}”不是项目编号（如 12 或 项2026-001）。"),
        ));
    };
    let id: Option<i64> = conn
        .query_row(
            "SELECT id FROM projects WHERE year = ?1 AND number = ?2",
            params![year, number],
            |r| r.get(0),
        )
        .optional()?;
    match id {
        Some(id) => get_project(conn, id),
        None => Err(Error::NotFound {
            what: ProjectList::WHAT,
            id: t,
        }),
    }
}
