//! The agenda (议程): ordered items with durations; start and end times are computed from the
//! meeting's start time every time the agenda is read, so any edit or reorder is reflected at
//! once. The 交流发言 item lasts as long as the speeches linked to it.

use chrono::{Duration, NaiveTime};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{labelled, MeetingKind};
use crate::db::atomically;
use crate::error::{Error, Result};
use crate::text::clean_text;

labelled! {
    /// 议程类型.
    AgendaKind {
        Host = "host" / "主持开场",
        Address = "address" / "领导讲话",
        Report = "report" / "工作报告",
        Speeches = "speeches" / "交流发言",
        Signing = "signing" / "协议签约",
        Donation = "donation" / "捐赠仪式",
        Award = "award" / "表彰颁奖",
        Closing = "closing" / "总结讲话",
        Other = "other" / "其他",
    }
}

/// Parses an agenda kind from its Chinese label (主持开场, 交流发言 …); anything else is refused
/// with the list of kinds.
pub fn parse_kind(label: &str) -> Result<AgendaKind> {
    let label = label.trim();
    AgendaKind::from_label(label).ok_or_else(|| {
        let all: Vec<&str> = AgendaKind::ALL.iter().map(|k| k.label()).collect();
        Error::invalid(
            "kind",
            format!(
                "没有“{label}”这种议程类型。可选的类型：{}。",
                all.join("、")
            ),
        )
    })
}

/// One agenda item with its computed times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AgendaItem {
    pub id: i64,
    pub meeting_id: i64,
    /// 1-based position.
    pub position: i64,
    pub kind: AgendaKind,
    pub title: String,
    pub presenter_unit_id: Option<i64>,
    pub presenter: String,
    /// Minutes; for 交流发言 with linked speeches, their total.
    pub duration_min: i64,
    pub notes: String,
    /// Computed from the meeting's start time; `None` when the meeting has none.
    #[ts(type = "string | null")]
    pub start: Option<NaiveTime>,
    #[ts(type = "string | null")]
    pub end: Option<NaiveTime>,
}

/// What the user enters for an agenda item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AgendaInput {
    pub kind: AgendaKind,
    pub title: String,
    pub presenter_unit_id: Option<i64>,
    pub presenter: String,
    pub duration_min: i64,
    pub notes: String,
}

/// Start and end of each item, one after the other from `start`. Times wrap past midnight.
pub fn schedule(start: NaiveTime, durations: &[u32]) -> Vec<(NaiveTime, NaiveTime)> {
    let mut at = start;
    durations
        .iter()
        .map(|&d| {
            let end = at + Duration::minutes(i64::from(d));
            let slot = (at, end);
            at = end;
            slot
        })
        .collect()
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        id: r.get("id")?,
        meeting_id: r.get("meeting_id")?,
        position: r.get("position")?,
        kind: r.get("kind")?,
        title: r.get("title")?,
        presenter_unit_id: r.get("presenter_unit_id")?,
        presenter: r.get("presenter")?,
        duration_min: r.get("duration_min")?,
        notes: r.get("notes")?,
        start: None,
        end: None,
    })
}

const SELECT: &str = "SELECT i.id, i.meeting_id, i.position, i.kind, i.title, i.presenter_unit_id,
    i.presenter, CASE WHEN i.kind = 'speeches' AND EXISTS
        (SELECT 1 FROM speeches s WHERE s.agenda_item_id = i.id)
      THEN (SELECT SUM(s.minutes) FROM speeches s WHERE s.agenda_item_id = i.id)
      ELSE i.duration_min END AS duration_min,
    i.notes FROM agenda_items i";

/// The agenda in order, with times computed from the meeting's start time.
pub fn list(conn: &Connection, meeting_id: i64) -> Result<Vec<AgendaItem>> {
    let meeting = super::get(conn, meeting_id)?;
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE i.meeting_id = ?1 ORDER BY i.position, i.id"
    ))?;
    let mut items: Vec<AgendaItem> = stmt
        .query_map([meeting_id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(start) = meeting.start_time {
        let durations: Vec<u32> = items
            .iter()
            .map(|i| u32::try_from(i.duration_min).unwrap_or(0))
            .collect();
        for (item, (s, e)) in items.iter_mut().zip(schedule(start, &durations)) {
            item.start = Some(s);
            item.end = Some(e);
        }
    }
    Ok(items)
}

/// When the meeting ends by its agenda.
pub fn end_time(conn: &Connection, meeting_id: i64) -> Result<Option<NaiveTime>> {
    Ok(list(conn, meeting_id)?.last().and_then(|i| i.end))
}

fn get_raw(conn: &Connection, id: i64) -> Result<AgendaItem> {
    conn.query_row(&format!("{SELECT} WHERE i.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound {
            what: "议程",
            id: id.to_string(),
        })
}

/// One agenda item, with its times.
pub fn get(conn: &Connection, id: i64) -> Result<AgendaItem> {
    let raw = get_raw(conn, id)?;
    list(conn, raw.meeting_id)?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or(Error::NotFound {
            what: "议程",
            id: id.to_string(),
        })
}

fn validate(input: &AgendaInput) -> Result<AgendaInput> {
    let mut v = input.clone();
    v.title = clean_text(&v.title);
    v.presenter = clean_text(&v.presenter);
    if v.title.is_empty() {
        v.title = v.kind.label().to_owned();
    }
    if !(0..=24 * 60).contains(&v.duration_min) {
        return Err(Error::invalid(
            "duration_min",
            "议程时长应在 0 到 1440 分钟之间。",
        ));
    }
    Ok(v)
}

/// The usual agenda of a meeting of `kind`, as most streets' 联席会 run it: what a new
/// meeting with no agenda is offered (常用议程), the secretary then edits. The work report is
/// given by the street's 书记/负责人 when the profile names one.
pub fn usual(kind: MeetingKind, leader: &str) -> Vec<AgendaInput> {
    use AgendaKind::*;
    let items: &[(AgendaKind, &str, i64)] = match kind {
        MeetingKind::Annual => &[
            (Host, "主持人宣布会议开始，介绍出席领导和嘉宾", 5),
            (Report, "通报年度区域化党建工作情况", 20),
            (Speeches, "成员单位代表交流发言", 30),
            (Signing, "党建结对共建协议签约", 10),
            (Donation, "爱心企业捐赠仪式", 10),
            (Address, "上级领导讲话", 15),
            (Closing, "主持人总结，宣布会议结束", 5),
        ],
        MeetingKind::Quarterly | MeetingKind::Promotion => &[
            (Host, "主持人宣布会议开始", 5),
            (Report, "通报近期工作和共建项目进展", 15),
            (Speeches, "成员单位交流发言", 20),
            (Address, "领导讲话", 10),
            (Closing, "主持人总结，宣布会议结束", 5),
        ],
        MeetingKind::ViceChair | MeetingKind::Other => &[
            (Host, "主持人说明议题", 5),
            (Report, "通报有关情况", 10),
            (Other, "研究讨论有关事项", 30),
            (Closing, "主持人总结", 5),
        ],
    };
    items
        .iter()
        .map(|&(kind, title, minutes)| AgendaInput {
            kind,
            title: title.into(),
            presenter_unit_id: None,
            presenter: if kind == Report {
                leader.into()
            } else {
                String::new()
            },
            duration_min: minutes,
            notes: String::new(),
        })
        .collect()
}

/// Gives a meeting that has no agenda yet the usual one for its kind ([`usual`]), in one
/// transaction. Refused when the meeting already has an agenda (a second click adds nothing).
pub fn add_usual(conn: &Connection, meeting_id: i64) -> Result<Vec<AgendaItem>> {
    let meeting = super::get(conn, meeting_id)?;
    let leader = crate::street::get(conn)?.leader;
    atomically(conn, || {
        let n: i64 = conn.query_row(
            "SELECT COUNT(*) FROM agenda_items WHERE meeting_id = ?1",
            [meeting_id],
            |r| r.get(0),
        )?;
        if n > 0 {
            return Err(Error::Conflict(format!(
                "会议“{}”已有 {n} 项议程，常用议程只用于还没有议程的会议。",
                meeting.title
            )));
        }
        for item in usual(meeting.kind, &leader) {
            add(conn, meeting_id, &item)?;
        }
        list(conn, meeting_id)
    })
}

/// Appends an item at the end of the agenda.
pub fn add(conn: &Connection, meeting_id: i64, input: &AgendaInput) -> Result<AgendaItem> {
    super::get(conn, meeting_id)?;
    let v = validate(input)?;
    atomically(conn, || {
        let position: i64 = conn.query_row(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?1",
            [meeting_id],
            |r| r.get(0),
        )?;
        conn.execute(
            "INSERT INTO agenda_items (meeting_id, position, kind, title, presenter_unit_id,
                 presenter, duration_min, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                meeting_id,
                position,
                v.kind.code(),
                v.title,
                v.presenter_unit_id,
                v.presenter,
                v.duration_min,
                v.notes
            ],
        )?;
        let id = conn.last_insert_rowid();
        if v.kind == AgendaKind::Speeches {
            // Speeches not yet on any agenda item join the new one.
            conn.execute(
                "UPDATE speeches SET agenda_item_id = ?2 WHERE meeting_id = ?1
                   AND agenda_item_id IS NULL",
                params![meeting_id, id],
            )?;
        }
        get(conn, id)
    })
}

/// Edits an item.
pub fn update(conn: &Connection, id: i64, input: &AgendaInput) -> Result<AgendaItem> {
    get_raw(conn, id)?;
    let v = validate(input)?;
    conn.execute(
        "UPDATE agenda_items SET kind = ?2, title = ?3, presenter_unit_id = ?4, presenter = ?5,
             duration_min = ?6, notes = ?7 WHERE id = ?1",
        params![
            id,
            v.kind.code(),
            v.title,
            v.presenter_unit_id,
            v.presenter,
            v.duration_min,
            v.notes
        ],
    )?;
    get(conn, id)
}

/// Removes an item; the rest close up.
pub fn remove(conn: &Connection, id: i64) -> Result<()> {
    let item = get_raw(conn, id)?;
    atomically(conn, || {
        conn.execute("DELETE FROM agenda_items WHERE id = ?1", [id])?;
        renumber(conn, item.meeting_id)
    })
}

fn renumber(conn: &Connection, meeting_id: i64) -> Result<()> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM agenda_items WHERE meeting_id = ?1 ORDER BY position, id")?
        .query_map([meeting_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    super::order::write(conn, super::order::Ordered::Agenda, &ids)
}

/// Puts the agenda in the order of `ids`, which must be exactly the meeting's items.
pub fn reorder(conn: &Connection, meeting_id: i64, ids: &[i64]) -> Result<Vec<AgendaItem>> {
    let have: Vec<i64> = list(conn, meeting_id)?.iter().map(|i| i.id).collect();
    super::order::check_same(&have, ids, "新的议程顺序与现有议程不一致，请刷新后重试。")?;
    atomically(conn, || {
        super::order::write(conn, super::order::Ordered::Agenda, ids)
    })?;
    list(conn, meeting_id)
}

/// Moves an item to `to_index` (0-based), the others shifting around it.
pub fn move_item(conn: &Connection, id: i64, to_index: usize) -> Result<Vec<AgendaItem>> {
    let item = get_raw(conn, id)?;
    let mut ids: Vec<i64> = list(conn, item.meeting_id)?
        .iter()
        .map(|i| i.id)
        .filter(|&i| i != id)
        .collect();
    ids.insert(to_index.min(ids.len()), id);
    reorder(conn, item.meeting_id, &ids)
}

/// Writes the 交流发言 items' stored durations from their speeches (the list computes them
/// anyway; this keeps the stored value honest for other readers).
pub fn sync_speeches_duration(conn: &Connection, meeting_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE agenda_items SET duration_min =
             (SELECT SUM(s.minutes) FROM speeches s WHERE s.agenda_item_id = agenda_items.id)
         WHERE meeting_id = ?1 AND kind = 'speeches'
           AND EXISTS (SELECT 1 FROM speeches s WHERE s.agenda_item_id = agenda_items.id)",
        [meeting_id],
    )?;
    Ok(())
}

/// Copies the agenda of `from` to `to`; returns (old id, new id) pairs.
pub(crate) fn copy_items(conn: &Connection, from: i64, to: i64) -> Result<Vec<(i64, i64)>> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM agenda_items WHERE meeting_id = ?1 ORDER BY position, id")?
        .query_map([from], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut map = Vec::with_capacity(ids.len());
    for old in ids {
        conn.execute(
            "INSERT INTO agenda_items (meeting_id, position, kind, title, presenter_unit_id,
                 presenter, duration_min, notes)
             SELECT ?2, position, kind, title, presenter_unit_id, presenter, duration_min, notes
             FROM agenda_items WHERE id = ?1",
            params![old, to],
        )?;
        map.push((old, conn.last_insert_rowid()));
    }
    Ok(map)
}
