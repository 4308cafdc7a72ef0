//! The speaker list (交流发言): ordered speeches, each by a unit's speaker on a topic, perhaps on
//! behalf of other units (a count, or a chosen list). Speeches belong to the agenda's 交流发言
//! item, whose duration follows their minutes.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::agenda;
use crate::db::atomically;
use crate::error::{Error, Result};
use crate::text::clean_text;

/// One speech on the speaker list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Speech {
    pub id: i64,
    pub meeting_id: i64,
    /// 1-based speaking order.
    pub position: i64,
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
    pub speaker_name: String,
    pub speaker_title: String,
    pub topic: String,
    pub minutes: i64,
    /// Speaks on behalf of this many units (when not chosen one by one).
    pub on_behalf_count: Option<i64>,
    /// The units spoken for, when chosen one by one.
    pub on_behalf_unit_ids: Vec<i64>,
    pub on_behalf_unit_names: Vec<String>,
    pub agenda_item_id: Option<i64>,
    pub notes: String,
}

impl Speech {
    /// "代表 12 家单位发言", or the chosen units' names, or empty.
    pub fn on_behalf_text(&self) -> String {
        if !self.on_behalf_unit_names.is_empty() {
            format!("代表{}发言", self.on_behalf_unit_names.join("、"))
        } else if let Some(n) = self.on_behalf_count.filter(|&n| n > 0) {
            format!("代表{n}家单位发言")
        } else {
            String::new()
        }
    }
}

/// What the user enters for a speech.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SpeechInput {
    pub unit_id: Option<i64>,
    pub speaker_name: String,
    pub speaker_title: String,
    pub topic: String,
    pub minutes: i64,
    pub on_behalf_count: Option<i64>,
    pub on_behalf_unit_ids: Vec<i64>,
    pub notes: String,
}

const SELECT: &str =
    "SELECT s.id, s.meeting_id, s.position, s.unit_id, u.name AS unit_name, s.speaker_name,
    s.speaker_title, s.topic, s.minutes, s.on_behalf_count, s.agenda_item_id, s.notes
    FROM speeches s LEFT JOIN units u ON u.id = s.unit_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Speech> {
    Ok(Speech {
        id: r.get("id")?,
        meeting_id: r.get("meeting_id")?,
        position: r.get("position")?,
        unit_id: r.get("unit_id")?,
        unit_name: r.get("unit_name")?,
        speaker_name: r.get("speaker_name")?,
        speaker_title: r.get("speaker_title")?,
        topic: r.get("topic")?,
        minutes: r.get("minutes")?,
        on_behalf_count: r.get("on_behalf_count")?,
        on_behalf_unit_ids: Vec::new(),
        on_behalf_unit_names: Vec::new(),
        agenda_item_id: r.get("agenda_item_id")?,
        notes: r.get("notes")?,
    })
}

fn fill_units(conn: &Connection, s: &mut Speech) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT u.id, u.name FROM speech_units su JOIN units u ON u.id = su.unit_id
         WHERE su.speech_id = ?1 ORDER BY u.id",
    )?;
    for row in stmt.query_map([s.id], |r| Ok((r.get(0)?, r.get(1)?)))? {
        let (id, name): (i64, String) = row?;
        s.on_behalf_unit_ids.push(id);
        s.on_behalf_unit_names.push(name);
    }
    Ok(())
}

/// The speaker list in order.
pub fn list(conn: &Connection, meeting_id: i64) -> Result<Vec<Speech>> {
    super::get(conn, meeting_id)?;
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE s.meeting_id = ?1 ORDER BY s.position, s.id"
    ))?;
    let mut out: Vec<Speech> = stmt
        .query_map([meeting_id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    for s in &mut out {
        fill_units(conn, s)?;
    }
    Ok(out)
}

/// One speech.
pub fn get(conn: &Connection, id: i64) -> Result<Speech> {
    let mut s = conn
        .query_row(&format!("{SELECT} WHERE s.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound {
            what: "发言",
            id: id.to_string(),
        })?;
    fill_units(conn, &mut s)?;
    Ok(s)
}

fn validate(input: &SpeechInput) -> Result<SpeechInput> {
    let mut v = input.clone();
    v.speaker_name = clean_text(&v.speaker_name);
    v.speaker_title = clean_text(&v.speaker_title);
    v.topic = clean_text(&v.topic);
    if v.unit_id.is_none() && v.speaker_name.is_empty() {
        return Err(Error::invalid(
            "speaker_name",
            "请选择发言单位或填写发言人。",
        ));
    }
    if !(0..=240).contains(&v.minutes) {
        return Err(Error::invalid(
            "minutes",
            "发言时长应在 0 到 240 分钟之间。",
        ));
    }
    if v.on_behalf_count.is_some_and(|n| n < 0) {
        return Err(Error::invalid("on_behalf_count", "代表单位数不能为负数。"));
    }
    v.on_behalf_unit_ids.sort_unstable();
    v.on_behalf_unit_ids.dedup();
    Ok(v)
}

fn write_units(conn: &Connection, id: i64, units: &[i64]) -> Result<()> {
    conn.execute("DELETE FROM speech_units WHERE speech_id = ?1", [id])?;
    for u in units {
        conn.execute(
            "INSERT INTO speech_units (speech_id, unit_id) VALUES (?1, ?2)",
            params![id, u],
        )?;
    }
    Ok(())
}

/// Appends a speech to the list, linked to the agenda's first 交流发言 item if there is one.
pub fn add(conn: &Connection, meeting_id: i64, input: &SpeechInput) -> Result<Speech> {
    super::get(conn, meeting_id)?;
    let v = validate(input)?;
    atomically(conn, || {
        let position: i64 = conn.query_row(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM speeches WHERE meeting_id = ?1",
            [meeting_id],
            |r| r.get(0),
        )?;
        let item: Option<i64> = conn
            .query_row(
                "SELECT id FROM agenda_items WHERE meeting_id = ?1 AND kind = 'speeches'
                 ORDER BY position LIMIT 1",
                [meeting_id],
                |r| r.get(0),
            )
            .optional()?;
        conn.execute(
            "INSERT INTO speeches (meeting_id, position, unit_id, speaker_name, speaker_title,
                 topic, minutes, on_behalf_count, agenda_item_id, notes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                meeting_id,
                position,
                v.unit_id,
                v.speaker_name,
                v.speaker_title,
                v.topic,
                v.minutes,
                v.on_behalf_count,
                item,
                v.notes
            ],
        )?;
        let id = conn.last_insert_rowid();
        write_units(conn, id, &v.on_behalf_unit_ids)?;
        agenda::sync_speeches_duration(conn, meeting_id)?;
        get(conn, id)
    })
}

/// Edits a speech.
pub fn update(conn: &Connection, id: i64, input: &SpeechInput) -> Result<Speech> {
    let old = get(conn, id)?;
    let v = validate(input)?;
    atomically(conn, || {
        conn.execute(
            "UPDATE speeches SET unit_id = ?2, speaker_name = ?3, speaker_title = ?4, topic = ?5,
                 minutes = ?6, on_behalf_count = ?7, notes = ?8 WHERE id = ?1",
            params![
                id,
                v.unit_id,
                v.speaker_name,
                v.speaker_title,
                v.topic,
                v.minutes,
                v.on_behalf_count,
                v.notes
            ],
        )?;
        write_units(conn, id, &v.on_behalf_unit_ids)?;
        agenda::sync_speeches_duration(conn, old.meeting_id)?;
        get(conn, id)
    })
}

/// Removes a speech; the rest close up.
pub fn remove(conn: &Connection, id: i64) -> Result<()> {
    let s = get(conn, id)?;
    atomically(conn, || {
        conn.execute("DELETE FROM speeches WHERE id = ?1", [id])?;
        let ids: Vec<i64> = list(conn, s.meeting_id)?.iter().map(|s| s.id).collect();
        super::order::write(conn, super::order::Ordered::Speeches, &ids)?;
        agenda::sync_speeches_duration(conn, s.meeting_id)
    })
}

/// Puts the speakers in the order of `ids`, which must be exactly the meeting's speeches.
pub fn reorder(conn: &Connection, meeting_id: i64, ids: &[i64]) -> Result<Vec<Speech>> {
    let have: Vec<i64> = list(conn, meeting_id)?.iter().map(|s| s.id).collect();
    super::order::check_same(&have, ids, "新的发言顺序与现有发言不一致，请刷新后重试。")?;
    atomically(conn, || {
        super::order::write(conn, super::order::Ordered::Speeches, ids)
    })?;
    list(conn, meeting_id)
}

/// Copies the speaker slots of `from` to `to`, relinking them to the copied agenda items.
pub(crate) fn copy_speeches(
    conn: &Connection,
    from: i64,
    to: i64,
    agenda_map: &[(i64, i64)],
) -> Result<()> {
    for s in list(conn, from)? {
        let item = s
            .agenda_item_id
            .and_then(|old| agenda_map.iter().find(|(o, _)| *o == old).map(|(_, n)| *n));
        conn.execute(
            "INSERT INTO speeches (meeting_id, position, unit_id, speaker_name, speaker_title,
                 topic, minutes, on_behalf_count, agenda_item_id, notes)
             VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, ?7, ?8, '')",
            params![
                to,
                s.position,
                s.unit_id,
                s.speaker_name,
                s.speaker_title,
                s.minutes,
                s.on_behalf_count,
                item
            ],
        )?;
        write_units(conn, conn.last_insert_rowid(), &s.on_behalf_unit_ids)?;
    }
    Ok(())
}
