//! 联席会筹备助手 core: everything a user can do, as plain Rust functions over an SQLite
//! database. The desktop shell (`src-tauri`) and the `lianxi` CLI are thin glue over this crate;
//! it knows nothing of Tauri, webviews or IPC.

pub mod agreements;
pub mod app;
pub mod archive;
pub mod backup;
pub mod bindings;
pub(crate) mod code_problem;
pub mod date;
pub mod db;
pub mod demo;
pub mod docx;
pub mod donations;
pub mod error;
pub mod export;
pub mod import;
pub(crate) mod labelled;
pub mod lists;
pub mod logging;
pub mod lookup;
pub(crate) mod lookup_target;
pub mod meetings;
pub mod minutes;
pub mod money;
pub mod org;
pub mod paths;
pub mod phone;
pub mod print;
pub mod settings;
pub mod stats;
pub mod street;
pub(crate) mod street_field;
pub mod text;
pub mod units;

pub use error::{Error, Result};
