//! The commands, one file per area. Each parses nothing itself (the table reads the
//! arguments), calls the core and maps the error; nothing else.

pub mod agreements;
#[cfg(feature = "desk")]
pub mod desk;
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
