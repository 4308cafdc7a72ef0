//! A project's progress notes (进展) and its result (完成情况) with the files kept with it.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::fields::{date_col, day};
use super::need_link::advance_needs;
use super::{get_project, Attachment, NeedStatus, ProgressNote, Project, ResultInput};
use crate::db::{atomically, now};
use crate::error::{Error, Result};

/// The progress notes of every project, or `only` the one with that id, by project (oldest
/// first).
pub(super) fn notes_of(
    conn: &Connection,
    only: Option<i64>,
) -> Result<HashMap<i64, Vec<ProgressNote>>> {
    let mut notes: HashMap<i64, Vec<ProgressNote>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT * FROM project_progress{} ORDER BY noted_on, id",
        of_project(only)
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
    Ok(notes)
}

/// The attachments of every project, or `only` the one with that id, by project.
pub(super) fn attachments_of(
    conn: &Connection,
    only: Option<i64>,
) -> Result<HashMap<i64, Vec<Attachment>>> {
    let mut files: HashMap<i64, Vec<Attachment>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT * FROM project_attachments{} ORDER BY id",
        of_project(only)
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
    Ok(files)
}

/// ` WHERE project_id = 12` for one project, nothing for all.
fn of_project(only: Option<i64>) -> String {
    only.map(|id| format!(" WHERE project_id = {id}"))
        .unwrap_or_default()
}

/// The file of attachment `attachment_id` of project `project_id`, inside the data folder.
pub fn attachment_path(
    conn: &Connection,
    data: &crate::paths::DataDir,
    project_id: i64,
    attachment_id: i64,
) -> Result<std::path::PathBuf> {
    let p = get_project(conn, project_id)?;
    let a = p
        .attachments
        .iter()
        .find(|a| a.id == attachment_id)
        .ok_or(Error::NotFound {
            what: "附件",
            id: attachment_id.to_string(),
        })?;
    data.stored_attachment(&a.file)
}
/// Adds a dated progress note (进展); linked needs move forward to 实施中.
pub fn add_progress(
    conn: &Connection,
    project_id: i64,
    on: NaiveDate,
    text: &str,
) -> Result<Project> {
    atomically(conn, || {
        let p = get_project(conn, project_id)?;
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::invalid("text", "请填写进展情况。"));
        }
        if p.claims.is_empty() {
            return Err(Error::Conflict(format!(
                "项目“{}”还没有单位认领，请先登记认领单位。",
                p.name
            )));
        }
        conn.execute(
            "INSERT INTO project_progress (project_id, noted_on, text, created_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![project_id, day(Some(on)), text, now()],
        )?;
        if p.result_on.is_none() {
            advance_needs(conn, project_id, NeedStatus::Underway)?;
        }
        get_project(conn, project_id)
    })
}

/// Deletes a progress note.
pub fn delete_progress(conn: &Connection, note_id: i64) -> Result<Project> {
    atomically(conn, || {
        let project: Option<i64> = conn
            .query_row(
                "SELECT project_id FROM project_progress WHERE id = ?1",
                [note_id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(project) = project else {
            return Err(Error::NotFound {
                what: "进展记录",
                id: note_id.to_string(),
            });
        };
        conn.execute("DELETE FROM project_progress WHERE id = ?1", [note_id])?;
        get_project(conn, project)
    })
}

/// Copies `src` into `<data_dir>/attachments/` as `项2026-001-<name>`; returns the path
/// relative to the data folder.
fn store_attachment(src: &Path, data: &crate::paths::DataDir, code: &str) -> Result<String> {
    if !src.is_file() {
        return Err(Error::io(
            src,
            std::io::Error::new(std::io::ErrorKind::NotFound, "附件不存在"),
        ));
    }
    let dir = data.attachments();
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let stem = src
        .file_stem()
        .map(|s| crate::text::safe_file_name(&s.to_string_lossy()))
        .unwrap_or_default();
    let ext = src
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| format!(".{}", e.to_lowercase()))
        .unwrap_or_default();
    let base = format!("{code}-{stem}");
    let mut name = format!("{base}{ext}");
    let mut n = 2;
    while dir.join(&name).exists() {
        name = format!("{base}-{n}{ext}");
        n += 1;
    }
    std::fs::copy(src, dir.join(&name)).map_err(|e| Error::io(src, e))?;
    Ok(format!("{}/{name}", crate::paths::DataDir::ATTACHMENTS))
}

/// Records (or corrects) a project's 完成情况: the date, the text and files copied into the
/// data folder's `attachments/`. The project must be claimed; its needs move to 已完成. A
/// failure leaves neither the record nor copied files behind.
pub fn record_result(
    conn: &Connection,
    data_dir: &Path,
    project_id: i64,
    input: &ResultInput,
) -> Result<Project> {
    let p = get_project(conn, project_id)?;
    let result = input.result.trim().to_string();
    if result.is_empty() {
        return Err(Error::invalid("result", "请填写完成情况。"));
    }
    let Some(done_on) = input.done_on else {
        return Err(Error::invalid("done_on", "请填写完成日期。"));
    };
    if p.claims.is_empty() {
        return Err(Error::Conflict(format!(
            "项目“{}”还没有单位认领，不能登记完成情况。",
            p.name
        )));
    }
    let data = crate::paths::DataDir::new(data_dir);
    let mut copied: Vec<(String, String)> = Vec::new();
    let cleanup = |copied: &[(String, String)]| {
        for (rel, _) in copied {
            // The copy is useless without its record; the original error matters more.
            let _ = std::fs::remove_file(data_dir.join(rel));
        }
    };
    for a in &input.attachments {
        let src = Path::new(a);
        match store_attachment(src, &data, &p.code) {
            Ok(rel) => copied.push((
                rel,
                src.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            )),
            Err(e) => {
                cleanup(&copied);
                return Err(e);
            }
        }
    }
    let written = atomically(conn, || {
        conn.execute(
            "UPDATE projects SET result_on = ?2, result = ?3, updated_at = ?4 WHERE id = ?1",
            params![project_id, day(Some(done_on)), result, now()],
        )?;
        for (rel, original) in &copied {
            conn.execute(
                "INSERT INTO project_attachments (project_id, file, original_name, added_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![project_id, rel, original, now()],
            )?;
        }
        advance_needs(conn, project_id, NeedStatus::Done)?;
        Ok(())
    });
    if let Err(e) = written {
        cleanup(&copied);
        return Err(e);
    }
    log::info!("共建项目：{} 登记完成情况", p.code);
    get_project(conn, project_id)
}

/// Takes back a 完成情况 recorded by mistake: the date, the text and the attachments (their
/// copies are removed from the data folder after the commit). Needs keep their status.
pub fn clear_result(conn: &Connection, data_dir: &Path, project_id: i64) -> Result<Project> {
    let p = get_project(conn, project_id)?;
    if p.result_on.is_none() {
        return Err(Error::Conflict(format!(
            "项目“{}”还没有登记完成情况。",
            p.name
        )));
    }
    atomically(conn, || {
        conn.execute(
            "DELETE FROM project_attachments WHERE project_id = ?1",
            [project_id],
        )?;
        conn.execute(
            "UPDATE projects SET result_on = NULL, result = '', updated_at = ?2 WHERE id = ?1",
            params![project_id, now()],
        )?;
        Ok(())
    })?;
    for a in &p.attachments {
        // The record is gone; a copy that cannot be removed is only clutter.
        let _ = std::fs::remove_file(data_dir.join(&a.file));
    }
    log::info!("共建项目：{} 撤销完成情况", p.code);
    get_project(conn, project_id)
}

/// Removes one attachment of a result (its copy in the data folder too).
pub fn remove_attachment(
    conn: &Connection,
    data_dir: &Path,
    attachment_id: i64,
) -> Result<Project> {
    let found: Option<(i64, String)> = conn
        .query_row(
            "SELECT project_id, file FROM project_attachments WHERE id = ?1",
            [attachment_id],
            |r| Ok((r.get("project_id")?, r.get("file")?)),
        )
        .optional()?;
    let Some((project, file)) = found else {
        return Err(Error::NotFound {
            what: "附件",
            id: attachment_id.to_string(),
        });
    };
    conn.execute(
        "DELETE FROM project_attachments WHERE id = ?1",
        [attachment_id],
    )?;
    let _ = std::fs::remove_file(data_dir.join(file));
    get_project(conn, project)
}
