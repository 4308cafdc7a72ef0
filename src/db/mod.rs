//! Opening the database: pragmas, the newer-version guard, migrations (with a backup first).

pub(crate) mod fields;

use std::path::Path;

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::backup::{self, BackupReason};
use crate::error::{Error, Result};

/// The schema migrations, in order. A migration, once released, is never edited: add a new one.
pub fn migrations() -> Migrations<'static> {
    // Each migration checks the foreign keys before it commits: migrations run with them off,
    // so a table that others refer to can be rebuilt (SQLite's "other schema changes").
    Migrations::new(
        MIGRATIONS
            .iter()
            .map(|sql| M::up(sql).foreign_key_check())
            .collect(),
    )
}

/// The schema version this build writes (the number of migrations).
pub fn supported_version() -> i64 {
    // The count is tiny, so the cast cannot truncate.
    MIGRATIONS.len() as i64
}

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_street_profile.sql"),
    include_str!("migrations/0003_donations.sql"),
    include_str!("migrations/0004_minutes.sql"),
    include_str!("migrations/0005_lists.sql"),
    include_str!("migrations/0006_meeting_decisions.sql"),
    include_str!("migrations/0007_signin_code_key.sql"),
];

/// Sets the per-connection pragmas. Called once for every connection that is opened.
fn set_pragmas(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Maps SQLite's "not a database" family of errors to a clear message.
fn classify_open_error(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) | Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            Error::NotADatabase {
                path: path.to_path_buf(),
            }
        }
        _ => Error::Sqlite(e),
    }
}

/// Opens (creating if needed) the database at `path` and brings its schema up to date.
///
/// A database written by a newer version is refused before anything is written to it.
/// Before migrating a database that already holds a schema, a backup is taken.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
    }
    let mut conn = Connection::open(path).map_err(|e| classify_open_error(path, e))?;
    // Read the version before any pragma that could write to the file.
    let found = user_version(&conn).map_err(|e| match e {
        Error::Sqlite(e) => classify_open_error(path, e),
        other => other,
    })?;
    let supported = supported_version();
    if found > supported {
        return Err(Error::DatabaseTooNew { found, supported });
    }
    set_pragmas(&conn)?;
    if found > 0 && found < supported {
        backup::create(&conn, path, BackupReason::BeforeMigration)?;
    }
    migrate(&mut conn)?;
    Ok(conn)
}

/// Brings the schema up to date with foreign keys off (a table others refer to can then be
/// rebuilt without its children's actions firing); each migration checks them before it
/// commits, and they are on again afterwards.
fn migrate(conn: &mut Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let done = migrations().to_latest(conn).map_err(|e| Error::Migration {
        message: e.to_string(),
    });
    conn.pragma_update(None, "foreign_keys", "ON")?;
    done
}

/// Opens a fresh in-memory database with the full schema (for tests and previews).
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Runs `f` in a transaction when the connection is not already in one, so a function that
/// writes several rows is atomic on its own and still composes inside a caller's transaction.
pub fn atomically<T>(conn: &Connection, f: impl FnOnce() -> Result<T>) -> Result<T> {
    if !conn.is_autocommit() {
        return f();
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    match f() {
        Ok(v) => {
            conn.execute_batch("COMMIT")?;
            Ok(v)
        }
        Err(e) => {
            // The original error matters more than a failed rollback.
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

/// A day as stored: 2026-09-25.
pub(crate) fn stored_day(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// The one `INSERT` of a record's columns into `table`; returns the new row's id. The
/// column names are the code's own, never the user's.
pub(crate) fn insert_columns(
    conn: &Connection,
    table: &str,
    columns: &[(&str, rusqlite::types::Value)],
) -> Result<i64> {
    let names: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
    let slots: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        slots.join(", ")
    );
    conn.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(columns.iter().map(|(_, v)| v)))?;
    Ok(conn.last_insert_rowid())
}

/// The one `UPDATE` of a record's columns in `table`, row `id`.
pub(crate) fn update_columns(
    conn: &Connection,
    table: &str,
    id: i64,
    columns: &[(&str, rusqlite::types::Value)],
) -> Result<()> {
    let set: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{c} = ?{}", i + 1))
        .collect();
    let sql = format!(
        "UPDATE {table} SET {} WHERE id = ?{}",
        set.join(", "),
        columns.len() + 1
    );
    let values = columns
        .iter()
        .map(|(_, v)| v.clone())
        .chain([rusqlite::types::Value::Integer(id)]);
    conn.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

/// The current local time as stored in the database.
pub(crate) fn now() -> String {
    chrono::Local::now()
        .naive_local()
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate() {
        migrations().validate().expect("migrations are valid");
    }

    #[test]
    fn version_matches_migration_count() {
        let conn = open_in_memory().unwrap();
        assert_eq!(user_version(&conn).unwrap(), supported_version());
    }
}
