//! 导入名册 / 导出: the import wizard's steps, with progress over a channel and cancel.

use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use lianxi::import::{
    self, FieldLabel, ImportBatch, ImportOptions, ImportPlan, Progress, ProgressFn, UndoSummary,
};
use rusqlite::Connection;
use tauri::ipc::Channel;
use tauri::State;

use super::files::checked_path;
use crate::error::{ApiError, ApiResult};
use crate::state::{with_conn, Store};
use lianxi::error::ErrorKind;

/// Only files the importer reads are accepted from the front end.
const IMPORT_EXTENSIONS: [&str; 4] = ["xlsx", "xls", "ods", "csv"];

/// Plans an import of the file the front end named, for every kind of import: the path is
/// checked against the importer's formats, the file is read by the bounded worker, progress
/// goes over `on_progress`, and 取消 (`import_cancel`) stops it. Nothing is written.
pub(crate) async fn preview<T, F>(
    store: &Arc<Store>,
    path: &str,
    on_progress: Channel<Progress>,
    plan: F,
) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&Connection, &import::bounded::Worker, &Path, ProgressFn<'_>) -> lianxi::Result<T>
        + Send
        + 'static,
{
    let path = checked_path(path, &IMPORT_EXTENSIONS)?;
    store.import_cancel.store(false, Ordering::SeqCst);
    let s = Arc::clone(store);
    with_conn(store, move |conn, _| {
        let mut progress = |p: Progress| {
            // A closed window only stops the progress bar, not the work.
            let _ = on_progress.send(p);
            !s.import_cancel.load(Ordering::SeqCst)
        };
        let worker = import::bounded::Worker::current_exe()?;
        plan(conn, &worker, &path, &mut progress)
    })
    .await
}

/// Reads the file and plans the import (nothing is written). The plan is kept for commit.
#[tauri::command]
pub async fn import_preview(
    store: State<'_, Arc<Store>>,
    path: String,
    options: ImportOptions,
    on_progress: Channel<Progress>,
) -> ApiResult<ImportPlan> {
    let plan = preview(
        &store,
        &path,
        on_progress,
        move |conn, worker, path, progress| {
            import::plan_file(conn, worker, path, &options, progress)
        },
    )
    .await?;
    *store
        .pending_import
        .lock()
        .unwrap_or_else(|p| p.into_inner()) = Some(plan.clone());
    Ok(plan)
}

/// Commits the plan of the last preview: a backup, then one transaction.
#[tauri::command]
pub async fn import_commit(
    store: State<'_, Arc<Store>>,
    on_progress: Channel<Progress>,
) -> ApiResult<ImportBatch> {
    let plan = store
        .pending_import
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .ok_or_else(|| ApiError::new(ErrorKind::Conflict, "没有待导入的预览，请重新选择文件。"))?;
    store.import_cancel.store(false, Ordering::SeqCst);
    let s = Arc::clone(&store);
    with_conn(&store, move |conn, path| {
        let mut progress = |p: Progress| {
            let _ = on_progress.send(p);
            !s.import_cancel.load(Ordering::SeqCst)
        };
        import::commit(conn, path, &plan, &mut progress)
    })
    .await
}

/// Asks a running preview or commit to stop; nothing is written when it does.
#[tauri::command]
pub fn import_cancel(store: State<'_, Arc<Store>>) {
    store.import_cancel.store(true, Ordering::SeqCst);
}

#[tauri::command]
pub async fn import_batches(store: State<'_, Arc<Store>>) -> ApiResult<Vec<ImportBatch>> {
    with_conn(&store, |conn, _| import::batches(conn)).await
}

/// 撤销本次导入: removes the units a batch created and restores those it changed.
#[tauri::command]
pub async fn import_undo(store: State<'_, Arc<Store>>, batch_id: i64) -> ApiResult<UndoSummary> {
    with_conn(&store, move |conn, _| {
        import::undo(conn, batch_id, &mut import::no_progress)
    })
    .await
}

/// Exports units (all, or the given ids in that order) to an .xlsx chosen by the user.
#[tauri::command]
pub async fn units_export(
    store: State<'_, Arc<Store>>,
    path: String,
    ids: Option<Vec<i64>>,
) -> ApiResult<usize> {
    let path = checked_path(&path, &["xlsx"])?;
    with_conn(&store, move |conn, _| {
        lianxi::export::export_units(conn, &path, ids.as_deref())
    })
    .await
}

/// The roster fields a column can be mapped to, with their names (the wizard's choices).
#[tauri::command]
pub fn import_fields() -> Vec<FieldLabel> {
    import::field_labels()
}
