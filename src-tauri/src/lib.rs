//! 联席会筹备助手 desktop shell: Tauri setup, managed state, and the window's face of the one
//! command table (`lianxi::app::COMMANDS`). All logic lives in the `lianxi` core; the commands
//! live in `lianxi-app`; this crate only carries them over IPC.

pub mod host;
pub mod launch_failure;
pub mod startup;
pub mod webview;

use std::path::PathBuf;
use std::sync::Arc;

use lianxi::app::{ApiError, Ctx, Store};
use tauri::ipc::{Invoke, InvokeBody};
use tauri::Manager;

/// The data folder: `$LIANXI_DATA_DIR` when set (tests, portable use), else the OS app-data
/// folder of the bundle identifier.
fn data_dir(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(d) = std::env::var_os(lianxi::paths::DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(d));
    }
    Ok(app.path().app_data_dir()?)
}

/// Builds and runs the app.
pub fn run() {
    startup::mark("main");
    if !launch_failure::webview_available() {
        std::process::exit(1);
    }
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            startup::mark("setup");
            if let Some(window) = app.get_webview_window("main") {
                webview::tune(&window);
            }
            let dir = data_dir(app)?;
            lianxi::logging::init(&dir);
            let db_path = dir.join(lianxi::paths::DB_FILE);
            app.manage(Arc::new(Store::open(db_path)));
            startup::mark("db-open");
            Ok(())
        })
        .invoke_handler(invoke)
        .run(tauri::generate_context!());
    if let Err(e) = result {
        launch_failure::failed(&e);
        std::process::exit(1);
    }
}

/// Every call from the page: the shell's own start-up marks, else the command table, run on a
/// blocking worker thread (never the main thread) with the window as its host.
fn invoke(invoke: Invoke) -> bool {
    let name = invoke.message.command().to_string();
    let args = match invoke.message.payload() {
        InvokeBody::Json(v) => v.clone(),
        InvokeBody::Raw(_) => serde_json::Value::Null,
    };
    if name == "startup_marks" {
        startup::record_page_marks(args);
        invoke.resolver.resolve(());
        return true;
    }
    let webview = invoke.message.webview();
    let app = webview.app_handle().clone();
    let Some(store) = app.try_state::<Arc<Store>>().map(|s| Arc::clone(s.inner())) else {
        invoke.resolver.reject(ApiError::internal());
        return true;
    };
    invoke.resolver.respond_async(async move {
        let host = host::WindowHost { app, webview };
        tauri::async_runtime::spawn_blocking(move || {
            lianxi::app::dispatch(&Ctx::new(&store, &host), &name, args)
        })
        .await
        .unwrap_or_else(|e| {
            log::error!("后台任务异常结束：{e:?}");
            Err(ApiError::internal())
        })
        .map_err(tauri::ipc::InvokeError::from)
    });
    true
}
