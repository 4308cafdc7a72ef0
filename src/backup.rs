//! Backups through SQLite's online backup API (never a file copy), kept in a `backups/`
//! folder beside the database. The newest [`KEEP`] are kept.

use std::path::{Path, PathBuf};

use rusqlite::{backup::Backup, Connection, OpenFlags, MAIN_DB};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};

/// How many backups are kept; older ones are removed after each new backup.
pub const KEEP: usize = 30;

const EXT: &str = "sqlite3";

crate::labelled::labelled! {
    /// Why a backup was taken. Its code is part of the file name; it is serialised, like
    /// every labelled value, as the Chinese label the user sees.
    BackupReason {
        /// The user asked for one.
        Manual = "manual" / "手动备份",
        /// Taken automatically before an import.
        BeforeImport = "before-import" / "导入前自动备份",
        /// Taken automatically before restoring another backup.
        BeforeRestore = "before-restore" / "恢复前自动备份",
        /// Taken automatically before a schema upgrade.
        BeforeMigration = "before-migration" / "升级前自动备份",
        /// Taken before demo data is removed, or another bulk change.
        BeforeBulkChange = "before-bulk-change" / "批量修改前自动备份",
    }
}

/// One backup file.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupInfo {
    /// The identifier used to restore it: the file name without extension.
    pub id: String,
    /// When it was taken, local time, `YYYY-MM-DD HH:MM:SS`.
    pub taken_at: String,
    /// Why it was taken (serialised as its Chinese label).
    pub reason: BackupReason,
    pub size_bytes: u64,
    pub path: String,
}

/// The folder that holds the backups of the database at `db_path`.
pub fn dir_for(db_path: &Path) -> PathBuf {
    crate::paths::DataDir::of_db(db_path).backups()
}

/// Backs up the live database behind `conn` (whose file is `db_path`) and prunes old backups.
pub fn create(conn: &Connection, db_path: &Path, reason: BackupReason) -> Result<BackupInfo> {
    let info = write(conn, db_path, reason)?;
    prune(&dir_for(db_path))?;
    log::info!("备份：{}（{} 字节）", info.id, info.size_bytes);
    Ok(info)
}

/// Writes one backup without pruning.
fn write(conn: &Connection, db_path: &Path, reason: BackupReason) -> Result<BackupInfo> {
    let dir = dir_for(db_path);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let now = chrono::Local::now().naive_local();
    let stamp = now
        .format("%Y%m%d-%H%M%S%.3f")
        .to_string()
        .replace('.', "-");
    let mut id = format!("{stamp}_{}", reason.code());
    let mut n = 1;
    while dir.join(format!("{id}.{EXT}")).exists() {
        n += 1;
        id = format!("{stamp}-{n}_{}", reason.code());
    }
    let path = dir.join(format!("{id}.{EXT}"));
    // Written under another name and renamed when complete: a backup cut short (a kill, a
    // full disk) is never listed, so it can never be restored over good data.
    let part = dir.join(format!("{id}.{EXT}.{PART}"));
    let mut dst = Connection::open(&part)?;
    let copied = Backup::new(conn, &mut dst)
        .and_then(|b| b.run_to_completion(256, std::time::Duration::from_millis(0), None));
    drop(dst);
    if let Err(e) = copied {
        remove_part(&part);
        return Err(e.into());
    }
    std::fs::rename(&part, &path).map_err(|e| {
        remove_part(&part);
        Error::io(&path, e)
    })?;
    info_for(&path).ok_or_else(|| Error::NotFound { what: "备份", id })
}

/// The suffix of a backup being written.
const PART: &str = "part";

fn remove_part(part: &Path) {
    let _ = std::fs::remove_file(part);
    let mut journal = part.as_os_str().to_owned();
    journal.push("-journal");
    let _ = std::fs::remove_file(journal);
}

/// Removes what backups cut short by a kill left behind, once they are old enough not to
/// be another process's backup in progress.
fn remove_stale_parts(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for p in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let is_part =
            name.ends_with(&format!(".{PART}")) || name.ends_with(&format!(".{PART}-journal"));
        let old = std::fs::metadata(&p)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(600));
        if is_part && old {
            log::warn!("删除中断的备份残留：{}", p.display());
            let _ = std::fs::remove_file(&p);
        }
    }
}

fn info_for(path: &Path) -> Option<BackupInfo> {
    let stem = path.file_stem()?.to_str()?;
    let (stamp, code) = stem.split_once('_')?;
    let reason = BackupReason::from_code(code)?;
    let when = chrono::NaiveDateTime::parse_from_str(stamp.get(..15)?, "%Y%m%d-%H%M%S").ok()?;
    let size_bytes = std::fs::metadata(path).ok()?.len();
    Some(BackupInfo {
        id: stem.to_string(),
        taken_at: when.format("%Y-%m-%d %H:%M:%S").to_string(),
        reason,
        size_bytes,
        path: path.display().to_string(),
    })
}

/// The backups of the database at `db_path`, newest first.
pub fn list(db_path: &Path) -> Result<Vec<BackupInfo>> {
    list_dir(&dir_for(db_path))
}

fn list_dir(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut out: Vec<BackupInfo> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(EXT))
        .filter_map(|p| info_for(&p))
        .collect();
    // Ids start with a sortable timestamp.
    out.sort_by(|a, b| b.id.cmp(&a.id));
    Ok(out)
}

fn prune(dir: &Path) -> Result<()> {
    remove_stale_parts(dir);
    for old in list_dir(dir)?.into_iter().skip(KEEP) {
        std::fs::remove_file(&old.path).map_err(|e| Error::io(&old.path, e))?;
    }
    Ok(())
}

/// Restores backup `id` into the live database behind `conn`. The current state is backed
/// up first, so a restore can itself be undone. The restored schema is brought up to date.
pub fn restore(conn: &mut Connection, db_path: &Path, id: &str) -> Result<BackupInfo> {
    let src_path = dir_for(db_path).join(format!("{id}.{EXT}"));
    // An id is a file name we made; refuse anything that could point elsewhere.
    let valid = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid || !src_path.is_file() {
        return Err(Error::NotFound {
            what: "备份",
            id: id.to_string(),
        });
    }
    let src = Connection::open_with_flags(&src_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let version: i64 = src
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| Error::NotADatabase {
            path: src_path.clone(),
        })?;
    if version > crate::db::supported_version() {
        return Err(Error::DatabaseTooNew {
            found: version,
            supported: crate::db::supported_version(),
        });
    }
    drop(src);
    // Prune only after the restore: the backup being restored may be the oldest one.
    let safety = write(conn, db_path, BackupReason::BeforeRestore)?;
    log::info!("恢复备份 {id}（恢复前已备份 {}）", safety.id);
    conn.restore(MAIN_DB, &src_path, None::<fn(rusqlite::backup::Progress)>)?;
    prune(&dir_for(db_path))?;
    crate::db::migrations()
        .to_latest(conn)
        .map_err(|e| Error::Migration {
            message: e.to_string(),
        })?;
    Ok(safety)
}
