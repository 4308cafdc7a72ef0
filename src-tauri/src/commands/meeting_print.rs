//! 会议材料打印: one document of the print pack to a chosen file, or all seven into a chosen
//! folder with progress and cancel (the work is the core's `print_pack::write_*`). The PDF (or
//! the folder) is opened afterwards.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use lianxi::meetings::print_pack::{self, Document, GroupBy, PackOptions};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use super::files::{checked_dir, checked_path, Written};
use crate::error::ApiResult;
use crate::state::{with_conn, Store};

/// Progress of the whole pack: `done` of `total` documents; `current` is being written.
#[derive(Debug, Clone, Serialize)]
pub struct PackProgress {
    pub done: usize,
    pub total: usize,
    pub current: String,
}

fn options(group_by: Option<GroupBy>, names: Option<Vec<String>>) -> PackOptions {
    PackOptions {
        by: group_by.unwrap_or_default(),
        platform: names.unwrap_or_default(),
        even_rule: None,
    }
}

/// Writes one document of the print pack to `path` (a .pdf) and opens it.
#[tauri::command]
pub async fn meeting_print(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    what: Document,
    group_by: Option<GroupBy>,
    names: Option<Vec<String>>,
    path: String,
) -> ApiResult<Written> {
    let path = checked_path(&path, &["pdf"])?;
    let target = path.clone();
    let o = options(group_by, names);
    with_conn(&store, move |conn, _| {
        let fonts = lianxi::print::saved_fonts(conn)?;
        print_pack::write_document(conn, meeting_id, what, &o, &fonts, &target)
    })
    .await?;
    Ok(Written::opened(&app, &path, 1))
}

/// Writes the seven documents into `dir` (会议议程.pdf …) with progress; cancelling removes
/// what this job wrote. The folder is opened afterwards.
#[tauri::command]
pub async fn meeting_print_pack(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    dir: String,
    group_by: Option<GroupBy>,
    names: Option<Vec<String>>,
    on_progress: Channel<PackProgress>,
) -> ApiResult<Written> {
    let dir = checked_dir(&dir)?;
    store.print_cancel.store(false, Ordering::SeqCst);
    let s = Arc::clone(&store);
    let folder = dir.clone();
    let o = options(group_by, names);
    let done = with_conn(&store, move |conn, _| {
        let fonts = lianxi::print::saved_fonts(conn)?;
        let mut progress = |done, total, doc: Document| {
            // A closed window only stops the progress bar, not the work.
            let _ = on_progress.send(PackProgress {
                done,
                total,
                current: doc.name().to_owned(),
            });
            !s.print_cancel.load(Ordering::SeqCst)
        };
        print_pack::write_pack(conn, meeting_id, &o, &fonts, &folder, &mut progress)
    })
    .await?;
    let notes = done
        .skipped
        .iter()
        .map(|(doc, why)| format!("未生成“{}”：{why}", doc.name()))
        .collect();
    Ok(Written::opened(&app, &dir, done.written.len()).with_notes(notes))
}

/// The print pack's documents with their names and whether each has a Word form, in pack
/// order (the core's list).
#[tauri::command]
pub fn meeting_documents() -> Vec<lianxi::meetings::print_pack::DocumentInfo> {
    lianxi::meetings::print_pack::documents()
}

/// Writes one document of the print pack to `path` as a .docx (the same content as its PDF)
/// and opens it with the system's word processor.
#[tauri::command]
pub async fn meeting_export_word(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    what: Document,
    group_by: Option<GroupBy>,
    path: String,
) -> ApiResult<Written> {
    let path = checked_path(&path, &["docx"])?;
    let target = path.clone();
    let o = options(group_by, None);
    with_conn(&store, move |conn, _| {
        lianxi::docx::write_meeting_docx(conn, meeting_id, what, &o, &target)
    })
    .await?;
    Ok(Written::opened(&app, &path, 1))
}
