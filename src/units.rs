//! Member units (成员单位): the roster, its edits, and the history of every change.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::date::PartialDate;
use crate::db::{atomically, now};
use crate::error::{Error, Result};
use crate::labelled::{json_column, labelled};
use crate::text::name_key;

mod details;
mod row;

pub use details::UnitDetails;
pub(crate) use row::{insert as insert_row, record_history, update as update_row, UnitRow};

labelled! {
    /// 单位类别, in the order the office lists them. Serialised as the Chinese label the user
    /// sees; stored as an English code.
    #[derive(Default)]
    UnitCategory {
        Government = "government" / "机关",
        Military = "military" / "部队",
        Enterprise = "enterprise" / "企业",
        Institution = "institution" / "事业单位",
        School = "school" / "学校",
        Research = "research" / "科研院所",
        SocialOrg = "social_org" / "社会团体",
        TwoNew = "two_new" / "两新组织",
        #[default]
        Other = "other" / "其他",
    }
}

labelled! {
    /// 状态: 在册 or 已退出.
    #[derive(Default)]
    UnitStatus {
        #[default]
        Active = "active" / "在册",
        Left = "left" / "已退出",
    }
}

/// The labels the unit screens offer, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnitLabels {
    pub categories: Vec<UnitCategory>,
    pub statuses: Vec<UnitStatus>,
}

/// Every label of a unit, in display order.
pub fn labels() -> UnitLabels {
    UnitLabels {
        categories: UnitCategory::ALL.to_vec(),
        statuses: UnitStatus::ALL.to_vec(),
    }
}

/// The unit form's phone field as the core reads it: the numbers, split as offices write
/// them, and the first that is not a valid number (its message), if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PhonesCheck {
    pub phones: Vec<String>,
    pub problem: Option<String>,
}

/// Checks the phone field of the unit form (numbers separated by 、，,；; / or spaces).
pub fn check_phones(text: &str) -> PhonesCheck {
    let phones: Vec<String> = text
        .split(|c: char| "、，,；;/".contains(c) || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    let problem = phones.iter().find_map(|p| crate::phone::validate(p).err());
    PhonesCheck { phones, problem }
}

/// Checks 入会时间 as typed (2018, 2018-09 or 2018-09-21); the message the form shows.
pub fn check_joined_on(text: &str) -> Option<String> {
    let s = text.trim();
    if s.is_empty() || PartialDate::parse_iso(s).is_ok() {
        None
    } else {
        Some(format!(
            "入会时间“{s}”无效：请写成 2018、2018-09 或 2018-09-21。"
        ))
    }
}

/// A member unit as stored: its details, its community and branch (with their names), its
/// status and where it came from. Its details read as its own fields (`unit.name`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Unit {
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub details: UnitDetails,
    pub community_id: Option<i64>,
    pub community: Option<String>,
    pub branch_id: Option<i64>,
    pub branch: Option<String>,
    pub status: UnitStatus,
    pub left_on: Option<String>,
    pub source_batch_id: Option<i64>,
    pub source_sheet: Option<String>,
    pub source_row: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// What a user enters to add or edit a unit: its details, and its community and branch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct UnitInput {
    #[serde(flatten)]
    #[ts(flatten)]
    pub details: UnitDetails,
    pub community_id: Option<i64>,
    pub branch_id: Option<i64>,
}

impl From<UnitDetails> for UnitInput {
    /// A unit in no community and no branch.
    fn from(details: UnitDetails) -> Self {
        UnitInput {
            details,
            ..Default::default()
        }
    }
}

/// A unit's details read as its own fields: `unit.name`, `input.phones`.
macro_rules! details_as_fields {
    ($($t:ty),+) => {$(
        impl std::ops::Deref for $t {
            type Target = UnitDetails;
            fn deref(&self) -> &UnitDetails {
                &self.details
            }
        }
        impl std::ops::DerefMut for $t {
            fn deref_mut(&mut self) -> &mut UnitDetails {
                &mut self.details
            }
        }
    )+};
}
details_as_fields!(Unit, UnitInput, crate::import::ImportedUnit);

/// One changed field in a unit's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    /// The Chinese field name (单位名称, 联系电话, …).
    pub field: String,
    pub old: String,
    pub new: String,
}

/// One event in a unit's history.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HistoryEntry {
    pub changed_at: String,
    /// 新增 / 修改 / 导入 / 撤销导入 / 示例数据
    pub source: String,
    pub batch_id: Option<i64>,
    pub changes: Vec<FieldChange>,
}

const SELECT: &str = "SELECT u.*, c.name AS community, b.name AS branch
    FROM units u LEFT JOIN communities c ON c.id = u.community_id
    LEFT JOIN branches b ON b.id = u.branch_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Unit> {
    Ok(Unit {
        id: r.get("id")?,
        details: UnitDetails::read(r)?,
        community_id: r.get("community_id")?,
        community: r.get("community")?,
        branch_id: r.get("branch_id")?,
        branch: r.get("branch")?,
        status: r.get("status")?,
        left_on: r.get("left_on")?,
        source_batch_id: r.get("source_batch_id")?,
        source_sheet: r.get("source_sheet")?,
        source_row: r.get("source_row")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

/// All units, ordered by branch, then name. The UI filters in memory (fast for 20,000 rows).
pub fn list(conn: &Connection) -> Result<Vec<Unit>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY u.id"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One unit.
pub fn get(conn: &Connection, id: i64) -> Result<Unit> {
    conn.query_row(&format!("{SELECT} WHERE u.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound {
            what: "成员单位",
            id: id.to_string(),
        })
}

/// The unit whose normalised name equals that of `name`, if any.
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<Unit>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE u.name_key = ?1"),
            [name_key(name)],
            from_row,
        )
        .optional()?)
}

/// Cleans and checks a user's input; the messages are the ones the form shows.
pub fn validate(input: &UnitInput) -> Result<UnitInput> {
    let mut v = UnitInput {
        details: input.details.cleaned(),
        ..input.clone()
    };
    if v.name.is_empty() {
        return Err(Error::invalid("name", "请填写单位名称。"));
    }
    if v.name.chars().count() > 100 {
        return Err(Error::invalid("name", "单位名称过长（最多 100 个字）。"));
    }
    for p in &v.phones {
        crate::phone::validate(p).map_err(|m| Error::invalid("phones", m))?;
    }
    v.joined_on = match input.joined_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => match PartialDate::parse_iso(s) {
            Ok(d) => Some(d.to_iso()),
            Err(_) => {
                let message = check_joined_on(s).unwrap_or_default();
                return Err(Error::invalid("joined_on", message));
            }
        },
    };
    Ok(v)
}

/// The fields of a unit as (Chinese name, display value) pairs, for history diffs.
fn display_fields(conn: &Connection, v: &UnitInput) -> Result<Vec<(&'static str, String)>> {
    let community = match v.community_id {
        Some(id) => crate::org::community_name(conn, id)?,
        None => String::new(),
    };
    let branch = match v.branch_id {
        Some(id) => crate::org::branch_name(conn, id)?,
        None => String::new(),
    };
    let mut fields = v.details.shown();
    fields.extend([("所属社区", community), ("分会", branch)]);
    Ok(fields)
}

/// Field-by-field differences between two inputs (as the user would read them).
pub fn diff(conn: &Connection, old: &UnitInput, new: &UnitInput) -> Result<Vec<FieldChange>> {
    let a = display_fields(conn, old)?;
    let b = display_fields(conn, new)?;
    Ok(a.into_iter()
        .zip(b)
        .filter(|((_, x), (_, y))| x != y)
        .map(|((field, old), (_, new))| FieldChange {
            field: field.into(),
            old,
            new,
        })
        .collect())
}

impl From<&Unit> for UnitInput {
    fn from(u: &Unit) -> Self {
        UnitInput {
            details: u.details.clone(),
            community_id: u.community_id,
            branch_id: u.branch_id,
        }
    }
}

/// Where a write comes from, for the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Typed in the app or the CLI.
    Edit,
    /// An import batch.
    Import(i64),
    /// Undoing an import batch.
    Undo(i64),
    /// The demo data.
    Demo,
}

/// Which grouping of units [`regroup`] moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grouping {
    Community,
    Branch,
}

/// Reads the name of a community or branch by id.
type NameOf = fn(&Connection, i64) -> Result<String>;

/// Moves every unit of community (or branch) `from` into `into`, recording the change in
/// each unit's history, and points the saved "before" snapshots at `into` too, so undoing an
/// earlier import never refers to the merged-away record. Returns how many units moved.
pub(crate) fn regroup(
    conn: &Connection,
    grouping: Grouping,
    from: i64,
    into: i64,
) -> Result<usize> {
    let (column, label, name_of): (&str, &str, NameOf) = match grouping {
        Grouping::Community => ("community_id", "所属社区", crate::org::community_name),
        Grouping::Branch => ("branch_id", "分会", crate::org::branch_name),
    };
    let (old_name, new_name) = (name_of(conn, from)?, name_of(conn, into)?);
    let moved: Vec<Unit> = list(conn)?
        .into_iter()
        .filter(|u| match grouping {
            Grouping::Community => u.community_id == Some(from),
            Grouping::Branch => u.branch_id == Some(from),
        })
        .collect();
    for u in &moved {
        let ts = now();
        let mut row = UnitRow::of(u);
        match grouping {
            Grouping::Community => row.community_id = Some(into),
            Grouping::Branch => row.branch_id = Some(into),
        }
        update_row(conn, u.id, &row, &ts)?;
        let change = FieldChange {
            field: label.into(),
            old: old_name.clone(),
            new: new_name.clone(),
        };
        record_history(conn, u.id, Source::Edit, false, &[change], Some(u), &ts)?;
    }
    conn.execute(
        &format!(
            "UPDATE unit_history SET before = json_set(before, '$.{column}', ?2)
             WHERE before IS NOT NULL AND json_extract(before, '$.{column}') = ?1"
        ),
        params![from, into],
    )?;
    Ok(moved.len())
}

fn duplicate_error(name: &str) -> Error {
    Error::Conflict(format!(
        "已有名为“{name}”的成员单位（名称去掉空格、统一括号后相同），不能重复添加。"
    ))
}

/// Adds a unit. The name must be unique after normalisation.
pub fn create(conn: &Connection, input: &UnitInput, source: Source) -> Result<Unit> {
    atomically(conn, || create_inner(conn, input, source, None))
}

/// Adds a unit as part of import batch `batch` (read from `sheet`, Excel row `row`): its
/// row and history name the batch, so undoing the batch removes it again. Used by the list
/// imports for a claimant the user chose to add to the roster.
pub(crate) fn create_in_batch(
    conn: &Connection,
    input: &UnitInput,
    batch: i64,
    sheet: &str,
    row: Option<u32>,
) -> Result<Unit> {
    atomically(conn, || {
        create_inner(conn, input, Source::Import(batch), Some((sheet, row)))
    })
}

fn create_inner(
    conn: &Connection,
    input: &UnitInput,
    source: Source,
    origin: Option<(&str, Option<u32>)>,
) -> Result<Unit> {
    let v = validate(input)?;
    if find_by_name(conn, &v.name)?.is_some() {
        return Err(duplicate_error(&v.name));
    }
    let ts = now();
    let mut row = edited(UnitRow::of(&Unit::default()), &v);
    if let (Source::Import(batch), Some((sheet, at))) = (source, origin) {
        row.source_batch_id = Some(batch);
        row.source_sheet = Some(sheet.to_string());
        row.source_row = at.map(i64::from);
    }
    let id = insert_row(conn, None, &row, &ts).map_err(|e| map_fk(e, "所属社区或分会不存在。"))?;
    let changes = diff(conn, &UnitInput::default(), &v)?;
    record_history(conn, id, source, true, &changes, None, &ts)?;
    get(conn, id)
}

/// Changes a unit; the differences go to its history. Returns the unit as saved.
pub fn update(conn: &Connection, id: i64, input: &UnitInput, source: Source) -> Result<Unit> {
    atomically(conn, || update_inner(conn, id, input, source))
}

fn update_inner(conn: &Connection, id: i64, input: &UnitInput, source: Source) -> Result<Unit> {
    let before = get(conn, id)?;
    let v = validate(input)?;
    if let Some(other) = find_by_name(conn, &v.name)? {
        if other.id != id {
            return Err(duplicate_error(&v.name));
        }
    }
    let changes = diff(conn, &UnitInput::from(&before), &v)?;
    if changes.is_empty() {
        return Ok(before);
    }
    let ts = now();
    let row = edited(UnitRow::of(&before), &v);
    update_row(conn, id, &row, &ts).map_err(|e| map_fk(e, "所属社区或分会不存在。"))?;
    record_history(conn, id, source, false, &changes, Some(&before), &ts)?;
    get(conn, id)
}

/// `base` with the fields a user edits taken from the validated input `v`.
fn edited(base: UnitRow, v: &UnitInput) -> UnitRow {
    UnitRow {
        details: v.details.clone(),
        community_id: v.community_id,
        branch_id: v.branch_id,
        ..base
    }
    .keyed()
}

/// Marks a unit as having left (退出) on `on`; it stays in the database and in old meetings.
pub fn leave(conn: &Connection, id: i64, on: Option<&str>) -> Result<Unit> {
    atomically(conn, || leave_inner(conn, id, on))
}

fn leave_inner(conn: &Connection, id: i64, on: Option<&str>) -> Result<Unit> {
    let before = get(conn, id)?;
    let on = match on.map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(PartialDate::parse_iso(s)?.to_iso()),
    };
    let ts = now();
    let row = UnitRow {
        status: UnitStatus::Left,
        left_on: on.clone(),
        ..UnitRow::of(&before)
    };
    update_row(conn, id, &row, &ts)?;
    let changes = vec![FieldChange {
        field: "状态".into(),
        old: before.status.label().into(),
        new: format!(
            "{}{}",
            UnitStatus::Left.label(),
            on.as_deref()
                .map(|d| format!("（{d}）"))
                .unwrap_or_default()
        ),
    }];
    record_history(conn, id, Source::Edit, false, &changes, Some(&before), &ts)?;
    get(conn, id)
}

/// Puts a unit that had left back on the roster.
pub fn rejoin(conn: &Connection, id: i64) -> Result<Unit> {
    atomically(conn, || rejoin_inner(conn, id))
}

fn rejoin_inner(conn: &Connection, id: i64) -> Result<Unit> {
    let before = get(conn, id)?;
    let ts = now();
    let row = UnitRow {
        status: UnitStatus::Active,
        left_on: None,
        ..UnitRow::of(&before)
    };
    update_row(conn, id, &row, &ts)?;
    let changes = vec![FieldChange {
        field: "状态".into(),
        old: before.status.label().into(),
        new: UnitStatus::Active.label().into(),
    }];
    record_history(conn, id, Source::Edit, false, &changes, Some(&before), &ts)?;
    get(conn, id)
}

/// Deletes a unit that nothing refers to. A unit that a meeting, agreement or donation refers
/// to is refused: the user should mark it 已退出 instead.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    get(conn, id)?;
    conn.execute("DELETE FROM units WHERE id = ?1", [id])
        .map_err(|e| {
            map_fk(
                e,
                "该单位已被会议、协议、捐赠或三张清单的记录引用，不能删除；如该单位已不再是成员，请将其设为“已退出”。",
            )
        })?;
    Ok(())
}

/// What refers to unit `id` besides its own history, as the user names it (共建协议, 捐赠,
/// 项目认领, …), each once: why it cannot be deleted. Read from the schema's foreign keys, so a
/// table added later is counted too (as 其他记录 until it is named here).
pub fn uses(conn: &Connection, id: i64) -> Result<Vec<&'static str>> {
    let refs: Vec<(String, String)> = {
        let mut stmt = conn.prepare(
            "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
             WHERE m.type = 'table' AND f.\"table\" = 'units' AND m.name <> 'unit_history'
             ORDER BY m.name",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut out: Vec<&'static str> = Vec::new();
    for (table, column) in refs {
        let used: bool = conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE \"{column}\" = ?1)"),
            [id],
            |r| r.get(0),
        )?;
        let label = match table.as_str() {
            "attendance" => "会议邀请或签到",
            "agenda_items" => "会议议程",
            "speeches" | "speech_units" => "会议发言",
            "minutes_attendees" => "会议纪要",
            "agreements" => "共建协议",
            "donations" => "捐赠",
            "needs" => "需求清单",
            "resources" => "资源清单",
            "claims" => "项目认领",
            _ => "其他记录",
        };
        if used && !out.contains(&label) {
            out.push(label);
        }
    }
    Ok(out)
}

/// Whether unit `id` was changed after its history entry `entry` (an import's entry: undoing
/// the import would lose that change).
pub(crate) fn changed_since(conn: &Connection, id: i64, entry: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM unit_history WHERE unit_id = ?1 AND id > ?2)",
        )?
        .query_row([id, entry], |r| r.get(0))?)
}

/// The history of a unit, newest first.
pub fn history(conn: &Connection, id: i64) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare(
        "SELECT changed_at, source, batch_id, changes FROM unit_history
         WHERE unit_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([id], history_entry)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every change to any unit during `year` (the demo's own entries left out), oldest first,
/// each with the unit's name: the roster's changes of the year, for the archive.
pub fn history_in_year(conn: &Connection, year: i32) -> Result<Vec<(String, HistoryEntry)>> {
    let mut stmt = conn.prepare(
        "SELECT h.changed_at, h.source, h.batch_id, h.changes, u.name
         FROM unit_history h JOIN units u ON u.id = h.unit_id
         WHERE substr(h.changed_at, 1, 4) = ?1 AND h.source <> 'demo'
         ORDER BY h.changed_at, h.id",
    )?;
    let rows = stmt.query_map([format!("{year:04}")], |r| {
        Ok((r.get::<_, String>("name")?, history_entry(r)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn history_entry(r: &Row<'_>) -> rusqlite::Result<HistoryEntry> {
    let source: String = r.get("source")?;
    Ok(HistoryEntry {
        changed_at: r.get("changed_at")?,
        source: match source.as_str() {
            "create" => "新增",
            "edit" => "修改",
            "import" => "导入",
            "undo" => "撤销导入",
            _ => "示例数据",
        }
        .into(),
        batch_id: r.get("batch_id")?,
        changes: json_column(r, "changes")?,
    })
}

/// Maps a foreign-key violation to a conflict with the given message.
fn map_fk(e: impl Into<Error>, message: &str) -> Error {
    match e.into() {
        Error::Sqlite(e)
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
                && e.to_string().contains("FOREIGN KEY") =>
        {
            Error::Conflict(message.into())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;

    /// The unit form's phone field: split on the separators offices use, the first bad
    /// number named (what the form shows under the field).
    #[test]
    fn the_forms_phone_field_is_split_and_checked_by_the_core() {
        let c = check_phones("13805321234、0532-82861234转8001, 82861234；95598");
        assert_eq!(
            c.phones,
            vec!["13805321234", "0532-82861234转8001", "82861234", "95598"]
        );
        assert_eq!(c.problem, None);
        assert_eq!(check_phones("   ").phones, Vec::<String>::new());
        assert_eq!(
            check_phones("13805321234 0532-82861234转8001").problem,
            None
        );
        assert_eq!(check_phones("").problem, None);
        let bad = check_phones("13805321234、1.38E+10")
            .problem
            .unwrap_or_default();
        assert!(bad.contains("1.38E+10"), "{bad}");
        let bad = check_phones("12805321234").problem.unwrap_or_default();
        assert!(bad.contains("不是有效的电话号码"), "{bad}");
        assert_eq!(check_joined_on("2018-09"), None);
        assert_eq!(check_joined_on(""), None);
        assert!(check_joined_on("2018年9月")
            .unwrap_or_default()
            .contains("请写成 2018、2018-09 或 2018-09-21"));
    }

    fn input(name: &str) -> UnitInput {
        UnitInput::from(UnitDetails {
            name: name.into(),
            category: UnitCategory::Enterprise,
            phones: vec!["13805321234".into(), " 0532-82861234转8001 ".into()],
            joined_on: Some("2018-09".into()),
            ..Default::default()
        })
    }

    #[test]
    fn create_update_history() {
        let conn = open_in_memory().unwrap();
        let u = create(&conn, &input(" 海棠啤酒(集团)有限公司 "), Source::Edit).unwrap();
        assert_eq!(u.name, "海棠啤酒（集团）有限公司");
        assert_eq!(u.phones, vec!["13805321234", "0532-82861234转8001"]);
        assert_eq!(u.status, UnitStatus::Active);

        let mut edit = UnitInput::from(&u);
        edit.contact = "王海".into();
        let u2 = update(&conn, u.id, &edit, Source::Edit).unwrap();
        assert_eq!(u2.contact, "王海");
        let h = history(&conn, u.id).unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].source, "修改");
        assert_eq!(
            h[0].changes,
            vec![FieldChange {
                field: "联系人".into(),
                old: "".into(),
                new: "王海".into()
            }]
        );
    }

    #[test]
    fn duplicates_and_validation_are_refused() {
        let conn = open_in_memory().unwrap();
        create(&conn, &input("海棠啤酒（集团）有限公司"), Source::Edit).unwrap();
        let e = create(&conn, &input("海棠啤酒 (集团) 有限公司"), Source::Edit).unwrap_err();
        assert_eq!(e.kind(), "conflict");
        let e = create(&conn, &input("   "), Source::Edit).unwrap_err();
        assert_eq!(e.to_string(), "请填写单位名称。");
        let mut bad = input("某单位");
        bad.phones = vec!["1.38E+10".into()];
        assert_eq!(
            create(&conn, &bad, Source::Edit).unwrap_err().kind(),
            "invalid"
        );
        let mut bad = input("某单位");
        bad.joined_on = Some("2019-13".into());
        assert!(create(&conn, &bad, Source::Edit)
            .unwrap_err()
            .to_string()
            .contains("入会时间"));
    }

    #[test]
    fn referenced_unit_cannot_be_deleted_but_can_leave() {
        let conn = open_in_memory().unwrap();
        let u = create(&conn, &input("海棠小学"), Source::Edit).unwrap();
        conn.execute(
            "INSERT INTO meetings (title, created_at, updated_at) VALUES ('年会', '', '')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO attendance (meeting_id, unit_id) VALUES (1, ?1)",
            [u.id],
        )
        .unwrap();
        let e = delete(&conn, u.id).unwrap_err();
        assert!(e.to_string().contains("已退出"), "{e}");
        let left = leave(&conn, u.id, Some("2026-06")).unwrap();
        assert_eq!(left.status, UnitStatus::Left);
        assert_eq!(left.left_on.as_deref(), Some("2026-06"));

        let free = create(&conn, &input("海棠中学"), Source::Edit).unwrap();
        delete(&conn, free.id).unwrap();
        assert_eq!(list(&conn).unwrap().len(), 1);
    }
}
