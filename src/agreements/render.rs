//! Printing agreements: the template snapshot filled in with the agreement's values, laid
//! out as a [`Doc`], rendered once per copy; printing marks 草拟 agreements as 已打印.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::pairing;
use super::store::{self, Agreement, Party, PartyKind};
use super::templates::TemplateBody;
use super::templates::{pieces, Piece};
use crate::date::cn_date;
use crate::db::atomically;
use crate::error::{Error, FixTarget, MissingDetail, Result};
use crate::print::{self, check_coverage, Align, Block, Column, Doc, FontSet, PageStyle, Table};

/// A blank date to be written by hand (it must fit a signature cell at 3号).
pub(super) const BLANK_DATE: &str = "　　年　　月　　日";

/// Progress of a batch: `(done, total)`; return `false` to cancel.
pub type ProgressFn<'a> = &'a mut dyn FnMut(usize, usize) -> bool;

/// 1 → 一, 2 → 两, … 20 → 二十 (for 一式两份).
pub fn cn_count(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        2 => "两".into(),
        0..=9 => D[n as usize].into(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[(n - 10) as usize]),
        20 => "二十".into(),
        _ => n.to_string(),
    }
}

/// Who keeps the copies, for the closing clause after 一式N份: each party keeps half, an odd
/// copy is filed (一式三份 → 双方各执一份，另一份存档备案); a single copy stays with 甲方.
pub fn copies_kept(copies: u32) -> String {
    match copies {
        0 | 1 => "由甲方留存".into(),
        n if n % 2 == 0 => format!("双方各执{}份", cn_count(n / 2)),
        n => format!("双方各执{}份，另一份存档备案", cn_count(n / 2)),
    }
}

pub(super) fn cn_ordinal(n: usize) -> String {
    match u32::try_from(n) {
        Ok(2) => "二".into(),
        Ok(n) => cn_count(n),
        Err(_) => n.to_string(),
    }
}

/// The value of each placeholder for `a` (empty when the agreement has none).
pub fn values(a: &Agreement) -> Vec<(&'static str, String)> {
    let date = |d: Option<chrono::NaiveDate>| d.map(cn_date).unwrap_or_default();
    let projects: Vec<&str> = a
        .projects
        .iter()
        .map(|p| p.trim_end_matches(['。', '；', ';', '，']))
        .collect();
    vec![
        ("甲方名称", a.party_a.name.clone()),
        ("乙方名称", a.party_b.name.clone()),
        ("甲方负责人", a.party_a.leader.clone()),
        ("乙方负责人", a.party_b.leader.clone()),
        ("甲方联系人", a.party_a.contact.clone()),
        ("乙方联系人", a.party_b.contact.clone()),
        ("甲方电话", a.party_a.phone.clone()),
        ("乙方电话", a.party_b.phone.clone()),
        (
            "签订日期",
            a.signed_on
                .map(cn_date)
                .unwrap_or_else(|| BLANK_DATE.into()),
        ),
        ("期限起", date(a.term_start)),
        ("期限止", date(a.term_end)),
        ("共建内容", a.areas.join("、")),
        (
            "共建项目",
            if projects.is_empty() {
                "由双方联络员另行商定".into()
            } else {
                projects.join("；")
            },
        ),
        ("份数", cn_count(a.copies)),
        ("各执", copies_kept(a.copies)),
        (
            "协议编号",
            if a.number.is_empty() {
                "（打印时编号）".into()
            } else {
                a.number.clone()
            },
        ),
    ]
}

struct Filler<'a> {
    record: String,
    values: Vec<(&'static str, String)>,
    agreement: &'a Agreement,
}

impl Filler<'_> {
    /// The error for a placeholder with nothing to fill in: a party's missing detail names
    /// that party's record and where to fill it in; anything else points at the draft.
    fn unfilled(&self, name: &str) -> Error {
        let a = self.agreement;
        let party = match name.get(..6) {
            Some("甲方") => Some(&a.party_a),
            Some("乙方") => Some(&a.party_b),
            _ => None,
        };
        let field = name.get(6..).unwrap_or_default();
        match party {
            Some(p) if ["负责人", "联系人", "电话", "名称"].contains(&field) => Error::MissingInfo {
                message: format!(
                    "{}中的“{name}”没有填写，无法打印：{}。",
                    self.record,
                    pairing::party_place(p, &[field])
                ),
                fix: pairing::party_fix(p, field),
            },
            _ if a.id > 0 && a.status == store::AgreementStatus::Draft => Error::MissingInfo {
                message: format!(
                    "{}中的占位符“{{{{{name}}}}}”没有填写内容，无法打印。请在协议列表中点“修改”补全该项。",
                    self.record
                ),
                fix: FixTarget::Agreement { id: a.id },
            },
            _ => Error::UnfilledPlaceholder {
                record: self.record.clone(),
                name: name.to_string(),
            },
        }
    }

    fn fill(&self, text: &str) -> Result<String> {
        let mut out = String::with_capacity(text.len() + 32);
        for piece in pieces(text, &self.record)? {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Placeholder(name) => {
                    let value = self
                        .values
                        .iter()
                        .find(|(n, _)| *n == name)
                        // Ideographic spaces are kept: they are the blanks of "　　年　　月　　日".
                        .map(|(_, v)| {
                            v.trim_matches(|c: char| c.is_whitespace() && c != '\u{3000}')
                        })
                        .unwrap_or_default();
                    if value.trim().is_empty() {
                        return Err(self.unfilled(name));
                    }
                    out.push_str(value);
                }
            }
        }
        Ok(out)
    }

    /// A clause as paragraphs: a clause that is only `{{共建内容}}` lists one area each.
    fn clause(&self, text: &str, out: &mut Vec<Block>) -> Result<()> {
        if text.trim() == "{{共建内容}}" {
            if self.agreement.areas.is_empty() {
                return Err(self.unfilled("共建内容"));
            }
            for (i, area) in self.agreement.areas.iter().enumerate() {
                out.push(Block::para(format!("（{}）{area}", cn_ordinal(i + 1))));
            }
            return Ok(());
        }
        let filled = self.fill(text)?;
        if !filled.trim().is_empty() {
            out.push(Block::para(filled));
        }
        Ok(())
    }
}

/// Lays out one copy of an agreement. Unknown or unfilled placeholders are errors naming the
/// agreement and the placeholder.
pub fn build_doc(a: &Agreement) -> Result<Doc> {
    let f = Filler {
        record: a.label(),
        values: values(a),
        agreement: a,
    };
    let t = &a.template;
    let title = f.fill(&t.title)?;
    let mut doc = Doc::new(a.label(), title.clone());
    // Agreements run over pages and are printed double-sided: each copy starts on a front.
    doc.odd_start = true;
    for (name, value) in &f.values {
        doc.field(*name, value.clone());
    }
    doc.push(Block::Title(title));
    if !t.number_line.trim().is_empty() {
        doc.push(Block::line(f.fill(&t.number_line)?, Align::Right));
    }
    for line in &t.parties {
        doc.push(Block::line(f.fill(line)?, Align::Left));
    }
    if !t.preamble.trim().is_empty() {
        doc.push(Block::para(f.fill(&t.preamble)?));
    }
    let (last, body) = match t.sections.split_last() {
        Some((last, body)) => (Some(last), body),
        None => (None, &t.sections[..]),
    };
    for section in body {
        doc.push(Block::Heading1(f.fill(&section.heading)?));
        for clause in &section.clauses {
            f.clause(clause, &mut doc.blocks)?;
        }
    }
    // The last section, the closing clause and the signatures stay on one page.
    let mut end = Vec::new();
    if let Some(section) = last {
        end.push(Block::Heading1(f.fill(&section.heading)?));
        for clause in &section.clauses {
            f.clause(clause, &mut end)?;
        }
    }
    if !t.closing.trim().is_empty() {
        end.push(Block::para(f.fill(&t.closing)?));
    }
    let date = if t.signature_date.trim().is_empty() {
        format!("日期：{BLANK_DATE}")
    } else {
        f.fill(&t.signature_date)?
    };
    end.push(Block::Spacer(1.0));
    end.push(Block::Table(Table {
        // A narrow empty middle column keeps 甲方's date clear of 乙方's.
        columns: vec![
            Column::new(1.0, Align::Left),
            Column::new(0.12, Align::Left),
            Column::new(1.0, Align::Left),
        ],
        header: None,
        rows: [
            ["甲方（盖章）：", "乙方（盖章）："],
            ["", ""],
            ["负责人（签字）：", "负责人（签字）："],
            ["", ""],
            [date.as_str(), date.as_str()],
        ]
        .iter()
        .map(|[a, b]| vec![a.to_string(), String::new(), b.to_string()])
        .collect(),
        borders: false,
        size: None,
        joined: Vec::new(),
    }));
    doc.push(Block::KeepTogether(end));
    Ok(doc)
}

/// Checks that every detail the agreements print is filled in, and refuses once, naming
/// every party that lacks something (grouped: a community that lacks its 书记 in five
/// agreements is one entry) and every draft with a blank of its own, each with where it is
/// filled in. Printed agreements with a blank keep the old refusal (their text is fixed).
pub fn check_filled(agreements: &[Agreement]) -> Result<()> {
    struct Entry<'a> {
        party: Option<&'a Party>,
        fields: Vec<String>,
        placeholders: Vec<String>,
        needed_by: Vec<String>,
        fix: FixTarget,
    }
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for a in agreements {
        let values = values(a);
        let blank = |name: &str| {
            let v = values.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
            v.is_none_or(|v| v.trim().is_empty())
        };
        for name in a.template.placeholders_used() {
            if !super::templates::PLACEHOLDERS.contains(&name.as_str()) || !blank(&name) {
                continue;
            }
            let party = match name.get(..6) {
                Some("甲方") => Some(&a.party_a),
                Some("乙方") => Some(&a.party_b),
                _ => None,
            };
            let field = name.get(6..).unwrap_or_default();
            let (key, fix) = match party {
                Some(p) if ["负责人", "联系人", "电话", "名称"].contains(&field) => {
                    (Some(p), pairing::party_fix(p, field))
                }
                _ if a.id > 0 && a.status == store::AgreementStatus::Draft => {
                    (None, FixTarget::Agreement { id: a.id })
                }
                // A printed agreement's own text: the refusal it always had.
                _ => {
                    return Err(Error::UnfilledPlaceholder {
                        record: a.label(),
                        name,
                    })
                }
            };
            let same = |e: &Entry<'_>| match (key, e.party) {
                (Some(p), Some(q)) => {
                    p.kind == q.kind && p.unit_id == q.unit_id && p.community_id == q.community_id
                }
                (None, None) => e.fix == fix,
                _ => false,
            };
            let i = match entries.iter().position(same) {
                Some(i) => i,
                None => {
                    entries.push(Entry {
                        party: key,
                        fields: Vec::new(),
                        placeholders: Vec::new(),
                        needed_by: Vec::new(),
                        fix,
                    });
                    entries.len() - 1
                }
            };
            let e = &mut entries[i];
            let label = match key {
                Some(p) => pairing::field_label(p.kind, field).to_string(),
                None => name.clone(),
            };
            if !e.fields.contains(&label) {
                e.fields.push(label);
            }
            let quoted = format!("“{name}”");
            if !e.placeholders.contains(&quoted) {
                e.placeholders.push(quoted);
            }
            if !e.needed_by.contains(&a.label()) {
                e.needed_by.push(a.label());
            }
        }
    }
    if entries.is_empty() {
        return Ok(());
    }
    let details = entries
        .into_iter()
        .map(|e| {
            let (record, place) = match e.party {
                Some(p) => (
                    match p.kind {
                        PartyKind::Street => format!("街道“{}”", p.name),
                        PartyKind::Community => format!("社区“{}”", p.name),
                        PartyKind::Unit => format!("成员单位“{}”", p.name),
                    },
                    format!("请在{}中补全", pairing::party_screen(p.kind)),
                ),
                None => (
                    e.needed_by.first().cloned().unwrap_or_default(),
                    "请在协议列表中点“修改”补全".to_string(),
                ),
            };
            let n = e.needed_by.len();
            let message = format!(
                "{record}缺{}（{}，{}）",
                e.fields.join("、"),
                e.placeholders.join(""),
                if n > 1 {
                    format!("{n} 份协议用到，{place}")
                } else {
                    place
                }
            );
            MissingDetail {
                record,
                lacks: e.fields,
                needed_by: e.needed_by,
                message,
                fix: e.fix,
            }
        })
        .collect();
    Err(Error::MissingDetails {
        what: "协议无法打印".into(),
        entries: details,
    })
}

/// Every copy of every agreement, in order (every missing detail refused at once first).
fn docs_for(agreements: &[Agreement]) -> Result<Vec<Doc>> {
    check_filled(agreements)?;
    let mut docs = Vec::new();
    for a in agreements {
        let doc = build_doc(a)?;
        for _ in 1..a.copies {
            docs.push(doc.clone());
        }
        docs.push(doc);
    }
    Ok(docs)
}

fn load(conn: &Connection, ids: &[i64]) -> Result<Vec<Agreement>> {
    ids.iter().map(|&id| store::get(conn, id)).collect()
}

/// Every copy of the agreements `ids` as documents, as they print now (for the Word writer;
/// nothing is numbered or marked).
pub fn agreement_docs(conn: &Connection, ids: &[i64]) -> Result<Vec<Doc>> {
    docs_for(&load(conn, ids)?)
}

/// One agreement (all its copies) as PDF bytes. Nothing is marked: see
/// [`write_agreements_pdf`].
pub fn render_agreement(conn: &Connection, id: i64, fonts: &FontSet) -> Result<Vec<u8>> {
    render_agreements(conn, &[id], fonts, &mut |_, _| true)
}

/// Many agreements in one PDF, each copy starting on a new page. Placeholders and glyphs are
/// checked for all of them before anything is drawn. Nothing is marked.
pub fn render_agreements(
    conn: &Connection,
    ids: &[i64],
    fonts: &FontSet,
    progress: ProgressFn<'_>,
) -> Result<Vec<u8>> {
    let agreements = load(conn, ids)?;
    let docs = docs_for(&agreements)?;
    print::render_batch_with_progress(&docs, fonts, &PageStyle::default(), progress)
}

/// Renders the agreements into one PDF at `path`; the 草拟 ones are numbered and marked 已打印
/// in the same transaction, which commits only once the file is in place.
/// The file is written beside its final name and renamed, so a failed or cancelled job leaves
/// neither a half-written file nor agreements marked as printed.
pub fn write_agreements_pdf(
    conn: &Connection,
    ids: &[i64],
    fonts: &FontSet,
    path: &Path,
    progress: ProgressFn<'_>,
) -> Result<()> {
    numbered_while_writing(conn, ids, || {
        let bytes = render_agreements(conn, ids, fonts, progress)?;
        write_part(path, &bytes)?;
        Ok(vec![path.to_path_buf()])
    })
    .map(|_| ())
}

/// The hidden file a PDF is written to before it gets its name: `.name.pdf.part` beside it.
fn part_of(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.part"))
}

fn write_part(path: &Path, bytes: &[u8]) -> Result<()> {
    let part = part_of(path);
    std::fs::write(&part, bytes).map_err(|e| {
        let _ = std::fs::remove_file(&part);
        Error::io(&part, e)
    })
}

fn remove_parts(paths: &[PathBuf]) {
    for p in paths {
        // Best effort: a file we cannot remove is harmless, the error already reported.
        let _ = std::fs::remove_file(part_of(p));
    }
}

/// Numbers the drafts among `ids` and marks them 已打印, then runs `write`, all in one
/// transaction: when writing fails or is cancelled, the numbers and statuses roll back (so
/// printed numbers stay gap-free). `write` writes each PDF under a hidden part name; the
/// parts get their names only after the commit, so a PDF under its name always has its
/// numbers and statuses committed, even when the process is killed at any point. (A kill
/// between the commit and the renames leaves agreements 已打印 with a hidden part file:
/// printing them again gives the same numbers.)
fn numbered_while_writing(
    conn: &Connection,
    ids: &[i64],
    write: impl FnOnce() -> Result<Vec<PathBuf>>,
) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    let result = atomically(conn, || {
        // Every agreement is laid out once before any is numbered, so a missing detail is
        // reported by its parties, not by a number that the rollback will give back.
        store::refresh_drafts(conn, ids)?;
        docs_for(&load(conn, ids)?)?;
        store::mark_printed(conn, ids)?;
        written = write()?;
        Ok(())
    });
    match result {
        Ok(()) => {
            for (i, p) in written.iter().enumerate() {
                if let Err(e) = std::fs::rename(part_of(p), p) {
                    remove_parts(&written[i..]);
                    log::error!("协议已标记为已打印，但文件未能改名：{}：{e}", p.display());
                    return Err(Error::io(p, e));
                }
            }
            log::info!("打印协议：{} 份，写出 {} 个文件", ids.len(), written.len());
            Ok(written)
        }
        Err(e) => {
            log::warn!(
                "打印协议未完成（{} 份，已回滚编号与状态）：{e:?}",
                ids.len()
            );
            remove_parts(&written);
            Err(e)
        }
    }
}

/// An agreement made from `body` with sample parties, numbered as the next agreement of
/// this year would be, for previewing a template while it is edited (nothing is stored).
pub fn sample_agreement(conn: &Connection, body: TemplateBody) -> Result<Agreement> {
    use chrono::Datelike;
    let year = chrono::Local::now().year();
    let prefix = match super::number::prefix(conn)? {
        p if p.is_empty() => "（编号前缀）".to_string(),
        p => p,
    };
    let party = |kind, name: &str, leader: &str, contact: &str, phone: &str| Party {
        kind,
        unit_id: None,
        community_id: None,
        name: name.into(),
        leader: leader.into(),
        contact: contact.into(),
        phone: phone.into(),
    };
    Ok(Agreement {
        id: 0,
        number: super::number::format(&prefix, year, 1),
        number_prefix: prefix,
        year,
        seq: Some(1),
        meeting_id: None,
        template_id: None,
        areas: body.areas.clone(),
        template: body,
        party_a: party(
            PartyKind::Community,
            "示例社区党委",
            "张明",
            "李华",
            "0532-82860000",
        ),
        party_b: party(
            PartyKind::Unit,
            "示例成员单位党支部",
            "王强",
            "赵丽",
            "0532-82861111",
        ),
        term_start: chrono::NaiveDate::from_ymd_opt(year, 1, 1),
        term_end: chrono::NaiveDate::from_ymd_opt(year, 12, 31),
        projects: vec![
            "“红色物业”联建，共同办好小区议事会".into(),
            "“四点半课堂”志愿服务，每月不少于两次".into(),
        ],
        copies: 2,
        status: super::store::AgreementStatus::Draft,
        signed_on: None,
        scan_file: None,
        voided_on: None,
        void_reason: String::new(),
        created_at: String::new(),
        updated_at: String::new(),
    })
}

/// The name a save dialog offers for the agreements `ids` as one `.{ext}` file: the
/// agreement's own name for one (编号_甲方_乙方), 共建协议 for several.
pub fn save_name(conn: &Connection, ids: &[i64], ext: &str) -> Result<String> {
    match ids {
        [one] => Ok(format!("{}.{ext}", file_stem(&store::get(conn, *one)?))),
        _ => Ok(format!("共建协议.{ext}")),
    }
}

/// One copy of [`sample_agreement`] as a PDF: how a template prints, before it is saved.
pub fn preview_template(conn: &Connection, body: TemplateBody, fonts: &FontSet) -> Result<Vec<u8>> {
    let doc = build_doc(&sample_agreement(conn, body)?)?;
    print::render_batch(&[doc], fonts, &PageStyle::default())
}

/// The file name (without extension) of an agreement: number and parties.
pub fn file_stem(a: &Agreement) -> String {
    let number = if a.number.is_empty() {
        "共建协议"
    } else {
        a.number.as_str()
    };
    let stem = format!("{number}_{}_{}", a.party_a.name, a.party_b.name);
    crate::text::safe_file_name(&stem)
        .chars()
        .take(120)
        .collect()
}

/// One PDF per agreement (its copies inside) in `dir`, named by [`file_stem`]. Everything is
/// checked first; on cancel the files already written are removed and nothing is marked.
pub fn write_agreement_files(
    conn: &Connection,
    ids: &[i64],
    fonts: &FontSet,
    dir: &Path,
    progress: ProgressFn<'_>,
) -> Result<Vec<PathBuf>> {
    numbered_while_writing(conn, ids, || {
        let agreements = load(conn, ids)?;
        let mut per = Vec::with_capacity(agreements.len());
        for a in &agreements {
            per.push(docs_for(std::slice::from_ref(a))?);
        }
        let all: Vec<Doc> = per.iter().filter_map(|d| d.first().cloned()).collect();
        if let Some(problem) = check_coverage(&all, fonts).into_iter().next() {
            return Err(problem.into());
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let style = PageStyle::default();
        let mut written = Vec::new();
        let total = agreements.len();
        for (i, (a, docs)) in agreements.iter().zip(&per).enumerate() {
            let result = print::render_batch(docs, fonts, &style).and_then(|bytes| {
                let path = dir.join(format!("{}.pdf", file_stem(a)));
                write_part(&path, &bytes)?;
                Ok(path)
            });
            let keep_going = match result {
                Ok(path) => {
                    written.push(path);
                    progress(i + 1, total)
                }
                Err(e) => {
                    remove_parts(&written);
                    return Err(e);
                }
            };
            if !keep_going {
                remove_parts(&written);
                return Err(Error::Cancelled);
            }
        }
        Ok(written)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copies_are_kept_by_both_parties_and_an_odd_one_filed() {
        assert_eq!(copies_kept(2), "双方各执一份");
        assert_eq!(copies_kept(3), "双方各执一份，另一份存档备案");
        assert_eq!(copies_kept(4), "双方各执两份");
        assert_eq!(copies_kept(1), "由甲方留存");
    }

    #[test]
    fn the_sample_fills_every_placeholder_of_the_default_template() {
        let conn = crate::db::open_in_memory().unwrap();
        let a = sample_agreement(&conn, TemplateBody::builtin_default().unwrap()).unwrap();
        assert!(values(&a).iter().all(|(_, v)| !v.trim().is_empty()));
        assert_eq!(a.areas.len(), 6);
        let doc = build_doc(&a).unwrap();
        assert_eq!(doc.title, "党建结对共建协议书");
    }

    /// A saved agreement is named 编号_甲方_乙方, with characters file systems refuse
    /// replaced; a draft without a number yet is named 共建协议_甲方_乙方.
    #[test]
    fn names_a_saved_agreement_safely() {
        let conn = crate::db::open_in_memory().unwrap();
        let mut a = sample_agreement(&conn, TemplateBody::builtin_default().unwrap()).unwrap();
        a.number = "海棠共建〔2026〕第001号".into();
        a.party_a.name = "海棠社区党委".into();
        a.party_b.name = "A/B公司".into();
        assert_eq!(
            file_stem(&a),
            "海棠共建〔2026〕第001号_海棠社区党委_A_B公司"
        );
        a.number = String::new();
        assert_eq!(file_stem(&a), "共建协议_海棠社区党委_A_B公司");
        assert_eq!(save_name(&conn, &[1, 2], "pdf").unwrap(), "共建协议.pdf");
    }
}
