//! Importing rosters: any office's .xlsx, .xls, .ods or .csv → a preview ([`ImportPlan`]) →
//! one committed, undoable batch.
//!
//! ```text
//! bytes ─ sniff ─ read (calamine / csv, merged cells filled) ─ header (sheet, header row,
//! synonyms) ─ normalize (per cell) ─ plan (rows, duplicates, diff with the database)
//!                                                        └─ commit (backup, transaction) ─ undo
//! ```

pub(crate) mod batch;
pub mod bounded;
mod commit;
pub(crate) mod header;
pub(crate) mod normalize;
mod ods_merges;
pub(crate) mod pipeline;
pub(crate) mod plan;
mod read;
mod sniff;
mod types;

use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

pub use commit::{batches, commit, latest_undoable_batch, undo, ImportBatch, UndoSummary};
pub use header::{field_for, field_labels, normalize_header, Field, FieldLabel};
pub use plan::{
    Action, ColumnInfo, ImportCounts, ImportPlan, ImportedUnit, PlannedUnit, Problem, Severity,
};
pub use read::{read, Cell, Format, Sheet, Workbook};

/// A stage of a long import, for progress bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Reading the file.
    Reading,
    /// Checking rows.
    Checking,
    /// Comparing with the roster in the database.
    Comparing,
    /// Writing to the database.
    Writing,
    /// Undoing a batch.
    Undoing,
}

/// Progress of a long operation: `done` of `total` items in `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Progress {
    pub stage: Stage,
    pub done: u32,
    pub total: u32,
}

/// Receives progress; returning `false` cancels the operation (nothing is written).
pub type ProgressFn<'a> = &'a mut dyn FnMut(Progress) -> bool;

/// A progress callback that ignores progress and never cancels.
pub fn no_progress(_: Progress) -> bool {
    true
}

/// What the caller chooses for a file: the sheet, and columns mapped by hand.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImportOptions {
    /// The sheet to read; `None` picks the visible sheet whose header matches best.
    pub sheet: Option<String>,
    /// Manual mappings, which override the header's: zero-based column → field (`None`
    /// ignores the column).
    pub mappings: Vec<ColumnMapping>,
}

/// One manual column mapping.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct ColumnMapping {
    pub column: u32,
    pub field: Option<Field>,
}

pub(crate) fn report(
    progress: &mut ProgressFn<'_>,
    stage: Stage,
    done: usize,
    total: usize,
) -> Result<()> {
    let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    if progress(Progress {
        stage,
        done: clamp(done),
        total: clamp(total),
    }) {
        Ok(())
    } else {
        Err(Error::Cancelled)
    }
}

/// Reads `file` in a bounded worker process ([`bounded::Worker`]) and plans its import
/// against the database. Nothing is written. This is the path of the CLI and the app: a
/// user's file is never parsed in their process.
pub fn plan_file(
    conn: &Connection,
    worker: &bounded::Worker,
    file: &Path,
    options: &ImportOptions,
    progress: ProgressFn<'_>,
) -> Result<ImportPlan> {
    let mut progress = progress;
    let (name, book) = read_file(worker, file, &mut progress)?;
    log::info!("导入预览：“{name}”");
    plan_book(conn, &name, &book, options, progress)
}

/// Reads `file` in a bounded worker process ([`bounded::Worker`]): its name and its cells.
/// Every kind of list (the roster, donations) reads a user's file through here.
pub fn read_file(
    worker: &bounded::Worker,
    file: &Path,
    progress: &mut ProgressFn<'_>,
) -> Result<(String, Workbook)> {
    let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    report(progress, Stage::Reading, 0, 1)?;
    let mut keep_going = || {
        progress(Progress {
            stage: Stage::Reading,
            done: 0,
            total: 1,
        })
    };
    let book = worker.read(&name, &bytes, &mut keep_going)?;
    drop(bytes);
    report(progress, Stage::Reading, 1, 1)?;
    Ok((name, book))
}

/// Plans the import of a workbook already read (by a [`bounded::Worker`]). Nothing is written.
pub fn plan_book(
    conn: &Connection,
    file_name: &str,
    book: &Workbook,
    options: &ImportOptions,
    progress: ProgressFn<'_>,
) -> Result<ImportPlan> {
    let mut progress = progress;
    plan::plan_workbook(conn, file_name, book, options, &mut progress)
}

/// Plans the import of `bytes`, the content of a file named `file_name`, reading them in this
/// process (tests, benchmarks). Nothing is written.
pub fn plan_bytes(
    conn: &Connection,
    file_name: &str,
    bytes: &[u8],
    options: &ImportOptions,
    progress: ProgressFn<'_>,
) -> Result<ImportPlan> {
    let mut progress = progress;
    report(&mut progress, Stage::Reading, 0, 1)?;
    let book = read(file_name, bytes)?;
    report(&mut progress, Stage::Reading, 1, 1)?;
    plan::plan_workbook(conn, file_name, &book, options, &mut progress)
}
