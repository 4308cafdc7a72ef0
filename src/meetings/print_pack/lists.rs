//! The flowing documents of the print pack, built on the print engine's [`Doc`].

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{hm, when_where};
use chrono::NaiveDate;

use crate::date::cn_date;
use crate::error::Result;
use crate::meetings::attendance::{self, AttendeeRole, Invitee, Reply};
use crate::meetings::{self as meetings, agenda, speeches};
use crate::print::{
    render, render_batch, Align, Block, Column, Doc, Fit, FontSet, Heading, PageStyle, Table,
};
use crate::street::{self, StreetField};

/// How the attendee list and sign-in sheet are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub enum GroupBy {
    #[default]
    #[serde(rename = "按分会")]
    Branch,
    #[serde(rename = "按类别")]
    Category,
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn numeral(i: usize) -> String {
    NUMERALS
        .get(i)
        .map_or_else(|| (i + 1).to_string(), |s| (*s).to_owned())
}

/// Member invitees grouped (groups in first-seen order), then guests as 列席单位.
fn groups(list: &[Invitee], by: GroupBy) -> Vec<(String, Vec<&Invitee>)> {
    let mut out: Vec<(String, Vec<&Invitee>)> = Vec::new();
    for i in list {
        let key = if i.role == AttendeeRole::Guest {
            "列席单位".to_owned()
        } else {
            match by {
                GroupBy::Branch => i.branch.clone().unwrap_or_else(|| "其他单位".into()),
                GroupBy::Category => i.category.map_or("其他", |c| c.label()).to_owned(),
            }
        };
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(i),
            None => out.push((key, vec![i])),
        }
    }
    // Guests last.
    out.sort_by_key(|(k, _)| k == "列席单位");
    out
}

// Columns of the tables. Columns of names and titles are [`Fit::Entries`] (widened so that
// 街道党工委副书记 or a four-character name stays on one line), columns of unit names and
// topics [`Fit::FreeText`] (they give that width).
const SEQ: Heading<'static> = ("序号", 1.0, Align::Center, Fit::Weight);
const UNIT: Heading<'static> = ("单位名称", 4.6, Align::Left, Fit::FreeText);
const PEOPLE: Heading<'static> = ("参会人员", 2.2, Align::Left, Fit::Entries);

/// The least height of a 签到表 row, in millimetres: a handwritten name at ordinary size.
pub const SIGNATURE_ROW_MM: f32 = 12.0;

/// The side of a 签到码 in a 签到表 row, in millimetres (a scanner reads it off the sheet for
/// a unit that came without its invitation).
pub const SHEET_CODE_MM: f32 = 13.0;

const SHEET_CODES_SETTING: &str = "signin_sheet_codes";

/// Whether the 签到表 prints each unit's 签到码 in its row (a setting; off unless chosen).
pub fn sheet_codes(conn: &Connection) -> Result<bool> {
    Ok(crate::settings::get(conn, SHEET_CODES_SETTING)?.as_deref() == Some("1"))
}

/// Chooses whether the 签到表 prints each unit's 签到码 in its row.
pub fn set_sheet_codes(conn: &Connection, on: bool) -> Result<()> {
    crate::settings::set(conn, SHEET_CODES_SETTING, if on { "1" } else { "0" })
}

fn base_doc(m: &meetings::Meeting, what: &str) -> Doc {
    let mut doc = Doc::new(format!("{}{what}", m.title), format!("{}{what}", m.title));
    doc.field("会议名称", m.title.clone())
        .field("会议地点", m.venue.clone())
        .field("会议主题", m.theme.clone());
    doc
}

/// The meeting's document `what` (参会单位名单, 签到表 …): its title, the meeting's under it.
fn titled_doc(m: &meetings::Meeting, what: &str, title: &str) -> Doc {
    let mut doc = base_doc(m, what);
    doc.push(Block::Title(title.into()));
    doc.push(Block::line(m.title.clone(), Align::Center));
    doc
}

/// The rows of invitees by group: the group's name (【…】) in the second cell of a row of
/// `width` cells, then each member numbered on across the groups, its cells after the
/// number from `cells`.
fn grouped_rows(
    doc: &mut Doc,
    list: &[Invitee],
    by: GroupBy,
    width: usize,
    mut cells: impl FnMut(&Invitee) -> Result<Vec<String>>,
) -> Result<Vec<Vec<String>>> {
    let mut n = 0;
    let mut rows = Vec::new();
    for (name, members) in groups(list, by) {
        let mut group = vec![String::new(); width];
        group[1] = format!("【{name}】");
        rows.push(group);
        for i in members {
            n += 1;
            invitee_fields(doc, i);
            let mut row = vec![n.to_string()];
            row.extend(cells(i)?);
            rows.push(row);
        }
    }
    Ok(rows)
}

/// The fields an invitee's row fills in.
fn invitee_fields(doc: &mut Doc, i: &Invitee) {
    doc.field("单位名称", i.name.clone());
    doc.field("参会人员", i.people().join("、"));
}

/// 会议议程, with computed times.
pub fn agenda_doc(conn: &Connection, meeting_id: i64) -> Result<Doc> {
    let m = meetings::get(conn, meeting_id)?;
    let items = agenda::list(conn, meeting_id)?;
    let mut doc = base_doc(&m, "议程");
    doc.push(Block::Title(m.title.clone()));
    doc.push(Block::line("会 议 议 程", Align::Center));
    if !m.theme.is_empty() {
        doc.push(Block::line(format!("主题：{}", m.theme), Align::Center));
    }
    doc.push(Block::line(when_where(&m), Align::Center));
    doc.push(Block::Spacer(0.5));
    let rows = items
        .iter()
        .enumerate()
        .map(|(n, i)| {
            doc.field(
                format!("议程{}", n + 1),
                format!("{}{}", i.title, i.presenter),
            );
            let time = match (i.start, i.end) {
                (Some(s), Some(e)) => format!("{}—{}", hm(s), hm(e)),
                _ => format!("{}分钟", i.duration_min),
            };
            vec![
                (n + 1).to_string(),
                time,
                i.title.clone(),
                i.presenter.clone(),
            ]
        })
        .collect();
    doc.push(Block::Table(Table::ruled(
        &[
            ("序号", 1.2, Align::Center, Fit::Weight),
            ("时间", 2.7, Align::Center, Fit::Weight),
            ("议程", 3.9, Align::Left, Fit::FreeText),
            ("主持/报告人", 2.8, Align::Left, Fit::Entries),
        ],
        rows,
        14.0,
    )));
    Ok(doc)
}

/// 参会单位名单, grouped by branch or category.
pub fn attendees_doc(conn: &Connection, meeting_id: i64, by: GroupBy) -> Result<Doc> {
    let m = meetings::get(conn, meeting_id)?;
    let list = attendance::list(conn, meeting_id)?;
    let mut doc = titled_doc(&m, "参会单位名单", "参会单位名单");
    let counts = attendance::counts(conn, meeting_id)?;
    // A count of none is left out ("列席单位 0 家").
    doc.push(Block::line(
        match counts.guests {
            0 => format!("成员单位 {} 家", counts.expected),
            n => format!("成员单位 {} 家，列席单位 {n} 家", counts.expected),
        },
        Align::Center,
    ));
    for (g, (name, members)) in groups(&list, by).into_iter().enumerate() {
        doc.push(Block::Heading1(format!(
            "{}、{name}（{}家）",
            numeral(g),
            members.len()
        )));
        let rows = members
            .iter()
            .enumerate()
            .map(|(n, i)| {
                invitee_fields(&mut doc, i);
                vec![
                    (n + 1).to_string(),
                    i.name.clone(),
                    i.people().join("、"),
                    i.attendee_title.clone(),
                ]
            })
            .collect();
        doc.push(Block::Table(Table::ruled(
            &[SEQ, UNIT, PEOPLE, ("职务", 2.2, Align::Left, Fit::Entries)],
            rows,
            12.0,
        )));
    }
    Ok(doc)
}

/// 签到表: grouped, a signature column, the header row repeated on every page.
pub fn signin_doc(conn: &Connection, meeting_id: i64, by: GroupBy) -> Result<Doc> {
    let m = meetings::get(conn, meeting_id)?;
    let list: Vec<Invitee> = attendance::list(conn, meeting_id)?
        .into_iter()
        .filter(|i| i.reply != Reply::Leave)
        .collect();
    let codes = sheet_codes(conn)?;
    let mut doc = titled_doc(&m, "签到表", "签　到　表");
    doc.push(Block::line(when_where(&m), Align::Center));
    let mut headings = vec![
        ("序号", 0.9, Align::Center, Fit::Weight),
        ("单位名称", 3.6, Align::Left, Fit::FreeText),
        ("姓名", 1.6, Align::Left, Fit::Entries),
        ("职务", 2.0, Align::Left, Fit::Entries),
        ("签名", 2.6, Align::Left, Fit::Weight),
    ];
    if codes {
        headings.push(("签到码", 1.5, Align::Center, Fit::Weight));
    }
    let rows = grouped_rows(&mut doc, &list, by, headings.len(), |i| {
        let mut cells = vec![
            i.name.clone(),
            i.people().join("、"),
            i.attendee_title.clone(),
            String::new(),
        ];
        if codes {
            cells.push(crate::meetings::codes::code_for(conn, meeting_id, i.id)?);
        }
        Ok(cells)
    })?;
    let mut signin = Table::ruled(&headings, rows, 12.0);
    // Room to sign: the widest column but the unit's, and rows a pen can write in.
    if let Some(c) = signin.columns.get_mut(4) {
        *c = c.clone().min_height_mm(SIGNATURE_ROW_MM);
    }
    if let Some(c) = signin.columns.get_mut(5) {
        *c = c.clone().codes_mm(SHEET_CODE_MM);
    }
    doc.push(Block::Table(signin));
    Ok(doc)
}

/// 签到情况 (for the archive): every invitee with what happened — signed in and when (迟到
/// after the meeting's start), 请假, or absent — and the counts.
pub fn signin_record_doc(conn: &Connection, meeting_id: i64, by: GroupBy) -> Result<Doc> {
    let m = meetings::get(conn, meeting_id)?;
    let list = attendance::list(conn, meeting_id)?;
    let counts = attendance::counts(conn, meeting_id)?;
    let mut doc = titled_doc(&m, "签到情况", "签到情况");
    let late = if counts.late > 0 {
        format!("（其中迟到 {} 家）", counts.late)
    } else {
        String::new()
    };
    doc.push(Block::line(
        format!(
            "应到 {} 家，实到 {} 家{late}，请假 {} 家，列席 {} 家",
            counts.expected, counts.present, counts.leave, counts.guests_present
        ),
        Align::Center,
    ));
    let headings = [SEQ, UNIT, PEOPLE, ("签到", 2.2, Align::Left, Fit::Entries)];
    let rows = grouped_rows(&mut doc, &list, by, headings.len(), |i| {
        let mark = match (i.signed_in_at, i.reply) {
            // A guest is never 迟到: only member units are expected at the start.
            (Some(at), _) if i.role == AttendeeRole::Member && attendance::is_late(&m, at) => {
                format!("已签到 {}（迟到）", at.format("%H:%M"))
            }
            (Some(at), _) => format!("已签到 {}", at.format("%H:%M")),
            (None, Reply::Leave) => "请假".to_owned(),
            (None, _) => "未到".to_owned(),
        };
        Ok(vec![i.name.clone(), i.people().join("、"), mark])
    })?;
    doc.push(Block::Table(Table::ruled(&headings, rows, 12.0)));
    Ok(doc)
}

/// 发言顺序.
pub fn speakers_doc(conn: &Connection, meeting_id: i64) -> Result<Doc> {
    let m = meetings::get(conn, meeting_id)?;
    let list = speeches::list(conn, meeting_id)?;
    if list.is_empty() {
        return Err(crate::Error::NothingToPrint(
            "本次会议还没有安排交流发言，无法生成发言顺序。请先在“发言”中添加发言单位。".into(),
        ));
    }
    let mut doc = titled_doc(&m, "交流发言顺序", "交流发言顺序");
    let total: i64 = list.iter().map(|s| s.minutes).sum();
    doc.push(Block::line(
        format!("共 {} 个发言，合计 {total} 分钟", list.len()),
        Align::Center,
    ));
    let rows = list
        .iter()
        .map(|s| {
            let unit = s.unit_name.clone().unwrap_or_default();
            let behalf = s.on_behalf_text();
            let unit_cell = if behalf.is_empty() {
                unit
            } else {
                format!("{unit}（{behalf}）")
            };
            let speaker = format!("{} {}", s.speaker_name, s.speaker_title);
            doc.field("发言单位", unit_cell.clone());
            doc.field("发言人", speaker.clone());
            doc.field("发言题目", s.topic.clone());
            vec![
                s.position.to_string(),
                unit_cell,
                speaker.trim().to_owned(),
                s.topic.clone(),
                format!("{}分钟", s.minutes),
            ]
        })
        .collect();
    doc.push(Block::Table(Table::ruled(
        &[
            SEQ,
            ("发言单位", 3.2, Align::Left, Fit::FreeText),
            ("发言人", 2.2, Align::Left, Fit::Entries),
            ("发言题目", 3.2, Align::Left, Fit::FreeText),
            ("时长", 1.4, Align::Center, Fit::Entries),
        ],
        rows,
        12.0,
    )));
    Ok(doc)
}

/// The date an invitation for a meeting on `day` bears: two weeks before.
pub fn sent_on(day: NaiveDate) -> NaiveDate {
    day - chrono::Duration::days(14)
}

/// The day replies to an invitation are asked for: three days before the meeting on `day`,
/// time enough to set the seats and print the name cards.
pub fn reply_by(day: NaiveDate) -> NaiveDate {
    day - chrono::Duration::days(3)
}

/// The 回执 under an invitation, to be cut off and sent back: a dashed cut line, its name,
/// and a table to fill in for `unit`, with the reply-by words `by` (2026年9月18日前).
fn reply_slip(unit: &str, by: &str) -> Vec<Block> {
    let blank = String::new;
    vec![
        Block::Spacer(1.0),
        Block::line(
            "－－－－－－－－－（请沿此线剪下）－－－－－－－－－",
            Align::Center,
        ),
        Block::line("回　执", Align::Center),
        Block::Table(Table {
            columns: vec![
                Column::new(1.0, Align::Center),
                Column::new(2.2, Align::Left).fit(Fit::FreeText),
                Column::new(1.0, Align::Center),
                Column::new(1.4, Align::Left).fit(Fit::FreeText),
            ],
            header: None,
            rows: vec![
                vec![
                    "单位名称".into(),
                    unit.to_owned(),
                    "联系电话".into(),
                    blank(),
                ],
                vec!["参会人员".into(), blank(), "职　　务".into(), blank()],
                vec![
                    "是否参会".into(),
                    "□参会　□请假".into(),
                    "代参会人".into(),
                    blank(),
                ],
            ],
            borders: true,
            size: Some(12.0),
            joined: Vec::new(),
        }),
        Block::Paragraph {
            text: format!("请于{by}反馈。"),
            indent: false,
        },
    ]
}

/// One 邀请函 per invited member unit (not those on leave), from the built-in template, each
/// with its unit's 签到码 at the top right.
pub fn invitation_docs(conn: &Connection, meeting_id: i64) -> Result<Vec<Doc>> {
    let m = meetings::get(conn, meeting_id)?;
    let street = street::get(conn)?;
    let host = if m.host.trim().is_empty() {
        street
            .require(&[StreetField::PartyOrg], "打印邀请函的落款")?
            .party_org
            .clone()
    } else {
        m.host.clone()
    };
    let reply_to = format!(
        "{}{}",
        street.reply_office(&host),
        match (street.contact.trim(), street.phone.trim()) {
            ("", "") => String::new(),
            (c, "") => format!("（联系人：{c}）"),
            ("", p) => format!("（电话：{p}）"),
            (c, p) => format!("（联系人：{c}，电话：{p}）"),
        }
    );
    let when = match (m.date, m.start_time) {
        (Some(d), Some(t)) => format!("{}{}", cn_date(d), hm(t)),
        (Some(d), None) => cn_date(d),
        _ => "近期".to_owned(),
    };
    let place = if m.venue.is_empty() {
        String::new()
    } else {
        format!("在{}", m.venue)
    };
    let theme = if m.theme.is_empty() {
        String::new()
    } else {
        format!("会议主题为“{}”。", m.theme)
    };
    let by = match m.date {
        Some(d) => format!("{}前", cn_date(reply_by(d))),
        None => "会前".to_owned(),
    };
    let mut docs = Vec::new();
    for i in attendance::list(conn, meeting_id)? {
        if i.reply == Reply::Leave {
            continue;
        }
        let mut doc = Doc::new(format!("邀请函 {}", i.name), format!("{}邀请函", m.title));
        doc.code = Some(crate::meetings::codes::code_for(conn, meeting_id, i.id)?);
        doc.field("单位名称", i.name.clone())
            .field("会议名称", m.title.clone())
            .field("会议地点", m.venue.clone())
            .field("会议主题", m.theme.clone())
            .field("主办单位", host.clone());
        doc.push(Block::Title("邀　请　函".into()));
        doc.push(Block::line(format!("{}：", i.name), Align::Left));
        doc.push(Block::para(format!(
            "兹定于{when}{place}召开{}。{theme}诚挚邀请贵单位负责同志拨冗出席。",
            m.title
        )));
        doc.push(Block::para(
            "区域化党建联席会是驻区单位共商共建、资源共享的重要平台。感谢贵单位一直以来对街道工作的关心和支持，期待您的光临！",
        ));
        doc.push(Block::para(format!(
            "请于{by}将回执反馈至{reply_to}，以便安排座次。"
        )));
        // The seal presses on the signer and the date, its top within a line of the text
        // (GB/T 9704 §7.3.5.1), its foot a line below the date: a line of room each way.
        doc.push(Block::Spacer(1.0));
        doc.push(Block::Signature {
            signer: host.clone(),
            date: m.date.map(|d| cn_date(sent_on(d))).unwrap_or_default(),
        });
        doc.push(Block::KeepTogether(reply_slip(&i.name, &by)));
        docs.push(doc);
    }
    Ok(docs)
}

/// 会议议程 PDF.
pub fn agenda_pdf(conn: &Connection, meeting_id: i64, fonts: &FontSet) -> Result<Vec<u8>> {
    render(&agenda_doc(conn, meeting_id)?, fonts, &PageStyle::default())
}

/// 参会单位名单 PDF.
pub fn attendees_pdf(
    conn: &Connection,
    meeting_id: i64,
    by: GroupBy,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    render(
        &attendees_doc(conn, meeting_id, by)?,
        fonts,
        &PageStyle::default(),
    )
}

/// 签到表 PDF.
pub fn signin_pdf(
    conn: &Connection,
    meeting_id: i64,
    by: GroupBy,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    render(
        &signin_doc(conn, meeting_id, by)?,
        fonts,
        &PageStyle::default(),
    )
}

/// 发言顺序 PDF.
pub fn speakers_pdf(conn: &Connection, meeting_id: i64, fonts: &FontSet) -> Result<Vec<u8>> {
    render(
        &speakers_doc(conn, meeting_id)?,
        fonts,
        &PageStyle::default(),
    )
}

/// Every invitation in one PDF, each starting on a new page.
pub fn invitations_pdf(conn: &Connection, meeting_id: i64, fonts: &FontSet) -> Result<Vec<u8>> {
    let docs = invitation_docs(conn, meeting_id)?;
    if docs.is_empty() {
        return Err(crate::Error::NothingToPrint(
            "本次会议还没有邀请任何单位，无法生成邀请函。请先在“邀请与回执”中邀请参会单位。".into(),
        ));
    }
    render_batch(&docs, fonts, &PageStyle::default())
}
