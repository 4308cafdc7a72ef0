//! The record kinds of the three lists, each declared once.
//!
//! A kind ([`Kind`]) says what its records are: the table and the select that reads a row by
//! column name, the columns an input writes, what a list's filter asks, what a record is
//! called in messages, how its input is checked and what keeps a record from being deleted.
//! The functions here are the one list, get, insert, add, update and delete over any kind;
//! `kind_functions!` gives a kind those functions by the names callers use (`list_needs`,
//! `get_need`, `add_need`, …). `need`, `resource` and `project` are the three declarations,
//! each kind's fields one list (`need_fields!`, `resource_fields!`, `project_fields!`, over
//! `crate::db::fields::record_fields!`: the record, its input, the read of its row by column
//! name, its plain text columns and its own import words); what only projects have (claims,
//! progress, results, the link from a need) lives beside them in `lists`.
//!
//! Numbers are per year ([`super::numbering`]); the code shown (需2026-001) is the kind's
//! [`ListKind::code_prefix`] before the year and number.

use std::collections::HashMap;

use rusqlite::types::{ToSql, Value};
use rusqlite::{Connection, OptionalExtension, Row};

use super::fields::{grouped, text_matches};
use super::ListKind;
use crate::db::{atomically, insert_columns, now, update_columns};
use crate::error::{Error, Result};
use crate::text::name_key;

/// A record of one of the lists: numbered within its year, shown by its code and name.
pub(crate) trait Numbered {
    fn id(&self) -> i64;
    fn year(&self) -> i32;
    fn number(&self) -> i64;
    /// 需2026-001.
    fn code(&self) -> &str;
    fn name(&self) -> &str;
}

macro_rules! numbered {
    ($($record:ty),+) => {$(
        impl Numbered for $record {
            fn id(&self) -> i64 {
                self.id
            }
            fn year(&self) -> i32 {
                self.year
            }
            fn number(&self) -> i64 {
                self.number
            }
            fn code(&self) -> &str {
                &self.code
            }
            fn name(&self) -> &str {
                &self.name
            }
        }
    )+};
}

numbered!(need::Need, resource::Resource, project::Project);

/// One kind of record (需求, 资源, 项目), declared once.
pub(crate) trait Kind {
    /// A record as shown and printed.
    type Record: Numbered;
    /// What the user enters.
    type Input;
    /// Which records a list shows.
    type Filter;

    /// Which list; its code prefix (需, 资, 项) starts a record's code.
    const LIST: ListKind;
    /// The table of the records.
    const TABLE: &'static str;
    /// What a record is called when it is not found and in the log (需求, 资源, 共建项目).
    const WHAT: &'static str;
    /// What the year's numbers are numbers of, in a taken number's message (需求, 资源, 项目).
    const NUMBERED: &'static str;
    /// The select that reads a row by column name, the table aliased as [`Kind::ALIAS`].
    const SELECT: &'static str;
    const ALIAS: &'static str;
    /// A list's conditions over the alias, with the named parameters of
    /// [`Kind::parameters`] (`:year` …).
    const CONDITIONS: &'static str;
    /// What goes before the record's row when it is deleted (its links), `?1` its id.
    const DELETE_FIRST: &'static [&'static str] = &[];

    /// A record from a row of [`Kind::SELECT`], read by column name (what the row does not
    /// hold is left empty for [`Kind::complete`]).
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self::Record>;

    /// Fills what the row does not hold (links, claims, derived status): for every record
    /// read, or `only` the one with that id.
    fn complete(
        conn: &Connection,
        list: Vec<Self::Record>,
        only: Option<i64>,
    ) -> Result<Vec<Self::Record>>;

    /// The values of the named parameters of [`Kind::CONDITIONS`].
    fn parameters(filter: &Self::Filter) -> Vec<(&'static str, Value)>;

    /// What the filter asks that SQL does not (a category as typed, a derived status).
    fn keeps(_filter: &Self::Filter, _record: &Self::Record) -> bool {
        true
    }

    /// The filter's text (part of a code, a name …).
    fn text(filter: &Self::Filter) -> &str;

    /// The fields the filter's text is looked for in.
    fn searched(record: &Self::Record) -> Vec<&str>;

    /// The cleaned input, ready to write (year and number settled); `own` is the record
    /// edited. Bad input is refused here, before anything is written.
    fn validate(
        conn: &Connection,
        input: &Self::Input,
        own: Option<&Self::Record>,
    ) -> Result<Self::Input>;

    /// The columns a validated input writes, with their values (the insert adds the import
    /// batch, the source row and the times; the update the time).
    fn columns(v: &Self::Input) -> Vec<(&'static str, Value)>;

    /// What an insert writes beside the row (a project's links).
    fn inserted(_conn: &Connection, _id: i64, _v: &Self::Input) -> Result<()> {
        Ok(())
    }

    /// What an update writes beside the row (a project's links, its needs following it).
    fn updated(_conn: &Connection, _id: i64, _v: &Self::Input) -> Result<()> {
        Ok(())
    }

    /// Why the record may not be deleted, if anything depends on it.
    fn delete_blocker(record: &Self::Record) -> Option<String>;
}

/// Text as a column's value.
pub(super) fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

/// The records `filter` selects, by year and number.
pub(crate) fn list<K: Kind>(conn: &Connection, filter: &K::Filter) -> Result<Vec<K::Record>> {
    let a = K::ALIAS;
    let mut stmt = conn.prepare(&format!(
        "{} WHERE {} ORDER BY {a}.year, {a}.number",
        K::SELECT,
        K::CONDITIONS
    ))?;
    let values = K::parameters(filter);
    let named: Vec<(&str, &dyn ToSql)> = values
        .iter()
        .map(|(name, v)| (*name, v as &dyn ToSql))
        .collect();
    let rows = stmt.query_map(named.as_slice(), K::from_row)?;
    let all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let text = name_key(K::text(filter));
    Ok(K::complete(conn, all, None)?
        .into_iter()
        .filter(|r| K::keeps(filter, r))
        .filter(|r| text_matches(&text, &K::searched(r)))
        .collect())
}

/// One record.
pub(crate) fn get<K: Kind>(conn: &Connection, id: i64) -> Result<K::Record> {
    let not_found = || Error::NotFound {
        what: K::WHAT,
        id: id.to_string(),
    };
    let row = conn
        .query_row(
            &format!("{} WHERE {}.id = ?1", K::SELECT, K::ALIAS),
            [id],
            K::from_row,
        )
        .optional()?
        .ok_or_else(not_found)?;
    K::complete(conn, vec![row], Some(id))?
        .into_iter()
        .next()
        .ok_or_else(not_found)
}

/// The one insert of a record (validated input), from the form (`batch` none) or an import.
pub(crate) fn insert<K: Kind>(
    conn: &Connection,
    v: &K::Input,
    batch: Option<i64>,
    source_row: Option<i64>,
) -> Result<i64> {
    let ts = now();
    let mut columns = K::columns(v);
    columns.extend([
        ("import_batch_id", batch.into()),
        ("source_row", source_row.into()),
        ("created_at", ts.clone().into()),
        ("updated_at", ts.into()),
    ]);
    let id = insert_columns(conn, K::TABLE, &columns)?;
    K::inserted(conn, id, v)?;
    Ok(id)
}

/// Records a record.
pub(crate) fn add<K: Kind>(conn: &Connection, input: &K::Input) -> Result<K::Record> {
    atomically(conn, || {
        let v = K::validate(conn, input, None)?;
        let id = insert::<K>(conn, &v, None, None)?;
        let r = get::<K>(conn, id)?;
        log::info!("{}：登记 {}（{id}）", K::WHAT, r.name());
        Ok(r)
    })
}

/// Edits a record (its number stays unless another is asked for).
pub(crate) fn update<K: Kind>(conn: &Connection, id: i64, input: &K::Input) -> Result<K::Record> {
    atomically(conn, || {
        let before = get::<K>(conn, id)?;
        let v = K::validate(conn, input, Some(&before))?;
        let mut columns = K::columns(&v);
        columns.push(("updated_at", now().into()));
        update_columns(conn, K::TABLE, id, &columns)?;
        K::updated(conn, id, &v)?;
        get::<K>(conn, id)
    })
}

/// Deletes a record nothing depends on.
pub(crate) fn delete<K: Kind>(conn: &Connection, id: i64) -> Result<()> {
    atomically(conn, || {
        let r = get::<K>(conn, id)?;
        if let Some(why) = K::delete_blocker(&r) {
            return Err(Error::Conflict(why));
        }
        for sql in K::DELETE_FIRST {
            conn.execute(sql, [id])?;
        }
        conn.execute(&format!("DELETE FROM {} WHERE id = ?1", K::TABLE), [id])?;
        log::info!("{}：删除 {}（{id}）", K::WHAT, r.code());
        Ok(())
    })
}

/// The projects linked to each record through `table` (pairs of `column` and `project_id`),
/// by project id: for every record, or `only` the one with that id.
pub(super) fn project_links(
    conn: &Connection,
    table: &str,
    column: &str,
    only: Option<i64>,
) -> Result<HashMap<i64, Vec<i64>>> {
    let scope = only
        .map(|id| format!(" WHERE {column} = {id}"))
        .unwrap_or_default();
    grouped(
        conn,
        &format!("SELECT {column}, project_id FROM {table}{scope} ORDER BY project_id"),
    )
}

/// Gives a kind its functions by the names callers use, each over the machinery above:
/// list, get, add, update and delete (public), the validate and insert the import writes
/// through (crate).
macro_rules! kind_functions {
    ($kind:ty => $record:ty, $input:ty, $filter:ty {
        $(#[$list_doc:meta])* list: $list:ident,
        $(#[$get_doc:meta])* get: $get:ident,
        $(#[$add_doc:meta])* add: $add:ident,
        $(#[$update_doc:meta])* update: $update:ident,
        $(#[$delete_doc:meta])* delete: $delete:ident,
        validate: $validate:ident,
        insert: $insert:ident $(,)?
    }) => {
        $(#[$list_doc])*
        pub fn $list(
            conn: &rusqlite::Connection,
            filter: &$filter,
        ) -> $crate::error::Result<Vec<$record>> {
            $crate::lists::kinds::list::<$kind>(conn, filter)
        }

        $(#[$get_doc])*
        pub fn $get(conn: &rusqlite::Connection, id: i64) -> $crate::error::Result<$record> {
            $crate::lists::kinds::get::<$kind>(conn, id)
        }

        $(#[$add_doc])*
        pub fn $add(
            conn: &rusqlite::Connection,
            input: &$input,
        ) -> $crate::error::Result<$record> {
            $crate::lists::kinds::add::<$kind>(conn, input)
        }

        $(#[$update_doc])*
        pub fn $update(
            conn: &rusqlite::Connection,
            id: i64,
            input: &$input,
        ) -> $crate::error::Result<$record> {
            $crate::lists::kinds::update::<$kind>(conn, id, input)
        }

        $(#[$delete_doc])*
        pub fn $delete(conn: &rusqlite::Connection, id: i64) -> $crate::error::Result<()> {
            $crate::lists::kinds::delete::<$kind>(conn, id)
        }

        /// The cleaned input, ready to write (year and number settled); `own` is the record
        /// edited.
        pub(crate) fn $validate(
            conn: &rusqlite::Connection,
            input: &$input,
            own: Option<&$record>,
        ) -> $crate::error::Result<$input> {
            <$kind as $crate::lists::kinds::Kind>::validate(conn, input, own)
        }

        /// The one insert of a record (validated input).
        pub(crate) fn $insert(
            conn: &rusqlite::Connection,
            v: &$input,
            batch: Option<i64>,
            source_row: Option<i64>,
        ) -> $crate::error::Result<i64> {
            $crate::lists::kinds::insert::<$kind>(conn, v, batch, source_row)
        }
    };
}
// The three declarations, after the macros they use.
pub mod need;
pub mod project;
pub mod resource;

#[cfg(test)]
mod tests {
    use super::*;

    /// Each column a kind writes, and the bookkeeping its insert adds, is a column of its
    /// table; the select reads every column of the table.
    fn writes_its_own_columns<K: Kind>(conn: &Connection, v: &K::Input) {
        let mut stmt = conn
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{}')",
                K::TABLE
            ))
            .unwrap();
        let have: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let written: Vec<&str> = K::columns(v).iter().map(|(c, _)| *c).collect();
        for c in
            written
                .iter()
                .chain(&["import_batch_id", "source_row", "created_at", "updated_at"])
        {
            assert!(have.iter().any(|h| h == c), "{}.{c}", K::TABLE);
        }
    }

    #[test]
    fn every_kind_writes_the_columns_of_its_table() {
        let conn = crate::db::open_in_memory().unwrap();
        writes_its_own_columns::<need::NeedList>(&conn, &need::NeedInput::default());
        writes_its_own_columns::<resource::ResourceList>(
            &conn,
            &resource::ResourceInput::default(),
        );
        writes_its_own_columns::<project::ProjectList>(&conn, &project::ProjectInput::default());
    }
}
