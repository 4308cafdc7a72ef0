//! The window's face: files are the paths the system dialogs chose, written files open in the
//! system's programs, progress goes over the page's Tauri channels.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lianxi::app::commands::files::{checked_dir, checked_path};
use lianxi::app::{ApiError, ApiResult, Host, ProgressTo};
use lianxi::error::ErrorKind;
use tauri::ipc::{Channel, JavaScriptChannelId};
use tauri_plugin_opener::OpenerExt;

pub struct WindowHost {
    pub app: tauri::AppHandle,
    pub webview: tauri::Webview,
}

impl WindowHost {
    fn open(&self, path: &Path) -> Result<(), tauri_plugin_opener::Error> {
        self.app
            .opener()
            .open_path(path.display().to_string(), None::<&str>)
    }
}

/// Tests set `LIANXI_NO_OPEN` so that no viewer pops up on the test display.
fn opening_disabled() -> bool {
    std::env::var_os("LIANXI_NO_OPEN").is_some_and(|v| !v.is_empty())
}

impl Host for WindowHost {
    fn input(&self, chosen: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
        checked_path(chosen, extensions)
    }

    fn output(&self, chosen: &str, extensions: &[&str]) -> ApiResult<PathBuf> {
        checked_path(chosen, extensions)
    }

    fn output_dir(&self, chosen: &str) -> ApiResult<PathBuf> {
        checked_dir(chosen)
    }

    /// A missing viewer is not an error: the file is saved either way and the UI says where.
    fn show(&self, path: &Path) -> bool {
        !opening_disabled() && self.open(path).is_ok()
    }

    fn progress(&self, to: &ProgressTo, report: serde_json::Value) {
        match JavaScriptChannelId::from_str(&to.0) {
            Ok(id) => {
                let channel: Channel<serde_json::Value> = id.channel_on(self.webview.clone());
                // A closed window only stops the progress bar, not the work.
                let _ = channel.send(report);
            }
            Err(e) => log::warn!("进度通道无法识别（{}）：{e}", to.0),
        }
    }

    fn open_folder(&self, path: &Path) -> ApiResult<()> {
        if opening_disabled() {
            return Ok(());
        }
        self.open(path).map_err(|e| {
            ApiError::new(
                ErrorKind::Io,
                format!("无法打开文件夹“{}”：{e}", path.display()),
            )
        })
    }
}
