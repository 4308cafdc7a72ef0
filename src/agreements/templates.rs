//! Agreement templates (协议模板): the document with `{{占位符}}` placeholders, its
//! validation, the built-in default, and create / list / edit / delete.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::{atomically, now};
use crate::error::{Error, Result};
use crate::text::clean_name;

/// Every placeholder a template may use.
pub const PLACEHOLDERS: [&str; 16] = [
    "甲方名称",
    "乙方名称",
    "甲方负责人",
    "乙方负责人",
    "甲方联系人",
    "乙方联系人",
    "甲方电话",
    "乙方电话",
    "签订日期",
    "期限起",
    "期限止",
    "共建内容",
    "共建项目",
    "份数",
    "各执",
    "协议编号",
];

/// The built-in 党建结对共建协议书 (file format: [`TemplateBody`] as JSON).
pub const DEFAULT_TEMPLATE_JSON: &str = include_str!("../../assets/templates/共建协议书.json");
/// The name the built-in template is stored under.
pub const DEFAULT_TEMPLATE_NAME: &str = "党建结对共建协议书";

/// The built-in templates, the default first: name and body (JSON).
const BUILTINS: &[(&str, &str)] = &[
    (DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_JSON),
    (
        "共驻共建责任书（新成员单位）",
        include_str!("../../assets/templates/共建责任书.json"),
    ),
];

/// How many of [`BUILTINS`] a database has been offered (a setting). Built-ins added in a later
/// version reach existing databases once; one the user deleted does not come back.
const BUILTINS_SEEDED_SETTING: &str = "builtin_templates_seeded";

/// One numbered section, e.g. 一、共建原则, and its clauses (one paragraph each).
///
/// A clause that is exactly `{{共建内容}}` or `{{共建项目}}` becomes one paragraph per area or
/// project; elsewhere those placeholders are filled in as one list (党建工作联抓、…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Section {
    pub heading: String,
    pub clauses: Vec<String>,
}

/// The template document. The last section, the closing clause and the signature table are
/// printed together on one page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateBody {
    pub title: String,
    /// The line under the title, right-aligned (normally `{{协议编号}}`).
    #[serde(default)]
    pub number_line: String,
    /// The 甲方/乙方 block, one line each.
    pub parties: Vec<String>,
    pub preamble: String,
    /// The default 共建内容 of a new agreement (the user may edit them per agreement).
    pub areas: Vec<String>,
    pub sections: Vec<Section>,
    /// The last clause (本协议一式{{份数}}份…), kept with the signature table.
    pub closing: String,
    /// The date line of the signature table.
    #[serde(default)]
    pub signature_date: String,
}

impl TemplateBody {
    /// Every piece of text of the template, in print order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str())
            .chain(std::iter::once(self.number_line.as_str()))
            .chain(self.parties.iter().map(String::as_str))
            .chain(std::iter::once(self.preamble.as_str()))
            .chain(self.sections.iter().flat_map(|s| {
                std::iter::once(s.heading.as_str()).chain(s.clauses.iter().map(String::as_str))
            }))
            .chain([self.closing.as_str(), self.signature_date.as_str()])
    }

    /// The names of the placeholders the template uses anywhere (unknown ones included).
    pub fn placeholders_used(&self) -> std::collections::BTreeSet<String> {
        let mut used = std::collections::BTreeSet::new();
        for text in self.texts() {
            if let Ok(pieces) = pieces(text, "") {
                for p in pieces {
                    if let Piece::Placeholder(name) = p {
                        used.insert(name.to_string());
                    }
                }
            }
        }
        used
    }

    /// The built-in default template.
    pub fn builtin_default() -> Result<TemplateBody> {
        serde_json::from_str(DEFAULT_TEMPLATE_JSON).map_err(|e| Error::Migration {
            message: format!("内置协议模板损坏：{e}"),
        })
    }
}

/// A stored template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AgreementTemplate {
    pub id: i64,
    pub name: String,
    pub body: TemplateBody,
    pub builtin: bool,
    /// How many agreements were made from it (a used template cannot be deleted).
    pub used_by: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// What the user edits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TemplateInput {
    pub name: String,
    pub body: TemplateBody,
}

/// One piece of a text: literal text or a placeholder name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// Splits `text` at `{{…}}`. An unclosed `{{` is reported as an unknown placeholder.
pub fn pieces<'a>(text: &'a str, record: &str) -> Result<Vec<Piece<'a>>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        if start > 0 {
            out.push(Piece::Text(&rest[..start]));
        }
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(unknown(record, after));
        };
        let name = after[..end].trim();
        if !PLACEHOLDERS.contains(&name) {
            return Err(unknown(record, name));
        }
        out.push(Piece::Placeholder(name));
        rest = &after[end + 2..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

pub(crate) fn unknown(record: &str, name: &str) -> Error {
    Error::UnknownPlaceholder {
        record: record.to_string(),
        name: name.chars().take(20).collect(),
        known: PLACEHOLDERS.join("、"),
    }
}

/// Checks a template before it is stored: a name, a title, sections, known placeholders.
pub fn validate(input: &TemplateInput) -> Result<TemplateInput> {
    let name = clean_name(&input.name);
    if name.is_empty() {
        return Err(Error::invalid("name", "请填写模板名称。"));
    }
    let body = &input.body;
    if body.title.trim().is_empty() {
        return Err(Error::invalid("title", "请填写协议标题。"));
    }
    if body.sections.is_empty() {
        return Err(Error::invalid("sections", "协议至少要有一个条款部分。"));
    }
    if body.sections.iter().any(|s| s.heading.trim().is_empty()) {
        return Err(Error::invalid(
            "sections",
            "每个条款部分都要有标题（如“一、共建原则”）。",
        ));
    }
    let record = format!("模板“{name}”");
    for text in body.texts() {
        pieces(text, &record)?;
    }
    Ok(TemplateInput {
        name,
        body: body.clone(),
    })
}

/// Stores the built-in templates this database has not been offered yet (a name already
/// taken by a user's template is left alone).
pub fn ensure_default_templates(conn: &Connection) -> Result<()> {
    let seeded: usize = crate::settings::get(conn, BUILTINS_SEEDED_SETTING)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if seeded >= BUILTINS.len() {
        return Ok(());
    }
    atomically(conn, || {
        for (name, json) in &BUILTINS[seeded..] {
            let body: TemplateBody = serde_json::from_str(json).map_err(|e| Error::Migration {
                message: format!("内置协议模板“{name}”损坏：{e}"),
            })?;
            let taken: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM agreement_templates WHERE name = ?1)",
                [name],
                |r| r.get(0),
            )?;
            if !taken {
                insert(conn, name, &body, true)?;
            }
        }
        crate::settings::set(conn, BUILTINS_SEEDED_SETTING, &BUILTINS.len().to_string())
    })
}

fn insert(conn: &Connection, name: &str, body: &TemplateBody, builtin: bool) -> Result<i64> {
    let json = serde_json::to_string(body).map_err(|e| Error::invalid("body", e.to_string()))?;
    let ts = now();
    conn.execute(
        "INSERT INTO agreement_templates (name, body, builtin, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
        params![name, json, builtin, ts],
    )
    .map_err(|e| duplicate_name(e, name))?;
    Ok(conn.last_insert_rowid())
}

fn duplicate_name(e: rusqlite::Error, name: &str) -> Error {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
        Error::Conflict(format!("已有名为“{name}”的协议模板。"))
    } else {
        Error::Sqlite(e)
    }
}

const SELECT: &str = "SELECT t.id, t.name, t.body, t.builtin, t.created_at, t.updated_at,
        (SELECT COUNT(*) FROM agreements a WHERE a.template_id = t.id) AS used_by
     FROM agreement_templates t";

fn from_row(r: &Row<'_>) -> rusqlite::Result<(AgreementTemplate, String)> {
    let body: String = r.get("body")?;
    Ok((
        AgreementTemplate {
            id: r.get("id")?,
            name: r.get("name")?,
            body: TemplateBody::default(),
            builtin: r.get("builtin")?,
            created_at: r.get("created_at")?,
            updated_at: r.get("updated_at")?,
            used_by: r.get("used_by")?,
        },
        body,
    ))
}

fn parse((mut t, body): (AgreementTemplate, String)) -> Result<AgreementTemplate> {
    t.body = serde_json::from_str(&body).map_err(|e| {
        Error::invalid(
            "body",
            format!("协议模板“{}”的内容已损坏，无法读取：{e}", t.name),
        )
    })?;
    Ok(t)
}

/// All templates (the built-in ones first), seeding the defaults on first use.
pub fn list(conn: &Connection) -> Result<Vec<AgreementTemplate>> {
    ensure_default_templates(conn)?;
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY t.builtin DESC, t.id"))?;
    let rows = stmt.query_map([], from_row)?;
    rows.map(|r| parse(r?)).collect()
}

/// One template.
pub fn get(conn: &Connection, id: i64) -> Result<AgreementTemplate> {
    let row = conn
        .query_row(&format!("{SELECT} WHERE t.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound {
            what: "协议模板",
            id: id.to_string(),
        })?;
    parse(row)
}

/// The template new agreements use when none is chosen: the first built-in one.
pub fn default_id(conn: &Connection) -> Result<i64> {
    ensure_default_templates(conn)?;
    Ok(conn.query_row(
        "SELECT id FROM agreement_templates ORDER BY builtin DESC, id LIMIT 1",
        [],
        |r| r.get(0),
    )?)
}

/// Adds a user template.
pub fn create(conn: &Connection, input: &TemplateInput) -> Result<AgreementTemplate> {
    let input = validate(input)?;
    let id = insert(conn, &input.name, &input.body, false)?;
    get(conn, id)
}

/// Edits a template. Agreements already made from it keep their own copy of the text.
pub fn update(conn: &Connection, id: i64, input: &TemplateInput) -> Result<AgreementTemplate> {
    let input = validate(input)?;
    get(conn, id)?;
    let json =
        serde_json::to_string(&input.body).map_err(|e| Error::invalid("body", e.to_string()))?;
    conn.execute(
        "UPDATE agreement_templates SET name = ?1, body = ?2, updated_at = ?3 WHERE id = ?4",
        params![input.name, json, now(), id],
    )
    .map_err(|e| duplicate_name(e, &input.name))?;
    get(conn, id)
}

/// Deletes a template no agreement was made from.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    atomically(conn, || {
        let t = get(conn, id)?;
        if t.used_by > 0 {
            return Err(Error::Conflict(format!(
                "协议模板“{}”已用于 {} 份协议，不能删除。",
                t.name, t.used_by
            )));
        }
        conn.execute("DELETE FROM agreement_templates WHERE id = ?1", [id])?;
        Ok(())
    })
}
