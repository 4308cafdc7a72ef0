//! What a face supplies: where a chosen file is, how a written file is shown, how progress
//! reaches the page.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Where a command's progress reports go: the page names it with each call that reports
/// progress (a Tauri channel's id in the window, a job id in the browser).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct ProgressTo(pub String);

/// A face of the app.
pub trait Host: Send + Sync {
    /// The file the user chose to read (`chosen` is what the page sent: a path from the
    /// window's dialog, an upload's id in the browser), of one of the `extensions`.
    fn input(&self, chosen: &str, extensions: &[&str]) -> crate::app::ApiResult<PathBuf>;
    /// Where to write the file the user asked to save (a path from the window's dialog, a
    /// file name in the browser), of one of the `extensions`.
    fn output(&self, chosen: &str, extensions: &[&str]) -> crate::app::ApiResult<PathBuf>;
    /// The folder to write several files into.
    fn output_dir(&self, chosen: &str) -> crate::app::ApiResult<PathBuf>;
    /// Shows a written file or folder (the system viewer, a new browser tab); whether it was.
    fn show(&self, path: &Path) -> bool;
    /// How `path` is named to the user.
    fn display(&self, path: &Path) -> String {
        path.display().to_string()
    }
    /// The address the page fetches a written file from (the browser face), if any.
    fn link(&self, _path: &Path) -> Option<String> {
        None
    }
    /// Sends one progress report.
    fn progress(&self, to: &ProgressTo, report: serde_json::Value);
    /// Opens a folder of the data directory (数据目录, 日志目录) for the user.
    fn open_folder(&self, path: &Path) -> crate::app::ApiResult<()>;
}
