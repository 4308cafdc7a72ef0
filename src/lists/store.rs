//! Needs, resources and projects as stored: one insert and one update per record, rows read
//! by column name. Bad input is refused before anything is written.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{named_params, params, Connection, OptionalExtension, Row};

use super::categories::clean_category;
use super::claims::claim_from_row;
pub(crate) use super::claims::insert_claim;
pub(crate) use super::fields::clean_title;
use super::fields::{
    community_ok, date_col, day, grouped, meeting_ok, required_name, text_matches,
};
pub(crate) use super::kinds::need::{get_need, insert_need, validate_need};
pub(crate) use super::kinds::resource::{get_resource, insert_resource, validate_resource};
use super::need_link::{advance_needs, need_status_for};
use super::numbering::{number_for, year_of};
use super::{
    Attachment, Claim, ListKind, ProgressNote, Project, ProjectFilter, ProjectInput, ProjectStatus,
};
use crate::db::{atomically, now};
use crate::error::{Error, Result};
use crate::text::{clean_name, name_key};

// ---------------------------------------------------------------------------------------------
// Projects

const PROJECT_SELECT: &str = "SELECT p.*, m.title AS meeting_title
    FROM projects p LEFT JOIN meetings m ON m.id = p.meeting_id";

fn project_from_row(r: &Row<'_>) -> rusqlite::Result<Project> {
    let year: i32 = r.get("year")?;
    let number: i64 = r.get("number")?;
    Ok(Project {
        id: r.get("id")?,
        year,
        number,
        code: ListKind::Projects.record_code(year, number),
        name: r.get("name")?,
        category: r.get("category")?,
        content: r.get("content")?,
        meeting_id: r.get("meeting_id")?,
        meeting_title: r.get("meeting_title")?,
        community_id: r.get("community_id")?,
        deadline: date_col(r, "deadline")?,
        need_ids: Vec::new(),
        resource_ids: Vec::new(),
        claims: Vec::new(),
        progress: Vec::new(),
        result_on: date_col(r, "result_on")?,
        result: r.get("result")?,
        attachments: Vec::new(),
        status: ProjectStatus::Unclaimed,
        overdue: false,
        claimants: String::new(),
        notes: r.get("notes")?,
        import_batch_id: r.get("import_batch_id")?,
        source_row: r.get("source_row")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
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

/// Fills claims, links, notes, attachments, status and overdue (`only`: one project's id).
fn complete(conn: &Connection, mut list: Vec<Project>, only: Option<i64>) -> Result<Vec<Project>> {
    let scope = |sql: &str| match only {
        Some(id) => format!("{sql} WHERE project_id = {id}"),
        None => sql.to_string(),
    };
    let mut claims: HashMap<i64, Vec<Claim>> = HashMap::new();
    {
        let sql = match only {
            Some(id) => format!(
                "SELECT c.*, u.status AS unit_status FROM claims c
                 LEFT JOIN units u ON u.id = c.unit_id WHERE c.project_id = {id}
                 ORDER BY c.lead DESC, c.claimed_on, c.id"
            ),
            None => "SELECT c.*, u.status AS unit_status FROM claims c
                 LEFT JOIN units u ON u.id = c.unit_id ORDER BY c.lead DESC, c.claimed_on, c.id"
                .to_string(),
        };
        let mut stmt = conn.prepare(&sql)?;
        for c in stmt.query_map([], claim_from_row)? {
            let c = c?;
            claims.entry(c.project_id).or_default().push(c);
        }
    }
    let mut notes: HashMap<i64, Vec<ProgressNote>> = HashMap::new();
    {
        let mut stmt = conn.prepare(&format!(
            "{} ORDER BY noted_on, id",
            scope("SELECT * FROM project_progress")
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>("project_id")?,
                ProgressNote {
                    id: r.get("id")?,
                    noted_on: date_col(r, "noted_on")?.unwrap_or_default(),
                    text: r.get("text")?,
                },
            ))
        })?;
        for row in rows {
            let (p, n) = row?;
            notes.entry(p).or_default().push(n);
        }
    }
    let mut files: HashMap<i64, Vec<Attachment>> = HashMap::new();
    {
        let mut stmt = conn.prepare(&format!(
            "{} ORDER BY id",
            scope("SELECT * FROM project_attachments")
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>("project_id")?,
                Attachment {
                    id: r.get("id")?,
                    file: r.get("file")?,
                    original_name: r.get("original_name")?,
                    added_at: r.get("added_at")?,
                },
            ))
        })?;
        for row in rows {
            let (p, a) = row?;
            files.entry(p).or_default().push(a);
        }
    }
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
        p.claimants = p
            .claims
            .iter()
            .map(|c| {
                if c.lead && p.claims.len() > 1 {
                    format!("{}（牵头）", c.unit_name)
                } else {
                    c.unit_name.clone()
                }
            })
            .collect::<Vec<_>>()
            .join("、");
    }
    Ok(list)
}

/// The projects `filter` selects, by year and number.
pub fn list_projects(conn: &Connection, filter: &ProjectFilter) -> Result<Vec<Project>> {
    let mut stmt = conn.prepare(&format!(
        "{PROJECT_SELECT} WHERE (:year IS NULL OR p.year = :year)
           AND (:meeting IS NULL OR p.meeting_id = :meeting)
           AND (:unit IS NULL OR EXISTS
                (SELECT 1 FROM claims c WHERE c.project_id = p.id AND c.unit_id = :unit))
         ORDER BY p.year, p.number"
    ))?;
    let rows = stmt.query_map(
        named_params! {
            ":year": filter.year,
            ":meeting": filter.meeting_id,
            ":unit": filter.unit_id,
        },
        project_from_row,
    )?;
    let all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let text = name_key(&filter.text);
    let category = filter.category.as_deref().map(clean_title);
    Ok(complete(conn, all, None)?
        .into_iter()
        .filter(|p| category.as_ref().is_none_or(|c| *c == p.category))
        .filter(|p| filter.status.is_none_or(|s| s == p.status))
        .filter(|p| !filter.overdue || p.overdue)
        .filter(|p| {
            text_matches(
                &text,
                &[&p.code, &p.name, &p.content, &p.category, &p.claimants],
            )
        })
        .collect())
}

/// One project with its claims, links, progress and result.
pub fn get_project(conn: &Connection, id: i64) -> Result<Project> {
    let p = conn
        .query_row(
            &format!("{PROJECT_SELECT} WHERE p.id = ?1"),
            [id],
            project_from_row,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "共建项目",
            id: id.to_string(),
        })?;
    Ok(complete(conn, vec![p], Some(id))?.remove(0))
}

/// The project a user names by its id (12) or its code (项2026-001, 2026-001).
pub fn project_by_ref(conn: &Connection, reference: &str) -> Result<Project> {
    let t = clean_name(reference);
    if let Ok(id) = t.parse::<i64>() {
        return get_project(conn, id);
    }
    let bare = t
        .strip_prefix(ListKind::Projects.code_prefix())
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
            what: "共建项目",
            id: t,
        }),
    }
}

/// The cleaned input, ready to write.
pub(crate) fn validate_project(
    conn: &Connection,
    input: &ProjectInput,
    own: Option<&Project>,
) -> Result<ProjectInput> {
    let mut v = input.clone();
    v.name = required_name("name", "项目名称", &v.name)?;
    v.category = clean_category(&v.category)?;
    meeting_ok(conn, v.meeting_id)?;
    community_ok(conn, v.community_id)?;
    let year = match (v.year, own) {
        (None, Some(p)) => p.year,
        (y, _) => year_of(conn, y, v.meeting_id)?,
    };
    v.year = Some(year);
    let asked = v
        .number
        .or(own.filter(|p| p.year == year).map(|p| p.number));
    v.number = Some(number_for(
        conn,
        ListKind::Projects,
        year,
        asked,
        own.map(|p| p.id),
    )?);
    v.content = v.content.trim().to_string();
    v.notes = v.notes.trim().to_string();
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

/// The one insert of a project (validated input) with its links.
pub(crate) fn insert_project(
    conn: &Connection,
    v: &ProjectInput,
    batch: Option<i64>,
    source_row: Option<i64>,
) -> Result<i64> {
    let ts = now();
    conn.execute(
        "INSERT INTO projects (year, number, name, category, content, meeting_id, community_id,
            deadline, notes, import_batch_id, source_row, created_at, updated_at)
         VALUES (:year, :number, :name, :category, :content, :meeting_id, :community_id,
            :deadline, :notes, :batch, :source_row, :ts, :ts)",
        named_params! {
            ":year": v.year,
            ":number": v.number,
            ":name": v.name,
            ":category": v.category,
            ":content": v.content,
            ":meeting_id": v.meeting_id,
            ":community_id": v.community_id,
            ":deadline": day(v.deadline),
            ":notes": v.notes,
            ":batch": batch,
            ":source_row": source_row,
            ":ts": ts,
        },
    )?;
    let id = conn.last_insert_rowid();
    write_links(conn, id, v)?;
    Ok(id)
}

/// Records a project.
pub fn add_project(conn: &Connection, input: &ProjectInput) -> Result<Project> {
    atomically(conn, || {
        let v = validate_project(conn, input, None)?;
        let id = insert_project(conn, &v, None, None)?;
        log::info!("共建项目：登记 {}（{id}）", v.name);
        get_project(conn, id)
    })
}

/// Edits a project (its claims, progress and result are kept).
pub fn update_project(conn: &Connection, id: i64, input: &ProjectInput) -> Result<Project> {
    atomically(conn, || {
        let before = get_project(conn, id)?;
        let v = validate_project(conn, input, Some(&before))?;
        conn.execute(
            "UPDATE projects SET year = :year, number = :number, name = :name,
                category = :category, content = :content, meeting_id = :meeting_id,
                community_id = :community_id, deadline = :deadline, notes = :notes,
                updated_at = :ts
             WHERE id = :id",
            named_params! {
                ":id": id,
                ":year": v.year,
                ":number": v.number,
                ":name": v.name,
                ":category": v.category,
                ":content": v.content,
                ":meeting_id": v.meeting_id,
                ":community_id": v.community_id,
                ":deadline": day(v.deadline),
                ":notes": v.notes,
                ":ts": now(),
            },
        )?;
        write_links(conn, id, &v)?;
        // Needs newly linked to a claimed or finished project follow it.
        let p = get_project(conn, id)?;
        if let Some(to) = need_status_for(p.status) {
            advance_needs(conn, id, to)?;
        }
        get_project(conn, id)
    })
}
/// Deletes a project that nothing depends on yet (no claims, progress notes or result).
pub fn delete_project(conn: &Connection, id: i64) -> Result<()> {
    atomically(conn, || {
        let p = get_project(conn, id)?;
        if !p.claims.is_empty()
            || !p.progress.is_empty()
            || p.result_on.is_some()
            || !p.attachments.is_empty()
        {
            return Err(Error::Conflict(format!(
                "项目“{}”（{}）已有认领、进展或完成情况，不能删除。",
                p.name, p.code
            )));
        }
        conn.execute("DELETE FROM project_needs WHERE project_id = ?1", [id])?;
        conn.execute("DELETE FROM project_resources WHERE project_id = ?1", [id])?;
        conn.execute("DELETE FROM projects WHERE id = ?1", [id])?;
        log::info!("共建项目：删除 {}（{id}）", p.code);
        Ok(())
    })
}
