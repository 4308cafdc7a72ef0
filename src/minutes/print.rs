//! The 纪要 (GB/T 9704 §10.3) and the 信息稿 as documents of the print engine.

use rusqlite::Connection;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{cn_numeral, current, current_news, Attendee, Minutes, MinutesEdit};
use crate::date::cn_date;
use crate::print::layout::WORD_JOINER;
use crate::print::{mm, render, Align, Block, Doc, FontSet, PageStyle};
use crate::street;
use crate::Result;

/// The entries of a list joined by 、; each person's name is glued with word joiners, so a
/// line never breaks inside it.
fn names(list: &[Attendee]) -> String {
    let glue = WORD_JOINER.to_string();
    list.iter()
        .map(|a| {
            let person = a
                .person
                .split('、')
                .map(|p| p.chars().map(String::from).collect::<Vec<_>>().join(&glue))
                .collect::<Vec<_>>()
                .join("、");
            Attendee {
                person,
                ..a.clone()
            }
            .text()
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// The 纪要 as a document: the heading centred 35 mm below the top of the text block, the
/// 期号, the opening, the numbered 议定事项 (headings in 黑体), then 出席：/请假：/列席： with
/// hanging lines, and the 版记 at the foot of the last page when there is one. The stored
/// 纪要, else the draft as the screen shows it (printing stores nothing).
pub fn minutes_doc(conn: &Connection, meeting_id: i64) -> Result<Doc> {
    let m: Minutes = current(conn, meeting_id)?;
    build_doc(conn, &m)
}

fn build_doc(conn: &Connection, m: &Minutes) -> Result<Doc> {
    let style = PageStyle::default();
    let mut doc = Doc::new(format!("会议纪要 {}", m.heading), m.heading.clone());
    doc.push(Block::Spacer(mm(35.0) / style.line_pitch));
    doc.push(Block::Title(m.heading.clone()));
    doc.field("纪要标题", m.heading.clone());
    if !m.issue_no.is_empty() {
        doc.push(Block::line(m.issue_no.clone(), Align::Center));
        doc.push(Block::Spacer(0.5));
        doc.field("期号", m.issue_no.clone());
    }
    if !m.opening.is_empty() {
        doc.push(Block::para(m.opening.clone()));
        doc.field("开头", m.opening.clone());
    }
    for (i, it) in m.items.iter().enumerate() {
        let n = cn_numeral(i + 1);
        let mut text = it.text.clone();
        if !it.owner.is_empty() {
            text.push_str(&format!("（责任单位：{}", it.owner));
            if !it.due.is_empty() {
                text.push_str(&format!("；完成时限：{}", it.due));
            }
            text.push('）');
        } else if !it.due.is_empty() {
            text.push_str(&format!("（完成时限：{}）", it.due));
        }
        let place = format!("议定事项{n}");
        if it.heading.is_empty() {
            doc.push(Block::para(format!("{n}、{text}")));
        } else {
            doc.push(Block::Heading1(format!("{n}、{}", it.heading)));
            if !text.is_empty() {
                doc.push(Block::para(text.clone()));
            }
            doc.field(place.clone(), it.heading.clone());
        }
        doc.field(place, text);
    }
    doc.push(Block::Spacer(1.0));
    for (label, list) in [
        ("出席：", &m.present),
        ("请假：", &m.on_leave),
        ("列席：", &m.guests),
    ] {
        if list.is_empty() {
            continue;
        }
        let text = names(list);
        doc.field(label.trim_end_matches('：'), text.clone());
        doc.push(Block::Labelled {
            label: label.to_owned(),
            text,
        });
    }
    let colophon = colophon(conn, m)?;
    if !colophon.is_empty() {
        doc.push(Block::Colophon(colophon));
    }
    Ok(doc)
}

/// The 版记 lines: 分送, 抄送, then 印发机关 with 印发日期; empty when none was filled in.
fn colophon(conn: &Connection, m: &Minutes) -> Result<Vec<(String, String)>> {
    if m.send_to.is_empty() && m.copy_to.is_empty() && m.issuer.is_empty() && m.issued_on.is_none()
    {
        return Ok(Vec::new());
    }
    let mut lines = Vec::new();
    if !m.send_to.is_empty() {
        lines.push((
            format!("分送：{}。", m.send_to.trim_end_matches('。')),
            String::new(),
        ));
    }
    if !m.copy_to.is_empty() {
        lines.push((
            format!("抄送：{}。", m.copy_to.trim_end_matches('。')),
            String::new(),
        ));
    }
    let issuer = if m.issuer.is_empty() {
        street::get(conn)?.issuer()
    } else {
        m.issuer.clone()
    };
    let date = m
        .issued_on
        .map(|d| format!("{}印发", cn_date(d)))
        .unwrap_or_default();
    if !issuer.is_empty() || !date.is_empty() {
        lines.push((issuer, date));
    }
    Ok(lines)
}

/// The 纪要 as PDF bytes.
pub fn minutes_pdf(conn: &Connection, meeting_id: i64, fonts: &FontSet) -> Result<Vec<u8>> {
    render(
        &minutes_doc(conn, meeting_id)?,
        fonts,
        &PageStyle::default(),
    )
}

/// The 信息稿 as a document: the headline as the title, the paragraphs indented. The stored
/// 信息稿, else the draft as the screen shows it (printing stores nothing).
pub fn news_doc(conn: &Connection, meeting_id: i64) -> Result<Doc> {
    let n = current_news(conn, meeting_id)?;
    let mut doc = Doc::new(format!("信息稿 {}", n.headline), n.headline.clone());
    doc.push(Block::Title(n.headline.clone()));
    doc.field("信息稿标题", n.headline.clone());
    for (i, p) in n.paragraphs.iter().enumerate() {
        doc.push(Block::para(p.clone()));
        doc.field(format!("第{}段", i + 1), p.clone());
    }
    let street = street::get(conn)?;
    let from = match street.issuer() {
        office if office.is_empty() => street.name.trim().to_string(),
        office => office,
    };
    doc.push(Block::Spacer(1.0));
    for line in source_lines(&from) {
        doc.push(Block::line(line, Align::Left));
    }
    doc.field("供稿", from);
    Ok(doc)
}

/// The lines under a 信息稿 that say who sent, wrote and cleared it: the street's 供稿 from
/// the data (blank when the street has no name yet), 撰稿 and 审核 left blank for the names
/// to be written in, each line short enough never to wrap.
pub fn source_lines(from: &str) -> [String; 2] {
    [
        format!("供稿：{from}"),
        "撰稿：　　　　　　　　审核：　　　　　　　　".to_owned(),
    ]
}

/// The 信息稿 as PDF bytes.
pub fn news_pdf(conn: &Connection, meeting_id: i64, fonts: &FontSet) -> Result<Vec<u8>> {
    render(&news_doc(conn, meeting_id)?, fonts, &PageStyle::default())
}

/// What a block of the page preview is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PreviewKind {
    Spacer,
    Title,
    Line,
    Heading,
    Paragraph,
    Labelled,
    Colophon,
}

/// One block of the 纪要 as the printed page has it, for the screen's live preview: the
/// same document the PDF is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PreviewBlock {
    pub kind: PreviewKind,
    /// 出席： for a labelled list; the left part of a 版记 line.
    pub label: String,
    pub text: String,
}

/// The page preview of a 纪要 with `edit` applied (nothing is saved): the document the PDF
/// would be drawn from, block by block.
pub fn minutes_preview(
    conn: &Connection,
    meeting_id: i64,
    edit: &MinutesEdit,
) -> Result<Vec<PreviewBlock>> {
    let mut m = current(conn, meeting_id)?;
    m.heading = edit.heading.clone();
    m.issue_no = edit.issue_no.trim().to_owned();
    m.opening = edit.opening.trim().to_owned();
    m.items = edit.items.clone();
    m.send_to = edit.send_to.trim().to_owned();
    m.copy_to = edit.copy_to.trim().to_owned();
    m.issuer = edit.issuer.trim().to_owned();
    m.issued_on = edit.issued_on;
    let doc = build_doc(conn, &m)?;
    let block = |kind, label: &str, text: &str| PreviewBlock {
        kind,
        label: label.to_owned(),
        text: text.to_owned(),
    };
    let mut out = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Spacer(_) => out.push(block(PreviewKind::Spacer, "", "")),
            Block::Title(t) => out.push(block(PreviewKind::Title, "", t)),
            Block::Line { text, .. } => out.push(block(PreviewKind::Line, "", text)),
            Block::Heading1(t) | Block::Heading2(t) => out.push(block(PreviewKind::Heading, "", t)),
            Block::Paragraph { text, .. } => out.push(block(PreviewKind::Paragraph, "", text)),
            Block::Labelled { label, text } => out.push(block(PreviewKind::Labelled, label, text)),
            Block::Colophon(lines) => {
                for (left, right) in lines {
                    out.push(block(PreviewKind::Colophon, left, right));
                }
            }
            Block::Signature { signer, date } => {
                out.push(block(PreviewKind::Line, "", signer));
                out.push(block(PreviewKind::Line, "", date));
            }
            _ => {}
        }
    }
    Ok(out)
}
