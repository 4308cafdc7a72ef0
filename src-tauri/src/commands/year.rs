//! 年度概览 and 年度归档: the year's numbers, the printed statistics, and the archive of the
//! year written into a folder the user picks (the work is the core's `stats` and `archive`).

use std::sync::atomic::Ordering;
use std::sync::Arc;

use lianxi::archive::{
    self, ArchiveKind, ArchiveMeetings, ArchiveOutcome, Retention, RetentionRow,
};
use lianxi::stats::YearStats;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use super::files::{checked_dir, checked_path, open_with_system, Written};
use crate::error::ApiResult;
use crate::state::{with_conn, Store};

#[tauri::command]
pub async fn year_stats(store: State<'_, Arc<Store>>, year: i32) -> ApiResult<YearStats> {
    with_conn(&store, move |conn, _| lianxi::stats::year_stats(conn, year)).await
}

/// 年度工作统计 as a PDF at `path`, opened.
#[tauri::command]
pub async fn year_stats_pdf(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    year: i32,
    path: String,
) -> ApiResult<Written> {
    let path = checked_path(&path, &["pdf"])?;
    let target = path.clone();
    with_conn(&store, move |conn, _| {
        lianxi::stats::write_stats_pdf(conn, year, &target)
    })
    .await?;
    Ok(Written::opened(&app, &path, 1))
}

/// Progress of an archive: files written so far and the one being written.
#[derive(Debug, Clone, Serialize)]
pub struct ArchiveProgress {
    pub done: usize,
    pub current: String,
}

/// The meetings an archive of `year` files by itself, and those the secretary may add.
#[tauri::command]
pub async fn archive_meetings(
    store: State<'_, Arc<Store>>,
    year: i32,
) -> ApiResult<ArchiveMeetings> {
    with_conn(&store, move |conn, _| archive::archive_meetings(conn, year)).await
}

/// Archives `year` into a new folder 联席会年度归档-YYYY inside `dir` (and a .zip beside it
/// when `zip`), with the meetings `extra_meetings` the secretary added; cancel with
/// `print_cancel`. The folder is opened afterwards.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn archive_year(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    year: i32,
    dir: String,
    zip: bool,
    extra_meetings: Option<Vec<i64>>,
    on_progress: Channel<ArchiveProgress>,
) -> ApiResult<ArchiveOutcome> {
    let extra = extra_meetings.unwrap_or_default();
    let parent = checked_dir(&dir)?;
    let out = parent.join(archive::default_folder_name(year));
    store.print_cancel.store(false, Ordering::SeqCst);
    let s = Arc::clone(&store);
    let target = out.clone();
    let outcome = with_conn(&store, move |conn, db_path| {
        let data_dir = lianxi::paths::DataDir::of_db(db_path);
        let mut progress = |done: usize, current: &str| {
            // A closed window only stops the progress bar, not the work.
            let _ = on_progress.send(ArchiveProgress {
                done,
                current: current.to_owned(),
            });
            !s.print_cancel.load(Ordering::SeqCst)
        };
        archive::archive_year(
            conn,
            data_dir.root(),
            year,
            &target,
            zip,
            &extra,
            &mut progress,
        )
    })
    .await?;
    open_with_system(&app, &out);
    Ok(outcome)
}

#[tauri::command]
pub async fn archive_retentions(store: State<'_, Arc<Store>>) -> ApiResult<Vec<RetentionRow>> {
    with_conn(&store, |conn, _| archive::retentions(conn)).await
}

#[tauri::command]
pub async fn archive_retention_set(
    store: State<'_, Arc<Store>>,
    kind: ArchiveKind,
    retention: Retention,
) -> ApiResult<Vec<RetentionRow>> {
    with_conn(&store, move |conn, _| {
        archive::set_retention(conn, kind, retention)?;
        archive::retentions(conn)
    })
    .await
}

/// The labels of every 保管期限, in order (the core's list).
#[tauri::command]
pub fn archive_retention_options() -> Vec<Retention> {
    Retention::ALL.to_vec()
}
