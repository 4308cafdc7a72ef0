//! The `#[tauri::command]`s, one file per area. Each parses its arguments, calls the core on a
//! worker thread and maps the error; nothing else.

pub mod files;
pub mod import;
pub mod org;
pub mod settings;
pub mod units;
