//! The documents a secretary edits further, exported to Word: agreements (one or a batch),
//! the meeting's 邀请函, 议程, 参会单位名单, 签到表 and 发言顺序, its 纪要 and 信息稿, and the
//! donation papers (登记表, 感谢信, 荣誉证书), and the papers of the three lists (三张清单, 项目认领表,
//! 完成情况通报). Each is the same [`Doc`] the PDF is printed from
//! (the certificate, drawn at fixed places in the PDF, is laid out as a page of text).

use std::path::Path;

use rusqlite::Connection;

use super::{write, WordFonts};
use crate::meetings::print_pack::{self, Document, PackOptions};
use crate::print::{self, Doc, PageStyle};
use crate::{agreements, Error, Result};

/// Whether `doc` of the meeting's print pack exports to Word: the name cards and the seating
/// chart are drawn at fixed positions for printing and have no Word form.
pub fn has_word(doc: Document) -> bool {
    !matches!(doc, Document::Namecards | Document::Seating)
}

/// The documents of one print-pack document of a meeting (several for 邀请函).
pub fn meeting_docs(
    conn: &Connection,
    meeting_id: i64,
    doc: Document,
    options: &PackOptions,
) -> Result<Vec<Doc>> {
    let by = options.by;
    let docs = match doc {
        Document::Agenda => vec![print_pack::agenda_doc(conn, meeting_id)?],
        Document::Attendees => vec![print_pack::attendees_doc(conn, meeting_id, by)?],
        Document::Signin => vec![print_pack::signin_doc(conn, meeting_id, by)?],
        Document::Speakers => vec![print_pack::speakers_doc(conn, meeting_id)?],
        Document::Invitations => {
            let docs = print_pack::invitation_docs(conn, meeting_id)?;
            if docs.is_empty() {
                return Err(Error::NothingToPrint(
                    "本次会议还没有邀请任何单位，无法生成邀请函。请先在“邀请与回执”中邀请参会单位。"
                        .into(),
                ));
            }
            docs
        }
        Document::Namecards | Document::Seating => {
            return Err(Error::invalid(
                "document",
                format!("“{}”只能生成 PDF，不能导出为 Word。", doc.name()),
            ))
        }
    };
    Ok(docs)
}

/// Writes `docs` as one .docx at `path` (through a temporary file, then renamed), with the
/// fonts chosen in 设置 measuring the tables and naming the Word fonts.
pub fn write_docs(conn: &Connection, docs: &[Doc], path: &Path) -> Result<()> {
    write_docs_styled(conn, docs, &PageStyle::default(), path)
}

/// [`write_docs`] on pages of `style` (the register and the certificates are landscape).
pub fn write_docs_styled(
    conn: &Connection,
    docs: &[Doc],
    style: &PageStyle,
    path: &Path,
) -> Result<()> {
    if docs.is_empty() {
        return Err(Error::NothingToPrint("没有可导出的内容。".into()));
    }
    let fonts = print::saved_fonts(conn)?;
    let word = WordFonts::from_choice(&print::saved_choice(conn)?);
    let bytes = write(docs, &fonts, &word, style)?;
    print::write_file(path, &bytes)
}

/// One document of a meeting's print pack as a .docx at `path`. An error names the document.
pub fn write_meeting_docx(
    conn: &Connection,
    meeting_id: i64,
    doc: Document,
    options: &PackOptions,
    path: &Path,
) -> Result<()> {
    meeting_docs(conn, meeting_id, doc, options)
        .and_then(|docs| write_docs(conn, &docs, path))
        .map_err(|e| Error::in_document(doc.name(), e))
}

/// The agreements `ids` (every copy, each on new pages with its own page numbers) as one
/// .docx at `path`. Nothing is numbered or marked: a draft exports with its number line as
/// it would preview; numbers are given when the agreement is printed.
pub fn write_agreements_docx(conn: &Connection, ids: &[i64], path: &Path) -> Result<()> {
    if ids.is_empty() {
        return Err(Error::NothingToPrint("没有选择要导出的共建协议。".into()));
    }
    let docs = agreements::agreement_docs(conn, ids)?;
    write_docs(conn, &docs, path)
}

/// The meeting's 会议纪要 as a .docx at `path`.
pub fn write_minutes_docx(conn: &Connection, meeting_id: i64, path: &Path) -> Result<()> {
    let doc = crate::minutes::minutes_doc(conn, meeting_id)?;
    write_docs(conn, &[doc], path)
}

/// The meeting's 信息稿 as a .docx at `path`.
pub fn write_news_docx(conn: &Connection, meeting_id: i64, path: &Path) -> Result<()> {
    let doc = crate::minutes::news_doc(conn, meeting_id)?;
    write_docs(conn, &[doc], path)
}

/// A donation paper (登记表, 感谢信, 荣誉证书) of `filter` as a .docx at `path`, dated `on`.
/// Nothing is marked as printed. Returns how many donations (the register) or donors (the
/// letters and certificates) it holds.
pub fn write_donation_docx(
    conn: &Connection,
    paper: crate::donations::print::DonationPaper,
    filter: &crate::donations::DonationFilter,
    on: chrono::NaiveDate,
    path: &Path,
) -> Result<usize> {
    let (docs, style) = crate::donations::print::paper_docs(conn, paper, filter, on)?;
    write_docs_styled(conn, &docs, &style, path)?;
    Ok(match paper {
        crate::donations::print::DonationPaper::Register => {
            crate::donations::list(conn, filter)?.donations.len()
        }
        _ => docs.len(),
    })
}

/// A paper of the three lists of `year` (三张清单, 项目认领表 or 完成情况通报) as a .docx at
/// `path`, on the PDF's page (the two tables landscape). An error names the paper.
pub fn write_lists_docx(
    conn: &Connection,
    which: crate::lists::print::ListsDocument,
    year: i32,
    path: &Path,
) -> Result<()> {
    crate::lists::print::paper_doc(conn, which, year)
        .and_then(|doc| write_docs_styled(conn, &[doc], &which.style(), path))
        .map_err(|e| Error::in_document(which.name(), e))
}
