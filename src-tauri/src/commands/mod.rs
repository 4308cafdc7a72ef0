//! The `#[tauri::command]`s, one file per area. Each parses its arguments, calls the core on a
//! worker thread and maps the error; nothing else.

pub mod agreements;
pub mod donations;
pub mod files;
pub mod import;
pub mod lists;
pub mod meeting_print;
pub mod meetings;
pub mod minutes;
pub mod org;
pub mod settings;
pub mod units;
pub mod year;
