//! 导入名册 / 导出: the import wizard's steps, with progress over a channel and cancel.

use std::path::Path;
use std::sync::atomic::Ordering;

use crate::import::{
    self, FieldLabel, ImportBatch, ImportOptions, ImportPlan, Progress, ProgressFn, UndoSummary,
};
use rusqlite::Connection;

use crate::error::ErrorKind;

use crate::app::{ApiError, ApiResult, Ctx, ProgressTo};

/// Only files the importer reads are accepted from the front end.
const IMPORT_EXTENSIONS: [&str; 4] = ["xlsx", "xls", "ods", "csv"];

/// Plans an import of the file the page named, for every kind of import: the file is checked
/// against the importer's formats, read by the bounded worker, progress goes to
/// `on_progress`, and 取消 (`import_cancel`) stops it. Nothing is written.
pub(crate) fn preview<T, F>(
    ctx: &Ctx,
    chosen: &str,
    on_progress: ProgressTo,
    plan: F,
) -> ApiResult<T>
where
    F: FnOnce(&Connection, &import::bounded::Worker, &Path, ProgressFn<'_>) -> crate::Result<T>,
{
    let path = ctx.input(chosen, &IMPORT_EXTENSIONS)?;
    ctx.store.import_cancel.store(false, Ordering::SeqCst);
    ctx.with_conn(move |conn, _| {
        let mut progress = |p: Progress| {
            ctx.progress(&on_progress, &p);
            !ctx.store.import_cancel.load(Ordering::SeqCst)
        };
        let worker = import::bounded::Worker::current_exe()?;
        plan(conn, &worker, &path, &mut progress)
    })
}

/// The same, for a commit: progress to `on_progress`, 取消 stops it before anything is kept.
pub(crate) fn commit<T, F>(ctx: &Ctx, on_progress: ProgressTo, commit: F) -> ApiResult<T>
where
    F: FnOnce(&mut Connection, &Path, ProgressFn<'_>) -> crate::Result<T>,
{
    ctx.store.import_cancel.store(false, Ordering::SeqCst);
    ctx.with_conn(move |conn, db_path| {
        let mut progress = |p: Progress| {
            ctx.progress(&on_progress, &p);
            !ctx.store.import_cancel.load(Ordering::SeqCst)
        };
        commit(conn, db_path, &mut progress)
    })
}

crate::app_commands! {
    /// Reads the file and plans the import (nothing is written). The plan is kept for commit.
    pub fn import_preview(
        ctx,
        path: String,
        options: ImportOptions,
        on_progress: ProgressTo,
    ) -> ImportPlan {
        let plan = preview(
            ctx,
            &path,
            on_progress,
            move |conn, worker, path, progress| {
                import::plan_file(conn, worker, path, &options, progress)
            },
        )?;
        *ctx.store
            .pending_import
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(plan.clone());
        Ok(plan)
    }

    /// Commits the plan of the last preview: a backup, then one transaction.
    pub fn import_commit(ctx, on_progress: ProgressTo) -> ImportBatch {
        let plan = ctx
            .store
            .pending_import
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
            .ok_or_else(|| ApiError::new(ErrorKind::Conflict, "没有待导入的预览，请重新选择文件。"))?;
        commit(ctx, on_progress, move |conn, db_path, progress| {
            import::commit(conn, db_path, &plan, progress)
        })
    }

    /// Asks a running preview or commit to stop; nothing is written when it does.
    pub fn import_cancel(ctx) -> () {
        ctx.store.import_cancel.store(true, Ordering::SeqCst);
        Ok(())
    }

    pub fn import_batches(ctx) -> Vec<ImportBatch> {
        ctx.with_conn(|conn, _| import::batches(conn))
    }

    /// 撤销本次导入: removes the units a batch created and restores those it changed.
    pub fn import_undo(ctx, batch_id: i64) -> UndoSummary {
        ctx.with_conn(move |conn, _| import::undo(conn, batch_id, &mut import::no_progress))
    }

    /// Exports units (all, or the given ids in that order) to an .xlsx chosen by the user.
    pub fn units_export(ctx, path: String, ids: Option<Vec<i64>>) -> usize {
        let path = ctx.output(&path, &["xlsx"])?;
        ctx.with_conn(move |conn, _| crate::export::export_units(conn, &path, ids.as_deref()))
    }

    /// The roster fields a column can be mapped to, with their names (the wizard's choices).
    pub fn import_fields(_ctx) -> Vec<FieldLabel> {
        Ok(import::field_labels())
    }
}
