//! 导入名册 / 导出: the import wizard's steps, with progress over a channel and cancel.

use std::path::Path;
use std::sync::atomic::Ordering;

use crate::import::{
    self, FieldLabel, ImportBatch, ImportOptions, ImportPlan, Progress, ProgressFn, UndoSummary,
};
use rusqlite::Connection;

use crate::app::state::PendingImport;
use crate::app::{ApiResult, Ctx, ProgressTo};

/// Only files the importer reads are accepted from the front end.
const IMPORT_EXTENSIONS: [&str; 4] = ["xlsx", "xls", "ods", "csv"];

/// Plans an import of the file the page named, for every kind of import: the file is checked
/// against the importer's formats, read by the bounded worker, progress goes to
/// `on_progress`, and 取消 (`import_cancel`) stops it. Nothing is written. The plan is kept
/// for the commit (`keep` makes it a [`PendingImport`]) and returned for the page to show.
pub(crate) fn preview<T, F>(
    ctx: &Ctx,
    chosen: &str,
    on_progress: ProgressTo,
    plan: F,
    keep: fn(T) -> PendingImport,
) -> ApiResult<T>
where
    T: Clone,
    F: FnOnce(&Connection, &import::bounded::Worker, &Path, ProgressFn<'_>) -> crate::Result<T>,
{
    let path = ctx.input(chosen, &IMPORT_EXTENSIONS)?;
    ctx.store.import_cancel.store(false, Ordering::SeqCst);
    let planned = ctx.with_conn(move |conn, _| {
        let mut progress = reporting(ctx, &on_progress);
        let worker = import::bounded::Worker::current_exe()?;
        plan(conn, &worker, &path, &mut progress)
    })?;
    ctx.store.keep_import(keep(planned.clone()));
    Ok(planned)
}

/// Commits the plan the last preview kept, when `pick` takes it (`NoPendingImport` when none
/// of that kind is kept): a commit that succeeds clears it, one that fails or is cancelled
/// keeps it (`keep`) for another try.
pub(crate) fn commit_kept<P, T, F>(
    ctx: &Ctx,
    pick: impl FnOnce(PendingImport) -> Result<P, PendingImport>,
    keep: fn(P) -> PendingImport,
    commit: F,
) -> ApiResult<T>
where
    F: FnOnce(&mut Connection, &Path, &P) -> crate::Result<T>,
{
    let plan = ctx.store.take_import(pick)?;
    ctx.store.import_cancel.store(false, Ordering::SeqCst);
    let done = ctx.with_conn(|conn, db_path| commit(conn, db_path, &plan));
    if done.is_err() {
        ctx.store.keep_import_again(keep(plan));
    }
    done
}

/// Progress of an import to `to`; `false` (stop) once 取消 was asked.
fn reporting<'a>(ctx: &'a Ctx, to: &'a ProgressTo) -> impl FnMut(Progress) -> bool + 'a {
    move |p: Progress| {
        ctx.progress(to, &p);
        !ctx.store.import_cancel.load(Ordering::SeqCst)
    }
}

crate::app_commands! {
    /// Reads the file and plans the import (nothing is written). The plan is kept for commit.
    pub fn import_preview(
        ctx,
        path: String,
        options: ImportOptions,
        on_progress: ProgressTo,
    ) -> ImportPlan {
        preview(
            ctx,
            &path,
            on_progress,
            move |conn, worker, path, progress| {
                import::plan_file(conn, worker, path, &options, progress)
            },
            |plan| PendingImport::Roster(Box::new(plan)),
        )
    }

    /// Commits the plan the last preview kept: a backup, then one transaction.
    pub fn import_commit(ctx, on_progress: ProgressTo) -> ImportBatch {
        commit_kept(
            ctx,
            |kept| match kept {
                PendingImport::Roster(plan) => Ok(plan),
                other => Err(other),
            },
            PendingImport::Roster,
            |conn, db_path, plan| {
                import::commit(conn, db_path, plan, &mut reporting(ctx, &on_progress))
            },
        )
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
