//! 会议材料打印: one document of the print pack to a chosen file, or all seven into a chosen
//! folder with progress and cancel (the work is the core's `print_pack::write_*`). The PDF (or
//! the folder) is opened afterwards.

use std::sync::atomic::Ordering;

use crate::meetings::print_pack::{self, Document, GroupBy, PackOptions};
use serde::Serialize;

use super::files::Written;

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

use crate::app::ProgressTo;

crate::app_commands! {
    /// Writes one document of the print pack to `path` (a .pdf) and opens it.
    pub fn meeting_print(
        ctx,
        meeting_id: i64,
        what: Document,
        group_by: Option<GroupBy>,
        names: Option<Vec<String>>,
        path: String,
    ) -> Written {
        let path = ctx.output(&path, &["pdf"])?;
        let target = path.clone();
        let o = options(group_by, names);
        ctx.with_conn(move |conn, _| {
            let fonts = crate::print::saved_fonts(conn)?;
            print_pack::write_document(conn, meeting_id, what, &o, &fonts, &target)
        })?;
        Ok(ctx.written(&path, 1))
    }

    /// Writes the seven documents into `dir` (会议议程.pdf …) with progress; cancelling removes
    /// what this job wrote. The folder is opened afterwards.
    pub fn meeting_print_pack(
        ctx,
        meeting_id: i64,
        dir: String,
        group_by: Option<GroupBy>,
        names: Option<Vec<String>>,
        on_progress: ProgressTo,
    ) -> Written {
        let dir = ctx.output_dir(&dir)?;
        ctx.store.print_cancel.store(false, Ordering::SeqCst);
        let folder = dir.clone();
        let o = options(group_by, names);
        let done = ctx.with_conn(move |conn, _| {
            let fonts = crate::print::saved_fonts(conn)?;
            let mut progress = |done, total, doc: Document| {
                ctx.progress(&on_progress, &PackProgress {
                    done,
                    total,
                    current: doc.name().to_owned(),
                });
                !ctx.store.print_cancel.load(Ordering::SeqCst)
            };
            print_pack::write_pack(conn, meeting_id, &o, &fonts, &folder, &mut progress)
        })?;
        let notes = done
            .skipped
            .iter()
            .map(|(doc, why)| format!("未生成“{}”：{why}", doc.name()))
            .collect();
        Ok(ctx.written(&dir, done.written.len()).with_notes(notes))
    }

    /// The print pack's documents with their names and whether each has a Word form, in pack
    /// order (the core's list).
    pub fn meeting_documents(_ctx) -> Vec<crate::meetings::print_pack::DocumentInfo> {
        Ok(crate::meetings::print_pack::documents())
    }

    /// Writes one document of the print pack to `path` as a .docx (the same content as its PDF)
    /// and opens it with the system's word processor.
    pub fn meeting_export_word(
        ctx,
        meeting_id: i64,
        what: Document,
        group_by: Option<GroupBy>,
        path: String,
    ) -> Written {
        let path = ctx.output(&path, &["docx"])?;
        let target = path.clone();
        let o = options(group_by, None);
        ctx.with_conn(move |conn, _| {
            crate::docx::write_meeting_docx(conn, meeting_id, what, &o, &target)
        })?;
        Ok(ctx.written(&path, 1))
    }
}
