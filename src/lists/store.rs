//! Needs, resources, projects and claims as stored: one insert and one update per record, rows
//! read by column name. Bad input is refused before anything is written; writes that belong
//! together (a claim and its needs' statuses, a result and its attachments) are one
//! transaction.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rusqlite::{named_params, params, Connection, OptionalExtension, Row};

use super::{
    Attachment, Claim, ClaimInput, ListKind, ListsOverview, Need, NeedFilter, NeedInput,
    NeedStatus, ProgressNote, Project, ProjectFilter, ProjectInput, ProjectStatus, Resource,
    ResourceFilter, ResourceInput, ResourceKind, ResultInput, StatusCount,
};
use crate::db::{atomically, now};
use crate::error::{Error, Result};
use crate::text::{clean_name, clean_text, name_key};
use crate::units::UnitStatus;

/// The settings key of the project categories (a JSON array of text).
const CATEGORIES_KEY: &str = "lists.categories";

/// The categories a new database offers.
pub const DEFAULT_CATEGORIES: [&str; 4] = ["宣传宣讲", "关心关爱", "服务指导", "区域发展"];

/// The longest name or category accepted.
const MAX_NAME: usize = 100;

// ---------------------------------------------------------------------------------------------
// Shared helpers

use crate::labelled::date_column as date_col;

fn day(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn table(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Needs => "needs",
        ListKind::Resources => "resources",
        ListKind::Projects => "projects",
    }
}

fn what(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Needs => "需求",
        ListKind::Resources => "资源",
        ListKind::Projects => "项目",
    }
}

/// A name or category as typed, on one line: trimmed, runs of white space (line breaks in a
/// cell too) made one space between Latin words and none next to Chinese. Unlike unit names,
/// no NFKC: “红色物业”联建，共同… keeps its full-width punctuation.
pub(crate) fn clean_title(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for word in raw.replace('\u{3000}', " ").split_whitespace() {
        let glue = match (out.chars().last(), word.chars().next()) {
            (Some(a), Some(b)) => !(crate::text::is_cjk(a) || crate::text::is_cjk(b)),
            _ => false,
        };
        if glue {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn required_name(field: &'static str, label: &str, raw: &str) -> Result<String> {
    let v = clean_title(raw);
    if v.is_empty() {
        return Err(Error::invalid(field, format!("请填写{label}。")));
    }
    if v.chars().count() > MAX_NAME {
        return Err(Error::invalid(
            field,
            format!("{label}过长（最多 {MAX_NAME} 个字）。"),
        ));
    }
    Ok(v)
}

fn check_year(year: i32) -> Result<i32> {
    if (1900..=2200).contains(&year) {
        Ok(year)
    } else {
        Err(Error::invalid("year", format!("年度“{year}”无效。")))
    }
}

/// The year of a new record: the one given, else the meeting's, else this year.
fn year_of(conn: &Connection, year: Option<i32>, meeting: Option<i64>) -> Result<i32> {
    if let Some(y) = year {
        return check_year(y);
    }
    if let Some(id) = meeting {
        if let Some(d) = crate::meetings::get(conn, id)?.date {
            return Ok(d.year());
        }
    }
    Ok(crate::date::today().year())
}

/// The number a record gets: the one asked for (free in its year), else the next free one.
/// `own` is the record being edited (its own number is free to keep).
fn number_for(
    conn: &Connection,
    kind: ListKind,
    year: i32,
    asked: Option<i64>,
    own: Option<i64>,
) -> Result<i64> {
    let t = table(kind);
    match asked {
        Some(n) if !(1..=99_999).contains(&n) => Err(Error::invalid(
            "number",
            format!("编号“{n}”无效，应为 1 到 99999 之间的整数。"),
        )),
        Some(n) => {
            let taken: Option<i64> = conn
                .query_row(
                    &format!("SELECT id FROM {t} WHERE year = ?1 AND number = ?2"),
                    params![year, n],
                    |r| r.get(0),
                )
                .optional()?;
            match taken {
                Some(id) if Some(id) != own => Err(Error::Conflict(format!(
                    "{year}年的{}编号 {} 已被使用，请换一个编号或留空自动编号。",
                    what(kind),
                    kind.record_code(year, n)
                ))),
                _ => Ok(n),
            }
        }
        None => Ok(conn.query_row(
            &format!("SELECT COALESCE(MAX(number), 0) + 1 FROM {t} WHERE year = ?1"),
            [year],
            |r| r.get(0),
        )?),
    }
}

fn unit_ok(conn: &Connection, id: i64) -> Result<crate::units::Unit> {
    crate::units::get(conn, id)
}

fn meeting_ok(conn: &Connection, id: Option<i64>) -> Result<()> {
    if let Some(id) = id {
        crate::meetings::get(conn, id)?;
    }
    Ok(())
}

fn community_ok(conn: &Connection, id: Option<i64>) -> Result<()> {
    if let Some(id) = id {
        crate::org::community(conn, id)?;
    }
    Ok(())
}

fn text_matches(text: &str, fields: &[&str]) -> bool {
    text.is_empty() || fields.iter().any(|f| name_key(f).contains(text))
}

fn ids(conn: &Connection, sql: &str, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Pairs (a, b) read by `sql`, grouped by a.
fn grouped(conn: &Connection, sql: &str) -> Result<HashMap<i64, Vec<i64>>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    let mut out: HashMap<i64, Vec<i64>> = HashMap::new();
    for row in rows {
        let (a, b) = row?;
        out.entry(a).or_default().push(b);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Categories

/// The project (and need) categories, the user's list; the defaults until changed.
pub fn categories(conn: &Connection) -> Result<Vec<String>> {
    let stored = crate::settings::get(conn, CATEGORIES_KEY)?;
    // A stored list that does not parse is a data error, never the defaults in its place.
    let list: Option<Vec<String>> = stored
        .map(|s| {
            serde_json::from_str(&s).map_err(|_| Error::Data {
                what: CATEGORIES_KEY.into(),
                value: s.chars().take(40).collect(),
            })
        })
        .transpose()?;
    Ok(list
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| DEFAULT_CATEGORIES.iter().map(|s| s.to_string()).collect()))
}

/// Replaces the categories. Names are trimmed; empty lines go; a repeated name, an over-long
/// one or an empty list is refused. Records keep the category they have.
pub fn set_categories(conn: &Connection, list: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for raw in list {
        let c = clean_title(raw);
        if c.is_empty() {
            continue;
        }
        if c.chars().count() > 20 {
            return Err(Error::invalid(
                "categories",
                format!("类别“{c}”过长（最多 20 个字）。"),
            ));
        }
        if out.contains(&c) {
            return Err(Error::invalid("categories", format!("类别“{c}”重复了。")));
        }
        out.push(c);
    }
    if out.is_empty() {
        return Err(Error::invalid("categories", "请至少保留一个类别。"));
    }
    let json = serde_json::to_string(&out)?;
    crate::settings::set(conn, CATEGORIES_KEY, &json)?;
    Ok(out)
}

fn clean_category(raw: &str) -> Result<String> {
    let c = clean_title(raw);
    if c.chars().count() > 20 {
        return Err(Error::invalid(
            "category",
            format!("类别“{c}”过长（最多 20 个字）。"),
        ));
    }
    Ok(c)
}

// ---------------------------------------------------------------------------------------------
// Needs

const NEED_SELECT: &str = "SELECT n.*, c.name AS community_name, u.name AS unit_name
    FROM needs n LEFT JOIN communities c ON c.id = n.community_id
    LEFT JOIN units u ON u.id = n.unit_id";

fn need_from_row(r: &Row<'_>) -> rusqlite::Result<Need> {
    let year: i32 = r.get("year")?;
    let number: i64 = r.get("number")?;
    let community: Option<String> = r.get("community_name")?;
    let unit: Option<String> = r.get("unit_name")?;
    let text: String = r.get("raised_by")?;
    Ok(Need {
        id: r.get("id")?,
        year,
        number,
        code: ListKind::Needs.record_code(year, number),
        name: r.get("name")?,
        community_id: r.get("community_id")?,
        unit_id: r.get("unit_id")?,
        raised_by: community.or(unit).unwrap_or(text),
        category: r.get("category")?,
        content: r.get("content")?,
        scale: r.get("scale")?,
        wanted_by: date_col(r, "wanted_by")?,
        contact: r.get("contact")?,
        phone: r.get("phone")?,
        status: r.get("status")?,
        meeting_id: r.get("meeting_id")?,
        notes: r.get("notes")?,
        project_ids: Vec::new(),
        import_batch_id: r.get("import_batch_id")?,
        source_row: r.get("source_row")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

/// The needs `filter` selects, by year and number.
pub fn list_needs(conn: &Connection, filter: &NeedFilter) -> Result<Vec<Need>> {
    let mut stmt = conn.prepare(&format!(
        "{NEED_SELECT} WHERE (:year IS NULL OR n.year = :year)
           AND (:status IS NULL OR n.status = :status)
           AND (:unit IS NULL OR n.unit_id = :unit)
           AND (:community IS NULL OR n.community_id = :community)
         ORDER BY n.year, n.number"
    ))?;
    let rows = stmt.query_map(
        named_params! {
            ":year": filter.year,
            ":status": filter.status.map(NeedStatus::code),
            ":unit": filter.unit_id,
            ":community": filter.community_id,
        },
        need_from_row,
    )?;
    let all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let links = grouped(
        conn,
        "SELECT need_id, project_id FROM project_needs ORDER BY project_id",
    )?;
    let text = name_key(&filter.text);
    let category = filter.category.as_deref().map(clean_title);
    Ok(all
        .into_iter()
        .filter(|n| category.as_ref().is_none_or(|c| *c == n.category))
        .filter(|n| {
            text_matches(
                &text,
                &[&n.code, &n.name, &n.raised_by, &n.content, &n.contact],
            )
        })
        .map(|mut n| {
            n.project_ids = links.get(&n.id).cloned().unwrap_or_default();
            n
        })
        .collect())
}

/// One need.
pub fn get_need(conn: &Connection, id: i64) -> Result<Need> {
    let mut n = conn
        .query_row(
            &format!("{NEED_SELECT} WHERE n.id = ?1"),
            [id],
            need_from_row,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "需求",
            id: id.to_string(),
        })?;
    n.project_ids = ids(
        conn,
        "SELECT project_id FROM project_needs WHERE need_id = ?1 ORDER BY project_id",
        id,
    )?;
    Ok(n)
}

/// The cleaned input, ready to write (year and number settled). `own` is the need edited.
pub(crate) fn validate_need(
    conn: &Connection,
    input: &NeedInput,
    own: Option<&Need>,
) -> Result<NeedInput> {
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
    let year = match (v.year, own) {
        (None, Some(n)) => n.year,
        (y, _) => year_of(conn, y, v.meeting_id)?,
    };
    v.year = Some(year);
    let asked = v
        .number
        .or(own.filter(|n| n.year == year).map(|n| n.number));
    v.number = Some(number_for(
        conn,
        ListKind::Needs,
        year,
        asked,
        own.map(|n| n.id),
    )?);
    v.category = clean_category(&v.category)?;
    for s in [&mut v.scale, &mut v.contact, &mut v.phone] {
        *s = clean_text(s);
    }
    v.content = v.content.trim().to_string();
    v.notes = v.notes.trim().to_string();
    v.status = Some(
        v.status
            .or(own.map(|n| n.status))
            .unwrap_or(NeedStatus::Collecting),
    );
    Ok(v)
}

/// The one insert of a need (validated input).
pub(crate) fn insert_need(
    conn: &Connection,
    v: &NeedInput,
    batch: Option<i64>,
    source_row: Option<i64>,
) -> Result<i64> {
    let ts = now();
    conn.execute(
        "INSERT INTO needs (year, number, name, community_id, unit_id, raised_by, category,
            content, scale, wanted_by, contact, phone, status, meeting_id, notes,
            import_batch_id, source_row, created_at, updated_at)
         VALUES (:year, :number, :name, :community_id, :unit_id, :raised_by, :category,
            :content, :scale, :wanted_by, :contact, :phone, :status, :meeting_id, :notes,
            :batch, :source_row, :ts, :ts)",
        named_params! {
            ":year": v.year,
            ":number": v.number,
            ":name": v.name,
            ":community_id": v.community_id,
            ":unit_id": v.unit_id,
            ":raised_by": v.raised_by,
            ":category": v.category,
            ":content": v.content,
            ":scale": v.scale,
            ":wanted_by": day(v.wanted_by),
            ":contact": v.contact,
            ":phone": v.phone,
            ":status": v.status.unwrap_or(NeedStatus::Collecting).code(),
            ":meeting_id": v.meeting_id,
            ":notes": v.notes,
            ":batch": batch,
            ":source_row": source_row,
            ":ts": ts,
        },
    )?;
    Ok(conn.last_insert_rowid())
}

/// Records a need.
pub fn add_need(conn: &Connection, input: &NeedInput) -> Result<Need> {
    atomically(conn, || {
        let v = validate_need(conn, input, None)?;
        let id = insert_need(conn, &v, None, None)?;
        log::info!("需求：登记 {}（{id}）", v.name);
        get_need(conn, id)
    })
}

/// Edits a need (its number stays unless another is asked for).
pub fn update_need(conn: &Connection, id: i64, input: &NeedInput) -> Result<Need> {
    atomically(conn, || {
        let before = get_need(conn, id)?;
        let v = validate_need(conn, input, Some(&before))?;
        conn.execute(
            "UPDATE needs SET year = :year, number = :number, name = :name,
                community_id = :community_id, unit_id = :unit_id, raised_by = :raised_by,
                category = :category, content = :content, scale = :scale,
                wanted_by = :wanted_by, contact = :contact, phone = :phone, status = :status,
                meeting_id = :meeting_id, notes = :notes, updated_at = :ts
             WHERE id = :id",
            named_params! {
                ":id": id,
                ":year": v.year,
                ":number": v.number,
                ":name": v.name,
                ":community_id": v.community_id,
                ":unit_id": v.unit_id,
                ":raised_by": v.raised_by,
                ":category": v.category,
                ":content": v.content,
                ":scale": v.scale,
                ":wanted_by": day(v.wanted_by),
                ":contact": v.contact,
                ":phone": v.phone,
                ":status": v.status.unwrap_or(NeedStatus::Collecting).code(),
                ":meeting_id": v.meeting_id,
                ":notes": v.notes,
                ":ts": now(),
            },
        )?;
        get_need(conn, id)
    })
}

/// Deletes a need no project answers.
pub fn delete_need(conn: &Connection, id: i64) -> Result<()> {
    atomically(conn, || {
        let n = get_need(conn, id)?;
        if !n.project_ids.is_empty() {
            return Err(Error::Conflict(format!(
                "需求“{}”（{}）已关联共建项目，不能删除；可将其状态改为“已关闭”。",
                n.name, n.code
            )));
        }
        conn.execute("DELETE FROM needs WHERE id = ?1", [id])?;
        log::info!("需求：删除 {}（{id}）", n.code);
        Ok(())
    })
}

/// Moves the needs linked to `project` forward to `to` (never back, never over 已关闭).
fn advance_needs(conn: &Connection, project: i64, to: NeedStatus) -> Result<()> {
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

// ---------------------------------------------------------------------------------------------
// Resources

const RESOURCE_SELECT: &str = "SELECT r.*, u.name AS roster_name
    FROM resources r LEFT JOIN units u ON u.id = r.unit_id";

fn resource_from_row(r: &Row<'_>) -> rusqlite::Result<Resource> {
    let year: i32 = r.get("year")?;
    let number: i64 = r.get("number")?;
    let roster: Option<String> = r.get("roster_name")?;
    let written: String = r.get("unit_name")?;
    Ok(Resource {
        id: r.get("id")?,
        year,
        number,
        code: ListKind::Resources.record_code(year, number),
        unit_id: r.get("unit_id")?,
        unit_name: roster.unwrap_or(written),
        kind: r.get("kind")?,
        name: r.get("name")?,
        content: r.get("content")?,
        availability: r.get("availability")?,
        capacity: r.get("capacity")?,
        contact: r.get("contact")?,
        phone: r.get("phone")?,
        notes: r.get("notes")?,
        project_ids: Vec::new(),
        import_batch_id: r.get("import_batch_id")?,
        source_row: r.get("source_row")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

/// The resources `filter` selects, by year and number.
pub fn list_resources(conn: &Connection, filter: &ResourceFilter) -> Result<Vec<Resource>> {
    let mut stmt = conn.prepare(&format!(
        "{RESOURCE_SELECT} WHERE (:year IS NULL OR r.year = :year)
           AND (:kind IS NULL OR r.kind = :kind)
           AND (:unit IS NULL OR r.unit_id = :unit)
         ORDER BY r.year, r.number"
    ))?;
    let rows = stmt.query_map(
        named_params! {
            ":year": filter.year,
            ":kind": filter.kind.map(ResourceKind::code),
            ":unit": filter.unit_id,
        },
        resource_from_row,
    )?;
    let all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let links = grouped(
        conn,
        "SELECT resource_id, project_id FROM project_resources ORDER BY project_id",
    )?;
    let text = name_key(&filter.text);
    Ok(all
        .into_iter()
        .filter(|r| {
            text_matches(
                &text,
                &[&r.code, &r.name, &r.unit_name, &r.content, &r.contact],
            )
        })
        .map(|mut r| {
            r.project_ids = links.get(&r.id).cloned().unwrap_or_default();
            r
        })
        .collect())
}

/// One resource.
pub fn get_resource(conn: &Connection, id: i64) -> Result<Resource> {
    let mut r = conn
        .query_row(
            &format!("{RESOURCE_SELECT} WHERE r.id = ?1"),
            [id],
            resource_from_row,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "资源",
            id: id.to_string(),
        })?;
    r.project_ids = ids(
        conn,
        "SELECT project_id FROM project_resources WHERE resource_id = ?1 ORDER BY project_id",
        id,
    )?;
    Ok(r)
}

/// The cleaned input, ready to write.
pub(crate) fn validate_resource(
    conn: &Connection,
    input: &ResourceInput,
    own: Option<&Resource>,
) -> Result<ResourceInput> {
    let mut v = input.clone();
    v.name = required_name("name", "资源名称", &v.name)?;
    match v.unit_id {
        Some(u) => {
            unit_ok(conn, u)?;
            v.unit_name = String::new();
        }
        None => {
            v.unit_name = required_name("unit", "提供资源的单位", &v.unit_name)?;
        }
    }
    let year = match (v.year, own) {
        (None, Some(r)) => r.year,
        (y, _) => year_of(conn, y, None)?,
    };
    v.year = Some(year);
    let asked = v
        .number
        .or(own.filter(|r| r.year == year).map(|r| r.number));
    v.number = Some(number_for(
        conn,
        ListKind::Resources,
        year,
        asked,
        own.map(|r| r.id),
    )?);
    for s in [
        &mut v.availability,
        &mut v.capacity,
        &mut v.contact,
        &mut v.phone,
    ] {
        *s = clean_text(s);
    }
    v.content = v.content.trim().to_string();
    v.notes = v.notes.trim().to_string();
    Ok(v)
}

/// The one insert of a resource (validated input).
pub(crate) fn insert_resource(
    conn: &Connection,
    v: &ResourceInput,
    batch: Option<i64>,
    source_row: Option<i64>,
) -> Result<i64> {
    let ts = now();
    conn.execute(
        "INSERT INTO resources (year, number, unit_id, unit_name, kind, name, content,
            availability, capacity, contact, phone, notes, import_batch_id, source_row,
            created_at, updated_at)
         VALUES (:year, :number, :unit_id, :unit_name, :kind, :name, :content,
            :availability, :capacity, :contact, :phone, :notes, :batch, :source_row, :ts, :ts)",
        named_params! {
            ":year": v.year,
            ":number": v.number,
            ":unit_id": v.unit_id,
            ":unit_name": v.unit_name,
            ":kind": v.kind.code(),
            ":name": v.name,
            ":content": v.content,
            ":availability": v.availability,
            ":capacity": v.capacity,
            ":contact": v.contact,
            ":phone": v.phone,
            ":notes": v.notes,
            ":batch": batch,
            ":source_row": source_row,
            ":ts": ts,
        },
    )?;
    Ok(conn.last_insert_rowid())
}

/// Records a resource.
pub fn add_resource(conn: &Connection, input: &ResourceInput) -> Result<Resource> {
    atomically(conn, || {
        let v = validate_resource(conn, input, None)?;
        let id = insert_resource(conn, &v, None, None)?;
        log::info!("资源：登记 {}（{id}）", v.name);
        get_resource(conn, id)
    })
}

/// Edits a resource.
pub fn update_resource(conn: &Connection, id: i64, input: &ResourceInput) -> Result<Resource> {
    atomically(conn, || {
        let before = get_resource(conn, id)?;
        let v = validate_resource(conn, input, Some(&before))?;
        conn.execute(
            "UPDATE resources SET year = :year, number = :number, unit_id = :unit_id,
                unit_name = :unit_name, kind = :kind, name = :name, content = :content,
                availability = :availability, capacity = :capacity, contact = :contact,
                phone = :phone, notes = :notes, updated_at = :ts
             WHERE id = :id",
            named_params! {
                ":id": id,
                ":year": v.year,
                ":number": v.number,
                ":unit_id": v.unit_id,
                ":unit_name": v.unit_name,
                ":kind": v.kind.code(),
                ":name": v.name,
                ":content": v.content,
                ":availability": v.availability,
                ":capacity": v.capacity,
                ":contact": v.contact,
                ":phone": v.phone,
                ":notes": v.notes,
                ":ts": now(),
            },
        )?;
        get_resource(conn, id)
    })
}

/// Deletes a resource no project uses.
pub fn delete_resource(conn: &Connection, id: i64) -> Result<()> {
    atomically(conn, || {
        let r = get_resource(conn, id)?;
        if !r.project_ids.is_empty() {
            return Err(Error::Conflict(format!(
                "资源“{}”（{}）已关联共建项目，不能删除。",
                r.name, r.code
            )));
        }
        conn.execute("DELETE FROM resources WHERE id = ?1", [id])?;
        log::info!("资源：删除 {}（{id}）", r.code);
        Ok(())
    })
}

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

fn claim_from_row(r: &Row<'_>) -> rusqlite::Result<Claim> {
    let lead: bool = r.get("lead")?;
    let status: Option<String> = r.get("unit_status")?;
    Ok(Claim {
        id: r.get("id")?,
        project_id: r.get("project_id")?,
        unit_id: r.get("unit_id")?,
        unit_name: r.get("unit_name")?,
        lead,
        role: if lead { "牵头" } else { "协作" }.to_string(),
        claimed_on: date_col(r, "claimed_on")?,
        commitment: r.get("commitment")?,
        contact: r.get("contact")?,
        phone: r.get("phone")?,
        unit_left: status.as_deref() == Some("left"),
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

fn need_status_for(s: ProjectStatus) -> Option<NeedStatus> {
    match s {
        ProjectStatus::Unclaimed => None,
        ProjectStatus::Claimed => Some(NeedStatus::Claimed),
        ProjectStatus::Underway => Some(NeedStatus::Underway),
        ProjectStatus::Done => Some(NeedStatus::Done),
    }
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

// ---------------------------------------------------------------------------------------------
// Claims

/// The one insert of a claim (checked: the unit is on the roster and has not claimed it yet).
/// `lead` makes it the 牵头; the first claimant leads when nobody does.
pub(crate) fn insert_claim(
    conn: &Connection,
    project: &Project,
    input: &ClaimInput,
    batch: Option<i64>,
) -> Result<()> {
    let unit = unit_ok(conn, input.unit_id)?;
    if unit.status == UnitStatus::Left {
        return Err(Error::Conflict(format!(
            "“{}”已退出联席会，不能认领项目。",
            unit.name
        )));
    }
    if project.claims.iter().any(|c| c.unit_id == unit.id) {
        return Err(Error::Conflict(format!(
            "“{}”已认领项目“{}”。",
            unit.name, project.name
        )));
    }
    if project.result_on.is_some() {
        return Err(Error::Conflict(format!(
            "项目“{}”已完成，不能再认领。",
            project.name
        )));
    }
    let lead = input.lead || project.lead().is_none();
    if lead {
        conn.execute(
            "UPDATE claims SET lead = 0 WHERE project_id = ?1",
            [project.id],
        )?;
    }
    let claimed_on = match input.claimed_on {
        Some(d) => d,
        None => match project.meeting_id {
            Some(m) => crate::meetings::get(conn, m)?
                .date
                .unwrap_or_else(crate::date::today),
            None => crate::date::today(),
        },
    };
    let contact = match clean_text(&input.contact) {
        c if c.is_empty() => unit.contact.clone(),
        c => c,
    };
    let phone = match clean_text(&input.phone) {
        p if p.is_empty() => unit.phones.first().cloned().unwrap_or_default(),
        p => p,
    };
    conn.execute(
        "INSERT INTO claims (project_id, unit_id, unit_name, lead, claimed_on, commitment,
            contact, phone, import_batch_id, created_at)
         VALUES (:project, :unit, :name, :lead, :on, :commitment, :contact, :phone, :batch, :ts)",
        named_params! {
            ":project": project.id,
            ":unit": unit.id,
            ":name": unit.name,
            ":lead": lead,
            ":on": day(Some(claimed_on)),
            ":commitment": input.commitment.trim(),
            ":contact": contact,
            ":phone": phone,
            ":batch": batch,
            ":ts": now(),
        },
    )?;
    advance_needs(conn, project.id, NeedStatus::Claimed)?;
    Ok(())
}

/// 认领 by several units at once (the units picked in one dialog): all are written or none.
pub fn claim_many(conn: &Connection, project_id: i64, claims: &[ClaimInput]) -> Result<Project> {
    if claims.is_empty() {
        return Err(Error::invalid("unit_id", "请至少选择一家认领单位。"));
    }
    atomically(conn, || {
        for c in claims {
            claim(conn, project_id, c)?;
        }
        get_project(conn, project_id)
    })
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

/// A unit claims (认领) a project; its linked needs move forward to 已认领.
pub fn claim(conn: &Connection, project_id: i64, input: &ClaimInput) -> Result<Project> {
    atomically(conn, || {
        let p = get_project(conn, project_id)?;
        insert_claim(conn, &p, input, None)?;
        log::info!("共建项目：{} 由单位 {} 认领", p.code, input.unit_id);
        get_project(conn, project_id)
    })
}

/// Withdraws a unit's claim (not of a finished project). When the lead goes, the earliest
/// other claimant leads. Linked needs keep their status.
pub fn unclaim(conn: &Connection, project_id: i64, unit_id: i64) -> Result<Project> {
    atomically(conn, || {
        let p = get_project(conn, project_id)?;
        let Some(c) = p.claims.iter().find(|c| c.unit_id == unit_id) else {
            return Err(Error::NotFound {
                what: "认领记录",
                id: format!("{}/{unit_id}", p.code),
            });
        };
        if p.result_on.is_some() {
            return Err(Error::Conflict(format!(
                "项目“{}”已完成，不能取消认领。",
                p.name
            )));
        }
        conn.execute("DELETE FROM claims WHERE id = ?1", [c.id])?;
        if c.lead {
            if let Some(next) = p.claims.iter().find(|o| o.id != c.id) {
                conn.execute("UPDATE claims SET lead = 1 WHERE id = ?1", [next.id])?;
            }
        }
        log::info!("共建项目：{} 取消单位 {unit_id} 的认领", p.code);
        get_project(conn, project_id)
    })
}

/// Makes a claimant the 牵头 (the others become 协作).
pub fn set_lead(conn: &Connection, project_id: i64, unit_id: i64) -> Result<Project> {
    atomically(conn, || {
        let p = get_project(conn, project_id)?;
        let Some(c) = p.claims.iter().find(|c| c.unit_id == unit_id) else {
            return Err(Error::invalid(
                "lead",
                format!("该单位没有认领项目“{}”，不能设为牵头单位。", p.name),
            ));
        };
        conn.execute("UPDATE claims SET lead = 0 WHERE project_id = ?1", [p.id])?;
        conn.execute("UPDATE claims SET lead = 1 WHERE id = ?1", [c.id])?;
        get_project(conn, project_id)
    })
}

/// The names of the projects `unit_id` claimed in `year`, by number (for {{共建项目}}).
pub fn claimed_project_names(conn: &Connection, unit_id: i64, year: i32) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT p.name FROM projects p JOIN claims c ON c.project_id = p.id
         WHERE c.unit_id = ?1 AND p.year = ?2 ORDER BY p.number",
    )?;
    let rows = stmt.query_map(params![unit_id, year], |r| r.get("name"))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---------------------------------------------------------------------------------------------
// Progress and results

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

/// The choices the screens offer (statuses, resource types, categories, import columns).
pub fn labels(conn: &Connection) -> Result<super::ListLabels> {
    let names = |v: &[&'static str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Ok(super::ListLabels {
        need_statuses: names(
            &NeedStatus::ALL
                .iter()
                .map(|s| s.label())
                .collect::<Vec<_>>(),
        ),
        project_statuses: names(
            &ProjectStatus::ALL
                .iter()
                .map(|s| s.label())
                .collect::<Vec<_>>(),
        ),
        resource_kinds: names(
            &ResourceKind::ALL
                .iter()
                .map(|s| s.label())
                .collect::<Vec<_>>(),
        ),
        categories: categories(conn)?,
        need_fields: super::import::field_labels(ListKind::Needs),
        resource_fields: super::import::field_labels(ListKind::Resources),
        project_fields: super::import::field_labels(ListKind::Projects),
        overdue: super::OVERDUE.into(),
        attachment_extensions: super::ATTACHMENT_EXTENSIONS.map(String::from).to_vec(),
    })
}

// ---------------------------------------------------------------------------------------------
// Overview

/// The year at a glance: counts by status, every project (unclaimed first, then overdue),
/// and the overdue ones.
pub fn overview(conn: &Connection, year: i32) -> Result<ListsOverview> {
    let needs = list_needs(
        conn,
        &NeedFilter {
            year: Some(year),
            ..NeedFilter::default()
        },
    )?;
    let resources = list_resources(
        conn,
        &ResourceFilter {
            year: Some(year),
            ..ResourceFilter::default()
        },
    )?;
    let mut projects = list_projects(
        conn,
        &ProjectFilter {
            year: Some(year),
            ..ProjectFilter::default()
        },
    )?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let needs_by_status = NeedStatus::ALL
        .iter()
        .map(|s| StatusCount {
            status: s.label().to_string(),
            count: count(needs.iter().filter(|n| n.status == *s).count()),
        })
        .collect();
    let projects_by_status = ProjectStatus::ALL
        .iter()
        .map(|s| StatusCount {
            status: s.label().to_string(),
            count: count(projects.iter().filter(|p| p.status == *s).count()),
        })
        .collect();
    let mut units: Vec<i64> = projects
        .iter()
        .flat_map(|p| p.claims.iter().map(|c| c.unit_id))
        .collect();
    units.sort_unstable();
    units.dedup();
    projects.sort_by_key(|p| (p.status != ProjectStatus::Unclaimed, !p.overdue, p.number));
    let mut overdue: Vec<Project> = projects.iter().filter(|p| p.overdue).cloned().collect();
    overdue.sort_by_key(|p| (p.deadline, p.number));
    Ok(ListsOverview {
        year,
        needs: count(needs.len()),
        resources: count(resources.len()),
        projects: count(projects.len()),
        needs_by_status,
        projects_by_status,
        overdue_count: count(overdue.len()),
        claiming_units: count(units.len()),
        projects_list: projects,
        overdue,
    })
}

// ---------------------------------------------------------------------------------------------
// Demo

/// The demo street's three lists of 2026: 12 needs, 10 resources and 15 projects claimed at
/// `meeting` (9 claimed, two of them by two units; 2 under way; 3 finished with results).
/// The demo agreements' {{共建项目}} come from these claims. Runs inside the demo loader's
/// transaction.
pub fn load_demo(conn: &Connection, meeting: Option<i64>) -> Result<usize> {
    let d = |m: u32, dd: u32| NaiveDate::from_ymd_opt(2026, m, dd);
    let unit = |name: &str| -> Result<i64> {
        crate::units::find_by_name(conn, name)?
            .map(|u| u.id)
            .ok_or(Error::NotFound {
                what: "示例单位",
                id: name.to_string(),
            })
    };
    let community = |name: &str| -> Result<Option<i64>> {
        Ok(crate::org::communities(conn)?
            .into_iter()
            .find(|c| c.name == name)
            .map(|c| c.id))
    };
    // (name, raised by a community / a unit / text, category, content, scale, wanted by)
    type DemoNeed<'a> = (
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        Option<NaiveDate>,
    );
    let needs: [DemoNeed<'_>; 12] = [
        (
            "老旧小区议事协商",
            "海棠社区",
            "区域发展",
            "小区物业与居民议事平台",
            "3个小区",
            d(12, 31),
        ),
        (
            "放学后看护",
            "紫荆社区",
            "关心关爱",
            "双职工家庭孩子课后看护",
            "约40名学生",
            d(12, 31),
        ),
        (
            "普法讲座",
            "银杏社区",
            "宣传宣讲",
            "老年人防诈骗、婚姻继承法律知识",
            "每季度1次",
            d(12, 31),
        ),
        (
            "独居老人健康随访",
            "枫林社区",
            "关心关爱",
            "每月上门测血压、建档",
            "60户",
            d(11, 30),
        ),
        (
            "夜间治安巡防",
            "梧桐社区",
            "服务指导",
            "背街小巷夜间巡逻",
            "每周2次",
            d(12, 31),
        ),
        (
            "街巷环境整治",
            "海棠社区",
            "区域发展",
            "清理楼道杂物、规范停车",
            "5条街巷",
            d(10, 31),
        ),
        (
            "退役军人就业帮扶",
            "海棠区退役军人服务站",
            "服务指导",
            "岗位推荐与技能培训",
            "20人",
            d(12, 31),
        ),
        (
            "老旧小区适老化改造",
            "居民",
            "区域发展",
            "加装扶手、坡道",
            "2个小区",
            d(12, 31),
        ),
        (
            "困难家庭学生助学",
            "紫荆社区",
            "关心关爱",
            "学习用品与结对辅导",
            "15名学生",
            d(11, 15),
        ),
        (
            "垃圾分类宣传",
            "银杏社区",
            "宣传宣讲",
            "入户宣传与桶边督导",
            "全社区",
            None,
        ),
        (
            "社区文化活动场地",
            "梧桐社区",
            "区域发展",
            "周末文体活动场地",
            "100人",
            None,
        ),
        (
            "小区充电桩安装",
            "居民",
            "区域发展",
            "电动自行车集中充电",
            "1处",
            None,
        ),
    ];
    let mut need_ids = Vec::new();
    for (i, (name, by, category, content, scale, wanted)) in needs.iter().enumerate() {
        let mut input = NeedInput {
            year: Some(2026),
            name: (*name).into(),
            category: (*category).into(),
            content: (*content).into(),
            scale: (*scale).into(),
            wanted_by: *wanted,
            contact: "林雅琴".into(),
            phone: "0532-82860001".into(),
            status: Some(match i {
                11 => NeedStatus::Closed,
                9 | 10 => NeedStatus::Collecting,
                _ => NeedStatus::Published,
            }),
            meeting_id: meeting,
            ..NeedInput::default()
        };
        if let Some(c) = community(by)? {
            input.community_id = Some(c);
        } else if let Some(u) = crate::units::find_by_name(conn, by)? {
            input.unit_id = Some(u.id);
        } else {
            input.raised_by = (*by).into();
        }
        need_ids.push(add_need(conn, &input)?.id);
    }
    // (unit, kind, name, content, availability, capacity)
    type DemoResource<'a> = (&'a str, ResourceKind, &'a str, &'a str, &'a str, &'a str);
    let resources: [DemoResource<'_>; 10] = [
        (
            "海棠大学海洋学院",
            ResourceKind::Volunteers,
            "大学生志愿服务队",
            "课后辅导、科普讲解",
            "每周三、周五下午",
            "30人",
        ),
        (
            "海棠大学海洋学院",
            ResourceKind::EducationBase,
            "海洋科普馆",
            "海洋生物标本展",
            "每周六开放",
            "80人/场",
        ),
        (
            "海棠区人民检察院",
            ResourceKind::Services,
            "检察官普法宣讲",
            "防范电信诈骗、未成年人保护",
            "每季度1次",
            "",
        ),
        (
            "海棠区人民医院",
            ResourceKind::Services,
            "家庭医生上门服务",
            "健康随访、慢病管理",
            "每月1次",
            "60户",
        ),
        (
            "海棠宾馆有限责任公司",
            ResourceKind::Venue,
            "多功能会议厅",
            "会议、培训场地",
            "提前三天预约",
            "120人",
        ),
        (
            "海棠电力供电有限公司",
            ResourceKind::Volunteers,
            "“电力红马甲”志愿队",
            "用电安全检查",
            "每月1次",
            "15人",
        ),
        (
            "海棠银行股份有限公司海棠支行",
            ResourceKind::Funds,
            "助学资金",
            "困难家庭学生助学",
            "每年9月",
            "2万元",
        ),
        (
            "海棠区图书馆",
            ResourceKind::Goods,
            "流动图书",
            "图书漂流箱",
            "每季度更换",
            "500册",
        ),
        (
            "海棠文化馆",
            ResourceKind::Venue,
            "非遗展厅",
            "非遗展演、手工课",
            "周二至周日",
            "60人",
        ),
        (
            "海棠区律师协会",
            ResourceKind::Services,
            "律师法律体检",
            "小微企业合同、用工风险排查",
            "每月第一周",
            "10家/月",
        ),
    ];
    let mut resource_ids = Vec::new();
    for (u, kind, name, content, availability, capacity) in resources {
        resource_ids.push(
            add_resource(
                conn,
                &ResourceInput {
                    year: Some(2026),
                    unit_id: Some(unit(u)?),
                    kind,
                    name: name.into(),
                    content: content.into(),
                    availability: availability.into(),
                    capacity: capacity.into(),
                    contact: "林雅琴".into(),
                    ..ResourceInput::default()
                },
            )?
            .id,
        );
    }
    // (name, category, content, deadline, need index, resource index, claimants (lead first))
    type DemoProject<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Option<NaiveDate>,
        Option<usize>,
        Option<usize>,
        &'a [&'a str],
    );
    let projects: [DemoProject<'_>; 15] = [
        (
            "“红色物业”联建，共同办好小区议事会",
            "区域发展",
            "物业、居民、共建单位三方议事，每月一次",
            d(12, 31),
            Some(0),
            Some(4),
            &["海棠物业服务有限公司", "海棠区人民检察院"],
        ),
        (
            "“四点半课堂”志愿服务",
            "关心关爱",
            "大学生志愿者课后辅导，每月不少于两次",
            d(12, 31),
            Some(1),
            Some(0),
            &["海棠大学海洋学院", "武警某部三支队九中队"],
        ),
        (
            "“法治进社区”普法宣讲",
            "宣传宣讲",
            "检察官进社区宣讲防诈骗和未成年人保护",
            d(12, 31),
            Some(2),
            Some(2),
            &["海棠区人民检察院"],
        ),
        (
            "“税收政策进万家”宣讲",
            "宣传宣讲",
            "个税汇算、小微企业税收优惠宣讲",
            d(11, 30),
            None,
            None,
            &["海棠区税务局海棠税务所"],
        ),
        (
            "“平安海棠”夜间巡防",
            "服务指导",
            "背街小巷夜间联合巡逻",
            d(12, 31),
            Some(4),
            None,
            &["海棠公安分局海棠路派出所"],
        ),
        (
            "“整洁街巷”共治行动",
            "区域发展",
            "楼道杂物清理、停车秩序整治",
            d(10, 31),
            Some(5),
            None,
            &["海棠区城市管理局执法中队"],
        ),
        (
            "独居老人健康随访",
            "关心关爱",
            "家庭医生每月上门随访、建立健康档案",
            d(11, 30),
            Some(3),
            Some(3),
            &["海棠区人民医院"],
        ),
        (
            "“非遗进社区”文化展演",
            "宣传宣讲",
            "非遗展演与手工体验课",
            d(12, 31),
            Some(10),
            Some(8),
            &["海棠文化馆"],
        ),
        (
            "退役军人就业指导",
            "服务指导",
            "岗位推荐会与技能培训",
            d(12, 31),
            Some(6),
            None,
            &["海棠区退役军人服务站"],
        ),
        (
            "海洋科普进校园",
            "宣传宣讲",
            "海洋科普讲座与科普馆参观",
            d(12, 31),
            None,
            Some(1),
            &[],
        ),
        (
            "老旧小区适老化改造",
            "区域发展",
            "加装扶手、坡道",
            d(12, 31),
            Some(7),
            None,
            &[],
        ),
        (
            "困难家庭学生助学",
            "关心关爱",
            "助学金与结对辅导",
            d(11, 15),
            Some(8),
            Some(6),
            &[],
        ),
        (
            "小微企业法律体检",
            "服务指导",
            "律师上门排查合同与用工风险",
            d(12, 31),
            None,
            Some(9),
            &[],
        ),
        (
            "垃圾分类宣传督导",
            "宣传宣讲",
            "入户宣传与桶边督导",
            d(12, 31),
            Some(9),
            None,
            &[],
        ),
        (
            "流动图书进社区",
            "宣传宣讲",
            "图书漂流箱进社区",
            d(12, 31),
            None,
            Some(7),
            &[],
        ),
    ];
    let mut ids = Vec::new();
    for (name, category, content, deadline, need, resource, claimants) in projects {
        let p = add_project(
            conn,
            &ProjectInput {
                year: Some(2026),
                name: name.into(),
                category: category.into(),
                content: content.into(),
                meeting_id: meeting,
                deadline,
                need_ids: need.map(|i| need_ids[i]).into_iter().collect(),
                resource_ids: resource.map(|i| resource_ids[i]).into_iter().collect(),
                ..ProjectInput::default()
            },
        )?;
        for (i, u) in claimants.iter().enumerate() {
            claim(
                conn,
                p.id,
                &ClaimInput {
                    unit_id: unit(u)?,
                    lead: i == 0,
                    claimed_on: d(9, 25),
                    commitment: if i == 0 {
                        "牵头组织实施"
                    } else {
                        "协助开展"
                    }
                    .into(),
                    ..ClaimInput::default()
                },
            )?;
        }
        ids.push(p.id);
    }
    let note = |i: usize, m: u32, dd: u32, text: &str| -> Result<()> {
        let on = d(m, dd).ok_or_else(|| Error::invalid("date", "示例日期无效"))?;
        add_progress(conn, ids[i], on, text).map(drop)
    };
    note(4, 10, 12, "已组建联合巡逻队，开展夜间巡逻6次")?;
    note(8, 10, 20, "举办专场招聘会1场，15人达成意向")?;
    note(2, 10, 15, "在海棠社区、银杏社区各宣讲1场")?;
    note(6, 10, 30, "已建档58户")?;
    let nowhere = Path::new(".");
    for (i, m, dd, text) in [
        (
            2,
            11,
            20,
            "全年宣讲4场，覆盖居民600余人次，发放宣传册1200份",
        ),
        (3, 11, 18, "宣讲3场，为32家小微企业答疑"),
        (6, 11, 25, "为60户独居老人建立健康档案，随访180人次"),
    ] {
        record_result(
            conn,
            nowhere,
            ids[i],
            &ResultInput {
                done_on: d(m, dd),
                result: text.into(),
                attachments: Vec::new(),
            },
        )?;
    }
    Ok(ids.len())
}

#[cfg(test)]
mod tests {
    use super::clean_title;

    #[test]
    fn titles_keep_full_width_punctuation_and_lose_line_breaks() {
        assert_eq!(
            clean_title(" “红色物业”联建，共同办好\n小区议事会 "),
            "“红色物业”联建，共同办好小区议事会"
        );
        assert_eq!(clean_title("Python  编程\u{3000}课"), "Python编程课");
        assert_eq!(clean_title("AI  for\nkids"), "AI for kids");
        assert_eq!(clean_title("（牵头）(协作)"), "（牵头）(协作)");
    }
}
