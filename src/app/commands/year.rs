//! 年度概览 and 年度归档: the year's numbers, the printed statistics, and the archive of the
//! year written into a folder the user picks (the work is the core's `stats` and `archive`).

use std::sync::atomic::Ordering;

use crate::archive::{self, ArchiveKind, ArchiveMeetings, ArchiveOutcome, Retention, RetentionRow};
use crate::stats::YearStats;
use serde::Serialize;

use super::files::Written;

/// Progress of an archive: files written so far and the one being written.
#[derive(Debug, Clone, Serialize)]
pub struct ArchiveProgress {
    pub done: usize,
    pub current: String,
}

use crate::app::ProgressTo;

crate::app_commands! {
    pub fn year_stats(ctx, year: i32) -> YearStats {
        ctx.with_conn(move |conn, _| crate::stats::year_stats(conn, year))
    }

    /// 年度工作统计 as a PDF at `path`, opened.
    pub fn year_stats_pdf(ctx, year: i32, path: String) -> Written {
        let path = ctx.output(&path, &["pdf"])?;
        let target = path.clone();
        ctx.with_conn(move |conn, _| crate::stats::write_stats_pdf(conn, year, &target))?;
        Ok(ctx.written(&path, 1))
    }

    /// The meetings an archive of `year` files by itself, and those the secretary may add.
    pub fn archive_meetings(ctx, year: i32) -> ArchiveMeetings {
        ctx.with_conn(move |conn, _| archive::archive_meetings(conn, year))
    }

    /// Archives `year` into a new folder 联席会年度归档-YYYY inside `dir` (and a .zip beside it
    /// when `zip`), with the meetings `extra_meetings` the secretary added; cancel with
    /// `print_cancel`. The folder is opened afterwards.
    pub fn archive_year(
        ctx,
        year: i32,
        dir: String,
        zip: bool,
        extra_meetings: Option<Vec<i64>>,
        on_progress: ProgressTo,
    ) -> ArchiveOutcome {
        let extra = extra_meetings.unwrap_or_default();
        let parent = ctx.output_dir(&dir)?;
        let out = parent.join(archive::default_folder_name(year));
        ctx.store.print_cancel.store(false, Ordering::SeqCst);
        let target = out.clone();
        let outcome = ctx.with_conn(move |conn, db_path| {
            let data_dir = crate::paths::DataDir::of_db(db_path);
            let mut progress = |done: usize, current: &str| {
                ctx.progress(&on_progress, &ArchiveProgress {
                    done,
                    current: current.to_owned(),
                });
                !ctx.store.print_cancel.load(Ordering::SeqCst)
            };
            archive::archive_year(conn, data_dir.root(), year, &target, zip, &extra, &mut progress)
        })?;
        ctx.show(&out);
        Ok(outcome)
    }

    pub fn archive_retentions(ctx) -> Vec<RetentionRow> {
        ctx.with_conn(|conn, _| archive::retentions(conn))
    }

    pub fn archive_retention_set(
        ctx,
        kind: ArchiveKind,
        retention: Retention,
    ) -> Vec<RetentionRow> {
        ctx.with_conn(move |conn, _| {
            archive::set_retention(conn, kind, retention)?;
            archive::retentions(conn)
        })
    }

    /// The labels of every 保管期限, in order (the core's list).
    pub fn archive_retention_options(_ctx) -> Vec<Retention> {
        Ok(Retention::ALL.to_vec())
    }
}
