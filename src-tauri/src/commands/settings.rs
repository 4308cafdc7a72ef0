//! 设置: where the data lives, backups, demo data.

use std::sync::Arc;

use lianxi::backup::{self, BackupInfo, BackupReason};
use lianxi::print::{FontChoice, FontOption};
use lianxi::settings::DataInfo;
use lianxi::street::{self, FieldSpec, StreetProfile};
use tauri::State;

use crate::error::{ApiError, ApiResult};
use crate::state::{with_conn, Store};
use lianxi::error::ErrorKind;

/// Whether the database opened; the UI shows a blocking message when it did not.
#[tauri::command]
pub fn app_status(store: State<'_, Arc<Store>>) -> Option<ApiError> {
    store.open_error.clone()
}

#[tauri::command]
pub async fn data_info(store: State<'_, Arc<Store>>) -> ApiResult<DataInfo> {
    with_conn(&store, |conn, path| lianxi::settings::data_info(conn, path)).await
}

#[tauri::command]
pub async fn backup_list(store: State<'_, Arc<Store>>) -> ApiResult<Vec<BackupInfo>> {
    with_conn(&store, |_, path| backup::list(path)).await
}

#[tauri::command]
pub async fn backup_create(store: State<'_, Arc<Store>>) -> ApiResult<BackupInfo> {
    with_conn(&store, |conn, path| {
        backup::create(conn, path, BackupReason::Manual)
    })
    .await
}

/// Restores a backup; returns the backup taken of the state before the restore.
#[tauri::command]
pub async fn backup_restore(store: State<'_, Arc<Store>>, id: String) -> ApiResult<BackupInfo> {
    with_conn(&store, move |conn, path| backup::restore(conn, path, &id)).await
}

#[tauri::command]
pub async fn demo_load(store: State<'_, Arc<Store>>) -> ApiResult<()> {
    with_conn(&store, |conn, _| lianxi::demo::load(conn).map(|_| ())).await
}

/// 清除示例数据，开始正式使用; returns the backup taken first.
#[tauri::command]
pub async fn demo_clear(store: State<'_, Arc<Store>>) -> ApiResult<BackupInfo> {
    with_conn(&store, lianxi::demo::clear).await
}

/// The street's profile (街道信息).
#[tauri::command]
pub async fn street_get(store: State<'_, Arc<Store>>) -> ApiResult<StreetProfile> {
    with_conn(&store, |conn, _| street::get(conn)).await
}

/// Saves the street's profile after the core's checks.
#[tauri::command]
pub async fn street_save(
    store: State<'_, Arc<Store>>,
    profile: StreetProfile,
) -> ApiResult<StreetProfile> {
    with_conn(&store, move |conn, _| street::save(conn, &profile)).await
}

/// The fields of the 街道信息 form: labels, examples, which are required.
#[tauri::command]
pub fn street_fields() -> Vec<FieldSpec> {
    street::FIELDS.to_vec()
}

/// Opens the data folder in the system file manager.
#[tauri::command]
pub async fn open_data_dir(app: tauri::AppHandle, store: State<'_, Arc<Store>>) -> ApiResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let dir = lianxi::paths::DataDir::of_db(&store.db_path)
        .root()
        .to_path_buf();
    app.opener()
        .open_path(dir.display().to_string(), None::<&str>)
        .map_err(|e| ApiError::new(ErrorKind::Io, format!("无法打开数据目录：{e}")))
}

/// Opens the log folder (`logs/` in the data folder) in the system file manager.
#[tauri::command]
pub async fn open_log_dir(app: tauri::AppHandle, store: State<'_, Arc<Store>>) -> ApiResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let dir = lianxi::paths::DataDir::of_db(&store.db_path).logs();
    std::fs::create_dir_all(&dir).map_err(|e| ApiError::from(lianxi::Error::io(&dir, e)))?;
    app.opener()
        .open_path(dir.display().to_string(), None::<&str>)
        .map_err(|e| ApiError::new(ErrorKind::Io, format!("无法打开日志目录：{e}")))
}

/// The fonts this machine offers for printing (the bundled font first).
#[tauri::command]
pub async fn font_options() -> ApiResult<Vec<FontOption>> {
    tauri::async_runtime::spawn_blocking(lianxi::print::font_options)
        .await
        .map_err(|e| {
            log::error!("读取字体列表的任务异常结束：{e:?}");
            ApiError::internal()
        })
}

/// The fonts chosen per role for printing.
#[tauri::command]
pub async fn font_choice(store: State<'_, Arc<Store>>) -> ApiResult<FontChoice> {
    with_conn(&store, |conn, _| lianxi::print::saved_choice(conn)).await
}

/// Saves the fonts per role after checking that each one loads.
#[tauri::command]
pub async fn font_choice_save(store: State<'_, Arc<Store>>, choice: FontChoice) -> ApiResult<()> {
    with_conn(&store, move |conn, _| {
        lianxi::print::save_choice(conn, &choice)
    })
    .await
}
