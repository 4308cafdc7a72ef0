//! The link from a need to the projects that answer it: a project made from a need, and a
//! need's status following its projects forward (never back, never over 已关闭).

use rusqlite::{params, Connection};

use super::{add_project, get_need, get_project, NeedStatus, Project, ProjectInput, ProjectStatus};
use crate::db::{atomically, now};
use crate::error::{Error, Result};

/// Moves the needs linked to `project` forward to `to` (never back, never over 已关闭).
pub(super) fn advance_needs(conn: &Connection, project: i64, to: NeedStatus) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT n.id, n.status FROM needs n JOIN project_needs pn ON pn.need_id = n.id
         WHERE pn.project_id = ?1",
    )?;
    let rows = stmt.query_map([project], |r| {
        Ok((r.get::<_, i64>("id")?, r.get::<_, NeedStatus>("status")?))
    })?;
    let found = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, status) in found {
        let from = status;
        let next = from.advanced_to(to);
        if next != from {
            conn.execute(
                "UPDATE needs SET status = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, next.code(), now()],
            )?;
        }
    }
    Ok(())
}

/// The status a need moves to when its project reaches `s`.
pub(super) fn need_status_for(s: ProjectStatus) -> Option<NeedStatus> {
    match s {
        ProjectStatus::Unclaimed => None,
        ProjectStatus::Claimed => Some(NeedStatus::Claimed),
        ProjectStatus::Underway => Some(NeedStatus::Underway),
        ProjectStatus::Done => Some(NeedStatus::Done),
    }
}

/// Makes a project from a need: its name, category, content, year and wanted-by date as the
/// project's 完成时限, linked to the need (which moves forward to 已发布); the project belongs
/// to the need's meeting.
pub fn project_from_need(conn: &Connection, need_id: i64) -> Result<Project> {
    project_from_need_at(conn, need_id, None)
}

/// [`project_from_need`], the project belonging to meeting `meeting_id` (where it is put to
/// the units) when one is given, else to the need's meeting.
pub fn project_from_need_at(
    conn: &Connection,
    need_id: i64,
    meeting_id: Option<i64>,
) -> Result<Project> {
    atomically(conn, || {
        let n = get_need(conn, need_id)?;
        if n.status == NeedStatus::Closed {
            return Err(Error::Conflict(format!(
                "需求“{}”（{}）已关闭，不能再据此创建项目。",
                n.name, n.code
            )));
        }
        let p = add_project(
            conn,
            &ProjectInput {
                year: Some(n.year),
                name: n.name.clone(),
                category: n.category.clone(),
                content: n.content.clone(),
                meeting_id: meeting_id.or(n.meeting_id),
                community_id: n.community_id,
                deadline: n.wanted_by,
                need_ids: vec![n.id],
                ..ProjectInput::default()
            },
        )?;
        advance_needs(conn, p.id, NeedStatus::Published)?;
        get_project(conn, p.id)
    })
}
