//! The 信息稿 of a meeting: a headline and a few paragraphs in the register of a street's
//! news item, drafted from the same [`Facts`] as the 纪要, editable, printable and copied as
//! plain text for WeChat. Facts that do not exist are left out.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::draft::{
    agenda_item, agreements_sentence, donations_sentence, project_names, projects_sentence,
    speeches_sentence, who,
};
use super::facts::{facts, Facts};
use crate::date::cn_date;
use crate::db::{atomically, now};
use crate::meetings::agenda::AgendaKind;
use crate::text::clean_text;
use crate::{Error, Result};

/// A meeting's 信息稿 as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewsDraft {
    pub meeting_id: i64,
    pub headline: String,
    pub paragraphs: Vec<String>,
    pub updated_at: String,
}

/// The editable parts of a 信息稿.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct NewsEdit {
    pub headline: String,
    pub paragraphs: Vec<String>,
}

/// "第24次年会" style session words, when the meeting has a number.
fn session(f: &Facts) -> Option<String> {
    f.session_no.map(|n| format!("第{n}次{}", f.kind.label()))
}

/// Drafts the headline and paragraphs from the facts, with the 纪要's sentence functions:
/// when and where, who came, what was reported and said (in agenda order), what was signed,
/// given and claimed. Nothing is said that the data does not hold (no "与会单位表示…").
pub fn draft_news(f: &Facts) -> NewsEdit {
    let headline = format!("{}召开", f.title);
    let mut paras = Vec::new();

    // When, what, where, the theme.
    let mut p = String::new();
    if let Some(d) = f.date {
        p.push_str(&format!("{}，", cn_date(d)));
    }
    p.push_str(&f.title);
    if let Some(s) = session(f) {
        if !f.title.contains(&s) {
            p.push_str(&format!("（{}{s}）", f.meeting_name));
        }
    }
    if let Some(v) = &f.venue {
        p.push_str(&format!("在{v}"));
    }
    p.push_str("召开");
    if let Some(t) = &f.theme {
        p.push_str(&format!("，会议以“{t}”为主题"));
    }
    p.push('。');
    match (
        f.host.as_deref().and_then(who),
        f.chair.as_deref().and_then(who),
    ) {
        (Some(h), Some(c)) => p.push_str(&format!("会议由{h}主办，{c}主持。")),
        (Some(h), None) => p.push_str(&format!("会议由{h}主办。")),
        (None, Some(c)) => p.push_str(&format!("会议由{c}主持。")),
        (None, None) => {}
    }
    paras.push(p);

    // Who came.
    let mut p = String::new();
    if let Some(n) = f.invited {
        p.push_str(&format!("本次会议共邀请了辖区{n}家单位参加"));
    }
    if let Some(n) = f.attended {
        if !p.is_empty() {
            p.push('，');
        }
        p.push_str(&format!("联席会{n}家成员单位代表"));
        if let Some(k) = f.new_members {
            p.push_str(&format!("（其中新入会单位{k}家）"));
        }
        p.push_str("出席会议");
    }
    if let Some(g) = f.guests {
        if !p.is_empty() {
            p.push('，');
        }
        p.push_str(&format!("{g}家单位列席会议"));
    }
    if !p.is_empty() {
        p.push('。');
        paras.push(p);
    }

    // Reports, addresses, speeches, awards and the rest, in agenda order (the opening item is
    // the paragraph above; signing and donations the one below).
    let mut p = String::new();
    let mut speeches = f.speeches.as_ref();
    for a in &f.agenda {
        if matches!(
            a.kind,
            AgendaKind::Host | AgendaKind::Signing | AgendaKind::Donation
        ) {
            continue;
        }
        if let Some(it) = agenda_item(a, speeches, &[], None) {
            p.push_str(&it.text);
        }
        if a.kind == AgendaKind::Speeches {
            speeches = None;
        }
    }
    if let Some(s) = speeches {
        p.push_str(&format!("{}。", speeches_sentence(s)));
    }
    if !p.is_empty() {
        paras.push(p);
    }

    // What was signed, given and claimed.
    let mut done = Vec::new();
    if let Some(a) = agreements_sentence(&f.agreements) {
        done.push(format!("现场签署了{a}"));
    }
    if let Some(d) = &f.donations {
        done.push(donations_sentence(d));
    }
    if let Some(p) = &f.projects {
        done.push(match project_names(p) {
            Some(names) if p.names.len() > 5 => format!("{}，包括{names}", projects_sentence(p)),
            Some(names) => format!("{}，分别为{names}", projects_sentence(p)),
            None => projects_sentence(p),
        });
    }
    if !done.is_empty() {
        paras.push(format!("会议期间，{}。", done.join("；")));
    }
    NewsEdit {
        headline,
        paragraphs: paras,
    }
}

fn read(conn: &Connection, meeting_id: i64) -> Result<Option<NewsDraft>> {
    let row: Option<(String, String, String)> = conn
        .query_row(
            "SELECT headline, body, updated_at FROM news_drafts WHERE meeting_id = ?1",
            [meeting_id],
            |r| Ok((r.get("headline")?, r.get("body")?, r.get("updated_at")?)),
        )
        .optional()?;
    row.map(|(headline, body, updated_at)| {
        let paragraphs: Vec<String> = serde_json::from_str(&body)?;
        Ok(NewsDraft {
            meeting_id,
            headline,
            paragraphs,
            updated_at,
        })
    })
    .transpose()
}

/// The 信息稿 of a meeting, drafted from its facts when there is none yet.
pub fn news(conn: &Connection, meeting_id: i64) -> Result<NewsDraft> {
    crate::meetings::get(conn, meeting_id)?;
    if let Some(n) = read(conn, meeting_id)? {
        return Ok(n);
    }
    let edit = draft_news(&facts(conn, meeting_id)?);
    write(conn, meeting_id, &edit)
}

/// The stored 信息稿, if one was made (nothing is drafted or written).
pub fn stored_news(conn: &Connection, meeting_id: i64) -> Result<Option<NewsDraft>> {
    read(conn, meeting_id)
}

/// The 信息稿 as it stands: the stored one, else a draft from the facts now (not saved, so a
/// later sign-in still reaches the draft made on first use).
pub fn current_news(conn: &Connection, meeting_id: i64) -> Result<NewsDraft> {
    crate::meetings::get(conn, meeting_id)?;
    if let Some(n) = read(conn, meeting_id)? {
        return Ok(n);
    }
    let e = draft_news(&facts(conn, meeting_id)?);
    Ok(NewsDraft {
        meeting_id,
        headline: e.headline,
        paragraphs: e.paragraphs,
        updated_at: String::new(),
    })
}

/// Saves an edited 信息稿. Blank paragraphs are dropped; a headline and one paragraph are
/// needed.
pub fn save_news(conn: &Connection, meeting_id: i64, edit: &NewsEdit) -> Result<NewsDraft> {
    crate::meetings::get(conn, meeting_id)?;
    let headline = clean_text(&edit.headline);
    if headline.is_empty() {
        return Err(Error::invalid("headline", "请填写信息稿标题。"));
    }
    let paragraphs: Vec<String> = edit
        .paragraphs
        .iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return Err(Error::invalid("paragraphs", "信息稿至少需要一段正文。"));
    }
    write(
        conn,
        meeting_id,
        &NewsEdit {
            headline,
            paragraphs,
        },
    )
}

/// Drafts the 信息稿 again from the meeting's facts, replacing the edited one.
pub fn reset_news(conn: &Connection, meeting_id: i64) -> Result<NewsDraft> {
    let edit = draft_news(&facts(conn, meeting_id)?);
    write(conn, meeting_id, &edit)
}

/// The one write of a 信息稿.
fn write(conn: &Connection, meeting_id: i64, e: &NewsEdit) -> Result<NewsDraft> {
    let body = serde_json::to_string(&e.paragraphs)?;
    atomically(conn, || {
        let t = now();
        conn.execute(
            "INSERT INTO news_drafts (meeting_id, headline, body, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)
             ON CONFLICT (meeting_id) DO UPDATE SET headline = excluded.headline,
                 body = excluded.body, updated_at = excluded.updated_at",
            params![meeting_id, e.headline, body, t],
        )?;
        read(conn, meeting_id)?.ok_or(Error::NotFound {
            what: "信息稿",
            id: meeting_id.to_string(),
        })
    })
}

/// Plain text for WeChat: the headline, a blank line, then the paragraphs, each indented two
/// full-width spaces and separated by a blank line.
pub fn news_text(n: &NewsDraft) -> String {
    let mut s = n.headline.clone();
    s.push_str("\n\n");
    let paras: Vec<String> = n
        .paragraphs
        .iter()
        .map(|p| format!("\u{3000}\u{3000}{p}"))
        .collect();
    s.push_str(&paras.join("\n\n"));
    s.push('\n');
    s
}
