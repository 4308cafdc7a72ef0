//! The demo street's meetings: last year's annual meeting (held, with sign-ins) and this
//! year's, started from it and being prepared.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::Connection;

use super::agenda::{self, AgendaInput, AgendaKind};
use super::attendance::{self, InviteScope, Reply};
use super::speeches::{self, SpeechInput};
use super::{copy_from, create, set_status, update, MeetingInput, MeetingKind, MeetingStatus};
use crate::error::{Error, Result};
use crate::units;

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| Error::invalid("date", "示例日期无效"))
}

fn time(h: u32, m: u32) -> Result<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(|| Error::invalid("time", "示例时间无效"))
}

const AGENDA: &[(AgendaKind, &str, &str, i64)] = &[
    (
        AgendaKind::Host,
        "主持人宣布会议开始，介绍出席领导和嘉宾",
        "街道党工委副书记 周立新",
        5,
    ),
    (
        AgendaKind::Report,
        "街道党工委书记作年度区域化党建工作报告",
        "街道党工委书记 陈振华",
        20,
    ),
    (AgendaKind::Speeches, "成员单位代表交流发言", "", 0),
    (AgendaKind::Signing, "党建结对共建协议签约", "", 10),
    (AgendaKind::Donation, "爱心企业捐赠仪式", "", 10),
    (
        AgendaKind::Address,
        "区委组织部领导讲话",
        "区委组织部副部长 林雅琴",
        15,
    ),
    (
        AgendaKind::Closing,
        "主持人总结，宣布会议结束",
        "街道党工委副书记 周立新",
        5,
    ),
];

const TOPICS: &[&str] = &[
    "发挥部队优势，助力平安街道建设",
    "校地共建育新人，党建引领促发展",
    "立足企业所长，服务社区民生",
    "凝聚“两新”力量，共绘治理同心圆",
];

/// Adds the demo meetings (called by [`crate::demo::load`] inside its transaction).
pub fn load(conn: &Connection) -> Result<()> {
    let roster = units::list(conn)?;
    let last = create(
        conn,
        &MeetingInput {
            kind: MeetingKind::Annual,
            title: "海棠街道区域化党建联席会2025年年会".into(),
            session_no: Some(24),
            theme: "党建引领聚合力 共建共治促发展".into(),
            date: Some(date(2025, 9, 19)?),
            start_time: Some(time(9, 0)?),
            venue: "海棠街道党群服务中心三楼会议室".into(),
            host: "海棠街道党工委".into(),
            chair: "周立新".into(),
            recorder: "吴婷婷".into(),
            notes: "示例数据".into(),
        },
    )?;
    attendance::invite(conn, last.id, &InviteScope::AllActive)?;
    attendance::add_guest(conn, last.id, "海棠区委组织部", "林雅琴", "副部长")?;
    let invitees = attendance::list(conn, last.id)?;
    for (i, inv) in invitees.iter().enumerate() {
        if let Some(u) = inv
            .unit_id
            .and_then(|id| roster.iter().find(|u| u.id == id))
        {
            attendance::set_attendee(conn, inv.id, &u.party_secretary, "党组织书记")?;
        }
        let reply = match i % 12 {
            5 => Reply::Leave,
            9 => Reply::Delegated,
            _ => Reply::Confirmed,
        };
        let substitute = if reply == Reply::Delegated {
            "孙思远"
        } else {
            ""
        };
        attendance::set_reply(conn, inv.id, reply, substitute)?;
        if reply != Reply::Leave {
            let minute = u32::try_from(i % 25).unwrap_or(0);
            let at = date(2025, 9, 19)?.and_time(time(8, 30 + minute)?);
            attendance::sign_in(conn, inv.id, at)?;
        }
    }
    for (kind, title, presenter, minutes) in AGENDA {
        agenda::add(
            conn,
            last.id,
            &AgendaInput {
                kind: *kind,
                title: (*title).into(),
                presenter_unit_id: None,
                presenter: (*presenter).into(),
                duration_min: *minutes,
                notes: String::new(),
            },
        )?;
    }
    // One speaker per branch kind: 部队, 学校, 企业, 其他.
    for (k, branch_index) in [0usize, 1, 2, 4].into_iter().enumerate() {
        let branch = crate::demo::BRANCH_NAMES[branch_index];
        let Some(u) = roster.iter().find(|u| u.branch.as_deref() == Some(branch)) else {
            continue;
        };
        let same_branch = roster
            .iter()
            .filter(|o| o.branch.as_deref() == Some(branch))
            .count();
        speeches::add(
            conn,
            last.id,
            &SpeechInput {
                unit_id: Some(u.id),
                speaker_name: u.party_secretary.clone(),
                speaker_title: "党组织书记".into(),
                topic: TOPICS[k % TOPICS.len()].into(),
                minutes: if k == 0 { 8 } else { 6 },
                on_behalf_count: i64::try_from(same_branch).ok(),
                on_behalf_unit_ids: Vec::new(),
                notes: String::new(),
            },
        )?;
    }
    set_status(conn, last.id, MeetingStatus::Held)?;

    // This year's, from last year's blueprint.
    let this = copy_from(
        conn,
        last.id,
        "海棠街道区域化党建联席会2026年年会",
        Some(date(2026, 9, 25)?),
    )?;
    let mut input = MeetingInput {
        kind: this.kind,
        title: this.title.clone(),
        session_no: this.session_no,
        theme: "六联共建聚合力 同心共筑幸福城".into(),
        date: this.date,
        start_time: Some(time(14, 30)?),
        venue: this.venue.clone(),
        host: this.host.clone(),
        chair: this.chair.clone(),
        recorder: this.recorder.clone(),
        notes: "示例数据".into(),
    };
    input.session_no = Some(25);
    update(conn, this.id, &input)?;
    for (i, inv) in attendance::list(conn, this.id)?.iter().enumerate() {
        let reply = match i % 7 {
            0 | 1 | 2 | 4 => Reply::Confirmed,
            3 => Reply::Leave,
            _ => continue,
        };
        attendance::set_reply(conn, inv.id, reply, "")?;
    }
    for (s, topic) in speeches::list(conn, this.id)?.iter().zip(TOPICS).take(3) {
        let input = SpeechInput {
            unit_id: s.unit_id,
            speaker_name: s.speaker_name.clone(),
            speaker_title: s.speaker_title.clone(),
            topic: (*topic).into(),
            minutes: s.minutes,
            on_behalf_count: s.on_behalf_count,
            on_behalf_unit_ids: s.on_behalf_unit_ids.clone(),
            notes: String::new(),
        };
        speeches::update(conn, s.id, &input)?;
    }
    Ok(())
}
