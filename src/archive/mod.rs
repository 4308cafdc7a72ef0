//! 年度归档: the records of a year handed over to the street's archive, as one folder (and a
//! .zip of it): each meeting's papers, the year's agreements with their signed scans, the
//! three lists (三张清单, 项目认领表, 完成情况通报), the roster and its changes, a database
//! backup, `manifest.csv` (件号, 题名, 日期, 页数, 保管期限, 文件名, SHA-256) and
//! `归档文件目录.pdf`.
//!
//! The folder is written under a hidden temporary name and renamed when whole: a cancel, an
//! error or a crash leaves nothing half-written under the real name. Every file is made from
//! the data alone (no clock time inside), so archiving an unchanged year twice gives the same
//! bytes, and `verify` can tell a changed or deleted file.

mod kinds;
mod manifest;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

pub use kinds::{retentions, set_retention, ArchiveKind, Retention, RetentionRow};
pub use manifest::{pdf_pages, verify, ManifestRow, VerifyReport, MANIFEST};

use crate::agreements::{self, AgreementStatus};
use crate::donations::{self, DonationFilter};
use crate::lists::{self, print::ListsDocument};
use crate::meetings::print_pack::{self, GroupBy};
use crate::meetings::{self, Meeting};
use crate::print::{self, Align, Block, Column, Doc, Fit, FontSet, PageStyle, Table};
use crate::text::safe_file_name;
use crate::{docx, export, minutes, street, units, Error, Result};

/// The table of contents printed for the paper file.
pub const CONTENTS_PDF: &str = "归档文件目录.pdf";

/// Progress: `(files written so far, the title being written)`; return `false` to cancel.
pub type ArchiveProgress<'a> = &'a mut dyn FnMut(usize, &str) -> bool;

/// What an archive run made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ArchiveOutcome {
    /// The archive folder.
    pub dir: String,
    /// The .zip beside it, when asked for.
    pub zip: Option<String>,
    /// Files in the folder (the manifest and the table of contents included).
    pub files: usize,
    /// Their total size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// Files that should be there and were not found (e.g. a signed scan), as the manifest
    /// records them.
    pub missing: Vec<String>,
    /// Documents with nothing in them yet (e.g. 发言顺序 without speeches), not archived.
    pub skipped: Vec<String>,
}

/// The folder name an archive of `year` gets by default.
pub fn default_folder_name(year: i32) -> String {
    format!("联席会年度归档-{year}")
}

/// Archives `year` into the new folder `out` (and `out.zip` when `zip`). `data_dir` is the
/// data folder, where signed scans are kept. `out` (and the .zip) must not exist yet. The
/// meetings filed are the year's that took place, plus `extra_meetings`, the ones the
/// secretary added ([`archive_meetings`] lists both).
pub fn archive_year(
    conn: &Connection,
    data_dir: &Path,
    year: i32,
    out: &Path,
    zip: bool,
    extra_meetings: &[i64],
    progress: ArchiveProgress<'_>,
) -> Result<ArchiveOutcome> {
    let filed = meetings_of(conn, year, extra_meetings)?;
    let zip_path = zip.then(|| with_suffix(out, ".zip"));
    for taken in std::iter::once(out).chain(zip_path.as_deref()) {
        if taken.exists() {
            return Err(Error::Conflict(format!(
                "“{}”已存在。归档不会覆盖已有的文件：请换一个位置，或先把它移走。",
                taken.display()
            )));
        }
    }
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::invalid("output", "请给归档文件夹起一个名字。"))?;
    let parent = out.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let tmp = parent.join(format!(".{name}.part"));
    if tmp.exists() {
        // What a crash left behind last time.
        std::fs::remove_dir_all(&tmp).map_err(|e| Error::io(&tmp, e))?;
    }
    std::fs::create_dir(&tmp).map_err(|e| Error::io(&tmp, e))?;
    let built = Folder::new(conn, &tmp, progress).and_then(|mut f| {
        collect(conn, data_dir, year, &filed, &mut f)?;
        f.finish(conn, year)
    });
    let mut outcome = match built {
        Ok(outcome) => outcome,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    std::fs::rename(&tmp, out).map_err(|e| {
        let _ = std::fs::remove_dir_all(&tmp);
        Error::io(out, e)
    })?;
    outcome.dir = out.display().to_string();
    if let Some(zip_path) = zip_path {
        zip_folder(out, &zip_path)?;
        outcome.zip = Some(zip_path.display().to_string());
    }
    log::info!(
        "归档：{year} 年度 → {}（{} 个文件，{} 字节）",
        out.display(),
        outcome.files,
        outcome.bytes
    );
    Ok(outcome)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// The archive folder being written, and its manifest.
struct Folder<'a> {
    root: PathBuf,
    rows: Vec<ManifestRow>,
    retentions: Vec<RetentionRow>,
    fonts: std::sync::Arc<FontSet>,
    word: docx::WordFonts,
    progress: ArchiveProgress<'a>,
    bytes: u64,
    skipped: Vec<String>,
}

impl<'a> Folder<'a> {
    fn new(conn: &Connection, root: &Path, progress: ArchiveProgress<'a>) -> Result<Self> {
        Ok(Folder {
            root: root.to_path_buf(),
            rows: Vec::new(),
            retentions: retentions(conn)?,
            fonts: print::saved_fonts(conn)?,
            word: docx::WordFonts::from_choice(&print::saved_choice(conn)?),
            progress,
            bytes: 0,
            skipped: Vec::new(),
        })
    }

    fn row(
        &mut self,
        kind: ArchiveKind,
        title: &str,
        date: Option<NaiveDate>,
        file: &str,
    ) -> ManifestRow {
        ManifestRow {
            number: format!("{:04}", self.rows.len() + 1),
            title: title.to_string(),
            date: date.map(|d| d.to_string()).unwrap_or_default(),
            pages: None,
            retention: kinds::retention_of(&self.retentions, kind)
                .label()
                .to_string(),
            file: file.to_string(),
            sha256: None,
            note: String::new(),
        }
    }

    /// Writes `bytes` as `file` (a path inside the folder, with `/`) and lists it.
    fn file(
        &mut self,
        kind: ArchiveKind,
        title: &str,
        date: Option<NaiveDate>,
        file: &str,
        bytes: &[u8],
    ) -> Result<()> {
        if !(self.progress)(self.rows.len(), title) {
            return Err(Error::Cancelled);
        }
        let path = self.root.join(file);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
        let mut row = self.row(kind, title, date, file);
        row.pages = manifest::pdf_pages(bytes).or_else(|| is_image(file).then_some(1));
        row.sha256 = Some(manifest::sha256_hex(bytes));
        self.bytes += bytes.len() as u64;
        self.rows.push(row);
        Ok(())
    }

    /// Lists a file that should be archived and was not found.
    fn missing(
        &mut self,
        kind: ArchiveKind,
        title: &str,
        date: Option<NaiveDate>,
        file: &str,
        why: &str,
    ) {
        let mut row = self.row(kind, title, date, file);
        row.note = format!("缺失：{why}");
        self.rows.push(row);
    }

    /// A PDF made by `make`; a document with nothing in it yet is noted and left out.
    fn pdf(
        &mut self,
        kind: ArchiveKind,
        title: &str,
        date: Option<NaiveDate>,
        file: &str,
        make: impl FnOnce(&FontSet) -> Result<Vec<u8>>,
    ) -> Result<()> {
        match make(&self.fonts) {
            Ok(bytes) => self.file(kind, title, date, file, &bytes),
            Err(Error::NothingToPrint(why)) => {
                self.skipped.push(format!("{title}：{why}"));
                Ok(())
            }
            // The cause keeps its kind and fix (e.g. a missing street field, one click away).
            Err(e) => Err(Error::in_document(title, e)),
        }
    }

    /// Writes the manifest and the table of contents; returns the outcome.
    fn finish(mut self, conn: &Connection, year: i32) -> Result<ArchiveOutcome> {
        let csv = manifest::to_csv(&self.rows);
        let contents = print::render(
            &contents_doc(conn, year, &self.rows)?,
            &self.fonts,
            &PageStyle::default(),
        )?;
        for (name, bytes) in [(MANIFEST, &csv), (CONTENTS_PDF, &contents)] {
            let path = self.root.join(name);
            std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
            self.bytes += bytes.len() as u64;
        }
        let missing = self
            .rows
            .iter()
            .filter(|r| r.sha256.is_none())
            .map(|r| format!("{}（{}）", r.file, r.note))
            .collect();
        Ok(ArchiveOutcome {
            dir: self.root.display().to_string(),
            zip: None,
            files: self.rows.iter().filter(|r| r.sha256.is_some()).count() + 2,
            bytes: self.bytes,
            missing,
            skipped: std::mem::take(&mut self.skipped),
        })
    }
}

fn is_image(file: &str) -> bool {
    let lower = file.to_lowercase();
    [".jpg", ".jpeg", ".png"].iter().any(|e| lower.ends_with(e))
}

/// Makes one PDF of a meeting with the given fonts.
type MakePdf<'a> = Box<dyn FnOnce(&FontSet) -> Result<Vec<u8>> + 'a>;

/// Which meetings an archive of a year files.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ArchiveMeetings {
    /// The year's meetings that took place (已召开, 已归档), by date: always filed.
    pub included: Vec<Meeting>,
    /// The year's other meetings (筹备中, 已取消) and the undated ones: filed only when the
    /// secretary adds them.
    pub optional: Vec<Meeting>,
}

/// The meetings an archive of `year` files by itself, and those the secretary may add.
pub fn archive_meetings(conn: &Connection, year: i32) -> Result<ArchiveMeetings> {
    let included = meetings::held_in_year(conn, year)?;
    let mut optional: Vec<Meeting> = meetings::list(conn)?
        .into_iter()
        .filter(|m| !included.iter().any(|i| i.id == m.id))
        .filter(|m| m.date.is_none_or(|d| d.year() == year))
        .collect();
    // The year's own first, by date, then the undated.
    optional.sort_by_key(|m| (m.date.is_none(), m.date, m.id));
    Ok(ArchiveMeetings { included, optional })
}

/// The meetings filed in `year`'s archive: those that took place in the year, and `extra`,
/// the ones the secretary added. An undated meeting or one that did not take place is filed
/// only when added.
fn meetings_of(conn: &Connection, year: i32, extra: &[i64]) -> Result<Vec<Meeting>> {
    let mut list = meetings::held_in_year(conn, year)?;
    for &id in extra {
        if !list.iter().any(|m| m.id == id) {
            list.push(meetings::get(conn, id)?);
        }
    }
    list.sort_by_key(|a| (a.date.is_none(), a.date, a.id));
    Ok(list)
}

fn collect(
    conn: &Connection,
    data_dir: &Path,
    year: i32,
    filed: &[Meeting],
    f: &mut Folder<'_>,
) -> Result<()> {
    // Each meeting's papers.
    for m in filed {
        let folder = format!(
            "会议/{}",
            safe_file_name(&match m.date {
                Some(d) => format!("{d} {}", m.title),
                None => m.title.clone(),
            })
        );
        let id = m.id;
        let by = GroupBy::default();
        let docs: [(ArchiveKind, &str, MakePdf<'_>); 5] = [
            (
                ArchiveKind::Notice,
                "邀请函",
                Box::new(move |fonts| print_pack::invitations_pdf(conn, id, fonts)),
            ),
            (
                ArchiveKind::Notice,
                "会议议程",
                Box::new(move |fonts| print_pack::agenda_pdf(conn, id, fonts)),
            ),
            (
                ArchiveKind::List,
                "参会单位名单",
                Box::new(move |fonts| print_pack::attendees_pdf(conn, id, by, fonts)),
            ),
            (
                ArchiveKind::List,
                "签到情况",
                Box::new(move |fonts| {
                    let doc = print_pack::signin_record_doc(conn, id, by)?;
                    print::render(&doc, fonts, &PageStyle::default())
                }),
            ),
            (
                ArchiveKind::Speech,
                "发言顺序",
                Box::new(move |fonts| print_pack::speakers_pdf(conn, id, fonts)),
            ),
        ];
        for (kind, name, make) in docs {
            let title = format!("{}{name}", m.title);
            f.pdf(kind, &title, m.date, &format!("{folder}/{name}.pdf"), make)?;
        }
        // The 纪要 (PDF and Word) and the 信息稿, when they were written; archiving never
        // drafts them (the archive reads, it does not write).
        if minutes::get(conn, id)?.is_some() {
            let title = format!("{}会议纪要", m.title);
            f.pdf(
                ArchiveKind::Minutes,
                &title,
                m.date,
                &format!("{folder}/会议纪要.pdf"),
                |fonts| minutes::minutes_pdf(conn, id, fonts),
            )?;
            let doc = minutes::minutes_doc(conn, id)?;
            let word = docx::write(&[doc], &f.fonts, &f.word, &PageStyle::default())?;
            f.file(
                ArchiveKind::Minutes,
                &format!("{title}（Word）"),
                m.date,
                &format!("{folder}/会议纪要.docx"),
                &word,
            )?;
        } else {
            f.skipped.push(format!(
                "{}会议纪要：尚未保存（在“会议纪要”中保存或定稿后才归档）",
                m.title
            ));
        }
        if minutes::stored_news(conn, id)?.is_some() {
            let title = format!("{}信息稿", m.title);
            f.pdf(
                ArchiveKind::Speech,
                &title,
                m.date,
                &format!("{folder}/信息稿.pdf"),
                |fonts| minutes::news_pdf(conn, id, fonts),
            )?;
        }
    }

    // The year's agreements: the text as printed, and the signed scans.
    for a in agreements::list(conn, None)?
        .into_iter()
        .filter(|a| a.year == year)
    {
        if matches!(a.status, AgreementStatus::Draft | AgreementStatus::Void) {
            continue;
        }
        let stem = agreements::file_stem(&a);
        let title = format!("{}（{}—{}）", a.number, a.party_a.name, a.party_b.name);
        let id = a.id;
        f.pdf(
            ArchiveKind::Agreement,
            &title,
            a.signed_on,
            &format!("共建协议/协议文本/{stem}.pdf"),
            |fonts| agreements::render_agreement(conn, id, fonts),
        )?;
        if !matches!(
            a.status,
            AgreementStatus::Signed | AgreementStatus::Archived
        ) {
            continue;
        }
        let scan_title = format!("{title}签署扫描件");
        match &a.scan_file {
            Some(rel) => {
                let ext = Path::new(rel)
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase())
                    .unwrap_or_else(|| "pdf".into());
                let file = format!("共建协议/签署扫描件/{stem}.{ext}");
                let src = data_dir.join(rel);
                match std::fs::read(&src) {
                    Ok(bytes) => f.file(
                        ArchiveKind::Agreement,
                        &scan_title,
                        a.signed_on,
                        &file,
                        &bytes,
                    )?,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => f.missing(
                        ArchiveKind::Agreement,
                        &scan_title,
                        a.signed_on,
                        &file,
                        &format!("数据文件夹中找不到扫描件 {rel}"),
                    ),
                    Err(e) => return Err(Error::io(&src, e)),
                }
            }
            None => f.missing(
                ArchiveKind::Agreement,
                &scan_title,
                a.signed_on,
                &format!("共建协议/签署扫描件/{stem}"),
                "已签署，但没有附签署扫描件",
            ),
        }
    }

    // The year's donations: the register, the letters and the certificates. They are dated
    // by the data, as printing dates them (`letter_date`: their meetings' latest day), else
    // 31 December, never by the clock, so the archive stays the same from one day to the next.
    let filter = DonationFilter {
        year: Some(year),
        ..DonationFilter::default()
    };
    if !donations::list(conn, &filter)?.donations.is_empty() {
        let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
        let on = donations::print::letter_date(conn, &filter, year_end)?;
        let papers: [(&str, MakePdf<'_>); 3] = [
            (
                donations::print::DonationPaper::Register.name(),
                Box::new(|fonts| donations::print::register_pdf(conn, &filter, fonts)),
            ),
            (
                donations::print::DonationPaper::Thanks.name(),
                Box::new(|fonts| donations::print::thanks_pdf(conn, &filter, on, fonts)),
            ),
            (
                donations::print::DonationPaper::Certificates.name(),
                Box::new(|fonts| donations::print::certificates_pdf(conn, &filter, on, fonts)),
            ),
        ];
        for (name, make) in papers {
            let title = format!("{year}年度{name}");
            f.pdf(
                ArchiveKind::Donation,
                &title,
                Some(on),
                &format!("捐赠/{name}.pdf"),
                make,
            )?;
        }
    }

    // The three lists, the claim form as it stands and the report of the year's projects
    // (those with something in them).
    for which in ListsDocument::ALL {
        let name = which.name();
        f.pdf(
            ArchiveKind::Projects,
            &format!("{year}年度{name}"),
            None,
            &format!("三张清单/{name}.pdf"),
            |fonts| lists::print::paper_pdf(conn, which, year, fonts),
        )?;
    }

    // The roster as it stands, and its changes during the year.
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    let roster = export::units_xlsx(conn, year_end)?;
    f.file(
        ArchiveKind::Roster,
        "成员单位名册",
        None,
        "成员单位/成员单位名册.xlsx",
        &roster,
    )?;
    let changes = changes_doc(conn, year)?;
    f.pdf(
        ArchiveKind::Roster,
        &format!("{year}年成员单位变动情况"),
        None,
        "成员单位/成员单位变动情况.pdf",
        |fonts| print::render(&changes, fonts, &PageStyle::default()),
    )?;

    // The database as it is now.
    let backup = f.root.join(format!("数据备份/联席会数据-{year}.sqlite3"));
    let dir = backup.parent().unwrap_or(&f.root).to_path_buf();
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    conn.execute("VACUUM INTO ?1", [backup.to_string_lossy().as_ref()])?;
    let bytes = std::fs::read(&backup).map_err(|e| Error::io(&backup, e))?;
    // Written again through `file` so that it is listed and hashed like the rest.
    std::fs::remove_file(&backup).map_err(|e| Error::io(&backup, e))?;
    f.file(
        ArchiveKind::Backup,
        "数据库备份",
        None,
        &format!("数据备份/联席会数据-{year}.sqlite3"),
        &bytes,
    )
}

/// 成员单位变动情况: every join, leave and edit of the year, oldest first.
fn changes_doc(conn: &Connection, year: i32) -> Result<Doc> {
    let title = format!("{year}年成员单位变动情况");
    let mut doc = Doc::new(title.clone(), title.clone());
    doc.push(Block::Title(title));
    let rows: Vec<Vec<String>> = units::history_in_year(conn, year)?
        .into_iter()
        .enumerate()
        .map(|(n, (unit, h))| {
            let what = h
                .changes
                .iter()
                .map(|c| match (c.old.is_empty(), c.new.is_empty()) {
                    (true, _) => format!("{}：{}", c.field, c.new),
                    (false, true) => format!("{}：{}（删除）", c.field, c.old),
                    (false, false) => format!("{}：{} → {}", c.field, c.old, c.new),
                })
                .collect::<Vec<_>>()
                .join("；");
            doc.field("单位名称", unit.clone());
            doc.field("变动内容", what.clone());
            vec![
                (n + 1).to_string(),
                h.changed_at.chars().take(10).collect(),
                unit,
                h.source,
                what,
            ]
        })
        .collect();
    if rows.is_empty() {
        doc.push(Block::para("本年度成员单位名册没有变动。"));
        return Ok(doc);
    }
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(0.8, Align::Center),
            Column::new(1.8, Align::Center),
            Column::new(3.2, Align::Left).fit(Fit::FreeText),
            Column::new(1.2, Align::Center),
            Column::new(5.0, Align::Left).fit(Fit::FreeText),
        ],
        header: Some(
            ["序号", "日期", "单位名称", "方式", "变动内容"]
                .map(String::from)
                .to_vec(),
        ),
        rows,
        borders: true,
        size: Some(10.5),
        joined: Vec::new(),
    }));
    Ok(doc)
}

/// 归档文件目录: the manifest's rows, for the paper file.
fn contents_doc(conn: &Connection, year: i32, rows: &[ManifestRow]) -> Result<Doc> {
    let profile = street::get(conn)?;
    let who = profile.meeting_name();
    let title = if who.is_empty() {
        format!("{year}年度联席会归档文件目录")
    } else {
        format!("{who}{year}年度归档文件目录")
    };
    let mut doc = Doc::new(title.clone(), title.clone());
    doc.push(Block::Title(title));
    let table_rows = rows
        .iter()
        .map(|r| {
            doc.field("题名", r.title.clone());
            vec![
                r.number.clone(),
                r.title.clone(),
                r.date.clone(),
                r.pages.map(|p| p.to_string()).unwrap_or_default(),
                r.retention.clone(),
                r.note.clone(),
            ]
        })
        .collect();
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(1.0, Align::Center),
            Column::new(5.0, Align::Left).fit(Fit::FreeText),
            Column::new(1.9, Align::Center),
            Column::new(0.9, Align::Center),
            Column::new(1.3, Align::Center).fit(Fit::Entries),
            Column::new(2.0, Align::Left).fit(Fit::FreeText),
        ],
        header: Some(
            ["件号", "题名", "日期", "页数", "保管期限", "备注"]
                .map(String::from)
                .to_vec(),
        ),
        rows: table_rows,
        borders: true,
        size: Some(10.5),
        joined: Vec::new(),
    }));
    Ok(doc)
}

/// Zips the folder `dir` into `zip` (through a temporary file): entries in path order, with
/// fixed timestamps, so the same folder gives the same bytes.
fn zip_folder(dir: &Path, zip: &Path) -> Result<()> {
    let mut files = Vec::new();
    walk(dir, dir, &mut files)?;
    files.sort();
    let part = with_suffix(zip, ".part");
    let result = (|| {
        let file = std::fs::File::create(&part).map_err(|e| Error::io(&part, e))?;
        let mut w = zip::ZipWriter::new(std::io::BufWriter::new(file));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        let fail = |e: zip::result::ZipError| Error::io(&part, std::io::Error::other(e));
        let root = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for rel in &files {
            let bytes = std::fs::read(dir.join(rel)).map_err(|e| Error::io(dir.join(rel), e))?;
            w.start_file(format!("{root}/{rel}"), options)
                .map_err(fail)?;
            w.write_all(&bytes).map_err(|e| Error::io(&part, e))?;
        }
        let mut inner = w.finish().map_err(fail)?;
        inner.flush().map_err(|e| Error::io(&part, e))?;
        Ok(())
    })();
    match result {
        Ok(()) => std::fs::rename(&part, zip).map_err(|e| Error::io(zip, e)),
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e)
        }
    }
}

/// Relative paths (with `/`) of the files under `dir`.
fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}
