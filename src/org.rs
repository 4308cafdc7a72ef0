//! Communities (社区) and branches (分会): the groupings of the roster.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::{atomically, now};
use crate::error::{Error, Result};
use crate::text::{clean_name, clean_text};
use crate::units::{self, Grouping};

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
    /// How many member units belong to it.
    pub unit_count: i64,
    /// What it lacks for agreements (书记, 联系人, 电话), by label.
    pub missing: Vec<String>,
}

/// A branch (分会) of the joint meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Branch {
    pub id: i64,
    pub name: String,
    pub sort_order: i64,
    /// How many member units belong to it.
    pub unit_count: i64,
}

fn community_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Community> {
    let mut c = Community {
        id: r.get("id")?,
        name: r.get("name")?,
        party_org: r.get("party_org")?,
        party_secretary: r.get("party_secretary")?,
        contact: r.get("contact")?,
        phones: crate::labelled::json_column(r, "phones")?,
        address: r.get("address")?,
        notes: r.get("notes")?,
        unit_count: r.get("unit_count")?,
        missing: Vec::new(),
    };
    c.missing = community_missing(&c)
        .into_iter()
        .map(str::to_string)
        .collect();
    Ok(c)
}

const SELECT_COMMUNITIES: &str = "SELECT c.*,
    (SELECT COUNT(*) FROM units u WHERE u.community_id = c.id) AS unit_count
    FROM communities c";

/// All communities, in the order they were added.
pub fn communities(conn: &Connection) -> Result<Vec<Community>> {
    let mut stmt = conn.prepare(&format!("{SELECT_COMMUNITIES} ORDER BY c.id"))?;
    let rows = stmt.query_map([], community_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One community.
pub fn community(conn: &Connection, id: i64) -> Result<Community> {
    conn.query_row(
        &format!("{SELECT_COMMUNITIES} WHERE c.id = ?1"),
        [id],
        community_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "社区",
        id: id.to_string(),
    })
}

/// What the user edits of a community.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CommunityInput {
    pub name: String,
    /// 社区党委名称; empty means “{name}党委”.
    pub party_org: String,
    /// 书记.
    pub party_secretary: String,
    pub contact: String,
    pub phones: Vec<String>,
    pub address: String,
    pub notes: String,
}

impl From<&Community> for CommunityInput {
    fn from(c: &Community) -> Self {
        CommunityInput {
            name: c.name.clone(),
            party_org: c.party_org.clone(),
            party_secretary: c.party_secretary.clone(),
            contact: c.contact.clone(),
            phones: c.phones.clone(),
            address: c.address.clone(),
            notes: c.notes.clone(),
        }
    }
}

fn validate_community(input: &CommunityInput) -> Result<CommunityInput> {
    let v = CommunityInput {
        name: clean_name(&input.name),
        party_org: clean_name(&input.party_org),
        party_secretary: clean_name(&input.party_secretary),
        contact: clean_name(&input.contact),
        // A form sends what was typed in one field: numbers separated by 、 or ，.
        phones: input
            .phones
            .iter()
            .flat_map(|p| crate::phone::split_typed(p))
            .map(|p| clean_text(&p).replace(' ', ""))
            .filter(|p| !p.is_empty())
            .collect(),
        address: clean_text(&input.address),
        notes: input.notes.trim().to_string(),
    };
    if v.name.is_empty() {
        return Err(Error::invalid("name", "请填写社区名称。"));
    }
    if v.name.chars().count() > 40 {
        return Err(Error::invalid("name", "社区名称过长（最多 40 个字）。"));
    }
    for p in &v.phones {
        crate::phone::validate(p).map_err(|m| Error::invalid("phones", m))?;
    }
    Ok(v)
}

/// Refuses `name` when another community or branch (`table`) has it: the user merges instead.
fn name_taken(conn: &Connection, table: Grouping, name: &str, except: Option<i64>) -> Result<()> {
    let (sql, what) = match table {
        Grouping::Community => (
            "SELECT id FROM communities WHERE name = ?1 AND id IS NOT ?2",
            "社区",
        ),
        Grouping::Branch => (
            "SELECT id FROM branches WHERE name = ?1 AND id IS NOT ?2",
            "分会",
        ),
    };
    let other: Option<i64> = conn
        .query_row(sql, params![name, except], |r| r.get(0))
        .optional()?;
    if other.is_some() {
        return Err(Error::Conflict(format!(
            "已有名为“{name}”的{what}。如果两者是同一个{what}，请用“合并”把它们合成一个。"
        )));
    }
    Ok(())
}

/// Adds a community with its details.
pub fn create_community(conn: &Connection, input: &CommunityInput) -> Result<Community> {
    let v = validate_community(input)?;
    name_taken(conn, Grouping::Community, &v.name, None)?;
    let ts = now();
    conn.execute(
        "INSERT INTO communities (name, party_org, party_secretary, contact, phones, address,
            notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            v.name,
            v.party_org,
            v.party_secretary,
            v.contact,
            json_list(&v.phones),
            v.address,
            v.notes,
            ts
        ],
    )?;
    community(conn, conn.last_insert_rowid())
}

/// Changes a community's details, its name included (a rename keeps every reference).
pub fn update_community(conn: &Connection, id: i64, input: &CommunityInput) -> Result<Community> {
    community(conn, id)?;
    let v = validate_community(input)?;
    name_taken(conn, Grouping::Community, &v.name, Some(id))?;
    conn.execute(
        "UPDATE communities SET name = ?1, party_org = ?2, party_secretary = ?3, contact = ?4,
            phones = ?5, address = ?6, notes = ?7, updated_at = ?8
         WHERE id = ?9",
        params![
            v.name,
            v.party_org,
            v.party_secretary,
            v.contact,
            json_list(&v.phones),
            v.address,
            v.notes,
            now(),
            id
        ],
    )?;
    community(conn, id)
}

fn json_list(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Merges community `from` into `into` (two spellings of one community from two offices'
/// files): its units, agreements, needs and projects move to `into`, details `into` lacks are
/// taken from `from`, and `from` is removed. One transaction.
pub fn merge_communities(conn: &Connection, from: i64, into: i64) -> Result<Community> {
    if from == into {
        return Err(Error::invalid(
            "community",
            "请选择另一个社区作为合并目标。",
        ));
    }
    atomically(conn, || {
        let (a, b) = (community(conn, from)?, community(conn, into)?);
        units::regroup(conn, Grouping::Community, from, into)?;
        for sql in [
            "UPDATE agreements SET party_a_community_id = ?2 WHERE party_a_community_id = ?1",
            "UPDATE agreements SET party_b_community_id = ?2 WHERE party_b_community_id = ?1",
            "UPDATE needs SET community_id = ?2 WHERE community_id = ?1",
            "UPDATE projects SET community_id = ?2 WHERE community_id = ?1",
        ] {
            conn.execute(sql, params![from, into])?;
        }
        let pick = |mine: &str, theirs: &str| {
            if mine.trim().is_empty() {
                theirs.to_string()
            } else {
                mine.to_string()
            }
        };
        let mut phones = b.phones.clone();
        for p in &a.phones {
            if !phones.contains(p) {
                phones.push(p.clone());
            }
        }
        conn.execute(
            "UPDATE communities SET party_org = ?1, party_secretary = ?2, contact = ?3,
                phones = ?4, address = ?5, notes = ?6, updated_at = ?7 WHERE id = ?8",
            params![
                pick(&b.party_org, &a.party_org),
                pick(&b.party_secretary, &a.party_secretary),
                pick(&b.contact, &a.contact),
                json_list(&phones),
                pick(&b.address, &a.address),
                pick(&b.notes, &a.notes),
                now(),
                into
            ],
        )?;
        conn.execute("DELETE FROM communities WHERE id = ?1", [from])?;
        community(conn, into)
    })
}

/// Removes a community that nothing refers to.
pub fn delete_community(conn: &Connection, id: i64) -> Result<()> {
    let c = community(conn, id)?;
    let used: i64 = conn.query_row(
        "SELECT (SELECT COUNT(*) FROM units WHERE community_id = ?1)
            + (SELECT COUNT(*) FROM agreements
               WHERE party_a_community_id = ?1 OR party_b_community_id = ?1)
            + (SELECT COUNT(*) FROM needs WHERE community_id = ?1)
            + (SELECT COUNT(*) FROM projects WHERE community_id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if used > 0 {
        return Err(Error::Conflict(format!(
            "“{}”下还有成员单位或协议等记录，不能删除；如是重复的社区，请用“合并”。",
            c.name
        )));
    }
    conn.execute("DELETE FROM communities WHERE id = ?1", [id])?;
    Ok(())
}

/// Which details a community lacks for agreements (书记, 联系人, 电话), by label.
pub fn community_missing(c: &Community) -> Vec<&'static str> {
    let mut out = Vec::new();
    if c.party_secretary.trim().is_empty() {
        out.push("书记");
    }
    if c.contact.trim().is_empty() {
        out.push("联系人");
    }
    if c.phones.iter().all(|p| p.trim().is_empty()) {
        out.push("电话");
    }
    out
}

/// All branches in their order.
pub fn branches(conn: &Connection) -> Result<Vec<Branch>> {
    let mut stmt = conn.prepare(
        "SELECT b.id, b.name, b.sort_order,
            (SELECT COUNT(*) FROM units u WHERE u.branch_id = b.id) AS unit_count
         FROM branches b ORDER BY b.sort_order, b.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Branch {
            id: r.get("id")?,
            name: r.get("name")?,
            sort_order: r.get("sort_order")?,
            unit_count: r.get("unit_count")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds a branch; a name that exists already is refused (the user merges instead).
pub fn create_branch(conn: &Connection, name: &str) -> Result<Branch> {
    let name = clean_name(name);
    if name.is_empty() {
        return Err(Error::invalid("branch", "请填写分会名称。"));
    }
    name_taken(conn, Grouping::Branch, &name, None)?;
    let id = ensure_branch(conn, &name)?;
    branch(conn, id)
}

/// Renames a branch (its units follow).
pub fn rename_branch(conn: &Connection, id: i64, name: &str) -> Result<Branch> {
    branch_name(conn, id)?;
    let name = clean_name(name);
    if name.is_empty() {
        return Err(Error::invalid("branch", "请填写分会名称。"));
    }
    name_taken(conn, Grouping::Branch, &name, Some(id))?;
    conn.execute(
        "UPDATE branches SET name = ?1 WHERE id = ?2",
        params![name, id],
    )?;
    branch(conn, id)
}

fn branch(conn: &Connection, id: i64) -> Result<Branch> {
    branches(conn)?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or(Error::NotFound {
            what: "分会",
            id: id.to_string(),
        })
}

/// Merges branch `from` into `into`: its units move, and `from` is removed. One transaction.
pub fn merge_branches(conn: &Connection, from: i64, into: i64) -> Result<Branch> {
    if from == into {
        return Err(Error::invalid("branch", "请选择另一个分会作为合并目标。"));
    }
    atomically(conn, || {
        branch_name(conn, from)?;
        branch_name(conn, into)?;
        units::regroup(conn, Grouping::Branch, from, into)?;
        conn.execute("DELETE FROM branches WHERE id = ?1", [from])?;
        branch(conn, into)
    })
}

/// Removes a branch no unit belongs to.
pub fn delete_branch(conn: &Connection, id: i64) -> Result<()> {
    let b = branch(conn, id)?;
    if b.unit_count > 0 {
        return Err(Error::Conflict(format!(
            "“{}”下还有 {} 家成员单位，不能删除；可以把它合并到另一个分会。",
            b.name, b.unit_count
        )));
    }
    conn.execute("DELETE FROM branches WHERE id = ?1", [id])?;
    Ok(())
}

/// Adds a community, or returns the id of the one with that name.
pub fn ensure_community(conn: &Connection, name: &str, party_org: &str) -> Result<i64> {
    let name = clean_name(name);
    if name.is_empty() {
        return Err(Error::invalid("community", "请填写社区名称。"));
    }
    if let Some(id) = id_named(conn, "communities", &name)? {
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
    if let Some(id) = id_named(conn, "branches", &name)? {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO branches (name, sort_order)
         VALUES (?1, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM branches))",
        [&name],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The id of the row of `table` (communities or branches) with this exact name.
fn id_named(conn: &Connection, table: &str, name: &str) -> Result<Option<i64>> {
    let sql = format!("SELECT id FROM {table} WHERE name = ?1");
    Ok(conn.query_row(&sql, [name], |r| r.get(0)).optional()?)
}

/// The name of row `id` of `table`; `what` names it in the message when there is none.
fn name_of(conn: &Connection, table: &str, what: &'static str, id: i64) -> Result<String> {
    let sql = format!("SELECT name FROM {table} WHERE id = ?1");
    conn.query_row(&sql, [id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound {
            what,
            id: id.to_string(),
        })
}

pub(crate) fn community_name(conn: &Connection, id: i64) -> Result<String> {
    name_of(conn, "communities", "社区", id)
}

pub(crate) fn branch_name(conn: &Connection, id: i64) -> Result<String> {
    name_of(conn, "branches", "分会", id)
}
