//! Communities (社区) and branches (分会): the groupings of the roster.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::now;
use crate::error::{Error, Result};
use crate::text::clean_name;

/// A community and its party committee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Community {
    pub id: i64,
    pub name: String,
    /// The party committee, e.g. 海棠社区党委.
    pub party_org: String,
    pub party_secretary: String,
    pub contact: String,
    pub phones: Vec<String>,
    pub address: String,
    pub notes: String,
}

/// A branch (分会) of the joint meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Branch {
    pub id: i64,
    pub name: String,
    pub sort_order: i64,
}

/// All communities by name.
pub fn communities(conn: &Connection) -> Result<Vec<Community>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, party_org, party_secretary, contact, phones, address, notes
         FROM communities ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        let phones: String = r.get(5)?;
        Ok(Community {
            id: r.get(0)?,
            name: r.get(1)?,
            party_org: r.get(2)?,
            party_secretary: r.get(3)?,
            contact: r.get(4)?,
            phones: serde_json::from_str(&phones).unwrap_or_default(),
            address: r.get(6)?,
            notes: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// All branches in their order.
pub fn branches(conn: &Connection) -> Result<Vec<Branch>> {
    let mut stmt =
        conn.prepare("SELECT id, name, sort_order FROM branches ORDER BY sort_order, id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Branch {
            id: r.get(0)?,
            name: r.get(1)?,
            sort_order: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds a community, or returns the id of the one with that name.
pub fn ensure_community(conn: &Connection, name: &str, party_org: &str) -> Result<i64> {
    let name = clean_name(name);
    if name.is_empty() {
        return Err(Error::invalid("community", "请填写社区名称。"));
    }
    if let Some(id) = conn
        .query_row("SELECT id FROM communities WHERE name = ?1", [&name], |r| {
            r.get(0)
        })
        .optional()?
    {
        return Ok(id);
    }
    let ts = now();
    conn.execute(
        "INSERT INTO communities (name, party_org, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        params![name, clean_name(party_org), ts],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Adds a branch, or returns the id of the one with that name.
pub fn ensure_branch(conn: &Connection, name: &str) -> Result<i64> {
    let name = clean_name(name);
    if name.is_empty() {
        return Err(Error::invalid("branch", "请填写分会名称。"));
    }
    if let Some(id) = conn
        .query_row("SELECT id FROM branches WHERE name = ?1", [&name], |r| {
            r.get(0)
        })
        .optional()?
    {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO branches (name, sort_order)
         VALUES (?1, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM branches))",
        [&name],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn community_name(conn: &Connection, id: i64) -> Result<String> {
    conn.query_row("SELECT name FROM communities WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(Error::NotFound {
        what: "社区",
        id: id.to_string(),
    })
}

pub(crate) fn branch_name(conn: &Connection, id: i64) -> Result<String> {
    conn.query_row("SELECT name FROM branches WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(Error::NotFound {
        what: "分会",
        id: id.to_string(),
    })
}
