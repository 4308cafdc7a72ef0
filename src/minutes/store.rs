//! The one 纪要 of a meeting: shown as a draft from the meeting's facts until the secretary
//! edits or saves it (viewing never writes: [`current`]), then stored, edited (heading, 期号,
//! opening, 议定事项, 版记), its attendance lists rebuilt from the sign-in data without
//! touching the text, finalised (已定稿: the text no longer changes) and explicitly reopened.
//! One write path per record: `write_minutes` for the row, `write_items` for the 议定事项,
//! `write_lists` for the attendance lists.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{draft, facts, Attendee, MinutesItem};
use crate::db::{atomically, now};
use crate::meetings::attendance::{self, AttendeeRole, Reply};
use crate::meetings::labelled;
use crate::text::clean_text;
use crate::{Error, Result};

labelled! {
    /// 纪要状态.
    MinutesStatus {
        Draft = "draft" / "草稿",
        Final = "final" / "已定稿",
    }
}

/// 出席 / 请假 / 列席, exactly as the attendance data says.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct AttendanceLists {
    /// Member units signed in, in invitation order.
    pub present: Vec<Attendee>,
    /// Member units that sent 请假 and did not come.
    pub on_leave: Vec<Attendee>,
    /// Guest organisations (列席) that signed in.
    pub guests: Vec<Attendee>,
}

/// A meeting's 纪要 as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Minutes {
    pub id: i64,
    pub meeting_id: i64,
    pub heading: String,
    /// 期号, e.g. 2026年第1期; empty when none.
    pub issue_no: String,
    pub opening: String,
    pub items: Vec<MinutesItem>,
    pub present: Vec<Attendee>,
    pub on_leave: Vec<Attendee>,
    pub guests: Vec<Attendee>,
    pub status: MinutesStatus,
    pub finalised_at: Option<String>,
    /// 版记: 分送.
    pub send_to: String,
    /// 版记: 抄送.
    pub copy_to: String,
    /// 版记: 印发机关 (empty: none printed).
    pub issuer: String,
    /// 版记: 印发日期.
    pub issued_on: Option<NaiveDate>,
    /// When the lists were last taken from the sign-in data.
    pub lists_at: String,
    pub updated_at: String,
    /// Stored: the secretary saved (or edited, finalised, rebuilt) it. A draft shown but never
    /// saved is not (its `id` is 0), and follows the meeting's data until it is saved.
    pub saved: bool,
}

/// The editable parts (the same JSON shape as [`Minutes`]; the lists and status in it are
/// ignored: they come from the sign-in data and from 定稿/重新打开).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MinutesEdit {
    pub heading: String,
    #[serde(default)]
    pub issue_no: String,
    pub opening: String,
    pub items: Vec<MinutesItem>,
    #[serde(default)]
    pub send_to: String,
    #[serde(default)]
    pub copy_to: String,
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
}

impl From<&Minutes> for MinutesEdit {
    fn from(m: &Minutes) -> Self {
        MinutesEdit {
            heading: m.heading.clone(),
            issue_no: m.issue_no.clone(),
            opening: m.opening.clone(),
            items: m.items.clone(),
            send_to: m.send_to.clone(),
            copy_to: m.copy_to.clone(),
            issuer: m.issuer.clone(),
            issued_on: m.issued_on,
        }
    }
}

/// The lists from the attendance data now.
pub fn lists_from_attendance(conn: &Connection, meeting_id: i64) -> Result<AttendanceLists> {
    let mut out = AttendanceLists::default();
    for (list, _, a) in attendance_lines(conn, meeting_id)? {
        match list {
            "present" => out.present.push(a),
            "leave" => out.on_leave.push(a),
            _ => out.guests.push(a),
        }
    }
    Ok(out)
}

/// (list code, unit id, line) for every invitee on one of the three lists, in order.
fn attendance_lines(
    conn: &Connection,
    meeting_id: i64,
) -> Result<Vec<(&'static str, Option<i64>, Attendee)>> {
    let mut out = Vec::new();
    for i in attendance::list(conn, meeting_id)? {
        let line = Attendee {
            unit: i.name.clone(),
            person: i.people().join("、"),
            delegated: i.reply == Reply::Delegated && !i.substitute_name.is_empty(),
        };
        let signed = i.signed_in_at.is_some();
        match i.role {
            AttendeeRole::Member if signed => out.push(("present", i.unit_id, line)),
            AttendeeRole::Member if i.reply == Reply::Leave => {
                let a = Attendee {
                    person: String::new(),
                    delegated: false,
                    ..line
                };
                out.push(("leave", i.unit_id, a));
            }
            AttendeeRole::Guest if signed => out.push(("guest", None, line)),
            _ => {}
        }
    }
    Ok(out)
}

fn id_of(conn: &Connection, meeting_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM minutes WHERE meeting_id = ?1",
            [meeting_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// The 纪要 of a meeting, if one was drafted.
pub fn get(conn: &Connection, meeting_id: i64) -> Result<Option<Minutes>> {
    crate::meetings::get(conn, meeting_id)?;
    match id_of(conn, meeting_id)? {
        Some(id) => read(conn, id).map(Some),
        None => Ok(None),
    }
}

fn read(conn: &Connection, id: i64) -> Result<Minutes> {
    let mut m = conn.query_row(
        "SELECT id, meeting_id, heading, issue_no, opening, status, finalised_at, send_to,
                copy_to, issuer, issued_on, lists_at, updated_at FROM minutes WHERE id = ?1",
        [id],
        |r| {
            Ok(Minutes {
                id: r.get("id")?,
                meeting_id: r.get("meeting_id")?,
                heading: r.get("heading")?,
                issue_no: r.get("issue_no")?,
                opening: r.get("opening")?,
                items: Vec::new(),
                present: Vec::new(),
                on_leave: Vec::new(),
                guests: Vec::new(),
                status: r.get("status")?,
                finalised_at: r.get("finalised_at")?,
                send_to: r.get("send_to")?,
                copy_to: r.get("copy_to")?,
                issuer: r.get("issuer")?,
                issued_on: crate::labelled::date_column(r, "issued_on")?,
                lists_at: r.get("lists_at")?,
                updated_at: r.get("updated_at")?,
                saved: true,
            })
        },
    )?;
    let mut stmt = conn.prepare(
        "SELECT heading, text, owner, due FROM minutes_items WHERE minutes_id = ?1
         ORDER BY position",
    )?;
    m.items = stmt
        .query_map([id], |r| {
            Ok(MinutesItem {
                heading: r.get("heading")?,
                text: r.get("text")?,
                owner: r.get("owner")?,
                due: r.get("due")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT list, name, person, delegated FROM minutes_attendees WHERE minutes_id = ?1
         ORDER BY list, position",
    )?;
    let rows = stmt.query_map([id], |r| {
        let list: String = r.get("list")?;
        let delegated: i64 = r.get("delegated")?;
        Ok((
            list,
            Attendee {
                unit: r.get("name")?,
                person: r.get("person")?,
                delegated: delegated != 0,
            },
        ))
    })?;
    for row in rows {
        let (list, a) = row?;
        match list.as_str() {
            "present" => m.present.push(a),
            "leave" => m.on_leave.push(a),
            _ => m.guests.push(a),
        }
    }
    Ok(m)
}

/// The draft of a meeting's 纪要 from its facts now (nothing is stored).
fn drafted(conn: &Connection, meeting_id: i64) -> Result<MinutesEdit> {
    let f = facts(conn, meeting_id)?;
    let edit = MinutesEdit {
        heading: draft::heading_for(&f),
        issue_no: String::new(),
        opening: draft::draft_opening(&f),
        items: draft::draft_items(&f),
        send_to: String::new(),
        copy_to: String::new(),
        issuer: String::new(),
        issued_on: None,
    };
    clean(&edit)
}

/// The 纪要 of a meeting as it stands, for showing, previewing and printing: the stored one,
/// else the draft from the meeting's facts now, with the lists from the sign-in data, not
/// saved (`saved` false, `id` 0). Nothing is written: viewing a meeting's 纪要 never stores
/// it; the secretary's save or edit does ([`save`]).
pub fn current(conn: &Connection, meeting_id: i64) -> Result<Minutes> {
    if let Some(m) = get(conn, meeting_id)? {
        return Ok(m);
    }
    let edit = drafted(conn, meeting_id)?;
    let lists = lists_from_attendance(conn, meeting_id)?;
    Ok(Minutes {
        id: 0,
        meeting_id,
        heading: edit.heading,
        issue_no: edit.issue_no,
        opening: edit.opening,
        items: edit.items,
        present: lists.present,
        on_leave: lists.on_leave,
        guests: lists.guests,
        status: MinutesStatus::Draft,
        finalised_at: None,
        send_to: edit.send_to,
        copy_to: edit.copy_to,
        issuer: edit.issuer,
        issued_on: edit.issued_on,
        lists_at: String::new(),
        updated_at: String::new(),
        saved: false,
    })
}

/// The stored 纪要 of a meeting, drafted from the meeting's facts and stored when there is
/// none yet: the explicit step of `lianxi minutes draft`, and the start of every change
/// (save, rebuild, 定稿). Showing a 纪要 uses [`current`], which writes nothing.
pub fn ensure(conn: &Connection, meeting_id: i64) -> Result<Minutes> {
    if let Some(m) = get(conn, meeting_id)? {
        return Ok(m);
    }
    let edit = drafted(conn, meeting_id)?;
    atomically(conn, || {
        let t = now();
        conn.execute(
            "INSERT INTO minutes (meeting_id, heading, lists_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?3, ?3)",
            params![meeting_id, edit.heading, t],
        )?;
        let id = conn.last_insert_rowid();
        write_minutes(conn, id, &edit)?;
        write_items(conn, id, &edit.items)?;
        write_lists(conn, id, meeting_id)?;
        read(conn, id)
    })
}

/// Trims and checks an edit: a heading is needed; an item needs a heading or a text.
fn clean(edit: &MinutesEdit) -> Result<MinutesEdit> {
    let heading = clean_text(&edit.heading);
    if heading.is_empty() {
        return Err(Error::invalid("heading", "请填写纪要标题。"));
    }
    let mut items = Vec::new();
    for (i, it) in edit.items.iter().enumerate() {
        let item = MinutesItem {
            heading: clean_text(&it.heading),
            text: it.text.trim().to_owned(),
            owner: clean_text(&it.owner),
            due: clean_text(&it.due),
        };
        if item.heading.is_empty() && item.text.is_empty() {
            return Err(Error::invalid(
                "items",
                format!(
                    "第{}项议定事项是空的：请填写标题或内容，或删除这一项。",
                    i + 1
                ),
            ));
        }
        items.push(item);
    }
    Ok(MinutesEdit {
        heading,
        issue_no: clean_text(&edit.issue_no),
        opening: edit.opening.trim().to_owned(),
        items,
        send_to: clean_text(&edit.send_to),
        copy_to: clean_text(&edit.copy_to),
        issuer: clean_text(&edit.issuer),
        issued_on: edit.issued_on,
    })
}

fn refuse_if_final(m: &Minutes, what: &str) -> Result<()> {
    if m.status == MinutesStatus::Final {
        return Err(Error::Conflict(format!(
            "纪要已定稿，不能{what}；如需修改，请先点“重新打开”。"
        )));
    }
    Ok(())
}

/// Replaces the editable parts of a meeting's 纪要 (drafting it first when there is none).
/// Refused when it is finalised; a bad edit changes nothing.
pub fn save(conn: &Connection, meeting_id: i64, edit: &MinutesEdit) -> Result<Minutes> {
    let edit = clean(edit)?;
    atomically(conn, || {
        let current = ensure(conn, meeting_id)?;
        refuse_if_final(&current, "修改")?;
        write_minutes(conn, current.id, &edit)?;
        write_items(conn, current.id, &edit.items)?;
        read(conn, current.id)
    })
}

/// 从签到数据重新生成出席名单: replaces only the three lists. Refused when finalised.
pub fn rebuild_lists(conn: &Connection, meeting_id: i64) -> Result<Minutes> {
    atomically(conn, || {
        let current = ensure(conn, meeting_id)?;
        refuse_if_final(&current, "重新生成名单")?;
        write_lists(conn, current.id, meeting_id)?;
        read(conn, current.id)
    })
}

/// 定稿: the text and the lists are kept as they are from now on.
pub fn finalise(conn: &Connection, meeting_id: i64) -> Result<Minutes> {
    let current = ensure(conn, meeting_id)?;
    refuse_if_final(&current, "再次定稿")?;
    set_status(conn, current.id, MinutesStatus::Final)
}

/// 重新打开: a finalised 纪要 becomes a draft again.
pub fn reopen(conn: &Connection, meeting_id: i64) -> Result<Minutes> {
    let current = get(conn, meeting_id)?.ok_or(Error::NotFound {
        what: "会议纪要",
        id: meeting_id.to_string(),
    })?;
    if current.status != MinutesStatus::Final {
        return Err(Error::Conflict("纪要尚未定稿，无需重新打开。".into()));
    }
    set_status(conn, current.id, MinutesStatus::Draft)
}

fn set_status(conn: &Connection, id: i64, status: MinutesStatus) -> Result<Minutes> {
    let t = now();
    let at = (status == MinutesStatus::Final).then(|| t.clone());
    conn.execute(
        "UPDATE minutes SET status = ?2, finalised_at = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, status.code(), at, t],
    )?;
    read(conn, id)
}

/// The one write of a 纪要's own row.
fn write_minutes(conn: &Connection, id: i64, e: &MinutesEdit) -> Result<()> {
    conn.execute(
        "UPDATE minutes SET heading = ?2, issue_no = ?3, opening = ?4, send_to = ?5,
             copy_to = ?6, issuer = ?7, issued_on = ?8, updated_at = ?9 WHERE id = ?1",
        params![
            id,
            e.heading,
            e.issue_no,
            e.opening,
            e.send_to,
            e.copy_to,
            e.issuer,
            e.issued_on.map(|d| d.format("%Y-%m-%d").to_string()),
            now()
        ],
    )?;
    Ok(())
}

/// The one write of the 议定事项: all of them, in order.
fn write_items(conn: &Connection, id: i64, items: &[MinutesItem]) -> Result<()> {
    conn.execute("DELETE FROM minutes_items WHERE minutes_id = ?1", [id])?;
    for (pos, it) in (1i64..).zip(items) {
        conn.execute(
            "INSERT INTO minutes_items (minutes_id, position, heading, text, owner, due)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, pos, it.heading, it.text, it.owner, it.due],
        )?;
    }
    Ok(())
}

/// The one write of the attendance lists: taken again from the attendance data.
fn write_lists(conn: &Connection, id: i64, meeting_id: i64) -> Result<()> {
    conn.execute("DELETE FROM minutes_attendees WHERE minutes_id = ?1", [id])?;
    let mut positions = std::collections::HashMap::new();
    for (code, unit_id, a) in attendance_lines(conn, meeting_id)? {
        let pos = positions.entry(code).or_insert(0i64);
        *pos += 1;
        conn.execute(
            "INSERT INTO minutes_attendees (minutes_id, list, position, unit_id, name,
                 person, delegated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                id,
                code,
                *pos,
                unit_id,
                a.unit,
                a.person,
                i64::from(a.delegated)
            ],
        )?;
    }
    conn.execute(
        "UPDATE minutes SET lists_at = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    Ok(())
}
