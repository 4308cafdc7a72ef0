//! A unit's row as written: the one insert, the one update and the one history entry that
//! edits, imports, undo and the demo all use. The columns are the details' (declared once, in
//! `details.rs`) and the roster's own, declared once in [`unit_row!`]; the statements are
//! built from those lists, and a test checks them against the table.

use std::sync::LazyLock;

use rusqlite::types::{ToSql, Value};
use rusqlite::{params, Connection};

use super::{Source, Unit, UnitDetails, UnitStatus};
use crate::error::Result;
use crate::text::name_key;

/// Declares [`UnitRow`]: the unit's [`UnitDetails`] and every other column a write sets
/// (all but `id` and the timestamps), with its type; the field is named as the column.
macro_rules! unit_row {
    ($($(#[$doc:meta])* $field:ident : $ty:ty),+ $(,)?) => {
        /// Every column a write of a unit sets, by name.
        #[derive(Debug, Clone, PartialEq)]
        pub(crate) struct UnitRow {
            pub details: UnitDetails,
            $($(#[$doc])* pub $field: $ty),+
        }

        impl UnitRow {
            /// The roster's own columns, after the details' in [`UnitRow::columns`].
            const OWN: &'static [&'static str] = &[$(stringify!($field)),+];

            fn own_values(&self) -> Vec<&dyn ToSql> {
                vec![$(&self.$field as &dyn ToSql),+]
            }
        }
    };
}

unit_row! {
    /// The name normalised for matching (`text::name_key`); set from the name by [`UnitRow::keyed`].
    name_key: String,
    community_id: Option<i64>,
    branch_id: Option<i64>,
    status: UnitStatus,
    left_on: Option<String>,
    source_batch_id: Option<i64>,
    source_sheet: Option<String>,
    source_row: Option<i64>,
}

impl UnitRow {
    /// Every column a write sets, in the order of the statements' parameters.
    pub(crate) fn columns() -> impl Iterator<Item = &'static str> {
        UnitDetails::COLUMNS.iter().chain(Self::OWN).copied()
    }

    /// A stored unit's row (to restore it, or as the base an edit changes).
    pub(crate) fn of(u: &Unit) -> Self {
        UnitRow {
            details: u.details.clone(),
            name_key: name_key(&u.name),
            community_id: u.community_id,
            branch_id: u.branch_id,
            status: u.status,
            left_on: u.left_on.clone(),
            source_batch_id: u.source_batch_id,
            source_sheet: u.source_sheet.clone(),
            source_row: u.source_row,
        }
    }

    /// The row with `name_key` matching the name (call after changing the name).
    pub(crate) fn keyed(mut self) -> Self {
        self.name_key = name_key(&self.details.name);
        self
    }
}

static INSERT: LazyLock<String> = LazyLock::new(|| {
    let columns: Vec<&str> = UnitRow::columns().collect();
    let n = columns.len();
    let marks: Vec<String> = (2..=n + 1).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO units (id, {}, created_at, updated_at) VALUES (?1, {}, ?{t}, ?{t})",
        columns.join(", "),
        marks.join(", "),
        t = n + 2
    )
});

static UPDATE: LazyLock<String> = LazyLock::new(|| {
    let sets: Vec<String> = UnitRow::columns()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 2))
        .collect();
    format!(
        "UPDATE units SET {}, updated_at = ?{} WHERE id = ?1",
        sets.join(", "),
        sets.len() + 2
    )
});

/// Runs `sql` with the id, every column of `row` and the time, in that order.
fn write(conn: &Connection, sql: &str, id: &Option<i64>, row: &UnitRow, ts: &str) -> Result<()> {
    let details: Vec<Value> = row.details.to_columns()?;
    let mut values: Vec<&dyn ToSql> = vec![id];
    values.extend(details.iter().map(|v| v as &dyn ToSql));
    values.extend(row.own_values());
    values.push(&ts);
    conn.prepare_cached(sql)?.execute(values.as_slice())?;
    Ok(())
}

/// Inserts a unit (with the id given, or a new one) and returns its id.
pub(crate) fn insert(conn: &Connection, id: Option<i64>, row: &UnitRow, ts: &str) -> Result<i64> {
    write(conn, &INSERT, &id, row, ts)?;
    Ok(conn.last_insert_rowid())
}

/// Writes every column of unit `id`.
pub(crate) fn update(conn: &Connection, id: i64, row: &UnitRow, ts: &str) -> Result<()> {
    write(conn, &UPDATE, &Some(id), row, ts)
}

/// One entry of a unit's history: where the change came from, what changed (as the user
/// reads it) and the unit as it was before (for undoing an import).
pub(crate) fn record_history(
    conn: &Connection,
    unit_id: i64,
    source: Source,
    created: bool,
    changes: &[super::FieldChange],
    before: Option<&Unit>,
    ts: &str,
) -> Result<()> {
    let (code, batch) = match source {
        Source::Edit if created => ("create", None),
        Source::Edit => ("edit", None),
        Source::Import(b) => ("import", Some(b)),
        Source::Undo(b) => ("undo", Some(b)),
        Source::Demo => ("demo", None),
    };
    let changes = serde_json::to_string(changes)?;
    let before = before.map(serde_json::to_string).transpose()?;
    conn.prepare_cached(
        "INSERT INTO unit_history (unit_id, changed_at, source, batch_id, changes, before)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![unit_id, ts, code, batch, changes, before])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The declared columns are exactly the table's, less the id and the timestamps: a
    /// column added by a migration without being declared here (or the reverse) fails.
    #[test]
    fn the_declared_columns_are_the_tables() {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::db::open(&dir.path().join("t.sqlite3")).unwrap();
        let mut stmt = conn
            .prepare("SELECT name FROM pragma_table_info('units')")
            .unwrap();
        let mut table: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        table.retain(|c| !["id", "created_at", "updated_at"].contains(&c.as_str()));
        table.sort();
        let mut declared: Vec<String> = UnitRow::columns().map(String::from).collect();
        declared.sort();
        assert_eq!(declared, table);
    }
}
