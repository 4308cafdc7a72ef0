//! The preview of a roster import: the roster's kind of the import pipeline
//! ([`super::pipeline`]): rows turned into units, duplicates merged or flagged, and each unit
//! compared with the roster in the database. Nothing is written here.

use std::collections::HashMap;

use rusqlite::Connection;

use super::header::{field_for, Field};
use super::normalize;
use super::pipeline::{self, Choice, ImportKind, Row};
use super::read::{Cell, Workbook};
pub use super::types::*;
use super::{report, ImportOptions, ProgressFn, Stage};
use crate::error::{Error, Result};
use crate::text::{clean_name, clean_text, name_key};
use crate::units::{self, Unit, UnitStatus};

type Ctx = pipeline::Ctx<Field, ImportCounts>;

/// The roster as a kind of import: its rows are units, planned against the database.
struct Roster;

/// The units as read, then as planned.
#[derive(Default)]
struct Units {
    read: Vec<ImportedUnit>,
    planned: Vec<PlannedUnit>,
}

impl ImportKind for Roster {
    type Header = Field;
    type Field = Field;
    type Problem = Problem;
    type Column = ColumnInfo;
    type Counts = ImportCounts;
    type Rows = Units;
    const FOOTER: &'static str = "是表尾说明或合计行";

    fn label(f: Field) -> &'static str {
        f.label()
    }

    fn repeats(f: Field) -> bool {
        f == Field::Phones
    }

    fn header_noun(&self) -> Option<&'static str> {
        Some("名册表头")
    }

    fn no_key(&self, sheet: &str) -> Error {
        Error::NoNameColumn {
            sheet: sheet.to_string(),
        }
    }

    fn start(&self, _conn: &Connection) -> Result<Units> {
        Ok(Units::default())
    }

    fn row(
        &self,
        _conn: &Connection,
        rows: &mut Units,
        row: Row<'_, Field>,
        ctx: &mut Ctx,
    ) -> Result<()> {
        if let Some(u) = read_row(&row, ctx) {
            rows.read.push(u);
        }
        Ok(())
    }

    fn finish(
        &self,
        conn: &Connection,
        rows: Units,
        columns: &[(usize, Field)],
        ctx: &mut Ctx,
        progress: &mut ProgressFn<'_>,
    ) -> Result<Units> {
        let units = merge_duplicates(rows.read, ctx);
        report(progress, Stage::Comparing, 0, units.len())?;
        let planned = compare(conn, units, ctx)?;
        report(progress, Stage::Comparing, planned.len(), planned.len())?;
        note_new_communities(conn, &planned, ctx)?;
        if columns.iter().any(|(_, f)| *f == Field::Phones) {
            note_missing_phones(conn, &planned, ctx)?;
        }
        Ok(Units {
            read: Vec::new(),
            planned,
        })
    }
}

/// Builds the plan for the chosen sheet of `book`.
pub(crate) fn plan_workbook(
    conn: &Connection,
    file_name: &str,
    book: &Workbook,
    options: &ImportOptions,
    progress: &mut ProgressFn<'_>,
) -> Result<ImportPlan> {
    let mappings = options.mappings.iter().map(|m| (m.column, m.field));
    let choice = Choice::of(&options.sheet, mappings);
    let p = pipeline::plan(&Roster, conn, file_name, book, &choice, progress)?;
    Ok(ImportPlan {
        file_name: p.file_name,
        sheet: p.sheet,
        sheets: p.sheets,
        header_rows: p.header_rows,
        columns: p.columns,
        units: p.rows.planned,
        counts: p.counts,
        problems: p.problems,
    })
}

/// Communities the import would create get their name only: say which, and what they lack.
fn note_new_communities(conn: &Connection, planned: &[PlannedUnit], ctx: &mut Ctx) -> Result<()> {
    let known: Vec<String> = crate::org::communities(conn)?
        .into_iter()
        .map(|c| c.name)
        .collect();
    let mut new: Vec<&str> = Vec::new();
    for p in planned {
        let name = p.unit.community.as_str();
        if !name.is_empty() && !known.iter().any(|k| k == name) && !new.contains(&name) {
            new.push(name);
        }
    }
    if !new.is_empty() {
        ctx.add(
            None,
            Some(Field::Community),
            Severity::Info,
            format!(
                "将新建 {} 个社区：{}。新社区只有名称，还缺社区党委名称、书记、联系人和电话；导入后请在“社区与分会”中补全（社区与单位签订共建协议时需要）。",
                new.len(),
                new.join("、")
            ),
        );
    }
    Ok(())
}

/// Units that will have no phone after the import (the file's 联系电话 is empty and the
/// roster has none either): a note on each row, since agreements print the unit's phone.
fn note_missing_phones(conn: &Connection, planned: &[PlannedUnit], ctx: &mut Ctx) -> Result<()> {
    let mut with_phone = std::collections::HashSet::new();
    let mut stmt = conn.prepare("SELECT id FROM units WHERE phones NOT IN ('', '[]')")?;
    for id in stmt.query_map([], |r| r.get::<_, i64>(0))? {
        with_phone.insert(id?);
    }
    for p in planned {
        if !p.unit.phones.is_empty() || p.existing_id.is_some_and(|id| with_phone.contains(&id)) {
            continue;
        }
        ctx.add(
            Some(p.unit.source_row),
            Some(Field::Phones),
            Severity::Info,
            format!(
                "“{}”的{}为空：打印共建协议时需要单位电话，可在导入后到“成员单位”中补全。",
                p.unit.name,
                Field::Phones.label()
            ),
        );
    }
    Ok(())
}

/// One data row → a unit, or `None` for skipped and error rows (counted in `ctx`).
fn read_row(row: &Row<'_, Field>, ctx: &mut Ctx) -> Option<ImportedUnit> {
    let row_no = row.excel;
    if !row.has_values() {
        ctx.skip(row_no, "只有序号或未导入的列");
        return None;
    }
    let name_raw = row.cell(Field::Name).map(Cell::text).unwrap_or_default();
    if field_for(&name_raw) == Some(Field::Name) {
        ctx.skip(row_no, "重复的表头行");
        return None;
    }
    let name = clean_name(&name_raw);
    if name.is_empty() {
        ctx.counts.error_rows += 1;
        ctx.add(
            Some(row_no),
            Some(Field::Name),
            Severity::Error,
            "单位名称为空，该行未导入。".into(),
        );
        return None;
    }
    if name.chars().count() > 100 {
        ctx.counts.error_rows += 1;
        ctx.add(
            Some(row_no),
            Some(Field::Name),
            Severity::Error,
            "单位名称过长（最多 100 个字），该行未导入。".into(),
        );
        return None;
    }
    let mut u = ImportedUnit::empty(row_no);
    u.name = name;
    u.provide(Field::Name);
    let warn = |ctx: &mut Ctx, f: Field, w: Option<String>| {
        if let Some(w) = w {
            ctx.add(Some(row_no), Some(f), Severity::Warning, w);
        }
    };
    for (f, cell) in row.cells() {
        if f == Field::ViceChair {
            let (v, w) = normalize::boolean(cell, f.label());
            warn(ctx, f, w);
            u.vice_chair = v;
            u.provide(f);
            continue;
        }
        if cell.is_blank() {
            continue;
        }
        let text = || clean_text(&cell.text());
        match f {
            Field::Name | Field::Index | Field::ViceChair => {}
            Field::ShortName => u.short_name = clean_name(&cell.text()),
            Field::Community => u.community = clean_name(&cell.text()),
            Field::Branch => u.branch = clean_name(&cell.text()),
            Field::PartyOrg => u.party_org = clean_name(&cell.text()),
            Field::PartySecretary => u.party_secretary = clean_name(&cell.text()),
            Field::Contact => u.contact = clean_name(&cell.text()),
            Field::ContactTitle => u.contact_title = text(),
            Field::Address => u.address = text(),
            Field::Notes => u.notes = cell.text().trim().to_string(),
            Field::Category => match normalize::category(&cell.text()) {
                Some((c, w)) => {
                    warn(ctx, f, w);
                    u.category = c;
                }
                None => continue,
            },
            Field::Status => match normalize::status(&cell.text()) {
                Some((s, w)) => {
                    warn(ctx, f, w);
                    u.status = s;
                }
                None => continue,
            },
            Field::Phones => {
                let mut warnings = Vec::new();
                normalize::phones(cell, &mut u.phones, &mut warnings);
                for w in warnings {
                    warn(ctx, f, Some(w));
                }
            }
            Field::JoinedOn | Field::LeftOn => match normalize::date(cell, f.label()) {
                None => continue,
                Some(Ok((d, w))) => {
                    warn(ctx, f, w);
                    let iso = Some(d.to_iso());
                    if f == Field::JoinedOn {
                        u.joined_on = iso;
                    } else {
                        u.left_on = iso;
                    }
                }
                Some(Err(w)) => {
                    warn(ctx, f, Some(w));
                    u.kept_raw
                        .push(format!("{}原文：{}", f.label(), cell.text().trim()));
                    continue;
                }
            },
        }
        u.provide(f);
    }
    if u.has(Field::LeftOn) && !u.has(Field::Status) {
        u.status = UnitStatus::Left;
        u.provide(Field::Status);
    }
    Some(u)
}

/// Merges rows with the same normalised name: blanks are filled from later rows; a conflict
/// keeps the earlier value and is reported with both rows.
fn merge_duplicates(units: Vec<ImportedUnit>, ctx: &mut Ctx) -> Vec<ImportedUnit> {
    let mut out: Vec<ImportedUnit> = Vec::with_capacity(units.len());
    let mut by_key: HashMap<String, usize> = HashMap::with_capacity(units.len());
    for u in units {
        let key = name_key(&u.name);
        let Some(&i) = by_key.get(&key) else {
            by_key.insert(key, out.len());
            out.push(u);
            continue;
        };
        ctx.counts.merged += 1;
        let first = &mut out[i];
        let (a, b) = (first.source_row, u.source_row);
        ctx.add(
            Some(b),
            Some(Field::Name),
            Severity::Info,
            format!("与第{a}行是同一单位“{}”，已合并为一条。", first.name),
        );
        let mine: HashMap<Field, String> = first.display().into_iter().collect();
        for (f, value) in u.display() {
            if !u.has(f) || f == Field::Name {
                continue;
            }
            if !first.has(f) {
                first.take(&u, f);
                first.provide(f);
            } else if f == Field::Phones {
                for p in &u.phones {
                    if !first.phones.contains(p) {
                        first.phones.push(p.clone());
                    }
                }
            } else if mine.get(&f) != Some(&value) {
                let old = mine.get(&f).cloned().unwrap_or_default();
                ctx.add(
                    Some(b),
                    Some(f),
                    Severity::Warning,
                    format!(
                        "与第{a}行的{}不同（第{a}行“{old}”，第{b}行“{value}”），已采用第{a}行的值。",
                        f.label()
                    ),
                );
            }
        }
        for note in &u.kept_raw {
            if !first.kept_raw.contains(note) {
                first.kept_raw.push(note.clone());
            }
        }
        first.merged_rows.push(b);
    }
    out
}

/// The key for 疑似重复: the name key without a trailing bracket and a company suffix.
pub(crate) fn loose_key(name: &str) -> String {
    let mut k = name_key(name);
    if k.ends_with('）') {
        if let Some(open) = k.rfind('（') {
            if open > 0 {
                k.truncate(open);
            }
        }
    }
    for suffix in ["股份有限公司", "有限责任公司", "有限公司"] {
        if let Some(stripped) = k.strip_suffix(suffix) {
            if !stripped.is_empty() {
                return stripped.to_string();
            }
        }
    }
    k
}

/// Compares the plan's units again with the database as it is now (inside the commit's
/// transaction), so a preview that went stale is still applied correctly.
pub(crate) fn recompare(
    conn: &Connection,
    plan: &ImportPlan,
) -> Result<(Vec<PlannedUnit>, ImportCounts)> {
    let mut ctx = Ctx::new(ImportCounts {
        merged: plan.counts.merged,
        error_rows: plan.counts.error_rows,
        ignored_rows: plan.counts.ignored_rows,
        ..Default::default()
    });
    let units = plan.units.iter().map(|p| p.unit.clone()).collect();
    let planned = compare(conn, units, &mut ctx)?;
    Ok((planned, ctx.counts))
}

/// Compares each unit with the database: new, update (with changes) or unchanged.
fn compare(conn: &Connection, units: Vec<ImportedUnit>, ctx: &mut Ctx) -> Result<Vec<PlannedUnit>> {
    let existing = units::list(conn)?;
    let mut by_key: HashMap<String, &Unit> = HashMap::with_capacity(existing.len());
    // Loose key → (name, exact key) of every unit in the database and the file.
    let mut loose: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for u in &existing {
        let key = name_key(&u.name);
        loose
            .entry(loose_key(&u.name))
            .or_default()
            .push((u.name.clone(), key.clone()));
        by_key.insert(key, u);
    }
    let keys: Vec<(String, String)> = units
        .iter()
        .map(|u| (name_key(&u.name), loose_key(&u.name)))
        .collect();
    for (u, (key, lk)) in units.iter().zip(&keys) {
        let names = loose.entry(lk.clone()).or_default();
        if !names.iter().any(|(_, k)| k == key) {
            names.push((u.name.clone(), key.clone()));
        }
    }
    let mut planned = Vec::with_capacity(units.len());
    for (u, (key, lk)) in units.into_iter().zip(keys) {
        let suspects: Vec<String> = loose
            .get(&lk)
            .map(|names| {
                names
                    .iter()
                    .filter(|(_, k)| *k != key)
                    .map(|(n, _)| n.clone())
                    .collect()
            })
            .unwrap_or_default();
        if !suspects.is_empty() {
            ctx.counts.suspected_duplicates += 1;
            ctx.add(
                Some(u.source_row),
                Some(Field::Name),
                Severity::Warning,
                format!(
                    "“{}”与“{}”疑似同一单位（名称只差“有限公司”之类的后缀或括号），未自动合并，请核对。",
                    u.name,
                    suspects.join("”“")
                ),
            );
        }
        let (action, existing_id, changes) = match by_key.get(&key) {
            None => {
                ctx.counts.new += 1;
                (Action::New, None, Vec::new())
            }
            Some(db) => {
                let old = ImportedUnit::from_unit(db);
                let changes = diff(&old, &u.over(&old));
                if changes.is_empty() {
                    ctx.counts.unchanged += 1;
                    (Action::Unchanged, Some(db.id), changes)
                } else {
                    ctx.counts.updated += 1;
                    (Action::Update, Some(db.id), changes)
                }
            }
        };
        planned.push(PlannedUnit {
            unit: u,
            action,
            existing_id,
            changes,
            suspected_duplicates: suspects,
        });
    }
    Ok(planned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_keys() {
        use super::pipeline::is_footer;
        assert_eq!(
            loose_key("海棠科技有限公司"),
            loose_key("海棠科技股份有限公司")
        );
        assert_eq!(loose_key("海棠科技有限责任公司"), "海棠科技");
        assert_eq!(loose_key("海棠酒店（青岛）"), "海棠酒店");
        assert!(is_footer("合计：38家"));
        assert!(is_footer("注：本表由社区填报"));
        assert!(!is_footer("注册会计师协会"));
    }
}
