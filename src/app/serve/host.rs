//! The browser's `Host`: uploads for files the user picks, downloads for files written, progress
//! as server-sent events.

use std::path::{Path, PathBuf};

use tokio::sync::broadcast;

use super::files::Files;
use crate::app::{ApiError, ApiResult, Host, ProgressTo};
use crate::error::ErrorKind;

pub(crate) struct WebHost {
    pub(crate) files: Files,
    /// Progress reports as JSON `{to, report}`, for every open page.
    pub(crate) events: broadcast::Sender<String>,
}

impl Host for WebHost {
    fn input(&self, chosen: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
        self.files.input(chosen, extensions)
    }

    fn output(&self, chosen: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
        self.files.output(chosen, extensions)
    }

    fn output_dir(&self, chosen: &str) -> ApiResult<PathBuf> {
        self.files.output_dir(chosen)
    }

    /// A download is the browser's to save (nothing is opened); a file of the data folder (a
    /// scan, an attachment, a preview) the page opens in a tab.
    fn show(&self, path: &Path) -> bool {
        if self.files.is_download(path) {
            return false;
        }
        self.files.view(path).is_ok()
    }

    fn display(&self, path: &Path) -> String {
        match self.files.download_name(path) {
            Some(name) => format!("浏览器“下载”文件夹中的“{name}”"),
            None => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    fn link(&self, path: &Path) -> Option<String> {
        self.files.link(path)
    }

    fn progress(&self, to: &ProgressTo, report: serde_json::Value) {
        let event = serde_json::json!({ "to": to.0, "report": report });
        // No page listening is not an error: the work goes on.
        let _ = self.events.send(event.to_string());
    }

    fn open_folder(&self, path: &Path) -> ApiResult<()> {
        Err(ApiError::new(
            ErrorKind::Invalid,
            format!(
                "浏览器里不能打开本机的文件夹。它在这台电脑上的位置是：{}",
                path.display()
            ),
        ))
    }
}
