//! Files chosen in the front end's dialogs, files written for the user, and opening them with
//! the system's programs. Shared by the areas that print or attach files.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use tauri::State;
use tauri_plugin_opener::OpenerExt;

use crate::error::{ApiError, ApiResult};
use crate::state::Store;
use lianxi::error::ErrorKind;

/// Accepts only an absolute path whose extension is one of `extensions`: the front end may
/// only name files of the kinds a command reads or writes.
pub(crate) fn checked_path(path: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
    let p = PathBuf::from(path);
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !p.is_absolute() || !extensions.contains(&ext.as_str()) {
        return Err(ApiError::new(
            ErrorKind::Invalid,
            format!("只能处理 {} 格式的文件。", extensions.join("、")),
        ));
    }
    Ok(p)
}

/// Accepts only an absolute path of an existing folder.
pub(crate) fn checked_dir(path: &str) -> ApiResult<PathBuf> {
    let p = PathBuf::from(path);
    if !p.is_absolute() || !p.is_dir() {
        return Err(ApiError::new(
            ErrorKind::Invalid,
            "请选择一个已存在的文件夹。",
        ));
    }
    Ok(p)
}

/// Opens `path` with the system's default program. Returns whether that worked: a missing
/// viewer is not an error (the file is saved either way and the UI says where).
pub(crate) fn open_with_system(app: &tauri::AppHandle, path: &Path) -> bool {
    // Tests set this so that no viewer pops up on the test display.
    if std::env::var_os("LIANXI_NO_OPEN").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .is_ok()
}

/// What a finished print job tells the user.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Written {
    /// The file (or folder) written.
    pub path: String,
    /// How many documents it holds.
    pub count: usize,
    /// Whether the system viewer was started.
    pub opened: bool,
    /// What the user should know about the job (e.g. documents skipped and why).
    pub notes: Vec<String>,
}

impl Written {
    /// Opens `path` with the system viewer and reports what was written.
    pub(crate) fn opened(app: &tauri::AppHandle, path: &Path, count: usize) -> Self {
        Written {
            path: path.display().to_string(),
            count,
            opened: open_with_system(app, path),
            notes: Vec::new(),
        }
    }

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

/// Starts a print job: clears an earlier cancel and returns the progress callback the core
/// calls, which reports over `channel` and says whether to go on.
pub(crate) fn print_progress(
    store: &Arc<Store>,
    channel: tauri::ipc::Channel<PrintProgress>,
) -> impl FnMut(usize, usize) -> bool + Send + 'static {
    store.print_cancel.store(false, Ordering::SeqCst);
    let store = Arc::clone(store);
    move |done, total| {
        // A closed window only stops the progress bar, not the work.
        let _ = channel.send(PrintProgress { done, total });
        !store.print_cancel.load(Ordering::SeqCst)
    }
}

/// Asks a running print job to stop; nothing is left half-written when it does.
#[tauri::command]
pub fn print_cancel(store: State<'_, Arc<Store>>) {
    store.print_cancel.store(true, Ordering::SeqCst);
}
