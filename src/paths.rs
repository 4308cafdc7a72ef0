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
