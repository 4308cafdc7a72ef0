//! The whole print pack as files: one document to a chosen file, or all seven into a folder
//! (会议议程.pdf, 参会单位名单.pdf …) with progress and cancel. A job that fails or is cancelled
//! leaves no file of its own behind.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    agenda_pdf, attendees_pdf, invitations_pdf, name_cards_pdf, platform_names, seating_pdf,
    signin_pdf, speakers_pdf, GroupBy,
};
use crate::meetings::seating;
use crate::print::FontSet;
use crate::{Error, Result};

/// One document of the print pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Document {
    Agenda,
    Attendees,
    Signin,
    Speakers,
    Invitations,
    Namecards,
    Seating,
}

impl Document {
    /// The whole pack, in the order it is written.
    pub const ALL: [Document; 7] = [
        Document::Agenda,
        Document::Attendees,
        Document::Signin,
        Document::Speakers,
        Document::Invitations,
        Document::Namecards,
        Document::Seating,
    ];

    /// The document's Chinese name, also its file name in the pack's folder.
    pub fn name(self) -> &'static str {
        match self {
            Document::Agenda => "会议议程",
            Document::Attendees => "参会单位名单",
            Document::Signin => "签到表",
            Document::Speakers => "发言顺序",
            Document::Invitations => "邀请函",
            Document::Namecards => "桌签",
            Document::Seating => "座次表",
        }
    }

    /// `会议议程.pdf` and so on.
    pub fn file_name(self) -> String {
        format!("{}.pdf", self.name())
    }
}

/// A document of the print pack as the print tab offers it: its name, and whether it also
/// exports to Word (the name cards and the seating chart are PDF only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DocumentInfo {
    pub what: Document,
    pub name: String,
    pub has_word: bool,
}

/// The whole pack's documents, in pack order.
pub fn documents() -> Vec<DocumentInfo> {
    Document::ALL
        .into_iter()
        .map(|what| DocumentInfo {
            what,
            name: what.name().into(),
            has_word: crate::docx::has_word(what),
        })
        .collect()
}

/// How the documents are made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackOptions {
    /// Grouping of the attendee list and the sign-in sheet.
    pub by: GroupBy,
    /// The people on the platform for the seating chart, first-ranked first; empty means the
    /// default (the meeting's chair and speakers, see [`default_platform`]).
    pub platform: Vec<String>,
    /// The even-count rule of the seating chart; `None` means the saved setting.
    pub even_rule: Option<seating::EvenRule>,
}

/// Progress of a pack: `(done, total, document being made)`; return `false` to cancel.
pub type PackProgressFn<'a> = &'a mut dyn FnMut(usize, usize, Document) -> bool;

/// One document as PDF bytes.
pub fn render_document(
    conn: &Connection,
    meeting_id: i64,
    doc: Document,
    options: &PackOptions,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    let by = options.by;
    match doc {
        Document::Agenda => agenda_pdf(conn, meeting_id, fonts),
        Document::Attendees => attendees_pdf(conn, meeting_id, by, fonts),
        Document::Signin => signin_pdf(conn, meeting_id, by, fonts),
        Document::Speakers => speakers_pdf(conn, meeting_id, fonts),
        Document::Invitations => invitations_pdf(conn, meeting_id, fonts),
        Document::Namecards => {
            let platform = platform_names(conn, meeting_id, &options.platform)?;
            name_cards_pdf(conn, meeting_id, &platform, fonts)
        }
        Document::Seating => {
            let names = platform_names(conn, meeting_id, &options.platform)?;
            let rule = match options.even_rule {
                Some(r) => r,
                None => seating::saved_rule(conn)?,
            };
            seating_pdf(conn, meeting_id, &names, rule, fonts)
        }
    }
}

/// Writes one document to `path` (through a temporary file beside it, then renamed). An error
/// names the document.
pub fn write_document(
    conn: &Connection,
    meeting_id: i64,
    doc: Document,
    options: &PackOptions,
    fonts: &FontSet,
    path: &Path,
) -> Result<()> {
    render_document(conn, meeting_id, doc, options, fonts)
        .and_then(|bytes| crate::print::write_file(path, &bytes))
        .map_err(|e| in_document(doc, e))
}

/// What a pack job made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackOutcome {
    /// The files written, in pack order.
    pub written: Vec<PathBuf>,
    /// The documents with nothing to print yet (e.g. 邀请函 before anyone is invited), each
    /// with the reason and what to do first.
    pub skipped: Vec<(Document, String)>,
}

/// Writes the seven documents into `dir` (created if missing). A document with nothing to
/// print yet is skipped and reported; any other error, or a cancel, removes the files this
/// job wrote and returns the error (naming the document).
pub fn write_pack(
    conn: &Connection,
    meeting_id: i64,
    options: &PackOptions,
    fonts: &FontSet,
    dir: &Path,
    progress: PackProgressFn<'_>,
) -> Result<PackOutcome> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let total = Document::ALL.len();
    let mut out = PackOutcome::default();
    for (done, doc) in Document::ALL.into_iter().enumerate() {
        if !progress(done, total, doc) {
            remove_all(&out.written);
            return Err(Error::Cancelled);
        }
        let path = dir.join(doc.file_name());
        match render_document(conn, meeting_id, doc, options, fonts) {
            Ok(bytes) => match crate::print::write_file(&path, &bytes) {
                Ok(()) => out.written.push(path),
                Err(e) => {
                    remove_all(&out.written);
                    return Err(in_document(doc, e));
                }
            },
            Err(Error::NothingToPrint(why)) => out.skipped.push((doc, why)),
            Err(e) => {
                remove_all(&out.written);
                return Err(in_document(doc, e));
            }
        }
    }
    Ok(out)
}

fn remove_all(paths: &[PathBuf]) {
    for p in paths {
        let _ = std::fs::remove_file(p);
    }
}

/// An error while making one document says which document it was (a cancel stays plain).
fn in_document(doc: Document, e: Error) -> Error {
    Error::in_document(doc.name(), e)
}
