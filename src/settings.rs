//! Key–value settings kept in the database, and facts about where the data lives.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

/// Reads a setting.
pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Writes a setting.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Where the data lives and what it holds, for the 设置 screen.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DataInfo {
    pub data_dir: String,
    pub db_path: String,
    pub backups_dir: String,
    pub db_size_bytes: u64,
    pub schema_version: i64,
    /// True while the database holds the demo street (示例数据).
    pub is_demo: bool,
    pub unit_count: i64,
    /// The street's short name (八大关街道), empty before the profile is filled in.
    pub street_name: String,
    /// The labels of the essential 街道信息 fields still empty (the quiet notice).
    pub street_missing: Vec<String>,
}

/// Facts about the database at `db_path`. Whether it holds the demo street is the caller's to
/// say (`demo::is_demo`): the demo stores its mark here, so this module does not ask it back.
pub fn data_info(conn: &Connection, db_path: &Path, is_demo: bool) -> Result<DataInfo> {
    let unit_count = conn.query_row("SELECT COUNT(*) FROM units", [], |r| r.get(0))?;
    let schema_version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let street = crate::street::get(conn)?;
    Ok(DataInfo {
        data_dir: crate::paths::DataDir::of_db(db_path)
            .root()
            .display()
            .to_string(),
        db_path: db_path.display().to_string(),
        backups_dir: crate::backup::dir_for(db_path).display().to_string(),
        // In WAL mode recent writes sit in the -wal file beside the database.
        db_size_bytes: [db_path.to_path_buf(), db_path.with_extension("sqlite3-wal")]
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum(),
        schema_version,
        is_demo,
        unit_count,
        street_name: street.short(),
        street_missing: street
            .missing()
            .into_iter()
            .map(|f| f.label().to_string())
            .collect(),
    })
}
