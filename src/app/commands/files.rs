//! Files chosen in the page's dialogs, files written for the user, and print progress. Shared
//! by the areas that print or attach files.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use crate::error::ErrorKind;

use crate::app::{ApiError, ApiResult, Ctx, ProgressTo};

/// Accepts only an absolute path whose extension is one of `extensions`: the window may only
/// name files of the kinds a command reads or writes.
pub fn checked_path(path: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
    let p = PathBuf::from(path);
    if !p.is_absolute() || !has_extension(&p, extensions) {
        return Err(wrong_kind(extensions));
    }
    Ok(p)
}

/// Whether `path` ends in one of `extensions` (any case).
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    extensions.contains(&ext.as_str())
}

/// The refusal of a file of another kind.
pub fn wrong_kind(extensions: &[&str]) -> ApiError {
    ApiError::new(
        ErrorKind::Invalid,
        format!("只能处理 {} 格式的文件。", extensions.join("、")),
    )
}

/// Accepts only an absolute path of an existing folder.
pub fn checked_dir(path: &str) -> ApiResult<PathBuf> {
    let p = PathBuf::from(path);
    if !p.is_absolute() || !p.is_dir() {
        return Err(ApiError::new(
            ErrorKind::Invalid,
            "请选择一个已存在的文件夹。",
        ));
    }
    Ok(p)
}

/// What a finished print job tells the user.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Written {
    /// The file (or folder) written, as the user knows it.
    pub path: String,
    /// Where the page fetches it from (the browser face only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// How many documents it holds.
    pub count: usize,
    /// Whether it was shown (the system viewer, a new tab).
    pub opened: bool,
    /// What the user should know about the job (e.g. documents skipped and why).
    pub notes: Vec<String>,
}

impl Written {
    /// Adds notes for the user.
    pub(crate) fn with_notes(mut self, notes: Vec<String>) -> Self {
        self.notes = notes;
        self
    }
}

/// Progress of a print job: documents laid out so far (each copy counts).
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct PrintProgress {
    pub done: usize,
    pub total: usize,
}

impl Ctx<'_> {
    /// Starts a print job: clears an earlier cancel and returns the progress callback the
    /// core calls, which reports to `to` and says whether to go on.
    pub(crate) fn print_progress(&self, to: ProgressTo) -> impl FnMut(usize, usize) -> bool + '_ {
        self.store.print_cancel.store(false, Ordering::SeqCst);
        move |done, total| {
            self.progress(&to, &PrintProgress { done, total });
            !self.store.print_cancel.load(Ordering::SeqCst)
        }
    }
}

crate::app_commands! {
    /// Asks a running print job to stop; nothing is left half-written when it does.
    pub fn print_cancel(ctx) -> () {
        ctx.store.print_cancel.store(true, Ordering::SeqCst);
        Ok(())
    }
}
