//! Where the data lives by default: the OS app-data folder of the bundle identifier, the same
//! folder the desktop shell uses (`%APPDATA%\cn.lianxi.desktop` on Windows,
//! `~/.local/share/cn.lianxi.desktop` on Linux).

use std::path::PathBuf;

/// The bundle identifier (also in `src-tauri/tauri.conf.json`).
pub const APP_IDENTIFIER: &str = "cn.lianxi.desktop";

/// The database file name inside the data folder.
pub const DB_FILE: &str = "lianxi.sqlite3";

/// Environment variable that moves the data folder (tests, portable use).
pub const DATA_DIR_ENV: &str = "LIANXI_DATA_DIR";

/// The data folder: `$LIANXI_DATA_DIR` when set, else the OS app-data folder.
pub fn default_data_dir() -> Option<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(d) if !d.is_empty() => Some(PathBuf::from(d)),
        _ => dirs::data_dir().map(|d| d.join(APP_IDENTIFIER)),
    }
}

/// The data folder and where everything in it lives: the database, its backups, the copies
/// of signed scans and of results' attachments, the template previews and the logs. Nothing else builds these paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// The folder of signed scans, as stored in the database (`scans/…`).
    pub const SCANS: &'static str = "scans";
    /// The folder of project results' files, as stored in the database (`attachments/…`).
    pub const ATTACHMENTS: &'static str = "attachments";

    pub fn new(root: impl Into<PathBuf>) -> Self {
        DataDir { root: root.into() }
    }

    /// The folder that holds the database file `db_path` (the current folder for a bare name).
    pub fn of_db(db_path: &std::path::Path) -> Self {
        DataDir::new(
            db_path
                .parent()
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default(),
        )
    }

    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    /// The database file.
    pub fn db(&self) -> PathBuf {
        self.root.join(DB_FILE)
    }

    /// Backups of the database (`backup.rs`).
    pub fn backups(&self) -> PathBuf {
        self.root.join("backups")
    }

    /// Copies of signed agreements' scans.
    pub fn scans(&self) -> PathBuf {
        self.root.join(Self::SCANS)
    }

    /// Copies of the files kept with projects' results (photos, PDFs).
    pub fn attachments(&self) -> PathBuf {
        self.root.join(Self::ATTACHMENTS)
    }

    /// Template previews written for the system viewer.
    pub fn previews(&self) -> PathBuf {
        self.root.join("previews")
    }

    /// The log files (`logging.rs`).
    pub fn logs(&self) -> PathBuf {
        self.root.join("logs")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_folder_is_inside_the_data_folder() {
        let d = DataDir::of_db(std::path::Path::new("/data/lianxi.sqlite3"));
        assert_eq!(d.root(), std::path::Path::new("/data"));
        assert_eq!(d.db(), PathBuf::from("/data/lianxi.sqlite3"));
        for p in [
            d.backups(),
            d.scans(),
            d.attachments(),
            d.previews(),
            d.logs(),
        ] {
            assert!(p.starts_with("/data"), "{}", p.display());
        }
        assert_eq!(
            DataDir::of_db(std::path::Path::new("x.sqlite3")).root(),
            std::path::Path::new("")
        );
    }
}
